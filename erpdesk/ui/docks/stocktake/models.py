"""Table models of the stocktake dock: the last scans (newest first) and count lines.

They only adapt DTOs and queued scans to cells; nothing here counts or decides.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from erpdesk.domain.stocktake import CensusStatus, ScanOutcome
from erpdesk.services.stocktake_dto import CountLineView
from erpdesk.ui.docks.stocktake.scan_queue import QueuedScan, ScanAction, ScanState
from erpdesk.ui.prompts import error_text

RED = QBrush(QColor("#c62828"))
AMBER = QBrush(QColor("#b26a00"))
GREY = QBrush(QColor("#757575"))
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
Index = QModelIndex | QPersistentModelIndex


def quantity_text(value: Decimal | None) -> str:
    """``12`` for whole numbers, ``1.5`` otherwise, empty for ``None``."""
    if value is None:
        return ""
    return f"{value.normalize():f}"


def outcome_names() -> dict[ScanOutcome, str]:
    return {
        ScanOutcome.COUNTED: QCoreApplication.translate("StocktakeModels", "Counted"),
        ScanOutcome.FOUND: QCoreApplication.translate("StocktakeModels", "Found"),
        ScanOutcome.ALREADY_FOUND: QCoreApplication.translate("StocktakeModels", "Already found"),
        ScanOutcome.UNKNOWN: QCoreApplication.translate("StocktakeModels", "Unknown"),
    }


def census_names() -> dict[str, str]:
    return {
        CensusStatus.PENDING.value: "",
        CensusStatus.FOUND.value: QCoreApplication.translate("StocktakeModels", "Found"),
        CensusStatus.CONFIRMED.value: QCoreApplication.translate("StocktakeModels", "Confirmed"),
        CensusStatus.KEEP.value: QCoreApplication.translate("StocktakeModels", "Keep"),
        CensusStatus.DEACTIVATE.value: QCoreApplication.translate("StocktakeModels", "Deactivate"),
        CensusStatus.INVESTIGATE.value: QCoreApplication.translate(
            "StocktakeModels", "Investigate"
        ),
    }


class ScansTableModel(QAbstractTableModel):
    """The last ``limit`` scans of this dock, newest first, updated as the service answers."""

    def __init__(self, parent: Any = None, *, limit: int = 500) -> None:
        super().__init__(parent)
        self._items: list[QueuedScan] = []
        self._limit = limit
        self._outcomes = outcome_names()
        self._headers = (
            QCoreApplication.translate("StocktakeModels", "#"),
            QCoreApplication.translate("StocktakeModels", "Scanned"),
            QCoreApplication.translate("StocktakeModels", "Result"),
            QCoreApplication.translate("StocktakeModels", "Name"),
            QCoreApplication.translate("StocktakeModels", "Qty"),
            QCoreApplication.translate("StocktakeModels", "Line total"),
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def item_at(self, row: int) -> QueuedScan | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def items(self) -> tuple[QueuedScan, ...]:
        return tuple(self._items)

    def add(self, item: QueuedScan) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._items.insert(0, item)
        self.endInsertRows()
        if len(self._items) > self._limit:
            last = len(self._items) - 1
            self.beginRemoveRows(QModelIndex(), self._limit, last)
            del self._items[self._limit :]
            self.endRemoveRows()

    def refresh(self, item: QueuedScan) -> None:
        row = self._row_of(item)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def _row_of(self, item: QueuedScan) -> int | None:
        if not self._items:
            return None
        guess = self._items[0].seq - item.seq  # rows hold consecutive queue numbers
        if 0 <= guess < len(self._items) and self._items[guess] is item:
            return guess
        for row, candidate in enumerate(self._items):
            if candidate is item:
                return row
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        result = item.result
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(result.seq) if result is not None else ""
            if column == 1:
                return item.text
            if column == 2:
                return self._state_text(item)
            if result is None:
                return ""
            if column == 3:
                return result.label
            if column == 4:
                sign = "-" if item.action is ScanAction.UNDO else ""
                return sign + quantity_text(result.quantity)
            if column == 5:
                return (
                    ""
                    if result.outcome is ScanOutcome.UNKNOWN
                    else quantity_text(result.line_count)
                )
        elif role == Qt.ItemDataRole.ForegroundRole:
            if item.state is ScanState.FAILED:
                return RED
            if item.undone or item.action is ScanAction.UNDO:
                return GREY
            if result is not None and result.outcome is ScanOutcome.UNKNOWN:
                return RED
            if result is not None and result.outcome is ScanOutcome.ALREADY_FOUND:
                return AMBER
            if item.state in (ScanState.WAITING, ScanState.SENDING):
                return GREY
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 4, 5):
            return ALIGN_RIGHT
        elif role == Qt.ItemDataRole.ToolTipRole and item.error is not None:
            return error_text(item.error)
        return None

    def _state_text(self, item: QueuedScan) -> str:
        if item.state is ScanState.FAILED:
            return QCoreApplication.translate("StocktakeModels", "Not saved: {0}").format(
                error_text(item.error) if item.error else ""
            )
        if item.action is ScanAction.UNDO:
            if item.state is not ScanState.DONE:
                return QCoreApplication.translate("StocktakeModels", "Undo…")
            return (
                QCoreApplication.translate("StocktakeModels", "Undo")
                if item.result is not None
                else QCoreApplication.translate("StocktakeModels", "Nothing to undo")
            )
        if item.result is None:
            return QCoreApplication.translate("StocktakeModels", "Saving…")
        if item.undone:
            return QCoreApplication.translate("StocktakeModels", "Undone")
        return self._outcomes.get(item.result.outcome, str(item.result.outcome))


class Column:
    """One column of ``LinesTableModel``: header, cell text, right-aligned or not."""

    def __init__(self, header: str, text: Callable[[CountLineView], str], right: bool = False):
        self.header = header
        self.text = text
        self.right = right


def line_columns(census: bool) -> tuple[Column, ...]:
    names = census_names()
    columns = [
        Column(QCoreApplication.translate("StocktakeModels", "Code"), lambda line: line.code),
        Column(QCoreApplication.translate("StocktakeModels", "Name"), lambda line: line.name),
        Column(
            QCoreApplication.translate("StocktakeModels", "Expected"),
            lambda line: quantity_text(line.expected),
            True,
        ),
        Column(
            QCoreApplication.translate("StocktakeModels", "Counted"),
            lambda line: quantity_text(line.counted),
            True,
        ),
        Column(
            QCoreApplication.translate("StocktakeModels", "Difference"),
            lambda line: quantity_text(line.difference),
            True,
        ),
        Column(QCoreApplication.translate("StocktakeModels", "Reason"), lambda line: line.reason),
    ]
    if census:
        columns[2:5] = [
            Column(
                QCoreApplication.translate("StocktakeModels", "Found"),
                lambda line: (
                    QCoreApplication.translate("StocktakeModels", "Yes")
                    if line.found
                    else QCoreApplication.translate("StocktakeModels", "No")
                ),
            ),
        ]
        columns.append(
            Column(
                QCoreApplication.translate("StocktakeModels", "Census"),
                lambda line: names.get(line.census_status, ""),
            )
        )
        columns.append(
            Column(QCoreApplication.translate("StocktakeModels", "Phone"), lambda line: line.phone)
        )
        columns.append(
            Column(
                QCoreApplication.translate("StocktakeModels", "Address"), lambda line: line.address
            )
        )
    return tuple(columns)


class LinesTableModel(QAbstractTableModel):
    """Count lines (``CountLineView``) in the order the service gave them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: tuple[CountLineView, ...] = ()
        self._columns = line_columns(census=False)

    def set_lines(self, lines: Sequence[CountLineView], *, census: bool) -> None:
        self.beginResetModel()
        self._lines = tuple(lines)
        self._columns = line_columns(census)
        self.endResetModel()

    def lines(self) -> tuple[CountLineView, ...]:
        return self._lines

    def line_at(self, row: int) -> CountLineView | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(line)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.difference is not None and line.difference != 0:
                return RED
            if not line.in_scope:
                return AMBER
        return None
