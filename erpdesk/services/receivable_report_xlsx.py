"""The aging report and the receivables summary as workbooks, through ``xlsx.writer`` (issue 8).

One sheet named after the report and its date, customer rows in code order, then a total row. Money
cells are numbers with two decimals (``¥#,##0.00``), dates are dates, text cells can never run as
formulas; the header is frozen and the widths fitted (all done by ``writer.write_table``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from erpdesk.domain.messages import render
from erpdesk.services.receivable_report_dto import AgingTable, SummaryTable
from erpdesk.xlsx import writer

Progress = Callable[[int], None]


def _text(key: str, lang: str) -> writer.ExportColumn:
    return writer.ExportColumn(header=render(f"reports.col.{key}", lang), kind=writer.TEXT)


def _money(header: str) -> writer.ExportColumn:
    return writer.ExportColumn(header=header, kind=writer.MONEY)


def aging_columns(table: AgingTable, lang: str) -> list[writer.ExportColumn]:
    from erpdesk.services.receivable_reports import bucket_labels

    return [
        _text("code", lang),
        _text("name", lang),
        _text("salesperson", lang),
        *(_money(label) for label in bucket_labels(table.bounds, lang)),
        _money(render("reports.col.open_items", lang)),
        _money(render("reports.col.advances", lang)),
        _money(render("reports.col.balance", lang)),
    ]


def aging_rows(table: AgingTable, lang: str) -> Iterator[Sequence[Any]]:
    for line in table.lines:
        yield line.cells()
    yield table.total_cells(render("reports.total", lang))


def summary_columns(lang: str) -> list[writer.ExportColumn]:
    return [
        _text("code", lang),
        _text("name", lang),
        _text("salesperson", lang),
        *(
            _money(render(f"reports.col.{key}", lang))
            for key in ("open_items", "advances", "balance", "overdue")
        ),
        writer.ExportColumn(header=render("reports.col.oldest_due", lang), kind=writer.DATE),
        writer.ExportColumn(header=render("reports.col.last_receipt", lang), kind=writer.DATE),
    ]


def summary_rows(table: SummaryTable, lang: str) -> Iterator[Sequence[Any]]:
    for line in table.lines:
        yield line.cells()
    yield table.total_cells(render("reports.total", lang))


def write_aging(
    out: Path,
    table: AgingTable,
    lang: str,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Write ``table`` to ``out``."""
    writer.write_table(
        out,
        render("reports.sheet.aging", lang, day=table.as_of.isoformat()),
        aging_columns(table, lang),
        aging_rows(table, lang),
        progress=progress,
        cancelled=cancelled,
    )


def write_summary(
    out: Path,
    table: SummaryTable,
    lang: str,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Write the summary ``table`` to ``out``."""
    writer.write_table(
        out,
        render("reports.sheet.receivables", lang, day=table.as_of.isoformat()),
        summary_columns(lang),
        summary_rows(table, lang),
        progress=progress,
        cancelled=cancelled,
    )
