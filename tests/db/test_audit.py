"""Audit trail: exact rows for ORM inserts, updates and deletes; nothing for rolled-back work (G1);
tampering detected and named (G2); the newest row's removal detected; UPDATE/DELETE refused (A8)."""

from __future__ import annotations

import json
import random
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DBAPIError

from erpdesk.db.audit import SECRET_MARK, AuditEntry, row_hash, verify_chain
from erpdesk.db.base import AUDIT_SKIPPED_FIELDS
from erpdesk.db.check import run_checks
from erpdesk.db.engine import Database
from erpdesk.db.models.system import AuditLog
from erpdesk.db.models.user import UserAccount, UserRole
from erpdesk.db.uow import UnitOfWork

T0 = datetime(2025, 5, 3, 1, 30, tzinfo=UTC)


def _user(name: str, *, secret: str = "s3cr3t") -> UserAccount:
    return UserAccount(
        username=name,
        username_key=name.casefold(),
        display_name=name.title(),
        password_hash=f"$argon2id$v=19$m=65536,t=3,p=4${secret}-{name}",
        created_at=T0,
        created_by="admin",
        updated_at=T0,
        updated_by="admin",
    )


def _audit(database: Database, table: str | None = None) -> list[dict[str, Any]]:
    with database.engine.connect() as conn:
        stmt = select(AuditLog).order_by(AuditLog.id)
        if table:
            stmt = stmt.where(AuditLog.table_name == table)
        rows = [dict(r) for r in conn.execute(stmt).mappings()]
    for row in rows:
        row["old"] = json.loads(row["old"]) if row["old"] else None
        row["new"] = json.loads(row["new"]) if row["new"] else None
    return rows


def _audited_columns() -> set[str]:
    return {a.key for a in inspect(UserAccount).column_attrs} - AUDIT_SKIPPED_FIELDS


def _assert_chain_ok(database: Database, rows: int) -> None:
    with database.engine.connect() as conn:
        assert verify_chain(conn) == (rows, None)


def test_insert_update_delete_produce_exact_audit_rows(backend: Database) -> None:
    when = [T0, T0 + timedelta(minutes=5), T0 + timedelta(minutes=9)]
    with UnitOfWork(backend, "alice", write=True, now=lambda: when[0]) as uow:
        user = _user("Bob")
        user.roles.append(UserRole(role="clerk"))
        uow.session.add(user)
        uow.commit()
        user_id = user.id
    assert uow.changes["user_account"] == {str(user_id)}

    with UnitOfWork(backend, "carol", write=True, now=lambda: when[1]) as uow:
        user = uow.session.get(UserAccount, user_id)
        assert user is not None
        user.display_name = "Robert"
        user.password_hash = "$argon2id$new-value-that-must-not-leak"
        user.active = True  # unchanged value: not a change
        uow.commit()

    with UnitOfWork(backend, "dave", write=True, now=lambda: when[2]) as uow:
        user = uow.session.get(UserAccount, user_id)
        uow.session.delete(user)
        uow.commit()

    rows = _audit(backend)
    account_rows = [r for r in rows if r["table_name"] == "user_account"]
    assert [(r["action"], r["app_user"], r["row_pk"]) for r in account_rows] == [
        ("insert", "alice", str(user_id)),
        ("update", "carol", str(user_id)),
        ("delete", "dave", str(user_id)),
    ]
    assert [r["at_utc"] for r in account_rows] == when
    assert all(
        r["at_utc"].tzinfo is not None and r["at_utc"].utcoffset() == timedelta(0) for r in rows
    )

    inserted = account_rows[0]
    assert inserted["old"] is None
    assert set(inserted["new"]) == _audited_columns()
    assert inserted["new"]["username"] == "Bob"
    assert inserted["new"]["display_name"] == "Bob"
    assert inserted["new"]["password_hash"] == SECRET_MARK

    updated = account_rows[1]
    assert updated["old"] == {"display_name": "Bob", "password_hash": SECRET_MARK}
    assert updated["new"] == {"display_name": "Robert", "password_hash": SECRET_MARK}

    deleted = account_rows[2]
    assert deleted["new"] is None
    assert deleted["old"]["display_name"] == "Robert"
    assert deleted["old"]["password_hash"] == SECRET_MARK

    role_rows = [r for r in rows if r["table_name"] == "user_role"]
    assert [(r["action"], r["row_pk"]) for r in role_rows] == [
        ("insert", f"{user_id},clerk"),
        ("delete", f"{user_id},clerk"),
    ]
    every_text = json.dumps([r["old"] for r in rows] + [r["new"] for r in rows])
    assert "argon2id" not in every_text
    assert "s3cr3t" not in every_text
    assert len({r["txn_id"] for r in rows}) == 3, "one transaction id per unit of work"
    _assert_chain_ok(backend, len(rows))


def test_times_given_in_local_zone_are_stored_as_utc_and_chain_verifies(backend: Database) -> None:
    shanghai = datetime(2025, 5, 3, 9, 30, 15, 123456, tzinfo=ZoneInfo("Asia/Shanghai"))
    with UnitOfWork(backend, "alice", write=True, now=lambda: shanghai) as uow:
        uow.session.add(_user("zoe"))
        uow.commit()
    rows = _audit(backend)
    assert rows[0]["at_utc"] == shanghai
    assert rows[0]["at_utc"].utcoffset() == timedelta(0)
    _assert_chain_ok(backend, len(rows))


def test_core_bulk_record_and_rollback(backend: Database) -> None:
    with UnitOfWork(backend, "importer", write=True) as uow:
        uow.record([AuditEntry("thing", str(i), "insert", None, {"i": i}) for i in range(50)])
        uow.commit()
    with UnitOfWork(backend, "importer", write=True) as uow:
        uow.record([AuditEntry("thing", "x", "insert", None, {"i": -1})])
        # not committed
    assert len(_audit(backend, "thing")) == 50
    assert uow.changes == {}
    _assert_chain_ok(backend, 50)


def test_g1_random_operations_with_rollbacks_match_committed_changes(backend: Database) -> None:
    rng = random.Random(1)
    expected: list[tuple[str, str, str, Any, Any]] = []
    live: dict[int, str] = {}  # id -> display_name
    counter = 0
    for step in range(120):
        roll_back = rng.random() < 0.10
        action = rng.choice(["insert", "update", "delete"]) if live else "insert"
        actor = f"user{step % 3}"
        with UnitOfWork(backend, actor, write=True) as uow:
            if action == "insert":
                counter += 1
                user = _user(f"u{counter}")
                uow.session.add(user)
                uow.session.flush()
                change = (actor, "insert", str(user.id), None, user.display_name)
                after = (user.id, user.display_name)
            else:
                user_id = rng.choice(sorted(live))
                user = uow.session.get(UserAccount, user_id)
                assert user is not None
                if action == "update":
                    new_name = f"name-{step}"
                    change = (actor, "update", str(user_id), user.display_name, new_name)
                    user.display_name = new_name
                    uow.session.flush()
                    after = (user_id, new_name)
                else:
                    change = (actor, "delete", str(user_id), user.display_name, None)
                    uow.session.delete(user)
                    uow.session.flush()
                    after = (user_id, None)
            if not roll_back:
                uow.commit()
        if roll_back:
            if action == "insert":
                counter -= 1  # the username may be reused; the id may not matter
            continue
        expected.append(change)
        if after[1] is None:
            del live[after[0]]
        else:
            live[after[0]] = after[1]

    got = []
    for row in _audit(backend, "user_account"):
        if row["action"] == "insert":
            got.append((row["app_user"], "insert", row["row_pk"], None, row["new"]["display_name"]))
        elif row["action"] == "update":
            assert set(row["new"]) == {"display_name"}
            got.append(
                (
                    row["app_user"],
                    "update",
                    row["row_pk"],
                    row["old"]["display_name"],
                    row["new"]["display_name"],
                )
            )
        else:
            got.append((row["app_user"], "delete", row["row_pk"], row["old"]["display_name"], None))
    assert got == expected
    assert 90 <= len(expected) < 120, "some units were rolled back"
    with backend.engine.connect() as conn:
        names = dict(conn.execute(select(UserAccount.id, UserAccount.display_name)).all())
    assert names == live
    _assert_chain_ok(backend, len(_audit(backend)))


def _fill(database: Database, rows: int) -> None:
    with UnitOfWork(database, "filler", write=True) as uow:
        uow.record([AuditEntry("thing", str(i), "insert", None, {"i": i}) for i in range(rows)])
        uow.commit()


def _tamper(database: Database, sql: str) -> None:
    """Change audit_log behind the app's back, with the append-only triggers out of the way."""
    if database.is_sqlite:
        with closing(sqlite3.connect(database.sqlite_path, isolation_level=None)) as raw:
            triggers = raw.execute(
                "SELECT sql FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'"
            ).fetchall()
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("DROP TRIGGER audit_log_no_update")
            raw.execute("DROP TRIGGER audit_log_no_delete")
            raw.execute(sql)
            for (create,) in triggers:
                raw.execute(create)
            raw.execute("COMMIT")
    else:
        with database.write_engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER ALL")
            conn.exec_driver_sql(sql)
            conn.exec_driver_sql("ALTER TABLE audit_log ENABLE TRIGGER ALL")


def test_g2_one_altered_row_is_named(backend: Database) -> None:
    _fill(backend, 2000)
    ids = [r["id"] for r in _audit(backend)]
    victim = ids[1234]
    _tamper(backend, f"UPDATE audit_log SET new = '{{\"i\": 999999}}' WHERE id = {victim}")
    with backend.engine.connect() as conn:
        count, problem = verify_chain(conn, batch=500)
    assert problem is not None
    assert problem.row_id == victim
    assert problem.reason_id == "db.audit_row_altered"
    assert count == 1234
    report = run_checks(backend)
    assert not report.ok
    assert report.problems == (
        ("db.check_audit", {"row_id": victim, "reason": "db.audit_row_altered"}),
    )


def test_g2_rewritten_row_with_recomputed_hash_breaks_the_next_link(backend: Database) -> None:
    _fill(backend, 30)
    rows = _audit(backend)
    target = dict(rows[10])
    target["new"] = json.dumps({"i": 424242})
    forged = row_hash(target["prev_hash"], target)
    _tamper(
        backend,
        f"UPDATE audit_log SET new = '{target['new']}', hash = '{forged}' WHERE id = {target['id']}",
    )
    with backend.engine.connect() as conn:
        count, problem = verify_chain(conn)
    assert problem is not None
    assert (problem.row_id, problem.reason_id) == (rows[11]["id"], "db.audit_link_broken")
    assert count == 11


def test_removed_middle_row_is_detected(backend: Database) -> None:
    _fill(backend, 30)
    ids = [r["id"] for r in _audit(backend)]
    _tamper(backend, f"DELETE FROM audit_log WHERE id = {ids[7]}")
    with backend.engine.connect() as conn:
        _count, problem = verify_chain(conn)
    assert problem is not None
    assert problem.row_id == ids[8]
    assert problem.reason_id == "db.audit_link_broken"


def test_deleting_the_newest_row_is_detected_through_the_head(backend: Database) -> None:
    _fill(backend, 30)
    ids = [r["id"] for r in _audit(backend)]
    _tamper(backend, f"DELETE FROM audit_log WHERE id = {ids[-1]}")
    with backend.engine.connect() as conn:
        count, problem = verify_chain(conn)
    assert count == 29
    assert problem is not None
    assert problem.reason_id == "db.audit_head_mismatch"
    assert problem.row_id == ids[-2]


def test_clean_chain_verifies_in_batches(backend: Database) -> None:
    _fill(backend, 1203)
    with UnitOfWork(backend, "alice", write=True) as uow:
        uow.session.add(_user("eve"))
        uow.commit()
    rows = len(_audit(backend))
    with backend.engine.connect() as conn:
        assert verify_chain(conn, batch=100) == (rows, None)
    assert run_checks(backend).ok


@pytest.mark.parametrize(
    "sql",
    ["UPDATE audit_log SET app_user = 'mallory'", "DELETE FROM audit_log"],
)
def test_a8_update_and_delete_on_audit_log_are_refused(backend: Database, sql: str) -> None:
    _fill(backend, 3)
    with pytest.raises(DBAPIError, match="append-only"), backend.write_engine.begin() as conn:
        conn.execute(text(sql))
    assert [r["app_user"] for r in _audit(backend)] == ["filler"] * 3
    _assert_chain_ok(backend, 3)


def test_removing_a_role_from_the_collection_is_audited_as_a_delete(backend: Database) -> None:
    """A row removed through a delete-orphan collection appears in the trail (not only explicit deletes)."""
    with UnitOfWork(backend, "admin", write=True) as uow:
        user = _user("zhao")
        user.roles = [UserRole(role="clerk"), UserRole(role="manager")]
        uow.session.add(user)
        uow.commit()
        user_id = user.id
    with UnitOfWork(backend, "admin", write=True) as uow:
        user = uow.session.get(UserAccount, user_id)
        assert user is not None
        user.roles = [r for r in user.roles if r.role != "manager"]
        uow.commit()
    role_rows = _audit(backend, "user_role")
    assert [(r["action"], r["row_pk"]) for r in role_rows] == [
        ("insert", f"{user_id},clerk"),
        ("insert", f"{user_id},manager"),
        ("delete", f"{user_id},manager"),
    ]
    assert role_rows[-1]["old"] == {"user_id": user_id, "role": "manager"}
