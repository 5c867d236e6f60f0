"""The login dialog: user name, password, the authenticator code when needed, and help for a lost password.

The user name is pre-filled from the last successful login on this PC (QSettings, never the password).
Each step goes to ``AuthService``; a refusal is shown as the service's message in the UI language (the
same text for an unknown user and a wrong password, with the tries left or the end of a lock). After the
password the dialog may ask for the TOTP code and then force a password change; it closes only when the
service says the login is done, and ``ask`` returns the logged-in ``LoginResult``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.services.auth_dto import LoginFailed, LoginFailureReason, LoginResult, LoginStep
from erpdesk.ui import prefs
from erpdesk.ui.dialogs.change_password import ChangePasswordDialog
from erpdesk.ui.dialogs.common import MessageLabel, add_ok_cancel, error_text, password_edit
from erpdesk.ui.dialogs.recovery import RecoveryDialog

if TYPE_CHECKING:
    from erpdesk.services.auth import AuthService

LAST_USER_KEY = "login/last_user"


class LoginDialog(QDialog):
    """Logs a user in through ``auth``; ``result_login`` holds the final ``LoginResult``."""

    def __init__(
        self,
        auth: AuthService,
        *,
        settings: QSettings | None = None,
        company_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.login")
        self.setWindowTitle(self.tr("Log in to ERPDesk"))
        self._auth = auth
        self._settings = settings if settings is not None else prefs.settings()
        self._ticket: str | None = None
        self._typed_password = ""
        self.result_login: LoginResult | None = None

        layout = QVBoxLayout(self)
        if company_name:
            company = QLabel(company_name, self)
            company.setObjectName("login.company")
            font = company.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            company.setFont(font)
            layout.addWidget(company)
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.username.setObjectName("login.username")
        self.username.setMaxLength(64)
        form.addRow(self.tr("User name:"), self.username)
        self.password = password_edit(self, "login.password")
        form.addRow(self.tr("Password:"), self.password)
        self.totp_label = QLabel(self.tr("Authenticator code:"), self)
        self.totp = QLineEdit(self)
        self.totp.setObjectName("login.totp")
        self.totp.setMaxLength(8)
        self.totp.setPlaceholderText(self.tr("6-digit code from your authenticator app"))
        form.addRow(self.totp_label, self.totp)
        layout.addLayout(form)
        self.message = MessageLabel(self, object_name="login.message")
        layout.addWidget(self.message)

        self.forgot_button = QPushButton(self.tr("Forgot password?"), self)
        self.forgot_button.setObjectName("login.forgot")
        self.forgot_button.setFlat(True)
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.clicked.connect(self._show_forgot_help)
        layout.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.forgot_help = QLabel(
            self.tr(
                "Ask an administrator to reset your password: you get a one-time password and choose "
                "a new one when you log in. An administrator who forgot their own password can use "
                "one of the recovery codes shown when ERPDesk was set up."
            ),
            self,
        )
        self.forgot_help.setObjectName("login.forgot_help")
        self.forgot_help.setWordWrap(True)
        self.forgot_help.hide()
        layout.addWidget(self.forgot_help)
        self.recovery_button = QPushButton(self.tr("Use a recovery code…"), self)
        self.recovery_button.setObjectName("login.recovery")
        self.recovery_button.setAutoDefault(False)
        self.recovery_button.clicked.connect(self._recover)
        self.recovery_button.hide()
        layout.addWidget(self.recovery_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.ok_button = add_ok_cancel(self, layout, self.submit, self.tr("Log in"))
        self.ok_button.setObjectName("login.ok")

        self._set_totp_mode(False)
        last = self._settings.value(LAST_USER_KEY, "")
        self.username.setText(str(last or ""))
        (self.password if self.username.text() else self.username).setFocus()

    # ------------------------------------------------------------------ steps

    def _set_totp_mode(self, on: bool) -> None:
        self.totp_label.setVisible(on)
        self.totp.setVisible(on)
        self.username.setReadOnly(on)
        self.password.setReadOnly(on)
        if on:
            self.totp.clear()
            self.totp.setFocus()
        else:
            self._ticket = None

    def submit(self) -> None:
        """Run the next login step with what is typed (the Log in button)."""
        self.message.clear_message()
        try:
            if self._ticket is not None:
                code = self.totp.text().strip().replace(" ", "")
                if not code:
                    self.message.show_error(self.tr("Type the 6-digit code from your app."))
                    return
                result = self._auth.verify_totp(self._ticket, code)
            else:
                username = self.username.text().strip()
                if not username or not self.password.text():
                    self.message.show_error(self.tr("Enter your user name and password."))
                    return
                self._typed_password = self.password.text()
                result = self._auth.login(username, self._typed_password)
        except LoginFailed as exc:
            self._refused(exc)
            return
        except DomainError as exc:
            self.message.show_error(error_text(exc))
            return
        self._advance(result)

    def _refused(self, exc: LoginFailed) -> None:
        self.message.show_error(error_text(exc))
        if self._ticket is not None:
            self.totp.clear()
            self.totp.setFocus()
            if exc.failure.reason in {LoginFailureReason.LOCKED, LoginFailureReason.TICKET_EXPIRED}:
                self._set_totp_mode(False)
                self.password.clear()
                self.password.setFocus()
        else:
            self.password.clear()
            self.password.setFocus()

    def _advance(self, result: LoginResult) -> None:
        if result.step == LoginStep.TOTP:
            self._ticket = result.ticket
            self._set_totp_mode(True)
            self.message.show_note(self.tr("Enter the code from your authenticator app."))
            return
        if result.step == LoginStep.CHANGE_PASSWORD:
            ticket = result.ticket
            old_password = self._typed_password
            changed = ChangePasswordDialog.ask(
                self,
                lambda _current, new: self._auth.change_password(
                    result.username, old_password, new, ticket=ticket
                ),
                lambda pw: self._auth.check_password(pw, username=result.username),
                ask_current=False,
                reason=self.tr(
                    "You logged in with a one-time password. Choose your own password to continue."
                ),
            )
            if not isinstance(changed, LoginResult):
                self._set_totp_mode(False)
                self.password.clear()
                self.message.show_note(
                    self.tr("The password was not changed; you are not logged in.")
                )
                return
            self._advance(changed)
            return
        self.result_login = result
        self._settings.setValue(LAST_USER_KEY, result.username)
        self._settings.sync()
        self.password.clear()
        self._typed_password = ""
        self.accept()

    # ------------------------------------------------------------------ lost password

    def _show_forgot_help(self) -> None:
        self.forgot_help.show()
        self.recovery_button.show()

    def _recover(self) -> None:
        result = RecoveryDialog.ask(self, self._auth, self.username.text().strip())
        if isinstance(result, LoginResult):
            self._advance(result)

    # ------------------------------------------------------------------ entry point

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        auth: AuthService,
        *,
        settings: QSettings | None = None,
        company_name: str = "",
    ) -> LoginResult | None:
        """Show the login dialog; the finished ``LoginResult`` or ``None`` when the user cancelled."""
        dialog = cls(auth, settings=settings, company_name=company_name, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_login
