"""Sales order rules: the states, the table of allowed transitions, and line and order totals.

Prices are tax-inclusive (含税单价). A line's amount is quantity × price × (1 − discount %), rounded half
up to the fen; its tax is the part of that amount the rate accounts for, amount × rate / (1 + rate),
rounded the same way. The order's total and tax are the sums of its lines, so a printed order always
adds up. Quantities have at most three decimals. Nothing here knows a table or a widget.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from erpdesk.domain.errors import DomainError

CENT = Decimal("0.01")
QTY = Decimal("0.001")
HUNDRED = Decimal(100)
BP = Decimal(10000)


class OrderStatus(StrEnum):
    """The states of DOMAIN.md §7; ``PARTIAL`` is 已确认 with part delivered (部分发货)."""

    DRAFT = "draft"
    PENDING = "pending"
    CONFIRMED = "confirmed"
    PARTIAL = "partial"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Action(StrEnum):
    """What a user does to an order; each is one service method."""

    CONFIRM = "confirm"
    SUBMIT = "submit"  # over the limit in approve mode: to the approvers' queue
    APPROVE = "approve"
    REJECT = "reject"
    REOPEN = "reopen"  # 反审核
    DELIVER = "deliver"
    COMPLETE = "complete"  # 手工关闭 / automatic when delivered and settled
    CANCEL = "cancel"  # 作废
    REVERSE = "reverse"  # 红冲 a delivery: the order goes back to confirmed or partly delivered


S = OrderStatus
A = Action

TRANSITIONS: dict[tuple[OrderStatus, Action], tuple[OrderStatus, ...]] = {
    (S.DRAFT, A.CONFIRM): (S.CONFIRMED,),
    (S.DRAFT, A.SUBMIT): (S.PENDING,),
    (S.DRAFT, A.CANCEL): (S.CANCELLED,),
    (S.PENDING, A.APPROVE): (S.CONFIRMED,),
    (S.PENDING, A.REJECT): (S.DRAFT,),
    (S.CONFIRMED, A.DELIVER): (S.PARTIAL, S.DELIVERED),
    (S.CONFIRMED, A.REOPEN): (S.DRAFT,),
    (S.CONFIRMED, A.CANCEL): (S.CANCELLED,),
    (S.PARTIAL, A.DELIVER): (S.PARTIAL, S.DELIVERED),
    (S.PARTIAL, A.COMPLETE): (S.COMPLETED,),
    (S.PARTIAL, A.REVERSE): (S.CONFIRMED, S.PARTIAL),
    (S.DELIVERED, A.COMPLETE): (S.COMPLETED,),
    (S.DELIVERED, A.REVERSE): (S.CONFIRMED, S.PARTIAL),
}
"""(state, action) → the states the action may lead to; a pair not listed is refused."""

EDITABLE = frozenset({S.DRAFT})
OPEN_EXPOSURE = frozenset({S.CONFIRMED, S.PARTIAL})
"""States whose undelivered value counts against the customer's credit."""


def allowed(status: OrderStatus, action: Action) -> bool:
    """True when ``action`` may be applied to an order in ``status``."""
    return (status, action) in TRANSITIONS


def next_status(
    status: OrderStatus,
    action: Action,
    *,
    fully_delivered: bool = False,
    nothing_delivered: bool = False,
) -> OrderStatus:
    """The state after ``action`` (a delivery or reversal also needs how much is now delivered).

    Raises:
        DomainError('order.transition_refused'): the pair is not in ``TRANSITIONS``.
    """
    targets = TRANSITIONS.get((status, action))
    if targets is None:
        raise DomainError("order.transition_refused", status=status.value, action=action.value)
    if action is A.DELIVER:
        return S.DELIVERED if fully_delivered else S.PARTIAL
    if action is A.REVERSE:
        return S.CONFIRMED if nothing_delivered else S.PARTIAL
    return targets[0]


def actions_for(status: OrderStatus) -> tuple[Action, ...]:
    """Actions a user may try on an order in ``status`` (the form shows these buttons)."""
    return tuple(action for (state, action) in TRANSITIONS if state is status)


@dataclass(frozen=True, slots=True)
class LineAmounts:
    """A line's amount (tax included) and the tax in it, both to the fen."""

    amount: Decimal
    tax: Decimal


def line_amounts(
    qty: Decimal, unit_price: Decimal, discount_pct: Decimal, tax_rate_pct: Decimal
) -> LineAmounts:
    """Amount and tax of one line.

    Args:
        qty: quantity (at most three decimals).
        unit_price: tax-inclusive price per unit.
        discount_pct: discount in percent (0–100).
        tax_rate_pct: VAT rate in percent (13 for 13 %).

    Raises:
        DomainError: ``order.qty_invalid``, ``order.discount_invalid``, ``order.price_invalid``.
    """
    if qty <= 0 or qty != qty.quantize(QTY):
        raise DomainError("order.qty_invalid", qty=str(qty))
    if not Decimal(0) <= discount_pct <= HUNDRED:
        raise DomainError("order.discount_invalid", discount=str(discount_pct))
    if unit_price < 0 or tax_rate_pct < 0:
        raise DomainError("order.price_invalid", price=str(unit_price))
    gross = qty * unit_price * (HUNDRED - discount_pct) / HUNDRED
    amount = gross.quantize(CENT, rounding=ROUND_HALF_UP)
    rate = tax_rate_pct / HUNDRED
    tax = (amount * rate / (1 + rate)).quantize(CENT, rounding=ROUND_HALF_UP)
    return LineAmounts(amount=amount, tax=tax)


@dataclass(frozen=True, slots=True)
class Totals:
    """Order totals: ``total`` tax included, ``tax`` within it, ``net`` = total − tax."""

    total: Decimal
    tax: Decimal

    @property
    def net(self) -> Decimal:
        return self.total - self.tax


def totals(lines: Iterable[LineAmounts]) -> Totals:
    """Sum of the lines' amounts and taxes."""
    total = tax = Decimal("0.00")
    for line in lines:
        total += line.amount
        tax += line.tax
    return Totals(total=total, tax=tax)


def delivered_amount(line_amount: Decimal, line_qty: Decimal, qty: Decimal) -> Decimal:
    """The value of delivering ``qty`` of a line: pro rata, half up, the last part takes the rest."""
    if qty == line_qty:
        return line_amount
    return (line_amount * qty / line_qty).quantize(CENT, rounding=ROUND_HALF_UP)


def pct_to_bp(pct: Decimal) -> int:
    """Percent (13.5) to basis points (1350), refusing more than two decimals."""
    scaled = pct * 100
    if scaled != scaled.to_integral_value():
        raise DomainError("order.pct_too_precise", value=str(pct))
    return int(scaled)


def bp_to_pct(bp: int) -> Decimal:
    """Basis points (1350) to percent (13.50)."""
    return (Decimal(bp) / 100).quantize(CENT)
