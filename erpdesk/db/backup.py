"""Backups and restores that are verified before anyone relies on them.

SQLite: the online backup API copies a consistent snapshot (WAL included) page by page into a temporary
file (in one step once writers have restarted it three times); the copy must pass ``integrity_check``
and ``foreign_key_check``; it is fsynced and renamed into place. A restore verifies the candidate first
(SQLite header, integrity, foreign keys, the audit chain, an ERPDesk schema not newer than this program),
keeps a verified copy of the live database, then copies the candidate in through the backup API, which
is one transaction on the live file. PostgreSQL: ``pg_dump -Fc``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL

from erpdesk.domain.errors import DomainError

SQLITE_MAGIC = b"SQLite format 3\x00"
PAGES_PER_STEP = 1024
MAX_RESTARTS = 3
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
    # Opened for writing: on Windows os.fsync is FlushFileBuffers, which refuses a read-only handle.
    with open(path, "r+b") as handle:
        os.fsync(handle.fileno())


class _Restarted(Exception):
    """The source changed under a chunked copy too often; copy it in one step instead."""


def _copy(src: sqlite3.Connection, dst: sqlite3.Connection, progress: Progress | None) -> None:
    """Copy ``src`` into ``dst`` with the online backup API.

    A chunked copy lets the GUI show progress, but SQLite restarts it whenever another connection
    writes to the source; after ``MAX_RESTARTS`` the copy is done in one step, which reads one
    consistent snapshot while writers carry on in WAL mode.
    """
    last_remaining: int | None = None
    restarts = 0

    def report(_status: int, remaining: int, total: int) -> None:
        nonlocal last_remaining, restarts
        if last_remaining is not None and remaining > last_remaining:
            restarts += 1
            if restarts >= MAX_RESTARTS:
                raise _Restarted
        last_remaining = remaining
        if progress is not None:
            progress(total - remaining, total)

    try:
        src.backup(dst, pages=PAGES_PER_STEP, progress=report)
    except _Restarted:
        src.backup(dst, pages=-1)
        if progress is not None:
            progress(1, 1)


def backup_sqlite(source: Path, target: Path, *, progress: Progress | None = None) -> Path:
    """Write a verified copy of the live SQLite database ``source`` to ``target``.

    Raises:
        DomainError: ``backup.source_missing`` or ``backup.verify_failed``; no file is left at
            ``target`` then.
    """
    if not source.is_file():
        raise DomainError("backup.source_missing", path=str(source))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with (
            closing(sqlite3.connect(source, timeout=30)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            _copy(src, dst, progress)
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
        DomainError: ``restore.not_found``, ``restore.not_sqlite``, ``restore.damaged``,
            ``restore.audit_broken`` or ``restore.foreign``.
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
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise DomainError(
                    "restore.damaged", path=str(path), detail=f"foreign keys: {problems[:3]}"
                )
        _verify_audit_chain(path)
    except sqlite3.DatabaseError as exc:
        raise DomainError("restore.damaged", path=str(path), detail=str(exc)) from None
    return revisions


def _verify_audit_chain(path: Path) -> None:
    """Damage inside row data passes ``integrity_check``; the audit chain's hashes catch it there."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.pool import NullPool

    from erpdesk.db.audit import verify_chain

    engine = create_engine("sqlite://", creator=lambda: _read_only(path), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            _rows, problem = verify_chain(conn)
    except DBAPIError as exc:
        raise DomainError("restore.damaged", path=str(path), detail=str(exc.orig)) from None
    finally:
        engine.dispose()
    if problem is not None:
        raise DomainError("restore.audit_broken", path=str(path), row_id=problem.row_id)


def restore_sqlite(
    live: Path,
    candidate: Path,
    keep_dir: Path,
    *,
    known_revisions: frozenset[str],
    wait_seconds: float = 30.0,
) -> Path:
    """Replace the live database's content with ``candidate``'s after verifying it.

    ``wait_seconds`` is how long to wait for another window's transaction on the live file.

    Returns:
        The path of the verified copy of the previous live database (a raw copy of its files when it
        was too damaged to back up).

    Raises:
        DomainError: if the candidate is missing, not SQLite, damaged, foreign or newer; the live file is
            then left exactly as it was.
    """
    revisions = sqlite_revision(candidate)
    unknown = revisions - known_revisions
    if unknown:
        raise DomainError("restore.newer", path=str(candidate), found=", ".join(sorted(unknown)))
    target = keep_dir / backup_name("before-restore")
    try:
        kept = backup_sqlite(live, target)
    except (DomainError, sqlite3.DatabaseError):
        # The live file is damaged (which is why people restore): keep its bytes as they are and
        # swap the candidate in by rename, since the backup API cannot write into a broken file.
        kept = _keep_raw(live, target.with_name(target.stem + "-damaged.db"))
        try:
            _replace_by_rename(live, candidate)
        except OSError:
            # Windows refuses to replace a file another program still has open.
            raise DomainError("restore.in_use", path=str(live)) from None
        verify_copy(live)
        return kept
    try:
        with (
            closing(_read_only(candidate)) as src,
            closing(sqlite3.connect(live, timeout=wait_seconds)) as dst,
        ):
            src.backup(dst, progress=_give_up_when_busy(wait_seconds))
    except (_Busy, sqlite3.OperationalError):
        # Another window kept its transaction open; the backup API wrote nothing into the live file.
        raise DomainError("restore.in_use", path=str(live)) from None
    verify_copy(live)
    return kept


class _Busy(Exception):
    """The live file stayed locked by another connection longer than we were willing to wait."""


_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


def _give_up_when_busy(wait_seconds: float) -> Callable[[int, int, int], None]:
    # Python's backup loop retries a locked destination forever; raising from the progress callback
    # (called after every attempt) is the only way to stop it, and it leaves the destination untouched.
    deadline = time.monotonic() + wait_seconds

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (_SQLITE_BUSY, _SQLITE_LOCKED) and time.monotonic() > deadline:
            raise _Busy

    return progress


def _keep_raw(live: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        source = live.with_name(live.name + suffix)
        if source.exists():
            shutil.copy2(source, target.with_name(target.name + suffix))
    return target


def _replace_by_rename(live: Path, candidate: Path) -> None:
    staged = live.with_name(live.name + ".restoring")
    staged.unlink(missing_ok=True)
    try:
        with closing(_read_only(candidate)) as src, closing(sqlite3.connect(staged)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        verify_copy(staged)
        _fsync(staged)
        for suffix in ("-wal", "-shm"):
            live.with_name(live.name + suffix).unlink(missing_ok=True)
        os.replace(staged, live)
    finally:
        staged.unlink(missing_ok=True)


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
