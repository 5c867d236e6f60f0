"""Start-up: the window appears, the database is opened and migrated behind it, errors are told plainly."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from erpdesk import app as app_module
from erpdesk import settings as app_settings
from erpdesk.domain.messages import render
from erpdesk.services.context import system_actor
from erpdesk.ui.prompts import Prompts


@pytest.fixture
def errors_shown(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        Prompts, "show_error", classmethod(lambda cls, parent, title, text: shown.append(text))
    )
    return shown


@pytest.fixture
def as_admin(monkeypatch) -> None:
    """Skip the log-in dialog: these tests are about opening the database."""
    monkeypatch.setattr(app_module, "authenticate", lambda window, database: system_actor("admin"))


def _revisions(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]


def test_new_database_is_created_migrated_and_shown_in_the_status_bar(
    qtbot, tmp_path, as_admin, errors_shown
) -> None:
    path = tmp_path / "shop.db"
    boot = app_module.Bootstrap(app_settings.load("sqlite:///" + path.as_posix()))
    with qtbot.waitSignal(boot.ready, timeout=60_000):
        window = boot.start()
        qtbot.addWidget(window)
        assert window.isVisible()  # shown before the database is open
        assert window.statusBar().currentMessage() == "Opening database…"
    assert window.database_label.text() == f"Database: {path}"
    assert window.user_label.text() == "User: admin"
    assert window.backup_action.isEnabled()
    assert _revisions(path)  # migrated to this program's schema
    assert errors_shown == []
    boot.close()


def test_older_database_is_backed_up_then_upgraded(
    qtbot, tmp_path, sqlite_template, as_admin, errors_shown
) -> None:
    from alembic import command

    from erpdesk.db.engine import open_database
    from erpdesk.db.migrate import alembic_config

    path = tmp_path / "old.db"
    url = "sqlite:///" + path.as_posix()
    database = open_database(url)
    with database.write_engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0002_users")
    database.dispose()
    assert _revisions(path) == ["0002_users"]
    settings = app_settings.load(url)
    boot = app_module.Bootstrap(settings)
    with qtbot.waitSignal(boot.ready, timeout=60_000):
        qtbot.addWidget(boot.start())
    assert _revisions(path) == _revisions(sqlite_template)
    backups = list(settings.backup_dir.glob("erpdesk-pre-upgrade-*.db"))
    assert len(backups) == 1
    assert _revisions(backups[0]) == ["0002_users"]
    assert errors_shown == []
    boot.close()


def test_database_newer_than_the_program_is_refused_in_chinese(
    qtbot, tmp_path, sqlite_template, chinese, as_admin, errors_shown
) -> None:
    path = tmp_path / "future.db"
    path.write_bytes(sqlite_template.read_bytes())
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    known = ", ".join(_revisions(sqlite_template))
    boot = app_module.Bootstrap(app_settings.load("sqlite:///" + path.as_posix()))
    with qtbot.waitSignal(boot.failed, timeout=60_000) as blocker:
        qtbot.addWidget(boot.start())
    assert blocker.args == [2]
    assert errors_shown == [render("db.newer_schema", "zh_CN", found="9999_future", known=known)]
    assert errors_shown[0].startswith("该数据库由更新版本的 ERPDesk 创建")
    assert boot.window.statusBar().currentMessage() == "无法打开数据库。"
    assert _revisions(path) == ["9999_future"]  # untouched
    boot.close()


def test_run_gui_exits_with_status_2_on_an_unsupported_address(qtbot, errors_shown) -> None:
    status = app_module.run_gui(db_url="mysql://clerk@server/shop", language="en")
    assert status == 2
    assert errors_shown == [render("db.unsupported_url", "en", url="mysql://clerk@server/shop")]


def test_window_is_shown_before_the_database_layer_is_imported(tmp_path) -> None:
    """The start-up probe quits right after the first paint; the database layer and the heavy libraries
    (SQLAlchemy, pypinyin's dictionary, spreadsheet and PDF libraries) must not load before it."""
    env = dict(os.environ, ERPDESK_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen")
    url = "sqlite:///" + (tmp_path / "probe.db").as_posix()
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "erpdesk", "--db", url],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert app_module.STARTUP_PROBE_MARKER in run.stdout
    imported = {
        line.split("|")[-1].strip()
        for line in run.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "PySide6.QtWidgets" in imported
    heavy = {
        "sqlalchemy",
        "alembic",
        "psycopg",
        "pypinyin",
        "openpyxl",
        "python_calamine",
        "reportlab",
    }
    storage = ("erpdesk.services", "erpdesk.db", "erpdesk.xlsx", "erpdesk.pdf")
    early = sorted(
        name for name in imported if name.split(".")[0] in heavy or name.startswith(storage)
    )
    assert early == []


def test_log_is_rotated_at_start_when_too_big(tmp_path) -> None:
    log = tmp_path / "erpdesk.log"
    log.write_text("x" * 50, encoding="utf-8")
    (tmp_path / "erpdesk.log.1").write_text("older", encoding="utf-8")
    app_module.rotate_log(log, max_bytes=100, keep=3)
    assert log.exists()  # under the limit: kept
    app_module.rotate_log(log, max_bytes=10, keep=3)
    assert not log.exists()
    assert (tmp_path / "erpdesk.log.1").read_text(encoding="utf-8") == "x" * 50
    assert (tmp_path / "erpdesk.log.2").read_text(encoding="utf-8") == "older"
