"""The settlement notice PDF (结算通知书) sent to a customer after a settlement (DOMAIN.md §8 step 5).

Company header, title, customer block, settlement / voucher / receipt numbers, the receipt, the items
settled with what was open before, the advance left, the invoice status (开票 / 暂无发票·待开 / 不开票)
with its numbers or the voucher's reason, our bank details, the approval state and a confirmation block
for the customer's signature and seal. Every user text is escaped (a customer called ``<b>&amp;`` prints
exactly that). ``render_notice`` takes the figures of ``services.settlement_dto.SettlementView`` (any
object with the same attributes: this layer may not import services).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from erpdesk.domain.messages import render
from erpdesk.domain.money import amount_in_words, format_money
from erpdesk.domain.settlements import InvoiceStatus, SettlementKind, SettlementStatus
from erpdesk.pdf.document import a4_document, build
from erpdesk.pdf.styles import SHADE_FILL, PdfStyles, styles
from erpdesk.pdf.text import escape, plain

CONTENT_WIDTH = 180 * mm  # A4 minus 15 mm margins
ITEM_WIDTHS = (52 * mm, 26 * mm, 26 * mm, 38 * mm, 38 * mm)
LABEL_WIDTH = 30 * mm


@dataclass(frozen=True)
class NoticeCompany:
    """Our company as printed in the header and the bank block (from the company profile)."""

    name: str
    address: str = ""
    phone: str = ""
    tax_number: str = ""
    payee_account_name: str = ""
    bank_name: str = ""
    bank_account: str = ""


class NoticeLine(Protocol):
    @property
    def doc_number(self) -> str: ...
    @property
    def doc_date(self) -> date: ...
    @property
    def due_date(self) -> date: ...
    @property
    def open_before(self) -> Decimal: ...
    @property
    def amount(self) -> Decimal: ...


class NoticeFigures(Protocol):
    @property
    def number(self) -> str: ...
    @property
    def voucher_number(self) -> str | None: ...
    @property
    def receipt_number(self) -> str | None: ...
    @property
    def kind(self) -> SettlementKind: ...
    @property
    def status(self) -> SettlementStatus: ...
    @property
    def invoice_status(self) -> InvoiceStatus: ...
    @property
    def invoice_numbers(self) -> Sequence[str]: ...
    @property
    def customer_code(self) -> str: ...
    @property
    def customer_name(self) -> str: ...
    @property
    def customer_contact(self) -> str: ...
    @property
    def customer_phone(self) -> str: ...
    @property
    def customer_address(self) -> str: ...
    @property
    def receipt_date(self) -> date: ...
    @property
    def method(self) -> str: ...
    @property
    def reference(self) -> str: ...
    @property
    def amount(self) -> Decimal: ...
    @property
    def allocated(self) -> Decimal: ...
    @property
    def advance(self) -> Decimal: ...
    @property
    def lines(self) -> Sequence[NoticeLine]: ...
    @property
    def voucher_reason(self) -> str: ...
    @property
    def reference_docs(self) -> str: ...
    @property
    def needs_approval(self) -> bool: ...
    @property
    def decided_by(self) -> str | None: ...
    @property
    def decided_at(self) -> datetime | None: ...


def render_notice(
    target: Path | BinaryIO,
    settlement: NoticeFigures,
    company: NoticeCompany,
    *,
    lang: str,
    printed_on: date,
    printed_by: str,
) -> int:
    """Write the notice of ``settlement`` to ``target`` in ``lang``; returns the number of pages."""
    st = styles(lang)
    title = render("notice.title", st.lang)
    doc = a4_document(
        target,
        title=f"{title} {plain(settlement.number)}",
        author=plain(company.name) or render("notice.pdf_author", st.lang),
        subject=plain(settlement.customer_name),
    )
    story = notice_story(settlement, company, st=st, printed_on=printed_on, printed_by=printed_by)
    footer = render("notice.footer", st.lang, number=plain(settlement.number))
    return build(doc, story, lang=st.lang, footer_left=footer)


def notice_story(
    settlement: NoticeFigures,
    company: NoticeCompany,
    *,
    st: PdfStyles,
    printed_on: date,
    printed_by: str,
) -> list[Flowable]:
    """The flowables of one notice."""
    lang = st.lang
    story: list[Flowable] = [
        *_company_header(company, st),
        Spacer(1, 3 * mm),
        Paragraph(escape(render("notice.title", lang)), st.title),
        Spacer(1, 2 * mm),
        _parties(settlement, st),
        Spacer(1, 3 * mm),
        KeepTogether(_receipt(settlement, st)),
        Spacer(1, 3 * mm),
        *_items(settlement, st),
        Spacer(1, 3 * mm),
        KeepTogether(_invoice(settlement, st)),
        Spacer(1, 3 * mm),
        KeepTogether(_bank_and_approval(settlement, company, st)),
        Spacer(1, 5 * mm),
        KeepTogether(_confirmation(st, printed_on, printed_by)),
    ]
    return story


# ---------------------------------------------------------------------- parts


def _label(msg_id: str, lang: str, **params: Any) -> str:
    return render(f"notice.{msg_id}", lang, **params)


def _money(amount: Decimal) -> str:
    return format_money(amount, symbol=False)


def _grid(rows: list[list[Any]], widths: Sequence[float], st: PdfStyles) -> Table:
    """A label / value table: labels bold in the first column (and the third when there are four)."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), st.font, st.body_size, st.body_size + 3),
        ("FONT", (0, 0), (0, -1), st.bold_font, st.body_size, st.body_size + 3),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9a9a9a")),
        ("BACKGROUND", (0, 0), (0, -1), SHADE_FILL),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]
    if len(widths) == 4:
        commands += [
            ("FONT", (2, 0), (2, -1), st.bold_font, st.body_size, st.body_size + 3),
            ("BACKGROUND", (2, 0), (2, -1), SHADE_FILL),
        ]
    return Table(rows, colWidths=widths, style=TableStyle(commands))


def _text(text: str, st: PdfStyles) -> Paragraph:
    return Paragraph(escape(text), st.body)


def _company_header(company: NoticeCompany, st: PdfStyles) -> list[Flowable]:
    lang = st.lang
    parts = [plain(company.address)] if company.address else []
    if company.phone:
        parts.append(_label("company_phone", lang, phone=plain(company.phone)))
    if company.tax_number:
        parts.append(_label("company_tax", lang, tax_number=plain(company.tax_number)))
    header = Table(
        [
            [Paragraph(escape(company.name), st.heading)],
            [Paragraph(escape("    ".join(parts)), st.small)],
        ],
        colWidths=(CONTENT_WIDTH,),
        style=TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, -1), (-1, -1), 1.2, colors.black),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
            ]
        ),
    )
    return [header]


def _parties(settlement: NoticeFigures, st: PdfStyles) -> Table:
    lang = st.lang
    numbers: list[tuple[str, str]] = [(_label("settlement_number", lang), settlement.number)]
    if settlement.voucher_number:
        numbers.append((_label("voucher_number", lang), settlement.voucher_number))
    if settlement.receipt_number:
        numbers.append((_label("receipt_number", lang), settlement.receipt_number))
    numbers.append((_label("status", lang), _label(f"status.{settlement.status.value}", lang)))
    customer: list[tuple[str, Any]] = [
        (_label("customer", lang), _text(settlement.customer_name, st)),
        (_label("customer_code", lang), plain(settlement.customer_code)),
        (_label("contact", lang), _text(settlement.customer_contact, st)),
        (_label("phone", lang), plain(settlement.customer_phone)),
        (_label("address", lang), _text(settlement.customer_address, st)),
    ]
    rows: list[list[Any]] = []
    for index, (label, value) in enumerate(customer):
        right = numbers[index] if index < len(numbers) else ("", "")
        rows.append([label, value, right[0], plain(right[1])])
    return _grid(rows, (24 * mm, 76 * mm, 34 * mm, 46 * mm), st)


def _receipt(settlement: NoticeFigures, st: PdfStyles) -> list[Flowable]:
    lang = st.lang
    method = _label(f"method.{settlement.method}", lang)
    if method.startswith("notice.method."):  # a method this notice has no name for
        method = plain(settlement.method)
    rows: list[list[Any]] = [
        [
            _label("receipt_date", lang),
            settlement.receipt_date.isoformat(),
            _label("method", lang),
            method,
        ],
        [
            _label("reference", lang),
            _text(settlement.reference, st),
            _label("amount", lang),
            format_money(settlement.amount),
        ],
        [_label("amount_words", lang), amount_in_words(settlement.amount), "", ""],
    ]
    table = _grid(rows, (24 * mm, 76 * mm, 34 * mm, 46 * mm), st)
    table.setStyle(
        TableStyle([("SPAN", (1, 2), (3, 2)), ("BACKGROUND", (1, 2), (3, 2), colors.white)])
    )
    return [Paragraph(escape(_label("receipt_heading", lang)), st.heading), table]


def _items(settlement: NoticeFigures, st: PdfStyles) -> list[Flowable]:
    lang = st.lang
    parts: list[Flowable] = [Paragraph(escape(_label("items_heading", lang)), st.heading)]
    if not settlement.lines:
        parts.append(_text(_label("no_items", lang), st))
    else:
        rows: list[list[Any]] = [
            [
                _label("col_document", lang),
                _label("col_date", lang),
                _label("col_due", lang),
                _label("col_open_before", lang),
                _label("col_settled", lang),
            ]
        ]
        for line in settlement.lines:
            rows.append(
                [
                    plain(line.doc_number),
                    line.doc_date.isoformat(),
                    line.due_date.isoformat(),
                    _money(line.open_before),
                    _money(line.amount),
                ]
            )
        rows.append([_label("total", lang), "", "", "", _money(settlement.allocated)])
        last = len(rows) - 1
        commands = [
            *st.table_commands(header_rows=1),
            ("ALIGN", (3, 1), (4, -1), "RIGHT"),
            ("FONT", (0, last), (-1, last), st.bold_font, st.table_size, st.table_size + 2),
            ("BACKGROUND", (0, last), (-1, last), SHADE_FILL),
        ]
        parts.append(Table(rows, colWidths=ITEM_WIDTHS, repeatRows=1, style=TableStyle(commands)))
    advance = _grid(
        [[_label("advance_left", lang), format_money(settlement.advance)]],
        (LABEL_WIDTH + 20 * mm, CONTENT_WIDTH - LABEL_WIDTH - 20 * mm),
        st,
    )
    parts += [Spacer(1, 1.5 * mm), advance]
    return parts


def _invoice(settlement: NoticeFigures, st: PdfStyles) -> list[Flowable]:
    lang = st.lang
    rows: list[list[Any]] = [
        [
            _label("invoice_status", lang),
            _label(f"invoice.{settlement.invoice_status.value}", lang),
        ]
    ]
    if settlement.invoice_numbers:
        rows.append(
            [_label("invoice_numbers", lang), _text(", ".join(settlement.invoice_numbers), st)]
        )
    if settlement.kind is SettlementKind.WITHOUT_INVOICE:
        rows.append([_label("voucher_reason", lang), _text(settlement.voucher_reason, st)])
        if settlement.reference_docs:
            rows.append([_label("reference_docs", lang), _text(settlement.reference_docs, st)])
    table = _grid(rows, (LABEL_WIDTH + 20 * mm, CONTENT_WIDTH - LABEL_WIDTH - 20 * mm), st)
    note = Paragraph(escape(_label("not_an_invoice", lang)), st.small)
    return [table, Spacer(1, 1 * mm), note]


def _approval_text(settlement: NoticeFigures, lang: str) -> str:
    day = settlement.decided_at.date().isoformat() if settlement.decided_at else ""
    who = plain(settlement.decided_by or "")
    if settlement.status is SettlementStatus.REJECTED:
        return _label("approval.rejected", lang, who=who, day=day)
    if not settlement.needs_approval:
        return _label("approval.not_needed", lang)
    if settlement.status is SettlementStatus.PENDING_APPROVAL:
        return _label("approval.pending", lang)
    return _label("approval.approved", lang, who=who, day=day)


def _bank_and_approval(
    settlement: NoticeFigures, company: NoticeCompany, st: PdfStyles
) -> list[Flowable]:
    lang = st.lang
    rows: list[list[Any]] = [
        [_label("payee", lang), _text(company.payee_account_name or company.name, st)],
        [_label("bank", lang), _text(company.bank_name, st)],
        [_label("account", lang), plain(company.bank_account)],
        [_label("approval", lang), _text(_approval_text(settlement, lang), st)],
    ]
    return [
        Paragraph(escape(_label("bank_heading", lang)), st.heading),
        _grid(rows, (LABEL_WIDTH + 20 * mm, CONTENT_WIDTH - LABEL_WIDTH - 20 * mm), st),
    ]


def _confirmation(st: PdfStyles, printed_on: date, printed_by: str) -> list[Flowable]:
    lang = st.lang
    line = "_" * 28
    signature = Table(
        [
            [_label("signature", lang), line, _label("sign_date", lang), "_" * 16],
        ],
        colWidths=(34 * mm, 70 * mm, 20 * mm, 56 * mm),
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st.font, st.body_size, st.body_size + 3),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 14),
            ]
        ),
    )
    issued = _label("issued_by", lang, who=plain(printed_by), day=printed_on.isoformat())
    return [
        Paragraph(escape(_label("confirm_heading", lang)), st.heading),
        Paragraph(escape(_label("confirm_text", lang)), st.body),
        signature,
        Spacer(1, 4 * mm),
        Paragraph(escape(issued), st.small),
    ]
