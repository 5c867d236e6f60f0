"""What the importer tests share: a one-sheet workbook of rows, the row count of a table, a plan's
problems as (row, column letter, message id) — the way a user reads them in the error workbook — and
the rows an import's bulk audit entries record."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from erpdesk.db.engine import Database
from erpdesk.db.models.system import AuditLog
from erpdesk.services.import_dto import ImportPlan
from erpdesk.services.imports import error_book_column


def sheet_book(
    path: Path,
    title: str,
    header: Sequence[object],
    rows: Sequence[Sequence[object]],
    *,
    above: Sequence[Sequence[object]] = (),
) -> Path:
    """Save a workbook whose sheet ``title`` holds ``above`` (e.g. a title row), the header, the rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in (*above, header, *rows):
        sheet.append(list(row))
    book.save(path)
    return path


def row_count(database: Database, model: type) -> int:
    """How many rows the table of ``model`` holds."""
    with database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def problem_cells(plan: ImportPlan) -> set[tuple[int, str, str]]:
    """Each problem of ``plan`` as (sheet row, column letter, message id)."""
    return {(p.row, error_book_column(p.column), p.msg_id) for p in plan.problems}


def bulk_audited(database: Database) -> dict[str, dict[int, dict[str, object]]]:
    """Every row the import's ``bulk_insert`` audit entries record, by table and by key (a customer
    by its id, a contact by its own id), read straight from the audit log as an auditor would."""
    found: dict[str, dict[int, dict[str, object]]] = {"customer": {}, "customer_contact": {}}
    with database.engine.connect() as conn:
        entries = conn.execute(
            select(AuditLog.table_name, AuditLog.new).where(AuditLog.action == "bulk_insert")
        ).all()
    for table, new in entries:
        payload = json.loads(new)
        parts = [(table, payload), *payload["children"].items()]
        for name, part in parts:
            for row in part["rows"]:
                values = {**part["constants"], **dict(zip(part["columns"], row, strict=True))}
                key = int(values["id"])  # type: ignore[call-overload]
                assert key not in found[name], f"{name} {key} recorded twice"
                found[name][key] = values
    return found
