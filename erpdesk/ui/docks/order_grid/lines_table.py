"""``LinesTable``: the keyboard-first grid of order lines.

Enter and Tab commit the cell and move to the next editable cell (product → qty → price → discount →
tax → notes), wrapping to the next line; past the last line a new one is added. Insert adds a line
above the current one, Del removes the current line. Typing starts editing the current cell.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

from erpdesk.ui.docks.order_grid.lines_model import EDITABLE, PRODUCT, OrderLinesModel
from erpdesk.ui.widgets.entry_table import EntryTable


class LinesTable(EntryTable):
    """A table view that walks the editable cells with Enter and Tab."""

    line_removed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(True)

    def lines(self) -> OrderLinesModel:
        model = self.model()
        assert isinstance(model, OrderLinesModel)
        return model

    def advance(self) -> None:
        """To the next editable cell; past the last line of a filled line, a new line."""
        model = self.lines()
        current = self.currentIndex()
        if not current.isValid():
            if model.rowCount() == 0:
                model.add_line()
            self.go_to(0, PRODUCT)
            return
        row, column = current.row(), current.column()
        later = [c for c in EDITABLE if c > column]
        if later:
            self.go_to(row, later[0])
            return
        if row + 1 >= model.rowCount():
            if model.lines[row].product_id is None:
                return
            model.add_line()
        self.go_to(row + 1, PRODUCT)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        model = self.lines()
        if model.read_only:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            # While editing, the delegate commits (queued) and closeEditor moves on.
            if self.state() != QAbstractItemView.State.EditingState:
                self.advance()
            return
        if key == Qt.Key.Key_Insert:
            current = self.currentIndex()
            row = model.add_line(current.row() if current.isValid() else None)
            self.go_to(row, PRODUCT)
            return
        if key == Qt.Key.Key_Delete:
            current = self.currentIndex()
            if current.isValid():
                model.remove_line(current.row())
                if model.rowCount():
                    self.go_to(min(current.row(), model.rowCount() - 1), PRODUCT)
                self.line_removed.emit()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab inside the grid walks cells (handled in keyPressEvent) instead of leaving it.
        if self.state() == QAbstractItemView.State.EditingState or self.hasFocus():
            return False
        return super().focusNextPrevChild(next)

    def edit_current(self) -> None:
        index = self.currentIndex()
        if isinstance(index, QModelIndex) and index.isValid():
            self.edit(index)
