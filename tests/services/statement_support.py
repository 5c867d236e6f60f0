"""Seed data for the statement tests, with hand-computed figures (clock fixed on 2025-05-03).

* A 上海华鑫贸易有限公司 (terms 30): delivery 1,000.00 on 03-10, receipt 400.00 on 03-20 (FIFO onto it);
  in April: deliveries 2,500.00 (04-05) and 1,234.56 (04-18), receipt 3,000.00 on 04-25 (600.00 onto
  the March delivery, 2,400.00 onto 04-05); then a delivery of 500.00 on 05-02.
  April statement: opening 600.00; 3,100.00 / 4,334.56 / 1,334.56; totals 3,734.56 and 3,000.00;
  closing 1,334.56 = 壹仟叁佰叁拾肆元伍角陆分; aging on 04-30: all 1,334.56 not yet due.
  As of 05-03: 1,834.56 = ReceivableService.balance.
* B 北京静默商贸有限公司 (terms 30): one delivery of 800.00 on 03-05 and nothing since. April statement:
  opening row 800.00, no lines, closing 800.00 = 捌佰元整; due 04-04 → 26 days overdue on 04-30.
* C: delivery 300.00 on 04-10, receipt 100.00 on 04-12; both reversed on 05-03 (today) with reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Role
from erpdesk.services.auth_dto import CompanyProfile
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.receivables import ReceiptInput
from tests.services.order_support import make_customer, make_order, make_product, services_for

D = Decimal
COMPANY = CompanyProfile(
    name="广州恒通办公用品有限公司",
    address="广州市天河区天河路 385 号",
    phone="020-38880000",
    tax_number="91440101MA5CXXXX1L",
    bank_name="中国工商银行广州天河支行",
    bank_account="3602 0000 1920 0123 456",
    payee_account_name="广州恒通办公用品有限公司",
    statement_return_days=10,
)


@dataclass(frozen=True)
class Seeded:
    a: int
    b: int
    c: int
    accountant: Services


def deliver(clerk: Services, customer: int, amount: str, on: date) -> int:
    """Deliver one line worth ``amount`` on ``on``; returns the order id."""
    product = make_product(clerk, f"复印纸{amount}", amount, stock="10")
    order = make_order(clerk, customer, (product.id, "1", amount))
    order = clerk.orders.confirm(order.id, order.version)
    clerk.orders.deliver(order.id, order.version, on=on)
    return order.id


def receive(accountant: Services, customer: int, amount: str, on: date, reference: str = "") -> int:
    return accountant.receivables.post_receipt(
        ReceiptInput(customer_id=customer, amount=D(amount), receipt_date=on, reference=reference)
    ).id


def set_company(database: Database, clock: Clock, profile: CompanyProfile = COMPANY) -> None:
    admin = services_for(database, clock, Role.ADMIN, name="admin")
    current = admin.users.get_company_profile()
    version = current.version if current else 0
    admin.users.set_company_profile(replace(profile, version=version))


def seed(database: Database, clock: Clock, *, name_a: str = "上海华鑫贸易有限公司") -> Seeded:
    set_company(database, clock)
    clerk = services_for(database, clock, Role.CLERK, name="wang.li")
    accountant = services_for(database, clock, Role.ACCOUNTANT, name="li.kuaiji")
    a = make_customer(clerk, name_a, terms=30)
    b = make_customer(clerk, "北京静默商贸有限公司", terms=30)
    c = make_customer(clerk, "深圳红冲电子有限公司", terms=30)
    deliver(clerk, a, "1000.00", date(2025, 3, 10))
    deliver(clerk, b, "800.00", date(2025, 3, 5))
    receive(accountant, a, "400.00", date(2025, 3, 20))
    deliver(clerk, a, "2500.00", date(2025, 4, 5))
    order_c = deliver(clerk, c, "300.00", date(2025, 4, 10))
    c_receipt = receive(accountant, c, "100.00", date(2025, 4, 12))
    deliver(clerk, a, "1234.56", date(2025, 4, 18))
    receive(accountant, a, "3000.00", date(2025, 4, 25), reference="ICBC-0425-77")
    deliver(clerk, a, "500.00", date(2025, 5, 2))
    accountant.receivables.reverse_receipt(c_receipt, "银行退票")
    delivery = clerk.orders.get(order_c).deliveries[0]
    manager = services_for(database, clock, Role.MANAGER, name="zhao.jingli")
    manager.orders.reverse_delivery(delivery.id, "客户拒收")
    return Seeded(a=a, b=b, c=c, accountant=accountant)
