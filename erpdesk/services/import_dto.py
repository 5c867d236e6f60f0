"""What the import and export services hand out: frozen DTOs for the wizard, the CLI and the tests."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    """What committing would do with one row of the file."""

    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    ERROR = "error"


class ImportMode(StrEnum):
    """Insert only (an existing code is an error) or upsert keyed on the code (current or old)."""

    INSERT = "insert"
    UPSERT = "upsert"


@dataclass(frozen=True, slots=True, kw_only=True)
class RowProblem:
    """A reason a row cannot be imported; ``column`` 0 means the row as a whole."""

    sheet: str
    row: int
    column: int
    header: str
    field: str
    msg_id: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class PreviewRow:
    """One data row of the file and its outcome; ``code`` is empty when the rule will give one."""

    row: int
    outcome: Outcome
    code: str
    name: str
    customer_id: int | None = None
    old_code: str = ""  # the old code through which the row matched, if any
    changed: tuple[str, ...] = ()  # fields an update changes
    problems: tuple[RowProblem, ...] = ()
    warnings: tuple[RowProblem, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class PreviousImport:
    """The same file imported before (warn, never block)."""

    at: datetime
    user: str
    status: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportPlan:
    """Result of the dry run. ``prepared`` is the validated data ``commit`` writes (opaque)."""

    kind: str
    path: str
    file_name: str
    sha256: str
    mode: ImportMode
    sheet: str
    header_row: int
    headers: Mapping[str, str]
    unknown_columns: tuple[str, ...]
    rows: tuple[PreviewRow, ...]
    problems: tuple[RowProblem, ...]
    previous: PreviousImport | None = None
    prepared: Any = dataclasses.field(default=None, repr=False, compare=False)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    """What ``commit`` wrote."""

    log_id: int
    created: int
    updated: int
    unchanged: int
    codes: tuple[str, ...] = ()  # codes of the created customers, in file order
    changes: Mapping[str, frozenset[str]] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportLogEntry:
    id: int
    kind: str
    file_name: str
    sha256: str
    user: str
    mode: str
    status: str  # running (shown as interrupted when old), done, rejected, failed, cancelled
    started_at: datetime
    finished_at: datetime | None
    rows_total: int
    rows_new: int
    rows_updated: int
    rows_unchanged: int
    rows_error: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportResult:
    path: str
    rows: int
