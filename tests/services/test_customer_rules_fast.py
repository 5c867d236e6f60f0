"""The fast paths of the customer field rules agree exactly with the plain library paths.

``phone_ok`` and ``email_ok`` answer common shapes without the full parsers (11-digit mainland
mobiles, plain ASCII addresses); ``initials`` converts pinyin run by run with a cache. A clerk must
never see a row accepted by the import that the form refuses, or the other way round, so each fast
answer is compared with the slow one on generated values, including near misses.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from erpdesk.services.customer_rules import (
    email_ok,
    email_ok_reference,
    phone_ok,
    phone_ok_reference,
)
from erpdesk.services.pinyin import initials, initials_reference

FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_mainland_mobile_shape_matches_phonenumbers(number: str) -> None:
    assert phone_ok(number) == phone_ok_reference(number)


def test_every_mobile_prefix_matches_phonenumbers() -> None:
    # Validity is decided by the leading digits; try every 5-digit prefix with random endings.
    rng = random.Random(5)
    for prefix in range(13000, 20000):
        number = f"{prefix}{rng.randrange(10**6):06d}"
        assert phone_ok(number) == phone_ok_reference(number), number


@FAST
@given(
    st.one_of(
        st.from_regex(r"\s*\+?[0-9 ()\-]{0,16}(转|-|ext)?[0-9]{0,4}\s*", fullmatch=True),
        st.from_regex(r"0[1-9][0-9]{1,2}[- ]?[0-9]{7,8}", fullmatch=True),
        st.from_regex(r"1[0-9]{10,11}", fullmatch=True),
        st.text(max_size=20),
    )
)
def test_any_phone_text_matches_phonenumbers(text: str) -> None:
    assert phone_ok(text) == phone_ok_reference(text)


def test_known_phone_answers() -> None:
    assert phone_ok("13812345678")
    assert phone_ok(" 13912345678 ")
    assert not phone_ok("14012345678")  # no such mobile range
    assert not phone_ok("17912345678")  # carrier prefix, left to phonenumbers
    assert phone_ok("021-62345678")
    assert phone_ok("021-62345678-801")


_ATEXT = "abcxyzABC0189_!#$%&'*+-/=?^`{|}~"
_local = st.text(alphabet=_ATEXT + ".", min_size=0, max_size=12)
_host = st.one_of(
    st.text(alphabet="abcxyz019.-", min_size=0, max_size=20),
    st.from_regex(r"(xn--[a-z0-9]{2,10}\.)?[a-z]{1,8}\.(com|cn|test|local|x1)", fullmatch=True),
)


@FAST
@given(_local, _host)
def test_plain_email_shape_matches_email_validator(local: str, host: str) -> None:
    address = f"{local}@{host}"
    assert email_ok(address) == email_ok_reference(address)


@FAST
@given(st.text(max_size=30))
def test_any_email_text_matches_email_validator(text: str) -> None:
    assert email_ok(text) == email_ok_reference(text)


def test_known_email_answers() -> None:
    assert email_ok("c1@example.com")
    assert email_ok("a.b+tag@x-y.com.cn")
    assert not email_ok("a..b@x.com")
    assert not email_ok("a@-x.com")
    assert not email_ok("a@localhost")  # special-use name, refused by email-validator
    assert not email_ok("not an address")
    assert email_ok("sales@xn--fiqs8s.cn") == email_ok_reference("sales@xn--fiqs8s.cn")
    long_local = "a" * 60
    idna = "xn--" + "a" * 59 + ".cn"
    assert email_ok(f"{long_local}@{idna}") == email_ok_reference(f"{long_local}@{idna}")


_HAN = "重庆银行长沙测试客户贸易有限公司行长乐〇"
_names = st.text(alphabet=_HAN + "AbZ 09-_.（）１２ａ\n·", max_size=24)


@FAST
@given(_names)
def test_run_by_run_initials_match_pypinyin(name: str) -> None:
    assert initials(name) == initials_reference(name)


@FAST
@given(st.text(max_size=24))
def test_initials_of_any_text_match_pypinyin(text: str) -> None:
    assert initials(text) == initials_reference(text)


def test_known_initials() -> None:
    assert initials("重庆银行") == "CQYH"
    assert initials("长沙测试3号") == "CSCS3H"
    assert initials("Acme Trading 3") == "AT3"
