"""``AllocationModel``: the customer's open items with the amount this receipt settles on each.

The amounts start from the service's FIFO proposal and stay editable (partial allowed, 0 = leave the
item open). The model only checks what it can see (no more than open, no negatives); the service
checks again when it previews and posts. Nothing here queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from erpdesk.domain.errors import DomainError
from erpdesk.domain.money import ZERO, parse_money
from erpdesk.services.receivables import AllocationInput, AllocationProposal, OpenItemView

_Index = QModelIndex | QPersistentModelIndex

DOCUMENT, DOC_DATE, DUE_DATE, OPEN, AMOUNT = range(5)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass
class AllocationRow:
    item: OpenItemView
    amount: Decimal = ZERO
    problem: str = ""


def parse_amount(value: Any) -> Decimal | None:
    """A typed amount ("1,200.5", "¥30") as Decimal with two places (empty: 0), or None when it is
    not one (``parse_money``'s rules: more than two places or a huge number is not an amount)."""
    text = str(value).strip()
    if not text:
        return ZERO
    try:
        return parse_money(text)
    except DomainError:
        return None


class AllocationModel(QAbstractTableModel):
    """Rows of open items; column ``AMOUNT`` is editable. ``changed()`` after any edit."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AllocationRow] = []
        self._headers = (
            self.tr("Document"),
            self.tr("Date"),
            self.tr("Due"),
            self.tr("Open"),
            self.tr("Settle now"),
        )

    # ------------------------------------------------------------------ content

    def set_items(self, items: tuple[OpenItemView, ...]) -> None:
        """Items that can take money (open amount > 0), all at 0 until a proposal arrives."""
        self.beginResetModel()
        self.rows = [AllocationRow(item=i) for i in items if i.open_amount > 0]
        self.endResetModel()
        self.changed.emit()

    def apply_proposal(self, proposal: AllocationProposal) -> None:
        amounts = {line.item_id: line.amount for line in proposal.allocations}
        for row in self.rows:
            row.amount = amounts.get(row.item.id, ZERO)
            row.problem = ""
        self._all_changed()

    def clear_amounts(self) -> None:
        for row in self.rows:
            row.amount, row.problem = ZERO, ""
        self._all_changed()

    def allocated(self) -> Decimal:
        return sum((r.amount for r in self.rows), ZERO)

    def problems(self) -> list[str]:
        return [r.problem for r in self.rows if r.problem]

    def inputs(self) -> tuple[AllocationInput, ...]:
        """What the user chose, with the open amount they saw (the service refuses if it moved)."""
        return tuple(
            AllocationInput(item_id=r.item.id, amount=r.amount, seen_open=r.item.open_amount)
            for r in self.rows
            if r.amount > 0
        )

    def set_amount(self, row: int, amount: Decimal) -> None:
        self.setData(self.index(row, AMOUNT), str(amount), Qt.ItemDataRole.EditRole)

    def _all_changed(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, AMOUNT), self.index(len(self.rows) - 1, AMOUNT))
        self.changed.emit()

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == AMOUNT:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            item = row.item
            if column == DOCUMENT:
                return item.doc_number
            if column == DOC_DATE:
                return item.doc_date.isoformat()
            if column == DUE_DATE:
                return item.due_date.isoformat()
            if column == OPEN:
                return f"{item.open_amount:,.2f}"
            if role == Qt.ItemDataRole.EditRole:
                return f"{row.amount:.2f}"
            return f"{row.amount:,.2f}" if row.amount else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (OPEN, AMOUNT):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and row.problem:
            return row.problem
        if role == Qt.ItemDataRole.BackgroundRole and column == AMOUNT and row.problem:
            return QBrush(QColor("#ffcdd2"))
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != AMOUNT or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        amount = parse_amount(value)
        if amount is None or amount < 0:
            row.problem = self.tr("{0} is not an amount.").format(value)
        elif amount > row.item.open_amount:
            row.amount = amount
            row.problem = self.tr("{0}: only {1} is open.").format(
                row.item.doc_number, f"{row.item.open_amount:,.2f}"
            )
        else:
            row.amount, row.problem = amount, ""
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True
