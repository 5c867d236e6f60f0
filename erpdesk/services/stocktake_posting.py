"""Posting a reviewed stocktake: stock adjustments for products, verified dates and flags for customers.

Runs inside the posting transaction after the manager's password was checked. A product's adjustment is
counted − book quantity *at posting* (the book row is locked first), so stock after posting equals the
count even if deliveries went out while counting; each adjustment is a ``stock_move`` (audited by the
ORM hook) caused by ``("stocktake", id)``. Customers found get today's verified date and the flag
``verified``; customers not found get ``not_found`` (keep), ``investigate`` (investigate, or no decision
taken) or are deactivated (deactivate) through the customer rules, which audit that themselves.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Table, bindparam, select, update

from erpdesk.db.audit import AuditEntry
from erpdesk.db.models.customer import Customer
from erpdesk.db.models.product import StockLevel
from erpdesk.db.models.stocktake import StocktakeLine
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain.customers import CustomerStatus
from erpdesk.domain.messages import render
from erpdesk.domain.stocktake import CensusStatus
from erpdesk.services import customer_writes
from erpdesk.services.stocktake_scans import Head

SOURCE = "stocktake"


class CensusFlag:
    """Values of ``customer.census_flag`` written by posting."""

    VERIFIED = "verified"
    NOT_FOUND = "not_found"
    INVESTIGATE = "investigate"
    DEACTIVATED = "deactivated"


def post_products(u: UnitOfWork, head: Head, *, actor: str, now: datetime, day: date) -> int:
    """Adjust the warehouse's stock to the counted quantities; returns how many moves were posted."""
    from erpdesk.services.stock import move

    assert head.warehouse_id is not None
    conn = u.connection
    counted = dict(
        conn.execute(
            select(StocktakeLine.target_id, StocktakeLine.counted).where(
                StocktakeLine.stocktake_id == head.id
            )
        ).all()
    )
    book_stmt = select(StockLevel.product_id, StockLevel.qty).where(
        StockLevel.warehouse_id == head.warehouse_id,
        StockLevel.product_id.in_(
            select(StocktakeLine.target_id).where(StocktakeLine.stocktake_id == head.id)
        ),
    )
    if conn.dialect.name == "postgresql":
        book_stmt = book_stmt.with_for_update()
    book = dict(conn.execute(book_stmt).all())
    posted = 0
    for product_id in sorted(counted):
        delta = counted[product_id] - book.get(product_id, Decimal(0))
        if delta:
            move(
                u.session,
                product_id=product_id,
                warehouse_id=head.warehouse_id,
                qty=delta,
                on=day,
                source=(SOURCE, head.id),
                actor=actor,
                now=now,
            )
            posted += 1
    return posted


def _flag(found: bool, census: str) -> str:
    if found:
        return (
            CensusFlag.INVESTIGATE
            if census == CensusStatus.INVESTIGATE.value
            else CensusFlag.VERIFIED
        )
    if census == CensusStatus.KEEP.value:
        return CensusFlag.NOT_FOUND
    if census == CensusStatus.DEACTIVATE.value:
        return CensusFlag.DEACTIVATED
    return CensusFlag.INVESTIGATE


def post_customers(
    u: UnitOfWork, head: Head, *, actor: str, now: datetime, day: date, approver: str
) -> dict[str, int]:
    """Write verified dates and census flags (audited), deactivate those marked so; counts per flag."""
    conn = u.connection
    rows = conn.execute(
        select(
            StocktakeLine.target_id,
            StocktakeLine.found,
            StocktakeLine.census_status,
            StocktakeLine.note,
            Customer.version,
            Customer.verified_on,
            Customer.census_flag,
            Customer.status,
        )
        .join(Customer, Customer.id == StocktakeLine.target_id)
        .where(StocktakeLine.stocktake_id == head.id)
        .order_by(StocktakeLine.target_id)
    ).all()
    params = []
    entries = []
    tally: dict[str, int] = {}
    deactivate: list[tuple[int, str]] = []
    for row in rows:
        flag = _flag(row.found, row.census_status)
        tally[flag] = tally.get(flag, 0) + 1
        verified = day if row.found else row.verified_on
        params.append(
            {"cid": row.target_id, "v": verified, "f": flag, "ver": row.version + 1, "now": now}
        )
        entries.append(
            AuditEntry(
                "customer",
                str(row.target_id),
                "update",
                {"verified_on": row.verified_on, "census_flag": row.census_flag},
                {
                    "verified_on": verified,
                    "census_flag": flag,
                    "stocktake": head.number,
                    "approved_by": approver,
                },
            )
        )
        if flag == CensusFlag.DEACTIVATED and row.status == CustomerStatus.ACTIVE.value:
            deactivate.append((row.target_id, row.note))
    if params:
        table = Customer.__table__
        assert isinstance(table, Table)
        conn.execute(
            update(table)
            .where(table.c.id == bindparam("cid"))
            .values(
                verified_on=bindparam("v"),
                census_flag=bindparam("f"),
                version=bindparam("ver"),
                updated_at=bindparam("now"),
                updated_by=actor,
            ),
            params,
        )
        u.record(entries)
        for p in params:
            customer_writes.marker(u, p["cid"], p["ver"], ["verified_on", "census_flag"])
    default_reason = render("stocktake.deactivated_reason", "zh_CN", number=head.number)
    for customer_id, note in deactivate:
        customer = u.session.get(Customer, customer_id)
        assert customer is not None
        customer_writes.set_status(
            u, customer, False, note.strip() or default_reason, now=now, actor=actor
        )
    return tally
