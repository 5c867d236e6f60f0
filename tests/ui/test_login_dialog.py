"""The login dialog, driven by typing, against the real auth service on an SQLite file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Role
from erpdesk.services.auth import AuthService
from erpdesk.services.auth_dto import CompanyProfile, LoginStep
from erpdesk.services.users import UserService
from erpdesk.ui.dialogs.change_password import ChangePasswordDialog
from erpdesk.ui.dialogs.login import LoginDialog
from erpdesk.ui.dialogs.recovery import RecoveryDialog

ADMIN_PASSWORD = "Blue-Harbor_7z"
NEW_CLERK_PASSWORD = "Quiet!Maple93"


@pytest.fixture
def auth(sqlite_db, clock):
    service = AuthService(sqlite_db, clock)
    setup = service.first_run_setup(
        CompanyProfile(name="华东贸易有限公司"), "admin", ADMIN_PASSWORD
    )
    service.recovery_codes = setup.recovery_codes  # type: ignore[attr-defined]
    return service


def _dialog(qtbot, auth) -> LoginDialog:
    dialog = LoginDialog(auth)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type_login(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    dialog.ok_button.click()


def test_typing_the_right_password_logs_in_as_that_user(qtbot, auth):
    dialog = _dialog(qtbot, auth)
    _type_login(qtbot, dialog, "admin", ADMIN_PASSWORD)

    assert dialog.result() == QDialog.DialogCode.Accepted
    actor = dialog.result_login.actor
    assert actor.username == "admin"
    assert actor.roles == frozenset({Role.ADMIN})
    assert actor.user_id is not None


def test_next_login_remembers_the_user_name_but_not_the_password(qtbot, auth):
    _type_login(qtbot, _dialog(qtbot, auth), "admin", ADMIN_PASSWORD)

    again = _dialog(qtbot, auth)
    assert again.username.text() == "admin"
    assert again.password.text() == ""
    from erpdesk.ui import prefs

    stored = {key: str(prefs.settings().value(key)) for key in prefs.settings().allKeys()}
    assert not any(ADMIN_PASSWORD in value for value in stored.values())


def test_wrong_password_says_how_many_tries_are_left(qtbot, auth):
    dialog = _dialog(qtbot, auth)
    _type_login(qtbot, dialog, "admin", "not-the-password")

    assert dialog.isVisible()
    assert dialog.result_login is None
    assert dialog.message.isVisible()
    assert dialog.message.text() == render("auth.bad_credentials", "en", tries_left=4)
    assert dialog.password.text() == ""


def test_unknown_user_gets_the_same_message_as_a_wrong_password(qtbot, auth):
    dialog = _dialog(qtbot, auth)
    _type_login(qtbot, dialog, "nobody", "not-the-password")
    unknown = dialog.message.text()
    _type_login(qtbot, dialog, "admin", "not-the-password")

    assert unknown == dialog.message.text()


def test_fifth_failure_says_until_when_the_account_is_locked(qtbot, auth):
    dialog = _dialog(qtbot, auth)
    for _ in range(5):
        _type_login(qtbot, dialog, "admin", "not-the-password")
    locked_text = dialog.message.text()
    _type_login(qtbot, dialog, "admin", ADMIN_PASSWORD)

    assert dialog.result_login is None
    assert locked_text == render("auth.locked", "en", until="2025-05-03 09:45")  # 09:30 + 15 min
    assert dialog.message.text() == locked_text


def test_one_time_password_forces_a_new_password_before_the_login_completes(
    qtbot, auth, sqlite_db, clock, monkeypatch
):
    admin = auth.login("admin", ADMIN_PASSWORD).actor
    temporary = UserService(sqlite_db, admin, clock).add("wang", [Role.CLERK])

    def choose_new_password(self: ChangePasswordDialog) -> int:
        qtbot.keyClicks(self.new, NEW_CLERK_PASSWORD)
        qtbot.keyClicks(self.repeat, NEW_CLERK_PASSWORD)
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(ChangePasswordDialog, "exec", choose_new_password)
    dialog = _dialog(qtbot, auth)
    _type_login(qtbot, dialog, "wang", temporary.password)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_login.actor.roles == frozenset({Role.CLERK})
    assert auth.login("wang", NEW_CLERK_PASSWORD).step == LoginStep.DONE


def test_forgot_password_explains_that_an_admin_resets_it(qtbot, auth):
    dialog = _dialog(qtbot, auth)
    assert not dialog.forgot_help.isVisible()
    dialog.forgot_button.click()

    assert dialog.forgot_help.isVisible()
    assert "administrator" in dialog.forgot_help.text()
    assert dialog.recovery_button.isVisible()


def test_admin_who_forgot_the_password_gets_in_with_a_recovery_code(qtbot, auth, monkeypatch):
    code = auth.recovery_codes[0]
    seen: dict[str, str] = {}

    def use_code(self: RecoveryDialog) -> int:
        seen["username"] = self.username.text()
        qtbot.keyClicks(self.code, code)
        qtbot.keyClicks(self.new, NEW_CLERK_PASSWORD)
        qtbot.keyClicks(self.repeat, NEW_CLERK_PASSWORD)
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(RecoveryDialog, "exec", use_code)
    dialog = _dialog(qtbot, auth)
    qtbot.keyClicks(dialog.username, "admin")
    dialog.forgot_button.click()
    dialog.recovery_button.click()

    assert seen["username"] == "admin"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_login.actor.username == "admin"
    assert auth.login("admin", NEW_CLERK_PASSWORD).step == LoginStep.DONE


def test_chinese_login_dialog_and_refusal_message(qtbot, auth, chinese):
    dialog = _dialog(qtbot, auth)
    assert dialog.windowTitle() == "登录 ERPDesk"
    assert dialog.ok_button.text() == "登录"
    _type_login(qtbot, dialog, "admin", "not-the-password")

    assert dialog.message.text() == "用户名或密码错误。再错 4 次账户将被锁定。"


def test_database_password_is_asked_and_not_offered_for_saving_without_a_keyring(
    qtbot, monkeypatch
):
    from erpdesk.ui.dialogs.db_password import DatabasePassword, DatabasePasswordDialog

    def type_password(self: DatabasePasswordDialog) -> int:
        qtbot.addWidget(self)
        self.show()
        assert not self.remember.isEnabled()
        assert self.findChild(QLabel, "db_password.no_keyring").isVisible()
        self.remember.setChecked(True)  # even if forced, nothing is remembered
        qtbot.keyClicks(self.password, "s3cret!")
        qtbot.keyClick(self.password, Qt.Key.Key_Return)
        return self.result()

    monkeypatch.setattr(DatabasePasswordDialog, "exec", type_password)
    answer = DatabasePasswordDialog.ask(
        None, "erpdesk_app@192.168.1.10/erpdesk", keyring_available=False
    )
    assert answer == DatabasePassword(password="s3cret!", remember=False)
