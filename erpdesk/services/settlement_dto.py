"""Data passed between the settlement service (issue 7) and its callers: drafts, previews, views of
settlements and follow-up rows. Frozen value objects; money is ``Decimal``, dates are dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from erpdesk.domain.settlements import (
    FollowUpKind,
    InvoiceStatus,
    SettlementKind,
    SettlementStatus,
)
from erpdesk.services.dto import Changes
from erpdesk.services.receivables import AllocationInput, AllocationProposal

__all__ = [
    "AllocationInput",
    "AllocationProposal",
    "FollowUpKind",
    "FollowUpRow",
    "InvoiceStatus",
    "SettlementDraft",
    "SettlementKind",
    "SettlementLineView",
    "SettlementPreview",
    "SettlementResult",
    "SettlementStatus",
    "SettlementView",
    "VoucherInput",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class VoucherInput:
    """临时凭证 details, required when the settlement has no invoice."""

    reason: str
    reference_docs: str = ""
    invoice_expected: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class SettlementDraft:
    """What the wizard submits: the receipt, its allocation and the invoice or voucher details.
    ``allocations`` None = FIFO, () = all to the advance; ``receipt_date`` None = today."""

    customer_id: int
    amount: Decimal
    receipt_date: date | None = None
    method: str = "bank_transfer"
    reference: str = ""
    notes: str = ""
    allocations: tuple[AllocationInput, ...] | None = None
    kind: SettlementKind = SettlementKind.WITH_INVOICE
    invoice_numbers: tuple[str, ...] = ()
    voucher: VoucherInput | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SettlementPreview:
    """What submitting would do (nothing saved); ``approval_reasons`` are message ids."""

    proposal: AllocationProposal
    balance_before: Decimal
    balance_after: Decimal
    needs_approval: bool
    approval_reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SettlementLineView:
    """One item the settlement allocates money to."""

    item_id: int
    doc_number: str
    doc_date: date
    due_date: date
    open_before: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class SettlementView:
    """Everything the wizard, the follow-up list and the notice PDF need about one settlement."""

    id: int
    number: str
    voucher_number: str | None
    kind: SettlementKind
    status: SettlementStatus
    invoice_status: InvoiceStatus
    invoice_numbers: tuple[str, ...]
    customer_id: int
    customer_code: str
    customer_name: str
    customer_contact: str
    customer_phone: str
    customer_address: str
    receipt_date: date
    method: str
    reference: str
    notes: str
    amount: Decimal
    allocated: Decimal
    advance: Decimal
    lines: tuple[SettlementLineView, ...]
    voucher_reason: str
    reference_docs: str
    needs_approval: bool
    submitted_by: str
    submitted_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    decision_comment: str
    receipt_id: int | None
    receipt_number: str | None
    notice_sent_on: date | None
    notice_confirmed_on: date | None
    next_action_on: date | None
    follow_up_note: str
    version: int
    reversal_receipt_number: str | None = None
    reversed_on: date | None = None
    reversal_reason: str = ""
    approval_reasons: tuple[str, ...] = ()  # message ids, as in SettlementPreview
    notice_note: str = ""
    posted_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SettlementResult:
    """A settlement after a write, and what the write touched."""

    settlement: SettlementView
    changes: Changes = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUpRow:
    """One thing someone has to chase: an approval, an invoice, a notice or an overdue item."""

    kind: FollowUpKind
    settlement_id: int | None
    item_id: int | None
    customer_id: int
    customer_code: str
    customer_name: str
    document: str
    amount: Decimal
    who: str
    since: date
    next_action_on: date | None
    note: str
