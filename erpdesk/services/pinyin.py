"""助记码: uppercase pinyin initials of a customer's 简称 (else 名称), phrase-aware via pypinyin.

pypinyin's phrase dictionary gets 多音字 right in common words (重庆 → CQ, 银行 → YH, 长沙 → CS);
what it still gets wrong the clerk types by hand, and a manual mnemonic is kept (the service decides).
Latin words contribute their first letter, digits are kept whole. No database access here.

Speed (a 100,000-row import derives one mnemonic per row): pypinyin first splits a text into runs of
Chinese and of other characters and converts each run on its own (phrases never cross a run), so
the initials of a text are the initials of its runs, joined. Chinese runs repeat across names
(贸易有限公司, 科技) and are cached; an ASCII run (digits, Latin words) is passed through by pypinyin
unchanged, so its initials are taken directly. ``initials_reference`` is the plain pypinyin path; the
tests prove both agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.constants import RE_HANS

from erpdesk.domain.codes import CODE_MAX, normalise_code_text

_WORD = re.compile(r"[A-Za-z]+|\d+")
_ALLOWED = re.compile(r"[^A-Z0-9._-]")
# pypinyin's own class of characters that have pinyin ("^(?:[...])+$"), as runs of either kind.
_HANS_CLASS = RE_HANS.pattern.removeprefix("^(?:").removesuffix(")+$")
_RUNS = re.compile(f"{_HANS_CLASS}+|(?:(?!{_HANS_CLASS}).)+", re.DOTALL)


def _chunk_initials(chunks: list[str]) -> str:
    parts: list[str] = []
    for chunk in chunks:
        if len(chunk) == 1 and chunk.isascii() and chunk.isalpha():
            parts.append(chunk)
            continue
        for word in _WORD.findall(chunk):
            parts.append(word if word.isdigit() else word[0])
    return "".join(parts)


def initials_reference(text: str) -> str:
    """The initials straight from pypinyin, one call for the whole text (the slow, plain path)."""
    text = unicodedata.normalize("NFKC", text)
    return _chunk_initials(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).upper()[
        :CODE_MAX
    ]


@lru_cache(maxsize=65536)
def _run_initials(run: str) -> str:
    return _chunk_initials(lazy_pinyin(run, style=Style.FIRST_LETTER, errors="default"))


def clear_caches() -> None:
    """Forget the initials kept per Chinese run (see ``customer_rules.clear_caches``)."""
    _run_initials.cache_clear()


@lru_cache(maxsize=4096)
def initials(text: str) -> str:
    """Uppercase initials of ``text``: ``重庆银行`` → ``CQYH``, ``Acme Trading 3`` → ``AT3``."""
    text = unicodedata.normalize("NFKC", text)
    parts: list[str] = []
    for run in _RUNS.findall(text):
        if run.isascii():
            parts.extend(w if w.isdigit() else w[0] for w in _WORD.findall(run))
        else:
            parts.append(_run_initials(run))
    return "".join(parts).upper()[:CODE_MAX]


def mnemonic_for(name: str, short_name: str = "") -> str:
    """The generated 助记码 of a customer: initials of 简称 when given, else of 名称."""
    return initials(short_name.strip() or name.strip())


def normalise_mnemonic(text: str) -> str:
    """A hand-typed mnemonic as stored: half-width, uppercase, code characters only, ≤30."""
    return _ALLOWED.sub("", normalise_code_text(text))[:CODE_MAX]
