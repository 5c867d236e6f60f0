"""Stocktake rules: reading a scan, the state table, when expected figures may be shown."""

from __future__ import annotations

from decimal import Decimal

import pytest

from erpdesk.domain.errors import DomainError
from erpdesk.domain.stocktake import (
    StocktakeAction,
    StocktakeStatus,
    allowed_actions,
    check_reason,
    expected_visible,
    next_status,
    parse_scan,
)


@pytest.mark.parametrize(
    ("text", "quantity", "code"),
    [
        ("6901234567892", "1", "6901234567892"),
        ("  sp0001 \r", "1", "SP0001"),
        ("12*SP0001", "12", "SP0001"),
        ("１２＊ｓｐ０００１", "12", "SP0001"),  # typed through a Chinese IME
        ("2.5 * kh-001", "2.5", "KH-001"),
        ("3×SP0001", "3", "SP0001"),
    ],
)
def test_scans_are_read_as_quantity_and_code(text: str, quantity: str, code: str) -> None:
    assert parse_scan(text) == (Decimal(quantity), code)


@pytest.mark.parametrize(
    ("text", "msg_id"),
    [
        ("", "stocktake.empty_scan"),
        ("   ", "stocktake.empty_scan"),
        ("12*", "stocktake.empty_scan"),
        ("0*SP0001", "stocktake.bad_quantity"),
        ("-3*SP0001", "stocktake.bad_quantity"),
        ("1.0005*SP0001", "stocktake.bad_quantity"),
        ("many*SP0001", "stocktake.bad_quantity"),
        ("2000000*SP0001", "stocktake.bad_quantity"),
        ("X" * 65, "stocktake.scan_too_long"),
    ],
)
def test_bad_scans_are_refused(text: str, msg_id: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_scan(text)
    assert caught.value.msg_id == msg_id


def test_the_state_table() -> None:
    S, A = StocktakeStatus, StocktakeAction
    assert next_status(S.OPEN, A.START) is S.COUNTING
    assert next_status(S.COUNTING, A.TO_REVIEW) is S.REVIEW
    assert next_status(S.REVIEW, A.POST) is S.POSTED
    assert next_status(S.REVIEW, A.REOPEN) is S.COUNTING
    for closed in (S.POSTED, S.CANCELLED):
        assert allowed_actions(closed) == frozenset()
        with pytest.raises(DomainError):
            next_status(closed, A.CANCEL)
    with pytest.raises(DomainError) as caught:
        next_status(S.COUNTING, A.POST)
    assert caught.value.params == {"action": "post", "status": "counting"}


def test_blind_counts_hide_expected_until_review() -> None:
    assert not expected_visible(True, StocktakeStatus.COUNTING)
    assert expected_visible(True, StocktakeStatus.REVIEW)
    assert expected_visible(False, StocktakeStatus.COUNTING)


def test_a_correction_needs_a_reason() -> None:
    assert check_reason("  破损  ") == "破损"
    with pytest.raises(DomainError):
        check_reason(" ")
    with pytest.raises(DomainError):
        check_reason("x" * 201)
