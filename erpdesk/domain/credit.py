"""Credit control: available credit and the none / warn / approve / block decision (DOMAIN.md §7).

Available credit = limit − open receivables − confirmed but undelivered orders (other than the one being
checked). An order is over when its total exceeds what is available. The limit applies whenever the mode
is not 不控制, so a limit of zero with 提醒 / 审批 / 禁止 means cash only; with nothing configured anywhere the
mode is 不控制. Overdue control (超期控制) fires when items more than ``overdue_days`` past due are still
open, with its own mode. The stricter outcome wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

ZERO = Decimal("0.00")


class CreditMode(StrEnum):
    """不控制 / 提醒 / 审批 / 禁止."""

    NONE = "none"
    WARN = "warn"
    APPROVE = "approve"
    BLOCK = "block"


_SEVERITY = {CreditMode.NONE: 0, CreditMode.WARN: 1, CreditMode.APPROVE: 2, CreditMode.BLOCK: 3}


class Trigger(StrEnum):
    """What made the check fire."""

    LIMIT = "limit"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class CreditPolicy:
    """The mode for going over the limit, and the overdue rule (``overdue_days`` None = off)."""

    mode: CreditMode = CreditMode.NONE
    overdue_days: int | None = None
    overdue_mode: CreditMode = CreditMode.NONE


@dataclass(frozen=True, slots=True)
class CreditPosition:
    """A customer's exposure at one moment (other orders only)."""

    limit: Decimal
    open_receivables: Decimal
    undelivered: Decimal
    overdue: Decimal = ZERO

    @property
    def exposure(self) -> Decimal:
        return self.open_receivables + self.undelivered

    @property
    def available(self) -> Decimal:
        """Credit left (negative when already over); zero limit means nothing may go on credit."""
        return self.limit - self.exposure


@dataclass(frozen=True, slots=True)
class CreditCheck:
    """The outcome: ``mode`` NONE means the order passes; otherwise why and by how much."""

    mode: CreditMode
    trigger: Trigger | None
    position: CreditPosition
    order_amount: Decimal
    shortfall: Decimal

    @property
    def passes(self) -> bool:
        return self.mode is CreditMode.NONE


def check(position: CreditPosition, order_amount: Decimal, policy: CreditPolicy) -> CreditCheck:
    """Decide what confirming an order of ``order_amount`` needs.

    Returns:
        A ``CreditCheck``; its ``mode`` is the stricter of the limit rule and the overdue rule that
        fired (NONE when neither did), ``shortfall`` how far the order goes over the limit.
    """
    shortfall = ZERO
    mode, trigger = CreditMode.NONE, None
    if policy.mode is not CreditMode.NONE and order_amount > position.available:
        shortfall = order_amount - max(position.available, ZERO)
        mode, trigger = policy.mode, Trigger.LIMIT
    if (
        policy.overdue_days is not None
        and position.overdue > 0
        and _SEVERITY[policy.overdue_mode] > _SEVERITY[mode]
    ):
        mode, trigger = policy.overdue_mode, Trigger.OVERDUE
    return CreditCheck(
        mode=mode,
        trigger=trigger,
        position=position,
        order_amount=order_amount,
        shortfall=shortfall,
    )


def level(position: CreditPosition, order_amount: Decimal, mode: CreditMode) -> str:
    """``ok``, ``near`` (over 80 % of the limit used) or ``over``: the form's green / amber / red."""
    if mode is CreditMode.NONE:
        return "ok"
    used = position.exposure + order_amount
    if used > position.limit:
        return "over"
    if used * 5 > position.limit * 4:
        return "near"
    return "ok"
