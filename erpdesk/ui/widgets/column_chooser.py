"""``ColumnChooser``: the header's right-click menu that shows or hides grid columns, remembered.

Which columns show, their order and widths are saved in the UI preferences (``ui.prefs``) under the grid's name (the
header's own state plus the hidden column keys, so a column added in a later version still appears)
and restored when the grid is built. Widths come from the column specs, never ResizeToContents.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QPoint, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from erpdesk.ui import prefs
from erpdesk.ui.models.columns import Column


class ColumnChooser:
    """Installs the menu on ``view``'s horizontal header and persists its state as ``name``."""

    def __init__(self, view: QTableView, columns: Sequence[Column[Any]], name: str) -> None:
        self._view = view
        self._columns = tuple(columns)
        self._key = f"grids/{name}"
        header = view.horizontalHeader()
        self._header = header
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)
        for section, column in enumerate(self._columns):
            header.resizeSection(section, column.width)
        self.restore()
        # connected only now, so restoring does not overwrite what it is restoring
        header.sectionResized.connect(lambda *_args: self.save())
        header.sectionMoved.connect(lambda *_args: self.save())

    def visible_keys(self) -> list[str]:
        return [
            column.key
            for section, column in enumerate(self._columns)
            if not self._header.isSectionHidden(section)
        ]

    def set_visible(self, key: str, visible: bool) -> None:
        for section, column in enumerate(self._columns):
            if column.key == key:
                if not visible and len(self.visible_keys()) <= 1:
                    return  # one column always stays, or the header could not be clicked again
                self._header.setSectionHidden(section, not visible)
        self.save()

    def save(self) -> None:
        settings = prefs.settings()
        hidden = [c.key for s, c in enumerate(self._columns) if self._header.isSectionHidden(s)]
        settings.setValue(self._key + "/hidden", hidden)
        settings.setValue(self._key + "/header", self._header.saveState())

    def restore(self) -> None:
        settings = prefs.settings()
        state = settings.value(self._key + "/header")
        if isinstance(state, QByteArray | bytes):
            self._header.restoreState(QByteArray(state))
        hidden = settings.value(self._key + "/hidden")
        if hidden is None:
            hidden_keys = {c.key for c in self._columns if not c.visible}
        elif isinstance(hidden, str):
            hidden_keys = {hidden}
        else:
            hidden_keys = {str(k) for k in hidden}
        for section, column in enumerate(self._columns):
            self._header.setSectionHidden(section, column.key in hidden_keys)
        self._header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _menu(self, pos: QPoint) -> None:
        menu = self.build_menu()
        menu.exec(self._header.mapToGlobal(pos))

    def build_menu(self) -> QMenu:
        menu = QMenu(self._header)
        menu.setObjectName("menu.columns")
        for section, column in enumerate(self._columns):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not self._header.isSectionHidden(section))
            action.setData(column.key)
            action.toggled.connect(lambda on, key=column.key: self.set_visible(key, on))
        return menu
