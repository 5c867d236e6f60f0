"""RELIABILITY C1 at reduced scale: kill an import inside its write transaction, then import again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from excel_files import customer_book
from sqlalchemy import func, select

from erpdesk.db.audit import verify_chain
from erpdesk.db.engine import open_database
from erpdesk.db.models.customer import Customer
from erpdesk.db.models.import_log import ImportLog
from erpdesk.domain.permissions import Role
from erpdesk.services.context import Actor
from erpdesk.services.imports import ImportService

ROWS = 3000

IMPORTER = """
import sys, time
from pathlib import Path
from erpdesk.db.engine import open_database
from erpdesk.domain.permissions import Role
from erpdesk.services.context import Actor
from erpdesk.services.imports import ImportService

if __name__ == "__main__":
    database = open_database(sys.argv[1])
    service = ImportService(database, Actor(username="killed", roles=frozenset({Role.MANAGER})))
    plan = service.dry_run("customers", Path(sys.argv[2]), isolate=False)

    def progress(done):
        print("WRITING", done, flush=True)
        time.sleep(0.2)  # so the kill lands inside the transaction

    service.commit(plan, progress=progress)
    print("COMMITTED", flush=True)
    time.sleep(30)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL harness (TerminateProcess elsewhere)")
def test_c1_a_killed_import_leaves_nothing_and_the_rerun_imports_exactly_once(
    sqlite_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = customer_book(tmp_path / "list.xlsx", ROWS)
    url = str(sqlite_db.engine.url)
    sqlite_db.dispose()
    script = tmp_path / "importer.py"
    script.write_text(IMPORTER, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, str(script), url, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("WRITING"):
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL

    database = open_database(url)
    try:
        with database.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(Customer)).scalar_one() == 0
            assert conn.execute(select(ImportLog.status)).scalars().all() == ["running"]
            assert verify_chain(conn)[1] is None
        service = ImportService(database, Actor(username="again", roles=frozenset({Role.MANAGER})))
        plan = service.dry_run("customers", path)
        assert plan.previous is None  # the interrupted attempt is not "imported before"
        assert service.commit(plan).created == ROWS
        with database.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(Customer)).scalar_one() == ROWS
            distinct = conn.execute(select(func.count(func.distinct(Customer.code)))).scalar_one()
            assert distinct == ROWS
            assert sorted(conn.execute(select(ImportLog.status)).scalars()) == ["done", "running"]
            assert verify_chain(conn)[1] is None
        assert [e.status for e in service.history()] == ["done", "running"]
    finally:
        database.dispose()
