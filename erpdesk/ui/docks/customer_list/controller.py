"""Wiring of the customer list: search as you type, filters and sorting in SQL, keyboard, refresh.

Every query runs in a worker through ``jobs.run_query`` (``search_ids`` for the id list; the model
pulls rows page by page with ``rows``). A result that arrives after a newer query started is dropped.
Writes (deactivate, restore, delete) go through ``jobs.run_command``; the list refreshes itself from
``AppEvents.changed`` and keeps the selected customer selected by id. Opening a customer goes to the
form dock through ``CustomerNavigator``. No SQL, no permission rules of its own: the service decides.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QComboBox

from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Permission
from erpdesk.services.customer_dto import (
    CustomerDetail,
    CustomerFilter,
    CustomerRow,
    CustomerSort,
    CustomerSortKey,
    StatusFilter,
)
from erpdesk.ui import jobs
from erpdesk.ui.docks.customer_form.dialogs import DeactivateDialog, DeleteDialog
from erpdesk.ui.docks.customer_form.navigator import CustomerNavigator
from erpdesk.ui.docks.customer_list.columns import customer_columns
from erpdesk.ui.docks.customer_list.view import CustomerListView
from erpdesk.ui.events import AppEvents
from erpdesk.ui.models import IdListTableModel
from erpdesk.ui.prompts import Prompts, error_text
from erpdesk.ui.widgets import ColumnChooser

WATCHED = frozenset({"customer", "customer_contact", "customer_code_alias", "customer_interaction"})
LOOKUPS = frozenset({"customer_category", "customer_level", "user_account"})


class CustomerListController(QObject):
    """Drives a ``CustomerListView`` over ``services.customers``."""

    def __init__(self, services: Any, view: CustomerListView) -> None:
        super().__init__(view)
        self._services = services
        self._customers = services.customers
        self._actor = services.actor
        self.view = view
        self.columns = customer_columns()
        self.model: IdListTableModel[CustomerRow] = IdListTableModel(
            self.columns,
            self._customers.rows,
            fetch_async=None if self._local_database() else self._fetch_async,
            muted=lambda row: not row.active,
            parent=self,
        )
        view.table.setModel(self.model)
        self.chooser = ColumnChooser(view.table, self.columns, "customer_list")
        self._query = ""
        self._sort = CustomerSort()
        self._generation = 0
        self._open_when_loaded = False
        self.last_job: jobs.Job | None = None
        self.loaded_generation = 0

        keys = [c.key for c in self.columns]
        view.table.horizontalHeader().setSortIndicator(
            keys.index("code"), Qt.SortOrder.AscendingOrder
        )
        self._fill_static_filters()
        self._wire()
        self._load_lookups()
        self.refresh()

    # ------------------------------------------------------------------ set-up

    def _local_database(self) -> bool:
        """SQLite pages load in a millisecond; over a PostgreSQL link they load in a worker."""
        return bool(getattr(self._services.database, "is_sqlite", True))

    def _fetch_async(self, ids: Any, done: Any) -> None:
        customers = self._customers
        jobs.run_query(self, lambda: customers.rows(ids), done)

    def _wire(self) -> None:
        view = self.view
        view.search.search_changed.connect(self._search_changed)
        view.search.return_pressed_now.connect(self._search_enter)
        self.model.sort_requested.connect(self._sort_requested)
        for combo in (view.category, view.level, view.region, view.salesperson, view.status):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        view.follow_ups.toggled.connect(lambda _on: self.refresh())
        view.table.doubleClicked.connect(lambda _index: self.open_current())
        view.new_button.clicked.connect(self.new_customer)
        view.open_button.clicked.connect(self.open_current)
        view.remove_button.clicked.connect(self.remove_current)
        view.restore_button.clicked.connect(self.restore_current)
        view.labels_button.clicked.connect(lambda: self.print_labels())
        view.table.installEventFilter(self)
        view.search.installEventFilter(self)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for sequence, slot in (
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_N), self.new_customer),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_F), self.focus_search),
        ):
            shortcut = QShortcut(sequence, view)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        may_create = self._actor.may(Permission.CREATE_CUSTOMER)
        view.new_button.setVisible(may_create)
        may_remove = self._actor.may(Permission.DEACTIVATE_CUSTOMER) or self._actor.may(
            Permission.DELETE_CUSTOMER
        )
        view.remove_button.setVisible(may_remove)
        view.restore_button.setVisible(self._actor.may(Permission.DEACTIVATE_CUSTOMER))
        AppEvents.instance().changed.connect(self._changed)

    def _fill_static_filters(self) -> None:
        status = self.view.status
        status.blockSignals(True)
        status.addItem(self.tr("Active"), StatusFilter.ACTIVE.value)
        status.addItem(self.tr("Deactivated"), StatusFilter.INACTIVE.value)
        status.addItem(self.tr("All"), StatusFilter.ALL.value)
        status.blockSignals(False)
        for combo in (self.view.category, self.view.level, self.view.region, self.view.salesperson):
            combo.blockSignals(True)
            combo.addItem(self.tr("(any)"), None)
            combo.blockSignals(False)

    def _load_lookups(self) -> None:
        customers = self._customers

        def fetch() -> tuple[Any, Any, Any, Any]:
            return (
                customers.categories(),
                customers.levels(),
                customers.regions(),
                customers.salespeople(),
            )

        jobs.run_query(self.view, fetch, self._show_lookups)

    def _show_lookups(self, lookups: tuple[Any, Any, Any, Any]) -> None:
        categories, levels, regions, salespeople = lookups
        view = self.view
        self._refill(view.category, [("  " * c.depth + c.name, c.id) for c in categories])
        self._refill(view.level, [(level.name, level.id) for level in levels])
        self._refill(view.region, [(region, region) for region in regions])
        self._refill(view.salesperson, [(p.name, p.id) for p in salespeople])

    def _refill(self, combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if current is not None and index < 0:
            self.refresh()

    # ------------------------------------------------------------------ queries

    def current_filter(self) -> CustomerFilter:
        view = self.view
        return CustomerFilter(
            category_id=view.category.currentData(),
            level_id=view.level.currentData(),
            region=view.region.currentData(),
            salesperson_id=view.salesperson.currentData(),
            status=StatusFilter(view.status.currentData() or StatusFilter.ACTIVE.value),
            follow_ups_due=view.follow_ups.isChecked(),
        )

    def refresh(self, keep_id: int | None = None) -> jobs.Job:
        """Re-run the search; the selected customer (or ``keep_id``) stays selected if still listed."""
        self._generation += 1
        generation = self._generation
        keep = keep_id if keep_id is not None else self.current_id()
        query, filter_, sort = self._query, self.current_filter(), self._sort
        customers = self._customers
        # The first page is a few milliseconds even on a million customers; the full id list takes a
        # few hundred, so the first page is painted at once and the full list swapped in behind it.
        jobs.run_query(
            self.view,
            lambda: customers.first_page(query, filter_, sort),
            lambda rows: self._show_first_page(generation, rows, keep),
        )
        head = self.model.page_size

        def full_list() -> tuple[array[int], dict[int, CustomerRow]]:
            # The full list brings its own first page: on a busy machine it may land before the
            # first-page query, and the rows must not then be fetched a second time.
            ids = customers.search_ids(query, filter_, sort)
            return ids, customers.rows(ids[:head])

        self.last_job = jobs.run_query(
            self.view,
            full_list,
            lambda result: self._show_ids(generation, result[0], result[1], keep),
        )
        return self.last_job

    def _show_first_page(
        self, generation: int, rows: tuple[CustomerRow, ...], keep: int | None
    ) -> None:
        if generation != self._generation or self.loaded_generation == generation:
            return  # a newer query is on its way, or the full list is already shown
        first = {row.id: row for row in rows}
        self.model.set_ids(array("q", first), primed=first)
        self._select_kept(keep)

    def _show_ids(
        self, generation: int, ids: array[int], head: dict[int, CustomerRow], keep: int | None
    ) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        self.model.set_ids(ids, primed=head)
        self.view.count.setText(self.tr("{0} customers").format(len(ids)))
        self._select_kept(keep)
        self.loaded_generation = generation
        if self._open_when_loaded:
            self._open_when_loaded = False
            self.open_current()

    def _select_kept(self, keep: int | None) -> None:
        """Select ``keep`` if it is listed, else the first row (if any)."""
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.select_row(row)

    def select_row(self, row: int) -> None:
        table = self.view.table
        index = self.model.index(row, 0)
        table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def current_id(self) -> int | None:
        index = self.view.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _search_changed(self, text: str) -> None:
        self._query = text
        self.refresh()

    def _search_enter(self) -> None:
        if self.loaded_generation == self._generation:
            self.open_current()
        else:
            self._open_when_loaded = True

    def _sort_requested(self, key: str, descending: bool) -> None:
        self._sort = CustomerSort(key=CustomerSortKey(key), descending=descending)
        self.refresh()

    def _changed(self, changes: Mapping[str, Any]) -> None:
        if LOOKUPS & changes.keys():
            self._load_lookups()
        if WATCHED & changes.keys():
            self.refresh()

    # ------------------------------------------------------------------ actions

    def focus_search(self) -> None:
        self.view.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.search.selectAll()

    def new_customer(self) -> None:
        if self._actor.may(Permission.CREATE_CUSTOMER):
            CustomerNavigator.instance().new(self.view)

    def open_current(self) -> None:
        customer_id = self.current_id()
        if customer_id is not None:
            CustomerNavigator.instance().open(customer_id, self.view)

    def remove_current(self) -> jobs.Job | None:
        """Del: deactivate a customer with history, delete one without, after asking."""
        customer_id = self.current_id()
        if customer_id is None or not self.view.remove_button.isVisibleTo(self.view):
            return None  # the clerk may neither deactivate nor delete
        customers = self._customers
        self.last_job = jobs.run_query(
            self.view, lambda: customers.get(customer_id), self._ask_remove
        )
        return self.last_job

    def _ask_remove(self, detail: CustomerDetail) -> None:
        customers = self._customers
        label = f"{detail.code} {detail.name}"
        if detail.has_history or not self._actor.may(Permission.DELETE_CUSTOMER):
            if not detail.active:
                self._say(self.tr("{0} is already deactivated.").format(label))
                return
            reason = DeactivateDialog.ask(self.view, label)
            if reason is None:
                return
            self.last_job = jobs.run_command(
                self.view,
                lambda: customers.deactivate(detail.id, detail.version, reason),
                on_error=self._failed,
            )
            return
        if not DeleteDialog.ask(self.view, label):
            return
        self.last_job = jobs.run_command(
            self.view,
            lambda: customers.delete(detail.id, detail.version, ack={"delete"}),
            on_error=self._failed,
        )

    def restore_current(self) -> jobs.Job | None:
        customer_id = self.current_id()
        if customer_id is None or not self.view.restore_button.isVisibleTo(self.view):
            return None
        customers = self._customers

        def restore() -> Any:
            detail = customers.get(customer_id)
            return customers.restore(detail.id, detail.version)

        self.last_job = jobs.run_command(self.view, restore, on_error=self._failed)
        return self.last_job

    def print_labels(self) -> Any:
        """Barcode labels (issue 9) for every customer the list shows, in its order."""
        from erpdesk.ui.dialogs.labels import print_labels_for

        customers = self._customers
        query, filter_, sort = self._query, self.current_filter(), self._sort
        return print_labels_for(
            self.view,
            self._services,
            "customers",
            lambda: list(customers.search_ids(query, filter_, sort)),
            suggested="customer-labels.pdf",
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self._say(error_text(exc))
        else:
            Prompts.show_error(self.view, self.tr("Customers"), error_text(exc))

    def _say(self, text: str) -> None:
        Prompts.inform(self.view, self.tr("Customers"), text)

    # ------------------------------------------------------------------ keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.view.table:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if key == Qt.Key.Key_Delete:
                self.remove_current()
                return True
            text = event.text()
            plain = not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            )
            if plain and text and text.isprintable() and not text.isspace():
                self.view.search.setFocus(Qt.FocusReason.OtherFocusReason)
                self.view.search.insert(text)
                return True
        elif watched is self.view.search and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False
