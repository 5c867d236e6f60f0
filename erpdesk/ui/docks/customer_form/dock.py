"""Factory of the customer form dock's content, called by the main window when the dock first shows.

It also puts the customer's order history (from the order dock's module) on an Orders tab, which
follows whichever customer the form shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from erpdesk.ui.docks.customer_form.controller import CustomerFormController
from erpdesk.ui.docks.customer_form.view import CustomerFormView
from erpdesk.ui.docks.order_grid.history import CustomerOrdersPanel


def build(services: Any, parent: QWidget | None = None) -> CustomerFormView:
    """The form view with its controller attached as ``view.controller``.

    The main window may call ``view.controller.can_leave()`` before it closes, so unsaved changes
    are asked about there too.
    """
    view = CustomerFormView(parent)
    controller = CustomerFormController(services, view)
    view.controller = controller  # type: ignore[attr-defined]
    orders = CustomerOrdersPanel(services, view)
    view.tabs.addTab(orders, QCoreApplication.translate("CustomerFormView", "Orders"))
    view.orders = orders  # type: ignore[attr-defined]
    controller.loaded.connect(lambda customer_id: orders.set_customer(customer_id or None))
    return view
