"""Administration of the database itself: open, upgrade, check, back up, restore.

The GUI's start-up and the ``erpdesk db`` commands both go through here, so they behave the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from erpdesk.db import backup as db_backup
from erpdesk.db import migrate
from erpdesk.db.check import run_checks
from erpdesk.db.engine import Database, open_database
from erpdesk.domain.permissions import Permission
from erpdesk.services.context import Actor


@dataclass(frozen=True, slots=True, kw_only=True)
class UpgradeResult:
    old: tuple[str, ...]
    new: tuple[str, ...]
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckResult:
    audit_rows: int
    problems: tuple[tuple[str, dict[str, Any]], ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def open_db(url: str, *, application_name: str = "erpdesk") -> Database:
    """Open (create) the database at ``url``; refuses network paths for SQLite."""
    return open_database(url, application_name=application_name)


def upgrade(database: Database, *, backup_dir: Path | None) -> UpgradeResult:
    """Upgrade the schema to this program's revision (verified backup first for SQLite)."""
    outcome = migrate.upgrade(database, backup_dir=backup_dir)
    return UpgradeResult(
        old=tuple(sorted(outcome.old)), new=tuple(sorted(outcome.new)), backup=outcome.backup
    )


def check(database: Database) -> CheckResult:
    """Integrity, foreign keys and audit chain."""
    report = run_checks(database)
    return CheckResult(audit_rows=report.audit_rows, problems=report.problems)


def backup(database: Database, actor: Actor, target: Path) -> Path:
    """Write a verified backup of the database to ``target`` (a file path)."""
    actor.require(Permission.BACKUP)
    if database.is_sqlite:
        return db_backup.backup_sqlite(database.sqlite_path, target)
    return db_backup.backup_postgres(database.url, target)


def default_backup_target(database: Database, folder: Path) -> Path:
    suffix = ".db" if database.is_sqlite else ".dump"
    return folder / db_backup.backup_name("backup", suffix=suffix)


def restore(database: Database, actor: Actor, candidate: Path, keep_dir: Path) -> Path:
    """Replace the SQLite database with a verified ``candidate``; returns the kept previous copy."""
    from erpdesk.domain.errors import DomainError

    actor.require(Permission.RESTORE)
    if not database.is_sqlite:
        raise DomainError("restore.only_sqlite")
    known = frozenset(rev.revision for rev in migrate.script_directory().walk_revisions())
    database.dispose()
    return db_backup.restore_sqlite(
        database.sqlite_path, candidate, keep_dir, known_revisions=known
    )
