"""Receivables arithmetic: FIFO proposals, partial allocation, advances, manual checks, aging buckets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from erpdesk.domain import receivables as rules
from erpdesk.domain.errors import DomainError
from erpdesk.domain.receivables import (
    Allocation,
    OpenItem,
    age,
    bucket_index,
    check_manual,
    fifo_order,
    propose,
    running_balance,
)

D = Decimal


def _item(id_: int, due: date, open_: str, doc: date | None = None) -> OpenItem:
    return OpenItem(id=id_, doc_date=doc or due, due_date=due, open_amount=D(open_))


ITEMS = [
    _item(1, date(2025, 5, 10), "300.00"),
    _item(2, date(2025, 4, 1), "100.00"),
    _item(3, date(2025, 4, 1), "50.00", doc=date(2025, 3, 1)),
    _item(4, date(2025, 3, 1), "-20.00"),  # a credit note never takes money
    _item(5, date(2025, 3, 1), "0.00"),
]


def test_fifo_is_by_due_date_then_document_date_then_id() -> None:
    assert [i.id for i in fifo_order(ITEMS)] == [3, 2, 1]


def test_a_payment_fills_the_oldest_items_and_splits_the_last() -> None:
    proposal = propose(ITEMS, D("200.00"))
    assert [(a.item_id, a.amount) for a in proposal.allocations] == [
        (3, D("50.00")),
        (2, D("100.00")),
        (1, D("50.00")),
    ]
    assert proposal.advance == D("0.00")
    assert proposal.allocated == D("200.00")


def test_over_payment_leaves_an_advance() -> None:
    proposal = propose(ITEMS, D("500.00"))
    assert proposal.allocated == D("450.00")
    assert proposal.advance == D("50.00")


def test_no_open_items_means_everything_is_an_advance() -> None:
    assert propose([], D("80.00")).advance == D("80.00")


def test_manual_allocation_may_pick_any_item_and_leave_an_advance() -> None:
    items = {i.id: i for i in ITEMS}
    proposal = check_manual(items, [Allocation(item_id=1, amount=D("120.00"))], D("150.00"))
    assert proposal.advance == D("30.00")


@pytest.mark.parametrize(
    ("allocations", "amount", "msg_id"),
    [
        ([Allocation(item_id=2, amount=D("100.01"))], D("500"), "receivables.allocation_over_open"),
        (
            [Allocation(item_id=1, amount=D("100")), Allocation(item_id=2, amount=D("100"))],
            D("150.00"),
            "receivables.allocation_over_receipt",
        ),
        ([Allocation(item_id=2, amount=D("-1"))], D("100"), "receivables.allocation_not_positive"),
        ([Allocation(item_id=2, amount=D("0"))], D("100"), "receivables.allocation_not_positive"),
        ([Allocation(item_id=4, amount=D("1"))], D("100"), "receivables.allocation_over_open"),
        ([Allocation(item_id=99, amount=D("1"))], D("100"), "receivables.item_not_open"),
        (
            [Allocation(item_id=2, amount=D("1")), Allocation(item_id=2, amount=D("1"))],
            D("100"),
            "receivables.item_twice",
        ),
    ],
)
def test_manual_allocation_errors(
    allocations: list[Allocation], amount: Decimal, msg_id: str
) -> None:
    with pytest.raises(DomainError) as caught:
        check_manual({i.id: i for i in ITEMS}, allocations, amount)
    assert caught.value.msg_id == msg_id


def test_negative_receipt_amount_is_refused() -> None:
    with pytest.raises(DomainError):
        propose(ITEMS, D("-1"))


def test_aging_buckets_by_days_past_due() -> None:
    as_of = date(2025, 5, 3)
    assert bucket_index(date(2025, 5, 3), as_of) == 0  # due today: not yet overdue
    assert bucket_index(date(2025, 5, 2), as_of) == 1  # one day overdue
    assert bucket_index(date(2025, 4, 3), as_of) == 1  # 30 days
    assert bucket_index(date(2025, 4, 2), as_of) == 2  # 31 days
    assert bucket_index(date(2025, 2, 2), as_of) == 3  # 90 days: 61–90
    assert bucket_index(date(2025, 2, 1), as_of) == 4  # 91 days: over 90
    totals = age(
        [
            (date(2025, 6, 1), D("10")),
            (date(2025, 4, 20), D("20")),
            (date(2025, 3, 20), D("30")),
            (date(2025, 2, 20), D("40")),
            (date(2024, 12, 1), D("50")),
        ],
        as_of,
    )
    assert totals == (D("10"), D("20"), D("30"), D("40"), D("50"))


def test_aging_accepts_company_buckets_and_refuses_bad_ones() -> None:
    totals = age([(date(2025, 1, 1), D("5"))], date(2025, 5, 3), (0, 30, 60, 90, 180))
    assert totals == (D(0), D(0), D(0), D(0), D("5"), D(0))
    with pytest.raises(DomainError):
        age([], date(2025, 5, 3), (30, 0))


def test_running_balance() -> None:
    assert running_balance(D("100"), [D("50"), D("-120"), D("-30")]) == (D(150), D(30), D(0))


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("30,60,90", (0, 30, 60, 90)),
        ("0,30,60,90", (0, 30, 60, 90)),
        (" 15， 45、90 ,180", (0, 15, 45, 90, 180)),
    ],
)
def test_aging_buckets_parse_as_users_type_them(text: str, bounds: tuple[int, ...]) -> None:
    assert rules.parse_buckets(text) == bounds
    assert rules.parse_buckets(rules.format_buckets(bounds)) == bounds


@pytest.mark.parametrize("text", ["60,30", "30,30", "thirty", "-5,30", ""])
def test_bad_aging_buckets_are_refused(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        rules.parse_buckets(text)
    assert caught.value.msg_id == "receivables.bad_buckets"
