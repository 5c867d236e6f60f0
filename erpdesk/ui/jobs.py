"""Run service calls off the GUI thread: ``run_query``, ``run_command`` and ``run_job`` on ``QThreadPool``.

Rules every caller can rely on:

* ``fn`` runs in a worker thread; it must not touch widgets. It should call services only (each service
  call opens its own unit of work, so no Session crosses threads).
* ``on_done(result)`` / ``on_error(exc)`` run later in the GUI thread (queued signals), so they may touch
  widgets. They are skipped when ``parent`` was deleted meanwhile (a closed dock).
* Without ``on_error`` an error is shown with ``Prompts.show_error``: a ``DomainError`` in the UI language.
* ``run_command`` is for writes: commands run one at a time (one serial queue, as SQLite allows a single
  writer anyway), and the ``changes`` of the result (``Result.changes`` or a ``table → ids`` mapping) are
  published on ``AppEvents.instance().changed`` before ``on_done`` runs.
* ``run_job`` is for long work: ``fn(progress, cancelled)`` reports ``progress(done, total)`` and checks
  ``cancelled.is_set()`` between chunks (raise ``JobCancelled`` or return early); a ``QProgressDialog``
  appears after 500 ms showing "n of N" and a Cancel button that sets ``cancelled``.
* ``wait_for_all()`` drains both pools (the app calls it on exit; tests call it in teardown).

Every call returns a ``Job``; tests wait with ``qtbot.waitSignal(job.settled)``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from erpdesk.ui.events import AppEvents

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""``progress(done, total)`` as passed to a ``run_job`` function (``total`` 0 = unknown)."""

_READ_POOL: QThreadPool | None = None
_WRITE_POOL: QThreadPool | None = None
_LIVE: set[Job] = set()


class JobCancelled(Exception):
    """Raise from a ``run_job`` function after seeing ``cancelled.is_set()``."""


def read_pool() -> QThreadPool:
    """Pool for queries and long jobs (global instance: as many threads as cores)."""
    global _READ_POOL
    if _READ_POOL is None:
        _READ_POOL = QThreadPool.globalInstance()
    return _READ_POOL


def write_pool() -> QThreadPool:
    """Pool with a single thread: commands run one after another, in submission order."""
    global _WRITE_POOL
    if _WRITE_POOL is None:
        _WRITE_POOL = QThreadPool()
        _WRITE_POOL.setMaxThreadCount(1)
        _WRITE_POOL.setExpiryTimeout(-1)
    return _WRITE_POOL


def wait_for_all(timeout_ms: int = -1) -> bool:
    """Block until every submitted job has run; ``False`` if ``timeout_ms`` passed first."""
    ok = True
    for pool in (_READ_POOL, _WRITE_POOL):
        if pool is not None:
            ok = pool.waitForDone(timeout_ms) and ok
    QCoreApplication.processEvents()
    return ok


class _Runnable(QRunnable):
    def __init__(self, job: Job, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._job = job
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # delivered to the GUI thread, never lost in the worker
            self._job._failed.emit(exc)
        else:
            self._job._succeeded.emit(result)


class Job(QObject):
    """Handle of one submitted call; lives in the GUI thread until it has settled.

    Signals:
        progressed(int, int): ``done, total`` from a ``run_job`` function (GUI thread).
        settled(): after ``on_done`` / ``on_error`` have run (or were skipped); for tests and chaining.
    """

    progressed = Signal(int, int)
    settled = Signal()
    _succeeded = Signal(object)
    _failed = Signal(object)
    _progress = Signal(int, int)

    def __init__(
        self,
        parent_widget: QObject | None,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__()  # no Qt parent: deleting the dock must not delete a job a worker still signals
        self._owner = parent_widget
        self._on_done = on_done
        self._on_error = on_error
        self.cancelled = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self.before_done: Callable[[Any], object] | None = None
        self.dialog: QProgressDialog | None = None
        self._runnable: _Runnable | None = None
        self._succeeded.connect(self._handle_success, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._handle_failure, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._handle_progress, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        """Ask the function to stop (it sees ``cancelled.is_set()``)."""
        self.cancelled.set()

    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    def _start(self, pool: QThreadPool, work: Callable[[], Any]) -> Job:
        _LIVE.add(self)
        self._runnable = _Runnable(self, work)
        pool.start(self._runnable)
        return self

    @Slot(int, int)
    def _handle_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot(object)
    def _handle_success(self, result: Any) -> None:
        self.result = result
        try:
            if self.before_done is not None:
                self.before_done(result)
            if self._on_done is not None and self._owner_alive():
                self._on_done(result)
        except Exception as exc:  # a failing callback must not vanish inside Qt's event loop
            self.error = exc
            log.error("handling a job's result failed", exc_info=exc)
            if self._owner_alive():
                _report(self._owner, exc)
        finally:
            self._settle()

    @Slot(object)
    def _handle_failure(self, exc: BaseException) -> None:
        self.error = exc
        try:
            if isinstance(exc, JobCancelled):
                log.info("job cancelled")
            elif not self._owner_alive():
                log.info("job failed after its window closed: %r", exc)
            elif self._on_error is not None:
                self._on_error(exc)
            else:
                _report(self._owner, exc)
        finally:
            self._settle()

    def _settle(self) -> None:
        self.done = True
        self._runnable = None
        self.settled.emit()
        _LIVE.discard(self)


def _report(owner: QObject | None, exc: BaseException) -> None:
    from erpdesk.domain.errors import DomainError
    from erpdesk.ui.prompts import Prompts, error_text

    if not isinstance(exc, DomainError):
        log.error("background job failed", exc_info=exc)
    widget = owner if isinstance(owner, QWidget) else None
    Prompts.show_error(widget, QCoreApplication.translate("Jobs", "ERPDesk"), error_text(exc))


def run_query(
    parent: QObject | None,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Job:
    """Run a read-only ``fn()`` in a worker; ``on_done(result)`` in the GUI thread.

    Example::

        run_query(self, lambda: services.customers.search_ids(text), self._show_ids)
    """
    return Job(parent, on_done, on_error)._start(read_pool(), fn)


def changes_of(result: Any) -> Any:
    """The ``table → ids`` mapping carried by a command's result (``result.changes`` or the mapping)."""
    changes = getattr(result, "changes", None)
    if changes is None and isinstance(result, dict):
        return result
    return changes


def run_command(
    parent: QObject | None,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Job:
    """Run a writing ``fn()`` on the serial write queue; publish its changes, then ``on_done(result)``.

    The result's ``changes`` (see ``changes_of``) go to ``AppEvents.instance().changed`` even when the
    parent was closed meanwhile, because other docks still need to refresh.
    """
    job = Job(parent, on_done, on_error)
    job.before_done = lambda result: AppEvents.instance().publish(changes_of(result))
    return job._start(write_pool(), fn)


def run_job(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress, threading.Event], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    write: bool = False,
    on_cancelled: Callable[[], None] | None = None,
) -> Job:
    """Run long work ``fn(progress, cancelled)`` with a progress dialog (after 500 ms) and Cancel.

    Args:
        parent: window the progress dialog belongs to (and whose deletion skips the callbacks).
        title: translated label of the work ("Backing up the database…").
        fn: worker function; calls ``progress(done, total)`` and checks ``cancelled.is_set()``.
        on_done: called with the return value in the GUI thread (also when ``fn`` returned early
            after a cancel, so it can say what was kept).
        on_error: called with the exception; default shows it with ``Prompts.show_error``.
        write: run on the serial write queue and publish the result's changes, as ``run_command``.
        on_cancelled: called when ``fn`` raised ``JobCancelled``.
    """
    from PySide6.QtWidgets import QProgressDialog  # here: building its type costs start-up time

    job = Job(parent, on_done, on_error)
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("Jobs", "ERPDesk"))
    dialog.setLabelText(title)
    dialog.setCancelButtonText(QCoreApplication.translate("Jobs", "Cancel"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setRange(0, 0)
    dialog.setMinimumDuration(500)
    job.dialog = dialog

    def on_cancel() -> None:
        job.cancel()
        dialog.setLabelText(QCoreApplication.translate("Jobs", "Cancelling…"))

    def on_progress(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
            dialog.setLabelText(
                title + "\n" + QCoreApplication.translate("Jobs", "{0} of {1}").format(done, total)
            )
        else:
            dialog.setLabelText(title)

    def on_settled() -> None:
        dialog.reset()  # stops the 500 ms timer, which would otherwise show the dialog afterwards
        dialog.hide()
        dialog.deleteLater()
        if isinstance(job.error, JobCancelled) and on_cancelled is not None:
            on_cancelled()

    dialog.canceled.connect(on_cancel)
    job.progressed.connect(on_progress)
    job.settled.connect(on_settled)
    if write:
        job.before_done = lambda result: AppEvents.instance().publish(changes_of(result))

    def work() -> Any:
        return fn(job._progress.emit, job.cancelled)

    return job._start(write_pool() if write else read_pool(), work)
