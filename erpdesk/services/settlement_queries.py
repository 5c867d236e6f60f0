"""Reads of settlements (issue 7): build ``SettlementView`` rows in batches (customer header, lines,
invoices, receipt numbers) for the wizard, the approval list, the CLI and the notice PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from erpdesk.db.models.customer import Customer, CustomerContact
from erpdesk.db.models.order import ReceivableItem
from erpdesk.db.models.receivable import InvoiceRecord, Receipt
from erpdesk.db.models.settlement import Settlement, SettlementInvoice, SettlementLine
from erpdesk.domain.settlements import InvoiceStatus, SettlementKind, SettlementStatus
from erpdesk.services.settlement_dto import SettlementLineView, SettlementView

ZERO = Decimal("0.00")


def customer_header(
    session: Session, customer_ids: Sequence[int]
) -> dict[int, tuple[str, str, str, str, str]]:
    """Customer id → (code, name, primary contact, phone, address) for a notice or a list."""
    wanted = sorted(set(customer_ids))
    if not wanted:
        return {}
    contacts: dict[int, tuple[str, str]] = {}
    for cid, name, mobile, phone in session.execute(
        select(
            CustomerContact.customer_id,
            CustomerContact.name,
            CustomerContact.mobile,
            CustomerContact.phone,
        )
        .where(CustomerContact.customer_id.in_(wanted))
        .order_by(
            CustomerContact.customer_id,
            CustomerContact.is_primary.desc(),
            CustomerContact.sort_order,
            CustomerContact.id,
        )
    ):
        contacts.setdefault(cid, (name, mobile or phone))
    out: dict[int, tuple[str, str, str, str, str]] = {}
    for c in session.scalars(select(Customer).where(Customer.id.in_(wanted))):
        contact, phone = contacts.get(c.id, ("", ""))
        address = "".join(
            part
            for index, part in enumerate((c.province, c.city, c.district, c.address))
            # 上海市上海市 reads as one city: skip a city that repeats the province.
            if not (index == 1 and part == c.province)
        )
        out[c.id] = (c.code, c.name, contact, phone or c.phone, address)
    return out


def load_views(session: Session, ids: Sequence[int]) -> list[SettlementView]:
    """The views of settlements ``ids``, in that order (missing ids are skipped)."""
    if not ids:
        return []
    rows = {s.id: s for s in session.scalars(select(Settlement).where(Settlement.id.in_(ids)))}
    lines: dict[int, list[SettlementLineView]] = {}
    for line, item in session.execute(
        select(SettlementLine, ReceivableItem)
        .join(ReceivableItem, ReceivableItem.id == SettlementLine.receivable_item_id)
        .where(SettlementLine.settlement_id.in_(list(rows)))
        .order_by(SettlementLine.settlement_id, SettlementLine.line_no)
    ):
        lines.setdefault(line.settlement_id, []).append(
            SettlementLineView(
                item_id=item.id,
                doc_number=item.doc_number,
                doc_date=item.doc_date,
                due_date=item.due_date,
                open_before=line.open_before,
                amount=line.amount,
            )
        )
    invoices: dict[int, list[str]] = {}
    for sid, number in session.execute(
        select(SettlementInvoice.settlement_id, InvoiceRecord.number)
        .join(InvoiceRecord, InvoiceRecord.id == SettlementInvoice.invoice_record_id)
        .where(SettlementInvoice.settlement_id.in_(list(rows)))
        .order_by(SettlementInvoice.settlement_id, SettlementInvoice.id)
    ):
        if number not in invoices.setdefault(sid, []):
            invoices[sid].append(number)
    receipt_ids = {r.receipt_id for r in rows.values()} | {
        r.reversal_receipt_id for r in rows.values()
    }
    receipt_ids.discard(None)
    numbers = dict(
        session.execute(select(Receipt.id, Receipt.number).where(Receipt.id.in_(receipt_ids))).all()
        if receipt_ids
        else []
    )
    headers = customer_header(session, [r.customer_id for r in rows.values()])
    out = []
    for sid in ids:
        row = rows.get(sid)
        if row is None:
            continue
        own = tuple(lines.get(sid, ()))
        allocated = sum((line.amount for line in own), ZERO)
        code, name, contact, phone, address = headers.get(row.customer_id, ("", "", "", "", ""))
        out.append(
            SettlementView(
                id=row.id,
                number=row.number,
                voucher_number=row.voucher_number,
                kind=SettlementKind(row.kind),
                status=SettlementStatus(row.status),
                invoice_status=InvoiceStatus(row.invoice_status),
                invoice_numbers=tuple(invoices.get(sid, ())),
                customer_id=row.customer_id,
                customer_code=code,
                customer_name=name,
                customer_contact=contact,
                customer_phone=phone,
                customer_address=address,
                receipt_date=row.receipt_date,
                method=row.method,
                reference=row.reference,
                notes=row.notes,
                amount=row.amount,
                allocated=allocated,
                advance=row.amount - allocated,
                lines=own,
                voucher_reason=row.voucher_reason,
                reference_docs=row.reference_docs,
                needs_approval=row.needs_approval,
                submitted_by=row.submitted_by,
                submitted_at=row.submitted_at,
                decided_by=row.decided_by,
                decided_at=row.decided_at,
                decision_comment=row.decision_comment,
                receipt_id=row.receipt_id,
                receipt_number=numbers.get(row.receipt_id) if row.receipt_id else None,
                notice_sent_on=row.notice_sent_on,
                notice_confirmed_on=row.notice_confirmed_on,
                next_action_on=row.next_action_on,
                follow_up_note=row.follow_up_note,
                version=row.version,
                reversal_receipt_number=(
                    numbers.get(row.reversal_receipt_id) if row.reversal_receipt_id else None
                ),
                reversed_on=row.reversed_on,
                reversal_reason=row.reversal_reason,
                approval_reasons=tuple(r for r in row.approval_reasons.split(",") if r),
                notice_note=row.notice_note,
                posted_at=row.posted_at,
            )
        )
    return out
