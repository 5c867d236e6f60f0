"""Shared fixtures: real databases on both backends, a fixed clock, isolated data folders.

SQLite tests get a copy of a migrated template file (fast, and a real file with WAL). PostgreSQL tests
use one database per run, ``erpdesk_test_<pid>_<random>``, created and migrated once and dropped at the
end; tables are truncated between tests. With ``CI=true`` or ``ERPDESK_REQUIRE_PG=1`` an unreachable
server fails the run instead of skipping the PostgreSQL tests.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixed_data import FIXED_NOW, sqlite_copy
from sqlalchemy import create_engine, text

from erpdesk.db import models  # noqa: F401 - registers every table for truncate_all
from erpdesk.db.base import Base
from erpdesk.db.engine import Database, open_database
from erpdesk.db.migrate import upgrade
from erpdesk.services.context import Clock

PG_SERVER = os.environ.get("ERPDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
PG_REQUIRED = (
    os.environ.get("ERPDESK_REQUIRE_PG") == "1" or os.environ.get("CI", "").lower() == "true"
)


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Full-scale ``slow`` scenarios run only when asked (``-m slow`` or ``ERPDESK_SLOW=1``)."""
    if "slow" in (config.getoption("markexpr") or "") or os.environ.get("ERPDESK_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="full-scale scenario: run with -m slow or ERPDESK_SLOW=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test gets its own data folder and no database from the environment."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ERPDESK_HOME", str(home))
    monkeypatch.delenv("ERPDESK_DB", raising=False)
    return home


@pytest.fixture
def clock() -> Clock:
    return Clock(now=lambda: FIXED_NOW)


# ------------------------------------------------------------------------------------ SQLite


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    database = open_database("sqlite:///" + path.as_posix())
    upgrade(database)
    with database.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = sqlite_copy(sqlite_template, tmp_path)
    database = open_database("sqlite:///" + path.as_posix())
    yield database
    database.dispose()


# -------------------------------------------------------------------------------- PostgreSQL


def _pg_admin_engine():  # type: ignore[no-untyped-def]
    return create_engine(
        PG_SERVER + "/test", isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5}
    )


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A migrated PostgreSQL database for this run, dropped at the end."""
    admin = _pg_admin_engine()
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        admin.dispose()
        message = f"PostgreSQL at {PG_SERVER} is not reachable: {exc}"
        if PG_REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    name = f"erpdesk_test_{os.getpid()}_{secrets.token_hex(3)}"
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    url = f"{PG_SERVER}/{name}"
    database = open_database(url)
    upgrade(database)
    database.dispose()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def truncate_all(database: Database) -> None:
    """Empty every table and reset the audit chain head (TRUNCATE skips row triggers)."""
    tables = [
        t.name for t in Base.metadata.sorted_tables if t.name not in {"audit_head", "app_meta"}
    ]
    with database.write_engine.begin() as conn:
        conn.execute(
            text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
        )
        conn.execute(text("UPDATE audit_head SET hash = :h, row_count = 0"), {"h": "0" * 64})


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    database = open_database(pg_url)
    yield database
    truncate_all(database)
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def backend(request: pytest.FixtureRequest) -> Database:
    """Run the test once on an SQLite file and once on PostgreSQL."""
    fixture = "sqlite_db" if request.param == "sqlite" else "pg_db"
    database: Database = request.getfixturevalue(fixture)
    return database
