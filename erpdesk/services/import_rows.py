"""What every spreadsheet importer does while it checks rows one by one: the codes a column names, the
reader's problems of a row, the progress/cancel tick, and the problems and warnings of one row.

The importers (products, contacts, orders, opening balances, receipts) differ in their rules, not in
how a row's problems are recorded: one reason per cell, located by sheet, row, column and header.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from erpdesk.domain.products import normalise_code
from erpdesk.services.customer_import import ImportCancelled
from erpdesk.services.import_dto import Outcome, PreviewRow, RowProblem
from erpdesk.xlsx.columns import CLEAR_MARK, header_text
from erpdesk.xlsx.reader import CellProblem, ReadResult

CHUNK = 500
PROGRESS_EVERY = 1000  # rows between two progress reports (and cancel checks) while checking


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    """``items`` in slices of ``size``, so an ``IN (...)`` stays within every backend's limits."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def is_blank(value: object) -> bool:
    """A cell left empty or holding the clear mark (``#清空``)."""
    return value is None or value == CLEAR_MARK


def cell_text(value: object, limit: int | None = None) -> str:
    """A free-text cell, stripped (and cut to ``limit``); "" when blank or cleared."""
    if is_blank(value):
        return ""
    text = str(value).strip()
    return text if limit is None else text[:limit]


def column_codes(table: ReadResult, column: str) -> dict[int, str]:
    """Sheet row -> the normalised code in ``column``, for the rows where it is filled in."""
    return {
        r.number: normalise_code(str(r.values[column]))
        for r in table.rows
        if not is_blank(r.values.get(column))
    }


def problems_by_row(table: ReadResult) -> dict[int, list[CellProblem]]:
    """The reader's cell problems grouped by sheet row."""
    grouped: dict[int, list[CellProblem]] = {}
    for p in table.problems:
        grouped.setdefault(p.row, []).append(p)
    return grouped


def tick(
    done: int,
    progress: Callable[[int], None] | None,
    cancelled: Callable[[], bool] | None,
    *,
    every: int = PROGRESS_EVERY,
    last: bool = False,
    shown: int | None = None,
) -> None:
    """After every ``every`` rows (and the ``last`` one): stop (``ImportCancelled``) if the user
    cancelled, else report ``shown`` rows done (default ``done``)."""
    if done % every == 0 or last:
        if cancelled is not None and cancelled():
            raise ImportCancelled
        if progress is not None:
            progress(done if shown is None else shown)


@dataclass(slots=True)
class RowNotes:
    """The problems and warnings of one row; ``error`` keeps one reason per cell, ``add`` every one."""

    table: ReadResult
    kind: str
    lang: str
    row: int
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)

    def make(self, column: str, msg_id: str, params: Mapping[str, Any]) -> RowProblem:
        """A problem of ``column`` ("" = the row as a whole) located in the sheet."""
        return RowProblem(
            sheet=self.table.sheet,
            row=self.row,
            column=self.table.columns.get(column, 0) if column else 0,
            header=(self.table.headers.get(column) or header_text(self.kind, column, self.lang))
            if column
            else "",
            field=column,
            msg_id=msg_id,
            params=dict(params),
        )

    def add(self, column: str, msg_id: str, /, **params: Any) -> None:
        self.problems.append(self.make(column, msg_id, params))

    def error(self, column: str, msg_id: str, /, **params: Any) -> None:
        if not self.bad(column):
            self.add(column, msg_id, **params)

    def warn(self, column: str, msg_id: str, /, **params: Any) -> None:
        self.warnings.append(self.make(column, msg_id, params))

    def bad(self, column: str) -> bool:
        return any(p.field == column for p in self.problems)

    def take_reader_problems(self, grouped: Mapping[int, Iterable[CellProblem]]) -> None:
        """The reader's problems of this row (from ``problems_by_row``), one per cell."""
        for p in grouped.get(self.row, ()):
            self.error(p.field or "", p.msg_id, **dict(p.params))

    def require(self, values: Mapping[str, Any], columns: Iterable[str]) -> None:
        """``cell.required`` for each of ``columns`` the file has but this row leaves blank."""
        for column in columns:
            if column in values and is_blank(values[column]):
                self.error(column, "cell.required")

    def preview(
        self,
        outcome: Outcome,
        *,
        code: str,
        name: str,
        customer_id: int | None = None,
        old_code: str = "",
        changed: tuple[str, ...] = (),
    ) -> PreviewRow:
        """The preview line of this row with its problems and warnings so far."""
        return PreviewRow(
            row=self.row,
            outcome=outcome,
            code=code,
            name=name,
            customer_id=customer_id,
            old_code=old_code,
            changed=changed,
            problems=tuple(self.problems),
            warnings=tuple(self.warnings),
        )
