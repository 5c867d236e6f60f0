"""``erpdesk db …`` run as a real subprocess: exit 0 when all is well, 1 with a report after tampering,
2 with a message on stderr (and no traceback) for user errors."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from erpdesk.db.engine import Database


def erpdesk(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if home is not None:
        env["ERPDESK_HOME"] = str(home)
    env.pop("ERPDESK_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "erpdesk", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )


def erpdesk_inline(
    capsys: pytest.CaptureFixture[str], *args: str
) -> subprocess.CompletedProcess[str]:
    """The same command in this process (cheaper); a leaked exception would fail the test."""
    from erpdesk.cli import main

    capsys.readouterr()
    try:
        status = main(list(args))
    except SystemExit as exc:  # argparse usage errors
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), status, out, err)


def _url(path: Path) -> str:
    return "sqlite:///" + path.as_posix()


def _user_error(done: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    for fragment in fragments:
        assert fragment in done.stderr, done.stderr


def test_version() -> None:
    done = erpdesk("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("ERPDesk ")


def test_upgrade_then_check_then_backup_then_restore(tmp_path: Path) -> None:
    url = _url(tmp_path / "company.db")
    done = erpdesk("--db", url, "--lang", "en", "db", "upgrade")
    assert done.returncode == 0, done.stderr
    assert "Database upgraded" in done.stdout
    again = erpdesk("--db", url, "--lang", "en", "db", "upgrade")
    assert again.returncode == 0
    assert "up to date" in again.stdout

    checked = erpdesk("--db", url, "--lang", "en", "db", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "All checks passed" in checked.stdout

    backup = tmp_path / "copies" / "b.db"
    done = erpdesk("--db", url, "--lang", "en", "db", "backup", "--to", str(backup))
    assert done.returncode == 0, done.stderr
    assert str(backup) in done.stdout
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    done = erpdesk("--db", url, "--lang", "en", "db", "restore", str(backup))
    assert done.returncode == 0, done.stderr
    assert "Restored from" in done.stdout


def test_default_backup_goes_to_the_backup_folder(sqlite_db: Database, tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = erpdesk(
        "--db", _url(sqlite_db.sqlite_path), "--lang", "zh_CN", "db", "backup", home=home
    )
    assert done.returncode == 0, done.stderr
    assert "备份已完成并通过校验" in done.stdout
    assert len(list((home / "backups").glob("erpdesk-backup-*.db"))) == 1


def _tamper(path: Path) -> int:
    with closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "INSERT INTO audit_log (txn_id, at_utc, app_user, host, table_name, row_pk, action, "
            "old, new, prev_hash, hash) VALUES ('t', '2025-05-03 01:30:00.000000', 'u', 'h', 'x', "
            "'1', 'insert', NULL, '{}', :p, :h)",
            {"p": "0" * 64, "h": "0" * 64},
        )
        row_id = raw.execute("SELECT max(id) FROM audit_log").fetchone()[0]
        raw.execute("COMMIT")
    return int(row_id)


def test_check_reports_tampering_with_exit_1(
    capsys: pytest.CaptureFixture[str], sqlite_db: Database
) -> None:
    sqlite_db.dispose()
    row_id = _tamper(sqlite_db.sqlite_path)
    url = _url(sqlite_db.sqlite_path)
    done = erpdesk("--db", url, "--lang", "en", "db", "check")
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"audit row {row_id}" in done.stdout
    assert "Traceback" not in done.stderr
    zh = erpdesk_inline(capsys, "--db", url, "--lang", "zh_CN", "db", "check")
    assert zh.returncode == 1
    assert f"第 {row_id} 条审计记录" in zh.stdout


def test_check_reports_a_damaged_file_with_exit_1(sqlite_db: Database) -> None:
    with sqlite_db.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    sqlite_db.dispose()
    path = sqlite_db.sqlite_path
    data = bytearray(path.read_bytes())
    for index in range(4096 * 2, 4096 * 2 + 1024):
        data[index] ^= 0xFF
    path.write_bytes(bytes(data))
    done = erpdesk("--db", _url(path), "--lang", "en", "db", "check")
    assert done.returncode in (1, 2), done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    if done.returncode == 1:
        assert "Integrity check failed" in done.stdout


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("mysql://root@localhost/erp", "Unsupported database address"),
        ("sqlite://", "Unsupported database address"),
        ("nonsense", "Unsupported database address"),
        ("sqlite:///" + r"\\server\share\company.db", "PostgreSQL"),
        ("postgresql://postgres@127.0.0.1:1/none", "Could not connect"),
    ],
)
def test_bad_database_addresses_are_user_errors(
    capsys: pytest.CaptureFixture[str], url: str, fragment: str
) -> None:
    _user_error(
        erpdesk_inline(capsys, "--db", url, "--lang", "en", "db", "check"), "Error:", fragment
    )


def test_check_of_a_missing_file_does_not_create_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "typo.db"
    for command in ("check", "backup"):
        _user_error(
            erpdesk_inline(capsys, "--db", _url(path), "--lang", "en", "db", command),
            "There is no database",
        )
    assert not path.exists()


def test_check_of_an_empty_database_is_a_user_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "empty.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 1")
    _user_error(
        erpdesk_inline(capsys, "--db", _url(path), "--lang", "en", "db", "check"),
        "not an ERPDesk database",
    )


def test_backup_does_not_need_an_upgrade(
    capsys: pytest.CaptureFixture[str], sqlite_db: Database, tmp_path: Path
) -> None:
    with sqlite_db.write_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    sqlite_db.dispose()
    target = tmp_path / "newer-copy.db"
    done = erpdesk_inline(
        capsys,
        "--db",
        _url(sqlite_db.sqlite_path),
        "--lang",
        "en",
        "db",
        "backup",
        "--to",
        str(target),
    )
    assert done.returncode == 0, done.stderr
    with closing(sqlite3.connect(target)) as conn:
        assert (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999_future"
        )


def test_restore_on_a_new_pc(
    capsys: pytest.CaptureFixture[str], sqlite_template: Path, tmp_path: Path
) -> None:
    live = tmp_path / "new-pc" / "company.db"
    done = erpdesk_inline(
        capsys, "--db", _url(live), "--lang", "en", "db", "restore", str(sqlite_template)
    )
    assert done.returncode == 0, done.stderr
    assert "Restored from" in done.stdout
    checked = erpdesk_inline(capsys, "--db", _url(live), "--lang", "en", "db", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes\n" * 500, encoding="utf-8")
    _user_error(
        erpdesk("--db", _url(path), "--lang", "en", "db", "upgrade"), "not an ERPDesk database"
    )
    assert path.read_text(encoding="utf-8").startswith("just some notes")


def test_someone_elses_sqlite_database_is_not_upgraded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        conn.commit()
    _user_error(
        erpdesk_inline(capsys, "--db", _url(path), "--lang", "en", "db", "upgrade"),
        "not an ERPDesk database",
    )


def test_restore_of_a_missing_file(
    capsys: pytest.CaptureFixture[str], sqlite_db: Database, tmp_path: Path
) -> None:
    _user_error(
        erpdesk_inline(
            capsys,
            "--db",
            _url(sqlite_db.sqlite_path),
            "--lang",
            "en",
            "db",
            "restore",
            str(tmp_path / "missing.db"),
        ),
        "does not exist",
    )


def test_restore_of_a_non_sqlite_file_in_chinese(sqlite_db: Database, tmp_path: Path) -> None:
    candidate = tmp_path / "报表.xlsx"
    candidate.write_bytes(b"PK\x03\x04" + b"\0" * 2000)
    _user_error(
        erpdesk(
            "--db", _url(sqlite_db.sqlite_path), "--lang", "zh_CN", "db", "restore", str(candidate)
        ),
        "错误：",
        "不是 SQLite 数据库文件",
    )


def test_newer_schema_is_a_user_error(
    capsys: pytest.CaptureFixture[str], sqlite_db: Database
) -> None:
    with sqlite_db.write_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    sqlite_db.dispose()
    _user_error(
        erpdesk_inline(
            capsys, "--db", _url(sqlite_db.sqlite_path), "--lang", "en", "db", "upgrade"
        ),
        "newer ERPDesk",
        "9999_future",
    )


def test_cloud_folder_warning_goes_to_stderr(sqlite_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "OneDrive" / "company.db"
    path.parent.mkdir()
    path.write_bytes(sqlite_template.read_bytes())
    done = erpdesk("--db", _url(path), "--lang", "en", "db", "check")
    assert done.returncode == 0, done.stderr
    assert "cloud-sync folder (OneDrive)" in done.stderr


def test_missing_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    done = erpdesk_inline(capsys, "db")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


@pytest.mark.pg
def test_postgres_check_and_backup(pg_url: str, tmp_path: Path) -> None:
    done = erpdesk("--db", pg_url, "--lang", "en", "db", "check")
    assert done.returncode == 0, done.stdout + done.stderr
    target = tmp_path / "pg.dump"
    done = erpdesk("--db", pg_url, "--lang", "en", "db", "backup", "--to", str(target))
    assert done.returncode == 0, done.stderr
    assert target.read_bytes()[:5] == b"PGDMP"
    done = erpdesk("--db", pg_url, "--lang", "en", "db", "restore", str(target))
    _user_error(done, "pg_restore")
