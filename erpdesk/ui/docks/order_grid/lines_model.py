"""``OrderLinesModel``: the editable lines of the order being entered, a small in-memory table.

Cells hold what the clerk typed; amounts are recomputed with ``domain.orders.line_amounts`` so the grid
shows what the service will store. Typing into the product column asks for a lookup
(``product_lookup_requested``); the controller answers with ``set_product``. Nothing here queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
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
from erpdesk.domain.orders import LineAmounts, line_amounts
from erpdesk.services.order_dto import OrderLineInput, OrderLineView, ProductRow

_Index = QModelIndex | QPersistentModelIndex

PRODUCT, NAME, UNIT, QTY, PRICE, DISCOUNT, TAX, AMOUNT, NOTES = range(9)
EDITABLE = (PRODUCT, QTY, PRICE, DISCOUNT, TAX, NOTES)
"""Columns Enter and Tab stop on, left to right."""


@dataclass
class Line:
    """One line as typed; ``product_id`` is None until the product column was resolved."""

    product_id: int | None = None
    code: str = ""
    name: str = ""
    unit: str = ""
    qty: Decimal = Decimal(1)
    price: Decimal = Decimal("0.00")
    discount: Decimal = Decimal(0)
    tax_rate: Decimal = Decimal(13)
    notes: str = ""
    problem: str = field(default="")

    def amounts(self) -> LineAmounts | None:
        try:
            return line_amounts(self.qty, self.price, self.discount, self.tax_rate)
        except DomainError:
            return None


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value).strip().replace(",", "").replace("%", "").replace("¥", ""))
    except (InvalidOperation, ValueError):
        return None


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


class OrderLinesModel(QAbstractTableModel):
    """The order's lines; ``totals_changed`` after every edit, ``product_lookup_requested(row, text)``."""

    totals_changed = Signal()
    product_lookup_requested = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[Line] = []
        self.read_only = False
        self._titles = (
            self.tr("Product"),
            self.tr("Name"),
            self.tr("Unit"),
            self.tr("Qty"),
            self.tr("Price incl. tax"),
            self.tr("Discount %"),
            self.tr("Tax %"),
            self.tr("Amount"),
            self.tr("Notes"),
        )

    # ------------------------------------------------------------------ content

    def set_lines(self, lines: list[Line]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()
        self.totals_changed.emit()

    def load(self, views: tuple[OrderLineView, ...]) -> None:
        self.set_lines(
            [
                Line(
                    product_id=v.product_id,
                    code=v.product_code,
                    name=v.product_name,
                    unit=v.unit,
                    qty=v.qty,
                    price=v.unit_price,
                    discount=v.discount_pct,
                    tax_rate=v.tax_rate_pct,
                    notes=v.notes,
                )
                for v in views
            ]
        )

    def add_line(self, at: int | None = None) -> int:
        row = len(self.lines) if at is None else at
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.insert(row, Line())
        self.endInsertRows()
        return row

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()
            self.totals_changed.emit()

    def set_product(self, row: int, product: ProductRow, pack_qty: Decimal = Decimal(1)) -> None:
        if not 0 <= row < len(self.lines):
            return
        line = self.lines[row]
        line.product_id, line.code, line.name, line.unit = (
            product.id,
            product.code,
            product.name,
            product.unit,
        )
        line.price, line.tax_rate, line.problem = product.price, product.tax_rate, ""
        if pack_qty != 1:
            line.qty = pack_qty
        self.dataChanged.emit(self.index(row, 0), self.index(row, NOTES))
        self.totals_changed.emit()

    def mark_unknown(self, row: int, text: str) -> None:
        if 0 <= row < len(self.lines):
            self.lines[row].product_id = None
            self.lines[row].problem = text
            self.dataChanged.emit(self.index(row, 0), self.index(row, NOTES))

    def inputs(self) -> tuple[OrderLineInput, ...]:
        """Lines with a product, ready for ``OrderInput``; empty lines are dropped."""
        return tuple(
            OrderLineInput(
                product_id=line.product_id,
                qty=line.qty,
                unit_price=line.price,
                discount_pct=line.discount,
                tax_rate_pct=line.tax_rate,
                notes=line.notes,
            )
            for line in self.lines
            if line.product_id is not None
        )

    def total(self) -> Decimal:
        result = Decimal("0.00")
        for line in self.lines:
            amounts = line.amounts() if line.product_id is not None else None
            if amounts is not None:
                result += amounts.amount
        return result

    # ------------------------------------------------------------------ Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._titles):
            return self._titles[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line, col = self.lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(line, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (QTY, PRICE, DISCOUNT, TAX, AMOUNT):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == PRODUCT and line.problem:
            return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.ToolTipRole and line.problem:
            return line.problem
        return None

    def _text(self, line: Line, col: int) -> str:
        if col == PRODUCT:
            return line.code
        if col == NAME:
            return line.name
        if col == UNIT:
            return line.unit
        if col == QTY:
            return _plain(line.qty)
        if col == PRICE:
            return f"{line.price:.2f}"
        if col == DISCOUNT:
            return _plain(line.discount)
        if col == TAX:
            return _plain(line.tax_rate)
        if col == AMOUNT:
            amounts = line.amounts()
            return "" if amounts is None else f"{amounts.amount:,.2f}"
        return line.notes

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only and index.column() in EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        row, col = index.row(), index.column()
        line = self.lines[row]
        if col == PRODUCT:
            text = str(value).strip()
            if text == line.code and line.product_id is not None:
                return False
            line.code = text
            self.dataChanged.emit(index, index)
            if text:
                self.product_lookup_requested.emit(row, text)
            return True
        if col == NOTES:
            line.notes = str(value)[:200]
            self.dataChanged.emit(index, index)
            return True
        number = _decimal(value)
        if number is None:
            return False
        if col == QTY:
            line.qty = number
        elif col == PRICE:
            line.price = number
        elif col == DISCOUNT:
            line.discount = number
        elif col == TAX:
            line.tax_rate = number
        else:
            return False
        self.dataChanged.emit(self.index(row, 0), self.index(row, NOTES))
        self.totals_changed.emit()
        return True
