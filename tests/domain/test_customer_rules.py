"""Pure customer rules: USCC check character, duplicate keys, phone digits, default short names."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erpdesk.domain.customers import (
    default_short_name,
    normalise_name,
    phone_digits,
    tax_number_problem,
    uscc_check_char,
)


@pytest.mark.parametrize("uscc", ["91350100M000100Y43", "91440300708461136T"])
def test_real_credit_codes_pass(uscc: str) -> None:
    assert uscc_check_char(uscc[:17]) == uscc[17]
    assert tax_number_problem(uscc) is None
    assert tax_number_problem(" " + uscc.lower() + " ") is None


@pytest.mark.parametrize(
    ("value", "msg_id"),
    [
        ("91350100M000100Y44", "customer.tax_number_check"),
        ("91350100M000100Y4", "customer.tax_number_length"),
        ("91350100M000100I43", "customer.tax_number_chars"),
        ("110105123456789", "customer.tax_number_legacy"),
        ("", None),
    ],
)
def test_tax_number_problems_are_named(value: str, msg_id: str | None) -> None:
    assert tax_number_problem(value) == msg_id


def test_full_width_case_spaces_and_suffixes_do_not_hide_a_duplicate() -> None:
    assert normalise_name("上海 明达 有限公司") == normalise_name("上海明达")
    assert normalise_name("上海明达股份有限公司") == normalise_name("上海明达有限责任公司")
    assert normalise_name("ＡＣＭＥ Trading Co., Ltd.") == normalise_name("acme trading")
    assert normalise_name("Acme Trading Limited") == "acmetrading"
    assert normalise_name("上海明达") != normalise_name("上海明远")


def test_a_bare_suffix_is_not_emptied() -> None:
    assert normalise_name("公司") == "公司"


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("+86 138-0013-8000", "13800138000"),
        ("0086 13800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("(021) 6234-5678", "02162345678"),
        ("０２１－６２３４５６７８", "02162345678"),
    ],
)
def test_phone_digits_ignore_country_code_and_separators(typed: str, digits: str) -> None:
    assert phone_digits(typed) == digits


def test_default_short_name_drops_the_company_suffix() -> None:
    assert default_short_name("重庆银行股份有限公司") == "重庆银行"
    assert default_short_name("Acme Trading Co., Ltd.") == "Acme Trading"
    assert len(default_short_name("很" * 40 + "有限公司")) == 20


def _short_name_without_shortcut(name: str) -> str:
    # default_short_name as first written: every name through the Latin-suffix search.
    text = unicodedata.normalize("NFKC", name).strip()
    for suffix in ("股份有限公司", "有限责任公司", "有限公司", "公司"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    text = re.sub(r"(?i)[\s,.]*(co\.?,?\s*ltd\.?|company limited|limited|ltd\.?|inc\.?)$", "", text)
    return text.strip()[:20]


_NAME_PARTS = st.sampled_from(
    [
        "重庆",
        "银行",
        "有限公司",
        "公司",
        "股份有限公司",
        "Acme",
        " Co.",
        ",",
        " Ltd",
        ".",
        " LTD.",
        " inc",
        " Inc.",
        " limited",
        " Company Limited",
        "ｃｏ．，ｌｔｄ",
        " ",
        "\n",
        "d",
        "C",
        "(上海)",
    ]
)


@settings(max_examples=500)
@given(st.lists(st.one_of(_NAME_PARTS, st.text(max_size=3)), max_size=6).map("".join))
def test_default_short_name_is_the_plain_rule(name: str) -> None:
    # The shortcut that skips the Latin-suffix search must never change a short name.
    assert default_short_name(name) == _short_name_without_shortcut(name)
