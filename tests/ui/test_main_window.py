"""The main window shell: five docks, menus, saved layout, and Chinese texts with zh_CN."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QDockWidget, QLabel, QMessageBox

from erpdesk.services.container import Services
from erpdesk.services.context import system_actor
from erpdesk.ui.docks.registry import DOCKS
from erpdesk.ui.events import AppEvents
from erpdesk.ui.main_window import MainWindow
from erpdesk.ui.prompts import Prompts

DOCK_NAMES = [
    "customerListDock",
    "customerFormDock",
    "orderGridDock",
    "settlementDock",
    "stocktakeDock",
    "receivablesDock",
]


def _window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_dock_exists_and_waits_for_the_database(qtbot) -> None:
    window = _window(qtbot)
    assert sorted(d.objectName() for d in window.findChildren(QDockWidget)) == sorted(DOCK_NAMES)
    assert [spec.object_name for spec in DOCKS] == DOCK_NAMES
    for spec in DOCKS:
        assert spec.factory is not None, spec.object_name
        label = window.findChild(QDockWidget, spec.object_name).widget()
        assert isinstance(label, QLabel)
        assert label.text() == "Opening database…"
    assert window.statusBar().currentMessage() == "Opening database…"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Help"]
    assert not window.backup_action.isEnabled()  # no database yet


def test_view_menu_toggles_docks(qtbot) -> None:
    window = _window(qtbot)
    stocktake = window.docks["stocktakeDock"]
    toggle = next(a for a in window.view_menu.actions() if a.text() == "Stocktake")
    toggle.trigger()
    assert stocktake.isHidden()
    window.reset_layout_action.trigger()
    assert not stocktake.isHidden()


def test_layout_is_saved_on_close_and_restored_next_time(qtbot) -> None:
    first = _window(qtbot)
    first.docks["stocktakeDock"].hide()
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.docks["settlementDock"])
    first.resize(700, 520)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.close()

    second = _window(qtbot)
    assert second.docks["stocktakeDock"].isHidden()
    assert (
        second.dockWidgetArea(second.docks["settlementDock"])
        == Qt.DockWidgetArea.LeftDockWidgetArea
    )
    assert (
        second.dockWidgetArea(second.docks["orderGridDock"])
        == Qt.DockWidgetArea.BottomDockWidgetArea
    )
    assert (second.width(), second.height()) == (700, 520)


def test_layout_of_another_version_is_ignored(qtbot, monkeypatch) -> None:
    first = _window(qtbot)
    first.docks["stocktakeDock"].hide()
    first.close()
    monkeypatch.setattr("erpdesk.ui.main_window.LAYOUT_VERSION", 99)
    second = _window(qtbot)
    assert not second.docks["stocktakeDock"].isHidden()


def test_chinese_menus_docks_and_qt_standard_buttons(qtbot, chinese) -> None:
    window = _window(qtbot)
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "视图(&V)", "帮助(&H)"]
    assert window.docks["customerListDock"].windowTitle() == "客户档案"
    assert window.docks["stocktakeDock"].windowTitle() == "盘点"
    placeholder = window.docks["stocktakeDock"].widget()
    assert isinstance(placeholder, QLabel)
    assert placeholder.text() == "正在打开数据库…"

    seen: list[str] = []

    def read_buttons() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        buttons = box.findChild(QDialogButtonBox)
        seen.extend(sorted(b.text() for b in buttons.buttons()))
        box.reject()

    QTimer.singleShot(0, read_buttons)
    QMessageBox.question(
        window, "?", "?", QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
    )
    assert seen == sorted(["确定", "取消"])
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


@pytest.fixture
def live_window(qtbot, sqlite_db, tmp_path) -> MainWindow:
    window = MainWindow(backup_dir=tmp_path / "backups")
    qtbot.addWidget(window)
    window.show()
    window.attach(Services(sqlite_db, system_actor("admin")))
    return window


def test_status_bar_shows_database_and_user_once_attached(live_window, sqlite_db) -> None:
    assert live_window.database_label.text() == f"Database: {sqlite_db.sqlite_path}"
    assert live_window.user_label.text() == "User: admin"
    assert live_window.backup_action.isEnabled()
    assert live_window.restore_action.isEnabled()


def test_back_up_now_writes_the_chosen_file_and_says_where(
    qtbot, live_window, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "chosen" / "copy.db"
    suggested: list[Path | None] = []
    told: list[str] = []

    def choose(cls, parent, title, proposal=None, filters=""):
        suggested.append(proposal)
        return target

    monkeypatch.setattr(Prompts, "save_file", classmethod(choose))
    monkeypatch.setattr(
        Prompts, "inform", classmethod(lambda cls, parent, title, text: told.append(text))
    )
    live_window.backup_action.trigger()
    with qtbot.waitSignal(live_window.backup_job.settled, timeout=30_000):
        pass
    assert suggested[0].parent == tmp_path / "backups"
    assert suggested[0].name.startswith("erpdesk-backup-")
    assert target.is_file()
    assert told == [f"The backup was written and verified:\n{target}"]


def test_restore_asks_first_and_keeps_the_database_when_declined(
    qtbot, live_window, tmp_path, monkeypatch
) -> None:
    source = tmp_path / "old.db"
    live_window.services.admin.backup(source)
    questions: list[str] = []
    monkeypatch.setattr(Prompts, "open_file", classmethod(lambda cls, *a, **k: source))
    monkeypatch.setattr(
        Prompts,
        "ask",
        classmethod(lambda cls, parent, title, text: questions.append(text) or False),
    )
    live_window.restore_action.trigger()
    assert len(questions) == 1
    assert str(source) in questions[0]
    assert not (tmp_path / "backups").exists()  # nothing kept: nothing was replaced


def test_restore_replaces_the_database_and_tells_docks_to_reload(
    qtbot, live_window, tmp_path, monkeypatch
) -> None:
    source = tmp_path / "old.db"
    live_window.services.admin.backup(source)
    told: list[str] = []
    resets: list[bool] = []
    AppEvents.instance().reset.connect(lambda: resets.append(True))
    monkeypatch.setattr(Prompts, "open_file", classmethod(lambda cls, *a, **k: source))
    monkeypatch.setattr(Prompts, "ask", classmethod(lambda cls, *a: True))
    monkeypatch.setattr(
        Prompts, "inform", classmethod(lambda cls, parent, title, text: told.append(text))
    )
    live_window.restore_action.trigger()
    with qtbot.waitSignal(live_window.restore_job.settled, timeout=30_000):
        pass
    assert resets == [True]
    assert told[0].startswith(f"The database was restored from\n{source}")
    assert len(list((tmp_path / "backups").glob("erpdesk-before-restore-*.db"))) == 1


def test_column_widths_are_remembered_per_grid(qtbot) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from erpdesk.ui import prefs

    def grid(columns: int) -> QTableView:
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(QStandardItemModel(2, columns, view))
        return view

    first = grid(3)
    for column, width in enumerate((120, 260, 75)):
        first.horizontalHeader().resizeSection(column, width)
    prefs.save_column_widths("customers", first.horizontalHeader())

    again = grid(3)
    assert prefs.restore_column_widths("customers", again.horizontalHeader())
    assert [again.horizontalHeader().sectionSize(c) for c in range(3)] == [120, 260, 75]
    changed = grid(4)  # the grid gained a column since: keep its defaults
    assert not prefs.restore_column_widths("customers", changed.horizontalHeader())
    assert not prefs.restore_column_widths("orders", grid(3).horizontalHeader())
