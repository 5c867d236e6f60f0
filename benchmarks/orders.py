"""Sales orders at scale: generate N orders (default 1,000,000) in SQLite, then time opening the order
list and saving a 50-line order through ``OrderService``, each beside raw SQL in the same run.

Opening the list = ``search_ids`` with the dock's default filter (the last 90 days) + ``rows`` of the
first page of 200; target ≤ 150 ms. The unfiltered list (every order) is timed too, for information.
Saving = ``save`` of a new 50-line draft (numbering, customer defaults, product checks, header, a Core
INSERT of the lines, audit); target median ≤ 50 ms. Raw baselines: the same id SELECT and page SELECT
through the sqlite3 driver; one header and 50 line rows inserted and committed through sqlite3.

Usage: python benchmarks/orders.py [--orders N] [--db FILE] [--samples K]
(``--db`` reuses a file made by an earlier run instead of generating one.)
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
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
from erpdesk.services.order_dto import OrderFilter, OrderInput, OrderLineInput  # noqa: E402

PAGE = 200


def timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return times, result


def line(label: str, ours: list[float], raw: list[float], target: float | None) -> bool:
    mine, base = statistics.median(ours), statistics.median(raw)
    verdict = ""
    ok = True
    if target is not None:
        ok = mine <= target
        verdict = f"  target ≤ {target:.0f} ms: {'PASS' if ok else 'FAIL'}"
    print(
        f"{label:<34} median {mine:8.1f} ms   raw {base:7.1f} ms   ratio {mine / base:5.1f}x{verdict}"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--samples", type=int, default=15)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="erpdesk-bench-orders-"))
    path = args.db or folder / "orders.db"
    database = open_database("sqlite:///" + path.as_posix())
    now = datetime.now(UTC)
    if args.db is None:
        upgrade(database)
        customer_demo.seed(database, 2000, now=now)
        started = time.perf_counter()
        order_demo.seed_orders(database, args.orders, products=500, lines_per_order=(1, 3), now=now)
        print(f"generated {args.orders:,} orders in {time.perf_counter() - started:.1f} s ({path})")
    clock = Clock()
    services = Services(database, Actor("bench", frozenset({Role.CLERK})), clock)
    orders = services.orders
    today = clock.today()
    recent = OrderFilter(date_from=today - timedelta(days=90), date_to=today)
    raw = sqlite3.connect(path)
    ok = True

    def open_list(filter_: OrderFilter) -> int:
        ids = orders.search_ids(filter_)
        orders.rows(list(ids[:PAGE]))
        return len(ids)

    page_sql = (
        "SELECT o.id, o.number, o.order_date, o.customer_id, c.code, c.name, o.status, o.total, "
        "o.delivered, o.delivery_date, u.display_name, u.username, o.line_count FROM sales_order o "
        "JOIN customer c ON c.id = o.customer_id LEFT JOIN user_account u ON u.id = o.salesperson_id "
        "WHERE o.id IN ({})"
    )

    def raw_list(where: str, params: tuple[Any, ...]) -> int:
        ids = [
            r[0]
            for r in raw.execute(
                f"SELECT id FROM sales_order {where} ORDER BY order_date DESC, id DESC", params
            ).fetchall()
        ]
        first = ids[:PAGE]
        raw.execute(page_sql.format(",".join("?" * len(first))), first).fetchall()
        return len(ids)

    open_list(recent)  # warm the page cache
    ours, count = timed(lambda: open_list(recent), args.samples)
    base, _ = timed(
        lambda: raw_list(
            "WHERE order_date >= ? AND order_date <= ?",
            (
                recent.date_from.isoformat(),
                recent.date_to.isoformat(),  # type: ignore[union-attr]
            ),
        ),
        args.samples,
    )
    ok &= line(f"open list, last 90 days ({count:,})", ours, base, 150)
    ours, count = timed(lambda: open_list(OrderFilter()), max(3, args.samples // 3))
    base, _ = timed(lambda: raw_list("", ()), max(3, args.samples // 3))
    line(f"open list, all orders ({count:,})", ours, base, None)

    customer_id = raw.execute("SELECT id FROM customer WHERE status = 'active' LIMIT 1").fetchone()[
        0
    ]
    product_ids = [r[0] for r in raw.execute("SELECT id FROM product LIMIT 50").fetchall()]
    draft = OrderInput(
        customer_id=customer_id,
        lines=tuple(
            OrderLineInput(product_id=p, qty=Decimal(i % 7 + 1), unit_price=Decimal("12.34"),
                           discount_pct=Decimal(5))
            for i, p in enumerate(product_ids)
        ),
    )  # fmt: skip
    orders.save(draft)
    ours, _ = timed(lambda: orders.save(draft), args.samples * 2)
    next_id = [raw.execute("SELECT MAX(id) FROM sales_order").fetchone()[0] + 1000]
    stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f")

    def raw_save() -> None:
        next_id[0] += 1
        oid = next_id[0]
        with raw:
            raw.execute(
                "INSERT INTO sales_order (id, number, customer_id, order_date, status, contact, phone,"
                " address, settlement_method, payment_terms_days, notes, total, tax, delivered,"
                " line_count, status_reason, version, created_at, created_by, updated_at, updated_by)"
                " VALUES (?, ?, ?, ?, 'draft', '', '', '', '', 30, '', 100, 10, 0, 50, '', 1, ?, 'b',"
                " ?, 'b')",
                (oid, f"RAW{oid}", customer_id, today.isoformat(), stamp, stamp),
            )
            raw.executemany(
                "INSERT INTO sales_order_line (order_id, line_no, product_id, qty, unit_price,"
                " discount_bp, tax_rate_bp, amount, tax, delivered_qty, notes)"
                " VALUES (?, ?, ?, 1000, 1234, 500, 1300, 1172, 135, 0, '')",
                [(oid, n, p) for n, p in enumerate(product_ids, start=1)],
            )

    base, _ = timed(raw_save, args.samples * 2)
    ok &= line("save a 50-line order", ours, base, 50)
    raw.close()
    database.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
