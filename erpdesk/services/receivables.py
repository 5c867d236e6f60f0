"""Receivables ledger per customer (issue 7): open items, balance, receipts (收款单) with allocation
(核销) FIFO or by hand, advances (预收) used later, reversals (红冲), invoice records and aging.

Every write locks the open items it touches (``SELECT … FOR UPDATE`` ordered by id on PostgreSQL;
SQLite writers are serialised by BEGIN IMMEDIATE) and re-checks their open amounts inside the write
transaction, so two accountants allocating to the same item at the same moment can never take more
than is open: the second one is refused or proposed only what is left. Posted receipts and
allocations are never edited or deleted; a reversal is a new negative receipt dated today.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from erpdesk.db import numbering
from erpdesk.db.models.customer import Customer
from erpdesk.db.models.order import ReceivableItem
from erpdesk.db.models.receivable import InvoiceRecord, Receipt, ReceiptAllocation
from erpdesk.db.models.settlement import Settlement
from erpdesk.db.types import money_of_sum
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import receivables as rules
from erpdesk.domain.errors import DomainError
from erpdesk.domain.money import format_money
from erpdesk.domain.permissions import Permission
from erpdesk.domain.receivables import InvoiceType, OpenItem, ReceiptMethod
from erpdesk.services.area import AreaService
from erpdesk.services.dto import Changes
from erpdesk.services.errors import ConflictError, ValidationError

RECEIPT_SERIES = "receipt:SK"
ZERO = Decimal("0.00")
CENT = Decimal("0.01")
_DIGITS = re.compile(r"\d{1,20}")
_CODE = re.compile(r"\d{10}|\d{12}")


def receipt_number(day: date, serial: int) -> str:
    """``SK20250503-0001``: prefix, receipt date, daily serial."""
    return f"SK{day:%Y%m%d}-{serial:04d}"


# ---------------------------------------------------------------------- DTOs


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenItemView:
    """One receivable item of a customer with what is still open."""

    id: int
    source_type: str
    doc_number: str
    doc_date: date
    due_date: date
    amount: Decimal
    open_amount: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class AdvanceView:
    """A receipt with money not yet allocated (预收)."""

    receipt_id: int
    number: str
    receipt_date: date
    amount: Decimal
    unallocated: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerBalance:
    """``balance`` = open items − advances; positive: the customer owes us."""

    customer_id: int
    open_items: Decimal
    advances: Decimal
    balance: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class AllocationInput:
    """Allocate ``amount`` to item ``item_id``. ``seen_open`` is the open amount the user saw: if the
    item has less open now, someone else allocated in between and the write is refused as a conflict."""

    item_id: int
    amount: Decimal
    seen_open: Decimal | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AllocationLine:
    """One allocation of a proposal or a posted receipt."""

    item_id: int
    doc_number: str
    open_before: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class AllocationProposal:
    """A preview: allocations, their total and the advance that would be left (nothing saved)."""

    allocations: tuple[AllocationLine, ...]
    allocated: Decimal
    advance: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiptInput:
    """A receipt to post; ``allocations`` None = FIFO by due date, () = all to the advance."""

    customer_id: int
    amount: Decimal
    method: str = ReceiptMethod.BANK_TRANSFER.value
    receipt_date: date | None = None
    reference: str = ""
    notes: str = ""
    allocations: tuple[AllocationInput, ...] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiptPosted:
    """What a posting (or reversal, or use of an advance) did."""

    id: int
    number: str
    amount: Decimal
    allocations: tuple[AllocationLine, ...]
    advance: Decimal
    changes: Changes = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class InvoiceInput:
    """发票 issued to a customer, optionally linked to one of its items."""

    customer_id: int
    number: str
    invoice_type: str
    issued_on: date
    amount: Decimal
    tax: Decimal
    code: str = ""
    receivable_item_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class InvoiceRecorded:
    id: int
    changes: Changes = field(default_factory=dict)


# ---------------------------------------------------------------------- service


class ReceivableService(AreaService):
    """Use cases on the receivables ledger for one actor."""

    # ------------------------------------------------------------------ reads

    def open_items(self, customer_id: int) -> tuple[OpenItemView, ...]:
        """The customer's items with money still open (negative: credit notes), FIFO order."""
        self.actor.require(Permission.VIEW_CUSTOMERS)

        def work(u: UnitOfWork) -> tuple[OpenItemView, ...]:
            rows = u.session.scalars(
                select(ReceivableItem)
                .where(ReceivableItem.customer_id == customer_id, ReceivableItem.open_amount != 0)
                .order_by(ReceivableItem.due_date, ReceivableItem.doc_date, ReceivableItem.id)
            )
            return tuple(_item_view(r) for r in rows)

        return self._read(work)

    def advances(self, customer_id: int) -> tuple[AdvanceView, ...]:
        """Receipts with an unallocated amount, oldest first (reversed ones net to nothing)."""
        self.actor.require(Permission.VIEW_CUSTOMERS)

        def work(u: UnitOfWork) -> tuple[AdvanceView, ...]:
            return tuple(_advances(u.session, customer_id))

        return self._read(work)

    def balance(self, customer_id: int) -> CustomerBalance:
        """Open items − advances for the customer."""
        self.actor.require(Permission.VIEW_CUSTOMERS)

        def work(u: UnitOfWork) -> CustomerBalance:
            return _balance(u.session, customer_id)

        return self._read(work)

    def propose_allocation(self, customer_id: int, amount: Decimal) -> AllocationProposal:
        """FIFO preview for ``amount`` (nothing saved)."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        _check_amount(amount, positive=False)
        return self._read(lambda u: self.plan_within(u, customer_id, amount, None))

    # ------------------------------------------------------------------ writes

    def post_receipt(self, draft: ReceiptInput) -> ReceiptPosted:
        """Post a 收款单 and its allocations; what is not allocated stays as an advance."""
        self.actor.require(Permission.POST_RECEIPT)
        method, day = self._receipt_checks(draft)
        return self._done(lambda u: self._post_receipt(u, draft, method, day))

    def post_within(self, u: UnitOfWork, draft: ReceiptInput) -> ReceiptPosted:
        """Post a receipt inside the caller's unit of work (the caller checks permissions), so a
        settlement posts its receipt in the same transaction as its own change of state."""
        method, day = self._receipt_checks(draft)
        return self._post_receipt(u, draft, method, day)

    def _receipt_checks(self, draft: ReceiptInput) -> tuple[ReceiptMethod, date]:
        return check_receipt(draft), draft.receipt_date or self.clock.today()

    def _post_receipt(
        self, u: UnitOfWork, draft: ReceiptInput, method: ReceiptMethod, day: date
    ) -> ReceiptPosted:
        session = u.session
        if session.get(Customer, draft.customer_id) is None:
            raise DomainError("receivables.customer_not_found", customer=str(draft.customer_id))
        wanted = None if draft.allocations is None else [a.item_id for a in draft.allocations]
        items = _items(session, draft.customer_id, lock=True, ids=wanted)
        plan = self._plan(items, draft.allocations, draft.amount)
        serial = numbering.allocate(u.connection, RECEIPT_SERIES, f"{day:%Y%m%d}")
        receipt = Receipt(
            number=receipt_number(day, serial),
            customer_id=draft.customer_id,
            receipt_date=day,
            method=method.value,
            reference=draft.reference.strip()[:100],
            notes=draft.notes.strip()[:200],
            amount=draft.amount,
            unallocated=plan.advance,
            posted=True,
            reason="",
        )
        self._stamp(receipt, new=True)
        session.add(receipt)
        session.flush()
        lines = self._apply(session, receipt.id, items, plan.allocations, day)
        return _posted(receipt, lines, receipt.unallocated)

    def plan_within(
        self,
        u: UnitOfWork,
        customer_id: int,
        amount: Decimal,
        allocations: tuple[AllocationInput, ...] | None,
    ) -> AllocationProposal:
        """What posting ``amount`` with ``allocations`` would do now (None: FIFO), nothing written
        and nothing locked; the same checks as posting."""
        wanted = None if allocations is None else [a.item_id for a in allocations]
        items = _items(u.session, customer_id, lock=False, ids=wanted)
        plan = self._plan(items, allocations, amount)
        return _proposal(plan, {i.id: i for i in items})

    def allocate_advance(
        self, receipt_id: int, allocations: Sequence[AllocationInput] | None = None
    ) -> ReceiptPosted:
        """Use a receipt's advance on open items (None: FIFO for all of it), dated today."""
        self.actor.require(Permission.POST_RECEIPT)
        for a in allocations or ():
            _check_amount(a.amount, positive=False)
        day = self.clock.today()

        def work(u: UnitOfWork) -> ReceiptPosted:
            session = u.session
            receipt = _lock_receipt(session, receipt_id)
            _usable(session, receipt)
            left = receipt.unallocated
            wanted = None if allocations is None else [a.item_id for a in allocations]
            items = _items(session, receipt.customer_id, lock=True, ids=wanted)
            manual = None if allocations is None else tuple(allocations)
            plan = self._plan(items, manual, left, advance_of=receipt)
            lines = self._apply(session, receipt.id, items, plan.allocations, day)
            if plan.allocated:
                receipt.unallocated = left - plan.allocated
                self._stamp(receipt, new=False)
                session.flush()
            return _posted(receipt, lines, receipt.unallocated)

        return self._done(work)

    def reverse_receipt(self, receipt_id: int, reason: str) -> ReceiptPosted:
        """红冲 a receipt: a negative receipt dated today whose negative allocations give every item
        back exactly what the original (and later uses of its advance) took. The original stays."""
        self.actor.require(Permission.REVERSE_RECEIPT)
        if not reason.strip():
            raise ValidationError({"reason": ("receivables.reason_required", {})})

        def work(u: UnitOfWork) -> ReceiptPosted:
            settled_by = u.session.scalar(
                select(Settlement.number).where(Settlement.receipt_id == receipt_id)
            )
            if settled_by is not None:  # its settlement must change state with it
                raise DomainError("settlements.reverse_the_settlement", number=settled_by)
            return self.reverse_within(u, receipt_id, reason)

        return self._done(work)

    def reverse_within(self, u: UnitOfWork, receipt_id: int, reason: str) -> ReceiptPosted:
        """The reversal inside the caller's unit of work (the caller checks permissions)."""
        day = self.clock.today()
        session = u.session
        original = _lock_receipt(session, receipt_id)
        _usable(session, original)
        taken = list(
            session.scalars(
                select(ReceiptAllocation)
                .where(ReceiptAllocation.receipt_id == original.id)
                .order_by(ReceiptAllocation.id)
            )
        )
        ids = sorted({a.receivable_item_id for a in taken})
        items = {i.id: i for i in _lock_items(session, ids)}
        serial = numbering.allocate(u.connection, RECEIPT_SERIES, f"{day:%Y%m%d}")
        reversal = Receipt(
            number=receipt_number(day, serial),
            customer_id=original.customer_id,
            receipt_date=day,
            method=original.method,
            reference=original.reference,
            notes=f"红冲 {original.number}"[:200],
            amount=-original.amount,
            unallocated=-original.unallocated,
            posted=True,
            reverses_id=original.id,
            reason=reason.strip()[:200],
        )
        self._stamp(reversal, new=True)
        session.add(reversal)
        session.flush()
        now = self.clock.utc()
        lines = []
        for a in taken:
            item = items[a.receivable_item_id]
            lines.append(
                AllocationLine(
                    item_id=item.id,
                    doc_number=item.doc_number,
                    open_before=item.open_amount,
                    amount=-a.amount,
                )
            )
            item.open_amount = item.open_amount + a.amount
            self._stamp(item, new=False)
            session.add(
                ReceiptAllocation(
                    receipt_id=reversal.id,
                    receivable_item_id=item.id,
                    amount=-a.amount,
                    allocated_on=day,
                    is_reversal=True,
                    reverses_id=a.id,
                    created_at=now,
                    created_by=self.actor.username,
                )
            )
        session.flush()
        return _posted(reversal, lines, reversal.unallocated)

    def record_invoice(self, draft: InvoiceInput) -> InvoiceRecorded:
        """Record a 发票 we issued; it never changes a receivable."""
        self.actor.require(Permission.POST_RECEIPT)
        errors: dict[str, tuple[str, dict[str, Any]]] = {}
        number = draft.number.strip()
        if not _DIGITS.fullmatch(number):
            errors["number"] = ("receivables.invoice_number_invalid", {"number": number})
        code = draft.code.strip()
        if code and not _CODE.fullmatch(code):
            errors["code"] = ("receivables.invoice_code_invalid", {"code": code})
        try:
            kind = InvoiceType(draft.invoice_type)
        except ValueError:
            errors["invoice_type"] = ("receivables.bad_invoice_type", {"type": draft.invoice_type})
        for name, value in (("amount", draft.amount), ("tax", draft.tax)):
            if value != value.quantize(CENT):
                errors[name] = ("receivables.amount_too_precise", {"amount": str(value)})
        if abs(draft.tax) > abs(draft.amount):
            errors["tax"] = (
                "receivables.invoice_tax_over_amount",
                {"tax": format_money(draft.tax), "amount": format_money(draft.amount)},
            )
        if errors:
            raise ValidationError(errors)

        def work(u: UnitOfWork) -> int:
            session = u.session
            if session.get(Customer, draft.customer_id) is None:
                raise DomainError("receivables.customer_not_found", customer=str(draft.customer_id))
            if draft.receivable_item_id is not None:
                item = session.get(ReceivableItem, draft.receivable_item_id)
                if item is None or item.customer_id != draft.customer_id:
                    raise DomainError(
                        "receivables.invoice_item_other_customer",
                        item=item.doc_number if item else str(draft.receivable_item_id),
                    )
            row = InvoiceRecord(
                number=number,
                code=code,
                invoice_type=kind.value,
                issued_on=draft.issued_on,
                amount=draft.amount,
                tax=draft.tax,
                customer_id=draft.customer_id,
                receivable_item_id=draft.receivable_item_id,
                created_at=self.clock.utc(),
                created_by=self.actor.username,
            )
            session.add(row)
            session.flush()
            return row.id

        new_id, changes = self._write(work)
        return InvoiceRecorded(id=new_id, changes=changes)

    # ------------------------------------------------------------------ helpers

    def _plan(
        self,
        items: list[ReceivableItem],
        manual: tuple[AllocationInput, ...] | None,
        amount: Decimal,
        *,
        advance_of: Receipt | None = None,
    ) -> rules.Proposal:
        opens = {i.id: _open(i) for i in items}
        if manual is None:
            return rules.propose(opens.values(), amount)
        by_id = {i.id: i for i in items}
        for a in manual:
            item = by_id.get(a.item_id)
            # The user saw more open than there is now: another allocation committed in between.
            if item is not None and a.seen_open is not None and item.open_amount < a.seen_open:
                raise ConflictError(
                    "receivables.item_taken",
                    item=item.doc_number,
                    open=format_money(item.open_amount),
                )
        try:
            return rules.check_manual(
                opens,
                [rules.Allocation(item_id=a.item_id, amount=a.amount) for a in manual],
                amount,
                doc_numbers={i.id: i.doc_number for i in items},
            )
        except DomainError as exc:
            if advance_of is not None and exc.msg_id == "receivables.allocation_over_receipt":
                raise DomainError(
                    "receivables.allocation_over_advance",
                    total=format_money(sum((a.amount for a in manual), ZERO)),
                    number=advance_of.number,
                    left=format_money(amount),
                ) from None
            raise

    def _apply(
        self,
        session: Session,
        receipt_id: int,
        items: list[ReceivableItem],
        allocations: Iterable[rules.Allocation],
        day: date,
    ) -> tuple[AllocationLine, ...]:
        by_id = {i.id: i for i in items}
        now = self.clock.utc()
        lines = []
        for a in allocations:
            item = by_id[a.item_id]
            if a.amount > item.open_amount:  # backstop: the plan was made on these locked rows
                raise ConflictError(
                    "receivables.item_taken",
                    item=item.doc_number,
                    open=format_money(item.open_amount),
                )
            lines.append(
                AllocationLine(
                    item_id=item.id,
                    doc_number=item.doc_number,
                    open_before=item.open_amount,
                    amount=a.amount,
                )
            )
            item.open_amount = item.open_amount - a.amount
            self._stamp(item, new=False)
            session.add(
                ReceiptAllocation(
                    receipt_id=receipt_id,
                    receivable_item_id=item.id,
                    amount=a.amount,
                    allocated_on=day,
                    is_reversal=False,
                    reverses_id=None,
                    created_at=now,
                    created_by=self.actor.username,
                )
            )
        session.flush()
        return tuple(lines)

    def _done(self, work: Callable[[UnitOfWork], ReceiptPosted]) -> ReceiptPosted:
        posted, changes = self._write(work)
        merged = dict(changes)
        merged["receipt"] = merged.get("receipt", frozenset()) | {str(posted.id)}
        return replace(posted, changes=merged)


# ---------------------------------------------------------------------- module helpers


def check_receipt(draft: ReceiptInput) -> ReceiptMethod:
    """Field checks of a receipt before any database work; returns its method."""
    _check_amount(draft.amount, positive=True)
    try:
        method = ReceiptMethod(draft.method)
    except ValueError:
        raise ValidationError(
            {"method": ("receivables.bad_method", {"method": draft.method})}
        ) from None
    for a in draft.allocations or ():
        _check_amount(a.amount, positive=False)
    return method


def _check_amount(amount: Decimal, *, positive: bool) -> None:
    if amount != amount.quantize(CENT):
        raise ValidationError(
            {"amount": ("receivables.amount_too_precise", {"amount": str(amount)})}
        )
    if positive and amount <= 0:
        raise ValidationError({"amount": ("receivables.amount_not_positive", {})})
    if amount < 0:
        raise ValidationError({"amount": ("receivables.amount_negative", {})})


def _open(item: ReceivableItem) -> OpenItem:
    return OpenItem(
        id=item.id, doc_date=item.doc_date, due_date=item.due_date, open_amount=item.open_amount
    )


def _item_view(r: ReceivableItem) -> OpenItemView:
    return OpenItemView(
        id=r.id,
        source_type=r.source_type,
        doc_number=r.doc_number,
        doc_date=r.doc_date,
        due_date=r.due_date,
        amount=r.amount,
        open_amount=r.open_amount,
    )


def _items(
    session: Session, customer_id: int, *, lock: bool, ids: Sequence[int] | None = None
) -> list[ReceivableItem]:
    """The customer's items that can take money (``ids``: those, whatever their open amount),
    locked in id order when ``lock`` so concurrent writers queue instead of deadlocking."""
    stmt = select(ReceivableItem).where(ReceivableItem.customer_id == customer_id)
    if ids is None:
        stmt = stmt.where(ReceivableItem.open_amount > 0)
    else:
        stmt = stmt.where(ReceivableItem.id.in_(list(ids) or [-1]))
    stmt = stmt.order_by(ReceivableItem.id)
    if lock:
        stmt = stmt.with_for_update()
    return list(session.scalars(stmt.execution_options(populate_existing=True)))


def _lock_items(session: Session, ids: Sequence[int]) -> list[ReceivableItem]:
    if not ids:
        return []
    stmt = (
        select(ReceivableItem)
        .where(ReceivableItem.id.in_(list(ids)))
        .order_by(ReceivableItem.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return list(session.scalars(stmt))


def _lock_receipt(session: Session, receipt_id: int) -> Receipt:
    # Receipts are locked before items everywhere, so the lock order is always receipt → items.
    row = session.scalars(
        select(Receipt)
        .where(Receipt.id == receipt_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()
    if row is None:
        raise DomainError("receivables.receipt_not_found", number=str(receipt_id))
    return row


def _usable(session: Session, receipt: Receipt) -> None:
    """Refuse reversals (and receipts already reversed) as the source of a reversal or an advance."""
    if receipt.reverses_id is not None:
        raise DomainError("receivables.receipt_is_reversal", number=receipt.number)
    if session.scalar(select(Receipt.id).where(Receipt.reverses_id == receipt.id)) is not None:
        raise DomainError("receivables.receipt_reversed", number=receipt.number)


def unreversed_receipt() -> ColumnElement[bool]:
    """Receipts that are neither a reversal nor reversed (a reversed pair nets to nothing)."""
    reversed_ids = select(Receipt.reverses_id).where(Receipt.reverses_id.is_not(None))
    return and_(Receipt.reverses_id.is_(None), Receipt.id.not_in(reversed_ids))


def _advances(session: Session, customer_id: int) -> list[AdvanceView]:
    rows = session.scalars(
        select(Receipt)
        .where(Receipt.customer_id == customer_id, Receipt.unallocated != 0, unreversed_receipt())
        .order_by(Receipt.receipt_date, Receipt.id)
    )
    return [
        AdvanceView(
            receipt_id=r.id,
            number=r.number,
            receipt_date=r.receipt_date,
            amount=r.amount,
            unallocated=r.unallocated,
        )
        for r in rows
    ]


def _balance(session: Session, customer_id: int) -> CustomerBalance:
    open_total = session.scalar(
        select(func.sum(ReceivableItem.open_amount, type_=BigInteger)).where(
            ReceivableItem.customer_id == customer_id
        )
    )
    advance_total = session.scalar(
        select(func.sum(Receipt.unallocated, type_=BigInteger)).where(
            Receipt.customer_id == customer_id
        )
    )
    # Sums come back as raw fen (the column type is not applied to an aggregate).
    opens = money_of_sum(open_total)
    advances = money_of_sum(advance_total)
    return CustomerBalance(
        customer_id=customer_id, open_items=opens, advances=advances, balance=opens - advances
    )


def _proposal(proposal: rules.Proposal, items: dict[int, ReceivableItem]) -> AllocationProposal:
    return AllocationProposal(
        allocations=tuple(
            AllocationLine(
                item_id=a.item_id,
                doc_number=items[a.item_id].doc_number,
                open_before=items[a.item_id].open_amount,
                amount=a.amount,
            )
            for a in proposal.allocations
        ),
        allocated=proposal.allocated,
        advance=proposal.advance,
    )


def _posted(
    receipt: Receipt, lines: tuple[AllocationLine, ...] | list[AllocationLine], advance: Decimal
) -> ReceiptPosted:
    return ReceiptPosted(
        id=receipt.id,
        number=receipt.number,
        amount=receipt.amount,
        allocations=tuple(lines),
        advance=advance,
    )
