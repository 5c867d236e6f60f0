"""``AdminService``: back up, restore and check the open database on behalf of the logged-in user.

The GUI's File menu calls this (from a worker thread); it delegates to ``services.database`` (which the
``erpdesk db`` commands use too) and checks the actor's permissions first, so both behave the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from erpdesk.db import backup as db_backup
from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Permission
from erpdesk.services import database as database_service
from erpdesk.services.context import Actor

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class RestoreResult:
    """Where the restored data came from and where the replaced database was kept."""

    source: Path
    kept: Path


class AdminService:
    """Database administration for ``actor`` (needs the Backup / Restore permissions)."""

    def __init__(self, database: Database, actor: Actor) -> None:
        self.database = database
        self.actor = actor

    def database_label(self) -> str:
        """The file path, or server/database, as shown in the status bar (never a password)."""
        return self.database.label()

    @property
    def is_sqlite(self) -> bool:
        return self.database.is_sqlite

    def default_backup_target(self, folder: Path) -> Path:
        """A time-stamped backup file name in ``folder``."""
        return database_service.default_backup_target(self.database, folder)

    def backup(self, target: Path, progress: Progress | None = None) -> Path:
        """Write a verified backup to ``target``; ``progress(pages done, pages total)`` on SQLite.

        Raises:
            PermissionDenied: the actor may not back up.
            DomainError: ``backup.verify_failed`` / ``backup.pg_dump_*``; no partial file is left.
        """
        self.actor.require(Permission.BACKUP)
        if self.database.is_sqlite:
            return db_backup.backup_sqlite(self.database.sqlite_path, target, progress=progress)
        return database_service.backup(self.database, self.actor, target)

    def restore(self, path: Path, keep_dir: Path) -> RestoreResult:
        """Replace the database with the verified backup ``path`` and bring it to this schema.

        The previous database is first copied (verified) into ``keep_dir``; a bad ``path`` leaves the
        live database untouched.

        Raises:
            PermissionDenied: the actor may not restore.
            DomainError: ``restore.*`` when the file is missing, damaged, foreign or newer, or the
                database is not SQLite.
        """
        kept = database_service.restore(self.database, self.actor, path, keep_dir)
        database_service.upgrade(self.database, backup_dir=None)
        return RestoreResult(source=path, kept=kept)

    def check(self) -> database_service.CheckResult:
        """Integrity, foreign keys and audit chain (needs the Backup permission, as an admin task)."""
        self.actor.require(Permission.BACKUP)
        return database_service.check(self.database)
