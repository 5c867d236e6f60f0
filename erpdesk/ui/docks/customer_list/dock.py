"""Factory of the customer list dock's content, called by the main window when the dock first shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from erpdesk.ui.docks.customer_list.controller import CustomerListController
from erpdesk.ui.docks.customer_list.view import CustomerListView


def build(services: Any, parent: QWidget | None = None) -> CustomerListView:
    """The list view with its controller attached as ``view.controller``."""
    view = CustomerListView(parent)
    view.controller = CustomerListController(services, view)  # type: ignore[attr-defined]
    return view
