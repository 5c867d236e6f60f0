"""Counting: one scan, hand entry, undo or correction applied to a session's lines and scan journal.

Functions take the open transaction's connection and use Core statements only: a keyboard-wedge scanner
sends twenty scans a second and each is its own short write. The invariant kept here is that a line's
``counted`` equals the sum of its journal entries that are not undone (a correction is journalled as the
difference), so the journal explains every count. Permissions and states are checked by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection, func, insert, select, update

from erpdesk.db.models.customer import Customer, CustomerCodeAlias
from erpdesk.db.models.product import Product, ProductBarcode
from erpdesk.db.models.stocktake import Stocktake, StocktakeLine, StocktakeScan
from erpdesk.domain.errors import DomainError
from erpdesk.domain.stocktake import (
    CensusStatus,
    ScanOutcome,
    StocktakeKind,
    StocktakeStatus,
)
from erpdesk.services.stocktake_dto import ScanResult

ZERO = Decimal(0)
ONE = Decimal(1)
QTY = Decimal("0.001")


@dataclass(frozen=True, slots=True)
class Head:
    """What counting needs to know of a session."""

    id: int
    number: str
    kind: StocktakeKind
    status: StocktakeStatus
    blind: bool
    warehouse_id: int | None


@dataclass(frozen=True, slots=True)
class Target:
    """A customer or product a code resolved to; ``pack`` is a carton barcode's quantity."""

    id: int
    code: str
    name: str
    pack: Decimal = ONE


@dataclass(frozen=True, slots=True)
class LineState:
    id: int
    counted: Decimal
    found: bool
    census_status: str


def head(conn: Connection, session_id: int, *, lock: bool = False) -> Head:
    """The session, locked on PostgreSQL when ``lock`` (SQLite writers are serialised already)."""
    stmt = select(
        Stocktake.id,
        Stocktake.number,
        Stocktake.kind,
        Stocktake.status,
        Stocktake.blind,
        Stocktake.warehouse_id,
    ).where(Stocktake.id == session_id)
    if lock and conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    row = conn.execute(stmt).one_or_none()
    if row is None:
        raise DomainError("stocktake.not_found", id=session_id)
    return Head(
        id=row.id,
        number=row.number,
        kind=StocktakeKind(row.kind),
        status=StocktakeStatus(row.status),
        blind=row.blind,
        warehouse_id=row.warehouse_id,
    )


def resolve(conn: Connection, kind: StocktakeKind, code: str) -> Target | None:
    """The product (barcode, then code) or customer (current code, then old code) ``code`` names."""
    if kind is StocktakeKind.PRODUCTS:
        carton = conn.execute(
            select(Product.id, Product.code, Product.name, ProductBarcode.pack_qty)
            .join(ProductBarcode, ProductBarcode.product_id == Product.id)
            .where(ProductBarcode.barcode == code)
        ).first()
        if carton is not None:
            return Target(id=carton[0], code=carton[1], name=carton[2], pack=carton[3])
        hit = conn.execute(
            select(Product.id, Product.code, Product.name).where(Product.code == code)
        ).first()
        return None if hit is None else Target(id=hit[0], code=hit[1], name=hit[2])
    row = conn.execute(
        select(Customer.id, Customer.code, Customer.name).where(Customer.code == code)
    ).first()
    if row is None:
        row = conn.execute(
            select(Customer.id, Customer.code, Customer.name)
            .join(CustomerCodeAlias, CustomerCodeAlias.customer_id == Customer.id)
            .where(CustomerCodeAlias.code == code)
        ).first()
    return None if row is None else Target(id=row[0], code=row[1], name=row[2])


def target_by_id(conn: Connection, kind: StocktakeKind, target_id: int) -> Target | None:
    model = Product if kind is StocktakeKind.PRODUCTS else Customer
    row = conn.execute(
        select(model.id, model.code, model.name).where(model.id == target_id)
    ).first()
    return None if row is None else Target(id=row[0], code=row[1], name=row[2])


def line_state(conn: Connection, session_id: int, target_id: int) -> LineState | None:
    row = conn.execute(
        select(
            StocktakeLine.id,
            StocktakeLine.counted,
            StocktakeLine.found,
            StocktakeLine.census_status,
        ).where(StocktakeLine.stocktake_id == session_id, StocktakeLine.target_id == target_id)
    ).first()
    return None if row is None else LineState(row[0], row[1], row[2], row[3])


def ensure_line(conn: Connection, session_id: int, target: Target) -> LineState:
    """The target's line, added as unexpected (outside the scope) when the snapshot lacks it."""
    found = line_state(conn, session_id, target.id)
    if found is not None:
        return found
    new_id = conn.execute(
        insert(StocktakeLine)
        .values(
            stocktake_id=session_id,
            target_id=target.id,
            code=target.code,
            name=target.name[:100],
            in_scope=False,
            expected=ZERO,
            counted=ZERO,
            found=False,
            reason="",
            census_status=CensusStatus.PENDING.value,
            note="",
        )
        .returning(StocktakeLine.id)
    ).scalar_one()
    return LineState(new_id, ZERO, False, CensusStatus.PENDING.value)


def next_seq(conn: Connection, session_id: int) -> int:
    last = conn.execute(
        select(func.max(StocktakeScan.seq)).where(StocktakeScan.stocktake_id == session_id)
    ).scalar_one()
    return int(last or 0) + 1


# Built once: a statement whose shape never changes compiles once and stays in the cache.
_JOURNAL = insert(StocktakeScan)


@dataclass(frozen=True, slots=True)
class Entry:
    """One count to apply: what was scanned or typed, by whom, from where."""

    code: str
    quantity: Decimal
    source: str  # scan / hand / handheld
    device: str
    at: datetime
    actor: str
    row_key: str | None = None
    client_seq: int | None = None


def apply(conn: Connection, head: Head, entry: Entry, target: Target | None) -> ScanResult:
    """Count ``entry`` against ``target`` (None = unknown code): journal it and move the line."""
    seq = next_seq(conn, head.id)
    if target is None:
        _journal(conn, head.id, seq, entry, entry.quantity, None, ScanOutcome.UNKNOWN.value)
        return ScanResult(
            seq=seq,
            outcome=ScanOutcome.UNKNOWN,
            code=entry.code,
            quantity=entry.quantity,
            target_id=None,
            label="",
            line_count=ZERO,
            client_seq=entry.client_seq,
        )
    line = ensure_line(conn, head.id, target)
    if head.kind is StocktakeKind.CUSTOMERS:
        # A customer is found once; scanning the card again changes nothing but is journalled.
        added = ZERO if line.found else ONE
        outcome = ScanOutcome.ALREADY_FOUND if line.found else ScanOutcome.FOUND
        census = line.census_status or CensusStatus.FOUND.value
    else:
        added = (entry.quantity * target.pack).quantize(QTY)
        outcome = ScanOutcome.COUNTED
        census = line.census_status
    total = line.counted + added
    conn.execute(
        update(StocktakeLine)
        .where(StocktakeLine.id == line.id)
        .values(counted=total, found=total > 0, census_status=census)
    )
    _journal(conn, head.id, seq, entry, added, line.id, outcome.value)
    return ScanResult(
        seq=seq,
        outcome=outcome,
        code=target.code,
        quantity=added,
        target_id=target.id,
        label=target.name,
        line_count=total,
        client_seq=entry.client_seq,
        line_id=line.id,
    )


LIVE_KEY_PREFIX = "live:"


def live_key(client_key: str | None) -> str | None:
    """The journal's ``row_key`` of a live scan sent with ``client_key`` (None without one)."""
    if not client_key:
        return None
    key = LIVE_KEY_PREFIX + client_key
    if len(key) > 64:
        raise ValueError("client_key is longer than 58 characters")
    return key


def replay(
    conn: Connection, session_id: int, row_key: str, client_seq: int | None
) -> ScanResult | None:
    """The result of the scan journalled under ``row_key`` earlier (a resend), or None if new."""
    found = conn.execute(
        select(
            StocktakeScan.seq,
            StocktakeScan.outcome,
            StocktakeScan.code,
            StocktakeScan.quantity,
            StocktakeLine.id,
            StocktakeLine.target_id,
            StocktakeLine.name,
            StocktakeLine.counted,
        )
        .outerjoin(StocktakeLine, StocktakeLine.id == StocktakeScan.line_id)
        .where(StocktakeScan.stocktake_id == session_id, StocktakeScan.row_key == row_key)
    ).first()
    if found is None:
        return None
    seq, outcome, code, quantity, line_id, target_id, name, counted = found
    return ScanResult(
        seq=seq,
        outcome=ScanOutcome(outcome),
        code=code,
        quantity=quantity,
        target_id=target_id,
        label=name or "",
        line_count=counted if counted is not None else ZERO,
        client_seq=client_seq,
        line_id=line_id,
    )


def _journal(
    conn: Connection,
    session_id: int,
    seq: int,
    entry: Entry,
    quantity: Decimal,
    line_id: int | None,
    outcome: str,
) -> None:
    conn.execute(
        _JOURNAL,
        {
            "stocktake_id": session_id,
            "seq": seq,
            "code": entry.code[:64],
            "quantity": quantity,
            "line_id": line_id,
            "outcome": outcome,
            "source": entry.source,
            "device": entry.device[:50],
            "scanned_at": entry.at,
            "row_key": entry.row_key,
            "undone": False,
            "created_by": entry.actor,
        },
    )


def undo_last(conn: Connection, head: Head, actor: str) -> ScanResult | None:
    """Take back the actor's newest scan or hand entry that is not undone yet (None if none)."""
    row = conn.execute(
        select(StocktakeScan)
        .where(
            StocktakeScan.stocktake_id == head.id,
            StocktakeScan.undone.is_(False),
            StocktakeScan.created_by == actor,
            StocktakeScan.source.in_(("scan", "hand")),
        )
        .order_by(StocktakeScan.seq.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    conn.execute(update(StocktakeScan).where(StocktakeScan.id == row.id).values(undone=True))
    total = ZERO
    target_id: int | None = None
    label = ""
    if row.line_id is not None:
        line = conn.execute(
            select(
                StocktakeLine.counted,
                StocktakeLine.target_id,
                StocktakeLine.name,
                StocktakeLine.census_status,
            ).where(StocktakeLine.id == row.line_id)
        ).one()
        total = line.counted - row.quantity
        census = line.census_status
        if total <= 0 and census == CensusStatus.FOUND.value:
            census = CensusStatus.PENDING.value
        conn.execute(
            update(StocktakeLine)
            .where(StocktakeLine.id == row.line_id)
            .values(counted=total, found=total > 0, census_status=census)
        )
        target_id, label = line.target_id, line.name
    return ScanResult(
        seq=row.seq,
        outcome=ScanOutcome(row.outcome),
        code=row.code,
        quantity=row.quantity,
        target_id=target_id,
        label=label,
        line_count=total,
        line_id=row.line_id,
    )


def correct(
    conn: Connection, head: Head, line_id: int, counted: Decimal, reason: str, entry: Entry
) -> tuple[Decimal, Decimal]:
    """Set a line's count to ``counted`` with ``reason``; journals the difference. Returns (old, new)."""
    line = conn.execute(
        select(StocktakeLine.counted, StocktakeLine.census_status).where(
            StocktakeLine.id == line_id, StocktakeLine.stocktake_id == head.id
        )
    ).first()
    if line is None:
        raise DomainError("stocktake.line_not_found", id=line_id, number=head.number)
    if head.kind is StocktakeKind.CUSTOMERS:
        counted = ONE if counted > 0 else ZERO
    census = line.census_status
    if counted > 0 and not census:
        census = CensusStatus.FOUND.value if head.kind is StocktakeKind.CUSTOMERS else ""
    if counted <= 0 and census == CensusStatus.FOUND.value:
        census = CensusStatus.PENDING.value
    conn.execute(
        update(StocktakeLine)
        .where(StocktakeLine.id == line_id)
        .values(counted=counted, found=counted > 0, reason=reason, census_status=census)
    )
    delta = counted - line.counted
    if delta:
        _journal(conn, head.id, next_seq(conn, head.id), entry, delta, line_id, "corrected")
    return line.counted, counted
