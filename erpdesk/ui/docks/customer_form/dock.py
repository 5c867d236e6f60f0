"""Factory of the customer form dock's content, called by the main window when the dock first shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from erpdesk.ui.docks.customer_form.controller import CustomerFormController
from erpdesk.ui.docks.customer_form.view import CustomerFormView


def build(services: Any, parent: QWidget | None = None) -> CustomerFormView:
    """The form view with its controller attached as ``view.controller``.

    The main window may call ``view.controller.can_leave()`` before it closes, so unsaved changes
    are asked about there too.
    """
    view = CustomerFormView(parent)
    view.controller = CustomerFormController(services, view)  # type: ignore[attr-defined]
    return view
