"""Bring a database's schema to this program's revision, safely.

A database newer than the program is refused. Before an existing SQLite database is upgraded, a verified
backup is written. The whole upgrade runs in one transaction (SQLite and PostgreSQL both have
transactional DDL), with SQLite's foreign keys switched off outside it and checked before the commit, so
an interrupted upgrade leaves the old schema intact rather than a half-migrated one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, insert, inspect, select

from erpdesk.db.engine import Database
from erpdesk.db.models.system import AppMeta
from erpdesk.domain.errors import DomainError


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    """Where a database's schema stands relative to this program."""

    current: frozenset[str]
    heads: frozenset[str]

    @property
    def empty(self) -> bool:
        return not self.current

    @property
    def up_to_date(self) -> bool:
        return self.current == self.heads


@dataclass(frozen=True, slots=True)
class UpgradeOutcome:
    """What ``upgrade`` did: revisions before and after, and the backup taken first (if any)."""

    old: frozenset[str]
    new: frozenset[str]
    backup: Path | None


def migrations_path() -> Path:
    """The folder holding env.py and versions/ (a real folder in a checkout and in the bundle)."""
    return Path(str(files("erpdesk.migrations")))


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revisions() -> frozenset[str]:
    return frozenset(script_directory().get_heads())


def current_revisions(conn: Connection) -> frozenset[str]:
    return frozenset(MigrationContext.configure(conn).get_current_heads())


def check_known(current: frozenset[str], script: ScriptDirectory | None = None) -> None:
    """Raise ``db.newer_schema`` if ``current`` names a revision this program does not have."""
    script = script or script_directory()
    known = {rev.revision for rev in script.walk_revisions()}
    unknown = sorted(current - known)
    if unknown:
        raise DomainError(
            "db.newer_schema", found=", ".join(unknown), known=", ".join(sorted(script.get_heads()))
        )


def status(database: Database) -> SchemaStatus:
    """Read the database's revision and compare it with this program's heads."""
    with database.engine.connect() as conn:
        current = current_revisions(conn)
    return SchemaStatus(current=current, heads=head_revisions())


def _has_user_tables(conn: Connection) -> bool:
    return bool(inspect(conn).get_table_names())


def _run_upgrade(conn: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = conn
    command.upgrade(config, "heads")


def _stamp_identity(conn: Connection) -> None:
    present = set(conn.execute(select(AppMeta.key)).scalars())
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for key, value in (("company_id", uuid.uuid4().hex), ("created_at", now)):
        if key not in present:
            conn.execute(insert(AppMeta).values(key=key, value=value))


def _upgrade_sqlite(database: Database) -> None:
    with database.write_engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                _run_upgrade(conn)
                _stamp_identity(conn)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DomainError(
                        "db.upgrade_failed", reason=f"foreign key check: {problems[:3]}"
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _upgrade_postgres(database: Database) -> None:
    with database.write_engine.connect() as conn, conn.begin():
        conn.exec_driver_sql("SET LOCAL statement_timeout = 300000")
        _run_upgrade(conn)
        _stamp_identity(conn)


def upgrade(database: Database, *, backup_dir: Path | None = None) -> UpgradeOutcome:
    """Upgrade ``database`` to this program's heads; back up an existing SQLite file first.

    Raises:
        DomainError: ``db.newer_schema`` when the database is newer than the program.
    """
    script = script_directory()
    heads = frozenset(script.get_heads())
    with database.engine.connect() as conn:
        current = current_revisions(conn)
        populated = _has_user_tables(conn)
    check_known(current, script)
    if current == heads:
        return UpgradeOutcome(current, heads, None)
    backup_path = None
    if database.is_sqlite and populated and backup_dir is not None:
        from erpdesk.db.backup import backup_name, backup_sqlite

        backup_path = backup_sqlite(database.sqlite_path, backup_dir / backup_name("pre-upgrade"))
    if database.is_sqlite:
        _upgrade_sqlite(database)
    else:
        _upgrade_postgres(database)
    return UpgradeOutcome(current, heads, backup_path)
