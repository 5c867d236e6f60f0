"""Backups and restores that are verified before anyone relies on them.

SQLite: the online backup API copies a consistent snapshot (WAL included) page by page into a temporary
file; the copy must pass ``integrity_check`` and ``foreign_key_check``; it is fsynced and renamed into
place. A restore verifies the candidate first (SQLite header, integrity, an ERPDesk schema not newer than
this program), keeps a verified copy of the live database, then copies the candidate in through the backup
API, which is one transaction on the live file. PostgreSQL: ``pg_dump -Fc``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL

from erpdesk.domain.errors import DomainError

SQLITE_MAGIC = b"SQLite format 3\x00"
PAGES_PER_STEP = 1024
Progress = Callable[[int, int], None]


def backup_name(label: str, *, now: datetime | None = None, suffix: str = ".db") -> str:
    """``erpdesk-<label>-yyyyMMdd-HHmmss.db``."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"erpdesk-{label}-{stamp}{suffix}"


def _read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA cell_size_check=ON")
    return conn


def verify_copy(path: Path) -> None:
    """Raise ``backup.verify_failed`` unless ``path`` passes integrity and foreign key checks."""
    with closing(_read_only(path)) as conn:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise DomainError("backup.verify_failed", detail="; ".join(r[0] for r in result[:5]))
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise DomainError("backup.verify_failed", detail=f"foreign keys: {problems[:3]}")


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def backup_sqlite(source: Path, target: Path, *, progress: Progress | None = None) -> Path:
    """Write a verified copy of the live SQLite database ``source`` to ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)

    def report(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    try:
        with (
            closing(sqlite3.connect(source, timeout=30)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst, pages=PAGES_PER_STEP, progress=report)
            dst.execute("PRAGMA journal_mode=DELETE")
        verify_copy(partial)
        _fsync(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def sqlite_revision(path: Path) -> frozenset[str]:
    """Verify a candidate file and return its ERPDesk schema revisions.

    Raises:
        DomainError: ``restore.not_found``, ``restore.not_sqlite``, ``restore.damaged`` or
            ``restore.foreign``.
    """
    if not path.is_file():
        raise DomainError("restore.not_found", path=str(path))
    with open(path, "rb") as handle:
        if handle.read(16) != SQLITE_MAGIC:
            raise DomainError("restore.not_sqlite", path=str(path))
    try:
        with closing(_read_only(path)) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                raise DomainError("restore.damaged", path=str(path), detail=result[0][0])
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"alembic_version", "audit_log", "app_meta"} <= tables:
                raise DomainError("restore.foreign", path=str(path))
            revisions = frozenset(
                r[0] for r in conn.execute("SELECT version_num FROM alembic_version")
            )
    except sqlite3.DatabaseError as exc:
        raise DomainError("restore.damaged", path=str(path), detail=str(exc)) from None
    return revisions


def restore_sqlite(
    live: Path, candidate: Path, keep_dir: Path, *, known_revisions: frozenset[str]
) -> Path:
    """Replace the live database's content with ``candidate``'s after verifying it.

    Returns:
        The path of the verified copy of the previous live database.

    Raises:
        DomainError: if the candidate is missing, not SQLite, damaged, foreign or newer; the live file is
            then left exactly as it was.
    """
    revisions = sqlite_revision(candidate)
    unknown = revisions - known_revisions
    if unknown:
        raise DomainError("restore.newer", path=str(candidate), found=", ".join(sorted(unknown)))
    kept = backup_sqlite(live, keep_dir / backup_name("before-restore"))
    with closing(_read_only(candidate)) as src, closing(sqlite3.connect(live, timeout=30)) as dst:
        src.backup(dst)
    verify_copy(live)
    return kept


def backup_postgres(url: URL, target: Path) -> Path:
    """Dump a PostgreSQL database with ``pg_dump -Fc`` (does not block other users)."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise DomainError("backup.pg_dump_missing")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password
    args = [
        pg_dump,
        "-Fc",
        "-f",
        str(partial),
        "-d",
        url.database or "",
        "-h",
        url.host or "localhost",
        "-p",
        str(url.port or 5432),
    ]
    if url.username:
        args += ["-U", url.username]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        raise DomainError("backup.pg_dump_failed", detail=done.stderr.strip()[:500])
    os.replace(partial, target)
    return target
