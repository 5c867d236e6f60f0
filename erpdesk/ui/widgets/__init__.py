"""Reusable input widgets: debounced search box, money and code editors, the grid column chooser."""

from __future__ import annotations

from erpdesk.ui.widgets.code_edit import CodeEdit
from erpdesk.ui.widgets.column_chooser import ColumnChooser
from erpdesk.ui.widgets.money_edit import MoneyEdit
from erpdesk.ui.widgets.search_line import SearchLine

__all__ = ["CodeEdit", "ColumnChooser", "MoneyEdit", "SearchLine"]
