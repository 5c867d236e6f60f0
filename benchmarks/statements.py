"""Statement PDFs at batch scale: N statements (default 1,000) of 30 ledger lines each into one PDF
through ``erpdesk.pdf.statement.write_statements``, beside a raw reportlab baseline in the same run.

The baseline is what a hand-written reportlab script would do for the same page content: the same CJK
font (registered once, outside the timing, as ours is), the same tables (company header with the
barcode, customer block, the 30-line ledger with its repeated header, totals, 大写, aging) and the
same paragraphs and slip, written the direct way (Paragraph for text, reportlab's own Code 128 widget,
a one-pass "page N" footer, the whole story built up front). Ours adds per-statement "page X of N"
(two-phase canvas) and the lazily expanded story (one customer in memory at a time) and escapes every
user string. Target: ours ≤ 1.3 × the baseline.

Usage: python benchmarks/statements.py [--statements N] [--lines L] [--lang zh_CN|en] [--repeat K]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.graphics.barcode import code128  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from erpdesk.domain.messages import render  # noqa: E402
from erpdesk.domain.money import amount_in_words, format_money  # noqa: E402
from erpdesk.pdf.statement import LEDGER_WIDTHS, write_statements  # noqa: E402
from erpdesk.pdf.statement_model import CompanyHeader  # noqa: E402
from erpdesk.pdf.styles import styles  # noqa: E402
from erpdesk.services.statement_dto import Statement, StatementLine  # noqa: E402

COMPANY = CompanyHeader(
    name="广州恒通办公用品有限公司",
    address="广州市天河区天河路 385 号",
    phone="020-38880000",
    tax_number="91440101MA5CXXXX1L",
    bank_name="中国工商银行广州天河支行",
    bank_account="3602 0000 1920 0123 456",
)
PRINTED = date(2025, 6, 1)


def make_statement(index: int, lines: int, lang: str) -> Statement:
    start = date(2025, 5, 1)
    balance = Decimal("1200.00") + index
    rows = []
    total_debit = total_credit = Decimal("0.00")
    for n in range(lines):
        day = start + timedelta(days=n % 31)
        if n % 3 == 2:
            credit, debit = Decimal("800.00") + n, Decimal("0.00")
            text = f"收款，银行转账；流水号 ICBC-77{n:04d}；核销 FH202505{n % 31 + 1:02d}-0001"
            document = f"SK202505{n % 31 + 1:02d}-{index % 10000:04d}"
        else:
            debit, credit = Decimal("523.40") + n * 3, Decimal("0.00")
            text = f"送货单，订单 XS202505{n % 31 + 1:02d}-{n:04d}"
            document = f"FH202505{n % 31 + 1:02d}-{index % 10000:04d}"
        balance += debit - credit
        total_debit += debit
        total_credit += credit
        rows.append(
            StatementLine(
                day=day,
                document=document,
                description=text,
                debit=debit,
                credit=credit,
                balance=balance,
            )
        )
    labels = ("未到期", "1–30 天", "31–60 天", "61–90 天", "90 天以上")
    return Statement(
        customer_id=index + 1,
        customer_code=f"KH{index + 1:05d}",
        customer_name=f"上海华鑫贸易有限公司第{index + 1}分公司",
        contact="张伟",
        phone="13812345678",
        address="上海市浦东新区世纪大道 100 号",
        date_from=start,
        date_to=date(2025, 5, 31),
        opening_balance=Decimal("1200.00") + index,
        lines=tuple(rows),
        total_debit=total_debit,
        total_credit=total_credit,
        closing_balance=balance,
        aging=tuple(
            zip(labels, (balance, Decimal(0), Decimal(0), Decimal(0), Decimal(0)), strict=True)
        ),
        advances=Decimal("0.00"),
        return_by=date(2025, 6, 15),
    )


def ours(statements: list[Statement], target: Path, lang: str) -> int:
    producers = [(lambda s=s: s) for s in statements]
    return write_statements(target, producers, COMPANY, lang=lang, printed_on=PRINTED)


def raw(statements: list[Statement], target: Path, lang: str) -> int:
    """Plain reportlab for the same page content, written the direct way: Paragraph text, tables of
    strings (a description wider than its column wraps as a Paragraph, as on ours), reportlab's own
    Code 128 widget for the two barcodes, the slip as a boxed table, and a one-pass "page N" footer."""
    st = styles(lang)  # the same registered font and paragraph styles
    grid = [
        ("FONT", (0, 0), (-1, -1), st.font, 8),
        ("GRID", (0, 0), (-1, -1), 0.4, "#9a9a9a"),
        ("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
    ]
    room = LEDGER_WIDTHS[2] - 6
    story: list[Any] = []
    money = lambda value: format_money(value, symbol=False)  # noqa: E731
    for number, s in enumerate(statements):
        if number:
            story.append(PageBreak())
        company = [
            Paragraph(COMPANY.name, st.heading),
            Paragraph(
                f"地址：{COMPANY.address}　电话：{COMPANY.phone}　税号：{COMPANY.tax_number}",
                st.small,
            ),
        ]
        story.append(
            Table(
                [[company, code128.Code128(s.customer_code, barHeight=22, barWidth=0.85)]],
                colWidths=(118 * mm, 62 * mm),
            )
        )
        story.append(Paragraph(render("statements.title", lang), st.title))
        story.append(
            Table(
                [
                    ["客户编码", s.customer_code, "对账期间", f"{s.date_from} 至 {s.date_to}"],
                    ["客户名称", s.customer_name, "打印日期", str(PRINTED)],
                    ["联系人 / 电话", f"{s.contact} {s.phone}", "回执截止日期", str(s.return_by)],
                    ["地址", s.address, "", ""],
                ],
                colWidths=(26 * mm, 84 * mm, 26 * mm, 44 * mm),
                style=TableStyle([("FONT", (0, 0), (-1, -1), st.font, 9)]),
            )
        )
        rows: list[list[Any]] = [["日期", "单据号", "摘要", "应收增加", "已收减少", "余额"]]
        rows.append(
            [str(s.date_from), "", "期初余额（上期结欠）", "", "", money(s.opening_balance)]
        )
        for line in s.lines:
            text: Any = line.description
            if stringWidth(text, st.font, 8) > room:
                text = Paragraph(text, st.table_body)
            rows.append(
                [
                    line.day.isoformat(),
                    line.document,
                    text,
                    money(line.debit) if line.debit else "",
                    money(line.credit) if line.credit else "",
                    money(line.balance),
                ]
            )
        rows.append(
            [
                "",
                "",
                "本期合计",
                money(s.total_debit),
                money(s.total_credit),
                money(s.closing_balance),
            ]
        )
        story.append(Table(rows, colWidths=LEDGER_WIDTHS, repeatRows=1, style=TableStyle(grid)))
        story.append(Spacer(1, 3 * mm))
        story.append(
            Table(
                [
                    ["期初余额", "本期应收增加", "本期已收减少", "期末应收余额"],
                    [
                        money(s.opening_balance),
                        money(s.total_debit),
                        money(s.total_credit),
                        money(s.closing_balance),
                    ],
                    ["人民币（大写）", amount_in_words(s.closing_balance), "", ""],
                ],
                colWidths=(45 * mm,) * 4,
                style=TableStyle(grid),
            )
        )
        aging_header = [label for label, _ in s.aging] + [
            "未核销应收合计",
            "未核销预收款",
            "期末应收余额",
        ]
        aging_values = [money(a) for _, a in s.aging] + [
            money(s.closing_balance),
            money(s.advances),
            money(s.closing_balance),
        ]
        story.append(Paragraph(f"截至 {s.date_to} 未核销应收账龄", st.heading))
        story.append(
            Table([aging_header, aging_values], colWidths=(22.5 * mm,) * 8, style=TableStyle(grid))
        )
        story.append(Paragraph("期末应收余额 = 未核销应收 − 未核销预收款", st.small))
        story.append(
            Paragraph(
                f"收款账户 户名：{COMPANY.name}　开户行：{COMPANY.bank_name}　账号：{COMPANY.bank_account}",
                st.body,
            )
        )
        story.append(Paragraph(render("statements.request", lang, day=str(s.return_by)), st.body))
        story.append(Paragraph("制表：__________   审核：__________   （公章）", st.body))
        slip = [
            Paragraph("对账确认回执", st.heading),
            Paragraph(
                f"{s.customer_name}（{s.customer_code}）确认：截至 {s.date_to} 结欠 {COMPANY.name} 货款 {format_money(s.closing_balance)}",
                st.body,
            ),
            Paragraph("□ 核对无误", st.body),
            Paragraph("□ 不符，差异金额：____________ ；不符项目及说明：", st.body),
            Spacer(1, 9 * mm),
            Paragraph("经办人签字：________________      日期：________________", st.body),
            Paragraph("单位盖章：", st.body),
            Spacer(1, 9 * mm),
        ]
        barcode = code128.Code128(s.customer_code, barHeight=26, barWidth=0.85)
        story.append(
            Table(
                [[slip, barcode]],
                colWidths=(125 * mm, 55 * mm),
                style=TableStyle([("BOX", (0, 0), (-1, -1), 0.8, "black")]),
            )
        )

    def footer(canvas: Any, doc: Any) -> None:
        canvas.setFont(st.font, 7.5)
        canvas.drawRightString(195 * mm, 8 * mm, f"第 {doc.page} 页")
        canvas.drawString(15 * mm, 8 * mm, f"{COMPANY.name} · 对账单")

    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return int(doc.page)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=30)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    statements = [make_statement(i, args.lines, args.lang) for i in range(args.statements)]
    folder = Path(tempfile.mkdtemp(prefix="erpdesk-bench-statements-"))
    styles(args.lang)  # font registration and styles: once per process for both sides
    ours(statements[:2], folder / "warm.pdf", args.lang)
    raw(statements[:2], folder / "warm-raw.pdf", args.lang)

    mine: list[float] = []
    base: list[float] = []
    pages = raw_pages = 0
    for _ in range(args.repeat):  # interleaved, so drift on the machine hits both sides alike
        started = time.perf_counter()
        pages = ours(statements, folder / "ours.pdf", args.lang)
        mine.append(time.perf_counter() - started)
        started = time.perf_counter()
        raw_pages = raw(statements, folder / "raw.pdf", args.lang)
        base.append(time.perf_counter() - started)
    ours_s, raw_s = statistics.median(mine), statistics.median(base)
    ratio = ours_s / raw_s
    size = (folder / "ours.pdf").stat().st_size / 1e6
    print(
        f"{args.statements:,} statements × {args.lines} lines ({args.lang}), median of {args.repeat}"
    )
    print(
        f"  ours  {ours_s:6.2f} s   {pages:5d} pages   {pages / ours_s:6.1f} pages/s   {size:.1f} MB"
    )
    print(f"  raw   {raw_s:6.2f} s   {raw_pages:5d} pages   {raw_pages / raw_s:6.1f} pages/s")
    ok = ratio <= 1.3
    print(f"  ratio {ratio:.2f}x   target ≤ 1.30x: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
