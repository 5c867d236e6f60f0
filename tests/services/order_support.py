"""Helpers for the order tests: services for each role, a customer, products with stock, an order."""

from __future__ import annotations

from decimal import Decimal

from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_dto import ContactInput, CustomerInput
from erpdesk.services.order_dto import (
    BarcodeInput,
    OrderInput,
    OrderLineInput,
    OrderSaved,
    ProductInput,
    ProductSaved,
)


def services_for(database: Database, clock: Clock, *roles: Role, name: str = "") -> Services:
    """Services for a user holding ``roles`` (a clerk by default)."""
    held = frozenset(roles or (Role.CLERK,))
    username = name or "-".join(sorted(r.value for r in held))
    return Services(database, Actor(username=username, roles=held), clock)


def make_customer(
    services: Services,
    name: str = "上海华鑫贸易有限公司",
    *,
    limit: Decimal = Decimal("0"),
    terms: int = 30,
) -> int:
    manager = Services(
        services.database,
        Actor(username="setup", roles=frozenset({Role.MANAGER})),
        services.clock,
    )
    saved = manager.customers.save(
        CustomerInput(
            name=name,
            credit_limit=limit,
            payment_terms_days=terms,
            settlement_method="monthly",
            province="上海市",
            city="上海市",
            district="浦东新区",
            address="世纪大道 100 号",
            contacts=(ContactInput(name="张伟", mobile="13812345678", is_primary=True),),
        ),
        ack={"duplicates"},
        reason="test",
    )
    return saved.id


def make_product(
    services: Services,
    name: str = "A4 复印纸",
    price: str = "25.00",
    *,
    code: str = "",
    stock: str = "100",
    barcode: str = "",
) -> ProductSaved:
    saved = services.products.save(
        ProductInput(
            code=code,
            name=name,
            unit="箱",
            price=Decimal(price),
            barcodes=(BarcodeInput(barcode=barcode),) if barcode else (),
        )
    )
    if Decimal(stock):
        services.products.receive(saved.id, Decimal(stock))
    return saved


def make_order(services: Services, customer_id: int, *lines: tuple[int, str, str]) -> OrderSaved:
    """A draft with lines (product id, qty, price)."""
    return services.orders.save(
        OrderInput(
            customer_id=customer_id,
            lines=tuple(
                OrderLineInput(product_id=p, qty=Decimal(q), unit_price=Decimal(price))
                for p, q, price in lines
            ),
        )
    )
