"""Stocktake scanning speed: one scan = one short write transaction through ``StocktakeService.scan``,
beside a raw baseline measured in the same run on the same database file.

A keyboard-wedge scanner sends about 20 scans a second; the dock queues them and sends them in order,
so the service must sustain well above that. The raw baseline is the least any durable scan can cost:
``BEGIN IMMEDIATE; INSERT one row; COMMIT`` through the sqlite3 driver with the same pragmas
(WAL, ``synchronous=FULL``). The ratio shows what the service adds (session lock, code lookup by
barcode, line update, journal row with its sequence number). With ``--pg URL`` the same is measured on
PostgreSQL (baseline: one INSERT per transaction through the same engine).

Usage: python benchmarks/stocktake.py [--products N] [--scans K] [--pg postgresql://…]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from erpdesk.db.engine import SQLITE_PRAGMAS, Database, open_database  # noqa: E402
from erpdesk.db.migrate import upgrade  # noqa: E402
from erpdesk.db.models.product import Product, ProductBarcode  # noqa: E402
from erpdesk.domain.permissions import Role  # noqa: E402
from erpdesk.domain.stocktake import StocktakeKind  # noqa: E402
from erpdesk.services.context import Actor  # noqa: E402
from erpdesk.services.stocktake import StocktakeService  # noqa: E402
from erpdesk.services.stocktake_dto import ScanInput, StocktakeInput, StocktakeScope  # noqa: E402

TARGET = 20.0  # scans per second from a keyboard-wedge scanner


def seed(database: Database, products: int) -> list[str]:
    """``products`` products, each with an EAN-like barcode; returns the barcodes."""
    now = datetime.now(UTC)
    stamp = {"created_at": now, "created_by": "bench", "updated_at": now, "updated_by": "bench"}
    rows = [
        {"code": f"SP{i:06d}", "name": f"商品 {i}", "price": Decimal("1.00"), "version": 1, **stamp}
        for i in range(1, products + 1)
    ]
    with database.write_engine.begin() as conn:
        conn.execute(insert(Product), rows)
        ids = [r[0] for r in conn.execute(text("SELECT id FROM product ORDER BY id")).all()]
        barcodes = [f"69{i:011d}" for i in range(1, products + 1)]
        conn.execute(
            insert(ProductBarcode),
            [
                {"product_id": pid, "barcode": b, "pack_qty": Decimal(1)}
                for pid, b in zip(ids, barcodes, strict=True)
            ],
        )
    return barcodes


def service_rate(database: Database, barcodes: list[str], scans: int) -> tuple[float, list[float]]:
    service = StocktakeService(database, Actor(username="bench", roles=frozenset({Role.CLERK})))
    created = service.create(
        StocktakeInput(name="bench", scope=StocktakeScope(kind=StocktakeKind.PRODUCTS))
    )
    service.start_counting(created.id)
    rng = random.Random(9)
    texts = [rng.choice(barcodes) if i % 10 else f"3*{rng.choice(barcodes)}" for i in range(scans)]
    texts[scans // 2] = "NO-SUCH-CODE"
    service.scan(created.id, ScanInput(text=texts[0]))  # warm up caches and the connection pool
    times = []
    start = time.perf_counter()
    for code in texts:
        t0 = time.perf_counter()
        result = service.scan(created.id, ScanInput(text=code))
        times.append((time.perf_counter() - t0) * 1000)
        assert result.seq > 0
    elapsed = time.perf_counter() - start
    return scans / elapsed, times


def raw_sqlite_rate(path: Path, scans: int) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in SQLITE_PRAGMAS:
        conn.execute(pragma)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, code TEXT, qty INTEGER)"
    )
    start = time.perf_counter()
    for i in range(scans):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bench_raw (code, qty) VALUES (?, ?)", (f"69{i:011d}", 1000))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.execute("DROP TABLE bench_raw")
    conn.close()
    return scans / elapsed


def raw_engine_rate(database: Database, scans: int) -> float:
    with database.write_engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS bench_raw (id SERIAL PRIMARY KEY, code TEXT, qty BIGINT)"
            )
        )
    start = time.perf_counter()
    for i in range(scans):
        with database.write_engine.begin() as conn:
            conn.execute(
                text("INSERT INTO bench_raw (code, qty) VALUES (:c, 1000)"), {"c": f"69{i:011d}"}
            )
    elapsed = time.perf_counter() - start
    with database.write_engine.begin() as conn:
        conn.execute(text("DROP TABLE bench_raw"))
    return scans / elapsed


def report(label: str, rate: float, times: list[float], raw: float) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"{label}: {rate:,.0f} scans/s through StocktakeService.scan "
        f"(median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms); raw insert+commit "
        f"{raw:,.0f}/s; service/raw {rate / raw:.2f}; scanner needs {TARGET:.0f}/s -> "
        f"{'OK' if rate >= TARGET else 'TOO SLOW'} ({rate / TARGET:.0f}x headroom)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--scans", type=int, default=1000)
    parser.add_argument(
        "--pg", metavar="URL", help="also measure on this (empty) PostgreSQL database"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stocktake.db"
        database = open_database("sqlite:///" + path.as_posix())
        upgrade(database)
        barcodes = seed(database, args.products)
        rate, times = service_rate(database, barcodes, args.scans)
        raw = raw_sqlite_rate(path, args.scans)
        report(f"SQLite, {args.products:,} products", rate, times, raw)
        database.dispose()
    if args.pg:
        database = open_database(args.pg)
        upgrade(database)
        barcodes = seed(database, args.products)
        rate, times = service_rate(database, barcodes, args.scans)
        raw = raw_engine_rate(database, args.scans)
        report(f"PostgreSQL, {args.products:,} products", rate, times, raw)
        database.dispose()


if __name__ == "__main__":
    main()
