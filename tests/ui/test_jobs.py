"""Background jobs: results and errors come back in the GUI thread, changes are broadcast, Cancel stops work."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QPushButton, QWidget

from erpdesk.domain.errors import DomainError
from erpdesk.ui import jobs
from erpdesk.ui.events import AppEvents
from erpdesk.ui.prompts import Prompts


def test_query_runs_in_a_worker_and_answers_in_the_gui_thread(qtbot) -> None:
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker_is_gui"] = QThread.currentThread() is gui
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["done_is_gui"] = QThread.currentThread() is gui

    job = jobs.run_query(None, work, done)
    with qtbot.waitSignal(job.settled, timeout=5000):
        pass
    assert seen == {"worker_is_gui": False, "value": 42, "done_is_gui": True}


def test_command_broadcasts_its_changes_before_on_done(qtbot) -> None:
    order: list[object] = []
    AppEvents.instance().changed.connect(lambda cs: order.append(("changed", cs)))

    class Result:
        def __init__(self) -> None:
            self.value = 7
            self.changes = {"customer": {1, 2}, "empty": set()}

    job = jobs.run_command(None, Result, lambda r: order.append(("done", r.value)))
    with qtbot.waitSignal(job.settled, timeout=5000):
        pass
    assert order == [("changed", {"customer": frozenset({"1", "2"})}), ("done", 7)]


def test_domain_error_is_shown_in_the_ui_language(qtbot, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        Prompts, "show_error", classmethod(lambda cls, p, t, text: shown.append(text))
    )

    def fail() -> None:
        raise DomainError("db.unsupported_url", url="ftp://x")

    job = jobs.run_query(None, fail)
    with qtbot.waitSignal(job.settled, timeout=5000):
        pass
    assert shown == [
        "Unsupported database address ftp://x: use sqlite:///PATH or postgresql://USER@HOST/DATABASE."
    ]


def test_callbacks_are_skipped_once_the_parent_is_gone(qtbot) -> None:
    release = threading.Event()
    called: list[object] = []
    parent = QWidget()
    job = jobs.run_query(parent, lambda: release.wait(5), called.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not jobs.shiboken6.isValid(parent), timeout=5000)
    release.set()
    with qtbot.waitSignal(job.settled, timeout=5000):
        pass
    assert called == []


def test_long_job_reports_progress_and_cancel_stops_it(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    started = threading.Event()
    cancelled_seen: list[bool] = []
    labels: list[str] = []

    def work(progress, cancelled: threading.Event) -> int:
        done = 0
        for done in range(1, 20_000):
            progress(done, 1000)
            started.set()
            if cancelled.wait(0.001):
                raise jobs.JobCancelled
        return done

    job = jobs.run_job(window, "Counting", work, on_cancelled=lambda: cancelled_seen.append(True))
    job.progressed.connect(lambda d, t: labels.append(job.dialog.labelText()))
    qtbot.waitUntil(lambda: len(labels) > 2, timeout=5000)
    assert labels[-1].startswith("Counting\n")
    assert labels[-1].endswith(" of 1000")
    cancel_button = job.dialog.findChild(QPushButton)
    assert cancel_button.text() == "Cancel"
    cancel_button.click()
    with qtbot.waitSignal(job.settled, timeout=5000):
        pass
    assert isinstance(job.error, jobs.JobCancelled)
    assert cancelled_seen == [True]
    assert not job.dialog.isVisible()


@pytest.mark.parametrize("count", [5])
def test_commands_run_one_at_a_time_in_submission_order(qtbot, count: int) -> None:
    active = 0
    overlap = False
    lock = threading.Lock()
    finished: list[int] = []

    def make(i: int):
        def work() -> int:
            nonlocal active, overlap
            with lock:
                active += 1
                overlap = overlap or active > 1
            threading.Event().wait(0.01)
            with lock:
                active -= 1
            return i

        return work

    last = None
    for i in range(count):
        last = jobs.run_command(None, make(i), finished.append)
    assert last is not None
    qtbot.waitUntil(lambda: len(finished) == count, timeout=5000)
    assert finished == list(range(count))
    assert not overlap
