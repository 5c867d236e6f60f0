"""The engine factory's settings are live: pragmas, BEGIN IMMEDIATE for writers (K4), network paths
refused (C7), PostgreSQL session settings, and retries of serialization failures and deadlocks (K6)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text, update
from sqlalchemy.exc import OperationalError

from erpdesk.db import uow as uow_module
from erpdesk.db.audit import AuditEntry
from erpdesk.db.engine import Database, open_database
from erpdesk.db.location import check_sqlite_location, filesystem_type, is_network_fs
from erpdesk.db.models.system import AuditLog, NumberSeries
from erpdesk.db.retry import backoff_seconds, is_retryable, with_retries
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render

# ------------------------------------------------------------------------------------ pragmas

EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "trusted_schema": 0,
    "cell_size_check": 1,
    "mmap_size": 0,
    "wal_autocheckpoint": 1000,
    "journal_size_limit": 67108864,
}


def _pragmas(engine: Engine) -> dict[str, object]:
    with engine.connect() as conn:
        return {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar_one() for name in EXPECTED_PRAGMAS
        }


def test_every_pragma_is_live_on_new_connections(tmp_path: Path) -> None:
    database = open_database("sqlite:///" + (tmp_path / "new.db").as_posix())
    try:
        assert _pragmas(database.engine) == EXPECTED_PRAGMAS
        assert _pragmas(database.write_engine) == EXPECTED_PRAGMAS
        # a second, genuinely new connection (not the pooled one) gets them too
        database.engine.dispose()
        with database.engine.connect() as c1, database.engine.connect() as c2:
            for conn in (c1, c2):
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
                assert conn.exec_driver_sql("PRAGMA trusted_schema").scalar_one() == 0
    finally:
        database.dispose()


def test_foreign_keys_are_enforced(sqlite_db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), sqlite_db.write_engine.begin() as conn:
        conn.execute(text("INSERT INTO user_role (user_id, role) VALUES (424242, 'clerk')"))


def test_folder_is_created_and_path_resolved(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "company.db"
    database = open_database("sqlite:///" + target.as_posix())
    try:
        with database.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        assert target.is_file()
        assert database.sqlite_path == target.resolve()
        assert database.label() == str(target.resolve())
    finally:
        database.dispose()


def _other_writer_blocked(path: Path) -> bool:
    """True if a separate connection cannot take the write lock right now."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise
        return True
    else:
        other.execute("ROLLBACK")
        return False
    finally:
        other.close()


def test_write_units_begin_immediate_and_read_units_do_not(sqlite_db: Database) -> None:
    path = sqlite_db.sqlite_path
    with uow_module.UnitOfWork(sqlite_db, "tester", write=True) as uow:
        uow.session.execute(select(NumberSeries)).all()  # only a read so far
        assert _other_writer_blocked(path), "a write unit must hold the write lock from BEGIN"
    assert not _other_writer_blocked(path), "the write lock must be released after the unit"
    with uow_module.UnitOfWork(sqlite_db, "tester", write=False) as uow:
        uow.session.execute(select(NumberSeries)).all()
        assert not _other_writer_blocked(path), "a read unit must not take the write lock"


def _read_then_write(engine: Engine, database: Database) -> tuple[list[str], list[int]]:
    """Two connections each read and then write; return errors and what each one read."""
    a_in = threading.Event()
    b_read = threading.Event()
    a_done = threading.Event()
    errors: list[str] = []
    seen: list[int] = []

    def count(conn) -> int:  # type: ignore[no-untyped-def]
        return int(conn.execute(text("SELECT count(*) FROM app_meta")).scalar_one())

    def clerk_a() -> None:
        try:
            with engine.begin() as conn:
                seen.append(count(conn))
                a_in.set()
                b_read.wait(2)  # with IMMEDIATE, B cannot read before A commits: times out
                conn.execute(text("INSERT INTO app_meta (key, value) VALUES ('k4-a', 'a')"))
        except OperationalError as exc:
            errors.append(f"A: {exc.orig}")
        finally:
            a_in.set()
            a_done.set()

    def clerk_b() -> None:
        a_in.wait(10)
        try:
            with engine.begin() as conn:
                seen.append(count(conn))
                b_read.set()
                a_done.wait(10)
                conn.execute(text("INSERT INTO app_meta (key, value) VALUES ('k4-b', 'b')"))
        except OperationalError as exc:
            errors.append(f"B: {exc.orig}")
        finally:
            b_read.set()

    threads = [threading.Thread(target=clerk_a), threading.Thread(target=clerk_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors, seen


def test_k4_read_then_write_with_our_write_engine_never_fails_early(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM app_meta")).scalar_one()
    errors, seen = _read_then_write(sqlite_db.write_engine, sqlite_db)
    assert errors == []
    assert seen == [before, before + 1], "B must wait for A and then see A's row"
    with sqlite_db.engine.connect() as conn:
        keys = set(conn.execute(text("SELECT key FROM app_meta")).scalars())
    assert {"k4-a", "k4-b"} <= keys


def test_k4_plain_deferred_begin_shows_the_early_failure(sqlite_db: Database) -> None:
    errors, _seen = _read_then_write(sqlite_db.engine, sqlite_db)
    assert len(errors) == 1, errors
    assert errors[0].startswith("B:"), errors
    assert "database is locked" in errors[0]


# ------------------------------------------------------------------------------ network paths


@pytest.mark.parametrize(
    "path",
    [
        r"\\server\share\x.db",
        "//server/x.db",
        r"\\?\UNC\server\share\x.db",
        "//fileserver/财务/公司.db",
    ],
)
def test_unc_paths_are_refused_with_the_postgresql_hint(path: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_sqlite_location(path, mounts=[], windows=False)
    assert caught.value.msg_id == "db.network_path"
    assert "PostgreSQL" in render(caught.value.msg_id, "en", **caught.value.params)
    assert "PostgreSQL" in render(caught.value.msg_id, "zh_CN", **caught.value.params)
    assert path in render(caught.value.msg_id, "en", **caught.value.params)


def test_extended_length_local_paths_are_not_mistaken_for_unc() -> None:
    assert check_sqlite_location(r"\\?\C:\data\x.db", mounts=[("/", "ext4")], windows=False) is None
    with pytest.raises(DomainError):
        check_sqlite_location(r"\\.\UNC\server\share\x.db", mounts=[], windows=False)


def test_open_database_refuses_a_unc_path() -> None:
    with pytest.raises(DomainError) as caught:
        open_database("sqlite:///" + r"\\server\share\x.db")
    assert caught.value.msg_id == "db.network_path"


@pytest.mark.parametrize("fs_type", ["cifs", "nfs4", "nfs", "fuse.sshfs", "smb3", "9p", "davfs"])
def test_network_mount_at_the_database_path_is_refused(tmp_path: Path, fs_type: str) -> None:
    share = tmp_path / "share"
    mounts = [("/", "ext4"), (str(tmp_path), "tmpfs"), (str(share), fs_type)]
    with pytest.raises(DomainError) as caught:
        check_sqlite_location(share / "company.db", mounts=mounts, windows=False)
    assert caught.value.msg_id == "db.network_path"
    assert "PostgreSQL" in render("db.network_path", "en", **caught.value.params)


def test_local_mounts_and_lookalike_prefixes_are_accepted(tmp_path: Path) -> None:
    mounts = [("/", "ext4"), (str(tmp_path / "share"), "cifs"), (str(tmp_path / "ntfs"), "fuseblk")]
    assert check_sqlite_location(tmp_path / "shared" / "x.db", mounts=mounts, windows=False) is None
    assert check_sqlite_location(tmp_path / "ntfs" / "x.db", mounts=mounts, windows=False) is None
    assert check_sqlite_location(tmp_path / "x.db", mounts=mounts, windows=False) is None


def test_mount_with_spaces_and_longest_prefix_wins() -> None:
    mounts = [("/", "ext4"), ("/mnt/nas", "nfs4"), ("/mnt/nas/local disk", "ext4")]
    assert filesystem_type(Path("/mnt/nas/local disk/x.db"), mounts) == "ext4"
    assert filesystem_type(Path("/mnt/nas/x.db"), mounts) == "nfs4"
    assert is_network_fs("fuse.sshfs")
    assert is_network_fs("NFS4")
    assert not is_network_fs("ext4")
    assert not is_network_fs(None)


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("OneDrive", "OneDrive"),
        ("Dropbox", "Dropbox"),
        ("百度网盘", "百度网盘"),
        ("我的坚果云", "坚果云"),
    ],
)
def test_cloud_sync_folder_gets_a_warning(tmp_path: Path, folder: str, service: str) -> None:
    path = tmp_path / folder / "company.db"
    assert check_sqlite_location(path, mounts=[("/", "ext4")], windows=False) == service
    database = open_database("sqlite:///" + path.as_posix())
    try:
        assert database.cloud_sync_service == service
    finally:
        database.dispose()
    message = render("db.cloud_folder", "zh_CN", path=str(path), service=service)
    assert service in message


def test_plain_local_folder_has_no_warning(tmp_path: Path) -> None:
    database = open_database("sqlite:///" + (tmp_path / "company.db").as_posix())
    try:
        assert database.cloud_sync_service is None
    finally:
        database.dispose()


@pytest.mark.parametrize(
    "url", ["mysql://x/y", "sqlite://", "sqlite:///:memory:", "not a url", "oracle://u@h/db"]
)
def test_unsupported_urls_are_refused(url: str) -> None:
    with pytest.raises(DomainError) as caught:
        open_database(url)
    assert caught.value.msg_id == "db.unsupported_url"


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_postgresql_url_gets_psycopg3(scheme: str) -> None:
    database = open_database(f"{scheme}://erp:secret@db.example:5433/company")
    try:
        assert database.url.drivername == "postgresql+psycopg"
        assert database.label() == "db.example:5433/company"
        assert "secret" not in database.label()
    finally:
        database.dispose()


# ------------------------------------------------------------------------------- PostgreSQL


@pytest.mark.pg
def test_postgres_session_settings_are_live(pg_url: str) -> None:
    database = open_database(pg_url, application_name="erpdesk:alice@pc1")
    try:
        with database.engine.connect() as conn:
            shown = {
                name: conn.exec_driver_sql(f"SHOW {name}").scalar_one()
                for name in (
                    "lock_timeout",
                    "statement_timeout",
                    "idle_in_transaction_session_timeout",
                    "TimeZone",
                    "application_name",
                )
            }
            isolation = conn.exec_driver_sql("SHOW transaction_isolation").scalar_one()
    finally:
        database.dispose()
    assert shown == {
        "lock_timeout": "5s",
        "statement_timeout": "30s",
        "idle_in_transaction_session_timeout": "1min",
        "TimeZone": "UTC",
        "application_name": "erpdesk:alice@pc1",
    }
    assert isolation == "read committed"


def _series_value(database: Database, series: str) -> int:
    with database.engine.connect() as conn:
        return int(
            conn.execute(
                select(NumberSeries.next_value).where(NumberSeries.series == series)
            ).scalar_one()
        )


def _audit_rows(database: Database, table: str) -> int:
    with database.engine.connect() as conn:
        return len(conn.execute(select(AuditLog.id).where(AuditLog.table_name == table)).all())


@pytest.mark.pg
def test_k6_serialization_failure_is_retried_and_work_done_once(pg_db: Database) -> None:
    with pg_db.write_engine.begin() as conn:
        conn.execute(NumberSeries.__table__.insert().values(series="k6", period="", next_value=100))
    attempts: list[int] = []
    errors_seen: list[str] = []

    def posting(uow: uow_module.UnitOfWork) -> int:
        attempts.append(len(attempts) + 1)
        value = uow.connection.execute(
            select(NumberSeries.next_value).where(NumberSeries.series == "k6")
        ).scalar_one()
        if len(attempts) == 1:
            # another clerk commits a change to the same row after our snapshot was taken
            with pg_db.write_engine.begin() as other:
                other.execute(
                    update(NumberSeries)
                    .where(NumberSeries.series == "k6")
                    .values(next_value=NumberSeries.next_value + 1)
                )
        try:
            uow.connection.execute(
                update(NumberSeries).where(NumberSeries.series == "k6").values(next_value=value + 1)
            )
        except OperationalError as exc:
            errors_seen.append(getattr(exc.orig, "sqlstate", "?"))
            raise
        uow.record([AuditEntry("k6_posting", "1", "post", None, {"value": value + 1})])
        return int(value)

    result = uow_module.run(pg_db, "clerk", posting, write=True, isolation="REPEATABLE READ")
    assert errors_seen == ["40001"]
    assert attempts == [1, 2]
    assert result == 101, "the retry must read the other clerk's committed value"
    assert _series_value(pg_db, "k6") == 102, "both increments kept, none lost or doubled"
    assert _audit_rows(pg_db, "k6_posting") == 1


@pytest.mark.pg
def test_k6_deadlock_is_retried_and_both_units_succeed(pg_db: Database) -> None:
    with pg_db.write_engine.begin() as conn:
        for name in ("dl-a", "dl-b"):
            conn.execute(
                NumberSeries.__table__.insert().values(series=name, period="", next_value=1)
            )
    barrier = threading.Barrier(2, timeout=10)
    attempts = {"first": 0, "second": 0}
    failures: list[BaseException] = []

    def bump(conn, name: str) -> None:  # type: ignore[no-untyped-def]
        conn.execute(
            update(NumberSeries)
            .where(NumberSeries.series == name)
            .values(next_value=NumberSeries.next_value + 1)
        )

    def worker(label: str, order: tuple[str, str]) -> None:
        def work(uow: uow_module.UnitOfWork) -> None:
            attempts[label] += 1
            bump(uow.connection, order[0])
            if attempts[label] == 1:
                barrier.wait()  # both hold their first row lock: opposite order → deadlock
            bump(uow.connection, order[1])
            uow.record([AuditEntry("k6_deadlock", label, "post", None, {"n": 1})])

        try:
            uow_module.run(pg_db, label, work, write=True)
        except BaseException as exc:
            failures.append(exc)

    threads = [
        threading.Thread(target=worker, args=("first", ("dl-a", "dl-b"))),
        threading.Thread(target=worker, args=("second", ("dl-b", "dl-a"))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    assert sorted(attempts.values()) == [1, 2], "exactly one side was the deadlock victim"
    assert _series_value(pg_db, "dl-a") == 3
    assert _series_value(pg_db, "dl-b") == 3
    assert _audit_rows(pg_db, "k6_deadlock") == 2


# ------------------------------------------------------------------------------------- retry


def test_sqlite_busy_is_retryable_and_other_errors_are_not(sqlite_db: Database) -> None:
    holder = sqlite3.connect(sqlite_db.sqlite_path, timeout=0, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with sqlite_db.write_engine.connect() as conn:
            conn.connection.driver_connection.execute("PRAGMA busy_timeout=0")
            with pytest.raises(OperationalError) as caught, conn.begin():
                pass
            conn.invalidate()  # do not hand the impatient connection back to the pool
        assert is_retryable(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with (
        pytest.raises(OperationalError, match="no such table") as other,
        sqlite_db.engine.connect() as conn,
    ):
        conn.exec_driver_sql("SELECT * FROM no_such_table")
    assert not is_retryable(other.value)
    assert not is_retryable(ValueError("database is locked"))


def test_with_retries_gives_up_after_five_attempts(sqlite_db: Database) -> None:
    calls: list[int] = []
    slept: list[float] = []

    def always_busy() -> None:
        calls.append(1)
        raise OperationalError("BEGIN", {}, sqlite3.OperationalError("database is locked"))

    with pytest.raises(OperationalError):
        with_retries(always_busy, sleep=slept.append)
    assert len(calls) == 5
    assert len(slept) == 4
    assert all(0.025 <= s <= 0.05 * 2**i * 1.5 for i, s in enumerate(slept))


def test_with_retries_does_not_retry_other_errors() -> None:
    calls: list[int] = []

    def broken() -> None:
        calls.append(1)
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: x"))

    with pytest.raises(OperationalError):
        with_retries(broken, sleep=lambda _s: None)
    assert calls == [1]


def test_backoff_grows_with_jitter() -> None:
    for attempt in range(5):
        values = [backoff_seconds(attempt) for _ in range(50)]
        assert min(values) >= 0.05 * 2**attempt * 0.5
        assert max(values) <= 0.05 * 2**attempt * 1.5
        assert len(set(values)) > 1


def test_autocommit_connection_runs_a_checkpoint_and_leaves_the_pool_sane(
    sqlite_db: Database,
) -> None:
    autocommit = sqlite_db.engine.execution_options(isolation_level="AUTOCOMMIT")
    with autocommit.connect() as conn:
        busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        assert busy == 0
    # the same pooled connection must again run our explicit transactions
    with sqlite_db.write_engine.connect() as conn:
        with conn.begin():
            assert _other_writer_blocked(sqlite_db.sqlite_path)
            conn.execute(text("INSERT INTO app_meta (key, value) VALUES ('rolled', 'back')"))
            conn.rollback()
        assert conn.connection.driver_connection.isolation_level is None
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM app_meta WHERE key='rolled'")).scalar() == 0
