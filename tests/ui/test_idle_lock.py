"""Idle lock: after the idle time the window is covered; the password brings back unsaved work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QWidget,
)

from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Role
from erpdesk.services.auth import AuthService
from erpdesk.services.auth_dto import CompanyProfile
from erpdesk.services.container import Services
from erpdesk.ui.session import SessionControls

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


class FakeClock:
    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


@pytest.fixture
def services(sqlite_db, clock):
    auth = AuthService(sqlite_db, clock)
    setup = auth.first_run_setup(CompanyProfile(name="华东贸易有限公司"), "admin", ADMIN_PASSWORD)
    return Services(sqlite_db, setup.login.actor, clock)


@pytest.fixture
def window(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("客户档案"))
    dock = QDockWidget("Customer", window)
    dock.setObjectName("dock.customer_form")
    dock.setWidget(QPlainTextEdit())
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    return window


def _draft(window: QMainWindow) -> QPlainTextEdit:
    return window.findChild(QDockWidget, "dock.customer_form").widget()


def test_idle_window_locks_hides_content_and_unlocks_with_password_keeping_draft(
    qtbot, window, services
):
    fake = FakeClock()
    controls = SessionControls(window, services, clock=fake, minutes=15)
    lock = controls.idle_lock
    lock.install()
    draft = _draft(window)
    type_text(qtbot, draft, "上海浦东 unsaved note")

    fake.advance(14)
    lock.poll()
    assert not lock.is_locked
    qtbot.keyClick(draft, Qt.Key.Key_Period)  # input resets the idle time
    fake.advance(14)
    lock.poll()
    assert not lock.is_locked
    fake.advance(1.5)
    lock.poll()

    assert lock.is_locked
    assert lock.panel.isVisible()
    hit = window.childAt(draft.mapTo(window, draft.rect().center()))
    assert hit is not None
    assert hit.objectName().startswith("lock.")
    qtbot.keyClicks(draft, "typed while locked")
    assert draft.toPlainText() == "上海浦东 unsaved note."

    qtbot.keyClicks(lock.panel.password, "wrong-password")
    lock.panel.unlock_button.click()
    assert lock.is_locked
    assert lock.panel.message.text() == render("auth.bad_credentials", "en", tries_left=4)

    qtbot.keyClicks(lock.panel.password, ADMIN_PASSWORD)
    qtbot.keyClick(lock.panel.password, Qt.Key.Key_Return)
    assert not lock.is_locked
    assert window.childAt(draft.mapTo(window, draft.rect().center())) is not None
    assert not any(c.isVisible() for c in window.findChildren(QWidget, "lock.cover"))
    qtbot.keyClicks(draft, "!")
    assert draft.toPlainText() == "上海浦东 unsaved note.!"
    lock.uninstall()


def test_lock_action_locks_at_once_and_menu_offers_users_only_to_admins(
    qtbot, window, services, sqlite_db, clock
):
    controls = SessionControls(window, services, clock=FakeClock(), minutes=15)
    assert controls.users_action.isVisible()
    controls.lock_action.trigger()
    assert controls.idle_lock.is_locked

    temporary = services.users.add("wang", [Role.CLERK])
    auth = AuthService(sqlite_db, clock)
    ticket = auth.login("wang", temporary.password)
    clerk = auth.change_password("wang", temporary.password, "Quiet!Maple93", ticket=ticket.ticket)
    other = QMainWindow()
    qtbot.addWidget(other)
    clerk_controls = SessionControls(other, Services(sqlite_db, clerk.actor, clock), minutes=15)
    assert not clerk_controls.users_action.isVisible()
    assert clerk_controls.password_action.isEnabled()


def test_users_action_asks_for_the_password_again_first(qtbot, window, services, monkeypatch):
    from erpdesk.ui.dialogs.reauth import ReauthDialog
    from erpdesk.ui.dialogs.users import UsersDialog

    opened: list[object] = []
    monkeypatch.setattr(UsersDialog, "ask", classmethod(lambda cls, p, users: opened.append(users)))
    typed = iter(["wrong-password", ADMIN_PASSWORD])

    def confirm(self: ReauthDialog) -> int:
        self.show()
        qtbot.keyClicks(self.password, next(typed))
        self.ok_button.click()
        if self.isVisible():  # refused: the message is shown and the user tries again
            assert self.message.text() == render("auth.bad_credentials", "en", tries_left=4)
            qtbot.keyClicks(self.password, next(typed))
            self.ok_button.click()
        return self.result()

    monkeypatch.setattr(ReauthDialog, "exec", confirm)
    controls = SessionControls(window, services, clock=FakeClock(), minutes=15)
    controls.users_action.trigger()

    assert opened == [services.users]


def test_change_password_from_the_account_menu(
    qtbot, window, services, sqlite_db, clock, monkeypatch
):
    from erpdesk.services.auth_dto import LoginStep
    from erpdesk.ui.dialogs.change_password import ChangePasswordDialog

    def change(self: ChangePasswordDialog) -> int:
        self.show()
        qtbot.keyClicks(self.current, ADMIN_PASSWORD)
        qtbot.keyClicks(self.new, "Quiet!Maple93")
        qtbot.keyClicks(self.repeat, "Quiet!Maple9")  # a typo first
        self.ok_button.click()
        assert self.message.text() == "The two new passwords are not the same."
        qtbot.keyClicks(self.repeat, "Quiet!Maple93")
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(ChangePasswordDialog, "exec", change)
    controls = SessionControls(window, services, clock=FakeClock(), minutes=15)
    controls.password_action.trigger()

    auth = AuthService(sqlite_db, clock)
    assert auth.login("admin", "Quiet!Maple93").step == LoginStep.DONE


def test_after_twelve_hours_the_password_is_needed_even_while_working(qtbot, window, services):
    fake = FakeClock()
    lock = SessionControls(window, services, clock=fake, minutes=15).idle_lock
    lock.install()
    draft = _draft(window)
    for _ in range(12 * 6 - 1):  # busy every 10 minutes for just under 12 hours
        fake.advance(10)
        qtbot.keyClick(draft, Qt.Key.Key_A)
        lock.poll()
        assert not lock.is_locked
    fake.advance(10)
    lock.poll()
    assert lock.is_locked
    lock.uninstall()


def test_lock_during_an_open_dialog_asks_inside_it_and_keeps_its_text(qtbot, window, services):
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

    dialog = QDialog(window)
    draft = QLineEdit("半张单据")
    QVBoxLayout(dialog).addWidget(draft)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert QApplication.activeModalWidget() is dialog
    lock = SessionControls(window, services, clock=FakeClock(), minutes=15).idle_lock
    lock.install()
    lock.lock()

    assert lock.panel.window() is dialog
    assert dialog.width() >= lock.panel.sizeHint().width()
    qtbot.keyClicks(draft, "x")
    assert draft.text() == "半张单据"
    qtbot.keyClicks(lock.panel.password, ADMIN_PASSWORD)
    lock.panel.unlock_button.click()
    assert not lock.is_locked
    assert dialog.isVisible()
    assert draft.text() == "半张单据"
    lock.uninstall()
