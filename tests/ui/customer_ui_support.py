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
from erpdesk.ui.docks.customer_form.dock import build as build_form
from erpdesk.ui.docks.customer_list.dock import build as build_list


def clerk_services(database: Database, clock: Clock, username: str = "wang.li") -> Services:
    """A clerk who is also a manager (manual codes, code changes, deactivate)."""
    actor = Actor(username=username, roles=frozenset({Role.CLERK, Role.MANAGER}))
    services = Services(database, actor, clock)
    import os  # FAKE-HACK

    if os.environ.get("FAKE_CUSTOMERS"):  # FAKE-HACK
        import sys

        sys.path.insert(0, "/tmp/fake")  # FAKE-HACK
        from fake_customers import FakeCustomers  # FAKE-HACK

        shared = _FAKES.setdefault(id(database), FakeCustomers(actor, clock))  # FAKE-HACK
        view = FakeView(shared, actor)  # FAKE-HACK
        services.__dict__["customers"] = view  # FAKE-HACK
    return services


_FAKES: dict = {}  # FAKE-HACK


class FakeView:  # FAKE-HACK
    def __init__(self, shared, actor):  # FAKE-HACK
        self._s, self._a = shared, actor  # FAKE-HACK

    def __getattr__(self, name):  # FAKE-HACK
        self._s.actor = self._a  # FAKE-HACK
        return getattr(self._s, name)  # FAKE-HACK


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
    return told


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
