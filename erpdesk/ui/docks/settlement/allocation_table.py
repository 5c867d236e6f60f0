"""``AllocationTable``: the keyboard-first grid of amounts to settle.

Only the "settle now" column takes the cursor: typing starts editing it, Enter commits and moves to the
next item; Enter on the last item (or Ctrl+Enter anywhere) emits ``finished`` so the wizard moves on.
Tab leaves the grid like any other field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

from erpdesk.ui.docks.settlement.allocation_model import AMOUNT
from erpdesk.ui.widgets.entry_table import EntryTable


class AllocationTable(EntryTable):
    """A table view walking the amount column with Enter."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)

    def advance(self) -> None:
        rows = self.model().rowCount()
        current = self.currentIndex()
        row = current.row() + 1 if current.isValid() else 0
        if row >= rows:
            self.finished.emit()
            return
        self.go_to(row, AMOUNT)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.model() is not None and self.model().rowCount():
            current = self.currentIndex()
            self.go_to(current.row() if current.isValid() else 0, AMOUNT)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.finished.emit()
            elif self.state() != QAbstractItemView.State.EditingState:
                self.advance()
            return
        super().keyPressEvent(event)
