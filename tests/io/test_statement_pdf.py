"""Statement PDFs read back: text with pypdf against hand-computed figures (statement_support.py), the
Code 128 barcode decoded by zxing-cpp from a PDFium rendering, user markup printed literally, the English
layout, a table continuing over pages with its header repeated, and a batch in one file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from fixed_data import FIXED_NOW, sqlite_copy

from erpdesk.db.engine import open_database
from erpdesk.domain.permissions import Role
from erpdesk.pdf.statement import write_statement
from erpdesk.pdf.statement_model import CompanyHeader
from erpdesk.services.context import Clock
from erpdesk.services.statement_dto import Statement, StatementLine, StatementRequest
from tests.io.pdf_support import decode_barcodes, pdf_page_texts, pdf_text, render_page_png
from tests.services.order_support import make_customer, services_for
from tests.services.statement_support import Seeded, deliver, seed

D = Decimal
CLOCK = Clock(now=lambda: FIXED_NOW)
APRIL = {"date_from": date(2025, 4, 1), "date_to": date(2025, 4, 30)}
HOSTILE = 'ACME <img src="http://10.0.0.1/x.png"/> & Sons <b>'


@pytest.fixture(scope="module")
def seeded_file(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Seeded]:
    folder = tmp_path_factory.mktemp("statement_pdf")
    path = sqlite_copy(sqlite_template, folder)
    database = open_database("sqlite:///" + path.as_posix())
    seeded = seed(database, CLOCK)
    clerk = services_for(database, CLOCK, Role.CLERK, name="wang.li")
    hostile = make_customer(clerk, HOSTILE)
    deliver(clerk, hostile, "88.80", date(2025, 4, 9))
    database.dispose()
    return path, replace(seeded, c=hostile)


@pytest.fixture
def seeded(seeded_file: tuple[Path, Seeded], tmp_path: Path) -> Iterator[Seeded]:
    path, ids = seeded_file
    database = open_database("sqlite:///" + sqlite_copy(path, tmp_path).as_posix())
    yield replace(ids, accountant=services_for(database, CLOCK, Role.ACCOUNTANT, name="li.kuaiji"))
    database.dispose()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _row(lines: list[str], *cells: str) -> bool:
    """True when ``cells`` are consecutive lines (a cell ending in "…" matches by prefix)."""

    def same(line: str, cell: str) -> bool:
        return line.startswith(cell[:-1]) if cell.endswith("…") else line == cell

    return any(
        all(same(lines[start + k], cell) for k, cell in enumerate(cells))
        for start in range(len(lines) - len(cells) + 1)
    )


def _render(seeded: Seeded, customer: int, tmp_path: Path, lang: str, **period: date) -> Path:
    out = tmp_path / f"{customer}-{lang}.pdf"
    pages = seeded.accountant.statements.render(
        StatementRequest(customer_id=customer, **period), out, lang
    )
    assert pages == 1
    return out


def test_chinese_statement_reads_back_with_hand_computed_figures(
    seeded: Seeded, tmp_path: Path
) -> None:
    lines = _lines(pdf_text(_render(seeded, seeded.a, tmp_path, "zh_CN", **APRIL)))
    assert lines[0] == "广州恒通办公用品有限公司"
    assert "客户对账单" in lines
    assert _row(lines, "客户编码", "KH00001", "对账期间", "2025-04-01 至 2025-04-30")
    assert _row(lines, "客户名称", "上海华鑫贸易有限公司…")  # pypdf may join the next cell
    assert _row(lines, "2025-04-01", "期初余额（上期结欠）", "600.00")
    assert _row(lines, "2025-04-05", "FH20250405-0001", "送货单，订单 XS…", "2,500.00", "3,100.00")
    assert _row(lines, "2025-04-18", "FH20250418-0001", "送货单，订单 XS…", "1,234.56", "4,334.56")
    assert _row(lines, "SK20250425-0001", "收款，银行转账；流水号 ICBC-0425-77；核销…")
    assert _row(lines, "3,000.00", "1,334.56", "本期合计", "3,734.56", "3,000.00", "1,334.56")
    assert _row(lines, "600.00", "3,734.56", "3,000.00", "¥1,334.56")
    assert _row(lines, "人民币（大写）", "壹仟叁佰叁拾肆元伍角陆分")
    assert "账号：3602 0000 1920 0123 456" in " ".join(lines)
    assert (
        "请核对。如无误，请于 2025-05-10 前在下方回执签字盖章回传；如有不符，请列明不符项目及金额。"
        in lines
    )
    assert "□ 核对无误" in lines
    assert "第 1 页 / 共 1 页" in lines


def test_customer_without_movement_prints_opening_row_and_closing(
    seeded: Seeded, tmp_path: Path
) -> None:
    lines = _lines(pdf_text(_render(seeded, seeded.b, tmp_path, "zh_CN", **APRIL)))
    assert _row(
        lines, "2025-04-01", "期初余额（上期结欠）", "800.00", "本期合计", "0.00", "0.00", "800.00"
    )
    assert not any(line.startswith(("FH", "SK")) for line in lines)
    assert _row(lines, "人民币（大写）", "捌佰元整")
    assert _row(
        lines, "0.00", "800.00", "0.00", "0.00", "0.00", "800.00", "0.00", "800.00"
    )  # aging


def test_barcode_on_page_one_decodes_to_the_customer_code(seeded: Seeded, tmp_path: Path) -> None:
    pdf = _render(seeded, seeded.a, tmp_path, "zh_CN", **APRIL)
    found = decode_barcodes(render_page_png(pdf, 0, scale=3))
    assert found
    assert set(found) == {"KH00001"}


def test_markup_in_a_customer_name_prints_literally(seeded: Seeded, tmp_path: Path) -> None:
    text = pdf_text(_render(seeded, seeded.c, tmp_path, "en", **APRIL))
    assert HOSTILE in text
    assert "88.80" in text


def test_english_layout(seeded: Seeded, tmp_path: Path) -> None:
    lines = _lines(pdf_text(_render(seeded, seeded.a, tmp_path, "en", **APRIL)))
    assert "Customer Statement" in lines
    assert _row(lines, "Date", "Document", "Description", "Charges", "Payments", "Balance")
    assert _row(lines, "2025-04-01", "Opening balance (brought forward)", "600.00")
    assert _row(lines, "Amount in words (RMB, 大写)", "壹仟叁佰叁拾肆元伍角陆分")
    assert "Page 1 of 1" in lines
    assert "客户对账单" not in lines


def _long_statement(count: int) -> Statement:
    lines = []
    balance = D("100.00")
    for n in range(count):
        balance += D("10.00")
        lines.append(
            StatementLine(
                day=date(2025, 4, 1 + n % 28),
                document=f"FH202504{n:02d}-0001",
                description=f"Delivery number {n}",
                debit=D("10.00"),
                credit=D("0.00"),
                balance=balance,
            )
        )
    return Statement(
        customer_id=1,
        customer_code="KH-LONG",
        customer_name="长表客户",
        contact="",
        phone="",
        address="",
        date_from=date(2025, 4, 1),
        date_to=date(2025, 4, 30),
        opening_balance=D("100.00"),
        lines=tuple(lines),
        total_debit=D("10.00") * count,
        total_credit=D("0.00"),
        closing_balance=balance,
        aging=(("Not yet due", balance),),
        advances=D("0.00"),
        return_by=date(2025, 5, 15),
    )


def test_long_table_continues_with_its_header_and_page_x_of_n(tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    statement = _long_statement(90)
    pages = write_statement(
        out, statement, CompanyHeader(name="测试公司"), lang="en", printed_on=date(2025, 5, 3)
    )
    texts = pdf_page_texts(out)
    assert pages == len(texts) >= 2
    with_rows = [text for text in texts if "FH202504" in text]
    assert len(with_rows) >= 2
    for text in with_rows:  # every page the table reaches starts with its header
        assert _row(
            _lines(text), "Date", "Document", "Description", "Charges", "Payments", "Balance"
        )
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {pages}" in _lines(text)
    assert "Period total" not in texts[0]
    every = _lines("\n".join(texts))
    assert _row(every, "Period total", "900.00", "0.00", "1,000.00")
    assert sum(line.startswith("FH202504") for line in every) == 90
    assert "¥1,000.00" in every
    assert _row(every, "Amount in words (RMB, 大写)", "壹仟元整")


def test_batch_in_one_file_numbers_each_statement(seeded: Seeded, tmp_path: Path) -> None:
    out = tmp_path / "batch.pdf"
    result = seeded.accountant.statements.render_batch(
        (seeded.a, seeded.b),
        request_template=StatementRequest(customer_id=0, **APRIL),
        target=out,
        one_file=True,
        lang="zh_CN",
    )
    assert result.files == (out,)
    assert (result.statements, result.pages) == (2, 2)
    texts = pdf_page_texts(out)
    assert "KH00001" in texts[0]
    assert "第 1 页 / 共 1 页" in texts[0]
    assert "第 1 页 / 共 1 页" in texts[1]
    assert "捌佰元整" in texts[1]
    assert set(decode_barcodes(render_page_png(out, 1, scale=3))) == {"KH00002"}
