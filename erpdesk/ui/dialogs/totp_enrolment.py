"""Two-step sign-in enrolment: show the QR code of a new TOTP secret, then confirm one code from the app.

The QR code is built with the ``qrcode`` package (its module matrix only) and painted with QtGui, so no
image library is needed. The secret is also shown in groups of four for typing by hand. Nothing is
stored until the service accepts a code (``confirm``); closing the dialog leaves the account unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import qrcode
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.ui.dialogs.common import MessageLabel, add_ok_cancel, error_text

if TYPE_CHECKING:
    from erpdesk.services.auth_dto import TotpEnrolment


def qr_image(text: str, *, module: int = 6, border: int = 4) -> QImage:
    """A black-on-white QR code of ``text``, ``module`` pixels per module, ``border`` modules of margin."""
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = (len(matrix) + 2 * border) * module
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        black = QColor("black")
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        QRect((x + border) * module, (y + border) * module, module, module), black
                    )
    finally:
        painter.end()
    return image


def grouped_secret(secret: str) -> str:
    """``JBSWY3DPEHPK3PXP`` → ``JBSW Y3DP EHPK 3PXP`` (easier to type into a phone)."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class TotpEnrolmentDialog(QDialog):
    """Shows the QR code and secret; accepts once ``confirm(secret, code)`` returns without error."""

    def __init__(
        self,
        enrolment: TotpEnrolment,
        confirm: Callable[[str, str], object],
        parent: QWidget | None = None,
        *,
        required: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.totp_enrolment")
        self.setWindowTitle(self.tr("Set up two-step sign-in"))
        self._enrolment = enrolment
        self._confirm = confirm
        layout = QVBoxLayout(self)
        if required:
            must = QLabel(
                self.tr("Your account must use two-step sign-in. Set it up now to continue."), self
            )
            must.setObjectName("totp.required")
            must.setWordWrap(True)
            layout.addWidget(must)
        intro = QLabel(
            self.tr(
                "Scan this code with an authenticator app on your phone (for example Microsoft "
                "Authenticator, Google Authenticator or FreeOTP), then type the 6-digit code it shows."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.qr = QLabel(self)
        self.qr.setObjectName("totp.qr")
        self.qr.setPixmap(QPixmap.fromImage(qr_image(enrolment.provisioning_uri)))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.qr)
        manual = QLabel(
            self.tr("Cannot scan? Enter this key in the app: {key}").format(
                key=grouped_secret(enrolment.secret)
            ),
            self,
        )
        manual.setObjectName("totp.secret")
        manual.setWordWrap(True)
        manual.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(manual)
        layout.addWidget(QLabel(self.tr("Code from the app:"), self))
        self.code = QLineEdit(self)
        self.code.setObjectName("totp.code")
        self.code.setMaxLength(8)
        self.code.setPlaceholderText("123456")
        layout.addWidget(self.code)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.ok_button = add_ok_cancel(self, layout, self._submit, self.tr("Turn on"))

    def _submit(self) -> None:
        code = self.code.text().strip().replace(" ", "")
        if not code:
            self.message.show_error(self.tr("Type the 6-digit code from the app."))
            return
        try:
            self._confirm(self._enrolment.secret, code)
        except DomainError as exc:
            self.message.show_error(error_text(exc))
            self.code.selectAll()
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        enrolment: TotpEnrolment,
        confirm: Callable[[str, str], object],
        *,
        required: bool = False,
    ) -> bool:
        """Run the enrolment; ``True`` once a code was confirmed and two-step sign-in is on."""
        dialog = cls(enrolment, confirm, parent, required=required)
        return dialog.exec() == QDialog.DialogCode.Accepted
