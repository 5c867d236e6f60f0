"""``ReportTableModel``: a read-only grid of report lines with a bold total row at the bottom.

Columns are (title, kind); money is right-aligned with two decimals, dates ISO. The report has at most
one line per customer with a balance, so the lines sit in memory (no lazy paging as the customer list).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from erpdesk.ui.models.columns import LEFT, RIGHT, iso_date, money, plain

TEXT = "text"
MONEY = "money"
DATE = "date"

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class ReportColumn:
    title: str
    kind: str = TEXT


class ReportTableModel(QAbstractTableModel):
    """Lines (``customer_id``, cells) and an optional total row (cells only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: list[ReportColumn] = []
        self._lines: list[tuple[int, Sequence[Any]]] = []
        self._total: Sequence[Any] | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def set_report(
        self,
        columns: Sequence[ReportColumn],
        lines: Sequence[tuple[int, Sequence[Any]]],
        total: Sequence[Any] | None,
    ) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self._lines = list(lines)
        self._total = total
        self.endResetModel()

    def customer_id_at(self, row: int) -> int | None:
        """The customer of grid row ``row``; None for the total row or outside."""
        if 0 <= row < len(self._lines):
            return self._lines[row][0]
        return None

    def line_count(self) -> int:
        return len(self._lines)

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell (``Decimal``, ``date`` or text)."""
        if row < len(self._lines):
            return self._lines[row][1][column]
        if self._total is not None and row == len(self._lines):
            return self._total[column]
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._lines) + (1 if self._total is not None else 0)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind = self.columns[index.column()].kind
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.value(index.row(), index.column())
            if kind == MONEY:
                return money(value) if isinstance(value, Decimal) else plain(value)
            if kind == DATE:
                return iso_date(value)
            return plain(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if kind == MONEY else LEFT)
        if role == Qt.ItemDataRole.FontRole and index.row() == len(self._lines):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and kind == MONEY:
            value = self.value(index.row(), index.column())
            if isinstance(value, Decimal) and value < 0:
                from PySide6.QtGui import QBrush, QColor

                return QBrush(QColor("#b00020"))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].kind == MONEY:
                return int(RIGHT)
        return None
