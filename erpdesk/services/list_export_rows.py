"""Reads behind the receipt and contact exports (issue 5): one page of rows per call, in list order.

Receipts are paged by keyset on (receipt date, id), each page its own read, so a year of receipts never
holds one long transaction; contacts are read for a chunk of customer ids from the customer search and
put back in that order. Values leave as plain Python values (``Decimal`` yuan, ``date``); words for
the cells are chosen by the caller. No permission checks here: ``ListExportService`` does them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, Connection, and_, exists, func, or_, select, type_coerce
from sqlalchemy.orm import aliased

from erpdesk.db.in_list import one_of
from erpdesk.db.models.customer import Customer, CustomerContact
from erpdesk.db.models.receivable import Receipt, ReceiptAllocation
from erpdesk.db.models.settlement import Settlement
from erpdesk.db.types import money_of_sum


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiptLine:
    """One receipt as the export lists it; ``reverses`` is the original's number on a reversal."""

    id: int
    number: str
    receipt_date: date
    customer_code: str
    customer_name: str
    amount: Decimal
    method: str
    reference: str
    allocated: Decimal
    advance: Decimal
    reversed: bool
    reverses: str
    settlement: str
    voucher: str
    notes: str


def receipt_page(
    conn: Connection,
    *,
    after: tuple[date, int] | None,
    date_from: date | None,
    date_to: date | None,
    customer_id: int | None,
    limit: int,
) -> list[ReceiptLine]:
    """The next ``limit`` receipts after ``after`` (receipt date, id), oldest first."""
    allocated = (
        select(func.sum(type_coerce(ReceiptAllocation.amount, BigInteger)))
        .where(ReceiptAllocation.receipt_id == Receipt.id)
        .scalar_subquery()
    )
    reversal = aliased(Receipt)
    original = aliased(Receipt)
    own = aliased(Settlement)  # the settlement that posted this receipt
    undone = aliased(Settlement)  # the settlement this receipt reversed
    stmt = (
        select(
            Receipt.id,
            Receipt.number,
            Receipt.receipt_date,
            Customer.code,
            Customer.name,
            Receipt.amount,
            Receipt.method,
            Receipt.reference,
            allocated,
            Receipt.unallocated,
            exists(select(reversal.id).where(reversal.reverses_id == Receipt.id)),
            original.number,
            func.coalesce(own.number, undone.number),
            func.coalesce(own.voucher_number, undone.voucher_number),
            Receipt.notes,
        )
        .join(Customer, Customer.id == Receipt.customer_id)
        .outerjoin(original, original.id == Receipt.reverses_id)
        .outerjoin(own, own.receipt_id == Receipt.id)
        .outerjoin(undone, undone.reversal_receipt_id == Receipt.id)
        .order_by(Receipt.receipt_date, Receipt.id)
        .limit(limit)
    )
    if date_from is not None:
        stmt = stmt.where(Receipt.receipt_date >= date_from)
    if date_to is not None:
        stmt = stmt.where(Receipt.receipt_date <= date_to)
    if customer_id is not None:
        stmt = stmt.where(Receipt.customer_id == customer_id)
    if after is not None:
        day, last_id = after
        stmt = stmt.where(
            or_(
                Receipt.receipt_date > day,
                and_(Receipt.receipt_date == day, Receipt.id > last_id),
            )
        )
    return [
        ReceiptLine(
            id=row[0],
            number=row[1],
            receipt_date=row[2],
            customer_code=row[3],
            customer_name=row[4],
            amount=row[5],
            method=row[6],
            reference=row[7],
            allocated=money_of_sum(row[8]),
            advance=row[9],
            reversed=bool(row[10]),
            reverses=row[11] or "",
            settlement=row[12] or "",
            voucher=row[13] or "",
            notes=row[14],
        )
        for row in conn.execute(stmt)
    ]


CONTACT_FIELDS = ("name", "position", "phone", "mobile", "email", "im", "is_primary", "notes")


def contacts_of(
    conn: Connection, customer_ids: Sequence[int]
) -> list[tuple[str, str, tuple[object, ...]]]:
    """(customer code, customer name, contact fields in ``CONTACT_FIELDS`` order) for every contact of
    ``customer_ids``, customers in the given order, each customer's primary contact first."""
    wanted = list(customer_ids)
    if not wanted:
        return []
    stmt = (
        select(
            CustomerContact.customer_id,
            Customer.code,
            Customer.name,
            *(getattr(CustomerContact, f) for f in CONTACT_FIELDS),
        )
        .join(Customer, Customer.id == CustomerContact.customer_id)
        .where(one_of(conn, CustomerContact.customer_id, wanted))
        .order_by(
            CustomerContact.customer_id,
            CustomerContact.is_primary.desc(),
            CustomerContact.sort_order,
            CustomerContact.id,
        )
    )
    by_customer: dict[int, list[tuple[str, str, tuple[object, ...]]]] = {}
    for row in conn.execute(stmt):
        by_customer.setdefault(row[0], []).append((row[1], row[2], tuple(row[3:])))
    return [line for cid in wanted for line in by_customer.get(cid, ())]
