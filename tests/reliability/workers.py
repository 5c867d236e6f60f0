"""Child-process workers for the multi-process and crash scenarios (run as a script, not collected).

``workers.py allocate URL SERIES COUNT READY_FILE GO_FILE [ROLLBACK_EVERY]``: allocate COUNT numbers,
each in its own committed write unit; every ROLLBACK_EVERY-th unit draws a number and rolls back
instead; prints the committed numbers as JSON.

``workers.py bulk URL ROWS READY_FILE``: one write unit drawing ROWS numbers and recording ROWS audit
entries (Core bulk audit, as imports do), then committing; the parent kills it somewhere in between.

``workers.py commits URL COUNT READY_FILE``: COUNT small committed write units (one number and one
audit row each), then signal and wait to be killed, leaving an un-checkpointed WAL behind.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from erpdesk.db import numbering
from erpdesk.db.audit import AuditEntry
from erpdesk.db.engine import open_database
from erpdesk.db.uow import UnitOfWork, run


class _Rollback(Exception):
    pass


def _wait_for(path: Path, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while not path.exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"{path} never appeared")
        time.sleep(0.005)


def allocate(url: str, series: str, count: int, ready: Path, go: Path, rollback_every: int) -> None:
    database = open_database(url, application_name="erpdesk-test-worker")
    with database.engine.connect() as conn:  # connect before the start signal
        conn.exec_driver_sql("SELECT 1")
    ready.touch()
    _wait_for(go)
    committed: list[int] = []
    for index in range(1, count + 1):
        if rollback_every and index % rollback_every == 0:
            with UnitOfWork(database, "worker", write=True) as uow:
                numbering.allocate(uow.connection, series)
                # leaving without commit rolls the draw back
        committed.append(
            run(
                database,
                "worker",
                lambda uow: numbering.allocate(uow.connection, series),
                write=True,
            )
        )
        # A clerk does not allocate in a tight loop; without a pause SQLite's unfair lock lets one
        # process take every number in a row, and the test would not show two writers interleaving.
        time.sleep(0.001)
    database.dispose()
    print(json.dumps(committed))


def bulk(url: str, rows: int, ready: Path) -> None:
    database = open_database(url, application_name="erpdesk-test-crash")
    with UnitOfWork(database, "importer", write=True) as uow:
        entries = []
        for index in range(rows):
            number = numbering.allocate(uow.connection, "crash")
            entries.append(
                AuditEntry("crash_row", str(number), "insert", None, {"n": number, "i": index})
            )
            if index == rows // 10:
                ready.touch()  # the transaction is well under way
        for start in range(0, rows, 1000):
            uow.record(entries[start : start + 1000])
        uow.commit()
    database.dispose()


def commits(url: str, count: int, ready: Path) -> None:
    database = open_database(url, application_name="erpdesk-test-commits")

    def one(uow: UnitOfWork) -> None:
        number = numbering.allocate(uow.connection, "wal")
        uow.record([AuditEntry("wal_row", str(number), "insert", None, {"n": number})])

    for _ in range(count):
        run(database, "clerk", one, write=True)
    ready.touch()
    time.sleep(120)  # keep the connection (and the WAL) open until the parent kills us


def main(argv: list[str]) -> None:
    if argv[0] == "allocate":
        allocate(
            argv[1],
            argv[2],
            int(argv[3]),
            Path(argv[4]),
            Path(argv[5]),
            int(argv[6]) if len(argv) > 6 else 0,
        )
    elif argv[0] == "commits":
        commits(argv[1], int(argv[2]), Path(argv[3]))
    elif argv[0] == "bulk":
        bulk(argv[1], int(argv[2]), Path(argv[3]))
    else:
        raise SystemExit(f"unknown worker {argv[0]}")


if __name__ == "__main__":
    main(sys.argv[1:])
