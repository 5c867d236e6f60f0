"""Two-step sign-in: the enrolment QR code scans to the secret, and the login then asks for the code."""

from __future__ import annotations

import io
from datetime import timedelta

import pyotp
import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog

from erpdesk.domain.messages import render
from erpdesk.services.auth import AuthService
from erpdesk.services.auth_dto import CompanyProfile
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.ui.dialogs.login import LoginDialog
from erpdesk.ui.dialogs.totp_enrolment import TotpEnrolmentDialog, qr_image

ADMIN_PASSWORD = "Blue-Harbor_7z"


def _decode(image: QImage) -> str:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    (result,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(bytes(buffer.data()))))
    return result.text


def test_qr_code_scans_back_to_the_provisioning_address():
    uri = "otpauth://totp/ERPDesk:%E5%BC%A0%E4%BC%9F?secret=JBSWY3DPEHPK3PXP&issuer=ERPDesk"
    assert _decode(qr_image(uri)) == uri


@pytest.fixture
def services(sqlite_db, clock):
    auth = AuthService(sqlite_db, clock)
    setup = auth.first_run_setup(CompanyProfile(name="华东贸易有限公司"), "admin", ADMIN_PASSWORD)
    return Services(sqlite_db, setup.login.actor, clock)


def test_enrolment_then_login_asks_for_the_authenticator_code(qtbot, services, sqlite_db, clock):
    users = services.users
    enrolment = users.enrol_totp()
    dialog = TotpEnrolmentDialog(enrolment, users.confirm_totp)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _decode(dialog.qr.pixmap().toImage()) == enrolment.provisioning_uri

    code = pyotp.TOTP(enrolment.secret).at(clock.utc())
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    qtbot.keyClicks(dialog.code, wrong)
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.message.text()
    assert not services.users.get("admin").totp_enrolled
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, code)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted

    a_minute_later = clock.utc() + timedelta(minutes=1)
    login = LoginDialog(AuthService(sqlite_db, Clock(now=lambda: a_minute_later)))
    qtbot.addWidget(login)
    login.show()
    login.username.clear()
    qtbot.keyClicks(login.username, "admin")
    qtbot.keyClicks(login.password, ADMIN_PASSWORD)
    login.ok_button.click()
    assert login.totp.isVisible()
    assert login.result_login is None

    qtbot.keyClicks(login.totp, code)  # the code used at enrolment: a replay
    login.ok_button.click()
    assert login.result_login is None
    assert login.message.text() == render("auth.wrong_code", "en", tries_left=4)

    previous_step = pyotp.TOTP(enrolment.secret).at(a_minute_later, counter_offset=-1)
    qtbot.keyClicks(login.totp, previous_step)
    login.ok_button.click()
    assert login.result() == QDialog.DialogCode.Accepted
    assert login.result_login.actor.username == "admin"
