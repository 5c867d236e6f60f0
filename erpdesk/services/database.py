"""Administration of the database itself: open, upgrade, check, back up, restore.

The GUI's start-up and the ``erpdesk db`` commands both go through here, so they behave the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError, OperationalError

from erpdesk.db import backup as db_backup
from erpdesk.db import migrate
from erpdesk.db.check import run_checks
from erpdesk.db.engine import Database, open_database
from erpdesk.domain.errors import DomainError
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


def _password_refused(original: BaseException | None, lowered: str) -> bool:
    """True when PostgreSQL wanted a password we did not give, or refused the one we gave."""
    # Connection failures carry no SQLSTATE; libpq says whether a password was needed or used.
    pgconn = getattr(original, "pgconn", None)
    if pgconn is not None and getattr(pgconn, "needs_password", False):
        return True
    used = pgconn is not None and getattr(pgconn, "used_password", False)
    return "no password supplied" in lowered or (used and "password" in lowered)


def _translated(exc: DBAPIError, database: Database) -> Exception:
    """A user-facing error for a database that cannot be reached or is not a database at all."""
    reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc).__name__
    lowered = reason.lower()
    if database.is_sqlite and ("not a database" in lowered or "encrypted" in lowered):
        return DomainError("db.not_a_database", path=database.label())
    if _password_refused(exc.orig, lowered):
        return DomainError("db.password_required", url=database.label())
    if exc.statement is None or (isinstance(exc, OperationalError) and "unable to open" in lowered):
        return DomainError("db.connect_failed", url=database.label(), reason=reason)
    return exc


@contextmanager
def _reachable(database: Database) -> Iterator[None]:
    try:
        yield
    except DBAPIError as exc:
        translated = _translated(exc, database)
        if translated is exc:
            raise
        raise translated from None


def open_db(
    url: str, *, application_name: str = "erpdesk", probe: bool = True, create: bool = True
) -> Database:
    """Open (create) the database at ``url`` and (unless ``probe`` is off, as for a restore over a
    damaged file) connect once, so problems show up here. With ``create`` off a missing SQLite file
    is an error instead of a new empty database (``db check`` on a mistyped path).

    Raises:
        DomainError: ``db.unsupported_url``, ``db.network_path``, ``db.sqlite_too_old``,
            ``db.file_missing``, ``db.not_a_database`` or ``db.connect_failed``.
    """
    database = open_database(url, application_name=application_name)
    if not create and database.is_sqlite and not database.sqlite_path.is_file():
        database.dispose()
        raise DomainError("db.file_missing", path=database.label())
    if not probe:
        return database
    try:
        with _reachable(database), database.engine.connect():
            pass
    except BaseException:
        database.dispose()
        raise
    return database


def upgrade(database: Database, *, backup_dir: Path | None) -> UpgradeResult:
    """Upgrade the schema to this program's revision (verified backup first for SQLite)."""
    with _reachable(database):
        outcome = migrate.upgrade(database, backup_dir=backup_dir)
    return UpgradeResult(
        old=tuple(sorted(outcome.old)), new=tuple(sorted(outcome.new)), backup=outcome.backup
    )


def check(database: Database) -> CheckResult:
    """Integrity, foreign keys and audit chain.

    Raises:
        DomainError: ``db.not_a_database`` when the database has no ERPDesk schema at all.
    """
    with _reachable(database):
        if migrate.status(database).empty:
            raise DomainError("db.not_a_database", path=database.label())
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
    actor.require(Permission.RESTORE)
    if not database.is_sqlite:
        raise DomainError("restore.only_sqlite")
    known = frozenset(rev.revision for rev in migrate.script_directory().walk_revisions())
    database.dispose()
    return db_backup.restore_sqlite(
        database.sqlite_path, candidate, keep_dir, known_revisions=known
    )
