"""``EntryTable``: the base of the keyboard-first editing grids (order lines, settlement amounts).

Typing starts editing the current cell; committing an edit with Enter or Tab closes the editor and
calls ``advance``, which each grid defines (next editable cell, next line, or done).
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableView, QWidget


class EntryTable(QTableView):
    """A single-cell-selection table that moves on (``advance``) after each committed edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setDefaultSectionSize(24)

    def go_to(self, row: int, column: int) -> None:
        """Make the cell current and scroll it into view."""
        index = self.model().index(row, column)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def advance(self) -> None:
        """Move to where the next entry goes; the grid decides."""
        raise NotImplementedError

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        moving = hint in (
            QAbstractItemDelegate.EndEditHint.EditNextItem,
            QAbstractItemDelegate.EndEditHint.SubmitModelCache,
        )
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if moving:
            self.advance()
