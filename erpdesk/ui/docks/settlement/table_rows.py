"""Set up and fill a small read-only ``QStandardItemModel`` from rows of text, keeping each row's key.

The approval and follow-up lists hold tens of rows, not thousands, so they are refilled whole after
every change instead of going through the lazy id-list model the big grids use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
RED = QColor("#c62828")


def list_model(
    parent: QObject, table: QTableView, headers: Sequence[str], widths: Sequence[int] = ()
) -> QStandardItemModel:
    """An empty model with ``headers`` for ``fill``, shown in ``table`` with these column widths."""
    model = QStandardItemModel(parent)
    model.setHorizontalHeaderLabels(list(headers))
    table.setModel(model)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return model


def fill(
    model: QStandardItemModel,
    rows: Iterable[tuple[Any, Sequence[str]]],
    *,
    right: frozenset[int] = frozenset(),
    red: Iterable[bool] | None = None,
) -> None:
    """Replace the model's rows: each ``(key, texts)``; ``right`` columns are right-aligned; a row whose
    ``red`` flag is true is painted red (overdue)."""
    model.removeRows(0, model.rowCount())
    flags = iter(red) if red is not None else None
    for key, texts in rows:
        is_red = next(flags, False) if flags is not None else False
        cells = []
        for column, text in enumerate(texts):
            cell = QStandardItem(text)
            cell.setEditable(False)
            cell.setData(key, KEY_ROLE)
            if column in right:
                cell.setTextAlignment(RIGHT)
            if is_red:
                cell.setForeground(QBrush(RED))
            cells.append(cell)
        model.appendRow(cells)


def key_at(model: QStandardItemModel, row: int) -> Any:
    if row < 0 or row >= model.rowCount():
        return None
    return model.item(row, 0).data(KEY_ROLE)
