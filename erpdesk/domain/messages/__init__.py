"""Message catalogue for text produced without Qt: errors, CLI output, PDF labels, xlsx headers.

Each area keeps its messages in its own module as ``MESSAGES = {msg_id: (english, chinese)}``; this module
merges them and renders one in a language. Placeholders use ``str.format`` names, identical in both texts
(a test checks that). Add an area by creating its module and listing it in ``_AREAS``.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import Any

LANGUAGES = ("en", "zh_CN")
_AREAS = (
    "core",
    "users",
    "excel",
    "customers",
    "orders",
    "receivables",
    "settlement_notice",
    "reports",
    "pdf",
    "statements",
    "receivable_import",
    "stocktake",
    "settlements",
    "labels",
    "list_exports",
)


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """Every message, merged from the area modules on first use (the desktop app paints before)."""
    merged: dict[str, tuple[str, str]] = {}
    for area in _AREAS:
        module = import_module(f"{__name__}.{area}")
        for key, value in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message id {key!r} defined twice")
            merged[key] = value
    return merged


def __getattr__(name: str) -> Any:
    if name == "CATALOGUE":
        return catalogue()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def normalise_language(lang: str | None) -> str:
    """Map a locale name such as ``zh-CN``, ``zh_Hans_CN`` or ``en_US`` to a catalogue language."""
    if lang and lang.lower().replace("-", "_").startswith("zh"):
        return "zh_CN"
    return "en"


def render(msg_id: str, lang: str | None = "en", /, **params: Any) -> str:
    """Return the text of ``msg_id`` in ``lang`` with its placeholders filled.

    Args:
        msg_id: dotted message id, area first (``db.newer_schema``).
        lang: language name; anything Chinese renders zh_CN, everything else English.
        **params: values for the placeholders.

    Returns:
        The rendered text; an unknown id renders as the id itself so nothing is hidden.
    """
    texts = catalogue().get(msg_id)
    if texts is None:
        return msg_id if not params else f"{msg_id} {params}"
    template = texts[1] if normalise_language(lang) == "zh_CN" else texts[0]
    return template.format(**params)
