"""The Receivables dock on a real SQLite database: the aging table with its total row, buckets typed by
the user changing the columns, a bad bucket list said next to the editor, the summary tab, export to a
real workbook through a background job, and double-click asking to open the customer."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

import receivables_ui_support
from aging_support import Seeded
from order_support import services_for

from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Role
from erpdesk.services.context import Clock
from erpdesk.ui.docks.customer_form.navigator import CustomerNavigator
from erpdesk.ui.docks.receivables.dock import build

aging_template = receivables_ui_support.aging_template
seeded_sqlite = receivables_ui_support.seeded_sqlite
sqlite_db = receivables_ui_support.sqlite_db
seeded = receivables_ui_support.seeded


@pytest.fixture
def dock(qtbot, sqlite_db: Database, clock: Clock, seeded: Seeded):
    services = services_for(sqlite_db, clock, Role.ACCOUNTANT, name="li.kuaiji")
    view = build(services)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    controller = view.controller
    qtbot.waitUntil(lambda: controller.aging is not None, timeout=10_000)
    return view


def _headers(view, table) -> list[str]:
    model = table.model()
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]


def _row(table, row: int) -> list[str]:
    model = table.model()
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_aging_table_shows_every_customer_and_the_total(dock, seeded: Seeded) -> None:
    view = dock
    assert view.as_of.date().toString("yyyy-MM-dd") == "2025-05-03"
    assert view.buckets.text() == "30,60,90"
    assert _headers(view, view.aging_table) == [
        "Code",
        "Customer",
        "Salesperson",
        "Not yet due",
        "1–30 days",
        "31–60 days",
        "61–90 days",
        "Over 90 days",
        "Open items",
        "Advances",
        "Balance",
    ]
    rows = [_row(view.aging_table, r) for r in range(view.aging_table.model().rowCount())]
    by_name = {r[1]: r for r in rows}
    assert by_name["华东机电有限公司"][3:] == [
        "10.00",
        "20.00",
        "30.00",
        "0.00",
        "40.00",
        "100.00",
        "0.00",
        "100.00",
    ]
    assert by_name["南方食品有限公司"][-1] == "-3.00"
    assert rows[-1][0] == "Total"
    assert rows[-1][3:] == ["10.00", "60.00", "30.00", "0.00", "40.00", "140.00", "3.00", "137.00"]
    assert view.aging_count.text() == "3 customers as of 2025-05-03"


def test_typing_buckets_changes_the_columns(qtbot, dock) -> None:
    view, controller = dock, dock.controller
    view.buckets.clear()
    qtbot.keyClicks(view.buckets, "15,45")
    with qtbot.waitSignal(view.aging_table.model().modelReset, timeout=10_000):
        qtbot.keyClick(view.buckets, Qt.Key.Key_Return)
    assert _headers(view, view.aging_table)[3:7] == [
        "Not yet due",
        "1–15 days",
        "16–45 days",
        "Over 45 days",
    ]
    total = _row(view.aging_table, view.aging_table.model().rowCount() - 1)
    assert total[3:] == ["10.00", "60.00", "30.00", "40.00", "140.00", "3.00", "137.00"]
    assert controller.aging.bounds == (0, 15, 45)


def test_a_bad_bucket_list_is_said_and_keeps_the_last_report(qtbot, dock) -> None:
    view, controller = dock, dock.controller
    view.buckets.clear()
    qtbot.keyClicks(view.buckets, "60,30")
    assert "Aging buckets" in view.bucket_error.text()
    assert controller.refresh() is None
    assert view.aging_table.model().columnCount() == 11
    view.buckets.clear()
    qtbot.keyClicks(view.buckets, "60")
    assert view.bucket_error.text() == ""


def test_summary_tab(dock) -> None:
    view = dock
    assert _headers(view, view.summary_table)[3:] == [
        "Open items",
        "Advances",
        "Balance",
        "Overdue",
        "Oldest due",
        "Last receipt",
    ]
    rows = {r[1]: r for r in (_row(view.summary_table, i) for i in range(4))}
    assert rows["华东机电有限公司"][3:] == ["100.00", "0.00", "100.00", "90.00", "2025-01-31", ""]
    assert _row(view.summary_table, 3)[:1] == ["Total"]
    assert _row(view.summary_table, 3)[6] == "130.00"


def test_export_writes_the_workbook_in_the_background(qtbot, dock, tmp_path: Path) -> None:
    controller = dock.controller
    out = tmp_path / "aging.xlsx"
    job = controller.export_aging(out)
    with qtbot.waitSignal(job.settled, timeout=10_000):
        pass
    assert job.error is None
    assert controller.last_export.rows == 3
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][3] == "Not yet due"
    assert rows[-1][-1] == 137
    summary = controller.export_summary(tmp_path / "summary.csv")
    with qtbot.waitSignal(summary.settled, timeout=10_000):
        pass
    assert (
        (tmp_path / "summary.csv")
        .read_text(encoding="utf-8-sig")
        .splitlines()[-1]
        .startswith("Total,,,140.00")
    )


def test_double_click_asks_to_open_the_customer(qtbot, dock, seeded: Seeded) -> None:
    view, controller = dock, dock.controller
    table = view.aging_table
    model = table.model()
    row = next(r for r in range(model.line_count()) if model.customer_id_at(r) == seeded.b)
    opened: list[int] = []
    CustomerNavigator.instance().open_requested.connect(opened.append)
    try:
        with qtbot.waitSignal(controller.customer_requested, timeout=2000) as signal:
            rect = table.visualRect(model.index(row, 1))
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert signal.args == [seeded.b]
        assert opened == [seeded.b]
        total_rect = table.visualRect(model.index(model.rowCount() - 1, 1))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=total_rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=total_rect.center())
        assert opened == [seeded.b]  # the total row is no customer
    finally:
        CustomerNavigator.instance().open_requested.disconnect(opened.append)


def test_the_main_window_offers_the_dock_and_file_statements(
    qtbot, sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    from erpdesk.ui.dialogs.statements import StatementsDialog
    from erpdesk.ui.docks.receivables.view import ReceivablesView
    from erpdesk.ui.main_window import MainWindow, dock_widget

    window = MainWindow(backup_dir=tmp_path / "backups")
    qtbot.addWidget(window)
    window.show()
    window.attach(services_for(sqlite_db, clock, Role.ACCOUNTANT, name="li.kuaiji"))
    toggle = window.docks["receivablesDock"].toggleViewAction()
    assert toggle in window.view_menu.actions()
    assert toggle.text() == "Receivables"
    window.docks["receivablesDock"].show()
    window.docks["receivablesDock"].raise_()
    qtbot.waitUntil(lambda: isinstance(dock_widget(window, "receivablesDock"), ReceivablesView))
    view = dock_widget(window, "receivablesDock")
    qtbot.waitUntil(lambda: view.controller.aging is not None, timeout=10_000)
    assert view.aging_table.model().line_count() == 3
    action = window.findChild(QAction, "actionStatements")
    assert action in window.file_menu.actions()
    assert action.shortcut() == QKeySequence("Ctrl+Shift+S")
    assert action.isEnabled()
    action.trigger()
    dialog = window.findChild(StatementsDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.close()


def test_chinese_headers_and_total(qtbot, chinese, sqlite_db: Database, clock: Clock) -> None:
    view = build(services_for(sqlite_db, clock, Role.ACCOUNTANT, name="li.kuaiji"))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.controller.aging is not None, timeout=10_000)
    assert _headers(view, view.aging_table)[3:8] == [
        "未到期",
        "1–30 天",
        "31–60 天",
        "61–90 天",
        "90 天以上",
    ]
    assert _row(view.aging_table, 3)[0] == "合计"
    assert view.tabs.tabText(0) == "账龄分析(&G)"
    view.buckets.setText("30,x")
    view.controller.refresh()
    assert view.bucket_error.text().startswith("账龄区间")
