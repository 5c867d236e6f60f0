"""Bring a database's schema to this program's revision, safely.

A database newer than the program is refused. Before an existing SQLite database is upgraded, a verified
backup is written. The whole upgrade runs in one transaction (SQLite and PostgreSQL both have
transactional DDL), with SQLite's foreign keys switched off outside it and checked before the commit, so
an interrupted upgrade leaves the old schema intact rather than a half-migrated one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
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

MIGRATION_LOCK_KEY = 0x45525044  # "ERPD"


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
    return bool(set(inspect(conn).get_table_names()) - {"alembic_version"})


def _alembic(conn: Connection, action: Callable[[Config], None]) -> None:
    config = alembic_config()
    config.attributes["connection"] = conn
    action(config)


def _stamp_identity(conn: Connection) -> None:
    present = set(conn.execute(select(AppMeta.key)).scalars())
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for key, value in (("company_id", uuid.uuid4().hex), ("created_at", now)):
        if key not in present:
            conn.execute(insert(AppMeta).values(key=key, value=value))


def _in_one_transaction(database: Database, work: Callable[[Connection], None]) -> None:
    """Run schema changes in a single transaction (SQLite: foreign keys off around it, checked inside).

    With foreign keys on, SQLite's copy-and-move batch migrations would fire ON DELETE CASCADE when the
    old table is dropped; they can only be switched off outside a transaction.
    """
    if not database.is_sqlite:
        with database.write_engine.connect() as conn, conn.begin():
            conn.exec_driver_sql("SET LOCAL statement_timeout = 300000")
            # Two PCs starting a new version at once: the second waits, then finds nothing to do.
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
            work(conn)
        return
    with database.write_engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                work(conn)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DomainError(
                        "db.upgrade_failed", reason=f"foreign key check: {problems[:3]}"
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _upgrade_and_stamp(conn: Connection) -> None:
    _alembic(conn, lambda config: command.upgrade(config, "heads"))
    _stamp_identity(conn)


def upgrade_to(database: Database, revision: str) -> None:
    """Upgrade to one revision (tests and support tools; the app always goes to the heads)."""
    _in_one_transaction(
        database, lambda conn: _alembic(conn, lambda cfg: command.upgrade(cfg, revision))
    )


def downgrade_to(database: Database, revision: str) -> None:
    """Downgrade to ``revision`` (``base`` for none): support tools and migration tests only."""
    _in_one_transaction(
        database, lambda conn: _alembic(conn, lambda cfg: command.downgrade(cfg, revision))
    )


def upgrade(database: Database, *, backup_dir: Path | None = None) -> UpgradeOutcome:
    """Upgrade ``database`` to this program's heads; back up an existing SQLite file first.

    Raises:
        DomainError: ``db.newer_schema`` when the database is newer than the program,
            ``db.not_a_database`` when it holds tables but no ERPDesk schema revision.
    """
    script = script_directory()
    heads = frozenset(script.get_heads())
    with database.engine.connect() as conn:
        current = current_revisions(conn)
        populated = _has_user_tables(conn)
    check_known(current, script)
    if current == heads:
        return UpgradeOutcome(current, heads, None)
    if not current and populated:
        # Someone else's database: never add our tables to it.
        raise DomainError("db.not_a_database", path=database.label())
    backup_path = None
    if database.is_sqlite and populated and backup_dir is not None:
        from erpdesk.db.backup import backup_name, backup_sqlite

        backup_path = backup_sqlite(database.sqlite_path, backup_dir / backup_name("pre-upgrade"))
    _in_one_transaction(database, _upgrade_and_stamp)
    return UpgradeOutcome(current, heads, backup_path)
