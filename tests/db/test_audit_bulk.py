"""The batch path of the audit trail and of bulk inserts stores exactly what the plain paths store.

``audit.append`` builds each row's canonical JSON from pieces shared by the batch; ``verify_chain``
recomputes every hash with the plain ``row_hash``, so a chain that verifies after appending awkward
text (quotes, backslashes, control characters, non-BMP characters, line separators) proves the two
agree byte for byte. ``bulk.insert_rows`` must store the same values as a Core ``insert``.
"""

from __future__ import annotations

import enum
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
)

from erpdesk.db import audit
from erpdesk.db.audit import AuditEntry, verify_chain
from erpdesk.db.bulk import BulkInsert, insert_rows
from erpdesk.db.engine import Database
from erpdesk.db.models.customer import IssuedCode
from erpdesk.db.models.system import AuditLog
from erpdesk.db.uow import UnitOfWork


class _Colour(enum.Enum):
    RED = "red"


_values = st.dictionaries(
    st.text(max_size=8),
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.text(max_size=20),
        st.decimals(allow_nan=False, allow_infinity=False, places=2),
        st.dates(),
        st.just(_Colour.RED),
        st.lists(st.text(max_size=5), max_size=3),
    ),
    max_size=6,
)
_entries = st.lists(
    st.builds(
        AuditEntry,
        st.sampled_from(["customer", "customer_contact", 'we"ird\\table']),
        st.text(max_size=12),
        st.sampled_from(["insert", "update", "saved", "delete\u2028x"]),
        st.one_of(st.none(), _values),
        st.one_of(st.none(), _values),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(entries=_entries, user=st.text(min_size=1, max_size=10))
def test_batch_hashes_verify_with_the_plain_hash(
    sqlite_db: Database, entries: list[AuditEntry], user: str
) -> None:
    with UnitOfWork(sqlite_db, user, write=True) as uow:
        uow.record(entries)
        uow.commit()
    with sqlite_db.engine.connect() as conn:
        count, problem = verify_chain(conn)
        newest = conn.execute(select(AuditLog).order_by(AuditLog.id.desc()).limit(1)).one()
    assert problem is None
    assert count >= len(entries)
    last = entries[-1]
    assert newest.row_pk == last.row_pk
    assert newest.app_user == user


@given(_values)
def test_values_json_matches_the_plain_encoding(values: dict[str, Any]) -> None:
    plain = json.dumps(
        {k: audit.plain_value(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True
    )
    assert audit._json(values) == plain


def test_bulk_insert_rows_store_what_core_stores(backend: Database) -> None:
    table = cast(Table, IssuedCode.__table__)
    at = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    with backend.write_engine.begin() as conn:
        conn.execute(
            insert(table), [{"scope": "core", "code": f"C{i}", "issued_at": at} for i in range(3)]
        )
        insert_rows(
            conn,
            table,
            ("code",),
            [(f"C{i}",) for i in range(3)],
            {"scope": "bulk", "issued_at": at},
        )
    with backend.engine.connect() as conn:
        rows = conn.execute(select(table.c.scope, table.c.code, table.c.issued_at)).all()
    core = sorted((code, issued) for scope, code, issued in rows if scope == "core")
    bulk = sorted((code, issued) for scope, code, issued in rows if scope == "bulk")
    assert core == bulk
    assert bulk[0] == ("C0", at)


def test_bulk_insert_converts_utc_times_like_core(backend: Database) -> None:
    # Audit rows carry a UTC timestamp; read back through the ORM type they are the same instant.
    table = cast(Table, AuditLog.__table__)
    at = datetime(2026, 3, 1, 17, 0, tzinfo=UTC)
    with backend.write_engine.begin() as conn:
        insert_rows(
            conn,
            table,
            ("row_pk", "new"),
            [
                (
                    "1",
                    json.dumps(
                        {"amount": str(Decimal("12.30")), "day": date(2026, 1, 2).isoformat()}
                    ),
                )
            ],
            {
                "txn_id": "t",
                "at_utc": at,
                "app_user": "u",
                "host": "h",
                "table_name": "x",
                "action": "insert",
                "old": None,
                "prev_hash": "0" * 64,
                "hash": "1" * 64,
            },
        )
    with backend.engine.connect() as conn:
        row = conn.execute(select(AuditLog).where(AuditLog.table_name == "x")).one()
    assert row.at_utc == at
    assert json.loads(row.new) == {"amount": "12.30", "day": "2026-01-02"}
    assert row.old is None


def test_values_shared_by_a_batch_are_stored_as_core_stores_them(sqlite_db: Database) -> None:
    # On SQLite a value every row shares is written into the statement; the table must come out
    # the same as Core's, including a quote, a NUL (kept bound), and 1 beside 1.0 and True in a
    # text column (equal in Python, stored as "1", "1.0" and "1").
    metadata = MetaData()
    table = Table(
        "shared_values",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("kind", String(20)),
        Column("mixed", String(20)),
        Column("flag", Boolean),
        Column("blank", String(20)),
        Column("zero", Text),
    )
    rows = [
        (i, "it's ? %s", 1.0 if i == 150 else True if i == 7 else 1, True, None, "a\x00b")
        for i in range(1, 200)
    ]
    names = ("id", "kind", "mixed", "flag", "blank", "zero")
    with sqlite_db.write_engine.begin() as conn:
        metadata.create_all(conn)
        bulk = BulkInsert(conn, table, names, {})
        batch = bulk.params(rows)
        assert "'it''s ? %s'" in batch.sql  # the shared text went into the statement
        bulk.execute(conn, batch)
        stored = conn.exec_driver_sql(
            "SELECT id, kind, mixed, typeof(mixed), flag, blank, zero FROM shared_values ORDER BY id"
        ).all()
        conn.exec_driver_sql("DELETE FROM shared_values")
        conn.execute(insert(table), [dict(zip(names, row, strict=True)) for row in rows])
        core = conn.exec_driver_sql(
            "SELECT id, kind, mixed, typeof(mixed), flag, blank, zero FROM shared_values ORDER BY id"
        ).all()
    assert stored == core
    assert stored[149][2] == "1.0"
    assert stored[0][2] == "1"
    assert stored[0][6] == "a\x00b"


def test_bulk_insert_refuses_a_computed_default_it_would_leave_out(sqlite_db: Database) -> None:
    # Core calls a computed default per row; the bulk path has no such call, so it must say so.
    table = Table(
        "stamped",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("at", DateTime, default=lambda: datetime.now(UTC)),
    )
    with sqlite_db.write_engine.begin() as conn, pytest.raises(ValueError, match=r"stamped\.at"):
        insert_rows(conn, table, ("id",), [(1,)])
