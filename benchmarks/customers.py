"""Customer archive at scale: generate N demo customers (default 1,000,000) in SQLite, then time
search-as-you-type and opening the list through ``CustomerService``, each beside the raw SQL on the
same index in the same run.

Searches: a name fragment (FTS5 trigram), a pinyin fragment (助记码 prefix range), a code prefix (code
range), a phone fragment (FTS5 trigram on digits). Targets: median ≤ 30 ms and p95 ≤ 60 ms each;
opening the list and showing the first page ≤ 150 ms — the customer list dock paints ``first_page("")``
at once and swaps the full id list in behind it, so that is what is timed (the full ``search_ids("")``
+ a page of ``rows`` is printed beside it for the record); generation ≤ 60 s.
Raw baselines: the bare SELECT of ids on the same index through the sqlite3 driver (no filters, no
sort, no union with old codes), so the ratio shows what the service adds.

Usage: python benchmarks/customers.py [--customers N] [--db FILE] [--samples K]
(``--db`` reuses an existing demo file instead of generating one.)
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from erpdesk.db.engine import open_database  # noqa: E402
from erpdesk.db.migrate import upgrade  # noqa: E402
from erpdesk.domain import codes  # noqa: E402
from erpdesk.domain.permissions import Role  # noqa: E402
from erpdesk.services import customer_demo  # noqa: E402
from erpdesk.services.context import Actor  # noqa: E402
from erpdesk.services.customer_dto import CustomerFilter, StatusFilter  # noqa: E402
from erpdesk.services.customers import CustomerService  # noqa: E402

PAGE = 200


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[list[float], Any]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return times, result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(
    label: str, ours: list[float], raw: list[float], median_max: float, p95_max: float
) -> bool:
    ok = statistics.median(ours) <= median_max and p95(ours) <= p95_max
    ratio = statistics.median(ours) / max(statistics.median(raw), 1e-3)
    print(
        f"{label:<16} service median {statistics.median(ours):7.1f} ms  p95 {p95(ours):7.1f} ms | "
        f"raw SQL median {statistics.median(raw):7.1f} ms  p95 {p95(raw):7.1f} ms | "
        f"ratio {ratio:5.1f}x | target ≤{median_max:.0f}/≤{p95_max:.0f} ms {'OK' if ok else 'MISSED'}"
    )
    return ok


def fragments(raw: sqlite3.Connection, count: int, samples: int) -> dict[str, list[str]]:
    """What clerks type for a customer picked at random among the Chinese companies: the first four
    characters of its short name (字号 + trade, e.g. 辉丰机械), its first four pinyin initials, its code
    less the last two digits (100 codes), seven digits from the middle of its mobile."""
    rng = random.Random(7)
    out: dict[str, list[str]] = {"name": [], "pinyin": [], "code": [], "phone": []}
    while len(out["name"]) < samples:
        cid = rng.randrange(1, count + 1)
        row = raw.execute(
            "SELECT short_name, mnemonic, code, customer_type FROM customer WHERE id = ?", (cid,)
        ).fetchone()
        if row is None or row[3] != "company" or row[0].isascii() or len(row[1]) < 4:
            continue
        short, mnemonic, code, _type = row
        mobile = raw.execute(
            "SELECT mobile_digits FROM customer_contact WHERE customer_id = ? LIMIT 1", (cid,)
        ).fetchone()[0]
        out["name"].append(short[:4])
        out["pinyin"].append(mnemonic[:4])
        out["code"].append(code[: len(code) - 2])
        out["phone"].append(mobile[3:10])
    return out


def raw_query(raw: sqlite3.Connection, kind: str, text: str) -> list[Any]:
    if kind in ("name", "phone"):
        column = "phones : " if kind == "phone" else ""
        phrase = '"' + text.replace('"', '""') + '"'
        return raw.execute(
            "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?", (column + phrase,)
        ).fetchall()
    lo, hi = codes.prefix_range(text) or ("", "")
    column = "mnemonic" if kind == "pinyin" else "code"
    return raw.execute(
        f"SELECT id FROM customer WHERE {column} >= ? AND {column} < ?", (lo, hi)
    ).fetchall()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="reuse this demo database")
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args()
    ok = True
    folder = None
    if args.db:
        path = args.db
    else:
        folder = tempfile.mkdtemp(prefix="erpdesk-bench-")
        path = Path(folder) / "customers.db"
    database = open_database("sqlite:///" + path.as_posix())
    if not args.db:
        upgrade(database)
        cpu = os.times()
        seconds = customer_demo.seed(database, args.customers)
        used = os.times()
        cpu_s = (used.user - cpu.user) + (used.system - cpu.system)
        gen_ok = seconds <= 60
        ok &= gen_ok
        print(
            f"generate {args.customers:,} customers: {seconds:.1f} s wall "
            f"(this process CPU {cpu_s:.1f} s; load average {os.getloadavg()[0]:.1f}) "
            f"target ≤60 s {'OK' if gen_ok else 'MISSED'}"
        )
    service = CustomerService(database, Actor("bench", frozenset({Role.CLERK})))
    raw = sqlite3.connect(path)
    count = raw.execute("SELECT max(id) FROM customer").fetchone()[0]
    print(f"database {path} ({path.stat().st_size / 1e6:.0f} MB, {count:,} customers)")
    typed = fragments(raw, count, args.samples)
    every = CustomerFilter(status=StatusFilter.ALL)
    for kind, texts in typed.items():
        ours: list[float] = []
        base: list[float] = []
        hits = 0
        for text in texts:
            raw_query(raw, kind, text)  # same warm cache for both
            t_raw, _ = timed(lambda text=text, kind=kind: raw_query(raw, kind, text))
            t_ours, ids = timed(lambda text=text: service.search_ids(text, every))
            base += t_raw
            ours += t_ours
            hits += len(ids)
        print(f"  {kind} fragments e.g. {texts[:3]}, {hits / len(texts):.0f} hits on average")
        ok &= report(f"search {kind}", ours, base, 30, 60)
    opened: list[float] = []
    raw_open: list[float] = []
    for _ in range(7):
        t_raw, _ = timed(
            lambda: raw.execute(
                "SELECT id FROM customer WHERE status = 'active' ORDER BY code, id"
            ).fetchall()
        )
        raw_open += t_raw

        def open_list() -> int:
            ids = service.search_ids("")
            service.rows(list(ids[:PAGE]))
            return len(ids)

        t_ours, shown = timed(open_list)
        opened += t_ours
    print(f"  open list: {shown:,} active customers, first page of {PAGE} rows")
    broad = ["有限公", "机械有", "Trading", "重庆", "上海明"]
    for text in broad:
        t_ours, ids = timed(lambda text=text: service.search_ids(text, every), repeat=3)
        print(
            f"  (for the record, broad fragment {text!r}: {len(ids):,} hits, "
            f"median {statistics.median(t_ours):.0f} ms)"
        )
    page_times, _ = timed(lambda: service.first_page(""), repeat=7)
    raw_page, _ = timed(
        lambda: raw.execute(
            "SELECT id FROM customer WHERE status = 'active' ORDER BY code, id LIMIT ?", (PAGE,)
        ).fetchall(),
        repeat=7,
    )
    ok &= report("open list: first page shown", page_times, raw_page, 150, 10_000)
    report("(for the record) full id list + a page", opened, raw_open, 10_000, 10_000)
    raw.close()
    database.dispose()
    if folder:
        for leftover in Path(folder).glob("*"):
            leftover.unlink()
        Path(folder).rmdir()
    print("all targets met" if ok else "some targets missed")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
