"""Migrations match the models exactly (autogenerate finds nothing) on SQLite and PostgreSQL; every
revision goes up, down and up again; newer schemas are refused; an upgrade backs up first and a kill
during it leaves the old revision intact (C6 reduced)."""

from __future__ import annotations

import random
import secrets
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from erpdesk.db import migrate
from erpdesk.db import models as _models  # noqa: F401 - registers every table
from erpdesk.db.audit import AuditEntry
from erpdesk.db.backup import sqlite_revision, verify_copy
from erpdesk.db.base import Base
from erpdesk.db.engine import Database, open_database
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain.errors import DomainError


def _revisions_in_order() -> list[str]:
    script = migrate.script_directory()
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _include_name(name: str | None, _type: str, _parents: object) -> bool:
    """Same filter as migrations/env.py: objects made by raw DDL (FTS5 tables, pg_trgm indexes)
    are declared in ``Base.metadata.info["unmanaged"]`` and left out of the comparison."""
    return not any(check(name) for check in Base.metadata.info.get("unmanaged", ()))


def _diff(database: Database) -> list[object]:
    with database.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "compare_server_default": False,
                "include_name": _include_name,
            },
        )
        return list(compare_metadata(context, Base.metadata))


def _tables(database: Database) -> set[str]:
    with database.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def _current(database: Database) -> frozenset[str]:
    with database.engine.connect() as conn:
        return migrate.current_revisions(conn)


@pytest.fixture
def fresh_sqlite(tmp_path: Path) -> Iterator[Database]:
    database = open_database("sqlite:///" + (tmp_path / "fresh.db").as_posix())
    yield database
    database.dispose()


@pytest.fixture
def fresh_pg(pg_url: str) -> Iterator[Database]:
    """An empty PostgreSQL database of its own (the shared test database is already migrated)."""
    server = make_url(pg_url)
    name = f"erpdesk_mig_{secrets.token_hex(4)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    database = open_database(server.set(database=name).render_as_string(hide_password=False))
    try:
        yield database
    finally:
        database.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def fresh(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue(
        "fresh_sqlite" if request.param == "sqlite" else "fresh_pg"
    )
    return database


def test_models_and_migrations_agree(backend: Database) -> None:
    differences = _diff(backend)
    assert differences == [], "models and migrations differ:\n" + "\n".join(map(str, differences))


def test_migrated_database_is_at_the_heads(backend: Database) -> None:
    assert _current(backend) == migrate.head_revisions()
    assert migrate.status(backend).up_to_date


def test_every_revision_goes_up_down_and_up_again(fresh: Database) -> None:
    revisions = _revisions_in_order()
    assert revisions[0] == "0001_foundation"
    previous = "base"
    for revision in revisions:
        migrate.upgrade_to(fresh, revision)
        assert _current(fresh) == {revision}
        tables_up = _tables(fresh)
        migrate.downgrade_to(fresh, previous)
        assert _current(fresh) == (frozenset() if previous == "base" else {previous})
        migrate.upgrade_to(fresh, revision)
        assert _current(fresh) == {revision}, f"{revision} does not upgrade again after a downgrade"
        assert _tables(fresh) == tables_up
        previous = revision
    assert _diff(fresh) == []
    migrate.downgrade_to(fresh, "base")
    assert _tables(fresh) - {"alembic_version"} == set(), "downgrade to base leaves tables behind"


def test_upgrade_creates_a_working_audit_chain_and_identity(fresh: Database) -> None:
    outcome = migrate.upgrade(fresh)
    assert outcome.old == frozenset()
    assert outcome.new == migrate.head_revisions()
    assert outcome.backup is None
    with fresh.engine.connect() as conn:
        keys = set(conn.execute(text("SELECT key FROM app_meta")).scalars())
    assert {"company_id", "created_at"} <= keys
    again = migrate.upgrade(fresh)
    assert again.old == again.new


def _pretend_newer(database: Database) -> None:
    with database.write_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))


def test_newer_schema_is_refused(backend: Database) -> None:
    heads = sorted(migrate.head_revisions())
    _pretend_newer(backend)
    try:
        with pytest.raises(DomainError) as caught:
            migrate.upgrade(backend)
        assert caught.value.msg_id == "db.newer_schema"
        assert caught.value.params["found"] == "9999_from_the_future"
        assert not migrate.status(backend).up_to_date
    finally:
        with backend.write_engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": heads[0]})


def test_someone_elses_database_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total TEXT)")
        raw.commit()
    database = open_database("sqlite:///" + path.as_posix())
    try:
        with pytest.raises(DomainError) as caught:
            migrate.upgrade(database, backup_dir=tmp_path / "backups")
        assert caught.value.msg_id == "db.not_a_database"
        assert _tables(database) == {"invoices"}
    finally:
        database.dispose()


def _fill_audit(database: Database, rows: int) -> None:
    with UnitOfWork(database, "filler", write=True) as uow:
        for start in range(0, rows, 5000):
            uow.record(
                [
                    AuditEntry("thing", str(i), "insert", None, {"i": i, "pad": "x" * 40})
                    for i in range(start, min(rows, start + 5000))
                ]
            )
        uow.commit()


def test_upgrading_an_existing_sqlite_database_writes_a_verified_backup_first(
    fresh_sqlite: Database, tmp_path: Path
) -> None:
    first = _revisions_in_order()[0]
    migrate.upgrade_to(fresh_sqlite, first)
    _fill_audit(fresh_sqlite, 500)
    outcome = migrate.upgrade(fresh_sqlite, backup_dir=tmp_path / "backups")
    assert outcome.old == {first}
    assert outcome.new == migrate.head_revisions()
    assert outcome.backup is not None
    assert outcome.backup.parent == tmp_path / "backups"
    verify_copy(outcome.backup)
    assert sqlite_revision(outcome.backup) == {first}
    with closing(sqlite3.connect(outcome.backup)) as raw:
        assert raw.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 500
    assert list((tmp_path / "backups").glob("*.partial")) == []


def _cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "erpdesk", "--db", url, "--lang", "en", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _write_lock_held(path: Path) -> bool:
    with closing(sqlite3.connect(path, timeout=0, isolation_level=None)) as probe:
        try:
            probe.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return True
        probe.execute("ROLLBACK")
        return False


def _kill_during_upgrade(tmp_path: Path, kills: int, rows: int) -> None:
    first = _revisions_in_order()[0]
    heads = migrate.head_revisions()
    template = tmp_path / "old.db"
    database = open_database("sqlite:///" + template.as_posix())
    migrate.upgrade_to(database, first)
    _fill_audit(database, rows)
    old_tables = _tables(database)
    database.dispose()

    rng = random.Random(6)
    inside = 0
    for run in range(kills):
        target = tmp_path / f"run{run}.db"
        target.write_bytes(template.read_bytes())
        url = "sqlite:///" + target.as_posix()
        proc = subprocess.Popen(
            [sys.executable, "-m", "erpdesk", "--db", url, "db", "upgrade"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # The upgrade is the only writer: once the write lock is taken, its transaction is open.
        killed_inside = False
        while proc.poll() is None:
            if _write_lock_held(target):
                time.sleep(rng.uniform(0, 0.02))
                proc.kill()
                killed_inside = True
                break
            time.sleep(0.001)
        proc.wait(30)
        database = open_database(url)
        try:
            current = _current(database)
            tables = _tables(database)
        finally:
            database.dispose()
        assert current in ({first}, heads), f"run {run}: half-migrated revision {current}"
        if current == {first}:
            assert tables == old_tables, f"run {run}: old revision with changed tables"
        inside += killed_inside and current == {first}
        checked = _cli(url, "db", "check")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert f"({rows} audit rows)" in checked.stdout
        # and the next start finishes the job
        database = open_database(url)
        try:
            assert migrate.upgrade(database).new == heads
        finally:
            database.dispose()
    assert inside >= 1, "no kill landed inside the upgrade transaction"


def test_c6_kill_during_upgrade_leaves_old_revision_intact(tmp_path: Path) -> None:
    _kill_during_upgrade(tmp_path, kills=3, rows=20_000)


@pytest.mark.slow
def test_c6_kill_during_upgrade_many(tmp_path: Path) -> None:
    _kill_during_upgrade(tmp_path, kills=20, rows=100_000)
