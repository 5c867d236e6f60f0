"""Factory of the stocktake dock's content, called by the main window when the dock first shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from erpdesk.ui.docks.stocktake.controller import StocktakeController
from erpdesk.ui.docks.stocktake.view import StocktakeDockView


def build(services: Any, parent: QWidget | None = None) -> StocktakeDockView:
    """The stocktake view with its controller attached as ``view.controller``."""
    view = StocktakeDockView(parent)
    view.controller = StocktakeController(services, view)  # type: ignore[attr-defined]
    return view
