"""Wiring of the order dock: the filtered order list, the customer picker, product lookups, the live
credit line, and save / confirm / deliver / reopen / cancel through the services.

Every service call runs off the GUI thread (``jobs.run_query`` for reads, ``jobs.run_command`` for
writes); replies that arrive after a newer request are dropped. The credit ladder is the service's:
a ``ConfirmRequired`` opens the credit dialog and the call is repeated with the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence

from erpdesk.domain.errors import DomainError
from erpdesk.domain.money import format_money
from erpdesk.domain.orders import Action, OrderStatus, allowed
from erpdesk.domain.permissions import Permission
from erpdesk.services.errors import ConfirmRequired
from erpdesk.services.order_dto import (
    Approver,
    CreditView,
    CustomerDefaults,
    OrderDetail,
    OrderFilter,
    OrderInput,
    OrderRow,
    OrderSaved,
    ProductHit,
)
from erpdesk.ui import jobs
from erpdesk.ui.docks.order_grid.columns import order_columns, status_names
from erpdesk.ui.docks.order_grid.dialogs import CreditDialog, ReasonDialog
from erpdesk.ui.docks.order_grid.lines_model import PRODUCT, OrderLinesModel
from erpdesk.ui.docks.order_grid.products import ProductsDialog
from erpdesk.ui.docks.order_grid.view import OrderGridView
from erpdesk.ui.events import AppEvents
from erpdesk.ui.models import IdListTableModel
from erpdesk.ui.prompts import Prompts, error_text
from erpdesk.ui.widgets.customer_picker import CustomerPicker
from erpdesk.ui.widgets.shortcuts import dock_shortcuts

WATCHED = frozenset({"sales_order", "delivery", "receivable_item"})
LEVEL_COLOURS = {"ok": "", "near": "color: #b26a00", "over": "color: #c62828"}


class OrderGridController(QObject):
    """Drives an ``OrderGridView`` over ``services.orders``, ``products``, ``customers``, ``credit``."""

    def __init__(self, services: Any, view: OrderGridView) -> None:
        super().__init__(view)
        self._services = services
        self._actor = services.actor
        self.view = view
        self.statuses = status_names()
        self.columns = order_columns()
        self.model: IdListTableModel[OrderRow] = IdListTableModel(
            self.columns,
            services.orders.rows,
            muted=lambda row: row.status is OrderStatus.CANCELLED,
            parent=self,
        )
        view.list.setModel(self.model)
        for number, spec in enumerate(self.columns):
            view.list.setColumnWidth(number, spec.width)
        self.lines = OrderLinesModel(self)
        view.lines.setModel(self.lines)
        for column, width in enumerate((110, 200, 50, 70, 100, 70, 60, 100, 150)):
            view.lines.setColumnWidth(column, width)
        self.picker = CustomerPicker(services, view.customer)

        self.order: OrderDetail | None = None
        self.customer: CustomerDefaults | None = None
        self.credit: CreditView | None = None
        self.last_job: jobs.Job | None = None
        self._list_generation = 0
        self._pending_lookups = 0
        self._credit_timer = QTimer(self)
        self._credit_timer.setSingleShot(True)
        self._credit_timer.setInterval(250)
        self._credit_timer.timeout.connect(self.refresh_credit)

        self._fill_filters()
        self._wire()
        self.new_order()
        self.refresh()

    # ------------------------------------------------------------------ set-up

    def _fill_filters(self) -> None:
        view = self.view
        view.status_filter.addItem(self.tr("(any)"), None)
        for status, name in self.statuses.items():
            view.status_filter.addItem(name, status.value)
        today = self._services.clock.today()
        view.date_from.setDate(_qdate(today - timedelta(days=90)))
        view.date_to.setDate(_qdate(today))

    def _wire(self) -> None:
        view = self.view
        view.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        view.date_from.dateChanged.connect(lambda _d: self.refresh())
        view.date_to.dateChanged.connect(lambda _d: self.refresh())
        view.only_customer.toggled.connect(lambda _on: self.refresh())
        view.number_search.textChanged.connect(lambda _t: self.refresh())
        view.list.doubleClicked.connect(lambda _i: self.open_current())
        view.list.activated.connect(lambda _i: self.open_current())
        view.new_button.clicked.connect(self.new_order)
        view.products_button.clicked.connect(self.open_products)
        view.export_button.clicked.connect(lambda: self.export())
        view.export_button.setEnabled(self._actor.may(Permission.EXPORT))
        self.picker.picked.connect(self.pick_customer)
        self.picker.not_found.connect(
            lambda: view.message.setText(self.tr("No active customer matches."))
        )
        self.lines.product_lookup_requested.connect(self._lookup_product)
        self.lines.totals_changed.connect(self._totals_changed)
        view.lines.line_removed.connect(self._totals_changed)
        view.save_button.clicked.connect(lambda: self.save())
        view.confirm_button.clicked.connect(lambda: self.confirm())
        view.deliver_button.clicked.connect(lambda: self.deliver())
        view.reopen_button.clicked.connect(lambda: self.reopen())
        view.cancel_button.clicked.connect(lambda: self.cancel())
        view.approve_button.clicked.connect(lambda: self.approve())
        view.reject_button.clicked.connect(lambda: self.reject())
        dock_shortcuts(
            view,
            [
                (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_N), self.new_order),
                (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_S), self.save),
                (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), self.confirm),
                (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter), self.confirm),
                (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_D), self.deliver),
                (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_P), self.open_products),
            ],
        )
        may_order = self._actor.may(Permission.CREATE_ORDER)
        for button in (view.new_button, view.save_button, view.confirm_button, view.deliver_button):
            button.setVisible(may_order)
        view.cancel_button.setVisible(may_order)
        view.reopen_button.setVisible(may_order and self._actor.may(Permission.OVERRIDE_CREDIT))
        may_approve = self._actor.may(Permission.OVERRIDE_CREDIT)
        view.approve_button.setVisible(may_approve)
        view.reject_button.setVisible(may_approve)
        AppEvents.instance().changed.connect(self._changed)

    # ------------------------------------------------------------------ the list

    def current_filter(self) -> OrderFilter:
        view = self.view
        status = view.status_filter.currentData()
        customer_id = (
            self.customer.customer_id
            if view.only_customer.isChecked() and self.customer is not None
            else None
        )
        return OrderFilter(
            customer_id=customer_id,
            status=OrderStatus(status) if status else None,
            date_from=view.date_from.date().toPython(),  # type: ignore[arg-type]
            date_to=view.date_to.date().toPython(),  # type: ignore[arg-type]
            number_prefix=view.number_search.text(),
        )

    def refresh(self) -> jobs.Job:
        """Re-run the list query; the selected order stays selected when still listed."""
        self._list_generation += 1
        generation = self._list_generation
        keep = self.current_list_id()
        filter_ = self.current_filter()
        orders = self._services.orders
        self.last_job = jobs.run_query(
            self.view,
            lambda: orders.search_ids(filter_),
            lambda ids: self._show_ids(generation, ids, keep),
        )
        if filter_.customer_id is not None:
            customer_id = filter_.customer_id
            jobs.run_query(
                self.view, lambda: orders.customer_totals(customer_id), self._show_customer_totals
            )
        else:
            self.view.customer_totals.clear()
        return self.last_job

    def _show_ids(self, generation: int, ids: Any, keep: int | None) -> None:
        if generation != self._list_generation:
            return
        self.model.set_ids(ids)
        self.view.count.setText(self.tr("{0} orders").format(len(ids)))
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            index = self.model.index(row, 0)
            self.view.list.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _show_customer_totals(self, totals: Any) -> None:
        self.view.customer_totals.setText(
            self.tr("{0} orders, total {1}, delivered {2}, undelivered {3}, receivable {4}").format(
                totals.orders,
                format_money(totals.total),
                format_money(totals.delivered),
                format_money(totals.undelivered),
                format_money(totals.open_receivables),
            )
        )

    def export(self, target: Path | None = None) -> jobs.Job | None:
        """The orders the list shows (same filter, visible columns) to Excel, in the background."""
        from erpdesk.ui.docks.order_grid.export import export_orders

        return export_orders(self, target)

    def current_list_id(self) -> int | None:
        index = self.view.list.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def open_current(self) -> None:
        order_id = self.current_list_id()
        if order_id is not None:
            self.open(order_id)

    def open(self, order_id: int) -> jobs.Job:
        orders = self._services.orders
        self.last_job = jobs.run_query(self.view, lambda: orders.get(order_id), self._show_order)
        return self.last_job

    def _changed(self, changes: Mapping[str, Any]) -> None:
        if WATCHED & changes.keys():
            ids = [int(i) for i in changes.get("sales_order", ()) if str(i).isdigit()]
            self.model.invalidate(ids)
            self.refresh()

    # ------------------------------------------------------------------ the editor

    def new_order(self) -> None:
        """An empty draft with one empty line; the cursor goes to the customer."""
        self.order = None
        self.customer = None
        self.credit = None
        view = self.view
        view.number.setText(self.tr("(new)"))
        view.status.setText(self.statuses[OrderStatus.DRAFT])
        for edit in (view.customer, view.contact, view.phone, view.address, view.notes):
            edit.clear()
        view.customer_name.clear()
        view.salesperson.clear()
        view.terms.setValue(0)
        view.delivery_date.setDate(view.delivery_date.minimumDate())
        view.credit.clear()
        view.message.clear()
        self.lines.read_only = False
        self.lines.set_lines([])
        self.lines.add_line()
        self._update_buttons()
        view.customer.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_order(self, detail: OrderDetail) -> None:
        self.order = detail
        view = self.view
        view.number.setText(detail.number)
        view.status.setText(self.statuses[detail.status])
        view.customer.setText(detail.customer_code)
        view.customer_name.setText(detail.customer_name)
        view.contact.setText(detail.contact)
        view.phone.setText(detail.phone)
        view.address.setText(detail.address)
        view.salesperson.setText(detail.salesperson)
        view.terms.setValue(detail.payment_terms_days)
        view.delivery_date.setDate(
            _qdate(detail.delivery_date)
            if detail.delivery_date
            else view.delivery_date.minimumDate()
        )
        view.notes.setText(detail.notes)
        view.message.clear()
        self.customer = CustomerDefaults(
            customer_id=detail.customer_id,
            code=detail.customer_code,
            name=detail.customer_name,
            active=True,
            contact=detail.contact,
            phone=detail.phone,
            address=detail.address,
            salesperson_id=detail.salesperson_id,
            salesperson=detail.salesperson,
            settlement_method=detail.settlement_method,
            payment_terms_days=detail.payment_terms_days,
        )
        self.lines.read_only = detail.status is not OrderStatus.DRAFT
        self.lines.load(detail.lines)
        self._update_buttons()
        self._credit_timer.start()

    def _update_buttons(self) -> None:
        status = self.order.status if self.order else OrderStatus.DRAFT
        view = self.view
        view.save_button.setEnabled(status is OrderStatus.DRAFT)
        view.confirm_button.setEnabled(status is OrderStatus.DRAFT)
        view.deliver_button.setEnabled(self.order is not None and allowed(status, Action.DELIVER))
        view.reopen_button.setEnabled(self.order is not None and allowed(status, Action.REOPEN))
        view.cancel_button.setEnabled(self.order is not None and allowed(status, Action.CANCEL))
        view.approve_button.setEnabled(status is OrderStatus.PENDING)
        view.reject_button.setEnabled(status is OrderStatus.PENDING)

    # ------------------------------------------------------------------ customer

    def pick_customer(self, customer_id: int) -> jobs.Job:
        """Fill contact, phone, address, salesperson and terms from the customer, then go to the
        lines."""
        orders = self._services.orders
        self.last_job = jobs.run_query(
            self.view, lambda: orders.customer_defaults(customer_id), self._customer_picked
        )
        return self.last_job

    def _customer_picked(self, defaults: CustomerDefaults) -> None:
        self.customer = defaults
        view = self.view
        view.customer.setText(defaults.code)
        view.customer_name.setText(defaults.name)
        view.contact.setText(defaults.contact)
        view.phone.setText(defaults.phone)
        view.address.setText(defaults.address)
        view.salesperson.setText(defaults.salesperson)
        view.terms.setValue(defaults.payment_terms_days)
        view.message.clear()
        if view.only_customer.isChecked():
            self.refresh()
        self.refresh_credit()
        view.lines.setFocus(Qt.FocusReason.OtherFocusReason)
        row = max(0, len(self.lines.lines) - 1)
        view.lines.go_to(row, PRODUCT)

    # ------------------------------------------------------------------ lines

    def _lookup_product(self, row: int, text: str) -> None:
        products = self._services.products
        self._pending_lookups += 1

        def done(hits: tuple[ProductHit, ...]) -> None:
            self._pending_lookups -= 1
            if hits:
                self.lines.set_product(row, hits[0].product, hits[0].pack_qty)
                self.view.message.clear()
            else:
                message = self.tr("No product {0}.").format(text)
                self.lines.mark_unknown(row, message)
                self.view.message.setText(message)

        def failed(exc: BaseException) -> None:
            self._pending_lookups -= 1
            self.view.message.setText(error_text(exc))

        self.last_job = jobs.run_query(
            self.view, lambda: products.find(text, limit=1), done, failed
        )

    def lookups_pending(self) -> bool:
        return self._pending_lookups > 0

    def _totals_changed(self) -> None:
        total = self.lines.total()
        self.view.totals.setText(self.tr("Total {0}").format(format_money(total)))
        self._credit_timer.start()

    def refresh_credit(self) -> None:
        if self.customer is None:
            self.view.credit.clear()
            return
        customer_id = self.customer.customer_id
        total = self.lines.total()
        exclude = self.order.id if self.order else None
        credit = self._services.credit
        jobs.run_query(
            self.view,
            lambda: credit.view(customer_id, total, exclude_order_id=exclude),
            self._show_credit,
        )

    def _show_credit(self, view: CreditView) -> None:
        self.credit = view
        if view.available is None:
            text = self.tr("Receivable {0} · undelivered {1} · credit not controlled").format(
                format_money(view.open_receivables), format_money(view.undelivered)
            )
        else:
            text = self.tr("Limit {0} · receivable {1} · undelivered {2} · available {3}").format(
                format_money(view.limit),
                format_money(view.open_receivables),
                format_money(view.undelivered),
                format_money(view.available),
            )
        if view.overdue > 0:
            text += self.tr(" · overdue {0}").format(format_money(view.overdue))
        self.view.credit.setText(text)
        self.view.credit.setStyleSheet(LEVEL_COLOURS.get(view.level, ""))

    # ------------------------------------------------------------------ commands

    def draft(self) -> OrderInput:
        view = self.view
        delivery = view.delivery_date.date()
        return OrderInput(
            id=self.order.id if self.order else None,
            version=self.order.version if self.order else None,
            customer_id=self.customer.customer_id if self.customer else None,
            delivery_date=None
            if delivery == view.delivery_date.minimumDate()
            else delivery.toPython(),  # type: ignore[arg-type]
            contact=view.contact.text().strip(),
            phone=view.phone.text().strip(),
            address=view.address.text().strip(),
            salesperson_id=self.customer.salesperson_id if self.customer else None,
            payment_terms_days=view.terms.value(),
            notes=view.notes.text().strip(),
            lines=self.lines.inputs(),
        )

    def save(self, then: Callable[[OrderSaved], None] | None = None) -> jobs.Job | None:
        """Save the draft (Ctrl+S); ``then`` runs after a successful save."""
        if self.order is not None and self.order.status is not OrderStatus.DRAFT:
            if then is not None:
                then(_saved_of(self.order))
            return None
        orders = self._services.orders
        draft = self.draft()

        def done(saved: OrderSaved) -> None:
            self._reload(saved, then)

        self.last_job = jobs.run_command(self.view, lambda: orders.save(draft), done, self._failed)
        return self.last_job

    def _reload(self, saved: OrderSaved, then: Callable[[OrderSaved], None] | None) -> None:
        orders = self._services.orders

        def shown(detail: OrderDetail) -> None:
            self._show_order(detail)
            if then is not None:
                then(saved)

        self.last_job = jobs.run_query(self.view, lambda: orders.get(saved.id), shown)

    def confirm(self) -> jobs.Job | None:
        """Save if needed, then confirm (Ctrl+Enter); the credit dialog opens when the service asks."""
        return self.save(then=lambda saved: self._confirm(saved, frozenset(), "", None))

    def _confirm(
        self, saved: OrderSaved, ack: frozenset[str], reason: str, approver: Approver | None
    ) -> None:
        orders = self._services.orders

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ConfirmRequired):
                self._ask_credit(saved, exc)
            else:
                self._failed(exc)

        self.last_job = jobs.run_command(
            self.view,
            lambda: orders.confirm(
                saved.id, saved.version, ack=ack, reason=reason, approver=approver
            ),
            lambda done: self._reload(done, None),
            failed,
        )

    def _ask_credit(self, saved: OrderSaved, exc: ConfirmRequired) -> None:
        answer = CreditDialog.ask(
            self.view, exc.key, error_text(exc), self._actor.may(Permission.OVERRIDE_CREDIT)
        )
        if answer is None:
            return
        if answer.choice == "submit":
            orders = self._services.orders
            self.last_job = jobs.run_command(
                self.view,
                lambda: orders.submit(saved.id, saved.version, answer.reason),
                lambda done: self._reload(done, None),
                self._failed,
            )
            return
        approver = (
            Approver(username=answer.approver, password=answer.password)
            if answer.choice == "approve" and answer.approver
            else None
        )
        self._confirm(saved, frozenset({exc.key}), answer.reason, approver)

    def deliver(self) -> jobs.Job | None:
        """Deliver everything still open (Ctrl+D) after asking."""
        order = self.order
        if order is None or not allowed(order.status, Action.DELIVER):
            return None
        if not Prompts.ask(
            self.view,
            self.tr("Deliver"),
            self.tr("Post a delivery note for everything still open on {0}?").format(order.number),
        ):
            return None
        return self._deliver(order, frozenset(), "", None)

    def _deliver(
        self, order: OrderDetail, ack: frozenset[str], reason: str, approver: Approver | None
    ) -> jobs.Job:
        orders = self._services.orders

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, ConfirmRequired):
                self._failed(exc)
                return
            answer = CreditDialog.ask(
                self.view,
                exc.key,
                error_text(exc),
                self._actor.may(Permission.OVERRIDE_CREDIT),
                allow_submit=False,
            )
            if answer is None or answer.choice == "submit":
                return
            who = (
                Approver(username=answer.approver, password=answer.password)
                if answer.choice == "approve" and answer.approver
                else None
            )
            self._deliver(order, frozenset({exc.key}), answer.reason, who)

        self.last_job = jobs.run_command(
            self.view,
            lambda: orders.deliver(
                order.id, order.version, ack=ack, reason=reason, approver=approver
            ),
            lambda done: self._reload(done, None),
            failed,
        )
        return self.last_job

    def reopen(self) -> jobs.Job | None:
        return self._with_reason(self.tr("Reopen order"), "reopen")

    def cancel(self) -> jobs.Job | None:
        return self._with_reason(self.tr("Cancel order"), "cancel")

    def approve(self) -> jobs.Job | None:
        return self._with_reason(self.tr("Approve order"), "approve")

    def reject(self) -> jobs.Job | None:
        return self._with_reason(self.tr("Reject order"), "reject")

    def _with_reason(self, title: str, method: str) -> jobs.Job | None:
        order = self.order
        if order is None:
            return None
        reason = ReasonDialog.ask(self.view, title)
        if reason is None:
            return None
        call = getattr(self._services.orders, method)
        self.last_job = jobs.run_command(
            self.view,
            lambda: call(order.id, order.version, reason),
            lambda done: self._reload(done, None),
            self._failed,
        )
        return self.last_job

    def open_products(self) -> None:
        """The product list and form (Ctrl+P)."""
        ProductsDialog.show_for(self._services, self.view)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.view.message.setText(error_text(exc))
        else:
            Prompts.show_error(self.view, self.tr("Orders"), error_text(exc))


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _saved_of(detail: OrderDetail) -> OrderSaved:
    return OrderSaved(
        id=detail.id,
        number=detail.number,
        version=detail.version,
        status=detail.status,
        total=detail.total,
    )
