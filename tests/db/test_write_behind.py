"""``WriteBehind`` runs a transaction's batches on a second thread, in order, and never loses an error.

A bulk import prepares the next chunk while the previous one is written. Whatever happens, the
rows must land in order, a failed batch must fail the whole write (nothing half-written after the
rollback), and the caller's own failure must not leave a thread writing into a rolled-back
transaction.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Connection, text

from erpdesk.db.engine import Database
from erpdesk.db.write_behind import WriteBehind


def _table(database: Database) -> None:
    with database.write_engine.begin() as conn:
        conn.execute(text("CREATE TABLE batch_row (id INTEGER PRIMARY KEY, thread TEXT)"))


def _insert(conn: Connection, ids: range) -> None:
    name = threading.current_thread().name
    conn.exec_driver_sql(
        "INSERT INTO batch_row (id, thread) VALUES (?, ?)", [(i, name) for i in ids]
    )


def _stored(database: Database) -> list[int]:
    with database.engine.connect() as conn:
        return list(conn.execute(text("SELECT id FROM batch_row ORDER BY rowid")).scalars())


def test_batches_land_in_order_off_the_callers_thread(sqlite_db: Database) -> None:
    _table(sqlite_db)
    reported: list[int] = []
    with sqlite_db.write_engine.begin() as conn:
        with WriteBehind(done=reported.append) as writer:
            for start in range(0, 50, 10):
                ids = range(start, start + 10)
                writer.submit(lambda ids=ids: _insert(conn, ids), rows=len(ids))
        threads = set(conn.execute(text("SELECT DISTINCT thread FROM batch_row")).scalars())
    assert _stored(sqlite_db) == list(range(50))
    assert reported == [10, 20, 30, 40, 50]  # the progress bar's counts
    assert threading.current_thread().name not in threads


class Cancelled(Exception):
    """The caller's own failure, e.g. Cancel pressed while a batch is being written."""


def _write_with_a_duplicate(database: Database, ran: list[int]) -> None:
    with database.write_engine.begin() as conn, WriteBehind() as writer:

        def batch(start: int) -> None:
            ran.append(start)
            _insert(conn, range(start, start + 10))

        writer.submit(lambda: batch(0))
        writer.submit(lambda: batch(5))  # ids 5..9 again: a constraint error
        writer.submit(lambda: batch(20))
        writer.submit(lambda: batch(30))


def test_a_failed_batch_fails_the_write_and_nothing_stays(sqlite_db: Database) -> None:
    _table(sqlite_db)
    ran: list[int] = []
    with pytest.raises(Exception, match="UNIQUE"):
        _write_with_a_duplicate(sqlite_db, ran)
    assert ran[:2] == [0, 5]
    assert 30 not in ran  # batches after the failure are skipped
    assert _stored(sqlite_db) == []  # the transaction rolled back: nothing half-written


def _fail_while_writing(database: Database, ran_late: list[bool]) -> None:
    started = threading.Event()
    release = threading.Event()
    with database.write_engine.begin() as conn, WriteBehind(depth=3) as writer:

        def slow_batch() -> None:
            started.set()
            release.wait(5)
            _insert(conn, range(10))

        writer.submit(slow_batch)
        writer.submit(lambda: ran_late.append(True))
        started.wait(5)
        threading.Timer(0.3, release.set).start()  # the batch is still being written meanwhile
        raise Cancelled


def test_when_the_caller_fails_no_batch_writes_after_the_rollback(sqlite_db: Database) -> None:
    _table(sqlite_db)
    ran_late: list[bool] = []
    with pytest.raises(Cancelled):
        _fail_while_writing(sqlite_db, ran_late)
    assert ran_late == []
    assert _stored(sqlite_db) == []
