"""``CustomerNavigator``: how the customer list asks the form dock to open or start a customer.

The two docks are built independently by the main window, so they meet here (one hub per
application, like ``AppEvents``). A request made before the form exists is kept and served when the
form is built. Receivers connect bound methods of QObjects, so closed docks drop out by themselves.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import SIGNAL, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDockWidget, QWidget

FORM_DOCK = "customerFormDock"


class CustomerNavigator(QObject):
    """Signals: ``open_requested(int)`` a customer id; ``new_requested()`` a blank new customer."""

    open_requested = Signal(int)
    new_requested = Signal()

    _instance: ClassVar[CustomerNavigator | None] = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pending: int | bool | None = False  # False: nothing; None: new; int: open that id
        self.form_count = 0

    @classmethod
    def instance(cls) -> CustomerNavigator:
        if cls._instance is None:
            cls._instance = cls(QCoreApplication.instance())
        return cls._instance

    def open(self, customer_id: int, origin: QWidget | None = None) -> None:
        self._reveal_form(origin)
        if self.receivers(SIGNAL("open_requested(int)")) > 0:
            self.open_requested.emit(customer_id)
        else:
            self.pending = customer_id

    def new(self, origin: QWidget | None = None) -> None:
        self._reveal_form(origin)
        if self.receivers(SIGNAL("new_requested()")) > 0:
            self.new_requested.emit()
        else:
            self.pending = None

    def take_pending(self) -> int | bool | None:
        pending, self.pending = self.pending, False
        return pending

    @staticmethod
    def _reveal_form(origin: QWidget | None) -> None:
        """Show and raise the form dock of ``origin``'s main window (building it if needed)."""
        if origin is None:
            return
        dock = origin.window().findChild(QDockWidget, FORM_DOCK)
        if dock is not None:
            dock.show()
            dock.raise_()
