"""Aging report at scale: N demo customers with a year of orders and deliveries (open receivables) in
SQLite, then time the aging report and the receivables summary through ``ReceivableReportService``
beside a raw baseline in the same run.

Raw baseline: every open item read through the sqlite3 driver (``customer_id, due_date, open_amount``)
and bucketed in Python with integer fen, plus the advances summed per customer — the least any aging
must do. The service does it in one grouped SQL statement "as of" a date (allocations dated later
are undone), with names and salespeople; the ratio shows what that costs.

Usage: python benchmarks/aging.py [--customers N] [--db FILE] [--samples K]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from erpdesk.db.engine import open_database  # noqa: E402
from erpdesk.db.migrate import upgrade  # noqa: E402
from erpdesk.domain.permissions import Role  # noqa: E402
from erpdesk.services import customer_demo, order_demo  # noqa: E402
from erpdesk.services.container import Services  # noqa: E402
from erpdesk.services.context import Actor, Clock  # noqa: E402

BOUNDS = (0, 30, 60, 90)


def median_ms(fn: Callable[[], Any], samples: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(samples):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def raw_aging(path: Path, as_of: date) -> int:
    """Open items bucketed in Python (fen), advances per customer: the bare minimum."""
    cutoffs = [(as_of - timedelta(days=b)).isoformat() for b in BOUNDS]
    totals: dict[int, list[int]] = {}
    with sqlite3.connect(path) as conn:
        for customer_id, due, open_fen in conn.execute(
            "SELECT customer_id, due_date, open_amount FROM receivable_item WHERE open_amount != 0"
        ):
            row = totals.setdefault(customer_id, [0] * (len(BOUNDS) + 1))
            index = len(BOUNDS)
            for i, cutoff in enumerate(cutoffs):
                if due >= cutoff:
                    index = i
                    break
            row[index] += open_fen
        conn.execute(
            "SELECT customer_id, SUM(unallocated) FROM receipt GROUP BY customer_id"
        ).fetchall()
    return len(totals)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--samples", type=int, default=7)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="erpdesk-bench-aging-"))
    path = args.db or folder / "aging.db"
    database = open_database("sqlite:///" + path.as_posix())
    now = datetime.now(UTC)
    if args.db is None:
        upgrade(database)
        started = time.perf_counter()
        customer_demo.seed(database, args.customers, now=now)
        order_demo.seed_orders(database, args.customers * 6, products=200, now=now)
        print(f"generated {args.customers:,} customers in {time.perf_counter() - started:.1f} s")
    clock = Clock()
    services = Services(database, Actor("bench", frozenset({Role.ACCOUNTANT})), clock)
    as_of = clock.today()
    with sqlite3.connect(path) as conn:
        items = conn.execute(
            "SELECT COUNT(*) FROM receivable_item WHERE open_amount != 0"
        ).fetchone()
    print(f"{items[0]:,} open items")

    raw, customers = median_ms(lambda: raw_aging(path, as_of), args.samples)
    aging, table = median_ms(lambda: services.receivable_reports.aging(as_of, BOUNDS), args.samples)
    summary, _ = median_ms(lambda: services.receivable_reports.summary(as_of), args.samples)
    assert len(table.lines) >= customers
    print(f"raw baseline (items to Python, bucketed): {raw:8.1f} ms  ({customers:,} customers)")
    print(f"aging report (one grouped statement):     {aging:8.1f} ms  ratio {aging / raw:.2f}×")
    print(
        f"receivables summary:                      {summary:8.1f} ms  ratio {summary / raw:.2f}×"
    )
    database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
