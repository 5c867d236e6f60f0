"""Scanning on the Count page of the stocktake dock: the scan field's Enter into ``ScanQueue``, each
answer into the last-scans list, unknown codes (red flash and a beep), undo, add by hand, corrections.

A mixin of ``StocktakeController``; it only shows what the service answers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QTableView

from erpdesk.domain.stocktake import ScanOutcome, StocktakeKind, StocktakeStatus
from erpdesk.services.stocktake_dto import CountLineView, ScanInput, ScanResult, StocktakeView
from erpdesk.ui import jobs
from erpdesk.ui.docks.stocktake.dialogs import AddByHandDialog, CorrectLineDialog
from erpdesk.ui.docks.stocktake.models import LinesTableModel, ScansTableModel, quantity_text
from erpdesk.ui.docks.stocktake.scan_queue import QueuedScan, ScanAction, ScanQueue
from erpdesk.ui.prompts import error_text

if TYPE_CHECKING:
    from erpdesk.ui.docks.stocktake.view import StocktakeDockView


class ScanningMixin:
    """Scan, undo, add by hand and correct for ``StocktakeController``."""

    if TYPE_CHECKING:  # provided by StocktakeController
        _services: Any
        view: StocktakeDockView
        session: StocktakeView | None
        last_job: jobs.Job | None

        def focus_scan(self) -> None: ...
        def counting_page_shown(self) -> bool: ...
        def _report(self, exc: BaseException) -> None: ...
        def _update_buttons(self) -> None: ...

        device: str
        client_id: str
        queue: ScanQueue
        scans: ScansTableModel
        lines: LinesTableModel
        sessions: tuple[StocktakeView, ...]
        unknown_codes: list[str]
        unknown: Any
        census_next: int | None

        def show_census(self, customer_id: int) -> jobs.Job: ...
        def refresh_review(self) -> jobs.Job | None: ...

    def scan(self, text: str) -> QueuedScan | None:
        """One Enter of the scan field: queued at once, saved in order by the queue."""
        session = self.session
        if session is None or session.status is not StocktakeStatus.COUNTING:
            self._alert()
            self.view.last.setText(
                QCoreApplication.translate(
                    "StocktakeScan",
                    "Not counting: choose a session and start counting ({0} was not saved).",
                ).format(text.strip())
            )
            self.view.last.setStyleSheet("color: #c62828")
            return None
        return self.queue.put(session.id, text, self._services.clock.utc())

    def _send(self, item: QueuedScan) -> Any:
        """Runs in the write worker."""
        stocktake = self._services.stocktake
        if item.action is ScanAction.UNDO:
            return stocktake.undo_last_scan(item.session_id)
        if item.action is ScanAction.HAND:
            assert item.target_id is not None
            return stocktake.add_by_hand(
                item.session_id, item.target_id, item.quantity or Decimal(1)
            )
        return stocktake.scan(
            item.session_id,
            ScanInput(
                text=item.text,
                device=self.device,
                scanned_at=item.scanned_at,
                client_seq=item.seq,
                client_key=f"{self.client_id}:{item.seq}",
            ),
        )

    def _queued(self, item: QueuedScan) -> None:
        self.scans.add(item)

    def _processed(self, item: QueuedScan) -> None:
        self.scans.refresh(item)
        result: ScanResult | None = item.result
        view = self.view
        if item.action is ScanAction.UNDO:
            if result is not None:
                self._mark_undone(result.seq)
                view.last.setText(
                    QCoreApplication.translate("StocktakeScan", "Undone: {0} {1}, now {2}").format(
                        result.code, result.label, quantity_text(result.line_count)
                    )
                )
            else:
                view.last.setText(QCoreApplication.translate("StocktakeScan", "Nothing to undo"))
            view.last.setStyleSheet("")
            return
        assert result is not None
        if result.outcome is ScanOutcome.UNKNOWN:
            self._alert()
            if result.code not in self.unknown_codes:
                self.unknown_codes.insert(0, result.code)
                self.unknown.setStringList(self.unknown_codes)
            view.last.setText(
                QCoreApplication.translate("StocktakeScan", "Unknown code: {0}").format(result.code)
            )
            view.last.setStyleSheet("color: #c62828")
            return
        view.last.setStyleSheet(
            "color: #b26a00" if result.outcome is ScanOutcome.ALREADY_FOUND else ""
        )
        if result.outcome is ScanOutcome.COUNTED:
            view.last.setText(
                QCoreApplication.translate("StocktakeScan", "{0}  +{1}  → {2}").format(
                    result.label, quantity_text(result.quantity), quantity_text(result.line_count)
                )
            )
        else:
            found = (
                QCoreApplication.translate("StocktakeScan", "found")
                if result.outcome is ScanOutcome.FOUND
                else QCoreApplication.translate("StocktakeScan", "already found")
            )
            view.last.setText(
                QCoreApplication.translate("StocktakeScan", "{0}: {1}").format(result.label, found)
            )
            if result.target_id is not None:
                self.census_next = result.target_id  # shown once the burst has been saved

    def _mark_undone(self, service_seq: int) -> None:
        for item in self.scans.items():
            result = item.result
            if (
                result is not None
                and item.action is not ScanAction.UNDO
                and result.seq == service_seq
                and not item.undone
            ):
                item.undone = True
                self.scans.refresh(item)
                return

    def _failed(self, item: QueuedScan) -> None:
        self.scans.refresh(item)
        self._alert()
        self.view.last.setText(
            QCoreApplication.translate("StocktakeScan", "Not saved: {0} ({1})").format(
                item.text, error_text(item.error) if item.error else ""
            )
        )
        self.view.last.setStyleSheet("color: #c62828")
        self.view.retry_button.setVisible(True)

    def retry_failed(self) -> None:
        self.view.retry_button.setVisible(False)
        self.queue.retry_failed()
        self.focus_scan()

    def _show_pending(self, count: int) -> None:
        self.view.pending.setText(
            QCoreApplication.translate("StocktakeScan", "To save: {0}").format(count)
        )

    def _drained(self) -> None:
        self.view.retry_button.setVisible(bool(self.queue.failed_scans()))
        if self.census_next is not None:
            customer_id, self.census_next = self.census_next, None
            self.show_census(customer_id)
        self.refresh_session_counts()

    def refresh_session_counts(self) -> jobs.Job | None:
        """Counted / unknown figures of the current session (after a burst of scans)."""
        if self.session is None:
            return None
        session_id = self.session.id
        stocktake = self._services.stocktake

        def fetch() -> StocktakeView | None:
            return next((s for s in stocktake.sessions(True) if s.id == session_id), None)

        def show(found: StocktakeView | None) -> None:
            if found is not None and self.session is not None and found.id == self.session.id:
                self.session = found
                self.sessions = tuple(found if s.id == found.id else s for s in self.sessions)
                self._update_buttons()

        self.last_job = jobs.run_query(self.view, fetch, show)
        return self.last_job

    def _alert(self) -> None:
        self.view.scan.flash()
        QApplication.beep()

    def undo_last(self) -> QueuedScan | None:
        """Ctrl+Z: queued behind every scan typed before it, so it undoes the last one typed."""
        session = self.session
        if session is None or session.status is not StocktakeStatus.COUNTING:
            return None
        self.focus_scan()
        return self.queue.put(
            session.id,
            QCoreApplication.translate("StocktakeScan", "(undo)"),
            action=ScanAction.UNDO,
        )

    def add_by_hand(self) -> QueuedScan | None:
        session = self.session
        if session is None or session.status is not StocktakeStatus.COUNTING:
            return None
        products = session.scope.kind is StocktakeKind.PRODUCTS
        services = self._services

        def search(text: str) -> list[tuple[int, str]]:
            if products:
                return [
                    (hit.product.id, f"{hit.product.code}  {hit.product.name}  {hit.product.spec}")
                    for hit in services.products.find(text)
                ]
            return [
                (hit.id, f"{hit.code}  {hit.name}")
                for hit in services.customers.find(text, include_inactive=False)
            ]

        pick = AddByHandDialog.ask(self.view, search, products=products)
        self.focus_scan()
        if pick is None:
            return None
        return self.queue.put(
            session.id,
            pick.label,
            self._services.clock.utc(),
            action=ScanAction.HAND,
            target_id=pick.target_id,
            quantity=pick.quantity,
        )

    def _selected_line(self) -> tuple[int, str, Decimal] | None:
        """(line id, label, counted) of the selected scan row, or of the selected review line."""
        if self.counting_page_shown():
            index = self.view.scans.currentIndex()
            item = self.scans.item_at(index.row()) if index.isValid() else None
            if item is None:
                item = next(
                    (
                        i
                        for i in self.scans.items()
                        if i.result is not None
                        and i.action is not ScanAction.UNDO
                        and i.result.line_id is not None
                    ),
                    None,
                )
            result = item.result if item is not None else None
            if result is None or result.line_id is None:
                return None
            return result.line_id, f"{result.code}  {result.label}", result.line_count
        table = self.view.review_tabs.currentWidget()
        if not isinstance(table, QTableView):
            return None
        model, current = table.model(), table.currentIndex()
        if not isinstance(model, LinesTableModel) or not current.isValid():
            return None
        line = model.line_at(current.row())
        if line is None:
            return None
        return line.id, f"{line.code}  {line.name}", line.counted

    def correct_line(self) -> jobs.Job | None:
        session = self.session
        chosen = self._selected_line()
        if session is None or chosen is None:
            self.focus_scan()
            return None
        line_id, label, counted = chosen
        answer = CorrectLineDialog.ask(self.view, label, counted)
        self.focus_scan()
        if answer is None:
            return None
        stocktake = self._services.stocktake
        session_id = session.id

        def done(line: CountLineView) -> None:
            self.view.last.setStyleSheet("")
            self.view.last.setText(
                QCoreApplication.translate(
                    "StocktakeScan", "Corrected: {0} {1} = {2} ({3})"
                ).format(line.code, line.name, quantity_text(line.counted), line.reason)
            )
            if not self.counting_page_shown():
                self.refresh_review()

        self.last_job = jobs.run_command(
            self.view,
            lambda: stocktake.correct_line(session_id, line_id, answer.counted, answer.reason),
            done,
            self._report,
        )
        return self.last_job
