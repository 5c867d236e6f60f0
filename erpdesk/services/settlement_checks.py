"""Row-level helpers of the settlement service (issue 7): field checks of a draft, the company's
approval threshold, invoice look-ups, settlement lines, and the settlement row lock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from erpdesk.db.models.customer import Customer
from erpdesk.db.models.receivable import InvoiceRecord
from erpdesk.db.models.settlement import Settlement, SettlementInvoice, SettlementLine
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import settlements as rules
from erpdesk.domain.errors import DomainError
from erpdesk.domain.settlements import SettlementKind, SettlementStatus
from erpdesk.services import auth_store
from erpdesk.services.errors import ConflictError, ValidationError
from erpdesk.services.receivables import AllocationLine, ReceiptInput, check_receipt
from erpdesk.services.settlement_dto import SettlementDraft, SettlementView
from erpdesk.services.settlement_queries import load_views

Fields = dict[str, tuple[str, dict[str, Any]]]


def receipt_input(draft: SettlementDraft) -> ReceiptInput:
    """The receipt part of ``draft``, for the receivables' own field checks."""
    return ReceiptInput(
        customer_id=draft.customer_id,
        amount=draft.amount,
        method=draft.method,
        receipt_date=draft.receipt_date,
        reference=draft.reference,
        notes=draft.notes,
        allocations=draft.allocations,
    )


def text_field(name: str, value: str, limit: int, errors: Fields | None = None) -> str:
    text = value.strip()
    if len(text) > limit:
        problem = ("settlements.too_long", {"length": len(text), "limit": limit})
        if errors is None:
            raise ValidationError({name: problem})
        errors[name] = problem
    return text


def check_draft(draft: SettlementDraft) -> None:
    """Field checks before any database work: the receipt, then the invoice or voucher details."""
    check_receipt(receipt_input(draft))
    errors: Fields = {}
    text_field("reference", draft.reference, 100, errors)
    text_field("notes", draft.notes, 200, errors)
    if draft.kind is SettlementKind.WITH_INVOICE:
        if not [n for n in draft.invoice_numbers if n.strip()]:
            errors["invoice_numbers"] = ("settlements.invoice_required", {})
    elif draft.voucher is None or not draft.voucher.reason.strip():
        errors["voucher.reason"] = ("settlements.voucher_reason_required", {})
    else:
        text_field("voucher.reason", draft.voucher.reason, rules.REASON_MAX, errors)
        text_field(
            "voucher.reference_docs", draft.voucher.reference_docs, rules.REFERENCE_DOCS_MAX, errors
        )
    if errors:
        raise ValidationError(errors)


def threshold(u: UnitOfWork) -> Decimal:
    company = auth_store.read_company(u)
    value = getattr(company, "settlement_threshold", None) if company else None
    return value if value is not None else rules.DEFAULT_THRESHOLD


def require_customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise DomainError("receivables.customer_not_found", customer=str(customer_id))
    return customer


def invoice_ids(session: Session, customer_id: int, numbers: Iterable[str]) -> list[int]:
    """The customer's invoice records with these numbers; an unknown number is a field error."""
    wanted = list(dict.fromkeys(n.strip() for n in numbers if n.strip()))
    found: dict[str, list[int]] = {}
    for invoice_id, number in session.execute(
        select(InvoiceRecord.id, InvoiceRecord.number)
        .where(InvoiceRecord.customer_id == customer_id, InvoiceRecord.number.in_(wanted))
        .order_by(InvoiceRecord.id)
    ):
        found.setdefault(number, []).append(invoice_id)
    missing = [n for n in wanted if n not in found]
    if missing:
        raise ValidationError(
            {"invoice_numbers": ("settlements.invoice_not_found", {"number": ", ".join(missing)})}
        )
    return [i for n in wanted for i in found[n]]


def add_lines(session: Session, settlement_id: int, lines: Iterable[AllocationLine]) -> None:
    for line_no, line in enumerate(lines, start=1):
        session.add(
            SettlementLine(
                settlement_id=settlement_id,
                line_no=line_no,
                receivable_item_id=line.item_id,
                open_before=line.open_before,
                amount=line.amount,
            )
        )


def lock_settlement(session: Session, settlement_id: int, seen_version: int | None) -> Settlement:
    # Settlement first, then (when posting) its receipt and items: one lock order everywhere.
    row = session.scalars(
        select(Settlement)
        .where(Settlement.id == settlement_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()
    if row is None:
        raise DomainError("settlements.not_found", id=str(settlement_id))
    if seen_version is not None and row.version != seen_version:
        raise ConflictError("settlements.changed", number=row.number)
    return row


def open_for_follow_up(row: Settlement) -> None:
    if row.status in (SettlementStatus.REJECTED.value, SettlementStatus.REVERSED.value):
        raise DomainError("settlements.closed", number=row.number, status=row.status)


def load_view(session: Session, settlement_id: int) -> SettlementView:
    views = load_views(session, [settlement_id])
    if not views:
        raise DomainError("settlements.not_found", id=str(settlement_id))
    return views[0]


def link_invoices(
    session: Session, settlement_id: int, ids: Iterable[int], *, at: datetime, by: str
) -> None:
    """Link invoice records to a settlement (those already linked are skipped)."""
    linked = set(
        session.scalars(
            select(SettlementInvoice.invoice_record_id).where(
                SettlementInvoice.settlement_id == settlement_id
            )
        )
    )
    for invoice_id in ids:
        if invoice_id not in linked:
            session.add(
                SettlementInvoice(
                    settlement_id=settlement_id,
                    invoice_record_id=invoice_id,
                    linked_at=at,
                    linked_by=by,
                )
            )
            linked.add(invoice_id)
    session.flush()
