"""Password rules (RELIABILITY.md §5): the admin's policy, the check a new password must pass, a strength hint.

Pure functions over strings: no hashing here (that is ``services.auth``), no file access except
``load_blocklist``, which reads the bundled list once and hands a frozenset to ``check``. Comparisons are
case-insensitive (``casefold``); passwords are never truncated or normalised otherwise.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path

from erpdesk.domain.messages import render

MAX_LENGTH = 128
MIN_LENGTH_RANGE = (8, 64)
PASSPHRASE_RANGE = (12, 64)
EXPIRY_RANGE = (30, 365)
HISTORY_DEPTH = 5
PRODUCT_NAME = "erpdesk"
# Context words shorter than this would refuse too much ("li" inside any password).
MIN_CONTEXT_WORD = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class PasswordPolicy:
    """The admin's password rules; defaults are the recommended ones.

    ``passphrase_length`` None switches the passphrase exemption off; ``expiry_days`` None means
    passwords never expire (then history is not enforced either).
    """

    min_length: int = 8
    require_mix: bool = True
    passphrase_length: int | None = 15
    expiry_days: int | None = None
    extra_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class PolicyProblem:
    """One rule a password breaks, as a message id and its parameters."""

    msg_id: str
    params: tuple[tuple[str, str | int], ...] = ()

    def render(self, lang: str) -> str:
        return render(self.msg_id, lang, **dict(self.params))


class Strength(IntEnum):
    """A coarse strength hint for the meter under the password field (0 worst, 4 best)."""

    VERY_WEAK = 0
    WEAK = 1
    FAIR = 2
    GOOD = 3
    STRONG = 4

    @property
    def msg_id(self) -> str:
        return f"pw.strength_{self.value}"


@dataclass(frozen=True, slots=True, kw_only=True)
class PolicyCheck:
    """Result of checking a password: ``ok`` when no rule is broken; ``strength`` for the meter."""

    problems: tuple[PolicyProblem, ...] = field(default=())
    strength: Strength = Strength.VERY_WEAK

    @property
    def ok(self) -> bool:
        return not self.problems

    def texts(self, lang: str) -> tuple[str, ...]:
        """The problems as sentences in ``lang``."""
        return tuple(p.render(lang) for p in self.problems)


def core(password: str) -> str:
    """The password without leading and trailing digits and symbols (``!!Password123`` → ``Password``)."""
    start, end = 0, len(password)
    while start < end and not password[start].isalpha():
        start += 1
    while end > start and not password[end - 1].isalpha():
        end -= 1
    return password[start:end]


def load_blocklist(path: Path) -> frozenset[str]:
    """Read a bundled list of common passwords: one per line, ``#`` comments; returned case-folded."""
    words: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word = line.rstrip("\r\n")
            if word and not word.startswith("#"):
                words.add(word.casefold())
    return frozenset(words)


def _classes(password: str) -> tuple[bool, bool, bool]:
    letter = any(ch.isalpha() for ch in password)
    digit = any(ch.isdigit() for ch in password)
    special = any(not ch.isalnum() for ch in password)
    return letter, digit, special


def context_words(
    *, username: str = "", company_name: str = "", extra: Iterable[str] = ()
) -> tuple[str, ...]:
    """The words a password must not contain: product, user and company names, the admin's extras."""
    words = [PRODUCT_NAME, username, company_name, *extra]
    cleaned = {w.strip().casefold() for w in words if len(w.strip()) >= MIN_CONTEXT_WORD}
    return tuple(sorted(cleaned))


def check(
    password: str,
    policy: PasswordPolicy,
    *,
    blocklist: Collection[str] = frozenset(),
    username: str = "",
    company_name: str = "",
) -> PolicyCheck:
    """Check ``password`` against ``policy``, the blocklist and the context words.

    Args:
        password: the candidate, exactly as typed.
        policy: the admin's rules.
        blocklist: case-folded common passwords (``load_blocklist``).
        username: the account's name; a password containing it is refused.
        company_name: the company's name; a password containing it is refused.

    Returns:
        The problems found (empty when acceptable) and a strength hint.
    """
    problems: list[PolicyProblem] = []
    length = len(password)
    if length > MAX_LENGTH:
        problems.append(PolicyProblem(msg_id="pw.too_long", params=(("max", MAX_LENGTH),)))
    if length < policy.min_length:
        problems.append(PolicyProblem(msg_id="pw.too_short", params=(("min", policy.min_length),)))
    passphrase = policy.passphrase_length is not None and length >= policy.passphrase_length
    if policy.require_mix and not passphrase and not all(_classes(password)):
        problems.append(PolicyProblem(msg_id="pw.needs_mix"))
    if password and len(set(password)) < 4:
        problems.append(PolicyProblem(msg_id="pw.too_repetitive"))
    folded = password.casefold()
    folded_core = core(password).casefold()
    if folded in blocklist or (folded_core and folded_core in blocklist):
        problems.append(PolicyProblem(msg_id="pw.common"))
    words = context_words(username=username, company_name=company_name, extra=policy.extra_words)
    for word in words:
        if word in folded:
            problems.append(PolicyProblem(msg_id="pw.contains_word", params=(("word", word),)))
            break
    return PolicyCheck(problems=tuple(problems), strength=strength(password, ok=not problems))


def _pool(password: str) -> int:
    pool = 0
    if any("a" <= ch <= "z" for ch in password):
        pool += 26
    if any("A" <= ch <= "Z" for ch in password):
        pool += 26
    if any(ch.isdigit() for ch in password):
        pool += 10
    if any(not ch.isalnum() and ch.isascii() for ch in password):
        pool += 33
    if any(not ch.isascii() for ch in password):
        pool += 2000  # CJK and other scripts: a large alphabet, but words repeat, so not 20,000
    return max(pool, 1)


def _effective_length(password: str) -> float:
    """Length discounted for runs (``aaaa``) and steps (``1234``, ``abcd``), which add little."""
    if not password:
        return 0.0
    total = 1.0
    for prev, ch in itertools.pairwise(password):
        delta = ord(ch) - ord(prev)
        total += 0.25 if delta in (-1, 0, 1) else 1.0
    return total


def strength(password: str, *, ok: bool = True) -> Strength:
    """A strength hint from estimated entropy; a password that breaks a rule is at most WEAK."""
    bits = _effective_length(password) * math.log2(_pool(password))
    if bits < 28:
        level = Strength.VERY_WEAK
    elif bits < 40:
        level = Strength.WEAK
    elif bits < 60:
        level = Strength.FAIR
    elif bits < 80:
        level = Strength.GOOD
    else:
        level = Strength.STRONG
    if not ok:
        return min(level, Strength.WEAK)
    return level


def validate_policy(policy: PasswordPolicy) -> tuple[PolicyProblem, ...]:
    """Problems with an admin's policy settings (ranges from RELIABILITY.md §5)."""
    problems: list[PolicyProblem] = []
    lo, hi = MIN_LENGTH_RANGE
    if not lo <= policy.min_length <= hi:
        problems.append(
            PolicyProblem(msg_id="pw.policy_min_range", params=(("lo", lo), ("hi", hi)))
        )
    if policy.passphrase_length is not None:
        lo, hi = PASSPHRASE_RANGE
        if not lo <= policy.passphrase_length <= hi:
            problems.append(
                PolicyProblem(msg_id="pw.policy_passphrase_range", params=(("lo", lo), ("hi", hi)))
            )
    if policy.expiry_days is not None:
        lo, hi = EXPIRY_RANGE
        if not lo <= policy.expiry_days <= hi:
            problems.append(
                PolicyProblem(msg_id="pw.policy_expiry_range", params=(("lo", lo), ("hi", hi)))
            )
    return tuple(problems)
