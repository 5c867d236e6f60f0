"""Crash bar: a child killed (SIGKILL / TerminateProcess) in the middle of a 10,000-row write
transaction, 20 times; afterwards ``erpdesk db check`` is clean and no partial rows are visible."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from erpdesk.db.engine import Database
from erpdesk.db.models.system import AuditLog, NumberSeries

WORKERS = Path(__file__).resolve().parent / "workers.py"
ROWS = 10_000


def _url(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def _start_bulk(url: str, ready: Path) -> subprocess.Popen[bytes]:
    ready.unlink(missing_ok=True)
    return subprocess.Popen(
        [sys.executable, str(WORKERS), "bulk", url, str(ROWS), str(ready)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_ready(proc: subprocess.Popen[bytes], ready: Path) -> None:
    deadline = time.monotonic() + 60
    while not ready.exists():
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read().decode() if proc.stderr else "worker died")
        assert time.monotonic() < deadline, "worker never got under way"
        time.sleep(0.002)


def _committed(database: Database) -> tuple[int, int]:
    """Committed crash rows in the audit log, and the numbers the series has handed out."""
    if database.is_sqlite:
        # a fresh connection that is not ours: what the next start of the app would see
        with closing(sqlite3.connect(database.sqlite_path)) as conn:
            rows = conn.execute(
                "SELECT count(*) FROM audit_log WHERE table_name = 'crash_row'"
            ).fetchone()[0]
            taken = conn.execute(
                "SELECT coalesce(max(next_value) - 1, 0) FROM number_series WHERE series = 'crash'"
            ).fetchone()[0]
        return int(rows), int(taken)
    with database.engine.connect() as conn:
        rows = conn.execute(
            select(func.count()).select_from(AuditLog).where(AuditLog.table_name == "crash_row")
        ).scalar_one()
        taken = conn.execute(
            select(func.coalesce(func.max(NumberSeries.next_value) - 1, 0)).where(
                NumberSeries.series == "crash"
            )
        ).scalar_one()
    return int(rows), int(taken)


def _start_cli_check(url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "erpdesk", "--db", url, "--lang", "en", "db", "check"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish_cli_check(check: subprocess.Popen[str], run: int, allowed_rows: set[int]) -> None:
    out, err = check.communicate(timeout=300)
    assert check.returncode == 0, f"db check after run {run}: {out}{err}"
    assert "Traceback" not in err
    assert any(f"({rows} audit rows)" in out for rows in allowed_rows), out


def _crash_runs(database: Database, tmp_path: Path, kills: int) -> None:
    url = _url(database)
    ready = tmp_path / "ready"
    rng = random.Random(20250503)

    # one undisturbed run to learn how long the transaction stays open after "ready"
    proc = _start_bulk(url, ready)
    _wait_ready(proc, ready)
    began = time.monotonic()
    assert proc.wait(120) == 0, proc.stderr.read().decode() if proc.stderr else ""
    open_for = time.monotonic() - began
    assert _committed(database) == (ROWS, ROWS)

    interrupted = 0
    # The CLI check of run n runs while run n+1's worker writes: WAL lets it read a committed
    # snapshot, which is either run n's state or, if run n+1 got to commit, one batch more.
    pending: tuple[subprocess.Popen[str], int, set[int]] | None = None
    for run in range(kills):
        before = _committed(database)
        proc = _start_bulk(url, ready)
        _wait_ready(proc, ready)
        time.sleep(rng.uniform(0, open_for * 0.9))
        proc.kill()  # SIGKILL on Linux, TerminateProcess on Windows
        proc.wait(30)
        if proc.stderr:
            proc.stderr.close()
        rows, taken = _committed(database)
        assert rows % ROWS == 0, f"run {run}: {rows} rows visible, a partial transaction"
        assert taken == rows, f"run {run}: series handed out {taken} for {rows} committed rows"
        assert rows in (before[0], before[0] + ROWS)
        interrupted += rows == before[0]
        if pending is not None:
            _finish_cli_check(*pending)
        pending = (_start_cli_check(url), run, {rows, rows + ROWS})
    assert pending is not None
    _finish_cli_check(*pending)
    assert interrupted >= kills // 2, f"only {interrupted} of {kills} kills hit an open transaction"


def test_kill_during_bulk_write_sqlite(sqlite_db: Database, tmp_path: Path) -> None:
    _crash_runs(sqlite_db, tmp_path, kills=20)


@pytest.mark.pg
def test_kill_during_bulk_write_postgres(pg_db: Database, tmp_path: Path) -> None:
    _crash_runs(pg_db, tmp_path, kills=2)


@pytest.mark.slow
def test_kill_during_bulk_write_sqlite_many(sqlite_db: Database, tmp_path: Path) -> None:
    _crash_runs(sqlite_db, tmp_path, kills=60)


@pytest.mark.slow
@pytest.mark.pg
def test_kill_during_bulk_write_postgres_many(pg_db: Database, tmp_path: Path) -> None:
    _crash_runs(pg_db, tmp_path, kills=20)
