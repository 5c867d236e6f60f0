"""Audit entries for bulk inserts (imports): one hash-chained entry per chunk of rows, in columns.

An import of 100,000 customers is one business event. Recording it as one audit row per customer and
per contact cost more than writing the customers themselves, so a bulk insert is recorded as entries
of action ``bulk_insert`` that each hold up to ``BULK_SPAN`` consecutive ids of one table: the column
names once, every inserted row in full (its id first), values shared by all rows of the entry once
(a column that is the same in every row, such as one an import leaves blank, included), and the rows
of child tables inserted with them (a contact's first column is its customer's id). Nothing is lost
against per-row entries: who, when, which table, each row's key and every value are there, and the
entry is chained and verified like any other.

``row_pk`` is ``<first id>..<last id>``, zero-padded, so the entries that may hold a given id are an
index range (``bulk_key_range``); ``rows_for`` reads back what one entry recorded for one id, which the
customer's History tab shows as its creation.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from erpdesk.db.audit import AuditEntry, plain_value

BULK_INSERT = "bulk_insert"
BULK_SPAN = 10_000  # ids one entry may span (first to last), so a lookup by id is a short range
_DIGITS = 10
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=plain_value).encode


@dataclass(frozen=True, slots=True)
class BulkRows:
    """Rows inserted into one table: ``columns`` name each row's values; the first is the row's id
    (for a child table, its parent's id); ``constants`` hold the values every row shares."""

    columns: tuple[str, ...]
    rows: Sequence[Sequence[Any]]
    constants: Mapping[str, Any] = field(default_factory=dict)


def bulk_key(first_id: int, last_id: int) -> str:
    return f"{first_id:0{_DIGITS}d}..{last_id:0{_DIGITS}d}"


def bulk_key_range(row_id: int) -> tuple[str, str]:
    """``row_pk`` bounds (inclusive, exclusive) of the entries whose first id may precede ``row_id``
    closely enough to hold it ('/' sorts right after '.')."""
    return f"{max(row_id - BULK_SPAN + 1, 0):0{_DIGITS}d}", f"{row_id:0{_DIGITS}d}/"


def _same(values: Sequence[Any]) -> bool:
    """Whether every value is the first one, to the letter (same type, and for numbers the same
    text: ``Decimal("1.0")`` and ``Decimal("1.00")`` are equal but not recorded alike)."""
    first = values[0]
    if values.count(first) != len(values) or len(set(map(type, values))) != 1:
        return False
    return not isinstance(first, Decimal | float) or len(set(map(str, values))) == 1


def _payload(rows: BulkRows, chosen: Sequence[Sequence[Any]]) -> dict[str, Any]:
    """A table's part of an entry; a column whose value is the same in every chosen row (often
    blank: an import fills a few of the customer's columns) is recorded once, as a constant."""
    constants = dict(rows.constants)
    if not chosen:
        return {"columns": list(rows.columns), "constants": constants, "rows": []}
    by_column = list(zip(*chosen, strict=True))
    kept = [0]  # the id (or parent id) stays in every row
    for index in range(1, len(by_column)):
        if _same(by_column[index]):
            constants[rows.columns[index]] = by_column[index][0]
        else:
            kept.append(index)
    return {
        "columns": [rows.columns[i] for i in kept],
        "constants": constants,
        "rows": list(zip(*(by_column[i] for i in kept), strict=True)),
    }


def bulk_insert_entries(
    table_name: str, main: BulkRows, children: Mapping[str, BulkRows] | None = None
) -> list[AuditEntry]:
    """Entries recording ``main`` (rows in ascending id order) and the ``children`` rows of each."""
    children = children or {}
    entries: list[AuditEntry] = []
    rows = main.rows
    start = 0
    ordered_children = {
        name: sorted(child.rows, key=lambda r: r[0]) for name, child in children.items()
    }
    child_keys = {name: [r[0] for r in rows_] for name, rows_ in ordered_children.items()}
    while start < len(rows):
        first = rows[start][0]
        end = start + 1
        while end < len(rows) and rows[end][0] - first < BULK_SPAN:
            end += 1
        last = rows[end - 1][0]
        payload = _payload(main, rows[start:end])
        grouped: dict[str, Any] = {}
        for name, child in children.items():
            keys = child_keys[name]
            lo, hi = bisect_left(keys, first), bisect_right(keys, last)
            grouped[name] = _payload(child, ordered_children[name][lo:hi])
        payload["children"] = grouped
        entries.append(
            AuditEntry(table_name, bulk_key(first, last), BULK_INSERT, None, _ENCODE(payload))
        )
        start = end
    return entries


def rows_for(new: str, row_id: int) -> dict[str, list[dict[str, Any]]]:
    """What one bulk entry (its ``new`` text) recorded for ``row_id``: ``{"": [its own row],
    "<child table>": [its child rows]}``; empty when the entry does not hold that id."""
    payload = json.loads(new)
    found: dict[str, list[dict[str, Any]]] = {}
    parts = [("", payload), *payload.get("children", {}).items()]
    for name, part in parts:
        columns = part["columns"]
        matches = [
            {**part["constants"], **dict(zip(columns, row, strict=True))}
            for row in part["rows"]
            if row[0] == row_id
        ]
        if matches:
            found[name] = matches
    return found if "" in found else {}
