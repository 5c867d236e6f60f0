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
from sqlalchemy import Column, DateTime, Integer, MetaData, Table, insert, select

from erpdesk.db import audit
from erpdesk.db.audit import AuditEntry, verify_chain
from erpdesk.db.bulk import insert_rows
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
