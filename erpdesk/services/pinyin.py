"""助记码: uppercase pinyin initials of a customer's 简称 (else 名称), phrase-aware via pypinyin.

pypinyin's phrase dictionary gets 多音字 right in common words (重庆 → CQ, 银行 → YH, 长沙 → CS);
what it still gets wrong the clerk types by hand, and a manual mnemonic is kept (the service decides).
Latin words contribute their first letter, digits are kept whole. No database access here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from erpdesk.domain.codes import CODE_MAX, normalise_code_text

_WORD = re.compile(r"[A-Za-z]+|\d+")
_ALLOWED = re.compile(r"[^A-Z0-9._-]")


@lru_cache(maxsize=4096)
def initials(text: str) -> str:
    """Uppercase initials of ``text``: ``重庆银行`` → ``CQYH``, ``Acme Trading 3`` → ``AT3``."""
    text = unicodedata.normalize("NFKC", text)
    parts: list[str] = []
    for chunk in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default"):
        if len(chunk) == 1 and chunk.isascii() and chunk.isalpha():
            parts.append(chunk)
            continue
        for word in _WORD.findall(chunk):
            parts.append(word if word.isdigit() else word[0])
    return "".join(parts).upper()[:CODE_MAX]


def mnemonic_for(name: str, short_name: str = "") -> str:
    """The generated 助记码 of a customer: initials of 简称 when given, else of 名称."""
    return initials(short_name.strip() or name.strip())


def normalise_mnemonic(text: str) -> str:
    """A hand-typed mnemonic as stored: half-width, uppercase, code characters only, ≤30."""
    return _ALLOWED.sub("", normalise_code_text(text))[:CODE_MAX]
