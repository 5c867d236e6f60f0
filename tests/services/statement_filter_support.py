"""Seed data for the batch filters of statements (DOMAIN.md §9), with the hand-worked selections.

Categories 华东 with the sub-category 上海, and 华南; salespeople zhou.sales and lin.sales. With the
period April 2025 (balance at the end of 04-30):

=====  ======  ===========  =====  ========  ========================================  =======  =====
name   code    category     region sales     settlement / documents                    balance  moved
=====  ======  ===========  =====  ========  ========================================  =======  =====
k1     KH00001 上海 (华东)  上海   zhou      monthly; delivery 100.00 on 03-10          100.00   no
k2     KH00002 华东         浙江   zhou      cash; delivery 200.00 04-05, receipt 04-20   0.00   yes
k3     KH00003 华南         广东   lin       monthly; delivery 300.00 on 04-10          300.00   yes
k4     KH00004 华南         广东   —         monthly; nothing                             0.00   no
k5     KH00005 —            江苏   zhou      monthly; delivery 50.00 on 05-02 (after)     0.00   no
=====  ======  ===========  =====  ========  ========================================  =======  =====
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from order_support import services_for
from statement_support import deliver, receive, set_company

from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.customer_dto import CategoryInput, ContactInput, CustomerInput

APRIL_START = date(2025, 4, 1)
APRIL_END = date(2025, 4, 30)


@dataclass(frozen=True)
class FilterSeed:
    k1: int
    k2: int
    k3: int
    k4: int
    k5: int
    east: int  # 华东
    shanghai: int  # 上海, under 华东
    south: int  # 华南
    east_code: str
    shanghai_code: str
    zhou: int
    lin: int
    accountant: Services


def seed_filters(database: Database, clock: Clock) -> FilterSeed:
    set_company(database, clock)
    admin = services_for(database, clock, Role.ADMIN, name="admin")
    east = admin.customers.save_category(CategoryInput(name="华东"))
    shanghai = admin.customers.save_category(CategoryInput(name="上海", parent_id=east.id))
    south = admin.customers.save_category(CategoryInput(name="华南"))
    admin.users.add("zhou.sales", [Role.CLERK], display_name="周业务")
    admin.users.add("lin.sales", [Role.CLERK], display_name="林业务")
    people = {p.name: p.id for p in admin.customers.salespeople()}
    zhou, lin = people["周业务"], people["林业务"]

    manager = services_for(database, clock, Role.MANAGER, name="setup")

    def customer(
        name: str, category: int | None, region: str, sales: int | None, settlement: str
    ) -> int:
        return manager.customers.save(
            CustomerInput(
                name=name,
                category_id=category,
                region=region,
                salesperson_id=sales,
                settlement_method=settlement,
                payment_terms_days=30,
                address="人民路 1 号",
                contacts=(ContactInput(name="王芳", mobile="13900001111", is_primary=True),),
            ),
            ack={"duplicates"},
            reason="test",
        ).id

    k1 = customer("上海甲商贸有限公司", shanghai.id, "上海", zhou, "monthly")
    k2 = customer("杭州乙电子有限公司", east.id, "浙江", zhou, "cash")
    k3 = customer("广州丙五金有限公司", south.id, "广东", lin, "monthly")
    k4 = customer("深圳丁科技有限公司", south.id, "广东", None, "monthly")
    k5 = customer("南京戊物流有限公司", None, "江苏", zhou, "monthly")

    clerk = services_for(database, clock, Role.CLERK, name="wang.li")
    accountant = services_for(database, clock, Role.ACCOUNTANT, name="li.kuaiji")
    deliver(clerk, k1, "100.00", date(2025, 3, 10))
    deliver(clerk, k2, "200.00", date(2025, 4, 5))
    receive(accountant, k2, "200.00", date(2025, 4, 20))
    deliver(clerk, k3, "300.00", date(2025, 4, 10))
    deliver(clerk, k5, "50.00", date(2025, 5, 2))
    return FilterSeed(
        k1=k1,
        k2=k2,
        k3=k3,
        k4=k4,
        k5=k5,
        east=east.id,
        shanghai=shanghai.id,
        south=south.id,
        east_code=east.code,
        shanghai_code=shanghai.code,
        zhou=zhou,
        lin=lin,
        accountant=accountant,
    )
