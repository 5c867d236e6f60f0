"""Factory of the order dock's content, called by the main window when the dock first shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from erpdesk.ui.docks.order_grid.controller import OrderGridController
from erpdesk.ui.docks.order_grid.view import OrderGridView


def build(services: Any, parent: QWidget | None = None) -> OrderGridView:
    """The order view with its controller attached as ``view.controller``."""
    view = OrderGridView(parent)
    view.controller = OrderGridController(services, view)  # type: ignore[attr-defined]
    return view
