"""Order rules: which transitions are allowed, and line and order totals to the fen."""

from __future__ import annotations

from decimal import Decimal

import pytest

from erpdesk.domain.errors import DomainError
from erpdesk.domain.orders import (
    TRANSITIONS,
    Action,
    OrderStatus,
    actions_for,
    delivered_amount,
    line_amounts,
    next_status,
    pct_to_bp,
    totals,
)

S, A = OrderStatus, Action
D = Decimal


@pytest.mark.parametrize(
    ("status", "action", "expected"),
    [
        (S.DRAFT, A.CONFIRM, S.CONFIRMED),
        (S.DRAFT, A.SUBMIT, S.PENDING),
        (S.DRAFT, A.CANCEL, S.CANCELLED),
        (S.PENDING, A.APPROVE, S.CONFIRMED),
        (S.PENDING, A.REJECT, S.DRAFT),
        (S.CONFIRMED, A.REOPEN, S.DRAFT),
        (S.CONFIRMED, A.CANCEL, S.CANCELLED),
        (S.DELIVERED, A.COMPLETE, S.COMPLETED),
    ],
)
def test_allowed_transitions_lead_where_the_table_says(
    status: OrderStatus, action: Action, expected: OrderStatus
) -> None:
    assert next_status(status, action) is expected


def test_a_delivery_is_partial_until_everything_is_delivered() -> None:
    assert next_status(S.CONFIRMED, A.DELIVER) is S.PARTIAL
    assert next_status(S.PARTIAL, A.DELIVER, fully_delivered=True) is S.DELIVERED
    assert next_status(S.DELIVERED, A.REVERSE, nothing_delivered=True) is S.CONFIRMED


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (S.DRAFT, A.DELIVER),  # not confirmed yet
        (S.PENDING, A.DELIVER),
        (S.PARTIAL, A.CANCEL),  # something delivered
        (S.DELIVERED, A.CANCEL),
        (S.PARTIAL, A.REOPEN),
        (S.DELIVERED, A.REOPEN),
        (S.COMPLETED, A.REOPEN),  # read-only
        (S.CANCELLED, A.CONFIRM),
        (S.CONFIRMED, A.CONFIRM),
        (S.DRAFT, A.APPROVE),
    ],
)
def test_refused_transitions_raise(status: OrderStatus, action: Action) -> None:
    with pytest.raises(DomainError) as caught:
        next_status(status, action)
    assert caught.value.msg_id == "order.transition_refused"


def test_completed_and_cancelled_orders_offer_no_action() -> None:
    assert actions_for(S.COMPLETED) == ()
    assert actions_for(S.CANCELLED) == ()
    assert all(state in S for state, _ in TRANSITIONS)


def test_line_amount_is_qty_times_price_less_discount_rounded_half_up() -> None:
    # 3 × 33.33 × 0.9 = 89.991 → 89.99; tax 13 % inside: 89.99 × 0.13 / 1.13 = 10.3529… → 10.35
    line = line_amounts(D(3), D("33.33"), D(10), D(13))
    assert line.amount == D("89.99")
    assert line.tax == D("10.35")
    # 0.005 rounds up, not to even
    assert line_amounts(D("0.5"), D("0.01"), D(0), D(0)).amount == D("0.01")
    assert line_amounts(D("1.5"), D("0.01"), D(0), D(0)).amount == D("0.02")


def test_order_total_is_the_sum_of_its_rounded_lines() -> None:
    lines = [line_amounts(D(1), D("0.335"), D(0), D(13)) for _ in range(3)]
    result = totals(lines)
    assert result.total == D("1.02")  # 3 × 0.34, not round(1.005)
    assert result.net == result.total - result.tax


@pytest.mark.parametrize(
    ("qty", "discount", "msg"),
    [
        (D(0), D(0), "order.qty_invalid"),
        (D(-1), D(0), "order.qty_invalid"),
        (D("1.0001"), D(0), "order.qty_invalid"),
        (D(1), D(101), "order.discount_invalid"),
    ],
)
def test_bad_lines_are_refused(qty: Decimal, discount: Decimal, msg: str) -> None:
    with pytest.raises(DomainError) as caught:
        line_amounts(qty, D(10), discount, D(13))
    assert caught.value.msg_id == msg


def test_partial_delivery_amount_is_pro_rata_and_the_rest_closes_the_line() -> None:
    assert delivered_amount(D("100.00"), D(3), D(1)) == D("33.33")
    assert delivered_amount(D("100.00"), D(3), D(3)) == D("100.00")


def test_percent_with_more_than_two_decimals_is_refused() -> None:
    assert pct_to_bp(D("13.5")) == 1350
    with pytest.raises(DomainError):
        pct_to_bp(D("13.555"))
