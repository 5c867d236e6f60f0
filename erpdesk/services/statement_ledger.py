"""The ledger queries behind a statement (对账单): the same rows the receivables GUI shows.

Balance = Σ receivable items − Σ receipts, by document date. That equals open items − advances
(``ReceivableService.balance``) because every allocation moves the same money from an item's open amount
to a receipt's allocated part: a receipt's ``amount`` = its allocations + its ``unallocated``. Reversals
are negative rows and simply count.

Open items and advances "as of" a past day count an allocation from its effective day, the latest of the
allocation day, the receipt day and the item day: only then do both sides exist, so open − advances as of
any day equals the ledger balance of that day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Subquery, exists, func, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from erpdesk.db.models.customer import Customer, CustomerContact
from erpdesk.db.models.order import Delivery, ReceivableItem, SalesOrder
from erpdesk.db.models.receivable import Receipt, ReceiptAllocation
from erpdesk.db.types import money_of_sum
from erpdesk.domain.customers import SettlementMethod
from erpdesk.services.statement_dto import BatchFilter

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class CustomerHead:
    id: int
    code: str
    name: str
    contact: str
    phone: str
    address: str


@dataclass(frozen=True, slots=True)
class ItemRow:
    """A receivable item posted in the period (a delivery, its reversal, an opening balance...)."""

    id: int
    source_type: str
    doc_number: str
    day: date
    amount: Decimal
    order_number: str  # "" unless a delivery
    reverses: str  # number of the delivery it reverses, "" otherwise
    reason: str


@dataclass(frozen=True, slots=True)
class ReceiptRow:
    id: int
    number: str
    day: date
    method: str
    reference: str
    amount: Decimal
    reverses: str  # number of the receipt it reverses, "" otherwise
    reason: str


@dataclass(frozen=True, slots=True)
class AllocationRow:
    receipt_id: int
    receipt_number: str
    receipt_day: date
    item_id: int
    item_number: str
    item_day: date
    due_date: date
    amount: Decimal
    allocated_on: date
    is_reversal: bool

    @property
    def effective(self) -> date:
        return max(self.allocated_on, self.receipt_day, self.item_day)


def customer_head(session: Session, customer_id: int) -> CustomerHead | None:
    """Code, name, first contact (primary first), phone and full address of a customer."""
    contact = aliased(CustomerContact)
    first_contact = (
        select(contact.id)
        .where(contact.customer_id == Customer.id)
        .order_by(contact.is_primary.desc(), contact.sort_order, contact.id)
        .limit(1)
        .scalar_subquery()
    )
    shown = aliased(CustomerContact)
    row = session.execute(
        select(
            Customer.id,
            Customer.code,
            Customer.name,
            Customer.phone,
            Customer.province,
            Customer.city,
            Customer.district,
            Customer.address,
            shown.name.label("contact"),
            shown.mobile,
            shown.phone.label("contact_phone"),
        )
        .outerjoin(shown, shown.id == first_contact)
        .where(Customer.id == customer_id)
    ).one_or_none()
    if row is None:
        return None
    parts: list[str] = []
    for part in (row.province, row.city, row.district):
        # 上海市上海市 → 上海市: municipalities repeat the province as the city.
        if part and part not in parts and part not in row.address:
            parts.append(part)
    place = "".join(parts)
    return CustomerHead(
        id=row.id,
        code=row.code,
        name=row.name,
        contact=row.contact or "",
        phone=row.mobile or row.contact_phone or row.phone or "",
        address=place + row.address,
    )


def customer_by_code(session: Session, code: str) -> int | None:
    wanted = code.strip()
    found = session.scalar(select(Customer.id).where(Customer.code == wanted))
    if found is None:
        found = session.scalar(
            select(Customer.id).where(func.upper(Customer.code) == wanted.upper()).limit(1)
        )
    return found


def balance_before(session: Session, customer_id: int, day: date) -> Decimal:
    """Ledger balance at the start of ``day`` (documents dated before it)."""
    items = select(func.sum(ReceivableItem.amount, type_=BigInteger)).where(
        ReceivableItem.customer_id == customer_id, ReceivableItem.doc_date < day
    )
    receipts = select(func.sum(Receipt.amount, type_=BigInteger)).where(
        Receipt.customer_id == customer_id, Receipt.receipt_date < day
    )
    return money_of_sum(session.scalar(items)) - money_of_sum(session.scalar(receipts))


def _balances(day: date) -> Subquery:
    """(customer_id, balance in fen) at the end of ``day`` of every customer with a document by then."""
    movements = union_all(
        select(
            ReceivableItem.customer_id.label("customer_id"),
            func.sum(ReceivableItem.amount, type_=BigInteger).label("total"),
        )
        .where(ReceivableItem.doc_date <= day)
        .group_by(ReceivableItem.customer_id),
        select(
            Receipt.customer_id.label("customer_id"),
            (-func.sum(Receipt.amount, type_=BigInteger)).label("total"),
        )
        .where(Receipt.receipt_date <= day)
        .group_by(Receipt.customer_id),
    ).subquery()
    return (
        select(
            movements.c.customer_id,
            func.sum(movements.c.total, type_=BigInteger).label("balance"),
        )
        .group_by(movements.c.customer_id)
        .subquery("ledger_balance")
    )


def items_between(
    session: Session, customer_id: int, first: date | None, last: date
) -> list[ItemRow]:
    """Receivable items dated in ``first``..``last`` (``first`` None: from the beginning)."""
    original = aliased(Delivery)
    stmt = (
        select(
            ReceivableItem.id,
            ReceivableItem.source_type,
            ReceivableItem.doc_number,
            ReceivableItem.doc_date,
            ReceivableItem.amount,
            SalesOrder.number.label("order_number"),
            original.number.label("reverses"),
            Delivery.reason,
        )
        .outerjoin(
            Delivery,
            (ReceivableItem.source_type == "delivery") & (Delivery.id == ReceivableItem.source_id),
        )
        .outerjoin(SalesOrder, SalesOrder.id == Delivery.order_id)
        .outerjoin(original, original.id == Delivery.reverses_id)
        .where(ReceivableItem.customer_id == customer_id, ReceivableItem.doc_date <= last)
        .order_by(ReceivableItem.doc_date, ReceivableItem.id)
    )
    if first is not None:
        stmt = stmt.where(ReceivableItem.doc_date >= first)
    return [
        ItemRow(
            id=r.id,
            source_type=r.source_type,
            doc_number=r.doc_number,
            day=r.doc_date,
            amount=r.amount,
            order_number=r.order_number or "",
            reverses=r.reverses or "",
            reason=r.reason or "",
        )
        for r in session.execute(stmt)
    ]


def receipts_between(
    session: Session, customer_id: int, first: date | None, last: date
) -> list[ReceiptRow]:
    """Receipts (and their reversals) dated in ``first``..``last``."""
    original = aliased(Receipt)
    stmt = (
        select(
            Receipt.id,
            Receipt.number,
            Receipt.receipt_date,
            Receipt.method,
            Receipt.reference,
            Receipt.amount,
            original.number.label("reverses"),
            Receipt.reason,
        )
        .outerjoin(original, original.id == Receipt.reverses_id)
        .where(Receipt.customer_id == customer_id, Receipt.receipt_date <= last)
        .order_by(Receipt.receipt_date, Receipt.id)
    )
    if first is not None:
        stmt = stmt.where(Receipt.receipt_date >= first)
    return [
        ReceiptRow(
            id=r.id,
            number=r.number,
            day=r.receipt_date,
            method=r.method,
            reference=r.reference,
            amount=r.amount,
            reverses=r.reverses or "",
            reason=r.reason,
        )
        for r in session.execute(stmt)
    ]


def allocations_until(session: Session, customer_id: int, last: date) -> list[AllocationRow]:
    """Every allocation of the customer's receipts that could be effective by ``last``."""
    stmt = (
        select(
            ReceiptAllocation.receipt_id,
            Receipt.number,
            Receipt.receipt_date,
            ReceiptAllocation.receivable_item_id,
            ReceivableItem.doc_number,
            ReceivableItem.doc_date,
            ReceivableItem.due_date,
            ReceiptAllocation.amount,
            ReceiptAllocation.allocated_on,
            ReceiptAllocation.is_reversal,
        )
        .join(Receipt, Receipt.id == ReceiptAllocation.receipt_id)
        .join(ReceivableItem, ReceivableItem.id == ReceiptAllocation.receivable_item_id)
        .where(
            Receipt.customer_id == customer_id,
            ReceiptAllocation.allocated_on <= last,
            Receipt.receipt_date <= last,
            ReceivableItem.doc_date <= last,
        )
        .order_by(ReceiptAllocation.id)
    )
    return [
        AllocationRow(
            receipt_id=r[0],
            receipt_number=r[1],
            receipt_day=r[2],
            item_id=r[3],
            item_number=r[4],
            item_day=r[5],
            due_date=r[6],
            amount=r[7],
            allocated_on=r[8],
            is_reversal=r[9],
        )
        for r in session.execute(stmt)
    ]


def open_items_as_of(
    session: Session, customer_id: int, day: date, allocations: Iterable[AllocationRow]
) -> list[tuple[date, Decimal]]:
    """(due date, open amount) of each item dated by ``day`` still open at the end of ``day``."""
    taken: dict[int, Decimal] = {}
    for a in allocations:
        if a.effective <= day:
            taken[a.item_id] = taken.get(a.item_id, ZERO) + a.amount
    rows = session.execute(
        select(ReceivableItem.id, ReceivableItem.due_date, ReceivableItem.amount).where(
            ReceivableItem.customer_id == customer_id, ReceivableItem.doc_date <= day
        )
    )
    out: list[tuple[date, Decimal]] = []
    for item_id, due, amount in rows:
        left = amount - taken.get(item_id, ZERO)
        if left:
            out.append((due, left))
    return out


def advances_as_of(
    session: Session, customer_id: int, day: date, allocations: Iterable[AllocationRow]
) -> Decimal:
    """Receipts dated by ``day`` minus what of them was allocated by then (预收 left)."""
    received = money_of_sum(
        session.scalar(
            select(func.sum(Receipt.amount, type_=BigInteger)).where(
                Receipt.customer_id == customer_id, Receipt.receipt_date <= day
            )
        )
    )
    used = sum((a.amount for a in allocations if a.effective <= day), ZERO)
    return received - used


def batch_customers(
    session: Session,
    chosen: BatchFilter,
    *,
    as_of: date,
    since: date | None,
    search_ids: Any | None,
    category_ids: Sequence[int] | None,
) -> list[int]:
    """Ids of the customers ``chosen`` selects, by code, in one query.

    ``search_ids``: a SELECT of the ids matching the search text (``customer_search.matching_ids``);
    ``category_ids``: the category and its sub-categories. A balance is the ledger balance at the end of
    ``as_of``; "moved" means a receivable item or a receipt dated ``since``..``as_of`` (a reversal
    counts: it is a line on the statement). ``with_balance`` and ``moved_in_period`` together keep
    customers with either.
    """
    stmt = select(Customer.id).order_by(Customer.code)
    if chosen.customer_ids is not None:
        stmt = stmt.where(Customer.id.in_(chosen.customer_ids))
    if search_ids is not None:
        stmt = stmt.where(Customer.id.in_(search_ids))
    if category_ids is not None:
        stmt = stmt.where(Customer.category_id.in_(category_ids))
    if chosen.region:
        stmt = stmt.where(Customer.region == chosen.region)
    if chosen.salesperson_id is not None:
        stmt = stmt.where(Customer.salesperson_id == chosen.salesperson_id)
    if chosen.monthly_only:
        stmt = stmt.where(Customer.settlement_method == SettlementMethod.MONTHLY.value)
    wanted: list[ColumnElement[bool]] = []
    if chosen.with_balance:
        balances = _balances(as_of)
        stmt = stmt.outerjoin(balances, balances.c.customer_id == Customer.id)
        wanted.append(func.coalesce(balances.c.balance, 0) != 0)
    if chosen.moved_in_period and since is not None:
        wanted.append(
            or_(
                exists().where(
                    ReceivableItem.customer_id == Customer.id,
                    ReceivableItem.doc_date >= since,
                    ReceivableItem.doc_date <= as_of,
                ),
                exists().where(
                    Receipt.customer_id == Customer.id,
                    Receipt.receipt_date >= since,
                    Receipt.receipt_date <= as_of,
                ),
            )
        )
    if wanted:
        stmt = stmt.where(or_(*wanted))
    return list(session.scalars(stmt))
