"""Reading stocktakes: session views with their counts, count lines (expected hidden while blind), review.

Functions take an open connection and never write; permissions are checked by ``StocktakeService``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, case, func, select

from erpdesk.db.models.customer import Customer, CustomerContact
from erpdesk.db.models.stocktake import Stocktake, StocktakeLine, StocktakeScan
from erpdesk.domain.errors import DomainError
from erpdesk.domain.stocktake import (
    StocktakeKind,
    StocktakeStatus,
)
from erpdesk.services.stocktake_dto import (
    CountLineView,
    ReviewView,
    StocktakeScope,
    StocktakeView,
    UnknownScanView,
)

CLOSED = (StocktakeStatus.POSTED.value, StocktakeStatus.CANCELLED.value)


def _scope(row: Any) -> StocktakeScope:
    return StocktakeScope(
        kind=StocktakeKind(row.kind),
        category_id=row.scope_category_id,
        region=row.scope_region,
        salesperson_id=row.scope_salesperson_id,
        warehouse_id=row.warehouse_id,
        product_category=row.scope_product_category,
    )


def _counts(conn: Connection, ids: list[int]) -> dict[int, tuple[int, int, int, int]]:
    """Per session: expected lines, found lines, unknown scans, live scans."""
    out = dict.fromkeys(ids, (0, 0, 0, 0))
    if not ids:
        return out
    lines = conn.execute(
        select(
            StocktakeLine.stocktake_id,
            func.sum(case((StocktakeLine.in_scope, 1), else_=0)),
            func.sum(case((StocktakeLine.found, 1), else_=0)),
        )
        .where(StocktakeLine.stocktake_id.in_(ids))
        .group_by(StocktakeLine.stocktake_id)
    ).all()
    scans = conn.execute(
        select(
            StocktakeScan.stocktake_id,
            func.sum(case((StocktakeScan.outcome == "unknown", 1), else_=0)),
            func.sum(case((StocktakeScan.outcome != "corrected", 1), else_=0)),
        )
        .where(StocktakeScan.stocktake_id.in_(ids), StocktakeScan.undone.is_(False))
        .group_by(StocktakeScan.stocktake_id)
    ).all()
    for sid, expected, found in lines:
        out[sid] = (int(expected or 0), int(found or 0), 0, 0)
    for sid, unknown, live in scans:
        e, f, _u, _l = out[sid]
        out[sid] = (e, f, int(unknown or 0), int(live or 0))
    return out


def sessions(
    conn: Connection, *, include_closed: bool, ids: list[int] | None = None
) -> tuple[StocktakeView, ...]:
    stmt = select(Stocktake).order_by(Stocktake.id.desc())
    if ids is not None:
        stmt = stmt.where(Stocktake.id.in_(ids))
    elif not include_closed:
        stmt = stmt.where(Stocktake.status.not_in(CLOSED))
    rows = conn.execute(stmt).all()
    counts = _counts(conn, [r.id for r in rows])
    return tuple(
        StocktakeView(
            id=r.id,
            number=r.number,
            name=r.name,
            scope=_scope(r),
            blind=r.blind,
            status=StocktakeStatus(r.status),
            expected_count=counts[r.id][0],
            counted_count=counts[r.id][1],
            unknown_count=counts[r.id][2],
            scan_count=counts[r.id][3],
            created_by=r.created_by,
            created_at=r.created_at,
            version=r.version,
            approved_by=r.approved_by,
            posted_at=r.posted_at,
            cancel_reason=r.cancel_reason,
        )
        for r in rows
    )


def session(conn: Connection, session_id: int) -> StocktakeView:
    found = sessions(conn, include_closed=True, ids=[session_id])
    if not found:
        raise DomainError("stocktake.not_found", id=session_id)
    return found[0]


def _contacts(conn: Connection, session_id: int, line_ids: list[int] | None) -> dict[int, str]:
    """Each customer's primary (else first) contact name, for the census form.

    Only the customers of ``line_ids`` when given: a census confirmation reads back one line and must
    not fetch the contacts of every customer in the session.
    """
    stmt = (
        select(CustomerContact.customer_id, CustomerContact.name)
        .join(StocktakeLine, StocktakeLine.target_id == CustomerContact.customer_id)
        .where(StocktakeLine.stocktake_id == session_id)
    )
    if line_ids is not None:
        stmt = stmt.where(StocktakeLine.id.in_(line_ids))
    rows = conn.execute(
        stmt.order_by(
            CustomerContact.customer_id,
            CustomerContact.is_primary.desc(),
            CustomerContact.sort_order,
            CustomerContact.id,
        )
    ).all()
    names: dict[int, str] = {}
    for customer_id, name in rows:
        names.setdefault(customer_id, name)
    return names


def lines(
    conn: Connection,
    session_id: int,
    kind: StocktakeKind,
    show_expected: bool,
    line_ids: list[int] | None = None,
) -> tuple[CountLineView, ...]:
    """The session's lines by code; ``expected`` and ``difference`` None unless ``show_expected``."""
    table = StocktakeLine.__table__
    customers = kind is StocktakeKind.CUSTOMERS
    columns: list[Any] = list(table.c)
    if customers:
        columns += [Customer.phone, Customer.address, Customer.verified_on]
    stmt = select(*columns).where(table.c.stocktake_id == session_id)
    if customers:
        stmt = stmt.outerjoin(Customer, Customer.id == table.c.target_id)
    if line_ids is not None:
        stmt = stmt.where(table.c.id.in_(line_ids))
    rows = conn.execute(stmt.order_by(table.c.code)).all()
    contacts = _contacts(conn, session_id, line_ids) if customers else {}
    out = []
    for row in rows:
        line = row._mapping
        expected: Decimal | None = line["expected"] if show_expected else None
        out.append(
            CountLineView(
                id=line["id"],
                target_id=line["target_id"],
                code=line["code"],
                name=line["name"],
                expected=expected,
                counted=line["counted"],
                difference=None if expected is None else line["counted"] - expected,
                reason=line["reason"],
                found=line["found"],
                census_status=line["census_status"],
                in_scope=line["in_scope"],
                phone=(line["phone"] or "") if customers else "",
                address=(line["address"] or "") if customers else "",
                contact_name=contacts.get(line["target_id"], "") if customers else "",
                note=line["note"],
                verified_on=line["verified_on"] if customers else None,
            )
        )
    return tuple(out)


def review(conn: Connection, view: StocktakeView) -> ReviewView:
    """Everything the 复核 screen shows, expected figures included."""
    all_lines = lines(conn, view.id, view.scope.kind, True)
    missing = tuple(line for line in all_lines if line.in_scope and not line.found)
    unexpected = tuple(line for line in all_lines if not line.in_scope and line.found)
    differences = tuple(
        line for line in all_lines if view.scope.kind is StocktakeKind.PRODUCTS and line.difference
    )
    unknown_rows = conn.execute(
        select(
            StocktakeScan.code,
            func.count(),
            func.sum(StocktakeScan.quantity),
        )
        .where(
            StocktakeScan.stocktake_id == view.id,
            StocktakeScan.outcome == "unknown",
            StocktakeScan.undone.is_(False),
        )
        .group_by(StocktakeScan.code)
        .order_by(StocktakeScan.code)
    ).all()
    devices: dict[str, set[str]] = {}
    for code, device in conn.execute(
        select(StocktakeScan.code, StocktakeScan.device).where(
            StocktakeScan.stocktake_id == view.id,
            StocktakeScan.outcome == "unknown",
            StocktakeScan.undone.is_(False),
            StocktakeScan.device != "",
        )
    ).all():
        devices.setdefault(code, set()).add(device)
    unknown = tuple(
        UnknownScanView(
            code=code,
            scans=int(count),
            quantity=total if total is not None else Decimal("0.000"),  # SUM keeps QtyType
            devices=tuple(sorted(devices.get(code, ()))),
        )
        for code, count, total in unknown_rows
    )
    return ReviewView(
        lines=all_lines,
        missing=missing,
        unexpected=unexpected,
        unknown=tuple(u.code for u in unknown),
        differences=differences,
        unknown_scans=unknown,
    )
