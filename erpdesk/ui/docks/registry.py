"""The five docks of the main window: object name, title, default place, owning issue, and factory.

The main window builds one ``QDockWidget`` per ``DockSpec``. A dock whose module is not built yet has
no factory and shows a plain "not built yet" text. When a module lands, its issue sets ``factory`` on
its line below to a function ``factory(services, parent) -> QWidget`` (imported lazily inside
``_factory`` so start-up stays fast). Object names are stable ASCII and never translated: saved
layouts refer to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from erpdesk.services.container import Services

DockFactory = Callable[["Services", "QWidget"], "QWidget"]

CONTEXT = "Docks"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (context ``context``); it is translated when the dock is built."""
    return text


@dataclass(frozen=True, slots=True)
class DockSpec:
    """One dock: ``title`` is the English source text, translated in context ``Docks`` when shown."""

    object_name: str
    title: str
    area: Qt.DockWidgetArea
    issue: int
    factory: DockFactory | None = None

    def translated_title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)


def _factory(path: str) -> DockFactory:
    """``"package.module:function"`` → a factory that imports the module only when the dock is built."""
    module_name, _, name = path.partition(":")

    def build(services: Services, parent: QWidget) -> QWidget:
        function: Any = getattr(import_module(module_name), name)
        widget: QWidget = function(services, parent)
        return widget

    return build


_LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
_RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
_BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea

DOCKS: tuple[DockSpec, ...] = (
    DockSpec(
        "customerListDock",
        QT_TRANSLATE_NOOP("Docks", "Customers"),
        _LEFT,
        3,
        _factory("erpdesk.ui.docks.customer_list.dock:build"),
    ),
    DockSpec(
        "customerFormDock",
        QT_TRANSLATE_NOOP("Docks", "Customer details"),
        _RIGHT,
        3,
        _factory("erpdesk.ui.docks.customer_form.dock:build"),
    ),
    DockSpec(
        "orderGridDock",
        QT_TRANSLATE_NOOP("Docks", "Orders"),
        _BOTTOM,
        6,
        _factory("erpdesk.ui.docks.order_grid.dock:build"),
    ),
    DockSpec(
        "settlementDock",
        QT_TRANSLATE_NOOP("Docks", "Settlement"),
        _BOTTOM,
        7,
        _factory("erpdesk.ui.docks.settlement.dock:build"),
    ),
    DockSpec(
        "stocktakeDock",
        QT_TRANSLATE_NOOP("Docks", "Stocktake"),
        _BOTTOM,
        9,
        _factory("erpdesk.ui.docks.stocktake.dock:build"),
    ),
    DockSpec(
        "receivablesDock",
        QT_TRANSLATE_NOOP("Docks", "Receivables"),
        _BOTTOM,
        8,
        _factory("erpdesk.ui.docks.receivables.dock:build"),
    ),
)
"""Example of a built dock: ``DockSpec("customerListDock", ..., 3, _factory("erpdesk.ui.docks.customer_list.dock:build"))``."""


def spec(object_name: str) -> DockSpec:
    for item in DOCKS:
        if item.object_name == object_name:
            return item
    raise KeyError(object_name)
