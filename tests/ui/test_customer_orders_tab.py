"""The customer form's Orders tab shows that customer's orders and totals, and follows the form."""

from __future__ import annotations

import sys
from pathlib import Path

from customer_ui_support import form_dock

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from order_support import make_customer, make_order, make_product, services_for

from erpdesk.domain.permissions import Role


def test_orders_tab_lists_the_customers_orders_with_totals(qtbot, sqlite_db, clock) -> None:
    services = services_for(sqlite_db, clock, Role.CLERK, Role.MANAGER, name="wang.li")
    hua_xin = make_customer(services, "上海华鑫贸易有限公司")
    other = make_customer(services, "北京远方科技有限公司")
    paper = make_product(services, "A4 复印纸", "25.00", stock="100")
    make_order(services, hua_xin, (paper.id, "4", "25.00"))
    make_order(services, hua_xin, (paper.id, "2", "25.00"))
    make_order(services, other, (paper.id, "1", "25.00"))

    view, controller = form_dock(qtbot, services)
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert tabs[-1] == "Orders"
    panel = view.orders
    controller.open_customer(hua_xin)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: "total ¥150.00" in panel.totals.text())
    assert panel.totals.text().startswith("2 orders")
    controller.open_customer(other)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: panel.totals.text().startswith("1 orders"))
