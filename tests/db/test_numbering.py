"""Number series: contiguous, distinct numbers across processes; a rollback gives the number back;
periods count independently; numbers taken by hand are skipped (N1, N3, N5)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from erpdesk.db import numbering
from erpdesk.db.engine import Database
from erpdesk.db.models.system import NumberSeries
from erpdesk.db.uow import UnitOfWork, run

WORKERS = Path(__file__).resolve().parents[1] / "reliability" / "workers.py"


def _allocate(database: Database, series: str, period: str = "", **kwargs: object) -> int:
    return run(
        database,
        "tester",
        lambda uow: numbering.allocate(uow.connection, series, period, **kwargs),  # type: ignore[arg-type]
        write=True,
    )


def test_numbers_start_at_one_and_count_up(backend: Database) -> None:
    assert [_allocate(backend, "customer:KH") for _ in range(5)] == [1, 2, 3, 4, 5]
    with backend.engine.connect() as conn:
        assert numbering.peek(conn, "customer:KH") == 6
        assert numbering.peek(conn, "never-used") == 1
        assert numbering.peek(conn, "never-used", start=100) == 100


def test_start_value_for_a_new_period(backend: Database) -> None:
    assert _allocate(backend, "voucher", "2025", start=1001) == 1001
    assert _allocate(backend, "voucher", "2025", start=1001) == 1002


def test_rollback_gives_the_number_back(backend: Database) -> None:
    assert _allocate(backend, "order:XS") == 1
    with UnitOfWork(backend, "tester", write=True) as uow:
        assert numbering.allocate(uow.connection, "order:XS") == 2
        # no commit: the unit rolls back on exit
    assert _allocate(backend, "order:XS") == 2
    drawn: list[int] = []

    def failing_save() -> None:
        with UnitOfWork(backend, "tester", write=True) as uow:
            drawn.append(numbering.allocate(uow.connection, "order:XS"))
            raise RuntimeError("saving the order failed")

    with pytest.raises(RuntimeError):
        failing_save()
    assert drawn == [3]
    assert _allocate(backend, "order:XS") == 3


def test_rollback_of_first_use_leaves_no_counter(backend: Database) -> None:
    with UnitOfWork(backend, "tester", write=True) as uow:
        assert numbering.allocate(uow.connection, "fresh") == 1
    with backend.engine.connect() as conn:
        rows = conn.execute(select(NumberSeries).where(NumberSeries.series == "fresh")).all()
    assert rows == []
    assert _allocate(backend, "fresh") == 1


def test_periods_and_series_count_independently(backend: Database) -> None:
    assert _allocate(backend, "order:XS", "202504") == 1
    assert _allocate(backend, "order:XS", "202504") == 2
    assert _allocate(backend, "order:XS", "202505") == 1, "a new month starts again at 1"
    assert _allocate(backend, "order:XS", "202504") == 3
    assert _allocate(backend, "order:TH", "202505") == 1, "another series is separate"
    assert _allocate(backend, "order:XS", "202505") == 2
    with backend.engine.connect() as conn:
        assert numbering.peek(conn, "order:XS", "202504") == 4
        assert numbering.peek(conn, "order:XS", "202506") == 1


def test_numbers_taken_by_hand_are_skipped(backend: Database) -> None:
    manual = {2, 3, 5}
    got = [_allocate(backend, "customer:KH", is_taken=manual.__contains__) for _ in range(4)]
    assert got == [1, 4, 6, 7]
    with backend.engine.connect() as conn:
        assert numbering.peek(conn, "customer:KH") == 8


def _pg_or_sqlite_url(backend: Database) -> str:
    return backend.url.render_as_string(hide_password=False)


def _run_two_processes(
    url: str, tmp_path: Path, series: str, count: int, rollback_every: int = 0
) -> list[list[int]]:
    go = tmp_path / "go"
    procs = []
    readies = []
    for index in range(2):
        ready = tmp_path / f"ready-{index}"
        readies.append(ready)
        args = [
            sys.executable,
            str(WORKERS),
            "allocate",
            url,
            series,
            str(count),
            str(ready),
            str(go),
        ]
        procs.append(
            subprocess.Popen(
                [*args, str(rollback_every)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    deadline = time.monotonic() + 60
    while not all(r.exists() for r in readies):
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        assert time.monotonic() < deadline, "workers never became ready"
        time.sleep(0.01)
    go.touch()  # both start together
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    return results


def _check_series(database: Database, series: str, expected_next: int) -> None:
    with database.engine.connect() as conn:
        assert numbering.peek(conn, series) == expected_next


@pytest.mark.parametrize("count", [1000])
def test_two_processes_get_distinct_contiguous_numbers(
    backend: Database, tmp_path: Path, count: int
) -> None:
    results = _run_two_processes(_pg_or_sqlite_url(backend), tmp_path, "n1", count)
    numbers = results[0] + results[1]
    assert len(numbers) == 2 * count
    assert set(numbers) == set(range(1, 2 * count + 1)), "distinct and contiguous"
    for result in results:
        assert result == sorted(result), "each process sees its numbers increase"
    assert min(len(r) for r in results) == count
    first_half = set(range(1, count + 1))
    assert all(first_half & set(r) for r in results), "the processes ran at the same time"
    _check_series(backend, "n1", 2 * count + 1)


def test_two_processes_with_rollbacks_keep_committed_numbers_contiguous(
    backend: Database, tmp_path: Path
) -> None:
    count = 200
    results = _run_two_processes(_pg_or_sqlite_url(backend), tmp_path, "n1-rb", count, 20)
    numbers = results[0] + results[1]
    assert sorted(numbers) == list(range(1, 2 * count + 1)), (
        "rolled-back draws are given back: committed numbers stay contiguous"
    )
    _check_series(backend, "n1-rb", 2 * count + 1)
