"""Wiring of the Receivables dock: the bucket editor and date re-run the reports, exports run as jobs,
double-click opens the customer.

Both reports come back from one worker call (``jobs.run_query``); a result that arrives after a newer
query started is dropped. Buckets are checked as the user types them (the same parser as the service
and the CLI): a bad list is said next to the editor and the table keeps the last good report. The
dock refreshes itself when receivables, receipts or customers change. No SQL, no rules of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTableView

from erpdesk.domain.permissions import Permission
from erpdesk.services.errors import ValidationError
from erpdesk.services.receivable_report_dto import AgingTable, SummaryTable
from erpdesk.services.receivable_reports import parse_buckets
from erpdesk.ui import exporting, jobs
from erpdesk.ui.docks.customer_form.navigator import CustomerNavigator
from erpdesk.ui.docks.receivables.models import DATE, MONEY, ReportColumn, ReportTableModel
from erpdesk.ui.docks.receivables.view import ReceivablesView
from erpdesk.ui.events import AppEvents
from erpdesk.ui.prompts import error_text
from erpdesk.ui.widgets.shortcuts import dock_shortcuts

WATCHED = frozenset(
    {"receivable_item", "receipt", "receipt_allocation", "customer", "user_account"}
)


def bucket_text(bounds: tuple[int, ...]) -> str:
    """``(0, 30, 60, 90)`` → ``"30,60,90"``: the not-yet-due bound is implied in the editor."""
    return ",".join(str(b) for b in bounds if b) or "0"


class ReceivablesController(QObject):
    """Drives a ``ReceivablesView`` over ``services.receivable_reports``.

    Signals:
        customer_requested(int): the user asked to open this customer (double-click or Enter).
    """

    customer_requested = Signal(int)

    def __init__(self, services: Any, view: ReceivablesView) -> None:
        super().__init__(view)
        self._services = services
        self._reports = services.receivable_reports
        self.view = view
        self.aging_model = ReportTableModel(self)
        self.summary_model = ReportTableModel(self)
        view.aging_table.setModel(self.aging_model)
        view.summary_table.setModel(self.summary_model)
        self.defaults: tuple[int, ...] = (0, 30, 60, 90)
        self.aging: AgingTable | None = None
        self.summary: SummaryTable | None = None
        self.last_job: jobs.Job | None = None
        self.export_job: jobs.Job | None = None
        self._generation = 0
        view.as_of.setDate(QDate(services.clock.today()))
        self._wire()
        reports = self._reports
        self.last_job = jobs.run_query(view, reports.default_buckets, self._got_defaults)

    def _wire(self) -> None:
        view = self.view
        view.buckets.editingFinished.connect(self._buckets_edited)
        view.buckets.textEdited.connect(self._check_buckets)
        view.as_of.dateChanged.connect(lambda _date: self.refresh())
        view.refresh_button.clicked.connect(self.refresh)
        view.aging_export.clicked.connect(self.export_aging)
        view.summary_export.clicked.connect(self.export_summary)
        view.statements_button.clicked.connect(self.open_statements)
        for table in (view.aging_table, view.summary_table):
            table.doubleClicked.connect(self._open_index)
            enter = QShortcut(QKeySequence(Qt.Key.Key_Return), table)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(lambda table=table: self._open_index(table.currentIndex()))
        dock_shortcuts(view, [(QKeySequence(Qt.Key.Key_F5), self.refresh)])
        may_export = self._services.actor.may(Permission.EXPORT)
        view.aging_export.setEnabled(may_export)
        view.summary_export.setEnabled(may_export)
        view.statements_button.setVisible(self._services.actor.may(Permission.PRINT_STATEMENT))
        AppEvents.instance().changed.connect(self._changed)
        AppEvents.instance().reset.connect(self.refresh)

    # ------------------------------------------------------------------ queries

    def _got_defaults(self, bounds: tuple[int, ...]) -> None:
        self.defaults = tuple(bounds)
        if not self.view.buckets.text().strip():
            self.view.buckets.setText(bucket_text(self.defaults))
        self.refresh()

    def as_of_day(self) -> date:
        day: date = self.view.as_of.date().toPython()  # type: ignore[assignment]
        return day

    def current_bounds(self) -> tuple[int, ...] | None:
        """The buckets in the editor (company defaults when empty); None (and said) when bad."""
        text = self.view.buckets.text()
        if not text.strip():
            self.view.bucket_error.clear()
            return self.defaults
        try:
            bounds = parse_buckets(text)
        except ValidationError as exc:
            self.view.bucket_error.setText(error_text(exc))
            return None
        self.view.bucket_error.clear()
        return bounds

    def _check_buckets(self, _text: str) -> None:
        self.current_bounds()

    def _buckets_edited(self) -> None:
        bounds = self.current_bounds()
        if bounds is not None and (self.aging is None or bounds != self.aging.bounds):
            self.refresh()

    def refresh(self) -> jobs.Job | None:
        """Run both reports for the date and buckets shown (nothing while the buckets are bad)."""
        bounds = self.current_bounds()
        if bounds is None:
            return None
        self._generation += 1
        generation = self._generation
        as_of = self.as_of_day()
        reports = self._reports

        def fetch() -> tuple[AgingTable, SummaryTable]:
            return reports.aging(as_of, bounds), reports.summary(as_of)

        self.last_job = jobs.run_query(self.view, fetch, lambda got: self._show(generation, got))
        return self.last_job

    def _show(self, generation: int, got: tuple[AgingTable, SummaryTable]) -> None:
        if generation != self._generation:
            return
        self.aging, self.summary = got
        self._show_aging(self.aging)
        self._show_summary(self.summary)

    def _show_aging(self, table: AgingTable) -> None:
        buckets = (ReportColumn(title, MONEY) for title in self.bucket_titles(table.bounds))
        columns = [*self._who_columns(), *buckets, *self._position_columns()]
        view = self.view
        self._fill(self.aging_model, view.aging_table, view.aging_count, columns, table)

    def _show_summary(self, table: SummaryTable) -> None:
        columns = [
            *self._who_columns(),
            *self._position_columns(),
            ReportColumn(self.tr("Overdue"), MONEY),
            ReportColumn(self.tr("Oldest due"), DATE),
            ReportColumn(self.tr("Last receipt"), DATE),
        ]
        view = self.view
        self._fill(self.summary_model, view.summary_table, view.summary_count, columns, table)

    def _who_columns(self) -> list[ReportColumn]:
        return [
            ReportColumn(self.tr("Code")),
            ReportColumn(self.tr("Customer")),
            ReportColumn(self.tr("Salesperson")),
        ]

    def _position_columns(self) -> list[ReportColumn]:
        return [
            ReportColumn(self.tr("Open items"), MONEY),
            ReportColumn(self.tr("Advances"), MONEY),
            ReportColumn(self.tr("Balance"), MONEY),
        ]

    def _fill(
        self,
        model: ReportTableModel,
        table_view: QTableView,
        count: QLabel,
        columns: list[ReportColumn],
        table: AgingTable | SummaryTable,
    ) -> None:
        """Show ``table`` (its customer lines, then the total row) and its customer count."""
        lines = [(line.customer_id, line.cells()) for line in table.lines]
        model.set_report(columns, lines, table.total_cells(self.tr("Total")))
        table_view.resizeColumnsToContents()
        count.setText(
            self.tr("{0} customers as of {1}").format(len(lines), table.as_of.isoformat())
        )

    def bucket_titles(self, bounds: tuple[int, ...]) -> list[str]:
        """Column titles: "Not yet due", "1–30 days", …, "Over 90 days"."""
        titles: list[str] = []
        low = 0
        for index, bound in enumerate(bounds):
            if index == 0 and bound == 0:
                titles.append(self.tr("Not yet due"))
            elif index == 0:
                titles.append(self.tr("Up to {0} days").format(bound))
            else:
                titles.append(self.tr("{0}–{1} days").format(low, bound))
            low = bound + 1
        titles.append(self.tr("Over {0} days").format(bounds[-1]))
        return titles

    def _changed(self, changes: Mapping[str, Any]) -> None:
        if WATCHED & changes.keys():
            self.refresh()

    # ------------------------------------------------------------------ actions

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        model = index.model()
        customer_id = (
            model.customer_id_at(index.row()) if isinstance(model, ReportTableModel) else None
        )
        if customer_id is None:
            return
        self.customer_requested.emit(customer_id)
        CustomerNavigator.instance().open(customer_id, self.view)

    def open_statements(self) -> None:
        from erpdesk.ui.dialogs.statements import open_statements

        open_statements(self.view, self._services)

    def export_aging(self, target: Path | None = None) -> jobs.Job | None:
        """Ask for a file (unless given), then write the aging report there in the background."""
        bounds = self.current_bounds()
        if bounds is None:
            return None
        as_of = self.as_of_day()
        return self._export(
            target,
            self.tr("Export the aging report"),
            self.tr("Aging {0}").format(as_of.isoformat()),
            self.tr("Exporting the aging report…"),
            partial(self._reports.export_aging, as_of=as_of, buckets=bounds),
        )

    def export_summary(self, target: Path | None = None) -> jobs.Job | None:
        """Ask for a file (unless given), then write the receivables summary there."""
        as_of = self.as_of_day()
        return self._export(
            target,
            self.tr("Export the receivables summary"),
            self.tr("Receivables {0}").format(as_of.isoformat()),
            self.tr("Exporting the receivables summary…"),
            partial(self._reports.export_summary, as_of=as_of),
        )

    def _export(
        self,
        target: Path | None,
        caption: str,
        file_stem: str,
        busy_text: str,
        export: Callable[..., Any],
    ) -> jobs.Job | None:
        """Ask for a file (unless given), then run ``export`` as a cancellable job."""
        self.export_job = exporting.run_export(
            self.view, target, caption, file_stem, busy_text, export, self._exported
        )
        return self.export_job

    def _exported(self, result: Any) -> None:
        self.last_export = result
