"""The audit trail: rows written in the same transaction as the change they describe, hash-chained.

``hash = SHA-256(prev_hash ‖ canonical JSON of the row)``; ``audit_head`` holds the newest hash and the row
count, so removing the newest rows is detected too. Rows are appended under the head's row lock, which
orders them. ORM changes are captured by a flush hook (``install_audit_hook``); Core bulk writes call
``append`` themselves. Secrets listed in a model's ``__audit_secret__`` are recorded as changed, never shown.

Bulk appends (an import of 100,000 customers writes as many entries) build each row's canonical JSON
from a prefix and suffix shared by the whole batch plus its own few strings, with the JSON encoder's
own string escaping, so the bytes hashed are exactly those ``row_hash`` hashes (tests compare them);
the rows go to the database in one executemany (``erpdesk.db.bulk``).
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, event, inspect, select, update
from sqlalchemy.orm import Session, UOWTransaction

from erpdesk.db.base import AUDIT_SKIPPED_FIELDS, Base
from erpdesk.db.bulk import insert_rows
from erpdesk.db.models.system import AuditHead, AuditLog

GENESIS = "0" * 64
HEAD_ID = 1
SECRET_MARK = "***"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change to record: table, key, action and the old and new values of the changed fields."""

    table_name: str
    row_pk: str
    action: str
    old: dict[str, Any] | None = None
    new: dict[str, Any] | str | None = None  # str: JSON already encoded (``audit_bulk``)


@dataclass(frozen=True, slots=True)
class AuditContext:
    """Who is acting, from where, in which transaction, and when (UTC)."""

    app_user: str
    host: str
    txn_id: str
    at_utc: datetime


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """Where verification found the chain broken: the audit row id and a message id for the reason."""

    row_id: int
    reason_id: str


def plain_value(value: Any) -> Any:
    """``value`` as JSON can hold it (Decimal as text, dates in ISO form, enums by value)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(bytes(value))} bytes>"
    return value


_AS_IS = frozenset({str, int, bool, float, type(None)})
_VALUES_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_quote: Any = json.encoder.encode_basestring  # the C escaper (what json.dumps uses)


def _json(values: dict[str, Any] | str | None) -> str | None:
    if values is None or isinstance(values, str):
        return values
    return _VALUES_JSON(
        {k: (v if type(v) in _AS_IS else plain_value(v)) for k, v in values.items()}
    )


def _canonical(row: dict[str, Any]) -> bytes:
    return json.dumps(
        row, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    ).encode("utf-8")


def _hashed_fields(row: dict[str, Any]) -> dict[str, Any]:
    at = row["at_utc"]
    return {
        "txn_id": row["txn_id"],
        "at_utc": at.isoformat() if isinstance(at, datetime) else str(at),
        "app_user": row["app_user"],
        "host": row["host"],
        "table_name": row["table_name"],
        "row_pk": row["row_pk"],
        "action": row["action"],
        "old": row["old"],
        "new": row["new"],
    }


def row_hash(prev_hash: str, row: dict[str, Any]) -> str:
    """The chain hash of an audit row given the hash of the row before it."""
    digest = hashlib.sha256(prev_hash.encode("ascii"))
    digest.update(_canonical(_hashed_fields(row)))
    return digest.hexdigest()


def _lock_head(conn: Connection) -> tuple[str, int]:
    stmt = select(AuditHead.hash, AuditHead.row_count).where(AuditHead.id == HEAD_ID)
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    row = conn.execute(stmt).one()
    return row.hash, row.row_count


_AUDIT_COLUMNS = ("table_name", "row_pk", "action", "old", "new", "prev_hash", "hash")


def append(conn: Connection, context: AuditContext, entries: Sequence[AuditEntry]) -> None:
    """Append ``entries`` to the audit log inside the caller's transaction."""
    if not entries:
        return
    if context.at_utc.tzinfo is None:
        raise ValueError("audit time must be an aware datetime")
    # Hashed as stored: the column reads back in UTC, so an offset like +08:00 would break the chain.
    at_utc = context.at_utc.astimezone(UTC)
    prev, count = _lock_head(conn)
    shared = {
        "txn_id": context.txn_id,
        "at_utc": at_utc,
        "app_user": context.app_user,
        "host": context.host,
    }
    # Canonical JSON keys in sorted order: action, app_user, at_utc, host, new, old, row_pk,
    # table_name, txn_id; the shared ones are encoded once for the batch.
    middle = (
        ',"app_user":'
        + _quote(context.app_user)
        + ',"at_utc":'
        + _quote(at_utc.isoformat())
        + ',"host":'
        + _quote(context.host)
        + ',"new":'
    )
    tail = ',"txn_id":' + _quote(context.txn_id) + "}"
    sha256 = hashlib.sha256
    rows: list[tuple[str, str, str, str | None, str | None, str, str]] = []
    for entry in entries:
        old = _json(entry.old)
        new = _json(entry.new)
        if not (
            type(entry.action) is str
            and type(entry.row_pk) is str
            and type(entry.table_name) is str
        ):
            row = {
                **shared,
                "table_name": entry.table_name,
                "row_pk": entry.row_pk,
                "action": entry.action,
                "old": old,
                "new": new,
            }
            digest = row_hash(prev, row)
        else:
            canonical = (
                '{"action":'
                + _quote(entry.action)
                + middle
                + ("null" if new is None else _quote(new))
                + ',"old":'
                + ("null" if old is None else _quote(old))
                + ',"row_pk":'
                + _quote(entry.row_pk)
                + ',"table_name":'
                + _quote(entry.table_name)
                + tail
            )
            hasher = sha256(prev.encode("ascii"))
            hasher.update(canonical.encode("utf-8"))
            digest = hasher.hexdigest()
        rows.append((entry.table_name, entry.row_pk, entry.action, old, new, prev, digest))
        prev = digest
    insert_rows(conn, _audit_table(), _AUDIT_COLUMNS, rows, shared)
    conn.execute(
        update(AuditHead)
        .where(AuditHead.id == HEAD_ID)
        .values(hash=prev, row_count=count + len(rows))
    )


def _audit_table() -> Table:
    table = AuditLog.__table__
    assert isinstance(table, Table)
    return table


def _column_values(obj: Base, keys: Iterable[str]) -> dict[str, Any]:
    secret = type(obj).__audit_secret__
    return {k: (SECRET_MARK if k in secret else getattr(obj, k)) for k in keys}


def _pk_text(obj: Base) -> str:
    identity = inspect(obj).identity
    if identity is None:
        mapper = inspect(type(obj))
        identity = tuple(getattr(obj, str(col.key)) for col in mapper.primary_key)
    return ",".join(str(part) for part in identity)


def _deleted_in_flush(flush_context: UOWTransaction) -> list[Base]:
    # ``session.deleted`` misses rows removed by a ``delete-orphan`` cascade (they are found during the
    # flush); the flush context lists every state it deleted.
    return [
        state.obj()
        for state, (is_delete, list_only) in flush_context.states.items()
        if is_delete and not list_only and isinstance(state.obj(), Base)
    ]


def entries_for_flush(session: Session, flush_context: UOWTransaction) -> Iterator[AuditEntry]:
    """Describe what the session is flushing: inserts in full, updates as changed fields, deletes."""
    deleted = _deleted_in_flush(flush_context)
    deleted_ids = {id(obj) for obj in deleted}
    for obj in session.new:
        if isinstance(obj, Base) and type(obj).__audit__:
            keys = [
                a.key for a in inspect(type(obj)).column_attrs if a.key not in AUDIT_SKIPPED_FIELDS
            ]
            yield AuditEntry(
                obj.__tablename__, _pk_text(obj), "insert", None, _column_values(obj, keys)
            )
    for obj in session.dirty:
        if id(obj) in deleted_ids:
            continue
        if not (isinstance(obj, Base) and type(obj).__audit__) or not session.is_modified(obj):
            continue
        state = inspect(obj)
        old: dict[str, Any] = {}
        new: dict[str, Any] = {}
        secret = type(obj).__audit_secret__
        for attr in state.mapper.column_attrs:
            if attr.key in AUDIT_SKIPPED_FIELDS:
                continue
            history = state.attrs[attr.key].history
            if not history.has_changes():
                continue
            before = history.deleted[0] if history.deleted else None
            after = history.added[0] if history.added else None
            if before == after:
                continue
            old[attr.key] = SECRET_MARK if attr.key in secret else before
            new[attr.key] = SECRET_MARK if attr.key in secret else after
        if new:
            yield AuditEntry(obj.__tablename__, _pk_text(obj), "update", old, new)
    for obj in deleted:
        if type(obj).__audit__:
            keys = [
                a.key for a in inspect(type(obj)).column_attrs if a.key not in AUDIT_SKIPPED_FIELDS
            ]
            yield AuditEntry(
                obj.__tablename__, _pk_text(obj), "delete", _column_values(obj, keys), None
            )


def install_audit_hook(session_class: type[Session]) -> None:
    """Write audit rows for every flush of ``session_class`` sessions that carry an AuditContext."""

    @event.listens_for(session_class, "after_flush")
    def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
        context = session.info.get("audit_context")
        if context is None:
            return
        entries = list(entries_for_flush(session, flush_context))
        pending = session.info.setdefault("changes", {})
        for entry in entries:
            pending.setdefault(entry.table_name, set()).add(entry.row_pk)
        append(session.connection(), context, entries)


def verify_chain(conn: Connection, *, batch: int = 5000) -> tuple[int, ChainProblem | None]:
    """Re-compute the chain; return the number of rows and the first problem found, if any."""
    prev = GENESIS
    count = 0
    last_id = 0
    while True:
        rows = (
            conn.execute(
                select(AuditLog).where(AuditLog.id > last_id).order_by(AuditLog.id).limit(batch)
            )
            .mappings()
            .all()
        )
        if not rows:
            break
        for row in rows:
            if row["prev_hash"] != prev:
                return count, ChainProblem(row["id"], "db.audit_link_broken")
            if row_hash(prev, dict(row)) != row["hash"]:
                return count, ChainProblem(row["id"], "db.audit_row_altered")
            prev = row["hash"]
            count += 1
            last_id = row["id"]
    head = conn.execute(select(AuditHead).where(AuditHead.id == HEAD_ID)).mappings().one_or_none()
    if head is not None and (head["hash"] != prev or head["row_count"] != count):
        return count, ChainProblem(last_id, "db.audit_head_mismatch")
    return count, None
