"""Excel import and export of N customers (default 100,000) against raw floors measured in the same run.

Each phase runs in a fresh process, so its time and peak memory are its own. Peak memory is sampled
with psutil every 10 ms: the process itself plus its children (the import reads the file in a child).

Import: ``ImportService.dry_run`` (hash, child-process read with python-calamine + cleaning, header
mapping, the customer field rules per row, derived fields as the form derives them) + ``commit`` (one
write transaction: codes, Core executemany of customers and contacts, search index, hash-chained audit
entries, import log) on a fresh SQLite file. Raw floor: read the same file with python-calamine, then
ONE executemany of the same rows into the customer table (required columns only: no validation, no
audit, no contacts, no search index). Target ≤ 2×; peak ≤ 400 MB.

Export: ``ExportService.customers`` of the imported customers (search ids, then the cells streamed from
SQLite as Arrow batches into the writer: typed formula-safe cells, fitted widths, frozen header,
autofilter) vs a raw write of the same cells with the fastest writer evaluated here, rustpy-xlsxwriter,
fed its fastest input: the cells as an Arrow table already in memory, no formats. Target ≤ 1.5×. For
the record: the same writer fed Python dicts (its streaming input), XlsxWriter constant_memory and
openpyxl write_only, and our row writer (``write_xlsx``, the PostgreSQL path) on cells in memory.

Each timed region runs under the same memory sampler (a thread polling psutil), the raw write
included, so neither side of a ratio pays for it alone (every 10 ms for the import, whose memory has a
bar; every 50 ms for the export). The import and its floor alternate three times (each on a fresh
copy of the same empty database), and so do the export and its raw write; medians are compared.
Wall-clock ratios are the bars; CPU time (process + children) is printed beside them because on a
shared machine wall time also measures whatever else is running.

Usage: python benchmarks/excel.py [--rows N] [--skip-writers]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HEADER = ["客户编码", "客户名称", "联系人", "手机", "邮箱", "地址", "信用额度", "账期天数"]


class PeakSampler:
    """Highest RSS of this process plus its children, sampled every ``interval`` seconds (10 ms by
    default) in a thread (children looked up every 0.2 s)."""

    def __init__(self, interval: float = 0.01) -> None:
        import psutil

        self.interval = interval
        self.process = psutil.Process()
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        children: list[Any] = []
        found_at = 0.0
        while not self._stop.is_set():
            total = 0
            try:
                # Finding children reads every process's /proc entry: done every 0.2 s, not at
                # each sample, or the sampler itself takes a large share of the measured time.
                if time.monotonic() - found_at > 0.2:
                    children = self.process.children(recursive=True)
                    found_at = time.monotonic()
                total = self.process.memory_info().rss
                for child in children:
                    with contextlib.suppress(psutil.Error):
                        total += child.memory_info().rss
            except psutil.Error:
                pass
            self.peak = max(self.peak, total)
            time.sleep(self.interval)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def mib(self) -> float:
        return self.peak / (1024 * 1024)


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (user + system).

    On a shared machine wall time depends on what else runs; CPU time is printed beside it.
    """
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def make_file(path: Path, rows: int) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("客户")
    ws.write_row(0, 0, HEADER)
    for i in range(rows):
        ws.write_row(
            i + 1,
            0,
            [
                f"KH{i:06d}",
                f"测试客户{i}号贸易有限公司",
                f"联系人{i % 1000}",
                f"138{i:08d}",
                f"c{i}@example.com",
                f"上海市浦东新区测试路{i}号",
                (i % 997) * 100 + 0.5,
                30,
            ],
        )
    book.close()


def phase_floor(path: Path, db_file: Path) -> dict[str, Any]:
    from python_calamine import CalamineWorkbook
    from sqlalchemy import insert

    from erpdesk.db.engine import open_database
    from erpdesk.db.models.customer import Customer

    database = open_database("sqlite:///" + db_file.as_posix())
    now = datetime.now(UTC)
    with PeakSampler() as sampler:
        cpu = cpu_seconds()
        start = time.perf_counter()
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        rows: list[dict[str, Any]] = []
        for n, r in enumerate(sheet.iter_rows()):
            if n == 0:
                continue
            rows.append(
                {
                    "code": r[0],
                    "name": r[1],
                    "name_key": r[1],
                    "customer_type": "company",
                    "email": r[4],
                    "address": r[5],
                    "version": 1,
                    "created_at": now,
                    "created_by": "bench",
                    "updated_at": now,
                    "updated_by": "bench",
                }
            )
        with database.write_engine.begin() as conn:
            conn.execute(insert(Customer), rows)
        elapsed = time.perf_counter() - start
        cpu = cpu_seconds() - cpu
    database.dispose()
    return {"seconds": elapsed, "cpu": cpu, "peak_mib": sampler.mib}


def _actor() -> Any:
    from erpdesk.domain.permissions import Role
    from erpdesk.services.context import Actor

    return Actor(username="bench", roles=frozenset({Role.MANAGER}))


def phase_import(path: Path, db_file: Path) -> dict[str, Any]:
    # Modules are imported before the clock starts, as the floor's are (an open app has them).
    import erpdesk.services.customer_import  # noqa: F401
    from erpdesk.db.engine import open_database
    from erpdesk.services.imports import ImportService

    database = open_database("sqlite:///" + db_file.as_posix())
    service = ImportService(database, _actor())
    with PeakSampler() as sampler:
        cpu = cpu_seconds()
        start = time.perf_counter()
        plan = service.dry_run("customers", path, lang="zh_CN")
        checked = time.perf_counter() - start
        if not plan.ok:
            raise SystemExit(f"unexpected problems: {plan.problems[:3]}")
        result = service.commit(plan)
        elapsed = time.perf_counter() - start
        cpu = cpu_seconds() - cpu
    database.dispose()
    return {
        "seconds": elapsed,
        "cpu": cpu,
        "dry_run": checked,
        "created": result.created,
        "peak_mib": sampler.mib,
    }


def phase_export(db_file: Path, folder: Path, skip_writers: bool) -> dict[str, Any]:
    import rustpy_xlsxwriter as rx

    from erpdesk.db.engine import open_database
    from erpdesk.services.exports import ExportService
    from erpdesk.xlsx import writer

    database = open_database("sqlite:///" + db_file.as_posix())
    exporter = ExportService(database, _actor())
    columns = exporter.customer_columns("zh_CN")
    ids = list(range(1, _count(database) + 1))
    table = _arrow_cells(database, exporter, ids)
    # Export and raw write alternate, three times each, and the medians are compared: on a shared
    # machine a single pair mostly measures what else ran meanwhile. The sampler polls every
    # 50 ms here (no memory bar for the export): at 10 ms it takes a share of the two cores that
    # the export, which reads on a second thread, feels and the single-threaded raw write does not.
    runs: dict[str, list[float]] = {"seconds": [], "cpu": [], "raw": [], "raw_cpu": []}
    peak = 0.0
    rows = 0
    for _ in range(3):
        with PeakSampler(0.05) as sampler:
            cpu = cpu_seconds()
            start = time.perf_counter()
            rows = exporter.customers(folder / "export.xlsx", lang="zh_CN").rows
            runs["seconds"].append(time.perf_counter() - start)
            runs["cpu"].append(cpu_seconds() - cpu)
        peak = max(peak, sampler.mib)
        with PeakSampler(0.05):
            cpu = cpu_seconds()
            start = time.perf_counter()
            rx.FastExcel(str(folder / "raw_arrow.xlsx")).sheet("S", table).save()
            runs["raw"].append(time.perf_counter() - start)
            runs["raw_cpu"].append(cpu_seconds() - cpu)
    median = {name: statistics.median(values) for name, values in runs.items()}
    cells = list(exporter._customer_cells(ids, [f for f, _ in columns], "zh_CN"))
    times = {"rustpy-xlsxwriter, Arrow table": median["raw"]}
    times.update(_raw_writers(cells, folder, skip_writers))
    start = time.perf_counter()
    writer.write_xlsx(
        folder / "ours.xlsx", "S", exporter.writer_columns([f for f, _ in columns], "zh_CN"), cells
    )
    ours = time.perf_counter() - start
    database.dispose()
    return {
        "seconds": median["seconds"],
        "cpu": median["cpu"],
        "raw_cpu": median["raw_cpu"],
        "runs": runs,
        "rows": rows,
        "peak_mib": peak,
        "ours": ours,
        "raw": times,
    }


def _count(database: Any) -> int:
    from sqlalchemy import func, select

    from erpdesk.db.models.customer import Customer

    with database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Customer)).scalar_one())


def _arrow_cells(database: Any, exporter: Any, ids: list[int]) -> Any:
    """The export's cells as an Arrow table in memory (the same query, read to the end)."""
    import nanoarrow

    from erpdesk.db.arrow_read import arrow_rows
    from erpdesk.services.exports import _customer_query

    fields = [f for f, _ in exporter.customer_columns("zh_CN")]
    columns = exporter.writer_columns(fields, "zh_CN")
    query = _customer_query(fields, "zh_CN", in_order=True, arrow_columns=columns)
    with arrow_rows(database, query, {"ids_json": json.dumps(ids)}) as stream:
        return nanoarrow.ArrayStream(stream).read_all()


def _raw_writers(cells: list[Any], folder: Path, skip: bool) -> dict[str, float]:
    """The writers fed Python values: rustpy-xlsxwriter's dict stream, and for the record (unless
    ``skip``) XlsxWriter constant_memory and openpyxl write_only."""
    import rustpy_xlsxwriter as rx

    headers = [f"c{i}" for i in range(len(cells[0]))]
    times: dict[str, float] = {}
    start = time.perf_counter()
    rx.FastExcel(str(folder / "raw_rust.xlsx")).sheet(
        "S", (dict(zip(headers, row, strict=True)) for row in cells)
    ).save()
    times["rustpy-xlsxwriter, Python dicts"] = time.perf_counter() - start
    if skip:
        return times
    import openpyxl
    import xlsxwriter

    start = time.perf_counter()
    book = xlsxwriter.Workbook(str(folder / "raw_xw.xlsx"), {"constant_memory": True})
    ws = book.add_worksheet("S")
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            if isinstance(value, str):
                ws.write_string(i, j, value)
            elif value is not None:
                ws.write_number(i, j, float(value))
    book.close()
    times["XlsxWriter constant_memory"] = time.perf_counter() - start
    start = time.perf_counter()
    wb = openpyxl.Workbook(write_only=True)
    ws2 = wb.create_sheet("S")
    for row in cells:
        ws2.append([v if isinstance(v, str | int | type(None)) else float(v) for v in row])
    wb.save(str(folder / "raw_op.xlsx"))
    times["openpyxl write_only"] = time.perf_counter() - start
    return times


def _run_phase(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--phase", *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--skip-writers", action="store_true")
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        name, *rest = args.phase
        if name == "floor":
            out = phase_floor(Path(rest[0]), Path(rest[1]))
        elif name == "import":
            out = phase_import(Path(rest[0]), Path(rest[1]))
        else:
            out = phase_export(Path(rest[0]), Path(rest[1]), rest[2] == "1")
        print(json.dumps(out))
        return

    from erpdesk.db.engine import open_database
    from erpdesk.db.migrate import upgrade

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "customers.xlsx"
        make_file(path, args.rows)
        template = folder / "template.db"
        database = open_database("sqlite:///" + template.as_posix())
        upgrade(database)
        database.dispose()
        print(f"{args.rows:,} customers, file {path.stat().st_size / 1e6:.1f} MB")

        # The floor and the import alternate, three times each, each on a fresh copy of the same
        # empty database, and their medians are compared (as for the export below): a single
        # pair mostly measures what else the shared machine ran meanwhile. Memory: the highest
        # peak of the three imports.
        floors: list[dict[str, Any]] = []
        imports: list[dict[str, Any]] = []
        for _ in range(3):
            shutil.copyfile(template, folder / "raw.db")
            shutil.copyfile(template, folder / "import.db")
            floors.append(_run_phase("floor", str(path), str(folder / "raw.db")))
            imports.append(_run_phase("import", str(path), str(folder / "import.db")))

        def median(runs: list[dict[str, Any]], key: str) -> float:
            return statistics.median(run[key] for run in runs)

        floor_s, import_s = median(floors, "seconds"), median(imports, "seconds")
        dry_run = median(imports, "dry_run")
        print(
            "import, 3 runs alternating with the raw floor (medians compared): "
            + ", ".join(f"{run['seconds']:.2f}" for run in imports)
            + " s vs "
            + ", ".join(f"{run['seconds']:.2f}" for run in floors)
            + " s"
        )
        print(f"raw floor (calamine read + one executemany): {floor_s:.2f} s")
        print(
            f"import: {import_s:.2f} s (dry run {dry_run:.2f} s, commit "
            f"{import_s - dry_run:.2f} s)  ratio {import_s / floor_s:.2f}x "
            f"(target <= 2x)"
        )
        cpu, floor_cpu = median(imports, "cpu"), median(floors, "cpu")
        print(
            f"  cpu time: import {cpu:.2f} s, raw floor {floor_cpu:.2f} s, "
            f"ratio {cpu / floor_cpu:.2f}x"
        )
        print(
            f"peak memory: import {max(run['peak_mib'] for run in imports):.0f} MiB incl. the "
            f"reading child, highest of 3 (target <= 400 MB); raw floor "
            f"{max(run['peak_mib'] for run in floors):.0f} MiB"
        )
        exported = _run_phase(
            "export", str(folder / "import.db"), str(folder), "1" if args.skip_writers else "0"
        )
        raw_write = exported["raw"]["rustpy-xlsxwriter, Arrow table"]
        dict_write = exported["raw"]["rustpy-xlsxwriter, Python dicts"]
        for name, seconds in exported["raw"].items():
            print(f"raw write {name}: {seconds:.2f} s")
        print(
            "export, 3 runs alternating with the raw Arrow write (medians compared): "
            + ", ".join(f"{t:.2f}" for t in exported["runs"]["seconds"])
            + " s vs "
            + ", ".join(f"{t:.2f}" for t in exported["runs"]["raw"])
            + " s"
        )
        print(
            f"export (search + reads + cells + write): {exported['seconds']:.2f} s  ratio "
            f"{exported['seconds'] / raw_write:.2f}x to the raw Arrow write (target <= 1.5x), "
            f"{exported['seconds'] / dict_write:.2f}x to the raw dict write; "
            f"peak {exported['peak_mib']:.0f} MiB"
        )
        print(
            f"  cpu time: export {exported['cpu']:.2f} s, raw Arrow write "
            f"{exported['raw_cpu']:.2f} s, ratio {exported['cpu'] / exported['raw_cpu']:.2f}x"
        )
        print(
            f"our row writer alone (PostgreSQL path, cells in memory): {exported['ours']:.2f} s  "
            f"ratio {exported['ours'] / dict_write:.2f}x to the raw dict write"
        )


if __name__ == "__main__":
    main()
