"""The order dock: a clerk enters, confirms and delivers an order with the keyboard only; the list
filters; the credit dialog appears when the service asks for it."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from order_support import make_customer, make_order, make_product, services_for

from erpdesk.domain.credit import CreditMode
from erpdesk.domain.orders import OrderStatus
from erpdesk.domain.permissions import Role
from erpdesk.ui import jobs
from erpdesk.ui.docks.order_grid.dialogs import CreditAnswer, CreditDialog
from erpdesk.ui.docks.order_grid.dock import build
from erpdesk.ui.docks.order_grid.lines_model import PRODUCT, QTY
from erpdesk.ui.prompts import Prompts

D = Decimal


def _keys(text: str) -> None:
    for char in text:
        QTest.keyClick(QApplication.focusWidget(), char)
        QApplication.processEvents()  # a person types slower than the event loop turns


def _key(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
    QApplication.processEvents()


def _dock(qtbot, services):  # type: ignore[no-untyped-def]
    view = build(services)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: view.count.text() != "")
    return view, view.controller


@pytest.fixture
def clerk(sqlite_db, clock):  # type: ignore[no-untyped-def]
    return services_for(sqlite_db, clock, Role.CLERK, name="wang.li")


def test_a_clerk_enters_confirms_and_delivers_an_order_by_keyboard(
    qtbot,
    clerk,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    customer_id = make_customer(clerk, "上海华鑫贸易有限公司", limit=D(10000), terms=30)
    make_customer(clerk, "北京远方科技有限公司")
    manager = services_for(clerk.database, clerk.clock, Role.MANAGER, name="zhou.min")
    manager.credit.set_policy("warn")
    paper = make_product(clerk, "A4 复印纸", "25.00", stock="100")
    pen = make_product(clerk, "中性笔", "2.50", stock="500")
    monkeypatch.setattr(Prompts, "ask", classmethod(lambda cls, *a: True))
    view, ctl = _dock(qtbot, clerk)

    assert QApplication.focusWidget() is view.customer
    _keys("shhx")  # pinyin initials of 上海华鑫
    _key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.customer is not None and view.lines.hasFocus())
    assert ctl.customer.customer_id == customer_id
    assert view.contact.text() == "张伟"
    assert view.phone.text() == "13812345678"
    assert view.terms.value() == 30
    qtbot.waitUntil(lambda: "available" in view.credit.text())

    _keys(paper.code)
    _key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.lines.lines[0].product_id == paper.id)
    assert view.lines.currentIndex().column() == QTY
    _keys("4")
    for _ in range(5):  # qty → price → discount → tax → notes → next line
        _key(Qt.Key.Key_Return)
    assert view.lines.currentIndex().row() == 1
    assert view.lines.currentIndex().column() == PRODUCT
    _keys(pen.code.lower())
    _key(Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: ctl.lines.lines[1].product_id == pen.id)
    _keys("10")
    _key(Qt.Key.Key_Tab)
    assert view.totals.text().endswith("¥125.00")

    _key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save and confirm
    qtbot.waitUntil(lambda: ctl.order is not None and ctl.order.status is OrderStatus.CONFIRMED)
    assert ctl.order.number == "XS20250503-0001"
    assert view.status.text() == "Confirmed"

    _key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ctl.order.status is OrderStatus.DELIVERED)
    assert clerk.products.get(paper.id).stock == D(96)
    assert clerk.products.get(pen.id).stock == D(490)
    assert clerk.credit.view(customer_id).open_receivables == D("125.00")
    qtbot.waitUntil(lambda: ctl.model.rowCount() == 1)
    assert ctl.model.row_data(0).status is OrderStatus.DELIVERED


def test_insert_adds_a_line_and_del_removes_it(qtbot, clerk) -> None:  # type: ignore[no-untyped-def]
    view, ctl = _dock(qtbot, clerk)
    view.lines.setFocus()
    view.lines.go_to(0, PRODUCT)
    _key(Qt.Key.Key_Insert)
    assert len(ctl.lines.lines) == 2
    _key(Qt.Key.Key_Delete)
    _key(Qt.Key.Key_Delete)
    assert len(ctl.lines.lines) == 0


def test_an_unknown_product_code_is_marked_and_not_saved(qtbot, clerk) -> None:  # type: ignore[no-untyped-def]
    view, ctl = _dock(qtbot, clerk)
    view.lines.setFocus()
    view.lines.go_to(0, PRODUCT)
    _keys("NOPE")
    _key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "NOPE" in view.message.text())
    assert ctl.lines.inputs() == ()


def test_over_the_limit_the_credit_dialog_asks_and_the_answer_is_used(
    qtbot,
    clerk,
    sqlite_db,
    clock,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    manager = services_for(sqlite_db, clock, Role.MANAGER, name="boss.zhao")
    customer_id = make_customer(clerk, limit=D(100))
    manager.credit.set_policy(CreditMode.WARN, customer_id=customer_id)
    paper = make_product(clerk, price="80.00")
    draft = make_order(clerk, customer_id, (paper.id, "2", "80.00"))
    asked: list[str] = []

    def answer(cls, parent, key, text, may_approve):  # type: ignore[no-untyped-def]
        asked.append(text)
        return CreditAnswer(choice="confirm", reason="老客户，月底付款")

    monkeypatch.setattr(CreditDialog, "ask", classmethod(answer))
    view, ctl = _dock(qtbot, clerk)
    ctl.open(draft.id)
    qtbot.waitUntil(lambda: ctl.order is not None and "over" not in view.credit.styleSheet())
    ctl.confirm()
    qtbot.waitUntil(lambda: ctl.order.status is OrderStatus.CONFIRMED)
    assert "shortfall ¥60.00" in asked[0]


def test_the_list_filters_by_status(qtbot, clerk) -> None:  # type: ignore[no-untyped-def]
    customer_id = make_customer(clerk)
    paper = make_product(clerk)
    make_order(clerk, customer_id, (paper.id, "1", "25.00"))
    second = make_order(clerk, customer_id, (paper.id, "1", "25.00"))
    clerk.orders.confirm(second.id, second.version)
    view, ctl = _dock(qtbot, clerk)
    qtbot.waitUntil(lambda: ctl.model.rowCount() == 2)
    view.status_filter.setCurrentIndex(view.status_filter.findData(OrderStatus.CONFIRMED.value))
    qtbot.waitUntil(lambda: ctl.model.rowCount() == 1)
    assert ctl.model.row_data(0).number == second.number
    jobs.wait_for_all(5000)


def test_the_list_model_passes_the_model_tester(qtbot, clerk, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    customer_id = make_customer(clerk)
    paper = make_product(clerk)
    make_order(clerk, customer_id, (paper.id, "1", "25.00"))
    _view, ctl = _dock(qtbot, clerk)
    qtbot.waitUntil(lambda: ctl.model.rowCount() == 1)
    qtmodeltester.check(ctl.model)
    qtmodeltester.check(ctl.lines)


def test_a_product_is_added_in_the_product_form_and_found_in_the_list(qtbot, clerk) -> None:  # type: ignore[no-untyped-def]
    from erpdesk.ui.docks.order_grid.products import ProductsDialog

    dialog = ProductsDialog(clerk)
    qtbot.addWidget(dialog)
    dialog.name.setText("得力 订书机")
    dialog.unit.setText("个")
    dialog.price.setText("18.00")
    dialog.barcodes.setText("6901234567892")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.code.text() == "SP00001"
    assert clerk.products.find("6901234567892")[0].product.name == "得力 订书机"
    dialog.new_product()
    dialog.name.setText("坏条码")
    dialog.barcodes.setText("6901234567891")
    dialog.save()
    qtbot.waitUntil(lambda: "6901234567891" in dialog.message.text())


def test_the_customer_orders_panel_shows_history_and_totals(qtbot, clerk) -> None:  # type: ignore[no-untyped-def]
    from erpdesk.ui.docks.order_grid.history import CustomerOrdersPanel

    mine, other = make_customer(clerk), make_customer(clerk, "北京远方科技有限公司")
    paper = make_product(clerk)
    first = make_order(clerk, mine, (paper.id, "2", "25.00"))
    clerk.orders.deliver(*_confirm(clerk, first))
    make_order(clerk, mine, (paper.id, "1", "25.00"))
    make_order(clerk, other, (paper.id, "9", "25.00"))
    panel = CustomerOrdersPanel(clerk)
    qtbot.addWidget(panel)
    panel.set_customer(mine)
    qtbot.waitUntil(lambda: panel.totals.text() != "")
    assert panel.model.rowCount() == 2
    assert panel.totals.text() == (
        "2 orders, total ¥75.00, delivered ¥50.00, undelivered ¥0.00, receivable ¥50.00"
    )
    qtmodel_rows = [panel.model.row_data(r).number for r in range(2)]
    assert qtmodel_rows == ["XS20250503-0002", "XS20250503-0001"]


def _confirm(services, order):  # type: ignore[no-untyped-def]
    done = services.orders.confirm(order.id, order.version)
    return done.id, done.version


def test_a_manager_approves_a_pending_order_in_the_dock(
    qtbot,
    clerk,
    sqlite_db,
    clock,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from erpdesk.ui.docks.order_grid.dialogs import ReasonDialog

    manager = services_for(sqlite_db, clock, Role.MANAGER, name="boss.zhao")
    customer_id = make_customer(clerk, limit=D(100))
    manager.credit.set_policy(CreditMode.APPROVE, customer_id=customer_id)
    paper = make_product(clerk, price="80.00")
    draft = make_order(clerk, customer_id, (paper.id, "2", "80.00"))
    pending = clerk.orders.submit(draft.id, draft.version, "急单")
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, parent, title: "已确认付款"))
    view, ctl = _dock(qtbot, manager)
    ctl.open(pending.id)
    qtbot.waitUntil(lambda: ctl.order is not None and view.approve_button.isEnabled())
    view.approve_button.click()
    qtbot.waitUntil(lambda: ctl.order.status is OrderStatus.CONFIRMED)
    clerk_view, _clerk_ctl = _dock(qtbot, clerk)
    assert not clerk_view.approve_button.isVisibleTo(clerk_view)
