"""Bulk insert audit entries (``audit_bulk``): every row recorded once, found again by its id.

PostgreSQL sequences can leave gaps between the ids of one import (other sessions draw from the same
sequence), so entries are split where the ids would span more than ``BULK_SPAN``; a contact travels
in the entry of its customer; the History tab finds an entry through an index range on ``row_pk``.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from erpdesk.db.audit_bulk import (
    BULK_INSERT,
    BULK_SPAN,
    BulkRows,
    bulk_insert_entries,
    bulk_key_range,
    rows_for,
)

COLUMNS = ("id", "code", "name", "credit_limit", "since")


def _customers(ids: list[int]) -> list[tuple[object, ...]]:
    return [(i, f"KH{i}", f"客户{i}", Decimal("12.50"), date(2026, 1, 2)) for i in ids]


def test_rows_spanning_more_than_the_span_are_split_and_each_is_recorded_once() -> None:
    ids = [1, 2, 3, BULK_SPAN + 5, BULK_SPAN + 6, 3 * BULK_SPAN]
    contacts = [(cid, 100 + n, f"联系人{cid}") for n, cid in enumerate(reversed(ids))]
    entries = bulk_insert_entries(
        "customer",
        BulkRows(COLUMNS, _customers(ids), {"status": "active"}),
        {"customer_contact": BulkRows(("customer_id", "id", "name"), contacts)},
    )

    assert [e.action for e in entries] == [BULK_INSERT] * 3
    held: list[int] = []
    for entry in entries:
        assert isinstance(entry.new, str)
        payload = json.loads(entry.new)
        first, last = payload["rows"][0][0], payload["rows"][-1][0]
        assert last - first < BULK_SPAN
        low, high = bulk_key_range(last)
        assert low <= entry.row_pk < high  # found by the History tab's index range
        held += [row[0] for row in payload["rows"]]
        # each entry carries exactly the contacts of its own customers
        owners = {row[0] for row in payload["children"]["customer_contact"]["rows"]}
        assert owners == {row[0] for row in payload["rows"]}
    assert held == ids


def test_rows_for_gives_the_full_row_of_one_id_with_its_children() -> None:
    [entry] = bulk_insert_entries(
        "customer",
        BulkRows(COLUMNS, _customers([7, 8]), {"status": "active"}),
        {"customer_contact": BulkRows(("customer_id", "id", "name"), [(8, 31, "张三")])},
    )
    assert isinstance(entry.new, str)

    found = rows_for(entry.new, 8)
    assert found[""] == [
        {
            "id": 8,
            "code": "KH8",
            "name": "客户8",
            "credit_limit": "12.50",
            "since": "2026-01-02",
            "status": "active",
        }
    ]
    assert found["customer_contact"] == [{"customer_id": 8, "id": 31, "name": "张三"}]
    assert rows_for(entry.new, 9) == {}
    assert "customer_contact" not in rows_for(entry.new, 7)


def test_the_key_range_of_an_id_excludes_entries_that_start_after_it() -> None:
    [entry] = bulk_insert_entries("customer", BulkRows(COLUMNS, _customers([500, 501])))
    low, high = bulk_key_range(499)
    assert not (low <= entry.row_pk < high)
    low, high = bulk_key_range(500 + BULK_SPAN)
    assert not (low <= entry.row_pk < high)  # starts too far before to hold that id


def test_a_column_alike_in_every_row_is_recorded_once_and_read_back_to_the_letter() -> None:
    rows = [
        (1, "KH1", "", Decimal("1.0"), True),
        (2, "KH2", "", Decimal("1.00"), 1),
    ]
    [entry] = bulk_insert_entries(
        "customer", BulkRows(("id", "code", "notes", "credit", "flag"), rows)
    )
    assert isinstance(entry.new, str)
    payload = json.loads(entry.new)
    # blank notes are one constant; equal-but-different money texts and True/1 stay per row
    assert payload["constants"] == {"notes": ""}
    assert payload["columns"] == ["id", "code", "credit", "flag"]
    assert rows_for(entry.new, 1)[""] == [
        {"id": 1, "code": "KH1", "notes": "", "credit": "1.0", "flag": True}
    ]
    assert rows_for(entry.new, 2)[""] == [
        {"id": 2, "code": "KH2", "notes": "", "credit": "1.00", "flag": 1}
    ]
