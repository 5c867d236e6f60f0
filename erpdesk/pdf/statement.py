"""The customer statement (对账单) PDF: header, customer block, ledger table, totals, 大写, aging,
payee account, and a confirmation return slip with the customer-code barcode (DOMAIN.md §9).

The ledger table is plain strings (fast); only a description or name too wide for its cell becomes an
escaped Paragraph so it wraps. The table header repeats on every page; the summary, aging and slip stay
on the last page. ``statement_story`` takes the figures from ``services.statement_dto.Statement`` (any
object with the same attributes: this layer may not import services).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from erpdesk.domain.messages import render
from erpdesk.domain.money import amount_in_words, format_money
from erpdesk.pdf.barcodes import Code128Flowable
from erpdesk.pdf.document import Deferred, PageGroup, a4_document, build
from erpdesk.pdf.statement_model import CompanyHeader, StatementFigures
from erpdesk.pdf.styles import HEADER_FILL, SHADE_FILL, PdfStyles, styles
from erpdesk.pdf.text import escape, line_or_paragraph, plain

CONTENT_WIDTH = 180 * mm  # A4 minus 15 mm margins
LEDGER_WIDTHS = (19 * mm, 33 * mm, 62 * mm, 22 * mm, 22 * mm, 22 * mm)
_DESCRIPTION_ROOM = LEDGER_WIDTHS[2] - 6  # cell padding 3 pt each side
_ZERO = Decimal("0.00")


def footer_text(company: CompanyHeader, statement: StatementFigures, lang: str) -> str:
    return render(
        "statements.footer", lang, company=plain(company.name), code=plain(statement.customer_code)
    )


def statement_story(
    statement: StatementFigures,
    company: CompanyHeader,
    *,
    lang: str,
    printed_on: date,
    group: bool = False,
) -> list[Flowable]:
    """The flowables of one statement; ``group`` starts its own page numbering (batch in one file)."""
    st = styles(lang)
    labels = _labels(st.lang)
    story: list[Flowable] = []
    if group:
        story.append(PageGroup(footer_text(company, statement, lang)))
    story += _header(statement, company, st, labels, printed_on)
    story.append(Spacer(1, 3 * mm))
    story.append(_ledger(statement, st, labels))
    story.append(Spacer(1, 3 * mm))
    story.append(KeepTogether(_summary(statement, st, labels)))
    story.append(Spacer(1, 3.5 * mm))
    story.append(KeepTogether(_aging(statement, st, labels)))
    story.append(Spacer(1, 2 * mm))
    story.append(KeepTogether(_payee_and_request(statement, company, st, labels)))
    story.append(Spacer(1, 3 * mm))
    story.append(KeepTogether(_slip(statement, company, st, labels)))
    return story


# ---------------------------------------------------------------------- parts


@lru_cache(maxsize=4)
def _labels(lang: str) -> dict[str, str]:
    """Every fixed label of the layout in ``lang``, rendered once per process."""
    keys = (
        "title",
        "customer_code",
        "customer_name",
        "contact",
        "phone",
        "address",
        "period",
        "printed",
        "return_by",
        "col.date",
        "col.document",
        "col.description",
        "col.debit",
        "col.credit",
        "col.balance",
        "opening",
        "period_total",
        "summary.opening",
        "summary.debit",
        "summary.credit",
        "summary.closing",
        "in_words",
        "aging_total",
        "advances",
        "balance_note",
        "payee",
        "payee_name",
        "payee_bank",
        "payee_account",
        "slip_title",
        "slip_agree",
        "slip_disagree",
        "slip_signature",
        "slip_seal",
        "our_side",
        "colon",
    )
    return {key: render(f"statements.{key}", lang) for key in keys}


def _money(amount: Decimal) -> str:
    return format_money(amount, symbol=False)


def _maybe(amount: Decimal) -> str:
    """Debit/credit cells stay blank when zero, as on a hand-kept ledger."""
    return "" if amount == _ZERO else format_money(amount, symbol=False)


def _header(
    statement: StatementFigures,
    company: CompanyHeader,
    st: PdfStyles,
    labels: dict[str, str],
    printed_on: date,
) -> list[Flowable]:
    left_width = CONTENT_WIDTH - 62 * mm
    company_lines: list[Flowable] = [
        line_or_paragraph(company.name, st.heading, left_width, bold=True)
    ]
    details = render(
        "statements.company_line",
        st.lang,
        address=company.address or "—",
        phone=company.phone or "—",
        tax=company.tax_number or "—",
    )
    company_lines.append(line_or_paragraph(details, st.small, left_width))
    top = Table(
        [[company_lines, _barcode(statement.customer_code, 22)]],
        colWidths=(left_width, 62 * mm),
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.black),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        ),
    )
    if statement.date_from is None:
        period = render("statements.as_of", st.lang, day=statement.date_to.isoformat())
    else:
        period = render(
            "statements.period_range",
            st.lang,
            start=statement.date_from.isoformat(),
            end=statement.date_to.isoformat(),
        )
    contact = "  ".join(p for p in (plain(statement.contact), plain(statement.phone)) if p)
    info = Table(
        [
            [
                labels["customer_code"],
                plain(statement.customer_code),
                labels["period"],
                period,
            ],
            [
                labels["customer_name"],
                line_or_paragraph(statement.customer_name, st.body, 84 * mm - 4),
                labels["printed"],
                printed_on.isoformat(),
            ],
            [
                f"{labels['contact']} / {labels['phone']}",
                contact,
                labels["return_by"],
                statement.return_by.isoformat(),
            ],
            [
                labels["address"],
                line_or_paragraph(statement.address, st.body, 154 * mm - 4),
                "",
                "",
            ],
        ],
        colWidths=(26 * mm, 84 * mm, 26 * mm, 44 * mm),
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st.font, st.body_size, st.body_size + 3),
                ("FONT", (0, 0), (0, -1), st.bold_font, st.body_size, st.body_size + 3),
                ("FONT", (2, 0), (2, -1), st.bold_font, st.body_size, st.body_size + 3),
                ("SPAN", (1, 3), (3, 3)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        ),
    )
    title = line_or_paragraph(labels["title"], st.title, CONTENT_WIDTH, bold=True)
    return [top, Spacer(1, 2 * mm), title, Spacer(1, 1 * mm), info]


def _barcode(code: str, height: float) -> Flowable:
    """The customer-code symbol; a code Code 128 cannot hold (non-Latin) leaves the space empty."""
    try:
        return Code128Flowable(code, height=height)
    except ValueError:
        return Spacer(1, height)


def _cell(text: str, style: Any, room: float) -> Any:
    """A plain-string cell when ``text`` fits ``room``, else a wrapping Paragraph."""
    if stringWidth(text, style.fontName, style.fontSize) <= room:
        return text
    return Paragraph(escape(text), style)


def _description(text: str, st: PdfStyles) -> Any:
    cleaned = plain(text)
    if stringWidth(cleaned, st.font, st.table_size) <= _DESCRIPTION_ROOM:
        return cleaned
    return Paragraph(escape(text), st.table_body)


def _ledger(statement: StatementFigures, st: PdfStyles, labels: dict[str, str]) -> Table:
    rows: list[list[Any]] = [
        [
            labels["col.date"],
            labels["col.document"],
            labels["col.description"],
            labels["col.debit"],
            labels["col.credit"],
            labels["col.balance"],
        ],
        [
            statement.date_from.isoformat() if statement.date_from else "",
            "",
            labels["opening"],
            "",
            "",
            _money(statement.opening_balance),
        ],
    ]
    for line in statement.lines:
        rows.append(
            [
                line.day.isoformat(),
                plain(line.document),
                _description(line.description, st),
                _maybe(line.debit),
                _maybe(line.credit),
                _money(line.balance),
            ]
        )
    rows.append(
        [
            "",
            "",
            labels["period_total"],
            _money(statement.total_debit),
            _money(statement.total_credit),
            _money(statement.closing_balance),
        ]
    )
    last = len(rows) - 1
    commands = [
        *st.table_commands(header_rows=1),
        ("ALIGN", (3, 1), (5, -1), "RIGHT"),
        ("TOPPADDING", (0, 1), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 1.2),
        ("FONT", (0, 1), (-1, 1), st.bold_font, st.table_size, st.table_size + 2),
        ("FONT", (0, last), (-1, last), st.bold_font, st.table_size, st.table_size + 2),
        ("BACKGROUND", (0, last), (-1, last), SHADE_FILL),
        ("LINEABOVE", (0, last), (-1, last), 1, colors.black),
    ]
    return Table(rows, colWidths=LEDGER_WIDTHS, repeatRows=1, style=TableStyle(commands))


def _summary(statement: StatementFigures, st: PdfStyles, labels: dict[str, str]) -> list[Flowable]:
    quarter = CONTENT_WIDTH / 4
    figures = Table(
        [
            [
                labels["summary.opening"],
                labels["summary.debit"],
                labels["summary.credit"],
                labels["summary.closing"],
            ],
            [
                _money(statement.opening_balance),
                _money(statement.total_debit),
                _money(statement.total_credit),
                format_money(statement.closing_balance),
            ],
        ],
        colWidths=(quarter,) * 4,
        style=TableStyle(
            [
                *st.table_commands(header_rows=1),
                ("ALIGN", (0, 1), (-1, 1), "CENTER"),
                ("FONT", (3, 1), (3, 1), st.bold_font, 10, 12),
            ]
        ),
    )
    words = Table(
        [[labels["in_words"], amount_in_words(statement.closing_balance)]],
        colWidths=(50 * mm, CONTENT_WIDTH - 50 * mm),
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st.bold_font, 10, 12),
                ("BOX", (0, 0), (-1, -1), 0.4, colors.HexColor("#9a9a9a")),
                ("BACKGROUND", (0, 0), (0, 0), HEADER_FILL),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
    )
    return [figures, words]


def _aging(statement: StatementFigures, st: PdfStyles, labels: dict[str, str]) -> list[Flowable]:
    open_total = sum((amount for _label, amount in statement.aging), _ZERO)
    header = [label for label, _amount in statement.aging]
    header += [labels["aging_total"], labels["advances"], labels["summary.closing"]]
    values = [_money(amount) for _label, amount in statement.aging]
    values += [_money(open_total), _money(statement.advances), _money(statement.closing_balance)]
    width = CONTENT_WIDTH / len(header)
    title = render("statements.aging", st.lang, day=statement.date_to.isoformat())
    table = Table(
        [[_cell(text, st.table_header, width - 6) for text in header], values],
        colWidths=(width,) * len(header),
        style=TableStyle(
            [
                *st.table_commands(header_rows=1),
                ("ALIGN", (0, 1), (-1, 1), "RIGHT"),
            ]
        ),
    )
    return [
        line_or_paragraph(title, st.heading, CONTENT_WIDTH, bold=True),
        table,
        line_or_paragraph(labels["balance_note"], st.small, CONTENT_WIDTH),
    ]


def _payee_and_request(
    statement: StatementFigures, company: CompanyHeader, st: PdfStyles, labels: dict[str, str]
) -> list[Flowable]:
    account_name = company.payee_account_name or company.name
    colon, gap = labels["colon"], "　" if st.lang == "zh_CN" else " · "
    payee = gap.join(
        escape(f"{label}{colon}{value or '—'}")
        for label, value in (
            (labels["payee"] + " " + labels["payee_name"], account_name),
            (labels["payee_bank"], company.bank_name),
            (labels["payee_account"], company.bank_account),
        )
    )
    request = render("statements.request", st.lang, day=statement.return_by.isoformat())
    return [
        Paragraph(payee, st.body),
        Spacer(1, 1.5 * mm),
        Paragraph(escape(request), st.body),
        Spacer(1, 2 * mm),
        line_or_paragraph(labels["our_side"], st.body, CONTENT_WIDTH),
    ]


class _CutLine(Flowable):  # type: ignore[misc]
    """A dashed line across the page: cut here to return the slip."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width, self.height = width, 6

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setDash(3, 2)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 3, self.width, 3)
        self.canv.restoreState()


def _slip(
    statement: StatementFigures, company: CompanyHeader, st: PdfStyles, labels: dict[str, str]
) -> list[Flowable]:
    text = render(
        "statements.slip_text",
        st.lang,
        customer=statement.customer_name,
        code=statement.customer_code,
        company=company.name,
        day=statement.date_to.isoformat(),
        amount=format_money(statement.closing_balance),
    )
    room = CONTENT_WIDTH - 55 * mm - 12
    left: list[Flowable] = [
        line_or_paragraph(labels["slip_title"], st.heading, room, bold=True),
        line_or_paragraph(text, st.body, room),
        Spacer(1, 1.5 * mm),
        line_or_paragraph(labels["slip_agree"], st.body, room),
        Spacer(1, 1 * mm),
        line_or_paragraph(labels["slip_disagree"], st.body, room),
        Spacer(1, 9 * mm),
        line_or_paragraph(labels["slip_signature"], st.body, room),
        Spacer(1, 1.5 * mm),
        line_or_paragraph(labels["slip_seal"], st.body, room),
        Spacer(1, 9 * mm),
    ]
    barcode = _barcode(statement.customer_code, 26)
    box = Table(
        [[left, barcode]],
        colWidths=(CONTENT_WIDTH - 55 * mm, 55 * mm),
        style=TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("VALIGN", (0, 0), (0, 0), "TOP"),
                ("VALIGN", (1, 0), (1, 0), "BOTTOM"),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
    )
    return [_CutLine(CONTENT_WIDTH), Spacer(1, 2 * mm), box]


# ---------------------------------------------------------------------- documents


def write_statement(
    target: Any,
    statement: StatementFigures,
    company: CompanyHeader,
    *,
    lang: str,
    printed_on: date,
) -> int:
    """Write one statement to ``target`` (path or binary stream); return its page count."""
    doc = a4_document(
        target,
        title=f"{render('statements.title', lang)} {statement.customer_code}",
        author=company.name,
    )
    story = statement_story(statement, company, lang=lang, printed_on=printed_on)
    return build(doc, story, lang=lang, footer_left=footer_text(company, statement, lang))


def write_statements(
    target: Any,
    producers: Sequence[Callable[[], StatementFigures]],
    company: CompanyHeader,
    *,
    lang: str,
    printed_on: date,
) -> int:
    """Write many statements into one file, each numbered "page X of N" on its own.

    Each producer is called when layout reaches its statement (one customer in memory at a time); an
    exception from a producer (e.g. a cancel) aborts the build. Returns the total page count.
    """
    story: list[Flowable] = []
    for index, produce in enumerate(producers):
        story.append(Deferred(_expand(produce, company, lang, printed_on, first=index == 0)))
    doc = a4_document(target, title=render("statements.title", lang), author=company.name)
    return build(doc, story, lang=lang)


def _expand(
    produce: Callable[[], StatementFigures],
    company: CompanyHeader,
    lang: str,
    printed_on: date,
    *,
    first: bool,
) -> Callable[[], list[Any]]:
    def expand() -> list[Any]:
        story = statement_story(produce(), company, lang=lang, printed_on=printed_on, group=True)
        return story if first else [PageBreak(), *story]

    return expand
