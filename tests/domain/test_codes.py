"""Customer code rules: tokens, reset periods, capacity, level codes, hand-typed codes."""

from __future__ import annotations

from datetime import date

import pytest

from erpdesk.domain import codes
from erpdesk.domain.codes import CodeReset
from erpdesk.domain.errors import DomainError

DAY = date(2024, 5, 3)


def test_rule_with_year_month_and_serial_gives_the_domain_example() -> None:
    assert codes.preview("KH{YY}{MM}{SEQ:3}", CodeReset.MONTHLY, DAY) == (
        "KH2405001",
        "KH2405002",
        "KH2405003",
    )


def test_region_and_category_tokens_fill_in_short_codes() -> None:
    assert (
        codes.preview("{REGION}{CAT}{SEQ:3}", CodeReset.NEVER, DAY, region="hd", category="ZZ")[0]
        == "HDZZ001"
    )


def test_full_date_and_literal_after_the_serial() -> None:
    parsed = codes.parse_rule("C{YYYY}{DD}-{SEQ:2}X")
    frame = codes.frame(parsed, CodeReset.DAILY, DAY)
    assert frame.code(7) == "C202403-07X"
    assert frame.period == "20240503"
    assert frame.series("3") == "cust:3:C202403-|X"


@pytest.mark.parametrize(
    ("reset", "key"),
    [
        (CodeReset.NEVER, ""),
        (CodeReset.YEARLY, "2024"),
        (CodeReset.MONTHLY, "202405"),
        (CodeReset.DAILY, "20240503"),
    ],
)
def test_period_key_follows_the_reset(reset: CodeReset, key: str) -> None:
    assert codes.period_key(reset, DAY) == key


@pytest.mark.parametrize(
    "pattern",
    ["KH", "KH{SEQ:3}{SEQ:2}", "KH{FOO}{SEQ:3}", "KH{SEQ:11}", "K H{SEQ:3}", "{YY:2}{SEQ}"],
)
def test_broken_rules_are_refused(pattern: str) -> None:
    with pytest.raises(DomainError) as err:
        codes.parse_rule(pattern)
    assert err.value.msg_id == "code.rule_invalid"


def test_a_full_period_refuses_and_warns_at_80_percent() -> None:
    frame = codes.frame(codes.parse_rule("KH{SEQ:3}"), CodeReset.NEVER, DAY)
    assert frame.code(999) == "KH999"
    assert not frame.near_capacity(798)
    assert frame.near_capacity(800)
    with pytest.raises(DomainError) as err:
        frame.code(1000)
    assert err.value.msg_id == "code.rule_full"


def test_level_codes_follow_the_scheme() -> None:
    widths = codes.parse_level_scheme("2-3-3")
    top = codes.level_code("", widths, 1)
    child = codes.level_code(top, widths, 1)
    assert (top, child, codes.level_code(child, widths, 12)) == ("01", "01001", "01001012")
    assert codes.level_depth("01001", widths) == 2
    with pytest.raises(DomainError):
        codes.level_code("01001001", widths, 1)
    with pytest.raises(DomainError):
        codes.level_code("", widths, 100)


@pytest.mark.parametrize("scheme", ["", "2-3-x", "4-4-4-1", "1-1-1-1-1-1", "0-2"])
def test_bad_level_schemes_are_refused(scheme: str) -> None:
    with pytest.raises(DomainError):
        codes.parse_level_scheme(scheme)


def test_hand_typed_codes_are_trimmed_half_width_and_uppercased() -> None:
    assert codes.normalise_manual_code("  ｋｈ－００１ ") == "KH-001"
    assert codes.normalise_manual_code("a.b_c-9") == "A.B_C-9"


@pytest.mark.parametrize(
    ("typed", "msg_id"),
    [
        ("", "code.required"),
        ("   ", "code.required"),
        ("KH 01", "code.bad_chars"),
        ("客户01", "code.bad_chars"),
        ("K" * 31, "code.too_long"),
    ],
)
def test_bad_hand_typed_codes_are_refused(typed: str, msg_id: str) -> None:
    with pytest.raises(DomainError) as err:
        codes.normalise_manual_code(typed)
    assert err.value.msg_id == msg_id


def test_prefix_range_selects_exactly_the_prefix() -> None:
    lo, hi = codes.prefix_range("KH01") or ("", "")
    inside = ["KH01", "KH010", "KH01ZZZ"]
    outside = ["KH0", "KH02", "KH1", "KG99"]
    assert all(lo <= c < hi for c in inside)
    assert not any(lo <= c < hi for c in outside)
