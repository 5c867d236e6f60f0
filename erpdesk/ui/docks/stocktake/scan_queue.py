"""``ScanQueue``: every Enter of the scan field becomes one queued scan, sent to the service in order.

A keyboard-wedge scanner types a code and Enter faster than a database write returns, so scans are
appended to a FIFO the moment they arrive and one command at a time goes to the serial write queue
(``jobs.run_command``): it takes the scans waiting at that moment (at most ``batch``) and sends them one
after another, each in its own service call; the next command leaves only when this one has returned.
So scans reach the service in the order they were typed, each exactly once, and a burst costs one
thread hand-over per batch instead of one per scan. A scan that fails is never retried by itself (a
hand addition or an undo carries no resend key, so resending one whose failure did commit would count
twice): it is marked failed (the dock shows it in red), kept in ``failed_scans()`` until the clerk
retries, and the queue goes on. Nothing here touches widgets or knows what a scan means.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, Signal

from erpdesk.ui import jobs

log = logging.getLogger(__name__)


class ScanState(StrEnum):
    """Where a queued scan is."""

    WAITING = "waiting"
    SENDING = "sending"
    DONE = "done"
    FAILED = "failed"


class ScanAction(StrEnum):
    """What a queued entry asks of the service; all three keep their place in the one queue."""

    SCAN = "scan"  # the text of one Enter of the scan field
    HAND = "hand"  # added by hand: ``target_id`` and ``quantity``
    UNDO = "undo"  # undo the last scan (after every scan typed before it)


@dataclass(eq=False)
class QueuedScan:
    """One Enter of the scan field (or a hand addition, or an undo) for the session current then."""

    seq: int  # 1, 2, 3 … per queue: the order the scans arrived in (sent as ``client_seq``)
    session_id: int
    text: str
    scanned_at: datetime | None = None
    action: ScanAction = ScanAction.SCAN
    target_id: int | None = None
    quantity: Decimal | None = None
    undone: bool = False  # a later undo took this scan back
    state: ScanState = ScanState.WAITING
    attempts: int = 0
    result: Any = None
    error: BaseException | None = field(default=None, repr=False)


Sender = Callable[[QueuedScan], Any]
"""Runs in a worker thread: sends one scan to the service and returns its result."""


class ScanQueue(QObject):
    """FIFO of scans with one in flight at a time.

    Signals:
        queued(QueuedScan): a scan was appended (GUI thread, at once).
        processed(QueuedScan): the service answered; ``result`` holds its answer.
        failed(QueuedScan): the scan could not be saved; ``error`` says why; it is in ``failed()``.
        pending_changed(int): scans not yet answered (waiting plus the one in flight).
        drained(): nothing waits and nothing is in flight.
    """

    queued = Signal(object)
    processed = Signal(object)
    failed = Signal(object)
    pending_changed = Signal(int)
    drained = Signal()

    def __init__(self, send: Sender, parent: QObject | None = None, *, batch: int = 20) -> None:
        super().__init__(parent)
        self._send = send
        self._batch = batch
        self._waiting: deque[QueuedScan] = deque()
        self._in_flight: list[QueuedScan] = []
        self._failed: list[QueuedScan] = []
        self._next_seq = 1
        self.sent = 0  # service calls made (for tests)
        self.commands = 0  # commands (batches) run
        self.last_job: jobs.Job | None = None

    # ------------------------------------------------------------------ public

    def put(
        self,
        session_id: int,
        text: str,
        scanned_at: datetime | None = None,
        *,
        action: ScanAction = ScanAction.SCAN,
        target_id: int | None = None,
        quantity: Decimal | None = None,
    ) -> QueuedScan:
        """Append one entry and start sending if idle; returns the queued entry at once."""
        item = QueuedScan(
            seq=self._next_seq,
            session_id=session_id,
            text=text,
            scanned_at=scanned_at,
            action=action,
            target_id=target_id,
            quantity=quantity,
        )
        self._next_seq += 1
        self._waiting.append(item)
        self.queued.emit(item)
        self.pending_changed.emit(self.pending())
        self._pump()
        return item

    def pending(self) -> int:
        """Scans not answered yet."""
        return len(self._waiting) + len(self._in_flight)

    def idle(self) -> bool:
        return self.pending() == 0

    def failed_scans(self) -> tuple[QueuedScan, ...]:
        return tuple(self._failed)

    def retry_failed(self) -> int:
        """Queue the failed scans again (after anything still waiting); returns how many."""
        again, self._failed = self._failed, []
        for item in again:
            item.state, item.error = ScanState.WAITING, None
            self._waiting.append(item)
        if again:
            self.pending_changed.emit(self.pending())
            self._pump()
        return len(again)

    def finish(self) -> int:
        """Before the application quits: let the command in flight end, then save every scan still
        waiting right here, in order (the event loop that would send them is stopping). Returns how
        many were saved; any that fail are logged with their text so the clerk's work can be traced."""
        jobs.write_pool().waitForDone()
        saved = 0
        while self._waiting:
            item = self._waiting.popleft()
            try:
                item.result, item.state = self._send(item), ScanState.DONE
                saved += 1
                self.processed.emit(item)
            except Exception as exc:
                log.error("scan %r (session %s) not saved at exit", item.text, item.session_id)
                self._mark_failed(item, exc)
        return saved

    # ------------------------------------------------------------------ worker

    def _pump(self) -> None:
        if self._in_flight or not self._waiting:
            return
        batch = [self._waiting.popleft() for _ in range(min(self._batch, len(self._waiting)))]
        for item in batch:
            item.state = ScanState.SENDING
            item.attempts += 1
        self._in_flight = batch
        self.commands += 1
        send = self._send

        def work() -> list[tuple[QueuedScan, Any, BaseException | None]]:
            """In the write worker: each scan its own service call, in order, none skipped."""
            answers: list[tuple[QueuedScan, Any, BaseException | None]] = []
            for item in batch:
                try:
                    answers.append((item, send(item), None))
                except Exception as exc:  # this scan failed; the ones after it still go
                    answers.append((item, None, exc))
            return answers

        self.last_job = jobs.run_command(self, work, self._answered, self._lost)

    def _answered(self, answers: list[tuple[QueuedScan, Any, BaseException | None]]) -> None:
        self._in_flight = []
        for item, result, error in answers:
            self.sent += 1
            if error is None:
                item.state, item.result, item.error = ScanState.DONE, result, None
                self.processed.emit(item)
            else:
                self._mark_failed(item, error)
        self._next()

    def _lost(self, exc: BaseException) -> None:
        """The command itself broke (not one scan): every scan it carried is kept as failed."""
        batch, self._in_flight = self._in_flight, []
        for item in batch:
            self._mark_failed(item, exc)
        self._next()

    def _mark_failed(self, item: QueuedScan, exc: BaseException) -> None:
        item.state, item.error = ScanState.FAILED, exc
        self._failed.append(item)
        self.failed.emit(item)

    def _next(self) -> None:
        self.pending_changed.emit(self.pending())
        if self._waiting:
            self._pump()
        else:
            self.drained.emit()
