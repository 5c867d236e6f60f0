"""Build engines for an SQLite file or a PostgreSQL server with the settings that keep data safe.

SQLite: WAL, ``synchronous=FULL``, foreign keys, a busy timeout and hardening pragmas on every connection;
pysqlite's implicit transactions are off and we emit ``BEGIN`` ourselves, ``BEGIN IMMEDIATE`` for writers,
because a deferred transaction that reads and then writes fails at once with "database is locked".
PostgreSQL: psycopg 3 with lock, statement and idle-in-transaction timeouts, UTC, a named application.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from erpdesk.db.location import check_sqlite_location
from erpdesk.domain.errors import DomainError

MIN_SQLITE = (3, 35, 0)
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=5000",
    "PRAGMA foreign_keys=ON",
    "PRAGMA wal_autocheckpoint=1000",
    "PRAGMA journal_size_limit=67108864",
    "PRAGMA trusted_schema=OFF",
    "PRAGMA cell_size_check=ON",
    "PRAGMA mmap_size=0",
)
PG_TIMEOUTS_MS = {
    "lock_timeout": 5000,
    "statement_timeout": 30000,
    "idle_in_transaction_session_timeout": 60000,
}


@dataclass(frozen=True, slots=True)
class Database:
    """The engines of one open database: ``engine`` for reads, ``write_engine`` for writers."""

    url: URL
    engine: Engine
    write_engine: Engine
    cloud_sync_service: str | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def sqlite_path(self) -> Path:
        if not self.is_sqlite or not self.url.database:
            raise ValueError("not an SQLite file database")
        return Path(self.url.database)

    def label(self) -> str:
        """What the status bar shows: the file path, or server/database (never the password)."""
        if self.is_sqlite:
            return str(self.sqlite_path)
        return f"{self.url.host or 'localhost'}:{self.url.port or 5432}/{self.url.database}"

    def dispose(self) -> None:
        self.engine.dispose()


def parse_url(url: str) -> URL:
    """Normalise a database address; ``postgresql://`` gets the psycopg 3 driver."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DomainError("db.unsupported_url", url=url) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise DomainError("db.unsupported_url", url=url)
        return parsed.set(drivername="sqlite+pysqlite")
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    raise DomainError("db.unsupported_url", url=url)


def _sqlite_engine(url: URL) -> Engine:
    found = sqlite3.sqlite_version_info
    if found < MIN_SQLITE:
        raise DomainError(
            "db.sqlite_too_old", found=sqlite3.sqlite_version, needed=".".join(map(str, MIN_SQLITE))
        )
    engine = create_engine(url, connect_args={"timeout": 5.0, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        for pragma in SQLITE_PRAGMAS:
            dbapi_conn.execute(pragma)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        if options.get("isolation_level") == "AUTOCOMMIT":
            return  # e.g. a WAL checkpoint or VACUUM, which cannot run inside a transaction
        raw = conn.connection.driver_connection
        if raw.isolation_level is not None:
            # SQLAlchemy's isolation-level reset turns pysqlite's implicit BEGIN back on.
            raw.isolation_level = None
        conn.exec_driver_sql("BEGIN " + options.get("sqlite_begin", "DEFERRED"))

    return engine


def _postgres_engine(url: URL, application_name: str) -> Engine:
    options = " ".join(f"-c {name}={value}" for name, value in PG_TIMEOUTS_MS.items())
    return create_engine(
        url,
        pool_size=5,
        max_overflow=2,
        pool_pre_ping=True,
        pool_recycle=1800,
        connect_args={
            "connect_timeout": 5,
            "application_name": application_name[:63],
            "options": options + " -c TimeZone=UTC",
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
        },
    )


def open_database(url: str, *, application_name: str = "erpdesk") -> Database:
    """Create the engines for ``url``; an SQLite file's folder is created, a network path refused.

    Raises:
        DomainError: ``db.unsupported_url``, ``db.network_path`` or ``db.sqlite_too_old``.
    """
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        assert parsed.database is not None
        path = Path(parsed.database).expanduser()
        cloud = check_sqlite_location(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        parsed = parsed.set(database=str(path.resolve()))
        engine = _sqlite_engine(parsed)
        return Database(parsed, engine, engine.execution_options(sqlite_begin="IMMEDIATE"), cloud)
    engine = _postgres_engine(parsed, application_name)
    return Database(parsed, engine, engine)
