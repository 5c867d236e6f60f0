"""Customer code rules: tokens, reset periods, level codes and the normalisation of hand-typed codes.

Pure functions (stdlib only). A rule such as ``KH{YY}{MM}{SEQ:3}`` renders to a *prefix* (everything
before the serial, with dates, region and category filled in), the serial, and a *suffix*; number series
are kept per rule, per prefix/suffix value and per period, so the allocator in ``db.numbering`` never
hands out the same code twice. Nothing here touches the database.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from erpdesk.domain.errors import DomainError

CODE_MAX = 30
CODE_PATTERN = re.compile(r"^[A-Z0-9._-]+$")
SEQ_MIN_WIDTH = 1
SEQ_MAX_WIDTH = 10
CAPACITY_WARN = 0.8
LEVEL_MAX_DEPTH = 5
LEVEL_MAX_LENGTH = 12


class CodeReset(StrEnum):
    """When a rule's serial starts again at 1."""

    NEVER = "never"
    YEARLY = "yearly"
    MONTHLY = "monthly"
    DAILY = "daily"


DATE_TOKENS = ("YYYY", "YY", "MM", "DD")
CONTEXT_TOKENS = ("REGION", "CAT")
_TOKEN = re.compile(r"\{([A-Za-z]+)(?::(\d+))?\}")


@dataclass(frozen=True, slots=True)
class Token:
    """One piece of a rule: literal text, a date part, REGION, CAT, or SEQ with its width."""

    kind: str  # "text", "YYYY", "YY", "MM", "DD", "REGION", "CAT", "SEQ"
    text: str = ""
    width: int = 0


@dataclass(frozen=True, slots=True)
class ParsedRule:
    """A rule split into tokens before and after its single ``{SEQ:n}``."""

    head: tuple[Token, ...]
    width: int
    tail: tuple[Token, ...]

    @property
    def capacity(self) -> int:
        """The largest serial the rule can write."""
        return int(10**self.width - 1)


def parse_rule(pattern: str) -> ParsedRule:
    """Split ``pattern`` into tokens; exactly one ``{SEQ:n}`` (1 ≤ n ≤ 10) is required.

    Raises:
        DomainError: ``code.rule_invalid`` naming what is wrong.
    """
    tokens: list[Token] = []
    pos = 0
    for match in _TOKEN.finditer(pattern):
        if match.start() > pos:
            tokens.append(Token("text", _literal(pattern[pos : match.start()], pattern)))
        name = match.group(1).upper()
        width_text = match.group(2)
        if name == "SEQ":
            width = int(width_text) if width_text else 4
            if not SEQ_MIN_WIDTH <= width <= SEQ_MAX_WIDTH:
                raise DomainError("code.rule_invalid", rule=pattern, reason="SEQ width 1-10")
            tokens.append(Token("SEQ", width=width))
        elif name in DATE_TOKENS or name in CONTEXT_TOKENS:
            if width_text:
                raise DomainError("code.rule_invalid", rule=pattern, reason=f"{{{name}:n}}")
            tokens.append(Token(name))
        else:
            raise DomainError("code.rule_invalid", rule=pattern, reason=f"{{{match.group(1)}}}")
        pos = match.end()
    if pos < len(pattern):
        tokens.append(Token("text", _literal(pattern[pos:], pattern)))
    seqs = [i for i, t in enumerate(tokens) if t.kind == "SEQ"]
    if len(seqs) != 1:
        raise DomainError("code.rule_invalid", rule=pattern, reason="one {SEQ:n}")
    i = seqs[0]
    return ParsedRule(head=tuple(tokens[:i]), width=tokens[i].width, tail=tuple(tokens[i + 1 :]))


def _literal(text: str, pattern: str) -> str:
    value = normalise_code_text(text)
    if not value or not CODE_PATTERN.match(value) or "{" in text or "}" in text:
        raise DomainError("code.rule_invalid", rule=pattern, reason=text)
    return value


def _render(tokens: tuple[Token, ...], day: date, region: str, category: str) -> str:
    parts: list[str] = []
    for token in tokens:
        if token.kind == "text":
            parts.append(token.text)
        elif token.kind == "YYYY":
            parts.append(f"{day.year:04d}")
        elif token.kind == "YY":
            parts.append(f"{day.year % 100:02d}")
        elif token.kind == "MM":
            parts.append(f"{day.month:02d}")
        elif token.kind == "DD":
            parts.append(f"{day.day:02d}")
        elif token.kind == "REGION":
            parts.append(normalise_code_text(region))
        elif token.kind == "CAT":
            parts.append(normalise_code_text(category))
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class CodeFrame:
    """A rule rendered for one day, region and category: all but the serial."""

    prefix: str
    suffix: str
    width: int
    period: str

    def code(self, serial: int) -> str:
        """The code with ``serial`` in place.

        Raises:
            DomainError: ``code.rule_full`` when the serial no longer fits the width.
        """
        if serial > 10**self.width - 1:
            raise DomainError("code.rule_full", prefix=self.prefix, width=self.width)
        return f"{self.prefix}{serial:0{self.width}d}{self.suffix}"

    def series(self, rule_key: str) -> str:
        """Number series name: per rule and per rendered prefix/suffix (period is separate)."""
        name = f"cust:{rule_key}:{self.prefix}"
        if self.suffix:
            name += f"|{self.suffix}"
        return name[:64]

    def near_capacity(self, serial: int) -> bool:
        """True from 80 % of the period's serials on (the admin is warned)."""
        return bool(serial >= CAPACITY_WARN * (10**self.width - 1))


def frame(
    rule: ParsedRule, reset: CodeReset, day: date, *, region: str = "", category: str = ""
) -> CodeFrame:
    """Render ``rule`` for ``day`` (the creation date), a region code and a category code."""
    return CodeFrame(
        prefix=_render(rule.head, day, region, category),
        suffix=_render(rule.tail, day, region, category),
        width=rule.width,
        period=period_key(reset, day),
    )


def period_key(reset: CodeReset, day: date) -> str:
    """The counter period of ``day``: ``""``, ``2025``, ``202505`` or ``20250503``."""
    if reset is CodeReset.YEARLY:
        return f"{day.year:04d}"
    if reset is CodeReset.MONTHLY:
        return f"{day.year:04d}{day.month:02d}"
    if reset is CodeReset.DAILY:
        return f"{day.year:04d}{day.month:02d}{day.day:02d}"
    return ""


def preview(
    pattern: str,
    reset: CodeReset,
    day: date,
    *,
    start: int = 1,
    count: int = 3,
    region: str = "",
    category: str = "",
) -> tuple[str, ...]:
    """The next ``count`` codes from serial ``start`` (a rule editor's preview)."""
    rendered = frame(parse_rule(pattern), reset, day, region=region, category=category)
    return tuple(rendered.code(start + i) for i in range(count))


# ---------------------------------------------------------------------------- manual codes


def normalise_code_text(text: str) -> str:
    """Trim, full-width → half-width (NFKC), uppercase; no validation."""
    return unicodedata.normalize("NFKC", text).strip().upper()


def normalise_manual_code(text: str) -> str:
    """A hand-typed code as stored: trimmed, half-width, uppercase, ``A–Z 0–9 - _ .``, ≤30.

    Raises:
        DomainError: ``code.required``, ``code.too_long`` or ``code.bad_chars``.
    """
    value = normalise_code_text(text)
    if not value:
        raise DomainError("code.required")
    if len(value) > CODE_MAX:
        raise DomainError("code.too_long", code=value, max=CODE_MAX)
    if not CODE_PATTERN.match(value):
        raise DomainError("code.bad_chars", code=value)
    return value


def prefix_range(prefix: str) -> tuple[str, str] | None:
    """``(lo, hi)`` such that ``lo <= code < hi`` selects exactly the codes starting with ``prefix``.

    Works for binary ordering (SQLite BINARY, PostgreSQL ``COLLATE "C"``); None for an empty prefix.
    """
    if not prefix:
        return None
    last = prefix[-1]
    if ord(last) >= 0x10FFFF:
        return None
    return prefix, prefix[:-1] + chr(ord(last) + 1)


# ----------------------------------------------------------------------------- level codes


def parse_level_scheme(scheme: str) -> tuple[int, ...]:
    """``"2-3-3"`` → ``(2, 3, 3)``; at most 5 levels and 12 characters in all.

    Raises:
        DomainError: ``code.level_scheme_invalid``.
    """
    try:
        widths = tuple(int(part) for part in scheme.strip().split("-"))
    except ValueError:
        raise DomainError("code.level_scheme_invalid", scheme=scheme) from None
    if (
        not widths
        or len(widths) > LEVEL_MAX_DEPTH
        or any(w < 1 for w in widths)
        or sum(widths) > LEVEL_MAX_LENGTH
    ):
        raise DomainError("code.level_scheme_invalid", scheme=scheme)
    return widths


def level_code(parent_code: str, widths: tuple[int, ...], serial: int) -> str:
    """The code of the ``serial``-th child of ``parent_code`` (``""`` for the top level).

    ``level_code("01", (2, 3, 3), 1)`` → ``"01001"``.

    Raises:
        DomainError: ``code.level_too_deep`` or ``code.level_full``.
    """
    depth = level_depth(parent_code, widths) + 1
    if depth > len(widths):
        raise DomainError("code.level_too_deep", depth=len(widths))
    width = widths[depth - 1]
    if serial > 10**width - 1:
        raise DomainError("code.level_full", code=parent_code or "-", width=width)
    return f"{parent_code}{serial:0{width}d}"


def level_depth(code: str, widths: tuple[int, ...]) -> int:
    """How many levels ``code`` spans under ``widths`` (0 for ``""``).

    Raises:
        DomainError: ``code.level_scheme_mismatch`` when the length fits no level.
    """
    total = 0
    for depth, width in enumerate(widths, start=1):
        if len(code) == total:
            return depth - 1
        total += width
        if len(code) == total:
            return depth
    raise DomainError("code.level_scheme_mismatch", code=code)
