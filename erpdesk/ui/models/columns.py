"""Column specs for the lazy grids: a stable key, a title, a prebuilt accessor and formatter.

A spec is built once when a dock starts, so painting a cell is one call to ``text(row)``: no per-cell
string dispatch on the column name. The key is what the service sorts by and what QSettings remembers;
it never changes and is never translated. Specs hold no queries and no permission checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt

R = TypeVar("R")

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


def plain(value: Any) -> str:
    return "" if value is None else str(value)


def money(value: Any) -> str:
    if value is None:
        return ""
    return f"{Decimal(value):,.2f}"


def iso_date(value: Any) -> str:
    return "" if value is None else value.isoformat()


@dataclass(frozen=True)  # no slots: Column[Row](...) sets __orig_class__
class Column(Generic[R]):
    """One grid column: ``get`` reads the DTO field, ``fmt`` turns it into cell text."""

    key: str
    title: str
    get: Callable[[R], Any]
    fmt: Callable[[Any], str] = plain
    align: Qt.AlignmentFlag = LEFT
    width: int = 110
    sortable: bool = True
    visible: bool = True
    text: Callable[[R], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        get, fmt = self.get, self.fmt
        object.__setattr__(self, "text", lambda row: fmt(get(row)))


def attr(name: str) -> Callable[[Any], Any]:
    """An accessor for a DTO attribute, resolved once (``operator.attrgetter`` semantics)."""
    from operator import attrgetter

    return attrgetter(name)
