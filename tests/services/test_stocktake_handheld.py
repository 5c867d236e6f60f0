"""Handheld sync: the count sheet read back, results files (.xlsx, UTF-8 and GBK .csv) counted once;
progress reported row by row and a Cancel that leaves no file and counts nothing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from order_support import make_product
from sqlalchemy import select
from stocktake_support import MANAGER, MANAGER_PASSWORD, products, start, with_users

from erpdesk.db.engine import Database
from erpdesk.db.models.stocktake import StocktakeScan
from erpdesk.domain.errors import DomainError
from erpdesk.domain.stocktake import StocktakeKind
from erpdesk.services.context import Clock
from erpdesk.services.stocktake import ExportCancelled, HandheldImportCancelled
from erpdesk.services.stocktake_dto import ScanInput

ROWS = [
    ("6901234567892", "10", "2025-05-03 09:40:01", "PDA-1"),
    ("6901234567892", "5", "2025-05-03 09:40:07", "PDA-1"),
    ("P-PEN", "24", "2025-05-03 09:41:00", "PDA-1"),
    ("X-UNKNOWN", "1", "2025-05-03 09:42:00", "PDA-1"),
]


def _xlsx(path: Path, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    for code, quantity, time, device in rows:
        sheet.append([code, float(quantity), time, device])
    book.save(path)
    return path


def _csv(path: Path, headers: tuple[str, ...], rows: list[tuple[str, ...]], encoding: str) -> Path:
    lines = [",".join(headers)] + [",".join(row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _counted(shop, session_id: int) -> dict[str, D]:  # type: ignore[no-untyped-def]
    return {line.code: line.counted for line in shop.clerk.stocktake.lines(session_id)}


@pytest.mark.parametrize(
    ("kind", "headers", "encoding"),
    [
        ("xlsx", ("Code", "Quantity", "Time", "Device"), ""),
        ("csv", ("code", "qty", "time", "device"), "utf-8"),
        ("csv", ("条码", "数量", "扫描时间", "设备"), "gbk"),
    ],
)
def test_the_same_file_twice_counts_once(
    sqlite_db: Database,
    clock: Clock,
    tmp_path: Path,
    kind: str,
    headers: tuple[str, ...],
    encoding: str,
) -> None:
    shop = with_users(sqlite_db, clock)
    products(shop.clerk)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    path = tmp_path / f"pda.{kind}"
    if kind == "xlsx":
        _xlsx(path, headers, ROWS)
    else:
        _csv(path, headers, ROWS, encoding)
    first = st.import_handheld(session.id, path)
    assert (first.rows, first.counted, first.unknown, first.already_imported) == (4, 4, 1, False)
    second = st.import_handheld(session.id, path)
    assert (second.counted, second.already_imported) == (0, True)
    assert second.file_sha256 == first.file_sha256
    assert _counted(shop, session.id) == {
        "P-PAPER": D(15),
        "P-PEN": D(24),
        "P-TONER": D(0),
    }
    st.to_review(session.id)
    assert st.review(session.id).unknown == ("X-UNKNOWN",)


def test_a_grown_re_export_adds_only_the_new_rows(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    shop = with_users(backend, clock)
    ids = products(shop.clerk)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    headers = ("编码", "数量", "时间", "设备")
    st.import_handheld(session.id, _xlsx(tmp_path / "day1.xlsx", headers, ROWS[:3]))
    grown = [*ROWS[:3], ("P-TONER", "7", "2025-05-03 10:00:00", "PDA-1")]
    result = st.import_handheld(
        session.id, _csv(tmp_path / "day1-again.csv", headers, grown, "utf-8")
    )
    assert (result.already_imported, result.counted, result.skipped) == (False, 1, 3)
    assert _counted(shop, session.id) == {"P-PAPER": D(15), "P-PEN": D(24), "P-TONER": D(7)}
    st.scan(session.id, ScanInput(text="P-TONER"))  # scanning at the PC adds to the handheld's
    st.to_review(session.id)
    st.post(session.id, approver=MANAGER, approver_password=MANAGER_PASSWORD)
    assert shop.clerk.products.stock(ids["P-TONER"])["默认仓库"] == D(8)


def test_bad_rows_are_refused_with_their_place(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    shop = with_users(sqlite_db, clock)
    products(shop.clerk)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    bad = [("P-PEN", "2", "2025-05-03 09:00", "A"), ("P-PEN", "lots", "2025-05-03 09:01", "A")]
    with pytest.raises(DomainError) as caught:
        st.import_handheld(
            session.id,
            _csv(tmp_path / "bad.csv", ("code", "quantity", "time", "device"), bad, "utf-8"),
        )
    assert caught.value.msg_id == "stocktake.row_bad_quantity"
    assert caught.value.params["row"] == 3
    assert _counted(shop, session.id)["P-PEN"] == D(0)  # nothing of a refused file counts
    with pytest.raises(DomainError) as refused:
        st.import_handheld(session.id, tmp_path / "notes.docx")
    assert refused.value.msg_id == "stocktake.file_type"


def test_count_sheet_lists_expected_unless_blind(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    shop = with_users(sqlite_db, clock)
    products(shop.clerk)
    st = shop.clerk.stocktake
    open_count = start(shop.clerk, StocktakeKind.PRODUCTS)
    blind = start(shop.clerk, StocktakeKind.PRODUCTS, blind=True, name="盲盘")
    assert st.export_count_sheet(open_count.id, tmp_path / "sheet.xlsx") == 3
    assert st.export_count_sheet(blind.id, tmp_path / "blind.xlsx") == 3

    def rows(name: str) -> list[tuple[object, ...]]:
        book = openpyxl.load_workbook(tmp_path / name, read_only=True)
        sheet = book.worksheets[0]
        return [tuple(row) for row in sheet.iter_rows(values_only=True)]

    sheet = rows("sheet.xlsx")
    assert sheet[0] == ("编码", "名称", "单位", "账面数量", "实盘数量")
    assert sheet[1][:4] == ("P-PAPER", "A4 复印纸", "箱", 100)
    hidden = rows("blind.xlsx")
    assert hidden[0] == ("编码", "名称", "单位", "实盘数量")
    assert all(len(row) == 4 for row in hidden)
    assert "100" not in repr(hidden)

    filled = openpyxl.load_workbook(tmp_path / "blind.xlsx")
    ws = filled.worksheets[0]
    ws.cell(row=2, column=4, value=98)  # the counter fills in paper only
    filled.save(tmp_path / "blind-filled.xlsx")
    result = st.import_handheld(blind.id, tmp_path / "blind-filled.xlsx")
    assert (result.rows, result.counted) == (1, 1)  # untouched rows do not count as one each
    assert _counted(shop, blind.id)["P-PAPER"] == D(98)


# ---------------------------------------------------------------- progress and Cancel (dock's run_job)

SHEET_PRODUCTS = (
    260  # more than the workbook writer samples up front (200), so a cancel can land inside it
)
CYCLE = ("P-PAPER", "P-PEN", "P-TONER")


class CancelAt:
    """``cancelled()`` that turns True at its ``at``-th call (never with None); counts its calls."""

    def __init__(self, at: int | None) -> None:
        self.at = at
        self.calls = 0

    def __call__(self) -> bool:
        self.calls += 1
        return self.at is not None and self.calls >= self.at


def _many_products(clerk, count: int) -> None:  # type: ignore[no-untyped-def]
    for n in range(count):
        make_product(clerk, f"商品{n:03d}", code=f"P-{n:03d}", stock=str(n % 7))


def _scans_csv(path: Path, count: int) -> Path:
    """A handheld's export of ``count`` scans, one each, cycling paper, pens and toner."""
    rows = [
        (CYCLE[n % 3], "1", f"2025-05-03 09:{n // 60 % 60:02d}:{n % 60:02d}", f"PDA-{n // 3600}")
        for n in range(count)
    ]
    return _csv(path, ("code", "quantity", "time", "device"), rows, "utf-8")


def _checks_of(run: Callable[[CancelAt], object]) -> int:
    """How many times a full run asks ``cancelled()`` (so a test can cancel at the first, middle, last)."""
    probe = CancelAt(None)
    run(probe)
    assert probe.calls > 3
    return probe.calls


def _at(where: str, checks: int) -> int:
    """The check to cancel at: before any work, halfway, near the end (for the count sheet: inside the
    workbook writer, past the rows it samples up front) or the last one (all rows done, not kept)."""
    return {"first": 1, "middle": checks // 2, "late": checks - 10, "last": checks}[where]


@pytest.mark.parametrize("where", ["first", "late"])
def test_a_cancelled_export_leaves_no_file(
    sqlite_db: Database, clock: Clock, tmp_path: Path, where: str
) -> None:
    shop = with_users(sqlite_db, clock)
    _many_products(shop.clerk, SHEET_PRODUCTS)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    probe_dir = tmp_path / "probe"
    probe_dir.mkdir()
    checks = _checks_of(
        lambda cancel: st.export_count_sheet(session.id, probe_dir / "full.xlsx", cancelled=cancel)
    )
    out = tmp_path / "out"
    out.mkdir()
    cancel = CancelAt(_at(where, checks))
    with pytest.raises(ExportCancelled):
        st.export_count_sheet(session.id, out / "sheet.xlsx", cancelled=cancel)
    assert cancel.calls == cancel.at  # it stopped at once
    assert list(out.iterdir()) == []  # no sheet, no temporary file


def test_a_cancel_after_the_last_row_still_leaves_no_file(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    shop = with_users(sqlite_db, clock)
    products(shop.clerk)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    out = tmp_path / "out"
    out.mkdir()
    seen: list[str] = []

    def finished_but_not_moved() -> bool:
        """Cancel when the whole workbook sits under its temporary name (Cancel pressed just then)."""
        waiting = [p for p in out.iterdir() if p.stat().st_size > 0]
        seen.extend(p.name for p in waiting)
        return bool(waiting)

    with pytest.raises(ExportCancelled):
        st.export_count_sheet(session.id, out / "sheet.xlsx", cancelled=finished_but_not_moved)
    assert seen
    assert all(name.startswith(".~") for name in seen)
    assert list(out.iterdir()) == []


def test_a_cancelled_export_over_an_earlier_sheet_keeps_it(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    shop = with_users(sqlite_db, clock)
    products(shop.clerk)
    st = shop.clerk.stocktake
    blind = start(shop.clerk, StocktakeKind.PRODUCTS, blind=True, name="盲盘")
    shown = start(shop.clerk, StocktakeKind.PRODUCTS)
    folder = tmp_path / "sheets"
    folder.mkdir()
    target = folder / "sheet.xlsx"
    assert st.export_count_sheet(blind.id, target) == 3
    before = target.read_bytes()
    with pytest.raises(ExportCancelled):
        st.export_count_sheet(shown.id, target, cancelled=CancelAt(3))
    assert target.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["sheet.xlsx"]
    book = openpyxl.load_workbook(target, read_only=True)
    rows = [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    assert rows[0] == ("编码", "名称", "单位", "实盘数量")  # still the blind sheet
    assert [row[0] for row in rows[1:]] == ["P-PAPER", "P-PEN", "P-TONER"]


def test_export_progress_counts_rows_up_to_the_total(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    shop = with_users(sqlite_db, clock)
    _many_products(shop.clerk, SHEET_PRODUCTS)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    reports: list[tuple[int, int]] = []
    target = tmp_path / "sheet.xlsx"
    rows = st.export_count_sheet(
        session.id, target, progress=lambda done, total: reports.append((done, total))
    )
    assert rows == SHEET_PRODUCTS
    _assert_progress(reports, SHEET_PRODUCTS)
    book = openpyxl.load_workbook(target, read_only=True)
    assert book.worksheets[0].max_row == SHEET_PRODUCTS + 1  # the header and every row reported


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_cancelled_import_counts_nothing_and_the_file_imports_later(
    backend: Database, clock: Clock, tmp_path: Path, where: str
) -> None:
    shop = with_users(backend, clock)
    products(shop.clerk)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    probe = start(shop.clerk, StocktakeKind.PRODUCTS, name="试盘")
    source = _scans_csv(tmp_path / "pda.csv", 300)
    checks = _checks_of(lambda cancel: st.import_handheld(probe.id, source, cancelled=cancel))

    cancel = CancelAt(_at(where, checks))
    with pytest.raises(HandheldImportCancelled) as caught:
        st.import_handheld(session.id, source, cancelled=cancel)
    assert caught.value.msg_id == "stocktake.import_cancelled"
    assert cancel.calls == cancel.at
    assert _counted(shop, session.id) == {"P-PAPER": D(0), "P-PEN": D(0), "P-TONER": D(0)}
    assert st.get(session.id).counted_count == 0
    with backend.engine.connect() as conn:
        kept = conn.execute(
            select(StocktakeScan.id).where(StocktakeScan.stocktake_id == session.id)
        ).all()
    assert kept == []

    later = st.import_handheld(session.id, source)  # the file was not recorded as imported
    assert (later.already_imported, later.rows, later.counted, later.skipped) == (
        False,
        300,
        300,
        0,
    )
    again = st.import_handheld(session.id, source)
    assert (again.already_imported, again.counted) == (True, 0)
    assert _counted(shop, session.id) == {"P-PAPER": D(100), "P-PEN": D(100), "P-TONER": D(100)}


def test_import_progress_counts_rows_up_to_the_total(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    shop = with_users(sqlite_db, clock)
    products(shop.clerk)
    st = shop.clerk.stocktake
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    source = _scans_csv(tmp_path / "pda.csv", 300)
    reports: list[tuple[int, int]] = []
    result = st.import_handheld(
        session.id, source, progress=lambda done, total: reports.append((done, total))
    )
    assert result.counted == 300
    _assert_progress(reports, 300)
    again: list[tuple[int, int]] = []
    st.import_handheld(session.id, source, progress=lambda done, total: again.append((done, total)))
    assert again == [(300, 300)]  # a file imported before is checked at once, and said so


def _assert_progress(reports: list[tuple[int, int]], total: int) -> None:
    assert len(reports) > 10  # the bar moves while the work runs, not only at the end
    assert {t for _done, t in reports} == {total}
    done = [d for d, _t in reports]
    assert done == sorted(done)
    assert done[0] < total
    assert reports[-1] == (total, total)


def test_a_sheet_that_cannot_be_written_names_the_chosen_file(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    shop = with_users(sqlite_db, clock)
    products(shop.clerk)
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    target = tmp_path / "no such folder" / "sheet.xlsx"
    with pytest.raises(DomainError) as caught:
        shop.clerk.stocktake.export_count_sheet(session.id, target)
    assert caught.value.msg_id == "xlsx.cannot_write"
    assert caught.value.params["path"] == str(target)
