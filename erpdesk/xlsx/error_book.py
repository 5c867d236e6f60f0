"""The error workbook: a copy of the imported sheet with an error column, bad cells red with a comment.

The clerk fixes the red cells in this copy and imports it again, so the copy keeps the sheet's rows and
columns where they were (title rows included) and only adds the error column at the right. Values are
copied as they were read (text as text, numbers as numbers, dates as dates); strings always go through
``write_string``, so nothing in the copy can turn into a formula. XlsxWriter ``constant_memory`` keeps
memory flat for large sheets.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from erpdesk.xlsx.reader import raw_rows


@dataclass(frozen=True, slots=True)
class BadCell:
    """One problem to show: 1-based row and column (column 0: the row as a whole) and its text."""

    row: int
    column: int
    text: str  # the reason, in the user's language
    where: str  # "Sheet …, row …, column … (header): reason", for the comment


def write_error_book(
    source: Path,
    sheet: str,
    header_row: int,
    width: int,
    problems: Iterable[BadCell],
    out: Path,
    *,
    error_header: str,
    note: str,
) -> int:
    """Write the copy of ``sheet`` from ``source`` to ``out``; returns the number of rows flagged."""
    import xlsxwriter

    by_row: dict[int, list[BadCell]] = {}
    for problem in problems:
        by_row.setdefault(problem.row, []).append(problem)

    book = xlsxwriter.Workbook(
        str(out),
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False},
    )
    try:
        ws = book.add_worksheet(sheet[:31] or "Sheet1")
        bad = book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
        bad_text = book.add_format(
            {"bg_color": "#FFC7CE", "font_color": "#9C0006", "num_format": "@"}
        )
        error_format = book.add_format({"font_color": "#C00000", "text_wrap": True})
        header_format = book.add_format({"bold": True, "font_color": "#C00000"})
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        text = book.add_format({"num_format": "@"})
        # The error column goes right of the widest data row ("width" columns, 0-based index).
        error_col = max(width, 1)
        flagged = 0
        for number, row in enumerate(raw_rows(source, sheet), start=1):
            row = row[:error_col]
            index = number - 1
            cells = {p.column: p for p in by_row.get(number, ()) if p.column > 0}
            for col, value in enumerate(row, start=1):
                if value in ("", None) and col not in cells:
                    continue
                fmt = None
                flag = cells.get(col)
                if flag is not None:
                    fmt = bad_text if isinstance(value, str) else bad
                _write(ws, index, col - 1, value, fmt, day, stamp, text)
                if flag is not None:
                    ws.write_comment(index, col - 1, flag.where, {"x_scale": 2, "y_scale": 1.5})
            for col, missing in cells.items():
                if col > len(row):
                    ws.write_blank(index, col - 1, None, bad)
                    ws.write_comment(index, col - 1, missing.where, {"x_scale": 2, "y_scale": 1.5})
            if number == header_row:
                ws.write_string(index, error_col, error_header, header_format)
                ws.write_comment(index, error_col, note, {"x_scale": 3, "y_scale": 1.5})
            elif number in by_row:
                flagged += 1
                ws.write_string(
                    index, error_col, "\n".join(p.text for p in by_row[number]), error_format
                )
        ws.set_column(error_col, error_col, 60)
        ws.freeze_panes(header_row, 0)
    finally:
        book.close()
    return flagged


def _write(
    ws: Any, row: int, col: int, value: Any, fmt: Any, day: Any, stamp: Any, text: Any
) -> None:
    if isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            ws.write_string(row, col, str(value), fmt or text)
        else:
            ws.write_number(row, col, value, fmt)
    elif isinstance(value, datetime):
        ws.write_datetime(row, col, value, fmt or stamp)
    elif isinstance(value, date):
        ws.write_datetime(row, col, datetime.combine(value, time()), fmt or day)
    elif isinstance(value, time | timedelta):
        ws.write_string(row, col, str(value), fmt or text)
    elif value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    else:
        # Control characters are what got the cell flagged; make them visible instead of dropping them.
        shown = "".join(
            ch if ch in "\t\n\r" or ord(ch) >= 32 else f"\\x{ord(ch):02x}" for ch in str(value)
        )
        ws.write_string(row, col, shown[:32767], fmt or text)
