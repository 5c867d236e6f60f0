"""The expected snapshot of a stocktake, taken when counting starts: one line per customer or product in
the scope, written with one ``INSERT … SELECT`` so a census of a million customers starts in seconds.

Customers: active ones, in a category (with its sub-categories, by level code prefix), a region (the
region itself or anything under it, ``华东`` covers ``华东/上海``) and / or a salesperson; each is
expected once. Products: active ones of a category, plus deactivated ones still holding stock, with the
warehouse's book quantity as expected.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, and_, false, func, insert, literal, or_, select, true

from erpdesk.db.models.customer import Customer, CustomerCategory
from erpdesk.db.models.product import Product, StockLevel
from erpdesk.db.models.stocktake import StocktakeLine
from erpdesk.db.types import QtyType
from erpdesk.domain.customers import CustomerStatus
from erpdesk.services.stocktake_dto import StocktakeScope

_LINE_COLUMNS = (
    "stocktake_id",
    "target_id",
    "code",
    "name",
    "in_scope",
    "expected",
    "counted",
    "found",
    "reason",
    "census_status",
    "note",
)


def _category_codes(conn: Connection, category_id: int) -> Any:
    code = conn.execute(
        select(CustomerCategory.code).where(CustomerCategory.id == category_id)
    ).scalar_one_or_none()
    if code is None:
        from erpdesk.domain.errors import DomainError

        raise DomainError("stocktake.unknown_category", id=category_id)
    return select(CustomerCategory.id).where(
        CustomerCategory.code >= code, CustomerCategory.code < code + "\U0010ffff"
    )


def _customers(conn: Connection, session_id: int, scope: StocktakeScope) -> Any:
    clauses: list[Any] = [Customer.status == CustomerStatus.ACTIVE.value]
    if scope.category_id is not None:
        clauses.append(Customer.category_id.in_(_category_codes(conn, scope.category_id)))
    region = scope.region.strip()
    if region:
        clauses.append(
            or_(
                Customer.region == region, Customer.region.startswith(region + "/", autoescape=True)
            )
        )
    if scope.salesperson_id is not None:
        clauses.append(Customer.salesperson_id == scope.salesperson_id)
    return select(
        literal(session_id),
        Customer.id,
        Customer.code,
        func.substr(Customer.name, 1, 100),
        true(),
        literal(Decimal(1), QtyType()),
        literal(Decimal(0), QtyType()),
        false(),
        literal(""),
        literal(""),
        literal(""),
    ).where(and_(*clauses))


def _products(session_id: int, warehouse_id: int, scope: StocktakeScope) -> Any:
    level = StockLevel.__table__.alias("level")
    stock = func.coalesce(level.c.qty, 0)
    wanted: list[Any] = [or_(Product.active.is_(True), stock != 0)]
    if scope.product_category.strip():
        wanted.append(Product.category == scope.product_category.strip())
    return (
        select(
            literal(session_id),
            Product.id,
            Product.code,
            Product.name,
            true(),
            stock,  # raw thousandths copied as they are
            literal(Decimal(0), QtyType()),
            false(),
            literal(""),
            literal(""),
            literal(""),
        )
        .select_from(Product)
        .outerjoin(
            level,
            and_(level.c.product_id == Product.id, level.c.warehouse_id == warehouse_id),
        )
        .where(and_(*wanted))
    )


def snapshot(
    conn: Connection, session_id: int, scope: StocktakeScope, warehouse_id: int | None
) -> int:
    """Write the expected lines; returns how many."""
    from erpdesk.domain.stocktake import StocktakeKind

    if scope.kind is StocktakeKind.CUSTOMERS:
        source = _customers(conn, session_id, scope)
    else:
        assert warehouse_id is not None
        source = _products(session_id, warehouse_id, scope)
    result = conn.execute(insert(StocktakeLine).from_select(list(_LINE_COLUMNS), source))
    return int(result.rowcount or 0)
