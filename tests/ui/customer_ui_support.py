"""Helpers for the customer dock tests: services for a clerk, Chinese typing, building the docks.

Chinese text reaches a widget the way an input method delivers it (a committed ``QInputMethodEvent``);
``QTest.keyClicks`` only handles ASCII.
"""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.ui.docks.customer_form import dialogs
from erpdesk.ui.docks.customer_form.dock import build as build_form
from erpdesk.ui.docks.customer_list.dock import build as build_list


def clerk_services(database: Database, clock: Clock, username: str = "wang.li") -> Services:
    """A clerk who is also a manager (manual codes, code changes, deactivate)."""
    actor = Actor(username=username, roles=frozenset({Role.CLERK, Role.MANAGER}))
    return Services(database, actor, clock)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``: ASCII as key clicks, anything else as an input-method commit."""
    widget.setFocus()
    chunk = ""
    for char in text:
        if char.isascii():
            chunk += char
            continue
        if chunk:
            qtbot.keyClicks(widget, chunk)
            chunk = ""
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)
    if chunk:
        qtbot.keyClicks(widget, chunk)


def no_modal_prompts(monkeypatch) -> list[str]:
    """Fail instead of blocking on an unexpected message box; collect informational ones."""
    from erpdesk.ui.prompts import Prompts

    told: list[str] = []

    def unexpected(cls, parent, title, text):
        raise AssertionError(f"unexpected dialog: {title}: {text}")

    monkeypatch.setattr(Prompts, "show_error", classmethod(unexpected))
    monkeypatch.setattr(Prompts, "ask", classmethod(unexpected))
    monkeypatch.setattr(Prompts, "inform", classmethod(lambda cls, p, t, text: told.append(text)))
    for dialog in (
        dialogs.CodeChangeDialog,
        dialogs.ConflictDialog,
        dialogs.DeactivateDialog,
        dialogs.DeleteDialog,
        dialogs.DuplicateDialog,
        dialogs.UnsavedDialog,
    ):
        monkeypatch.setattr(dialog, "ask", classmethod(_unexpected_dialog(dialog.__name__)))
    return told


def _unexpected_dialog(name: str):
    def ask(cls, *args):
        raise AssertionError(f"unexpected {name}: {args[1:]}")

    return ask


def form_dock(qtbot, services: Services):
    view = build_form(services)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    return view, view.controller


def list_dock(qtbot, services: Services):
    view = build_list(services)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    controller = view.controller
    wait_list(qtbot, controller)
    return view, controller


def wait_list(qtbot, controller) -> None:
    """Until the newest search has been shown."""
    qtbot.waitUntil(lambda: controller.loaded_generation == controller._generation, timeout=10_000)


def listed_ids(controller) -> list[int]:
    return [int(i) for i in controller.model.ids()]
