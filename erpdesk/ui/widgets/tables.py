"""``read_only_table``: the list grids of the docks — whole rows selected, one at a time, no editing."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def read_only_table(
    parent: QWidget, name: str, *, stretch_last: bool = True, alternating: bool = False
) -> QTableView:
    """A row-selecting, non-editing table named ``name`` (tests find it by that name)."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternating)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(22)
    table.horizontalHeader().setStretchLastSection(stretch_last)
    return table
