"""Backups hold every committed row and are verified (C3, C4 reduced); a restore swaps in a valid
backup and refuses damaged, foreign or newer files leaving the live file byte for byte unchanged (C5)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from erpdesk.db import backup as db_backup
from erpdesk.db import migrate, numbering
from erpdesk.db.audit import AuditEntry, verify_chain
from erpdesk.db.engine import Database
from erpdesk.db.uow import UnitOfWork, run
from erpdesk.domain.errors import DomainError
from erpdesk.services import database as database_service
from erpdesk.services.context import system_actor

WORKERS = Path(__file__).resolve().parents[1] / "reliability" / "workers.py"
PAGE = 4096


def _fill(database: Database, rows: int, table: str = "thing", pad: int = 100) -> None:
    with UnitOfWork(database, "filler", write=True) as uow:
        for start in range(0, rows, 5000):
            uow.record(
                [
                    AuditEntry(table, str(i), "insert", None, {"i": i, "pad": "x" * pad})
                    for i in range(start, min(rows, start + 5000))
                ]
            )
        uow.commit()


def _count(path: Path, table: str = "thing") -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(
            conn.execute(
                "SELECT count(*) FROM audit_log WHERE table_name = ?", (table,)
            ).fetchone()[0]
        )


def _chain_ok(path: Path) -> int:
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True),
        poolclass=NullPool,
    )
    try:
        with engine.connect() as conn:
            rows, problem = verify_chain(conn)
    finally:
        engine.dispose()
    assert problem is None, problem
    return rows


def _settle(database: Database) -> None:
    """Checkpoint the WAL into the main file and close every pooled connection."""
    with database.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -------------------------------------------------------------------------------------- backup


def test_backup_is_a_verified_single_file_with_every_row(
    sqlite_db: Database, tmp_path: Path
) -> None:
    _fill(sqlite_db, 3000)
    seen: list[tuple[int, int]] = []
    target = tmp_path / "out" / "copy.db"
    written = db_backup.backup_sqlite(
        sqlite_db.sqlite_path, target, progress=lambda done, total: seen.append((done, total))
    )
    assert written == target
    assert seen
    assert seen[-1][0] == seen[-1][1]
    assert not target.with_name("copy.db-wal").exists()
    assert not target.with_name("copy.db.partial").exists()
    with closing(sqlite3.connect(target)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _count(target) == 3000
    assert db_backup.sqlite_revision(target) == migrate.head_revisions()
    assert _chain_ok(target) == 3000


def test_backup_of_a_missing_file_is_refused_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as caught:
        db_backup.backup_sqlite(tmp_path / "nope.db", tmp_path / "copy.db")
    assert caught.value.msg_id == "backup.source_missing"
    assert not (tmp_path / "nope.db").exists()
    assert not (tmp_path / "copy.db").exists()


def test_c4_backup_while_writers_commit(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(sqlite_db, 20_000)  # several MB: a chunked copy that writers keep restarting
    monkeypatch.setattr(db_backup, "PAGES_PER_STEP", 64)
    stop = threading.Event()
    failures: list[BaseException] = []

    def writer(name: str) -> None:
        def one(uow: UnitOfWork) -> None:
            number = numbering.allocate(uow.connection, "c4")
            uow.record([AuditEntry("c4_row", str(number), "insert", None, {"by": name})])

        try:
            while not stop.is_set():
                run(sqlite_db, name, one, write=True)
                time.sleep(0.005)
        except BaseException as exc:
            failures.append(exc)

    writers = [threading.Thread(target=writer, args=(f"clerk{i}",)) for i in range(4)]
    for thread in writers:
        thread.start()
    try:
        time.sleep(0.2)
        before = _count(sqlite_db.sqlite_path, "c4_row")
        target = db_backup.backup_sqlite(sqlite_db.sqlite_path, tmp_path / "c4.db")
        time.sleep(0.1)
    finally:
        stop.set()
        for thread in writers:
            thread.join(30)
    assert failures == []
    after = _count(sqlite_db.sqlite_path, "c4_row")
    in_backup = _count(target, "c4_row")
    assert before <= in_backup <= after
    assert before > 0
    assert _chain_ok(target) == 20_000 + in_backup, "the backup is one consistent snapshot"
    with closing(sqlite3.connect(target)) as conn:
        taken = conn.execute(
            "SELECT next_value - 1 FROM number_series WHERE series = 'c4'"
        ).fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert taken == in_backup


@pytest.mark.parametrize("run_index", range(3))
def test_c3_kill_with_unchecked_wal_then_backup_holds_every_commit(
    sqlite_db: Database, tmp_path: Path, run_index: int
) -> None:
    commits = 150 + 50 * run_index
    ready = tmp_path / "ready"
    url = "sqlite:///" + sqlite_db.sqlite_path.as_posix()
    proc = subprocess.Popen(
        [sys.executable, str(WORKERS), "commits", url, str(commits), str(ready)],
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not ready.exists():
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        proc.kill()
        proc.wait(30)
        if proc.stderr:
            proc.stderr.close()
    sqlite_db.dispose()
    wal = sqlite_db.sqlite_path.with_name(sqlite_db.sqlite_path.name + "-wal")
    assert wal.exists()
    assert wal.stat().st_size > 0, "the commits must still be in the WAL only"
    target = db_backup.backup_sqlite(sqlite_db.sqlite_path, tmp_path / "after-crash.db")
    assert _count(target, "wal_row") == commits
    assert _chain_ok(target) == commits


# ------------------------------------------------------------------------------------- restore


@pytest.fixture
def keep_dir(tmp_path: Path) -> Path:
    return tmp_path / "kept"


def _restore(database: Database, candidate: Path, keep_dir: Path) -> Path:
    return database_service.restore(database, system_actor(), candidate, keep_dir)


def _valid_backup(database: Database, tmp_path: Path) -> Path:
    _fill(database, 500)
    return db_backup.backup_sqlite(database.sqlite_path, tmp_path / "good.db")


def test_c5a_valid_backup_is_swapped_in_and_the_old_database_kept(
    sqlite_db: Database, tmp_path: Path, keep_dir: Path
) -> None:
    good = _valid_backup(sqlite_db, tmp_path)
    _fill(sqlite_db, 700, table="later")
    assert _count(sqlite_db.sqlite_path, "later") == 700
    kept = _restore(sqlite_db, good, keep_dir)
    assert kept.parent == keep_dir
    assert _count(kept, "later") == 700, "the replaced database is kept"
    with sqlite_db.engine.connect() as conn:  # the open Database works on the restored content
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() == 500
    assert database_service.check(sqlite_db).ok
    _fill(sqlite_db, 10, table="afterwards")
    assert database_service.check(sqlite_db).ok


def _flip(source: Path, target: Path, offset: int, length: int = 1024) -> None:
    data = bytearray(source.read_bytes())
    for index in range(offset, min(offset + length, len(data))):
        data[index] ^= 0xFF
    target.write_bytes(bytes(data))


def _assert_refused_and_untouched(
    database: Database, candidate: Path, keep_dir: Path, expected: set[str]
) -> DomainError:
    _settle(database)
    live = database.sqlite_path
    before = _sha256(live)
    with pytest.raises(DomainError) as caught:
        _restore(database, candidate, keep_dir)
    _settle(database)
    assert caught.value.msg_id in expected, caught.value.msg_id
    assert _sha256(live) == before, "the live file must be left exactly as it was"
    assert not keep_dir.exists() or list(keep_dir.iterdir()) == []
    return caught.value


@pytest.mark.parametrize("where", ["second_page", "middle_page", "last_page"])
def test_c5b_flipped_kilobyte_is_refused(
    sqlite_db: Database, tmp_path: Path, keep_dir: Path, where: str
) -> None:
    good = _valid_backup(sqlite_db, tmp_path)
    pages = good.stat().st_size // PAGE
    page = {"second_page": 1, "middle_page": pages // 2, "last_page": pages - 1}[where]
    bad = tmp_path / "bad.db"
    _flip(good, bad, page * PAGE)
    _assert_refused_and_untouched(
        sqlite_db, bad, keep_dir, {"restore.damaged", "restore.audit_broken"}
    )


def test_c5b_altered_row_data_that_integrity_check_misses_is_refused(
    sqlite_db: Database, tmp_path: Path, keep_dir: Path
) -> None:
    good = _valid_backup(sqlite_db, tmp_path)
    data = good.read_bytes()
    offset = data.index(b'"i": 250,')  # inside an audit row's payload: structure stays valid
    bad = tmp_path / "bad.db"
    bad.write_bytes(data[:offset] + b'"i": 999,' + data[offset + 9 :])
    with closing(sqlite3.connect(bad)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    error = _assert_refused_and_untouched(sqlite_db, bad, keep_dir, {"restore.audit_broken"})
    assert "row_id" in error.params


def test_c5b_flipped_header_is_not_sqlite(
    sqlite_db: Database, tmp_path: Path, keep_dir: Path
) -> None:
    good = _valid_backup(sqlite_db, tmp_path)
    bad = tmp_path / "bad.db"
    _flip(good, bad, 0)
    _assert_refused_and_untouched(sqlite_db, bad, keep_dir, {"restore.not_sqlite"})


@pytest.mark.parametrize(
    "content", [b"", b"hello, this is a spreadsheet\n" * 100, b"PK\x03\x04" + b"\0" * 5000]
)
def test_c5c_non_sqlite_file_is_refused(
    sqlite_db: Database, tmp_path: Path, keep_dir: Path, content: bytes
) -> None:
    candidate = tmp_path / "not-a-db.db"
    candidate.write_bytes(content)
    _assert_refused_and_untouched(sqlite_db, candidate, keep_dir, {"restore.not_sqlite"})


def test_c5c_someone_elses_sqlite_file_is_refused(
    sqlite_db: Database, tmp_path: Path, keep_dir: Path
) -> None:
    candidate = tmp_path / "other.db"
    with closing(sqlite3.connect(candidate)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    _assert_refused_and_untouched(sqlite_db, candidate, keep_dir, {"restore.foreign"})


def test_c5d_newer_schema_is_refused(sqlite_db: Database, tmp_path: Path, keep_dir: Path) -> None:
    newer = _valid_backup(sqlite_db, tmp_path)
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        conn.commit()
    error = _assert_refused_and_untouched(sqlite_db, newer, keep_dir, {"restore.newer"})
    assert error.params["found"] == "9999_future"


def test_missing_candidate_is_refused(sqlite_db: Database, tmp_path: Path, keep_dir: Path) -> None:
    _assert_refused_and_untouched(
        sqlite_db, tmp_path / "nowhere.db", keep_dir, {"restore.not_found"}
    )


def test_restore_over_a_damaged_live_database(
    sqlite_db: Database, tmp_path: Path, keep_dir: Path
) -> None:
    good = _valid_backup(sqlite_db, tmp_path)
    _fill(sqlite_db, 2000, table="later")
    _settle(sqlite_db)
    live = sqlite_db.sqlite_path
    pages = live.stat().st_size // PAGE
    damaged = tmp_path / "damaged-copy.db"
    _flip(live, damaged, (pages // 2) * PAGE)
    shutil.copyfile(damaged, live)
    assert not database_service.check(sqlite_db).ok
    sqlite_db.dispose()
    kept = _restore(sqlite_db, good, keep_dir)
    assert kept.read_bytes() == damaged.read_bytes(), "the damaged file is kept as it was"
    assert database_service.check(sqlite_db).ok
    assert _count(live) == 500


@pytest.mark.pg
def test_restore_on_postgres_points_to_pg_restore(pg_db: Database, tmp_path: Path) -> None:
    with pytest.raises(DomainError) as caught:
        _restore(pg_db, tmp_path / "x.db", tmp_path)
    assert caught.value.msg_id == "restore.only_sqlite"


@pytest.mark.pg
def test_postgres_backup_with_pg_dump(pg_db: Database, tmp_path: Path) -> None:
    if shutil.which("pg_dump") is None:
        pytest.fail("pg_dump is needed for PostgreSQL backups (install the PostgreSQL client)")
    _fill(pg_db, 100)
    target = database_service.backup(pg_db, system_actor(), tmp_path / "pg.dump")
    assert target.read_bytes()[:5] == b"PGDMP"
    assert not target.with_name("pg.dump.partial").exists()


def test_backup_needs_the_permission(sqlite_db: Database, tmp_path: Path) -> None:
    from erpdesk.services.context import Actor
    from erpdesk.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        database_service.backup(sqlite_db, Actor(username="nobody"), tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()


def test_restore_while_another_window_writes_says_in_use_and_changes_nothing(
    sqlite_db: Database, tmp_path: Path, keep_dir: Path
) -> None:
    good = _valid_backup(sqlite_db, tmp_path)
    _fill(sqlite_db, 50, table="later")
    live = sqlite_db.sqlite_path
    other_window = sqlite3.connect(live, isolation_level=None)
    try:
        other_window.execute("BEGIN IMMEDIATE")  # another window is in the middle of a save
        other_window.execute("INSERT INTO app_meta (key, value) VALUES ('draft', 'saving')")
        with pytest.raises(DomainError) as caught:
            db_backup.restore_sqlite(
                live, good, keep_dir, known_revisions=migrate.head_revisions(), wait_seconds=0.2
            )
        assert caught.value.msg_id == "restore.in_use"
        other_window.execute("COMMIT")
    finally:
        other_window.close()
    assert _count(live, "later") == 50, "the live data is still the live data"
    with closing(sqlite3.connect(live)) as conn:
        assert conn.execute("SELECT value FROM app_meta WHERE key = 'draft'").fetchone() == (
            "saving",
        )
