"""Money is exact: fen conversions, refusing sub-fen amounts, parsing what people type, 大写 in words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from erpdesk.domain.errors import DomainError
from erpdesk.domain.money import (
    amount_in_words,
    format_money,
    from_minor,
    parse_money,
    to_minor,
)


@pytest.mark.parametrize(
    ("amount", "fen"),
    [
        ("0", 0),
        ("0.01", 1),
        ("0.1", 10),
        ("1.10", 110),
        ("12345.67", 1234567),
        ("-0.05", -5),
        ("99999999999999.99", 9999999999999999),
    ],
)
def test_to_minor_and_back_is_exact(amount: str, fen: int) -> None:
    assert to_minor(Decimal(amount)) == fen
    assert from_minor(fen) == Decimal(amount)
    assert str(from_minor(fen)).count(".") == 1
    assert len(str(from_minor(fen)).split(".")[1]) == 2


def test_round_trip_for_many_values() -> None:
    for fen in [*range(-1000, 1000, 7), 10**15 + 1, -(10**15) - 99]:
        assert to_minor(from_minor(fen)) == fen


@pytest.mark.parametrize("amount", ["0.001", "1.005", "-3.999", "0.0001"])
def test_three_decimals_are_refused_not_rounded(amount: str) -> None:
    with pytest.raises(DomainError) as caught:
        to_minor(Decimal(amount))
    assert caught.value.msg_id == "money.too_precise"


def test_trailing_zero_decimals_are_not_precision() -> None:
    assert to_minor(Decimal("1.500")) == 150


@pytest.mark.parametrize("amount", ["NaN", "Infinity", "-Infinity"])
def test_not_a_number_is_refused(amount: str) -> None:
    with pytest.raises(DomainError) as caught:
        to_minor(Decimal(amount))
    assert caught.value.msg_id == "money.not_a_number"


def test_absurdly_large_amount_is_a_domain_error() -> None:
    with pytest.raises(DomainError) as caught:
        to_minor(Decimal("1e40"))
    assert caught.value.msg_id == "money.too_large"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.5", "12.50"),
        ("¥1,234.56", "1234.56"),
        ("￥1,234.56", "1234.56"),
        ("１２３４.５６", "1234.56"),
        ("￥１２，３４５．６", "12345.60"),
        ("  1 000 ", "1000.00"),
        ("-¥7.80", "-7.80"),
        ("(12.30)", "-12.30"),
        ("RMB 5", "5.00"),
        ("100元", "100.00"),
    ],
)
def test_parse_money_reads_what_people_type(text: str, expected: str) -> None:
    parsed = parse_money(text)
    assert parsed == Decimal(expected)
    assert str(parsed) == expected


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "12,34a", "--1"])
def test_parse_money_refuses_non_numbers(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_money(text)
    assert caught.value.msg_id == "money.not_a_number"


def test_parse_money_refuses_three_decimals() -> None:
    with pytest.raises(DomainError) as caught:
        parse_money("¥1.234")
    assert caught.value.msg_id == "money.too_precise"


def test_format_money() -> None:
    assert format_money(Decimal("12345.6")) == "¥12,345.60"
    assert format_money(Decimal("-0.05")) == "-¥0.05"
    assert format_money(Decimal("1000"), symbol=False) == "1,000.00"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "零元整"),
        ("0.05", "伍分"),
        ("0.50", "伍角"),
        ("1.05", "壹元零伍分"),
        ("1.50", "壹元伍角"),
        ("10", "壹拾元整"),
        ("110", "壹佰壹拾元整"),
        ("10005.30", "壹万零伍元叁角"),
        ("7800", "柒仟捌佰元整"),
        ("100000", "壹拾万元整"),
        ("1010", "壹仟零壹拾元整"),
        ("100100", "壹拾万零壹佰元整"),
        ("1000001", "壹佰万零壹元整"),
        ("1010101.01", "壹佰零壹万零壹佰零壹元零壹分"),
        ("100010000", "壹亿零壹万元整"),
        ("20000000.02", "贰仟万元零贰分"),
        ("123456789.12", "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"),
        ("-1.05", "负壹元零伍分"),
        ("-7800", "负柒仟捌佰元整"),
    ],
)
def test_amount_in_words(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount)) == words


def test_amount_in_words_refuses_sub_fen_and_huge() -> None:
    with pytest.raises(DomainError) as caught:
        amount_in_words(Decimal("1.001"))
    assert caught.value.msg_id == "money.too_precise"
    with pytest.raises(DomainError) as caught:
        amount_in_words(Decimal("10000000000000000"))
    assert caught.value.msg_id == "money.too_large"
