"""Posted rows cannot be changed or deleted behind the services' back (RELIABILITY §3, N4, A7):
a raw SQL statement as the app's own connection is refused on SQLite and PostgreSQL alike, while the
changes the ledger itself makes (using an advance, allocating to an item) still go through."""

from __future__ import annotations

import pytest
from order_support import make_customer, make_order, make_product, services_for
from settlement_support import invoice, with_invoice
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from erpdesk.db.engine import Database
from erpdesk.db.models.order import ReceivableItem
from erpdesk.domain.permissions import Role
from erpdesk.services.context import Clock

REFUSED = [
    "UPDATE receipt SET amount = 1",
    "UPDATE receipt SET receipt_date = '2020-01-01'",
    "DELETE FROM receipt",
    "UPDATE receipt_allocation SET amount = 1",
    "DELETE FROM receipt_allocation",
    "UPDATE delivery SET amount = 1",
    "DELETE FROM delivery_line",
    "UPDATE stock_move SET qty = 0",
    "DELETE FROM stock_move",
    "UPDATE receivable_item SET amount = 1",
    "DELETE FROM receivable_item",
    "DELETE FROM sales_order",
    "UPDATE settlement SET amount = 1",
    "DELETE FROM settlement",
    "DELETE FROM settlement_line",
]


@pytest.fixture
def ledger(backend: Database, clock: Clock) -> Database:
    """A delivered order of 300.00 settled with 500.00 (with invoice, under the approval threshold,
    so posted at once): 300 allocated, 200 left as an advance."""
    clerk = services_for(backend, clock, Role.CLERK)
    accountant = services_for(backend, clock, Role.ACCOUNTANT)
    customer = make_customer(clerk)
    product = make_product(clerk, "打印纸", "300.00", stock="10")
    order = make_order(clerk, customer, (product.id, "1", "300.00"))
    order = clerk.orders.confirm(order.id, order.version)
    clerk.orders.deliver(order.id, order.version)
    invoice(accountant, customer, "25310000000000000001", "300.00")
    accountant.settlements.submit(with_invoice(customer, "500.00", "25310000000000000001"))
    return backend


def test_posted_rows_refuse_raw_changes(ledger: Database) -> None:
    for (
        sql
    ) in REFUSED:  # one ledger for all: each statement runs (and fails) in its own transaction
        with (
            pytest.raises(DBAPIError, match="refused"),
            ledger.write_engine.begin() as conn,
        ):
            conn.execute(text(sql))


def test_the_ledger_may_still_move_open_amounts_and_advances(ledger: Database) -> None:
    with ledger.write_engine.begin() as conn:
        conn.execute(text("UPDATE receipt SET unallocated = unallocated - 1"))
        conn.execute(text("UPDATE receivable_item SET open_amount = open_amount + 1"))
    with ledger.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(ReceivableItem)) == 1
