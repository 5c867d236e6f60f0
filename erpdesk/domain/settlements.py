"""Settlement rules (结算, issue 7), pure: kinds, states, invoice states, follow-up kinds, when a
settlement needs approval and which state changes are allowed. No I/O.

A settlement wraps one receipt (收款) and its allocations (核销). With an invoice it links invoice
numbers; without one it carries a temporary voucher (临时凭证). A voucher always needs approval, and so
does any settlement above the company's threshold. Nothing posts before it is approved.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from erpdesk.domain.errors import DomainError

DEFAULT_THRESHOLD = Decimal("50000.00")
REASON_MAX = 200
REFERENCE_DOCS_MAX = 200
COMMENT_MAX = 500
NOTE_MAX = 200


class SettlementKind(StrEnum):
    """With an invoice (发票) or without (临时凭证)."""

    WITH_INVOICE = "with_invoice"
    WITHOUT_INVOICE = "without_invoice"


class SettlementStatus(StrEnum):
    """Life of a settlement; APPROVED is transient because approving posts at once."""

    PENDING_APPROVAL = "pending_approval"
    APPROVED = "approved"
    REJECTED = "rejected"
    POSTED = "posted"
    REVERSED = "reversed"


class InvoiceStatus(StrEnum):
    """Whether the money is invoiced, an invoice is still expected, or none will come."""

    INVOICED = "invoiced"
    AWAITING = "awaiting"
    NOT_EXPECTED = "not_expected"


class FollowUpKind(StrEnum):
    """What a follow-up row waits for."""

    AWAITING_APPROVAL = "awaiting_approval"
    AWAITING_INVOICE = "awaiting_invoice"
    NOTICE_UNCONFIRMED = "notice_unconfirmed"
    OVERDUE_ITEM = "overdue_item"


REASON_VOUCHER = "settlements.reason_voucher"
REASON_THRESHOLD = "settlements.reason_threshold"


def approval_reasons(kind: SettlementKind, amount: Decimal, threshold: Decimal) -> tuple[str, ...]:
    """Message ids of why the settlement needs approval; ``()`` = it posts at submit."""
    reasons: list[str] = []
    if kind is SettlementKind.WITHOUT_INVOICE:
        reasons.append(REASON_VOUCHER)
    if amount > threshold:
        reasons.append(REASON_THRESHOLD)
    return tuple(reasons)


def initial_invoice_status(kind: SettlementKind, invoice_expected: bool) -> InvoiceStatus:
    """A settlement with an invoice is invoiced; a voucher awaits one unless none is expected."""
    if kind is SettlementKind.WITH_INVOICE:
        return InvoiceStatus.INVOICED
    return InvoiceStatus.AWAITING if invoice_expected else InvoiceStatus.NOT_EXPECTED


def check_decision(
    status: SettlementStatus, *, submitted_by: str, decided_by: str, number: str
) -> None:
    """Only a pending settlement is decided, and never by the user who submitted it."""
    if status is not SettlementStatus.PENDING_APPROVAL:
        raise DomainError("settlements.not_pending", number=number, status=status.value)
    if submitted_by.casefold() == decided_by.casefold():
        raise DomainError("settlements.self_approval", number=number, user=decided_by)


def check_reversible(status: SettlementStatus, *, number: str) -> None:
    """Only a posted settlement is reversed (once)."""
    if status is not SettlementStatus.POSTED:
        raise DomainError("settlements.not_posted", number=number, status=status.value)


def check_invoice_match(
    status: SettlementStatus, invoice_status: InvoiceStatus, *, number: str
) -> None:
    """Invoices are matched to a settlement that is not rejected or reversed and still awaits one."""
    if status in (SettlementStatus.REJECTED, SettlementStatus.REVERSED):
        raise DomainError("settlements.closed", number=number, status=status.value)
    if invoice_status is InvoiceStatus.INVOICED:
        raise DomainError("settlements.already_invoiced", number=number)
