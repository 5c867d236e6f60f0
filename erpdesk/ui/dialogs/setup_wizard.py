"""First-run set-up on an empty database: the company profile, the first administrator, recovery codes.

Three pages: the company as printed on statements (name required), the administrator's name and
password (with the strength hint), and the ten recovery codes, shown this once. The admin page is the
commit page: ``AuthService.first_run_setup`` runs when the user leaves it, after which there is no way
back; Finish is enabled only once the user confirms the codes are written down. The admin's name is
remembered as the last user, so the next login dialog starts with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from erpdesk.domain.errors import DomainError
from erpdesk.services.auth_dto import CompanyProfile, SetupResult
from erpdesk.services.errors import ValidationError
from erpdesk.ui import prefs
from erpdesk.ui.dialogs.change_password import PasswordStrengthHint
from erpdesk.ui.dialogs.common import MessageLabel, error_text, password_edit
from erpdesk.ui.dialogs.login import LAST_USER_KEY
from erpdesk.ui.i18n import current_language

if TYPE_CHECKING:
    from erpdesk.services.auth import AuthService


def _validation_text(exc: DomainError) -> str:
    if isinstance(exc, ValidationError) and len(exc.fields) > 1:
        return "\n".join(
            error_text(DomainError(msg_id, **dict(params)))
            for msg_id, params in exc.fields.values()
        )
    return error_text(exc)


class CompanyPage(QWizardPage):
    """The company profile; the name is required."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setup.company_page")
        self.setTitle(self.tr("Your company"))
        self.setSubTitle(
            self.tr("These details are printed on statements. You can change them later.")
        )
        form = QFormLayout(self)
        self.name = self._field(form, "setup.company_name", self.tr("Company name:"), 200)
        self.address = self._field(form, "setup.address", self.tr("Address:"), 300)
        self.tax_number = self._field(form, "setup.tax_number", self.tr("Tax number (USCC):"), 30)
        self.bank_name = self._field(form, "setup.bank_name", self.tr("Bank:"), 100)
        self.bank_account = self._field(form, "setup.bank_account", self.tr("Bank account:"), 50)
        self.phone = self._field(form, "setup.phone", self.tr("Phone:"), 50)
        self.registerField("company_name*", self.name)

    def _field(self, form: QFormLayout, name: str, label: str, length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMaxLength(length)
        form.addRow(label, edit)
        return edit

    def profile(self) -> CompanyProfile:
        return CompanyProfile(
            name=self.name.text().strip(),
            address=self.address.text().strip(),
            tax_number=self.tax_number.text().strip(),
            bank_name=self.bank_name.text().strip(),
            bank_account=self.bank_account.text().strip(),
            phone=self.phone.text().strip(),
        )


class AdminPage(QWizardPage):
    """The first administrator; leaving this page runs the set-up."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("setup.admin_page")
        self._wizard = wizard
        self.setTitle(self.tr("Administrator"))
        self.setSubTitle(
            self.tr(
                "The administrator manages users, backups and settings. Choose a password only you "
                "know; there is no default password."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit("admin", self)
        self.username.setObjectName("setup.username")
        self.username.setMaxLength(64)
        form.addRow(self.tr("User name:"), self.username)
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("setup.display_name")
        self.display_name.setMaxLength(100)
        form.addRow(self.tr("Full name:"), self.display_name)
        self.password = password_edit(self, "setup.password")
        form.addRow(self.tr("Password:"), self.password)
        self.hint = PasswordStrengthHint(
            self.password,
            lambda pw: wizard.auth.check_password(
                pw,
                username=self.username.text().strip(),
                company_name=wizard.company_page.name.text().strip(),
            ),
            self,
        )
        form.addRow("", self.hint)
        self.repeat = password_edit(self, "setup.repeat")
        form.addRow(self.tr("Repeat password:"), self.repeat)
        layout.addLayout(form)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.username.textChanged.connect(lambda _t: self.hint.update_hint(self.password.text()))

    def validatePage(self) -> bool:
        self.message.clear_message()
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self.message.show_error(self.tr("Enter a user name."))
            return False
        if password != self.repeat.text():
            self.message.show_error(self.tr("The two passwords are not the same."))
            return False
        check = self.hint.check
        if check is None or not check.ok:
            texts = check.texts(current_language()) if check else ()
            self.message.show_error("\n".join(texts) or self.tr("Choose a password."))
            return False
        try:
            result = self._wizard.auth.first_run_setup(
                self._wizard.company_page.profile(),
                username,
                password,
                admin_display_name=self.display_name.text().strip(),
            )
        except DomainError as exc:
            self.message.show_error(_validation_text(exc))
            return False
        self._wizard.setup_result = result
        store = prefs.settings()
        store.setValue(LAST_USER_KEY, result.login.username)
        store.sync()
        self.password.clear()
        self.repeat.clear()
        return True


class CodesPage(QWizardPage):
    """The recovery codes, shown once; Finish needs the "written down" tick."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("setup.codes_page")
        self._wizard = wizard
        self.setTitle(self.tr("Recovery codes"))
        self.setSubTitle(
            self.tr(
                "If you forget your password, one of these codes lets you set a new one. Each code "
                "works once. Print them or write them down and keep them somewhere safe: they are "
                "shown only now."
            )
        )
        layout = QVBoxLayout(self)
        self.codes = QPlainTextEdit(self)
        self.codes.setObjectName("setup.codes")
        self.codes.setReadOnly(True)
        self.codes.setFont(QFont("monospace"))
        layout.addWidget(self.codes)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("setup.copy_codes")
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.codes.toPlainText())
        )
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.saved = QCheckBox(self.tr("I have written down or printed these codes"), self)
        self.saved.setObjectName("setup.codes_saved")
        self.saved.toggled.connect(lambda _on: self.completeChanged.emit())
        layout.addWidget(self.saved)

    def initializePage(self) -> None:
        result = self._wizard.setup_result
        codes = result.recovery_codes if result else ()
        self.codes.setPlainText("\n".join(codes))

    def isComplete(self) -> bool:
        return self.saved.isChecked()


class SetupWizard(QWizard):
    """The first-run wizard; ``setup_result`` is set once the admin page was committed."""

    def __init__(self, auth: AuthService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.setup")
        self.setWindowTitle(self.tr("Set up ERPDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.auth = auth
        self.setup_result: SetupResult | None = None
        self.company_page = CompanyPage(self)
        self.admin_page = AdminPage(self)
        self.codes_page = CodesPage(self)
        self.addPage(self.company_page)
        self.addPage(self.admin_page)
        self.addPage(self.codes_page)

    def reject(self) -> None:
        # Once the admin exists the codes must not be lost by a stray Escape: only Finish closes.
        if self.setup_result is not None and not self.codes_page.isComplete():
            return
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, auth: AuthService) -> SetupResult | None:
        """Run the set-up; the result once the admin was created (even if closed on the last page)."""
        wizard = cls(auth, parent)
        wizard.exec()
        return wizard.setup_result
