"""Receivables arithmetic (应收/核销/预收/账龄), pure and exact: allocation proposals, manual allocation
checks, aging buckets and running balances. Amounts are ``Decimal`` yuan with two places; no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from erpdesk.domain.errors import DomainError

ZERO = Decimal("0.00")
DEFAULT_BUCKETS: tuple[int, ...] = (0, 30, 60, 90)
"""Upper bounds in days past due: 0 = not yet due, 1–30, 31–60, 61–90, then 90+ (the last bucket)."""


class ReceiptMethod(StrEnum):
    """收款方式."""

    CASH = "cash"
    BANK_TRANSFER = "bank_transfer"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    CHEQUE = "cheque"
    OTHER = "other"


class InvoiceType(StrEnum):
    """发票类型: 专票 (special VAT), 普票 (ordinary), 数电票 (fully digital)."""

    SPECIAL = "special"
    ORDINARY = "ordinary"
    DIGITAL = "digital"


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenItem:
    """An item that may take money: its id, dates and what is still open."""

    id: int
    doc_date: date
    due_date: date
    open_amount: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class Allocation:
    """``amount`` of a receipt applied to item ``item_id``."""

    item_id: int
    amount: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposal:
    """Allocations in the order they were made and the money left over as an advance (预收)."""

    allocations: tuple[Allocation, ...]
    advance: Decimal

    @property
    def allocated(self) -> Decimal:
        return sum((a.amount for a in self.allocations), ZERO)


def fifo_order(items: Iterable[OpenItem]) -> list[OpenItem]:
    """Items that can take money (open amount > 0), oldest due date first, then date, then id."""
    return sorted(
        (i for i in items if i.open_amount > 0), key=lambda i: (i.due_date, i.doc_date, i.id)
    )


def propose(items: Iterable[OpenItem], amount: Decimal) -> Proposal:
    """FIFO proposal for ``amount``: fill the oldest items, a partial allocation on the last one,
    the rest becomes an advance."""
    if amount < 0:
        raise DomainError("receivables.amount_negative")
    left = amount
    allocations: list[Allocation] = []
    for item in fifo_order(items):
        if left <= 0:
            break
        take = min(left, item.open_amount)
        allocations.append(Allocation(item_id=item.id, amount=take))
        left -= take
    return Proposal(allocations=tuple(allocations), advance=left)


def check_manual(
    items: Mapping[int, OpenItem],
    allocations: Sequence[Allocation],
    amount: Decimal,
    *,
    doc_numbers: Mapping[int, str] | None = None,
) -> Proposal:
    """Validate allocations chosen by hand against the open items and the money available.

    Each allocation must be positive and at most its item's open amount (an item may appear once);
    together they may not exceed ``amount``. Returns the proposal with the advance left over.
    """
    names = doc_numbers or {}
    seen: set[int] = set()
    total = ZERO
    for a in allocations:
        item = items.get(a.item_id)
        if item is None:
            raise DomainError("receivables.item_not_open", item=str(a.item_id))
        label = names.get(a.item_id, str(a.item_id))
        if a.item_id in seen:
            raise DomainError("receivables.item_twice", item=label)
        seen.add(a.item_id)
        if a.amount <= 0:
            raise DomainError("receivables.allocation_not_positive", item=label)
        if a.amount > item.open_amount:
            raise DomainError(
                "receivables.allocation_over_open",
                item=label,
                amount=str(a.amount),
                open=str(item.open_amount),
            )
        total += a.amount
    if total > amount:
        raise DomainError(
            "receivables.allocation_over_receipt", total=str(total), amount=str(amount)
        )
    return Proposal(allocations=tuple(allocations), advance=amount - total)


def bucket_index(due: date, as_of: date, bounds: Sequence[int] = DEFAULT_BUCKETS) -> int:
    """Index of the bucket an item due on ``due`` falls in on ``as_of``; ``len(bounds)`` = beyond
    the last bound. Days overdue ≤ bound i puts the item in bucket i (so bound 0 = not yet due)."""
    overdue = (as_of - due).days
    for index, bound in enumerate(bounds):
        if overdue <= bound:
            return index
    return len(bounds)


def check_bounds(bounds: Sequence[int]) -> None:
    """Bucket bounds must be non-negative and strictly increasing."""
    if not bounds or any(b < 0 for b in bounds) or list(bounds) != sorted(set(bounds)):
        raise DomainError("receivables.bad_buckets", bounds=", ".join(str(b) for b in bounds))


def parse_buckets(text: str) -> tuple[int, ...]:
    """``"30,60,90"`` (or ``"0,30,60,90"``, full-width commas and spaces allowed) → ``(0, 30, 60, 90)``.

    The "not yet due" bucket (bound 0) is always first, so users type only the day bounds they see.
    """
    parts = [p.strip() for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]
    try:
        if not parts:
            raise ValueError(text)
        bounds = [int(p) for p in parts]
    except ValueError:
        raise DomainError("receivables.bad_buckets", bounds=text.strip()) from None
    if bounds[0] != 0:
        bounds.insert(0, 0)
    check_bounds(bounds)
    return tuple(bounds)


def format_buckets(bounds: Sequence[int]) -> str:
    """``(0, 30, 60, 90)`` → ``"0,30,60,90"`` (how settings store them)."""
    return ",".join(str(b) for b in bounds)


def age(
    items: Iterable[tuple[date, Decimal]],
    as_of: date,
    bounds: Sequence[int] = DEFAULT_BUCKETS,
) -> tuple[Decimal, ...]:
    """Sum open amounts (due date, amount) into ``len(bounds) + 1`` buckets as of ``as_of``."""
    check_bounds(bounds)
    totals = [ZERO] * (len(bounds) + 1)
    for due, amount in items:
        totals[bucket_index(due, as_of, bounds)] += amount
    return tuple(totals)


def running_balance(opening: Decimal, movements: Iterable[Decimal]) -> tuple[Decimal, ...]:
    """Balance after each movement (increases positive, receipts negative), starting at ``opening``."""
    balance = opening
    out: list[Decimal] = []
    for m in movements:
        balance += m
        out.append(balance)
    return tuple(out)
