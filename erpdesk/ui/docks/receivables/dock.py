"""Factory of the Receivables dock's content, called by the main window when the dock first shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from erpdesk.ui.docks.receivables.controller import ReceivablesController
from erpdesk.ui.docks.receivables.view import ReceivablesView


def build(services: Any, parent: QWidget | None = None) -> ReceivablesView:
    """The view with its controller attached as ``view.controller``."""
    view = ReceivablesView(parent)
    view.controller = ReceivablesController(services, view)  # type: ignore[attr-defined]
    return view
