"""Handheld sync: the count sheet read back, results files (.xlsx, UTF-8 and GBK .csv) counted once."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from stocktake_support import MANAGER, MANAGER_PASSWORD, products, start, with_users

from erpdesk.db.engine import Database
from erpdesk.domain.errors import DomainError
from erpdesk.domain.stocktake import StocktakeKind
from erpdesk.services.context import Clock
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
