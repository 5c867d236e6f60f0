"""Demo company: fills a fresh database with realistic data so the app can be tried at once.

Each area adds its own seeding step to ``STEPS``; a step returns lines to print (users and their demo
passwords, how many customers…). ``if_missing`` makes ``python3 dev.py demo`` idempotent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from erpdesk.db import uow
from erpdesk.db.engine import Database
from erpdesk.db.models.system import AppMeta

DemoStep = Callable[[Database, int], list[str]]
STEPS: list[DemoStep] = []
MARKER = "demo_built"


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoSummary:
    created: bool
    messages: tuple[str, ...]

    def lines(self, lang: str) -> list[str]:
        if not self.created:
            return ["Demo data already present." if lang == "en" else "演示数据已存在。"]
        return list(self.messages)


def _marked(database: Database) -> bool:
    def read(unit: uow.UnitOfWork) -> bool:
        return unit.session.scalar(select(AppMeta.value).where(AppMeta.key == MARKER)) is not None

    return uow.run(database, "demo", read, write=False)


def build(database: Database, *, customers: int, if_missing: bool) -> DemoSummary:
    """Run every demo step once; with ``if_missing`` nothing happens on a database already built."""
    if if_missing and _marked(database):
        return DemoSummary(created=False, messages=())
    messages: list[str] = []
    for step in STEPS:
        messages += step(database, customers)

    def mark(unit: uow.UnitOfWork) -> None:
        if unit.session.get(AppMeta, MARKER) is None:
            unit.session.add(AppMeta(key=MARKER, value="1"))

    uow.run(database, "demo", mark, write=True)
    return DemoSummary(created=True, messages=tuple(messages))


def _users_step(database: Database, customers: int) -> list[str]:
    from erpdesk.services.users import demo_step

    return demo_step(database, customers)


STEPS.insert(0, _users_step)  # first: later steps use the demo users as salespeople


def _customers_step(database: Database, customers: int) -> list[str]:
    # Lazy import: the generator pulls in pypinyin; listed last so demo users exist as salespeople.
    from erpdesk.services.customer_demo import demo_step

    return demo_step(database, customers)


STEPS.append(_customers_step)


def _orders_step(database: Database, customers: int) -> list[str]:
    # After the customers step: orders need customers.
    from erpdesk.services.order_demo import demo_step

    return demo_step(database, customers)


STEPS.append(_orders_step)
