"""Reading the wizard's receipt and invoice pages into a ``SettlementDraft``, and splitting typed
invoice numbers (also used by the follow-up list's "Match invoice"). No service calls, no messages.
"""

from __future__ import annotations

import re
from decimal import Decimal

from erpdesk.domain.money import ZERO
from erpdesk.domain.settlements import SettlementKind
from erpdesk.services.settlement_dto import SettlementDraft, VoucherInput
from erpdesk.ui.docks.settlement.allocation_model import AllocationModel
from erpdesk.ui.docks.settlement.wizard_view import WizardView

_SEPARATORS = re.compile(r"[\s,，;；、]+")


def split_numbers(text: str) -> tuple[str, ...]:
    """Invoice numbers typed with commas, spaces or Chinese separators, in order, no repeats."""
    return tuple(dict.fromkeys(part for part in _SEPARATORS.split(text) if part))


def amount_of(view: WizardView) -> Decimal:
    """The amount received as typed (0 while empty)."""
    return view.receipt_page.amount.value() or ZERO


def kind_of(view: WizardView) -> SettlementKind:
    if view.invoice_page.with_invoice.isChecked():
        return SettlementKind.WITH_INVOICE
    return SettlementKind.WITHOUT_INVOICE


def read_draft(view: WizardView, customer_id: int, allocations: AllocationModel) -> SettlementDraft:
    """The settlement the pages describe now, with the allocation grid's amounts."""
    receipt, invoice = view.receipt_page, view.invoice_page
    kind = kind_of(view)
    return SettlementDraft(
        customer_id=customer_id,
        amount=amount_of(view),
        receipt_date=receipt.receipt_date.date().toPython(),  # type: ignore[arg-type]
        method=str(receipt.method.currentData()),
        reference=receipt.reference.text().strip(),
        notes=receipt.notes.text().strip(),
        allocations=allocations.inputs(),
        kind=kind,
        invoice_numbers=split_numbers(invoice.invoice_numbers.text())
        if kind is SettlementKind.WITH_INVOICE
        else (),
        voucher=VoucherInput(
            reason=invoice.reason.currentText().strip(),
            reference_docs=invoice.reference_docs.text().strip(),
            invoice_expected=invoice.invoice_expected.isChecked(),
        )
        if kind is SettlementKind.WITHOUT_INVOICE
        else None,
    )
