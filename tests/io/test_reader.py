"""Reading cells the way clerks type them: headers, widths, numbers, dates, CSV encodings and escapes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from erpdesk.xlsx import safety
from erpdesk.xlsx.columns import CUSTOMERS, OPENING, Column
from erpdesk.xlsx.reader import _Problem, clean_cell, read_table

TEXT = Column("name")
ASCII = Column("code", "ascii")
MONEY = Column("credit_limit", "money")
INT = Column("days", "int")
DATE = Column("doc_date", "date")


def _problem(value: object, column: Column) -> str:
    with pytest.raises(_Problem) as info:
        clean_cell(value, column)
    return info.value.msg_id


def test_text_cells_are_trimmed_and_half_width() -> None:
    assert clean_cell("  上海ＡＢＣ公司１号　", TEXT) == "上海ABC公司1号"
    # Chinese punctuation in names is kept: only digits, letters and spaces change width.
    assert clean_cell("上海某某（集团）有限公司", TEXT) == "上海某某（集团）有限公司"
    assert clean_cell("ＫＨ－００１", ASCII) == "KH-001"
    assert clean_cell("ｚｓ＠ｅｘａｍｐｌｅ．ｃｏｍ", ASCII) == "zs@example.com"
    # Tab and CR at the start are data (an escaped formula round-trips), only spaces are trimmed.
    assert clean_cell("\t=1", TEXT) == "\t=1"
    assert clean_cell("   ", TEXT) is None


def test_numbers_stored_for_phones_and_codes_become_text_without_a_decimal() -> None:
    assert clean_cell(13812345678.0, ASCII) == "13812345678"
    assert clean_cell(1001, ASCII) == "1001"
    assert clean_cell(12.5, TEXT) == "12.5"


def test_money_is_exact_and_never_rounded() -> None:
    assert clean_cell(12000.5, MONEY) == Decimal("12000.5")
    assert _problem(0.1 + 0.2, MONEY) == "cell.too_precise"  # 0.30000000000000004
    assert clean_cell("¥1,234.50", MONEY) == Decimal("1234.50")
    assert clean_cell("１２３４．５", MONEY) == Decimal("1234.5")
    assert clean_cell("12.300", MONEY) == Decimal("12.300")
    assert _problem(12.345, MONEY) == "cell.too_precise"
    assert _problem("12.345", MONEY) == "cell.too_precise"
    assert _problem("abc", MONEY) == "cell.not_a_number"
    assert _problem("NaN", MONEY) == "cell.not_finite"
    assert _problem("inf", MONEY) == "cell.not_finite"
    assert _problem(float("nan"), MONEY) == "cell.not_finite"
    assert clean_cell(30.0, INT) == 30
    assert _problem(30.5, INT) == "cell.not_integer"


def test_dates_as_serials_or_text() -> None:
    assert clean_cell(45413.0, DATE) == date(2024, 5, 1)
    assert clean_cell(datetime(2024, 5, 1, 8, 0), DATE) == date(2024, 5, 1)
    for text in (
        "2024-05-01",
        "2024/5/1",
        "2024.05.01",
        "2024年5月1日",
        "20240501",
        "２０２４－０５－０１",
    ):
        assert clean_cell(text, DATE) == date(2024, 5, 1), text
    assert _problem("2025-02-31", DATE) == "cell.not_a_date"
    assert _problem("yesterday", DATE) == "cell.not_a_date"


def test_control_characters_and_overlong_cells_are_refused() -> None:
    assert _problem("a\x01b", TEXT) == "cell.control_char"
    assert _problem("x" * 40_000, TEXT) == "cell.too_long"
    assert clean_cell("line 1\nline 2", TEXT) == "line 1\nline 2"


def test_english_headers_any_order_with_unknown_columns(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Customer list"])
    ws.append(["Phone", "CUSTOMER NAME", "Customer Code", "Fax", "Mobile"])
    ws.append(["021-12345678", "ACME", "A-1", "x", "13812345678"])
    path = tmp_path / "en.xlsx"
    book.save(path)
    result = read_table(path, CUSTOMERS)
    assert result.header_row == 2
    assert result.columns == {"phone": 1, "name": 2, "code": 3, "mobile": 5}
    assert result.unknown == ("Fax",)
    assert result.rows[0].values == {
        "phone": "021-12345678",
        "name": "ACME",
        "code": "A-1",
        "mobile": "13812345678",
    }


def test_a_sheet_without_the_required_column_is_refused(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["编码", "电话"])
    path = tmp_path / "h.xlsx"
    book.save(path)
    with pytest.raises(safety.FileRefused) as info:
        read_table(path, CUSTOMERS)
    assert info.value.msg_id == "xlsx.missing_columns"
    assert "客户名称" in str(info.value.params["columns"])


def test_no_header_in_the_first_ten_rows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for i in range(12):
        book.active.append([f"说明 {i}"])
    book.active.append(["编码", "名称"])
    path = tmp_path / "late.xlsx"
    book.save(path)
    with pytest.raises(safety.FileRefused) as info:
        read_table(path, CUSTOMERS)
    assert info.value.msg_id == "xlsx.no_header"


def test_reading_stops_after_1000_empty_rows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["编码", "名称"])
    ws.append(["A1", "甲"])
    ws.cell(row=1500, column=1, value="A2")
    ws.cell(row=1500, column=2, value="乙")
    path = tmp_path / "gap.xlsx"
    book.save(path)
    assert [r.values["code"] for r in read_table(path, CUSTOMERS).rows] == ["A1"]


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gbk", b"")]
)
def test_csv_in_utf8_with_or_without_bom_or_gbk(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = "客户编码,客户名称,手机\r\nKH001,\"上海明达, 贸易\",13812345678\r\n'=1+1,'@x,'-5\r\n"
    path = tmp_path / "list.csv"
    path.write_bytes(bom + text.encode(encoding))
    result = read_table(path, CUSTOMERS)
    assert [r.values for r in result.rows] == [
        {"code": "KH001", "name": "上海明达, 贸易", "mobile": "13812345678"},
        # Our own CSV escape is recognised and removed.
        {"code": "=1+1", "name": "@x", "mobile": "-5"},
    ]


def test_csv_in_another_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("编码,名称\r\n".encode("utf-16"))
    with pytest.raises(safety.FileRefused) as info:
        read_table(path, CUSTOMERS)
    assert info.value.msg_id == "xlsx.csv_encoding"


def test_dates_in_an_opening_balance_file(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["客户编码", "单据日期", "应收金额"])
    ws.append(["KH1", date(2024, 12, 31), 100])
    ws.append(["KH2", "2024/12/30", "1,000.10"])
    ws.append(["KH3", 45656, 3.333])
    path = tmp_path / "ob.xlsx"
    book.save(path)
    result = read_table(path, OPENING)
    assert [r.values.get("doc_date") for r in result.rows] == [
        date(2024, 12, 31),
        date(2024, 12, 30),
        date(2024, 12, 30),
    ]
    assert [(p.row, p.column, p.msg_id) for p in result.problems] == [(4, 3, "cell.too_precise")]
