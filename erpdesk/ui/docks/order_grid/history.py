"""``CustomerOrdersPanel``: one customer's order history and totals, for the customer form's Orders tab.

``set_customer(id)`` lists every order of the customer, newest first (lazy grid over the id list), and
shows count, total, delivered, undelivered and open receivables. Double-clicking an order emits
``order_opened(id)``. It refreshes itself when orders, deliveries or receivables change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from erpdesk.domain.money import format_money
from erpdesk.domain.orders import OrderStatus
from erpdesk.services.order_dto import OrderFilter, OrderRow, OrderTotals
from erpdesk.ui import jobs
from erpdesk.ui.docks.order_grid.columns import order_columns
from erpdesk.ui.events import AppEvents
from erpdesk.ui.models import IdListTableModel

WATCHED = frozenset({"sales_order", "delivery", "receivable_item"})


class CustomerOrdersPanel(QWidget):
    """Order history of one customer."""

    order_opened = Signal(int)

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_orders")
        self._orders = services.orders
        self.customer_id: int | None = None
        self.last_job: jobs.Job | None = None
        self._generation = 0
        columns = [c for c in order_columns() if c.key not in ("customer_code", "customer_name")]
        self.model: IdListTableModel[OrderRow] = IdListTableModel(
            columns,
            self._orders.rows,
            muted=lambda row: row.status is OrderStatus.CANCELLED,
            parent=self,
        )
        self.table = QTableView(self)
        self.table.setObjectName("orders")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for number, spec in enumerate(columns):
            self.table.setColumnWidth(number, spec.width)
        self.totals = QLabel(self)
        self.totals.setObjectName("totals")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        self.table.doubleClicked.connect(self._open)
        AppEvents.instance().changed.connect(self._changed)

    def set_customer(self, customer_id: int | None) -> jobs.Job | None:
        """Show ``customer_id``'s orders (None clears the panel)."""
        self.customer_id = customer_id
        self._generation += 1
        generation = self._generation
        if customer_id is None:
            self.model.set_ids([])
            self.totals.clear()
            return None
        orders = self._orders

        def fetch() -> tuple[Any, OrderTotals]:
            return (
                orders.search_ids(OrderFilter(customer_id=customer_id)),
                orders.customer_totals(customer_id),
            )

        self.last_job = jobs.run_query(self, fetch, lambda got: self._show(generation, got))
        return self.last_job

    def _show(self, generation: int, got: tuple[Any, OrderTotals]) -> None:
        if generation != self._generation:
            return
        ids, totals = got
        self.model.set_ids(ids)
        self.totals.setText(
            self.tr("{0} orders, total {1}, delivered {2}, undelivered {3}, receivable {4}").format(
                totals.orders,
                format_money(totals.total),
                format_money(totals.delivered),
                format_money(totals.undelivered),
                format_money(totals.open_receivables),
            )
        )

    def _open(self, index: Any) -> None:
        order_id = self.model.id_at(index.row())
        if order_id is not None:
            self.order_opened.emit(order_id)

    def _changed(self, changes: Mapping[str, Any]) -> None:
        if WATCHED & changes.keys() and self.customer_id is not None:
            self.model.invalidate(
                int(i) for i in changes.get("sales_order", ()) if str(i).isdigit()
            )
            self.set_customer(self.customer_id)
