"""Wiring of the settlement wizard: customer → open items → receipt and allocation → invoice or voucher
→ summary → submit → result with the notice PDF.

Every service call runs off the GUI thread (``jobs.run_query`` / ``jobs.run_command``); replies to an
older request are dropped. Nothing is saved before Submit: the allocation grid and the summary come
from ``settlements.preview``. Enter moves through the fields, Ctrl+Enter goes to the next step (and
submits on the summary), Alt+B goes back, Ctrl+N starts again, Ctrl+P saves the notice PDF.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtGui import QKeySequence

from erpdesk.domain.money import format_money
from erpdesk.domain.permissions import Permission
from erpdesk.domain.settlements import SettlementKind, SettlementStatus
from erpdesk.services.receivables import AdvanceView, CustomerBalance, OpenItemView
from erpdesk.services.settlement_dto import (
    SettlementDraft,
    SettlementPreview,
    SettlementResult,
    SettlementView,
)
from erpdesk.ui import jobs
from erpdesk.ui.docks.settlement import labels
from erpdesk.ui.docks.settlement.allocation_model import AllocationModel
from erpdesk.ui.docks.settlement.draft_form import amount_of, kind_of, read_draft, split_numbers
from erpdesk.ui.docks.settlement.keys import EnterMovesOn
from erpdesk.ui.docks.settlement.notice import save_notice
from erpdesk.ui.docks.settlement.result_text import (
    approval_text,
    result_details,
    result_status,
    summary_text,
)
from erpdesk.ui.docks.settlement.wizard_view import (
    CUSTOMER,
    INVOICE,
    ITEMS,
    RECEIPT,
    RESULT,
    SUMMARY,
    WizardView,
)
from erpdesk.ui.events import AppEvents
from erpdesk.ui.prompts import error_text
from erpdesk.ui.widgets.customer_picker import CustomerPicker
from erpdesk.ui.widgets.shortcuts import dock_shortcuts


class WizardController(QObject):
    """Drives a ``WizardView`` over ``services.settlements``, ``receivables`` and ``customers``."""

    def __init__(self, services: Any, view: WizardView) -> None:
        super().__init__(view)
        self._services = services
        self.view = view
        self.may_create = services.actor.may(Permission.CREATE_SETTLEMENT)
        self.customer_id: int | None = None
        self.customer_label = ""
        self.items: tuple[OpenItemView, ...] = ()
        self.preview: SettlementPreview | None = None
        self.result: SettlementView | None = None
        self.last_job: jobs.Job | None = None
        self._proposed_for: Decimal | None = None
        self._proposal_generation = 0
        self._next_after_proposal = False
        self._busy = False

        self.picker = CustomerPicker(services, view.customer_page.customer)
        self.allocations = AllocationModel(self)
        view.receipt_page.allocations.setModel(self.allocations)
        for column, width in enumerate((150, 90, 90, 110, 110)):
            view.receipt_page.allocations.setColumnWidth(column, width)
        self.open_items = view.items_page.item_rows
        self.advances = view.items_page.advance_rows
        self._fill_choices()
        self._wire()
        self.new_settlement()

    # ------------------------------------------------------------------ set-up

    def _fill_choices(self) -> None:
        for value, name in labels.method_names().items():
            self.view.receipt_page.method.addItem(name, value)
        self.view.invoice_page.reason.addItems(labels.voucher_reasons())

    def _wire(self) -> None:
        view = self.view
        receipt, invoice, result = view.receipt_page, view.invoice_page, view.result_page
        self.picker.picked.connect(self.pick_customer)
        self.picker.not_found.connect(
            lambda: view.message.show_error(self.tr("No active customer matches."))
        )
        view.back_button.clicked.connect(self.go_back)
        view.next_button.clicked.connect(self.go_next)
        view.submit_button.clicked.connect(self.submit)
        receipt.amount.editingFinished.connect(self._amount_entered)
        receipt.fifo_button.clicked.connect(lambda: self.propose(force=True))
        receipt.clear_button.clicked.connect(self.allocations.clear_amounts)
        receipt.allocations.finished.connect(self.go_next)
        self.allocations.changed.connect(self._show_totals)
        result.notice_button.clicked.connect(self.save_notice)
        result.new_button.clicked.connect(self.new_settlement)
        self._enter_items = EnterMovesOn(self, (view.items_page.items,), self.go_next)
        self._enter_receipt = EnterMovesOn(
            self,
            (
                receipt.receipt_date,
                receipt.method,
                receipt.reference,
                receipt.amount,
                receipt.notes,
                receipt.allocations,
            ),
            self.go_next,
            own_enter=(receipt.allocations,),
        )
        self._enter_invoice = EnterMovesOn(
            self,
            (
                invoice.invoice_numbers,
                invoice.reason,
                invoice.reference_docs,
                invoice.invoice_expected,
            ),
            self.go_next,
        )
        invoice.with_invoice.toggled.connect(lambda _on: self._invoice_kind_changed())
        dock_shortcuts(
            view,
            [
                (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), self.go_next),
                (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter), self.go_next),
                (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_N), self.new_settlement),
                (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_P), self.save_notice),
                (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_F), lambda: self.propose(force=True)),
            ],
        )
        AppEvents.instance().changed.connect(self._changed)

    # ------------------------------------------------------------------ navigation

    def page(self) -> int:
        return self.view.page()

    def show_page(self, page: int) -> None:
        view = self.view
        view.stack.setCurrentIndex(page)
        view.back_button.setEnabled(CUSTOMER < page < RESULT)
        view.next_button.setVisible(page < SUMMARY)
        view.next_button.setEnabled(page != CUSTOMER or self.customer_id is not None)
        view.submit_button.setVisible(page == SUMMARY)
        view.submit_button.setEnabled(page == SUMMARY and self.may_create)
        focus = {
            CUSTOMER: view.customer_page.customer,
            ITEMS: view.items_page.items,
            RECEIPT: view.receipt_page.amount,
            INVOICE: view.invoice_page.invoice_numbers
            if view.invoice_page.with_invoice.isChecked()
            else view.invoice_page.reason,
            SUMMARY: view.submit_button,
            RESULT: view.result_page.notice_button,
        }[page]
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_next(self) -> None:
        """The next step (Ctrl+Enter); on the summary it submits."""
        if self._busy:
            return
        page = self.page()
        self.view.message.clear_message()
        if page == CUSTOMER:
            if self.customer_id is not None:
                self.show_page(ITEMS)
        elif page == ITEMS:
            self.show_page(RECEIPT)
        elif page == RECEIPT:
            self._leave_receipt()
        elif page == INVOICE:
            self._leave_invoice()
        elif page == SUMMARY:
            self.submit()

    def go_back(self) -> None:
        page = self.page()
        if CUSTOMER < page < RESULT and not self._busy:
            self.view.message.clear_message()
            self.show_page(page - 1)

    def new_settlement(self) -> None:
        """Start again (Ctrl+N): every field empty, the cursor in the customer picker."""
        view = self.view
        self.customer_id, self.customer_label = None, ""
        self.items, self.preview, self.result = (), None, None
        self._proposed_for, self._next_after_proposal, self._busy = None, False, False
        view.customer_page.customer.clear()
        view.customer_page.customer.setEnabled(self.may_create)
        view.customer_page.customer_name.clear()
        receipt = view.receipt_page
        receipt.receipt_date.setDate(QDate(self._services.clock.today()))
        receipt.method.setCurrentIndex(0)
        for edit in (receipt.reference, receipt.amount, receipt.notes):
            edit.clear()
        self.allocations.set_items(())
        invoice = view.invoice_page
        invoice.with_invoice.setChecked(True)
        invoice.invoice_numbers.clear()
        invoice.known_invoices.clear()
        invoice.reason.setCurrentIndex(-1)
        invoice.reason.setEditText("")
        invoice.reference_docs.clear()
        invoice.invoice_expected.setChecked(True)
        view.message.clear_message()
        if not self.may_create:
            view.message.show_note(self.tr("You may look at settlements but not enter them."))
        self.show_page(CUSTOMER)

    # ------------------------------------------------------------------ customer

    def pick_customer(self, customer_id: int) -> jobs.Job | None:
        """Load the customer's open items, advances and balance, then show them."""
        if not self.may_create:
            return None
        hit = self.picker.hit(customer_id)
        label = f"{hit.code}  {hit.name}" if hit else ""
        return self.start_for_customer(customer_id, label)

    def start_for_customer(self, customer_id: int, label: str) -> jobs.Job | None:
        """A new settlement for ``customer_id`` (also from the follow-up list's overdue items); not
        while a preview or submit is running, whose reply would then describe the wrong customer."""
        if self._busy:
            return None
        if self.page() == RESULT:
            self.new_settlement()
        receivables = self._services.receivables
        self._busy = True

        def load() -> tuple[Any, ...]:
            return (
                receivables.open_items(customer_id),
                receivables.advances(customer_id),
                receivables.balance(customer_id),
            )

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.view.message.show_error(error_text(exc))

        self.last_job = jobs.run_query(
            self.view,
            load,
            lambda loaded: self._customer_loaded(customer_id, label, *loaded),
            failed,
        )
        return self.last_job

    def _customer_loaded(
        self,
        customer_id: int,
        label: str,
        items: tuple[OpenItemView, ...],
        advances: tuple[AdvanceView, ...],
        balance: CustomerBalance,
    ) -> None:
        self._busy = False
        view = self.view
        changed = customer_id != self.customer_id
        self.customer_id, self.customer_label, self.items = customer_id, label, items
        view.customer_page.customer_name.setText(label)
        view.items_page.show_customer(label, balance, items, advances)
        if changed:
            self.allocations.set_items(items)
            self._proposed_for = None
        view.message.clear_message()
        self.show_page(ITEMS)

    # ------------------------------------------------------------------ receipt and allocation

    def amount(self) -> Decimal:
        return amount_of(self.view)

    def _amount_entered(self) -> None:
        if self.amount() != self._proposed_for:
            self.propose()

    def propose(self, *, force: bool = False) -> jobs.Job | None:
        """Fill the grid with the FIFO proposal for the amount (Ctrl+F); nothing is saved."""
        amount = self.amount()
        if self.customer_id is None or (amount == self._proposed_for and not force):
            return None
        if amount <= 0:
            self.allocations.clear_amounts()
            self._proposed_for = amount
            return None
        self._proposal_generation += 1
        generation = self._proposal_generation
        settlements = self._services.settlements
        draft = SettlementDraft(customer_id=self.customer_id, amount=amount, allocations=None)

        def done(preview: SettlementPreview) -> None:
            if generation != self._proposal_generation:
                return
            self._proposed_for = amount
            self.allocations.apply_proposal(preview.proposal)
            if self._next_after_proposal:
                self._next_after_proposal = False
                self._leave_receipt()

        def failed(exc: BaseException) -> None:
            self._next_after_proposal = False
            self.view.message.show_error(error_text(exc))

        self.last_job = jobs.run_query(self.view, lambda: settlements.preview(draft), done, failed)
        return self.last_job

    def _show_totals(self) -> None:
        allocated = self.allocations.allocated()
        left = self.amount() - allocated
        totals = self.view.receipt_page.totals
        if left < 0:
            totals.setText(
                self.tr("Settled {0} · that is {1} more than received").format(
                    format_money(allocated), format_money(-left)
                )
            )
            totals.setStyleSheet("color: #c62828")
        else:
            totals.setText(
                self.tr("Settled {0} · left as advance {1}").format(
                    format_money(allocated), format_money(left)
                )
            )
            totals.setStyleSheet("")

    def _leave_receipt(self) -> None:
        message = self.view.message
        amount = self.amount()
        if amount <= 0:
            message.show_error(self.tr("Enter the amount received."))
            self.view.receipt_page.amount.setFocus()
            return
        if amount != self._proposed_for:
            self._next_after_proposal = True
            self.propose()
            return
        problems = self.allocations.problems()
        if problems:
            message.show_error(problems[0])
            return
        if self.allocations.allocated() > amount:
            message.show_error(self.tr("More is settled than was received."))
            return
        self.show_page(INVOICE)

    # ------------------------------------------------------------------ invoice and summary

    def _invoice_kind_changed(self) -> None:
        if self.page() == INVOICE:
            self.show_page(INVOICE)

    def draft(self) -> SettlementDraft:
        assert self.customer_id is not None
        return read_draft(self.view, self.customer_id, self.allocations)

    def _leave_invoice(self) -> None:
        invoice = self.view.invoice_page
        message = self.view.message
        if kind_of(self.view) is SettlementKind.WITH_INVOICE:
            if not split_numbers(invoice.invoice_numbers.text()):
                message.show_error(self.tr("Enter the invoice numbers, or choose without invoice."))
                invoice.invoice_numbers.setFocus()
                return
        elif not invoice.reason.currentText().strip():
            message.show_error(self.tr("Give the reason for settling without an invoice."))
            invoice.reason.setFocus()
            return
        self.run_preview()

    def run_preview(self) -> jobs.Job:
        """Ask the service what submitting would do, then show the summary."""
        settlements = self._services.settlements
        draft = self.draft()
        self._busy = True

        def done(preview: SettlementPreview) -> None:
            self._busy = False
            self.preview = preview
            self.view.summary_page.summary.setText(
                summary_text(draft, preview, self.customer_label, self.allocations.rows)
            )
            approval = self.view.summary_page.approval
            approval.setText(approval_text(preview, draft.amount))
            approval.setStyleSheet("color: #b26a00" if preview.needs_approval else "color: #2e7d32")
            self.show_page(SUMMARY)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.view.message.show_error(error_text(exc))

        self.last_job = jobs.run_query(self.view, lambda: settlements.preview(draft), done, failed)
        return self.last_job

    def submit(self) -> jobs.Job | None:
        """Submit the settlement: it posts, or waits for approval."""
        if self.page() != SUMMARY or self._busy or not self.may_create:
            return None
        settlements = self._services.settlements
        draft = self.draft()
        self._busy = True

        def done(result: SettlementResult) -> None:
            self._busy = False
            self.show_result(result.settlement)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.view.message.show_error(error_text(exc))

        self.last_job = jobs.run_command(self.view, lambda: settlements.submit(draft), done, failed)
        return self.last_job

    # ------------------------------------------------------------------ result

    def show_result(self, settlement: SettlementView) -> None:
        self.result = settlement
        page = self.view.result_page
        page.status.setText(result_status(settlement))
        colour = {
            SettlementStatus.POSTED: "color: #2e7d32",
            SettlementStatus.PENDING_APPROVAL: "color: #b26a00",
            SettlementStatus.REJECTED: "color: #c62828",
        }.get(settlement.status, "")
        page.status.setStyleSheet(colour)
        page.details.setText(result_details(settlement))
        self.view.message.clear_message()
        self.show_page(RESULT)

    def open_settlement(self, settlement_id: int) -> jobs.Job:
        """Show a saved settlement on the result page (from the follow-up and approval lists)."""
        settlements = self._services.settlements
        self.last_job = jobs.run_query(
            self.view,
            lambda: settlements.get(settlement_id),
            self.show_result,
            lambda exc: self.view.message.show_error(error_text(exc)),
        )
        return self.last_job

    def save_notice(self) -> jobs.Job | None:
        """The settlement notice PDF (Ctrl+P): save dialog, written off the GUI thread, then opened."""
        if self.result is None or self.page() != RESULT:
            return None
        job = save_notice(
            self.view,
            self._services,
            self.result.id,
            self.result.number,
            on_saved=lambda path: self.view.message.show_note(
                self.tr("Notice saved: {0}").format(path)
            ),
            on_error=lambda exc: self.view.message.show_error(error_text(exc)),
        )
        if job is not None:
            self.last_job = job
        return job

    def _changed(self, changes: Mapping[str, Any]) -> None:
        if self.result is None or self.page() != RESULT:
            return
        if str(self.result.id) in changes.get("settlement", ()):
            self.open_settlement(self.result.id)
