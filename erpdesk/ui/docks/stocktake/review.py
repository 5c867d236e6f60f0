"""Census panel, Review page, hand-held files and labels of the stocktake dock.

A mixin of ``StocktakeController``: the found customer's details to confirm or correct, expected
against counted with missing / unexpected lines and the keep / deactivate / investigate actions, the
count sheet export and the hand-held import (background jobs with progress and Cancel), and labels.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QLineEdit

from erpdesk.domain.stocktake import CensusAction, StocktakeKind, StocktakeStatus
from erpdesk.services.stocktake_dto import CensusInput, CountLineView, ReviewView, StocktakeView
from erpdesk.ui import jobs
from erpdesk.ui.docks.stocktake.models import LinesTableModel
from erpdesk.ui.prompts import Prompts, error_text

if TYPE_CHECKING:
    from erpdesk.ui.docks.stocktake.view import StocktakeDockView

XLSX_FILTER = "Excel (*.xlsx)"
HANDHELD_FILTER = "Excel / CSV (*.xlsx *.csv)"


class ReviewMixin:
    """Census, review, files and labels for ``StocktakeController``."""

    if TYPE_CHECKING:  # provided by StocktakeController
        _services: Any
        view: StocktakeDockView
        session: StocktakeView | None
        last_job: jobs.Job | None

        def focus_scan(self) -> None: ...
        def counting_page_shown(self) -> bool: ...
        def _report(self, exc: BaseException) -> None: ...
        def _update_buttons(self) -> None: ...

        review: ReviewView | None
        census_line: CensusTarget | None
        census_generation: int
        lines: LinesTableModel
        missing: LinesTableModel
        unexpected: LinesTableModel
        unknown_review: Any
        unknown_codes: list[str]
        unknown: Any

        def refresh_session_counts(self) -> jobs.Job | None: ...

    # ------------------------------------------------------------------ census

    def show_census(self, customer_id: int) -> jobs.Job:
        """Load the customer's details into the census panel (a newer call wins)."""
        customers = self._services.customers
        self.census_generation += 1
        generation = self.census_generation

        def fill(detail: Any) -> None:
            if generation == self.census_generation:
                self._fill_census(detail)

        self.last_job = jobs.run_query(self.view, lambda: customers.get(customer_id), fill)
        return self.last_job

    def _fill_census(self, detail: Any) -> None:
        primary = next((c for c in detail.contacts if c.is_primary), None)
        if primary is None and detail.contacts:
            primary = detail.contacts[0]
        target = CensusTarget(
            customer_id=detail.id,
            phone=detail.phone,
            address=detail.address,
            contact=primary.name if primary else "",
        )
        self.census_line = target
        panel = self.view.census
        panel.customer.setText(f"{detail.code}  {detail.name}")
        panel.phone.setText(target.phone)
        panel.address.setText(target.address)
        panel.contact.setText(target.contact)
        panel.state.setText(
            QCoreApplication.translate(
                "StocktakeReview", "Enter in the scan field confirms; edit a field to correct."
            )
        )
        panel.state.setStyleSheet("")
        panel.setVisible(True)

    def _hide_census(self) -> None:
        self.census_line = None
        self.view.census.setVisible(False)

    def confirm_census(self) -> jobs.Job | None:
        """Enter on an empty scan field: the shown details are right."""
        target = self.census_line
        if target is None or self.session is None:
            return None
        return self._record_census(
            CensusInput(customer_id=target.customer_id),
            QCoreApplication.translate("StocktakeReview", "Confirmed"),
        )

    def save_census(self) -> jobs.Job | None:
        """Save what the clerk corrected (unchanged fields are sent as ``None``)."""
        target = self.census_line
        if target is None or self.session is None:
            return None
        panel = self.view.census

        def changed(edit: QLineEdit, before: str) -> str | None:
            value = edit.text().strip()
            return value if value != before else None

        data = CensusInput(
            customer_id=target.customer_id,
            phone=changed(panel.phone, target.phone),
            address=changed(panel.address, target.address),
            contact_name=changed(panel.contact, target.contact),
        )
        job = self._record_census(data, QCoreApplication.translate("StocktakeReview", "Saved"))
        self.view.scan.setFocus(Qt.FocusReason.OtherFocusReason)
        return job

    def _record_census(self, data: CensusInput, done_text: str) -> jobs.Job:
        assert self.session is not None
        session_id = self.session.id
        stocktake = self._services.stocktake
        panel = self.view.census

        def done(_line: CountLineView) -> None:
            panel.state.setText(done_text)
            panel.state.setStyleSheet("color: #2e7d32")
            self.census_line = None
            QTimer.singleShot(800, panel, lambda: None if self.census_line else panel.hide())

        def refused(exc: BaseException) -> None:
            panel.state.setText(error_text(exc))
            panel.state.setStyleSheet("color: #c62828")

        self.last_job = jobs.run_command(
            self.view, lambda: stocktake.record_census(session_id, data), done, refused
        )
        return self.last_job

    # ------------------------------------------------------------------ review

    def refresh_review(self) -> jobs.Job | None:
        session = self.session
        if session is None:
            self.review = None
            for model in (self.lines, self.missing, self.unexpected):
                model.set_lines((), census=False)
            self.unknown_review.setStringList([])
            return None
        if session.status is StocktakeStatus.OPEN:
            return None
        stocktake = self._services.stocktake
        session_id = session.id
        self.last_job = jobs.run_query(
            self.view, lambda: stocktake.review(session_id), self._show_review, self._report
        )
        return self.last_job

    def _show_review(self, review: ReviewView) -> None:
        self.review = review
        census = self.session is not None and self.session.scope.kind is StocktakeKind.CUSTOMERS
        self.lines.set_lines(review.lines, census=census)
        self.missing.set_lines(review.missing, census=census)
        self.unexpected.set_lines(review.unexpected, census=census)
        self.unknown_review.setStringList(list(review.unknown))
        differences = len(review.differences)
        self.view.summary.setText(
            QCoreApplication.translate(
                "StocktakeReview",
                "{0} lines, {1} differences, {2} missing, {3} unexpected, {4} unknown codes",
            ).format(
                len(review.lines),
                differences,
                len(review.missing),
                len(review.unexpected),
                len(review.unknown),
            )
        )
        for widget in (
            self.view.missing_label,
            self.view.keep_button,
            self.view.deactivate_button,
            self.view.investigate_button,
        ):
            widget.setVisible(census)
        open_for_changes = self.session is not None and self.session.status in (
            StocktakeStatus.COUNTING,
            StocktakeStatus.REVIEW,
        )
        self.view.review_correct_button.setEnabled(open_for_changes)
        for table in (self.view.lines, self.view.missing, self.view.unexpected):
            table.setColumnWidth(0, 110)
            table.setColumnWidth(1, 220)

    def load_unknown(self) -> jobs.Job | None:
        """Fill the Unknown panel with the session's unknown codes recorded so far (a session opened
        again, or codes from a hand-held file)."""
        session = self.session
        if session is None:
            return None
        stocktake = self._services.stocktake
        session_id = session.id

        def show(review: ReviewView) -> None:
            if self.session is None or self.session.id != session_id:
                return
            for code in review.unknown:
                if code not in self.unknown_codes:
                    self.unknown_codes.append(code)
            self.unknown.setStringList(self.unknown_codes)

        self.last_job = jobs.run_query(self.view, lambda: stocktake.review(session_id), show)
        return self.last_job

    def census_action(self, action: CensusAction) -> jobs.Job | None:
        """Keep / deactivate / investigate every selected missing customer."""
        session = self.session
        selection = self.view.missing.selectionModel()
        if session is None or selection is None:
            return None
        customer_ids = [
            line.target_id
            for index in selection.selectedRows()
            if (line := self.missing.line_at(index.row())) is not None
        ]
        if not customer_ids:
            return None
        stocktake = self._services.stocktake
        session_id = session.id

        def work() -> int:
            for customer_id in customer_ids:
                stocktake.set_census_action(session_id, customer_id, action)
            return len(customer_ids)

        def done(_count: int) -> None:
            self.refresh_review()

        self.last_job = jobs.run_command(self.view, work, done, self._report)
        return self.last_job

    def select_missing(self, rows: Sequence[int]) -> None:
        selection = self.view.missing.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(
                self.missing.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

    def export_sheet(self) -> jobs.Job | None:
        session = self.session
        if session is None:
            return None
        target = Prompts.save_file(
            self.view,
            QCoreApplication.translate("StocktakeReview", "Export count sheet"),
            Path(f"{session.number}.xlsx"),
            XLSX_FILTER,
        )
        self.focus_scan()
        if target is None:
            return None
        stocktake = self._services.stocktake
        session_id = session.id

        def work(progress: jobs.Progress, cancelled: threading.Event) -> int:
            from erpdesk.services.stocktake import ExportCancelled

            try:
                rows: int = stocktake.export_count_sheet(
                    session_id, target, progress=progress, cancelled=cancelled.is_set
                )
            except ExportCancelled:
                raise jobs.JobCancelled from None
            return rows

        def done(rows: int) -> None:
            Prompts.inform(
                self.view,
                QCoreApplication.translate("StocktakeReview", "Export count sheet"),
                QCoreApplication.translate("StocktakeReview", "{0} rows written to {1}.").format(
                    rows, str(target)
                ),
            )

        self.last_job = jobs.run_job(
            self.view,
            QCoreApplication.translate("StocktakeReview", "Writing the count sheet…"),
            work,
            done,
            self._report,
            on_cancelled=lambda: self._file_cancelled(
                QCoreApplication.translate("StocktakeReview", "Export count sheet"),
                QCoreApplication.translate(
                    "StocktakeReview", "Export cancelled: no count sheet was written."
                ),
            ),
        )
        return self.last_job

    def _file_cancelled(self, title: str, text: str) -> None:
        """Say what a Cancel left behind (nothing), as a finished export or import says its result."""
        if not shiboken6.isValid(self.view):
            return  # the dock closed while the job was stopping
        self.view.last.setStyleSheet("")
        self.view.last.setText(text)
        Prompts.inform(self.view, title, text)
        self.focus_scan()

    def import_handheld(self) -> jobs.Job | None:
        session = self.session
        if session is None or session.status is not StocktakeStatus.COUNTING:
            return None
        source = Prompts.open_file(
            self.view,
            QCoreApplication.translate("StocktakeReview", "Import handheld file"),
            None,
            HANDHELD_FILTER,
        )
        self.focus_scan()
        if source is None:
            return None
        stocktake = self._services.stocktake
        session_id = session.id

        def work(progress: jobs.Progress, cancelled: threading.Event) -> Any:
            from erpdesk.services.stocktake import HandheldImportCancelled

            try:
                return stocktake.import_handheld(
                    session_id, source, progress=progress, cancelled=cancelled.is_set
                )
            except HandheldImportCancelled:
                raise jobs.JobCancelled from None

        def done(result: Any) -> None:
            if result.already_imported:
                text = QCoreApplication.translate(
                    "StocktakeReview", "This file was imported before; nothing was counted again."
                )
            else:
                text = QCoreApplication.translate(
                    "StocktakeReview",
                    "{0} rows read: {1} recorded ({2} with unknown codes), {3} skipped.",
                ).format(result.rows, result.counted, result.unknown, result.skipped)
            self.view.last.setStyleSheet("")
            self.view.last.setText(text)
            Prompts.inform(
                self.view,
                QCoreApplication.translate("StocktakeReview", "Import handheld file"),
                text,
            )
            self.refresh_session_counts()
            if result.unknown:
                self.load_unknown()
            if not self.counting_page_shown():
                self.refresh_review()

        self.last_job = jobs.run_job(
            self.view,
            QCoreApplication.translate("StocktakeReview", "Importing the handheld file…"),
            work,
            done,
            self._report,
            write=True,
            on_cancelled=lambda: self._file_cancelled(
                QCoreApplication.translate("StocktakeReview", "Import handheld file"),
                QCoreApplication.translate(
                    "StocktakeReview",
                    "Import cancelled: nothing was counted; the file can be imported again.",
                ),
            ),
        )
        return self.last_job

    # ------------------------------------------------------------------ labels

    def print_labels(self) -> Any:
        """Labels for the session's lines (products or customers), or for every active product."""
        from erpdesk.ui.dialogs.labels import print_labels_for

        session = self.session
        services = self._services
        if session is None:
            kind = StocktakeKind.PRODUCTS.value

            def collect() -> Sequence[int]:
                return list(services.products.search_ids(""))

        else:
            kind = session.scope.kind.value
            session_id = session.id

            def collect() -> Sequence[int]:
                return [line.target_id for line in services.stocktake.lines(session_id)]

        handles = print_labels_for(
            self.view,
            services,
            kind,
            collect,
            suggested=f"{session.number if session else 'labels'}.pdf",
        )
        self.focus_scan()
        return handles


class CensusTarget:
    """The customer shown in the census panel and the values shown (to tell what was corrected)."""

    def __init__(self, *, customer_id: int, phone: str, address: str, contact: str) -> None:
        self.customer_id = customer_id
        self.phone = phone
        self.address = address
        self.contact = contact
