"""User management dialog: an admin adds a clerk, resets a password, unlocks and disables."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from erpdesk.domain.permissions import Role
from erpdesk.services.auth import AuthService
from erpdesk.services.auth_dto import CompanyProfile, LoginFailed, LoginStep, TemporaryPassword
from erpdesk.services.container import Services
from erpdesk.ui.dialogs.users import (
    AddUserDialog,
    RolesDialog,
    TemporaryPasswordDialog,
    UsersDialog,
    UserTableModel,
)
from erpdesk.ui.prompts import Prompts

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


@pytest.fixture
def auth(sqlite_db, clock):
    return AuthService(sqlite_db, clock)


@pytest.fixture
def dialog(qtbot, auth, sqlite_db, clock, monkeypatch):
    setup = auth.first_run_setup(CompanyProfile(name="华东贸易有限公司"), "admin", ADMIN_PASSWORD)
    services = Services(sqlite_db, setup.login.actor, clock)
    shown: list[TemporaryPassword] = []
    monkeypatch.setattr(
        TemporaryPasswordDialog, "ask", classmethod(lambda cls, p, t: shown.append(t))
    )
    monkeypatch.setattr(Prompts, "ask", classmethod(lambda cls, *a: True))
    errors: list[str] = []
    monkeypatch.setattr(
        Prompts, "show_error", classmethod(lambda cls, p, t, text: errors.append(text))
    )
    dialog = UsersDialog(services.users)
    dialog.shown_passwords = shown  # type: ignore[attr-defined]
    dialog.errors = errors  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _add_clerk(qtbot, monkeypatch, dialog: UsersDialog, username: str) -> None:
    def fill(self: AddUserDialog) -> int:
        qtbot.keyClicks(self.username, username)
        type_text(qtbot, self.display_name, "王芳")
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(AddUserDialog, "exec", fill)
    dialog.add_button.click()


def _cell(dialog: UsersDialog, username: str, column: str) -> str:
    row = dialog.model.find(username)
    return dialog.model.index(row, UserTableModel.COLUMNS.index(column)).data()


def test_admin_adds_a_clerk_who_logs_in_with_the_one_time_password(
    qtbot, monkeypatch, dialog, auth
):
    _add_clerk(qtbot, monkeypatch, dialog, "wang")

    assert _cell(dialog, "wang", "roles") == "Clerk"
    assert _cell(dialog, "wang", "display_name") == "王芳"
    assert dialog.selected().username == "wang"
    (temporary,) = dialog.shown_passwords
    assert temporary.username == "wang"
    assert auth.login("wang", temporary.password).step == LoginStep.CHANGE_PASSWORD


def test_reset_password_shows_a_new_one_time_password_and_the_old_one_stops_working(
    qtbot, monkeypatch, dialog, auth
):
    _add_clerk(qtbot, monkeypatch, dialog, "wang")
    first = dialog.shown_passwords[0]
    dialog.select_user("wang")
    dialog.reset_button.click()

    assert len(dialog.shown_passwords) == 2
    second = dialog.shown_passwords[1]
    assert second.password != first.password
    with pytest.raises(LoginFailed):
        auth.login("wang", first.password)
    assert auth.login("wang", second.password).step == LoginStep.CHANGE_PASSWORD
    assert "must change password" in _cell(dialog, "wang", "status")


def test_admin_unlocks_a_locked_user_and_disables_another(qtbot, monkeypatch, dialog, auth):
    _add_clerk(qtbot, monkeypatch, dialog, "wang")
    temporary = dialog.shown_passwords[0]
    for _ in range(5):
        with pytest.raises(LoginFailed):
            auth.login("wang", "wrong password")
    dialog.refresh()
    assert _cell(dialog, "wang", "status").startswith("Locked until")
    dialog.select_user("wang")
    assert dialog.unlock_button.isEnabled()
    dialog.unlock_button.click()
    assert not _cell(dialog, "wang", "status").startswith("Locked")
    assert auth.login("wang", temporary.password).step == LoginStep.CHANGE_PASSWORD

    dialog.select_user("wang")
    dialog.disable_button.click()
    assert _cell(dialog, "wang", "status") == "Disabled"
    assert dialog.disable_button.text() == "Enable"
    with pytest.raises(LoginFailed):
        auth.login("wang", temporary.password)


def test_role_change_is_saved(qtbot, monkeypatch, dialog):
    _add_clerk(qtbot, monkeypatch, dialog, "wang")
    monkeypatch.setattr(
        RolesDialog, "ask", classmethod(lambda cls, p, u, r: (Role.CLERK, Role.ACCOUNTANT))
    )
    dialog.select_user("wang")
    dialog.roles_button.click()
    assert _cell(dialog, "wang", "roles") == "Clerk, Accountant"
