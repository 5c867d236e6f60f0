"""Back up and restore from the app: verified copies, progress, permissions, the live file kept safe."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, system_actor
from erpdesk.services.errors import PermissionDenied


def _company_id(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT value FROM app_meta WHERE key = 'company_id'").fetchone()[0]


def test_backup_reports_progress_and_writes_a_verified_copy(sqlite_db, tmp_path: Path) -> None:
    admin = Services(sqlite_db, system_actor("admin")).admin
    steps: list[tuple[int, int]] = []
    written = admin.backup(
        tmp_path / "copy.db", progress=lambda done, total: steps.append((done, total))
    )
    assert written == tmp_path / "copy.db"
    assert steps
    assert steps[-1][0] == steps[-1][1]
    assert _company_id(written) == _company_id(sqlite_db.sqlite_path)
    assert admin.check().ok


def test_clerk_may_not_back_up_or_restore(sqlite_db, tmp_path: Path) -> None:
    clerk = Services(sqlite_db, Actor("lin", frozenset({Role.CLERK}))).admin
    with pytest.raises(PermissionDenied):
        clerk.backup(tmp_path / "copy.db")
    with pytest.raises(PermissionDenied):
        clerk.restore(tmp_path / "copy.db", tmp_path)
    assert not (tmp_path / "copy.db").exists()


def test_restore_replaces_the_data_and_keeps_the_previous_database(
    sqlite_db, tmp_path: Path
) -> None:
    admin = Services(sqlite_db, system_actor("admin")).admin
    backup = admin.backup(tmp_path / "before.db")
    with sqlite3.connect(sqlite_db.sqlite_path) as conn:
        conn.execute("UPDATE app_meta SET value = 'changed' WHERE key = 'company_id'")
    result = admin.restore(backup, tmp_path / "kept")
    assert _company_id(sqlite_db.sqlite_path) == _company_id(backup)
    assert _company_id(result.kept) == "changed"
    assert result.kept.parent == tmp_path / "kept"


def test_restore_of_a_file_that_is_not_a_database_leaves_the_live_one_alone(
    sqlite_db, tmp_path: Path
) -> None:
    admin = Services(sqlite_db, system_actor("admin")).admin
    before = _company_id(sqlite_db.sqlite_path)
    junk = tmp_path / "notes.db"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(DomainError) as caught:
        admin.restore(junk, tmp_path / "kept")
    assert caught.value.msg_id == "restore.not_sqlite"
    assert _company_id(sqlite_db.sqlite_path) == before
