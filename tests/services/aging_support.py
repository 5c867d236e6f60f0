"""Seed data for the aging / receivables report tests, with hand-computed figures.

On 2025-05-03 (the fixed test clock) with buckets 15,45 → (0, 15, 45):

* A 华东机电 (terms 30): 10.00 due 05-20 (not due), 20.00 due 04-24 (9 days), 30.00 due 03-31
  (33 days), 40.00 due 01-31 (92 days) → (10, 20, 30, 40), open 100, overdue 90, oldest 01-31.
* B 北方物流 (terms 0): 50.00 due 04-18 (15 days, the edge of 1–15), 60.00 due 04-17 (16 days);
  a receipt of 70.00 on 05-03 takes FIFO 60.00 then 10.00 → 40.00 open in 1–15.
* C 南方食品 (terms 0): 5.00 due 05-03 (0 days: not yet due) paid by a receipt of 8.00 → advance 3.00,
  balance −3.00, no open item.

Totals: (10, 60, 30, 40), open 140, advances 3, balance 137.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from order_support import make_customer, make_order, make_product, services_for

from erpdesk.db.engine import Database, open_database
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.receivables import ReceiptInput

D = Decimal
FIXED_NOW = datetime(2025, 5, 3, 1, 30, tzinfo=UTC)  # the tests' clock (conftest)


@dataclass(frozen=True)
class Seeded:
    a: int
    b: int
    c: int


def deliver(clerk: Services, customer: int, amount: str, on: date, product: int = 0) -> None:
    """Deliver one line worth ``amount`` on ``on`` (an open receivable due after the terms)."""
    if not product:
        product = make_product(clerk, f"商品{amount}", amount, stock="10").id
    order = make_order(clerk, customer, (product, "1", amount))
    order = clerk.orders.confirm(order.id, order.version)
    clerk.orders.deliver(order.id, order.version, on=on)


def seed(database: Database, clock: Clock) -> Seeded:
    clerk = services_for(database, clock, Role.CLERK, name="wang.li")
    accountant = services_for(database, clock, Role.ACCOUNTANT, name="li.kuaiji")
    a = make_customer(clerk, "华东机电有限公司", terms=30)
    b = make_customer(clerk, "北方物流有限公司", terms=0)
    c = make_customer(clerk, "南方食品有限公司", terms=0)
    paper = make_product(clerk, stock="100").id
    for customer, amount, on in (
        (a, "10.00", date(2025, 4, 20)),
        (a, "20.00", date(2025, 3, 25)),
        (a, "30.00", date(2025, 3, 1)),
        (a, "40.00", date(2025, 1, 1)),
        (b, "50.00", date(2025, 4, 18)),
        (b, "60.00", date(2025, 4, 17)),
    ):
        deliver(clerk, customer, amount, on, paper)
    accountant.receivables.post_receipt(ReceiptInput(customer_id=b, amount=D("70.00")))
    deliver(clerk, c, "5.00", date(2025, 5, 3), paper)
    accountant.receivables.post_receipt(ReceiptInput(customer_id=c, amount=D("8.00")))
    return Seeded(a=a, b=b, c=c)


def seeded_template(template: Path, folder: Path) -> tuple[Path, Seeded]:
    """A copy of the empty SQLite ``template`` with the seed in it (seed once, copy per test)."""
    path = folder / "aging.db"
    shutil.copyfile(template, path)
    database = open_database("sqlite:///" + path.as_posix())
    try:
        seeded = seed(database, Clock(now=lambda: FIXED_NOW))
        with database.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.dispose()
    return path, seeded


def open_copy(template: Path, folder: Path) -> Database:
    path = folder / "erpdesk.db"
    shutil.copyfile(template, path)
    return open_database("sqlite:///" + path.as_posix())


@pytest.fixture(scope="session")
def aging_template(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Seeded]:
    """The seeded SQLite database, built once per test module that imports this fixture."""
    return seeded_template(sqlite_template, tmp_path_factory.mktemp("aging"))


@pytest.fixture
def seeded_sqlite(
    aging_template: tuple[Path, Seeded], tmp_path: Path
) -> Iterator[tuple[Database, Seeded]]:
    """A fresh copy of the seeded SQLite database for one test."""
    database = open_copy(aging_template[0], tmp_path)
    yield database, aging_template[1]
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def ledger(request: pytest.FixtureRequest, clock: Clock) -> tuple[Database, Seeded]:
    """The seeded ledger on SQLite (a copy of the template) and on PostgreSQL (seeded afresh)."""
    if request.param == "sqlite":
        got: tuple[Database, Seeded] = request.getfixturevalue("seeded_sqlite")
        return got
    database: Database = request.getfixturevalue("pg_db")
    return database, seed(database, clock)
