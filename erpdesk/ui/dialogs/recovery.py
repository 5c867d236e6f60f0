"""Recovery with a one-time code: an admin who forgot the password (or lost the phone) sets a new one.

The recovery codes were shown once at set-up. A code is used up by a successful recovery, which also
lifts a lock; wrong codes count as failed logins (the service decides and says so). Other users ask an
admin to reset their password instead (the login dialog explains that).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.services.auth_dto import LoginResult
from erpdesk.ui.dialogs.change_password import PasswordStrengthHint
from erpdesk.ui.dialogs.common import MessageLabel, add_ok_cancel, error_text, password_edit
from erpdesk.ui.i18n import current_language

if TYPE_CHECKING:
    from erpdesk.services.auth import AuthService


class RecoveryDialog(QDialog):
    """User name, recovery code and a new password; ``result_login`` is the login it produced."""

    def __init__(self, auth: AuthService, username: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dialog.recovery")
        self.setWindowTitle(self.tr("Recover with a recovery code"))
        self._auth = auth
        self.result_login: LoginResult | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Enter one of the recovery codes you were given when ERPDesk was set up, and choose a "
                "new password. Each code works once. Without a code, another administrator can reset "
                "your password, or someone with access to the database can run "
                "“erpdesk user reset-password NAME”."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(username, self)
        self.username.setObjectName("recovery.username")
        form.addRow(self.tr("User name:"), self.username)
        self.code = QLineEdit(self)
        self.code.setObjectName("recovery.code")
        self.code.setMaxLength(64)
        form.addRow(self.tr("Recovery code:"), self.code)
        self.new = password_edit(self, "recovery.new")
        form.addRow(self.tr("New password:"), self.new)
        self.hint = PasswordStrengthHint(
            self.new,
            lambda pw: auth.check_password(pw, username=self.username.text().strip()),
            self,
        )
        form.addRow("", self.hint)
        self.repeat = password_edit(self, "recovery.repeat")
        form.addRow(self.tr("Repeat new password:"), self.repeat)
        layout.addLayout(form)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.ok_button = add_ok_cancel(self, layout, self._submit, self.tr("Set new password"))
        (self.code if username else self.username).setFocus()

    def _submit(self) -> None:
        username = self.username.text().strip()
        code = self.code.text().strip()
        if not username or not code:
            self.message.show_error(self.tr("Enter your user name and a recovery code."))
            return
        if self.new.text() != self.repeat.text():
            self.message.show_error(self.tr("The two new passwords are not the same."))
            return
        check = self.hint.check
        if check is None or not check.ok:
            texts = check.texts(current_language()) if check else ()
            self.message.show_error("\n".join(texts) or self.tr("Choose a new password."))
            return
        try:
            self.result_login = self._auth.recover_with_code(username, code, self.new.text())
        except DomainError as exc:
            self.message.show_error(error_text(exc))
            self.code.selectAll()
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, auth: AuthService, username: str = ""
    ) -> LoginResult | None:
        """Run the recovery; the resulting login, or ``None`` when cancelled."""
        dialog = cls(auth, username, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_login
