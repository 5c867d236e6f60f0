"""Company profile dialog: the admin sets what statements print and the settlement/aging settings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from erpdesk.services.auth import AuthService
from erpdesk.services.auth_dto import CompanyProfile
from erpdesk.services.container import Services
from erpdesk.ui.dialogs.company_profile import CompanyProfileDialog

ADMIN_PASSWORD = "Blue-Harbor_7z"


@pytest.fixture
def services(sqlite_db, clock):
    auth = AuthService(sqlite_db, clock)
    setup = auth.first_run_setup(CompanyProfile(name="华东贸易有限公司"), "admin", ADMIN_PASSWORD)
    return Services(sqlite_db, setup.login.actor, clock)


def _retype(qtbot, edit, text: str) -> None:
    """Clear ``edit`` and type ``text``: ASCII as key presses, anything else through the input method."""
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def test_new_profile_shows_the_defaults(qtbot, services) -> None:
    dialog = CompanyProfileDialog(services.users)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "华东贸易有限公司"
    assert dialog.threshold.value() == Decimal("50000.00")
    assert dialog.return_days.value() == 15
    assert dialog.buckets.text() == "30,60,90"


def test_admin_saves_bank_threshold_and_buckets(qtbot, services) -> None:
    dialog = CompanyProfileDialog(services.users)
    qtbot.addWidget(dialog)
    _retype(qtbot, dialog.bank_account, "6222 0000 1111 2222")
    _retype(qtbot, dialog.threshold, "20000")
    dialog.return_days.setValue(10)
    _retype(qtbot, dialog.buckets, "15，45，90，180")
    _retype(qtbot, dialog.payee, "华东贸易有限公司财务部")
    dialog._save()
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = services.users.get_company_profile()
    assert stored is not None
    assert stored.bank_account == "6222 0000 1111 2222"
    assert stored.settlement_threshold == Decimal("20000.00")
    assert stored.statement_return_days == 10
    assert stored.aging_buckets == (0, 15, 45, 90, 180)
    assert stored.payee_account_name == "华东贸易有限公司财务部"


def test_bad_buckets_are_refused_and_nothing_is_saved(qtbot, services) -> None:
    before = services.users.get_company_profile()
    dialog = CompanyProfileDialog(services.users)
    qtbot.addWidget(dialog)
    _retype(qtbot, dialog.buckets, "60,30")
    dialog._save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.message.isVisibleTo(dialog)
    assert "60, 30" in dialog.message.text() or "0, 60, 30" in dialog.message.text()
    assert services.users.get_company_profile() == before
