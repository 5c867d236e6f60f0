"""Helpers for the stocktake tests: a clerk who counts, a manager with a password, products, customers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from auth_setup import FakeTime, add_user, admin_actor, auth, set_up
from order_support import make_customer, make_product, services_for

from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Role
from erpdesk.domain.stocktake import StocktakeKind
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.stocktake_dto import StocktakeInput, StocktakeScope, StocktakeView

MANAGER = "zhao.jingli"
MANAGER_PASSWORD = "Jingli-Secret-88"
CLERK = "sun.yuangong"
CLERK_PASSWORD = "Yuangong-Secret-88"


@dataclass
class Shop:
    clerk: Services
    database: Database
    clock: Clock


def with_users(database: Database, clock: Clock) -> Shop:
    """A clerk whose PC can check a manager's (and a clerk's) password with a cheap hasher."""
    time = FakeTime()
    admin = admin_actor(set_up(database, time))
    add_user(database, time, admin, MANAGER, Role.MANAGER, password=MANAGER_PASSWORD)
    add_user(database, time, admin, CLERK, Role.CLERK, password=CLERK_PASSWORD)
    clerk = services_for(database, clock, Role.CLERK, name=CLERK)
    clerk.__dict__["auth"] = auth(database, time)
    return Shop(clerk=clerk, database=database, clock=clock)


def products(clerk: Services) -> dict[str, int]:
    """Paper (barcode, 100 in stock), pens (no barcode, 40), toner (10); ids by code."""
    paper = make_product(clerk, "A4 复印纸", code="P-PAPER", stock="100", barcode="6901234567892")
    pens = make_product(clerk, "中性笔", "2.00", code="P-PEN", stock="40")
    toner = make_product(clerk, "硒鼓", "300.00", code="P-TONER", stock="10")
    return {"P-PAPER": paper.id, "P-PEN": pens.id, "P-TONER": toner.id}


def customers(clerk: Services) -> dict[str, int]:
    names = ("上海华鑫贸易有限公司", "北京明远科技有限公司", "广州南方商贸有限公司")
    return {name: make_customer(clerk, name) for name in names}


def start(
    services: Services, kind: StocktakeKind, *, blind: bool = False, name: str = "月末盘点"
) -> StocktakeView:
    created = services.stocktake.create(
        StocktakeInput(name=name, scope=StocktakeScope(kind=kind), blind=blind)
    )
    return services.stocktake.start_counting(created.id)


def qty(text: str) -> Decimal:
    return Decimal(text)
