"""Asking the logged-in user's password again before a sensitive action (user and role administration).

The check is the auth service's ``reauthenticate`` (wrong tries count toward the lockout, like a login);
the dialog only collects the password and, when the user has two-step sign-in, the code.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.ui.dialogs.common import MessageLabel, add_ok_cancel, error_text, password_edit


class ReauthDialog(QDialog):
    """Password (and code) of the current user; accepted once ``check(password, code)`` passes."""

    def __init__(
        self,
        check: Callable[[str, str | None], object],
        *,
        action: str,
        needs_totp: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.reauth")
        self.setWindowTitle(self.tr("Confirm it is you"))
        self._check = check
        self._needs_totp = needs_totp
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Enter your password again to open {action}.").format(action=action))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.password = password_edit(self, "reauth.password")
        form.addRow(self.tr("Password:"), self.password)
        self.totp = QLineEdit(self)
        self.totp.setObjectName("reauth.totp")
        self.totp.setMaxLength(8)
        if needs_totp:
            form.addRow(self.tr("Authenticator code:"), self.totp)
        else:
            self.totp.hide()
        layout.addLayout(form)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.ok_button = add_ok_cancel(self, layout, self._submit)

    def _submit(self) -> None:
        if not self.password.text():
            self.message.show_error(self.tr("Enter your password."))
            return
        code = self.totp.text().strip() if self._needs_totp else None
        try:
            self._check(self.password.text(), code)
        except DomainError as exc:
            self.password.clear()
            self.totp.clear()
            self.message.show_error(error_text(exc))
            return
        self.password.clear()
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        check: Callable[[str, str | None], object],
        *,
        action: str,
        needs_totp: bool = False,
    ) -> bool:
        """``True`` once the password (and code) was confirmed."""
        dialog = cls(check, action=action, needs_totp=needs_totp, parent=parent)
        return dialog.exec() == QDialog.DialogCode.Accepted
