"""The duplicate keys' fast paths give exactly what the plain definitions give.

``phone_digits`` skips NFKC for ASCII text and ``normalise_name`` rules out keys without a company
suffix in one call; both run 100,000 times in an import, and a different key would change which rows
are flagged as possible duplicates. The plain definitions are written out here as the reference.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from erpdesk.domain.customers import (
    _MOBILE_HEADS,
    _PUNCT,
    COMPANY_SUFFIXES,
    normalise_name,
    phone_digits,
)


def _digits_reference(text: str) -> str:
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit())
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if len(digits) > 11 and digits[-11] == "1" and digits[-11:-9] in _MOBILE_HEADS:
        digits = digits[-11:]
    return digits[:20]


def _name_reference(name: str) -> str:
    key = _PUNCT.sub("", unicodedata.normalize("NFKC", name).casefold())
    changed = True
    while changed and key:
        changed = False
        for suffix in COMPANY_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                changed = True
                break
    return key


_phone_text = st.text(alphabet="0123456789 +-()#转ext１２３８６\u0663\u00b2", max_size=30)
_name_text = st.one_of(
    st.text(max_size=30),
    st.builds(
        "".join,
        st.lists(
            st.sampled_from(
                ["上海", "明达", " ", "有限", "公司", "Co.", "Ltd", "inc", "集团", "股份"]
            )
        ),
    ),
)


@given(_phone_text)
def test_phone_digits_equals_the_plain_definition(text: str) -> None:
    assert phone_digits(text) == _digits_reference(text)


@given(st.text(max_size=30))
def test_phone_digits_of_any_text_equals_the_plain_definition(text: str) -> None:
    assert phone_digits(text) == _digits_reference(text)


@given(_name_text)
def test_name_key_equals_the_plain_definition(name: str) -> None:
    assert normalise_name(name) == _name_reference(name)


def test_known_keys() -> None:
    assert phone_digits("+86 138-0013-8000") == phone_digits("13800138000") == "13800138000"
    assert normalise_name("上海 明达 有限公司") == normalise_name("上海明达") == "上海明达"
    assert normalise_name("MINGDA Co., Ltd.") == "mingda"
    assert normalise_name("公司") == "公司"
