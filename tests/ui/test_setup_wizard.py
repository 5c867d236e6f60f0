"""First run on an empty database: the set-up wizard records the company and the first admin."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from erpdesk.domain.permissions import Role
from erpdesk.services.auth import AuthService
from erpdesk.services.users import UserService
from erpdesk.ui.dialogs.login import LoginDialog
from erpdesk.ui.dialogs.setup_wizard import SetupWizard

ADMIN_PASSWORD = "Blue-Harbor_7z"


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` as a user would: ASCII by key presses, Chinese committed by the input method."""
    run = ""
    for ch in text + "\0":
        if ch.isascii() != (run[:1] or ch).isascii() or ch == "\0":
            if run.isascii():
                qtbot.keyClicks(widget, run)
            else:
                event = QInputMethodEvent()
                event.setCommitString(run)
                QApplication.sendEvent(widget, event)
            run = ""
        run += ch


def _next(wizard: SetupWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def _commit(wizard: SetupWizard) -> None:
    wizard.button(QWizard.WizardButton.CommitButton).click()


def _fill_company(qtbot, wizard: SetupWizard) -> None:
    page = wizard.company_page
    type_text(qtbot, page.name, "华东贸易有限公司")
    type_text(qtbot, page.address, "上海市浦东新区世纪大道100号")
    qtbot.keyClicks(page.tax_number, "91310115MA1K4LXXXX")
    type_text(qtbot, page.bank_name, "中国工商银行上海分行")
    qtbot.keyClicks(page.bank_account, "1001 2345 6789 0123")


def test_first_run_creates_company_and_admin_who_can_then_log_in(qtbot, sqlite_db, clock):
    auth = AuthService(sqlite_db, clock)
    assert auth.needs_setup()
    wizard = SetupWizard(auth)
    qtbot.addWidget(wizard)
    wizard.show()

    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # name is required
    _fill_company(qtbot, wizard)
    _next(wizard)
    assert wizard.currentPage() is wizard.admin_page
    page = wizard.admin_page
    page.username.clear()
    qtbot.keyClicks(page.username, "zhang")
    type_text(qtbot, page.display_name, "张伟")
    qtbot.keyClicks(page.password, ADMIN_PASSWORD)
    qtbot.keyClicks(page.repeat, ADMIN_PASSWORD)
    _commit(wizard)

    assert wizard.currentPage() is wizard.codes_page
    codes = wizard.codes_page.codes.toPlainText().split()
    assert len(codes) == 10
    assert len(set(codes)) == 10
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.codes_page.saved.setChecked(True)
    assert finish.isEnabled()
    finish.click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.setup_result.login.actor.roles == frozenset({Role.ADMIN})
    assert not auth.needs_setup()

    login = LoginDialog(auth)
    qtbot.addWidget(login)
    login.show()
    assert login.username.text() == "zhang"  # the new admin is remembered as the last user
    qtbot.keyClicks(login.password, ADMIN_PASSWORD)
    login.ok_button.click()
    assert login.result() == QDialog.DialogCode.Accepted
    actor = login.result_login.actor
    assert actor.username == "zhang"
    assert Role.ADMIN in actor.roles
    company = UserService(sqlite_db, actor, clock).get_company_profile()
    assert company is not None
    assert company.name == "华东贸易有限公司"
    assert company.bank_account == "1001 2345 6789 0123"


def test_weak_admin_password_is_refused_with_the_reasons_shown(qtbot, sqlite_db, clock):
    auth = AuthService(sqlite_db, clock)
    wizard = SetupWizard(auth)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_company(qtbot, wizard)
    _next(wizard)
    page = wizard.admin_page
    qtbot.keyClicks(page.password, "abcd1234")
    hint = page.hint.label.text()
    qtbot.keyClicks(page.repeat, "abcd1234")
    _commit(wizard)

    assert wizard.currentPage() is page
    assert page.message.isVisible()
    assert page.message.text()
    assert hint.startswith("Strength:")
    assert "•" in hint
    assert auth.needs_setup()


def test_strength_hint_rises_while_typing_a_better_password(qtbot, sqlite_db, clock):
    wizard = SetupWizard(AuthService(sqlite_db, clock))
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_company(qtbot, wizard)
    _next(wizard)
    page = wizard.admin_page
    qtbot.keyClicks(page.password, "abc")
    weak = page.hint.meter.value()
    qtbot.keyClicks(page.password, "-Harbor_7z!Quiet")
    assert page.hint.meter.value() > weak
    assert "•" not in page.hint.label.text()


def test_app_start_sets_up_an_empty_database_then_asks_to_log_in(qtbot, sqlite_db, monkeypatch):
    from erpdesk.app import authenticate

    def run_wizard(self: SetupWizard) -> int:
        self.show()
        _fill_company(qtbot, self)
        _next(self)
        qtbot.keyClicks(self.admin_page.password, ADMIN_PASSWORD)
        qtbot.keyClicks(self.admin_page.repeat, ADMIN_PASSWORD)
        _commit(self)
        self.codes_page.saved.setChecked(True)
        self.button(QWizard.WizardButton.FinishButton).click()
        return self.result()

    def log_in(self: LoginDialog) -> int:
        self.show()
        qtbot.keyClicks(self.password, ADMIN_PASSWORD)
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(SetupWizard, "exec", run_wizard)
    monkeypatch.setattr(LoginDialog, "exec", log_in)
    first = authenticate(None, sqlite_db)  # type: ignore[arg-type]
    second = authenticate(None, sqlite_db)  # type: ignore[arg-type]

    assert first is not None
    assert first.username == "admin"
    assert second == first
