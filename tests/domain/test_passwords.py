"""Password policy (RELIABILITY.md §5, scenario A3): what a user typing a new password is told."""

from __future__ import annotations

import pytest

from erpdesk.domain import passwords
from erpdesk.domain.passwords import PasswordPolicy, Strength, check, core, load_blocklist
from erpdesk.paths import resources_dir

BLOCKLIST = load_blocklist(resources_dir() / "passwords" / "common.txt")
DEFAULT = PasswordPolicy()


def ids(password: str, policy: PasswordPolicy = DEFAULT, **context: str) -> set[str]:
    return {p.msg_id for p in check(password, policy, blocklist=BLOCKLIST, **context).problems}


def test_bundled_list_is_large_and_has_western_and_chinese_favourites() -> None:
    assert len(BLOCKLIST) >= 10_000
    for word in ("123456", "a123456", "woaini1314", "5201314", "password", "qwerty", "iloveyou"):
        assert word in BLOCKLIST


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("Ab1!", {"pw.too_short"}),
        ("abcdefgh", {"pw.needs_mix"}),
        ("abcd1234", {"pw.needs_mix"}),
        ("Password1!", {"pw.common"}),
    ],
)
def test_reliability_a3_refused(password: str, expected: set[str]) -> None:
    assert expected <= ids(password)


def test_product_name_is_a_context_word_even_with_digits_and_symbols() -> None:
    assert ids("ERPDesk2025!") == {"pw.contains_word"}


@pytest.mark.parametrize("password", ["q7#Lm2vZ", "我的密码很长但是很好记2025"])
def test_reliability_a3_accepted(password: str) -> None:
    assert ids(password) == set()


def test_128_characters_accepted_and_129_refused() -> None:
    phrase = ("Lange Sätze sind gute Passwörter, 长句子也是好密码 #" * 5)[:128]
    assert len(phrase) == 128
    assert ids(phrase) == set()
    assert ids(phrase + "x") == {"pw.too_long"}


def test_spaces_are_kept_not_trimmed() -> None:
    assert check(" q7#Lm2vZ ", DEFAULT).ok
    assert len(core(" q7#Lm2vZ ")) == 8


def test_core_strips_leading_and_trailing_digits_and_symbols() -> None:
    assert core("!!Password123#") == "Password"
    assert core("2025woaini1314") == "woaini"
    assert core("12345") == ""


@pytest.mark.parametrize(
    "password",
    ["Woaini1314!", "#Qwerty2024", "Sunshine@123", "Admin@123", "P@ssw0rd!", "Wangwei@888"],
)
def test_common_core_refused_case_insensitively(password: str) -> None:
    assert "pw.common" in ids(password)


def test_username_and_company_name_are_refused_inside_a_password() -> None:
    assert "pw.contains_word" in ids("x-Zhangwei-77!", username="ZhangWei")
    assert "pw.contains_word" in ids("Huaxin#8812kq", company_name="huaxin")
    assert "pw.contains_word" in ids("my-acme7!Q", policy=PasswordPolicy(extra_words=("acme",)))
    # Very short names would refuse half the alphabet, so they do not count.
    assert ids("Li#8812kqzz", username="li") == set()


def test_passphrase_of_fifteen_skips_the_mix_rule_unless_switched_off() -> None:
    phrase = "correct horse battery"
    assert ids(phrase) == set()
    assert ids(phrase, PasswordPolicy(passphrase_length=None)) == {"pw.needs_mix"}
    assert ids("only fourteen!") == {"pw.needs_mix"}


def test_admin_can_raise_minimum_length_and_drop_mix() -> None:
    policy = PasswordPolicy(min_length=12, require_mix=False)
    assert ids("q7#Lm2vZ", policy) == {"pw.too_short"}
    assert ids("kangaroomoss", policy) == set()


def test_repetitive_passwords_refused() -> None:
    assert "pw.too_repetitive" in ids("aaaaaaaaaaaaaaaaa")


def test_policy_ranges() -> None:
    assert passwords.validate_policy(PasswordPolicy()) == ()
    bad = PasswordPolicy(min_length=7, passphrase_length=70, expiry_days=10)
    assert {p.msg_id for p in passwords.validate_policy(bad)} == {
        "pw.policy_min_range",
        "pw.policy_passphrase_range",
        "pw.policy_expiry_range",
    }


def test_strength_hint_grows_with_length_and_variety() -> None:
    assert check("abc", DEFAULT).strength is Strength.VERY_WEAK
    assert check("Password1!", DEFAULT, blocklist=BLOCKLIST).strength <= Strength.WEAK
    assert check("q7#Lm2vZ", DEFAULT).strength >= Strength.FAIR
    assert check("q7#Lm2vZ-x9!Kp4&Wt", DEFAULT).strength is Strength.STRONG
    assert check("12345678901234567890", DEFAULT).strength < check("q7#Lm2vZ", DEFAULT).strength


def test_problems_render_in_both_languages() -> None:
    result = check("Ab1!", DEFAULT)
    assert result.texts("en")[0].startswith("A password needs at least 8")
    assert "至少" in result.texts("zh_CN")[0]
