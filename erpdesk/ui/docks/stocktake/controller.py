"""Wiring of the stocktake dock: sessions and their states, the scan queue, census, review, files.

Every service call runs off the GUI thread: reads with ``jobs.run_query``, writes with
``jobs.run_command``, hand-held files and label sheets with ``jobs.run_job`` (progress and Cancel).
Scans go through ``ScanQueue`` (one in flight, in order). The scan field gets the focus back after any
click or dialog on the Count page, so the scanner's next code always lands there. The service decides
everything; this class only shows what it answers.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Permission
from erpdesk.domain.stocktake import (
    CensusAction,
    StocktakeAction,
    StocktakeStatus,
    allowed_actions,
)
from erpdesk.services.stocktake_dto import (
    ReviewView,
    StocktakeView,
)
from erpdesk.ui import jobs
from erpdesk.ui.docks.stocktake.dialogs import (
    CancelReasonDialog,
    NewSessionDialog,
    PostDialog,
    ScopeChoices,
)
from erpdesk.ui.docks.stocktake.models import LinesTableModel, ScansTableModel
from erpdesk.ui.docks.stocktake.review import CensusTarget, ReviewMixin
from erpdesk.ui.docks.stocktake.scan_queue import ScanQueue
from erpdesk.ui.docks.stocktake.scanning import ScanningMixin
from erpdesk.ui.docks.stocktake.view import StocktakeDockView
from erpdesk.ui.events import AppEvents
from erpdesk.ui.prompts import Prompts, error_text

WATCHED = frozenset({"stocktake", "stocktake_line"})


class StocktakeController(ScanningMixin, ReviewMixin, QObject):
    """Drives a ``StocktakeDockView`` over ``services.stocktake`` (and customers / products lookups)."""

    def __init__(self, services: Any, view: StocktakeDockView) -> None:
        super().__init__(view)
        self._services = services
        self._actor = services.actor
        self.view = view
        self.device = socket.gethostname()[:40]
        # With the queue's sequence number this names each scan uniquely, so a resent scan
        # (Retry failed scans after a lost answer) is recognised and never counted twice.
        self.client_id = uuid.uuid4().hex[:16]
        self.session: StocktakeView | None = None
        self.sessions: tuple[StocktakeView, ...] = ()
        self.review: ReviewView | None = None
        self.census_line: CensusTarget | None = None
        self.census_next: int | None = None  # last customer found, for the census panel
        self.census_generation = 0
        self.unknown_codes: list[str] = []
        self.last_job: jobs.Job | None = None
        self.loaded = 0  # session lists shown (tests wait on it)

        self.scans = ScansTableModel(self)
        view.scans.setModel(self.scans)
        for column, width in enumerate((50, 140, 110, 200, 50)):
            view.scans.setColumnWidth(column, width)
        self.unknown = QStringListModel(self)
        view.unknown.setModel(self.unknown)
        self.lines = LinesTableModel(self)
        self.missing = LinesTableModel(self)
        self.unexpected = LinesTableModel(self)
        view.lines.setModel(self.lines)
        view.missing.setModel(self.missing)
        view.unexpected.setModel(self.unexpected)
        self.unknown_review = QStringListModel(self)
        view.unknown_codes.setModel(self.unknown_review)

        self.queue = ScanQueue(self._send, self)
        self.queue.queued.connect(self._queued)
        self.queue.processed.connect(self._processed)
        self.queue.failed.connect(self._failed)
        self.queue.pending_changed.connect(self._show_pending)
        self.queue.drained.connect(self._drained)
        self._wire()
        self._show_pending(0)
        self._update_buttons()
        self.refresh_sessions()

    # ------------------------------------------------------------------ set-up

    def _wire(self) -> None:
        view = self.view
        view.session.currentIndexChanged.connect(lambda _i: self._session_chosen())
        # A non-editable combo box takes typed letters as a choice: a scan must never land there.
        view.session.activated.connect(lambda _i: self.focus_scan())
        view.new_button.clicked.connect(lambda: self.new_session())
        view.start_button.clicked.connect(lambda: self.start_counting())
        view.review_button.clicked.connect(lambda: self.to_review())
        view.post_button.clicked.connect(lambda: self.post())
        view.cancel_button.clicked.connect(lambda: self.cancel_session())
        view.labels_button.clicked.connect(lambda: self.print_labels())
        view.scan.scanned.connect(self.scan)
        view.scan.confirmed.connect(lambda: self.confirm_census())
        view.scan.undo_requested.connect(lambda: self.undo_last())
        view.undo_button.clicked.connect(lambda: self.undo_last())
        view.correct_button.clicked.connect(lambda: self.correct_line())
        view.review_correct_button.clicked.connect(lambda: self.correct_line())
        view.add_button.clicked.connect(lambda: self.add_by_hand())
        view.retry_button.clicked.connect(self.retry_failed)
        view.census.confirm_button.clicked.connect(lambda: self.confirm_census())
        view.census.save_button.clicked.connect(lambda: self.save_census())
        for edit in (view.census.phone, view.census.address, view.census.contact):
            edit.returnPressed.connect(lambda: self.save_census())
        view.refresh_button.clicked.connect(lambda: self.refresh_review())
        view.keep_button.clicked.connect(lambda: self.census_action(CensusAction.KEEP))
        view.deactivate_button.clicked.connect(lambda: self.census_action(CensusAction.DEACTIVATE))
        view.investigate_button.clicked.connect(
            lambda: self.census_action(CensusAction.INVESTIGATE)
        )
        view.export_button.clicked.connect(lambda: self.export_sheet())
        view.import_button.clicked.connect(lambda: self.import_handheld())
        view.pages.currentChanged.connect(self._page_changed)
        shortcut = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Z), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.undo_last())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            # Scans still queued when the app closes are saved before it goes.
            app.aboutToQuit.connect(self.queue.finish)
        AppEvents.instance().changed.connect(self._changed)
        view.post_button.setVisible(self._actor.may(Permission.COUNT_STOCK))

    # ------------------------------------------------------------------ focus

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """On the Count page only text fields (the census panel) may hold the focus besides the scan
        field; a click on the list or the Unknown panel hands it back to the scan field at once."""
        if not self.counting_page_shown() or not self.view.isVisible():
            return
        if new is None or isinstance(new, QLineEdit):
            return
        if self.view.count_page.isAncestorOf(new):
            QTimer.singleShot(0, self, self.focus_scan)

    def counting_page_shown(self) -> bool:
        return self.view.pages.currentWidget() is self.view.count_page

    def focus_scan(self) -> None:
        view = self.view
        if not self.counting_page_shown() or not view.isVisible():
            return
        if QApplication.activeModalWidget() is not None:
            return  # a dialog is open: it gets the focus back to the scan field when it closes
        focused = QApplication.focusWidget()
        if (
            isinstance(focused, QLineEdit)
            and focused is not view.scan
            and view.isAncestorOf(focused)
        ):
            return  # the clerk is correcting a census field
        view.scan.setFocus(Qt.FocusReason.OtherFocusReason)

    def _page_changed(self, _index: int) -> None:
        if self.counting_page_shown():
            self.focus_scan()
        else:
            self.refresh_review()

    # ------------------------------------------------------------------ sessions

    def refresh_sessions(self, keep_id: int | None = None) -> jobs.Job:
        stocktake = self._services.stocktake
        keep = keep_id if keep_id is not None else (self.session.id if self.session else None)
        self.last_job = jobs.run_query(
            self.view, stocktake.sessions, lambda found: self._show_sessions(found, keep)
        )
        return self.last_job

    def _show_sessions(self, found: Sequence[StocktakeView], keep: int | None) -> None:
        combo = self.view.session
        listed = list(found)
        current = self.session
        if current is not None and current.id == keep and all(s.id != keep for s in listed):
            listed.append(current)  # just posted or cancelled: stays shown until another is chosen
        self.sessions = tuple(listed)
        combo.blockSignals(True)
        combo.clear()
        for item in self.sessions:
            combo.addItem(f"{item.number}  {item.name}", item.id)
        index = combo.findData(keep) if keep is not None else -1
        if index < 0 and self.sessions:
            index = 0
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self._session_chosen()
        self.loaded += 1

    def _session_chosen(self) -> None:
        wanted = self.view.session.currentData()
        previous = self.session.id if self.session else None
        self.session = next((s for s in self.sessions if s.id == wanted), None)
        if self.session is None or self.session.id != previous:
            self._hide_census()
            self.unknown_codes.clear()
            self.unknown.setStringList([])
            if self.session is not None and self.session.unknown_count:
                self.load_unknown()
        self._update_buttons()
        if not self.counting_page_shown():
            self.refresh_review()
        else:
            self.focus_scan()

    def _session_changed(self, updated: StocktakeView) -> None:
        self.session = updated
        self.sessions = tuple(updated if s.id == updated.id else s for s in self.sessions)
        self._update_buttons()
        self.refresh_sessions(updated.id)

    def _update_buttons(self) -> None:
        view = self.view
        session = self.session
        actions = allowed_actions(session.status) if session else frozenset()
        view.start_button.setEnabled(StocktakeAction.START in actions)
        view.review_button.setEnabled(StocktakeAction.TO_REVIEW in actions)
        # A clerk posts too: a manager approves with name and password at this PC.
        view.post_button.setEnabled(StocktakeAction.POST in actions)
        view.cancel_button.setEnabled(StocktakeAction.CANCEL in actions)
        counting = session is not None and session.status is StocktakeStatus.COUNTING
        for widget in (view.undo_button, view.correct_button, view.add_button):
            widget.setEnabled(counting)
        view.import_button.setEnabled(counting)
        view.export_button.setEnabled(session is not None)
        if session is None:
            view.status.setText(self.tr("No open session"))
        else:
            view.status.setText(
                self.tr("{0}: {1} of {2} counted, {3} unknown").format(
                    self._status_name(session.status),
                    session.counted_count,
                    session.expected_count,
                    session.unknown_count,
                )
            )

    def _status_name(self, status: StocktakeStatus) -> str:
        return {
            StocktakeStatus.OPEN: self.tr("Open"),
            StocktakeStatus.COUNTING: self.tr("Counting"),
            StocktakeStatus.REVIEW: self.tr("Review"),
            StocktakeStatus.POSTED: self.tr("Posted"),
            StocktakeStatus.CANCELLED: self.tr("Cancelled"),
        }[status]

    def new_session(self) -> jobs.Job:
        customers = self._services.customers

        def fetch() -> ScopeChoices:
            return ScopeChoices(
                categories=[("  " * c.depth + c.name, c.id) for c in customers.categories()],
                regions=list(customers.regions()),
                salespeople=[(p.name, p.id) for p in customers.salespeople()],
            )

        self.last_job = jobs.run_query(self.view, fetch, self._ask_new_session)
        return self.last_job

    def _ask_new_session(self, choices: ScopeChoices) -> None:
        data = NewSessionDialog.ask(self.view, choices)
        self.focus_scan()
        if data is None:
            return
        stocktake = self._services.stocktake

        def created(view: StocktakeView) -> None:
            self.refresh_sessions(view.id)

        self.last_job = jobs.run_command(
            self.view, lambda: stocktake.create(data), created, self._report
        )

    def _transition(self, work: Any) -> jobs.Job | None:
        if self.session is None:
            return None
        session_id = self.session.id
        self.last_job = jobs.run_command(
            self.view, lambda: work(session_id), self._after_transition, self._report
        )
        return self.last_job

    def _after_transition(self, updated: StocktakeView) -> None:
        self._session_changed(updated)
        if updated.status is StocktakeStatus.COUNTING:
            self.view.pages.setCurrentWidget(self.view.count_page)
            self.focus_scan()
        elif updated.status in (StocktakeStatus.REVIEW, StocktakeStatus.POSTED):
            self.view.pages.setCurrentWidget(self.view.review_page)
            self.refresh_review()

    def start_counting(self) -> jobs.Job | None:
        return self._transition(self._services.stocktake.start_counting)

    def to_review(self) -> jobs.Job | None:
        if not self.queue.idle():
            Prompts.inform(
                self.view,
                self.tr("Stocktake"),
                self.tr("{0} scans are still being saved; try again in a moment.").format(
                    self.queue.pending()
                ),
            )
            return None
        return self._transition(self._services.stocktake.to_review)

    def post(self, error: str = "") -> jobs.Job | None:
        session = self.session
        if session is None:
            return None
        summary = self.tr("Post {0} {1}: {2} of {3} counted. This cannot be undone.").format(
            session.number, session.name, session.counted_count, session.expected_count
        )
        answer = PostDialog.ask(self.view, summary, error)
        self.focus_scan()
        if answer is None:
            return None
        stocktake = self._services.stocktake
        session_id = session.id

        def refused(exc: BaseException) -> None:
            if isinstance(exc, DomainError):
                self.post(error_text(exc))  # wrong password or not a manager: ask again
            else:
                self._report(exc)

        self.last_job = jobs.run_command(
            self.view,
            lambda: stocktake.post(
                session_id, approver=answer.approver, approver_password=answer.password
            ),
            self._after_transition,
            refused,
        )
        return self.last_job

    def cancel_session(self) -> jobs.Job | None:
        if self.session is None:
            return None
        reason = CancelReasonDialog.ask(
            self.view, self.tr("Cancel session"), self.tr("Why is this session cancelled?")
        )
        self.focus_scan()
        if reason is None:
            return None
        stocktake = self._services.stocktake
        return self._transition(lambda session_id: stocktake.cancel(session_id, reason))

    # ------------------------------------------------------------------ events

    def _changed(self, changes: Mapping[str, Any]) -> None:
        if WATCHED & changes.keys() and self.queue.idle():
            self.refresh_session_counts()

    def _report(self, exc: BaseException) -> None:
        Prompts.show_error(self.view, self.tr("Stocktake"), error_text(exc))
        self.focus_scan()
