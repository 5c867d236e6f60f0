"""The customer export on an SQLite file, streamed as Arrow batches: order, types, progress, Cancel.

Several thousand customers, so the export spans many Arrow batches (``arrow_read.BATCH_ROWS``), and a
column that is empty in the whole first batch gets values later (the Arrow driver infers each
column's type from the first batch).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook
from sqlalchemy import Integer, bindparam, text

from erpdesk.db.arrow_read import BATCH_ROWS, arrow_rows, supports_arrow
from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Role
from erpdesk.services import exports
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_dto import (
    CustomerFilter,
    CustomerInput,
    CustomerSort,
    CustomerSortKey,
    StatusFilter,
)
from erpdesk.xlsx.writer import ExportCancelled, ExportColumn, write_xlsx_arrow

COUNT = 2 * BATCH_ROWS + 300
LATE = BATCH_ROWS + 100  # rows from here on have notes; none before


@pytest.fixture
def services(sqlite_db: Database, clock: Clock, tmp_path: Path) -> Services:
    assert supports_arrow(sqlite_db)
    found = Services(sqlite_db, Actor(username="jingli", roles=frozenset({Role.MANAGER})), clock)
    source = tmp_path / "many.xlsx"
    book = xlsxwriter.Workbook(str(source))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["客户编码", "客户名称", "信用额度", "备注"])
    for i in range(COUNT):
        notes = f"备注{i}" if i >= LATE else ""
        sheet.write_row(i + 1, 0, [f"KH{i:05d}", f"客户{i:05d}贸易公司", i * 10 + 0.5, notes])
    book.close()
    plan = found.imports.dry_run("customers", source, lang="zh_CN")
    assert plan.ok
    found.imports.commit(plan)
    return found


def _sheet(path: Path) -> list[list[object]]:
    rows: list[list[object]] = (
        CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    )
    return rows


def test_every_customer_in_the_list_order_with_typed_cells(
    services: Services, tmp_path: Path
) -> None:
    out = tmp_path / "客户.xlsx"
    by_name_descending = CustomerSort(key=CustomerSortKey.NAME, descending=True)
    progress: list[int] = []
    result = services.exports.customers(
        out,
        sort=by_name_descending,
        filter=CustomerFilter(status=StatusFilter.ALL),
        lang="zh_CN",
        progress=progress.append,
    )
    assert result.rows == COUNT
    rows = _sheet(out)
    header, body = rows[0], rows[1:]
    code, notes, credit = header.index("客户编码"), header.index("备注"), header.index("信用额度")
    assert [r[code] for r in body] == [f"KH{i:05d}" for i in reversed(range(COUNT))]
    # Row i of the file is customer COUNT-1-i: notes only from customer LATE on, typed money.
    for line, row in enumerate(body):
        i = COUNT - 1 - line
        assert row[notes] == (f"备注{i}" if i >= LATE else "")
        assert row[credit] == pytest.approx(i * 10 + 0.5)
    assert progress == sorted(progress)
    assert progress[-1] == COUNT
    assert len(progress) >= COUNT // BATCH_ROWS


def test_notes_that_start_late_in_file_order_still_export(
    services: Services, tmp_path: Path
) -> None:
    # In code order the first batch has no notes at all: the column's type must not be guessed
    # as a number from it.
    out = tmp_path / "by_code.xlsx"
    services.exports.customers(out, lang="en")
    rows = _sheet(out)
    notes = rows[0].index("Notes")
    assert rows[LATE + 1][notes] == f"备注{LATE}"
    assert rows[1][notes] == ""


def test_cancel_mid_export_leaves_no_file(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.xlsx"
    seen: list[int] = []
    with pytest.raises(ExportCancelled):
        services.exports.customers(
            out,
            lang="zh_CN",
            progress=seen.append,
            cancelled=lambda: bool(seen) and seen[-1] >= BATCH_ROWS,
        )
    assert seen[-1] < COUNT
    assert list(tmp_path.glob("*.xlsx")) == [tmp_path / "many.xlsx"]
    assert not list(tmp_path.glob(".~*"))


def test_an_error_in_the_progress_callback_reaches_the_caller(
    services: Services, tmp_path: Path
) -> None:
    def broken(rows: int) -> None:
        if rows > BATCH_ROWS:
            raise LookupError("the progress bar went away")

    out = tmp_path / "broken.xlsx"
    with pytest.raises(LookupError, match="progress bar"):
        services.exports.customers(out, lang="zh_CN", progress=broken)
    assert not out.exists()
    assert not list(tmp_path.glob(".~*"))


def test_a_database_error_mid_stream_fails_the_export_with_its_reason(
    sqlite_db: Database, tmp_path: Path
) -> None:
    # NULL in the whole first batch and text later: the driver refuses the second batch.
    numbers = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :last) "
        "SELECT CASE WHEN i <= :first THEN NULL ELSE 'x' END AS notes FROM n"
    )
    out = tmp_path / "failed.xlsx"
    statement = text(numbers).bindparams(
        bindparam("last", type_=Integer()), bindparam("first", type_=Integer())
    )
    with (
        arrow_rows(sqlite_db, statement, {"last": 3 * BATCH_ROWS, "first": BATCH_ROWS}) as stream,
        pytest.raises(RuntimeError, match="Type mismatch"),
    ):
        write_xlsx_arrow(out, "S", [ExportColumn("notes")], stream, [("",)])
    assert not out.exists()
    assert not list(tmp_path.glob(".~*"))


def _formats_by_header(path: Path) -> dict[str, tuple[bool, str]]:
    import openpyxl

    sheet = openpyxl.load_workbook(path).worksheets[0]
    headers = [c.value for c in sheet[1]]
    first = sheet[2]
    return {h: (first[i].quotePrefix, first[i].number_format) for i, h in enumerate(headers)}


def test_word_columns_are_plain_text_until_a_value_starts_like_a_formula(
    services: Services, tmp_path: Path
) -> None:
    clean = tmp_path / "clean.xlsx"
    services.exports.customers(clean, filter=CustomerFilter(status=StatusFilter.ALL))
    formats = _formats_by_header(clean)
    # Names and notes hold only words: no text format per cell (a quarter of an export's time).
    assert formats["客户名称"] == (False, "General")
    assert formats["备注"] == (False, "General")
    # Codes always keep it: an edited 0012 must stay text.
    assert formats["客户编码"] == (True, "@")
    assert formats["信用额度"][1] == "¥#,##0.00"

    # One stored name that starts like a formula puts the whole name column back in text format.
    services.customers.save(CustomerInput(name="=1+1 贸易", code="KH99999", code_manual=True))
    hostile = tmp_path / "hostile.xlsx"
    services.exports.customers(hostile, filter=CustomerFilter(status=StatusFilter.ALL))
    assert _formats_by_header(hostile)["客户名称"] == (True, "@")
    assert _formats_by_header(hostile)["备注"] == (False, "General")
    names = [row[1] for row in _sheet(hostile)[1:]]
    assert "=1+1 贸易" in names  # text, never a formula


def test_a_formula_like_word_found_after_the_write_rewrites_the_file(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The check of the word columns runs while the file is written; here it ends only after the
    # file is complete, so the export must write it again with the text format on the names.
    services.customers.save(CustomerInput(name="@SUM(A1) 商行", code="KH99998", code_manual=True))
    written = threading.Event()
    write, check = exports.ExportService._customers_arrow, exports._plain_prose

    def write_then_tell(self: exports.ExportService, *args: Any, **kwargs: Any) -> Any:
        result = write(self, *args, **kwargs)
        written.set()
        return result

    def late_check(conn: Any, fields: Any) -> frozenset[str]:
        assert written.wait(30)
        return check(conn, fields)

    monkeypatch.setattr(exports.ExportService, "_customers_arrow", write_then_tell)
    monkeypatch.setattr(exports, "_plain_prose", late_check)
    out = tmp_path / "late.xlsx"
    services.exports.customers(out, filter=CustomerFilter(status=StatusFilter.ALL))
    assert _formats_by_header(out)["客户名称"] == (True, "@")
    assert _formats_by_header(out)["备注"] == (False, "General")
