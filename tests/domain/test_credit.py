"""The credit ladder: available credit, each mode when over the limit, and the overdue trigger."""

from __future__ import annotations

from decimal import Decimal

import pytest

from erpdesk.domain.credit import CreditMode, CreditPolicy, CreditPosition, Trigger, check, level

D = Decimal
POSITION = CreditPosition(limit=D(10000), open_receivables=D(6000), undelivered=D(3000))


def test_available_is_limit_less_receivables_less_undelivered() -> None:
    assert POSITION.available == D(1000)
    assert POSITION.exposure == D(9000)


def test_an_order_within_the_available_credit_passes_in_every_mode() -> None:
    for mode in CreditMode:
        assert check(POSITION, D(1000), CreditPolicy(mode=mode)).passes


@pytest.mark.parametrize("mode", [CreditMode.WARN, CreditMode.APPROVE, CreditMode.BLOCK])
def test_an_order_over_the_limit_meets_the_policy_mode(mode: CreditMode) -> None:
    result = check(POSITION, D("1500.50"), CreditPolicy(mode=mode))
    assert result.mode is mode
    assert result.trigger is Trigger.LIMIT
    assert result.shortfall == D("500.50")


def test_mode_none_lets_everything_through() -> None:
    assert check(POSITION, D(99999), CreditPolicy(mode=CreditMode.NONE)).passes


def test_a_zero_limit_with_a_mode_means_cash_only() -> None:
    cash_only = CreditPosition(limit=D(0), open_receivables=D(0), undelivered=D(0))
    refused = check(cash_only, D("0.01"), CreditPolicy(mode=CreditMode.BLOCK))
    assert refused.mode is CreditMode.BLOCK
    assert refused.shortfall == D("0.01")
    assert level(cash_only, D("0.01"), CreditMode.WARN) == "over"
    assert check(cash_only, D(0), CreditPolicy(mode=CreditMode.BLOCK)).passes


def test_without_a_mode_no_limit_is_checked() -> None:
    uncontrolled = CreditPosition(limit=D(0), open_receivables=D(50000), undelivered=D(0))
    assert CreditPolicy().mode is CreditMode.NONE
    assert check(uncontrolled, D(99999), CreditPolicy()).passes
    assert level(uncontrolled, D(99999), CreditMode.NONE) == "ok"


def test_overdue_receivables_trigger_their_own_mode_and_the_stricter_wins() -> None:
    overdue = CreditPosition(
        limit=D(10000), open_receivables=D(6000), undelivered=D(0), overdue=D(800)
    )
    policy = CreditPolicy(mode=CreditMode.WARN, overdue_days=30, overdue_mode=CreditMode.BLOCK)
    result = check(overdue, D(100), policy)
    assert result.mode is CreditMode.BLOCK
    assert result.trigger is Trigger.OVERDUE
    off = CreditPolicy(mode=CreditMode.WARN, overdue_days=None, overdue_mode=CreditMode.BLOCK)
    assert check(overdue, D(100), off).passes
    # over the limit in block mode and overdue in warn mode: block (limit) wins
    strict = CreditPolicy(mode=CreditMode.BLOCK, overdue_days=30, overdue_mode=CreditMode.WARN)
    assert check(overdue, D(5000), strict).trigger is Trigger.LIMIT


def test_level_turns_amber_then_red() -> None:
    assert level(POSITION, D(0), CreditMode.WARN) == "near"  # 90 % used
    low = CreditPosition(limit=D(10000), open_receivables=D(0), undelivered=D(0))
    assert level(low, D(1000), CreditMode.WARN) == "ok"
    assert level(low, D(8500), CreditMode.WARN) == "near"
    assert level(low, D(10001), CreditMode.BLOCK) == "over"
