"""A file larger than one batch is checked batch by batch while the child reads on; what must hold
across the whole file still holds across batch boundaries.

The reading child hands rows over 5,000 at a time (``reader.SINK_BATCH``). A code used twice, a phone
seen in an earlier row, and a bad cell are each placed on both sides of a boundary: the errors name
the right row and column, the warnings point back to the earlier row, and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

import xlsxwriter
from excel_files import CUSTOMER_HEADER, customer_rows
from import_support import problem_cells, row_count

from erpdesk.db.engine import Database
from erpdesk.db.models.customer import Customer
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.services.import_dto import Outcome
from erpdesk.xlsx.reader import SINK_BATCH

ROWS = SINK_BATCH + 300
LATE = SINK_BATCH + 100  # a data row in the second batch (0-based data index)


def _book(path: Path) -> Path:
    rows = customer_rows(ROWS)
    rows[LATE][0] = rows[7][0]  # the code of an early row again
    rows[LATE + 1][3] = rows[8][3]  # the mobile of an early row again
    rows[LATE + 2][4] = "not-an-email"
    rows[LATE + 3][6] = "一百元"  # not a number: the reader rejects the cell
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("客户")
    sheet.write_row(0, 0, CUSTOMER_HEADER)
    for index, row in enumerate(rows, start=1):
        sheet.write_row(index, 0, row)
    book.close()
    return path


def test_checks_that_span_the_file_hold_across_batches(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    services = Services(
        sqlite_db, Actor(username="kuaiji", roles=frozenset({Role.ACCOUNTANT})), clock
    )
    plan = services.imports.dry_run("customers", _book(tmp_path / "big.xlsx"), lang="zh_CN")

    sheet_row = LATE + 2  # header is sheet row 1, data index 0 is sheet row 2
    assert problem_cells(plan) == {
        (sheet_row, "A", "cell.duplicate_in_file"),
        (sheet_row + 2, "E", "customer.email_invalid"),
        (sheet_row + 3, "G", "cell.not_a_number"),
    }
    duplicate = next(p for p in plan.problems if p.msg_id == "cell.duplicate_in_file")
    assert duplicate.params["row"] == 9  # the early row, data index 7
    by_row = {r.row: r for r in plan.rows}
    assert len(by_row) == ROWS
    warned = by_row[sheet_row + 1].warnings
    assert [(w.msg_id, w.params["other"]) for w in warned] == [("cell.possible_duplicate", "#10")]
    assert sum(r.outcome is Outcome.ERROR for r in plan.rows) == 3
    assert plan.sheet == "客户"
    assert plan.prepared[0] == len(CUSTOMER_HEADER)  # the error workbook's width
    assert row_count(sqlite_db, Customer) == 0  # a dry run writes nothing
