"""``ImportService``: templates, the dry run, the all-or-nothing commit, error workbooks, the import log.

Flow: ``dry_run`` reads the file in a child process (``xlsx.sandbox``: memory cap, time limit),
validates every row with the customer field rules and the stored customers (read-only; customers are
checked batch by batch while the child reads on), hashes the file and returns an ``ImportPlan`` with
each row's outcome. ``commit`` takes that plan: an import-log row is written first
(status ``running``, its own short transaction), then ONE write transaction re-checks what the plan
relied on and writes everything with Core ``executemany`` plus a bulk audit append, and marks the log
``done`` in the same transaction. Any error in the plan means nothing is written. Cancel rolls back.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from erpdesk.db import uow as uow_module
from erpdesk.db.engine import Database
from erpdesk.db.models.import_log import (
    STATUS_CANCELLED,
    STATUS_DONE,
    STATUS_FAILED,
    STATUS_REJECTED,
    STATUS_RUNNING,
    ImportLog,
)
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Permission
from erpdesk.services import customer_import
from erpdesk.services.context import Actor, Clock
from erpdesk.services.import_dto import (
    ImportLogEntry,
    ImportMode,
    ImportPlan,
    ImportResult,
    Outcome,
    PreviousImport,
    RowProblem,
)
from erpdesk.xlsx import error_book, sandbox, templates
from erpdesk.xlsx.columns import KINDS
from erpdesk.xlsx.reader import ReadResult, read_table

__all__ = ["ImportCancelled", "ImportService", "problem_text"]

Progress = Callable[[int], None]
Cancelled = Callable[[], bool]


class ImportCancelled(DomainError):
    """The user cancelled the import; nothing was written."""

    def __init__(self) -> None:
        super().__init__("import.cancelled")


def problem_text(problem: RowProblem, lang: str) -> str:
    """The reason alone, in ``lang`` (``cell.*`` reasons read after the column name)."""
    return render(problem.msg_id, lang, **dict(problem.params))


def problem_line(problem: RowProblem, lang: str) -> str:
    """Sheet, row, column and reason, as the CLI prints it and the error comment shows it."""
    reason = problem_text(problem, lang)
    if problem.column:
        return render(
            "cell.where",
            lang,
            sheet=problem.sheet,
            row=problem.row,
            column=error_book_column(problem.column),
            header=problem.header,
            reason=reason,
        )
    return render("cell.where_row", lang, sheet=problem.sheet, row=problem.row, reason=reason)


def error_book_column(index: int) -> str:
    """Excel column letters of a 1-based column index."""
    name = ""
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk step.

    A 100,000-row import allocates millions of small objects that live until the step ends; each
    automatic full collection re-scans all of them (about a second per import, measured). The rows
    make no reference cycles, so nothing waits on the collector meanwhile; it runs again as usual
    once the step is over.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ImportService:
    """Excel/CSV import for one actor."""

    def __init__(self, database: Database, actor: Actor, clock: Clock | None = None) -> None:
        self.database = database
        self.actor = actor
        self.clock = clock or Clock()

    # ------------------------------------------------------------------ templates

    def template(self, kind: str, out: Path, lang: str) -> Path:
        """Write the import template of ``kind`` (customers, contacts, products, opening-balances,
        orders, receipts) with drop-downs from the database."""
        spec = KINDS.get(kind)
        if spec is None:
            raise DomainError("kind.unknown", kind=kind, kinds=", ".join(KINDS))
        with self.database.engine.connect() as conn:
            choices = customer_import.choice_lists(conn, lang)
        if not choices.get("payment_method"):
            from erpdesk.services.receivable_import_support import method_choices

            choices["payment_method"] = method_choices(lang)
        templates.write_template(out, spec, lang, choices)
        return out

    # ------------------------------------------------------------------ dry run

    def _importable(self, kind: str) -> None:
        spec = KINDS.get(kind)
        if spec is None:
            raise DomainError("kind.unknown", kind=kind, kinds=", ".join(KINDS))
        if not spec.importable:
            label = f"{render(f'kind.{kind}', 'en')} / {render(f'kind.{kind}', 'zh_CN')}"
            raise DomainError("import.not_yet", kind=label)

    def read(
        self, kind: str, path: Path, *, isolate: bool = True, cancelled: Cancelled | None = None
    ) -> ReadResult:
        self._importable(kind)
        if isolate:
            try:
                return sandbox.read_isolated(path, kind, cancelled=cancelled)
            except sandbox.ReadCancelled:
                raise ImportCancelled from None
        return read_table(path, KINDS[kind])

    def dry_run(
        self,
        kind: str,
        path: Path,
        *,
        mode: ImportMode = ImportMode.INSERT,
        lang: str = "zh_CN",
        isolate: bool = True,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportPlan:
        """Read and validate ``path``; nothing is written. Needs IMPORT_DRY_RUN.

        Raises:
            FileRefused: the file is unusable (too big, hostile, no header…): exit 2 in the CLI.
        """
        self.actor.require(Permission.IMPORT_DRY_RUN)
        path = Path(path)
        importer = _importer(kind)
        streaming = isolate and hasattr(importer, "plan_batches")  # customers
        with contextlib.ExitStack() as stack:
            stack.enter_context(_collector_paused())
            if streaming:
                # Rows are checked batch by batch while the child reads the rest of the file.
                self._importable(kind)
                reading = stack.enter_context(sandbox.IsolatedRead(path, kind, cancelled=cancelled))
                importer.warm_up()  # one-time loads, while the child finds the header
                try:
                    table = reading.header
                except sandbox.ReadCancelled:
                    raise ImportCancelled from None
            else:
                table = self.read(kind, path, isolate=isolate, cancelled=cancelled)
            conn = stack.enter_context(self.database.engine.connect())
            try:
                if streaming:
                    previews, prepared, problems = importer.plan_batches(
                        conn,
                        table,
                        reading.batches(),
                        mode,
                        lang,
                        progress=progress,
                        cancelled=cancelled,
                    )
                else:
                    previews, prepared, problems = importer.plan(
                        conn, table, mode, lang, progress=progress, cancelled=cancelled
                    )
            except (customer_import.ImportCancelled, sandbox.ReadCancelled):
                raise ImportCancelled from None
            sha = file_sha256(path)
            previous_row = conn.execute(
                select(ImportLog.finished_at, ImportLog.username, ImportLog.status)
                .where(ImportLog.sha256 == sha, ImportLog.status == STATUS_DONE)
                .order_by(ImportLog.id.desc())
                .limit(1)
            ).first()
        previous = None
        if previous_row is not None and previous_row.finished_at is not None:
            previous = PreviousImport(
                at=previous_row.finished_at, user=previous_row.username, status=previous_row.status
            )
        return ImportPlan(
            kind=kind,
            path=str(path),
            file_name=path.name,
            sha256=sha,
            mode=mode,
            sheet=table.sheet,
            header_row=table.header_row,
            headers=dict(table.headers),
            unknown_columns=table.unknown,
            rows=tuple(previews),
            problems=tuple(problems),
            previous=previous,
            prepared=(table.width, tuple(prepared)),
        )

    # ------------------------------------------------------------------ commit

    def _log_start(self, plan: ImportPlan) -> int:
        now = self.clock.utc()
        with self.database.write_engine.begin() as conn:
            log_id = conn.execute(
                insert(ImportLog).returning(ImportLog.id),
                {
                    "kind": plan.kind,
                    "file_name": plan.file_name[:255],
                    "sha256": plan.sha256,
                    "username": self.actor.username[:64],
                    "mode": plan.mode.value,
                    "all_or_nothing": True,
                    "status": STATUS_RUNNING,
                    "started_at": now,
                    "finished_at": None,
                    "rows_total": len(plan.rows),
                    "rows_new": plan.count(Outcome.NEW),
                    "rows_updated": plan.count(Outcome.UPDATE),
                    "rows_unchanged": plan.count(Outcome.UNCHANGED),
                    "rows_error": plan.count(Outcome.ERROR),
                },
            ).scalar_one()
        return int(log_id)

    def _log_end(self, log_id: int, status: str) -> None:
        with self.database.write_engine.begin() as conn:
            conn.execute(
                update(ImportLog)
                .where(ImportLog.id == log_id)
                .values(status=status, finished_at=self.clock.utc())
            )

    def commit(
        self,
        plan: ImportPlan,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportResult:
        """Write a plan without errors, all or nothing. Needs IMPORT.

        Raises:
            DomainError: ``import.rejected`` when the plan has errors (nothing written),
                ``import.changed_meanwhile`` when a matched customer or a code changed since the
                dry run (nothing written; check again), ``code.rule_full``.
            ImportCancelled: ``cancelled()`` turned True (nothing written).
        """
        self.actor.require(Permission.IMPORT)
        for needed in getattr(_importer(plan.kind), "COMMIT_PERMISSIONS", ()):
            self.actor.require(needed)  # e.g. receipts also need POST_RECEIPT
        if plan.problems:
            log_id = self._log_start(plan)
            self._log_end(log_id, STATUS_REJECTED)
            raise DomainError(
                "import.rejected", count=len({(p.sheet, p.row) for p in plan.problems})
            )
        _width, prepared = plan.prepared
        # The plan's rows are reused by retries, so each attempt works on fresh copies.
        log_id = self._log_start(plan)
        today = self.clock.today()

        def work(uow: uow_module.UnitOfWork) -> ImportResult:
            importer = _importer(plan.kind)
            items = [importer.copy_prepared(p) for p in prepared]
            now = self.clock.utc()
            try:
                codes, changes = importer.write(
                    uow, items, today=today, now=now, cancelled=cancelled, progress=progress
                )
            except customer_import.ImportCancelled:
                raise ImportCancelled from None
            uow.connection.execute(
                update(ImportLog)
                .where(ImportLog.id == log_id)
                .values(status=STATUS_DONE, finished_at=now)
            )
            return ImportResult(
                log_id=log_id,
                created=plan.count(Outcome.NEW),
                updated=plan.count(Outcome.UPDATE),
                unchanged=plan.count(Outcome.UNCHANGED),
                codes=tuple(codes),
                changes=changes,
            )

        try:
            with _collector_paused():
                return uow_module.run(
                    self.database, self.actor.username, work, write=True, now=self.clock.utc
                )
        except ImportCancelled:
            self._log_end(log_id, STATUS_CANCELLED)
            raise
        except BaseException:
            self._log_end(log_id, STATUS_FAILED)
            raise

    # ------------------------------------------------------------------ error workbook

    def write_error_book(self, plan: ImportPlan, out: Path, lang: str) -> int:
        """Write the error workbook of ``plan`` (a copy of the sheet, bad cells red); returns rows."""
        width, _prepared = plan.prepared
        cells = [
            error_book.BadCell(
                row=p.row,
                column=p.column,
                text=(p.header + ("：" if lang == "zh_CN" else ": ") if p.header else "")
                + problem_text(p, lang),
                where=problem_line(p, lang),
            )
            for p in plan.problems
        ]
        return error_book.write_error_book(
            Path(plan.path),
            plan.sheet,
            plan.header_row,
            width,
            cells,
            Path(out),
            error_header=render("book.error_column", lang),
            note=render("book.error_sheet_note", lang),
        )

    # ------------------------------------------------------------------ log

    def history(self, limit: int = 50) -> tuple[ImportLogEntry, ...]:
        """The newest import attempts (a ``running`` row that is not running is an interrupted one)."""
        self.actor.require(Permission.IMPORT_DRY_RUN)
        with self.database.engine.connect() as conn:
            rows = (
                conn.execute(select(ImportLog).order_by(ImportLog.id.desc()).limit(limit))
                .mappings()
                .all()
            )
        return tuple(
            ImportLogEntry(
                id=r["id"],
                kind=r["kind"],
                file_name=r["file_name"],
                sha256=r["sha256"],
                user=r["username"],
                mode=r["mode"],
                status=r["status"],
                started_at=r["started_at"],
                finished_at=r["finished_at"],
                rows_total=r["rows_total"],
                rows_new=r["rows_new"],
                rows_updated=r["rows_updated"],
                rows_unchanged=r["rows_unchanged"],
                rows_error=r["rows_error"],
            )
            for r in rows
        )


def _importer(kind: str) -> Any:
    """The module that plans and writes ``kind`` (``plan``, ``write``, ``copy_prepared``)."""
    if kind == "contacts":
        from erpdesk.services import contact_import

        return contact_import
    if kind == "products":
        from erpdesk.services import product_import

        return product_import
    if kind == "orders":
        from erpdesk.services import order_import

        return order_import
    if kind == "opening-balances":
        from erpdesk.services import opening_balance_import

        return opening_balance_import
    if kind == "receipts":
        from erpdesk.services import receipt_import

        return receipt_import
    return customer_import
