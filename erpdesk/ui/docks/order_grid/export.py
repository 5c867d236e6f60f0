"""Export of the order list: exactly the orders it shows for its current filter, with the columns
the user sees in the order they see them (a hidden column is left out), in the background."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from erpdesk.ui import jobs
from erpdesk.ui.exporting import run_export

if TYPE_CHECKING:
    from erpdesk.ui.docks.order_grid.controller import OrderGridController


def visible_columns(controller: OrderGridController) -> list[str]:
    """Keys of the list's shown columns, left to right as on screen."""
    header = controller.view.list.horizontalHeader()
    shown = [n for n in range(len(controller.columns)) if not header.isSectionHidden(n)]
    return [controller.columns[n].key for n in sorted(shown, key=header.visualIndex)]


def export_orders(controller: OrderGridController, target: Path | None = None) -> jobs.Job | None:
    """Ask for a file (unless ``target`` is given) and write the listed orders there."""
    services = controller._services
    filter_ = controller.current_filter()
    return run_export(
        controller.view,
        target,
        QCoreApplication.translate("OrderExport", "Export orders"),
        QCoreApplication.translate("OrderExport", "orders {0} to {1}").format(
            filter_.date_from, filter_.date_to
        ),
        QCoreApplication.translate("OrderExport", "Exporting orders…"),
        partial(services.list_exports.orders, filter=filter_, columns=visible_columns(controller)),
    )
