"""Exports started from the GUI write real workbooks: the order list as filtered and as its columns
show (in Chinese), the settlement dock's receipts of a date range, its Follow-ups and Approvals lists,
and File → Export contacts… (issue 5 item 5)."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from order_support import make_customer, make_order, make_product, services_for
from settlement_support import deliver, people, voucher

from erpdesk.domain.orders import OrderStatus
from erpdesk.domain.permissions import Role
from erpdesk.domain.settlements import FollowUpKind
from erpdesk.ui import jobs
from erpdesk.ui.dialogs.import_wizard import ExcelActions
from erpdesk.ui.docks.order_grid.dock import build as build_orders
from erpdesk.ui.docks.settlement.dock import build as build_settlement
from erpdesk.ui.docks.settlement.exports import ReceiptRangeDialog
from erpdesk.ui.prompts import Prompts


def _rows(path: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    assert ws.freeze_panes == "A2"
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """Answer every Save dialog with ``target``; returns the dialogs' titles."""
    asked: list[str] = []

    def save_file(cls, parent, title, suggested=None, filters=""):  # type: ignore[no-untyped-def]
        asked.append(title)
        return target

    monkeypatch.setattr(Prompts, "save_file", classmethod(save_file))
    return asked


def _written(qtbot, path: Path) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(path.exists, timeout=20_000)
    jobs.wait_for_all(20_000)


def test_order_list_exports_what_it_shows_in_chinese(
    qtbot,
    sqlite_db,
    clock,
    chinese,
    monkeypatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    clerk = services_for(sqlite_db, clock, Role.CLERK, name="wang.li")
    customer = make_customer(clerk, "=1+1")
    product = make_product(clerk, "A4 复印纸", "25.50", stock="100")
    make_order(clerk, customer, (product.id, "1", "25.50"))  # a draft: filtered out
    confirmed = make_order(clerk, customer, (product.id, "3", "1000.10"))
    confirmed = clerk.orders.confirm(confirmed.id, confirmed.version)

    view = build_orders(clerk)
    qtbot.addWidget(view)
    view.show()
    ctl = view.controller
    qtbot.waitUntil(lambda: view.count.text() != "")
    assert view.export_button.text() == "导出到 Excel(&X)…"
    assert view.export_button.isEnabled()
    view.status_filter.setCurrentIndex(view.status_filter.findData(OrderStatus.CONFIRMED.value))
    header = view.list.horizontalHeader()
    header.hideSection(ctl.columns.index(next(c for c in ctl.columns if c.key == "salesperson")))
    header.moveSection(header.visualIndex(4), 1)  # the status column dragged next to the number

    out = tmp_path / "订单.xlsx"
    asked = _save_to(monkeypatch, out)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    _written(qtbot, out)
    assert asked == ["导出订单"]
    rows = _rows(out)
    assert rows[0] == [
        "订单号",
        "状态",
        "订单日期",
        "客户编码",
        "客户名称",
        "金额",
        "已发货金额",
        "交货日期",
    ]
    assert len(rows) == 2
    number, status, day, _code, name, total, delivered, _due = rows[1]
    assert (number, status, name) == (confirmed.number, "已确认", "=1+1")
    assert day == datetime(2025, 5, 3)
    assert total == pytest.approx(3000.30)
    assert delivered == 0


def test_settlement_dock_exports_receipts_follow_ups_and_approvals(
    qtbot,
    sqlite_db,
    clock,
    monkeypatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    team = people(sqlite_db, clock)
    clerk, acct = team["clerk"], team["acct"]
    customer = make_customer(clerk, "重庆银行股份有限公司")
    deliver(clerk, customer, "80.00", on=date(2025, 3, 1))
    pending = acct.settlements.submit(voucher(customer, "30.00")).settlement
    approved = acct.settlements.submit(voucher(customer, "20.00", method="cash")).settlement
    approved = team["manager"].settlements.approve(approved.id).settlement

    dock = build_settlement(acct)
    qtbot.addWidget(dock)
    dock.resize(1100, 760)
    dock.show()
    qtbot.waitUntil(lambda: dock.follow_ups.last_job is not None and dock.follow_ups.last_job.done)
    assert dock.cornerWidget(Qt.Corner.TopRightCorner) is dock.receipts_button

    ranges: list[date] = []

    def ask(cls, parent, today):  # type: ignore[no-untyped-def]
        ranges.append(today)
        return date(2025, 5, 1), date(2025, 5, 31)

    monkeypatch.setattr(ReceiptRangeDialog, "ask", classmethod(ask))
    receipts = tmp_path / "收款.xlsx"
    _save_to(monkeypatch, receipts)
    qtbot.mouseClick(dock.receipts_button, Qt.MouseButton.LeftButton)
    _written(qtbot, receipts)
    assert ranges == [date(2025, 5, 3)]
    rows = _rows(receipts)
    assert rows[0][:5] == [
        "Receipt number",
        "Receipt date",
        "Customer code",
        "Customer name",
        "Amount",
    ]
    assert [(r[0], r[4], r[5], r[12]) for r in rows[1:]] == [
        (approved.receipt_number, 20, "Cash", approved.voucher_number)
    ]

    dock.follow_ups_view.kind.setCurrentIndex(
        dock.follow_ups_view.kind.findData(FollowUpKind.OVERDUE_ITEM.value)
    )
    follow_ups = tmp_path / "跟进.csv"
    _save_to(monkeypatch, follow_ups)
    qtbot.mouseClick(dock.follow_ups_view.export_button, Qt.MouseButton.LeftButton)
    _written(qtbot, follow_ups)
    lines = follow_ups.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("Overdue item,")
    assert ",60.00," in lines[1]  # 80 delivered, 20 of the approved receipt allocated

    assert dock.approvals_view is not None
    approvals = tmp_path / "审批.xlsx"
    _save_to(monkeypatch, approvals)
    qtbot.mouseClick(dock.approvals_view.export_button, Qt.MouseButton.LeftButton)
    _written(qtbot, approvals)
    assert [r[0] for r in _rows(approvals)[1:]] == [pending.number]


def test_a_date_range_ending_before_it_starts_is_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ReceiptRangeDialog(None, date(2025, 5, 3))
    qtbot.addWidget(dialog)
    assert dialog.range() == (date(2025, 5, 1), date(2025, 5, 3))
    dialog.date_to.setDate(date(2025, 4, 30))
    dialog._submit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.message.text() == "The end date is before the start date."


def test_file_menu_exports_the_contacts_of_the_listed_customers(
    qtbot,
    sqlite_db,
    clock,
    monkeypatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    manager = services_for(sqlite_db, clock, Role.MANAGER, name="chen.jingli")
    make_customer(manager, "上海华鑫贸易有限公司")
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = ExcelActions(window)
    assert actions.export_contacts_action in actions.actions
    assert not actions.export_contacts_action.isEnabled()
    actions.attach(manager)
    assert actions.export_contacts_action.isEnabled()

    out = tmp_path / "contacts.xlsx"
    asked = _save_to(monkeypatch, out)
    actions.export_contacts_action.trigger()
    _written(qtbot, out)
    assert asked == ["Export contacts"]
    rows = _rows(out)
    assert rows[0][:3] == ["Customer code", "Customer name", "Contact name"]
    assert [r[1:3] + r[8:9] for r in rows[1:]] == [["上海华鑫贸易有限公司", "张伟", "Yes"]]
    qtbot.waitUntil(lambda: "1 rows exported" in window.statusBar().currentMessage())
