"""``IdListTableModel``: a table over an id list whose rows are fetched a page at a time.

The dock asks a service for the ids (filtered and sorted in SQL) and hands them over with
``set_ids``; ``rowCount`` is ``len(ids)``. A cell on an uncached row loads the page of ``page_size``
ids around it with one ``fetch_rows(ids)`` call, and at most ``max_pages`` pages are kept (least
recently used first out). With ``fetch_async`` the page loads elsewhere (a worker) behind placeholder
cells and ``dataChanged`` fires when it arrives. Sorting is not done here: ``sort()`` only emits
``sort_requested`` so the dock re-queries. The model adapts DTOs; it never queries by itself.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from erpdesk.ui.models.columns import Column

R = TypeVar("R")

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

FetchRows = Callable[[Sequence[int]], Mapping[int, Any]]
FetchAsync = Callable[[Sequence[int], Callable[[Mapping[int, Any]], None]], None]

_Index = QModelIndex | QPersistentModelIndex


class IdListTableModel(QAbstractTableModel, Generic[R]):
    """Rows are ids; row data comes from ``fetch_rows`` page by page and is cached LRU."""

    sort_requested = Signal(str, bool)  # column key, descending
    page_loaded = Signal(int)  # page number

    def __init__(
        self,
        columns: Sequence[Column[R]],
        fetch_rows: FetchRows,
        *,
        fetch_async: FetchAsync | None = None,
        muted: Callable[[R], bool] | None = None,
        page_size: int = 200,
        max_pages: int = 20,
        placeholder: str = "…",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns: tuple[Column[R], ...] = tuple(columns)
        self._fetch_rows = fetch_rows
        self._fetch_async = fetch_async
        self._muted = muted
        self._page_size = page_size
        self._max_pages = max_pages
        self._placeholder = placeholder
        self._ids: Sequence[int] = array("q")
        self._pages: OrderedDict[int, Mapping[int, R]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._muted_brush: QBrush | None = None
        self.fetch_calls = 0

    # ------------------------------------------------------------------ the id list

    @property
    def columns(self) -> tuple[Column[R], ...]:
        return self._columns

    def set_ids(self, ids: Sequence[int], *, primed: Mapping[int, R] | None = None) -> None:
        """Replace the rows; every cached page is dropped.

        ``primed`` holds rows already at hand for the first page (a list paints them before its full
        id list arrives); they are kept as page 0 when those ids start the new list.
        """
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        if primed:
            head = [int(i) for i in ids[: self._page_size]]
            if head and all(i in primed for i in head):
                self._pages[0] = {i: primed[i] for i in head}
        self.endResetModel()

    @property
    def page_size(self) -> int:
        return self._page_size

    def ids(self) -> Sequence[int]:
        return self._ids

    def id_at(self, row: int) -> int | None:
        if 0 <= row < len(self._ids):
            return int(self._ids[row])
        return None

    def row_of(self, row_id: int) -> int | None:
        """The row showing ``row_id`` (a C-speed scan of the id array), or None."""
        try:
            return self._ids.index(row_id)
        except ValueError:
            return None

    def row_data(self, row: int) -> R | None:
        """The DTO on ``row``, loading its page if needed (None while an async page loads)."""
        row_id = self.id_at(row)
        if row_id is None:
            return None
        page = self._page(row // self._page_size)
        return None if page is None else page.get(row_id)

    def cached_pages(self) -> int:
        return len(self._pages)

    def invalidate(self, changed_ids: Iterable[int]) -> None:
        """Forget cached rows for ``changed_ids`` and repaint the rows that show them."""
        wanted = set(changed_ids)
        for number in [n for n, page in self._pages.items() if wanted & page.keys()]:
            del self._pages[number]
            first = number * self._page_size
            last = min(first + self._page_size, len(self._ids)) - 1
            if last >= first and self._columns:
                self.dataChanged.emit(
                    self.index(first, 0), self.index(last, len(self._columns) - 1)
                )

    # ------------------------------------------------------------------ Qt overrides

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._ids) and 0 <= col < len(self._columns)):
            return None
        if role == ID_ROLE:
            return int(self._ids[row])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._columns[col].align)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, ROW_ROLE):
            return None
        page = self._page(row // self._page_size)
        if page is None:
            return self._placeholder if role == Qt.ItemDataRole.DisplayRole else None
        item = page.get(self._ids[row])
        if item is None:  # deleted since the ids were read; the next refresh drops the row
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[col].text(item)
        if role == ROW_ROLE:
            return item
        if self._muted is not None and self._muted(item):
            return self._muted_color()
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self._columns) and self._columns[column].sortable:
            self.sort_requested.emit(
                self._columns[column].key, order == Qt.SortOrder.DescendingOrder
            )

    # ------------------------------------------------------------------ paging

    def _page(self, number: int) -> Mapping[int, R] | None:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        first = number * self._page_size
        ids = [int(i) for i in self._ids[first : first + self._page_size]]
        if self._fetch_async is not None:
            if number not in self._pending:
                self._pending.add(number)
                generation = self._generation
                self._fetch_async(ids, lambda rows: self._async_arrived(generation, number, rows))
            return None
        self.fetch_calls += 1
        rows = self._fetch_rows(ids)
        self._store(number, rows)
        return rows

    def _store(self, number: int, rows: Mapping[int, R]) -> None:
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        self.page_loaded.emit(number)

    def _async_arrived(self, generation: int, number: int, rows: Mapping[int, R]) -> None:
        if generation != self._generation:
            return  # the ids were replaced while the page loaded
        self._pending.discard(number)
        self.fetch_calls += 1
        self._store(number, rows)
        first = number * self._page_size
        last = min(first + self._page_size, len(self._ids)) - 1
        if last >= first and self._columns:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))

    def _muted_color(self) -> QBrush:
        if self._muted_brush is None:
            palette = QApplication.palette()
            self._muted_brush = palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return self._muted_brush
