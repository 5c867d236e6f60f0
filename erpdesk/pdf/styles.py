"""Paragraph and table styles shared by every document, built once per language on the CJK font.

Chinese text wraps at any character (``wordWrap="CJK"``); English wraps at spaces and splits an over-long
word (a Chinese name in an English document) rather than overflowing its cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from erpdesk.domain.messages import normalise_language
from erpdesk.pdf.fonts import pdf_fonts

GRID = colors.HexColor("#9a9a9a")
HEADER_FILL = colors.HexColor("#e8e8e8")
SHADE_FILL = colors.HexColor("#f4f4f4")


@dataclass(frozen=True)
class PdfStyles:
    """Styles of one language; fonts and sizes are also exposed for plain-string table cells."""

    lang: str
    font: str
    bold_font: str
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    table_header: ParagraphStyle
    table_body: ParagraphStyle
    money: ParagraphStyle  # right-aligned figures
    centre: ParagraphStyle
    body_size: float = 9.0
    table_size: float = 8.0
    small_size: float = 7.5

    def table_commands(self, *, header_rows: int = 1) -> list[tuple[Any, ...]]:
        """TableStyle commands for a grid table of plain strings with ``header_rows`` shaded header rows."""
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), self.font, self.table_size, self.table_size + 2),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if header_rows:
            last = header_rows - 1
            commands += [
                ("FONT", (0, 0), (-1, last), self.bold_font, self.table_size, self.table_size + 2),
                ("BACKGROUND", (0, 0), (-1, last), HEADER_FILL),
                ("ALIGN", (0, 0), (-1, last), "CENTER"),
            ]
        return commands


@cache
def styles(lang: str) -> PdfStyles:
    """The styles for ``lang`` (``en`` or ``zh_CN``; other names are normalised), cached."""
    language = normalise_language(lang)
    fonts = pdf_fonts()
    wrap = "CJK" if language == "zh_CN" else None

    def style(
        name: str, size: float, *, bold: bool = False, align: int = TA_LEFT, **extra: Any
    ) -> ParagraphStyle:
        return ParagraphStyle(
            f"erpdesk-{language}-{name}",
            fontName=fonts.bold if bold else fonts.regular,
            fontSize=size,
            leading=round(size * 1.3, 1),
            alignment=align,
            wordWrap=wrap,
            splitLongWords=True,
            **extra,
        )

    return PdfStyles(
        lang=language,
        font=fonts.regular,
        bold_font=fonts.bold,
        title=style("title", 16, bold=True, align=TA_CENTER, spaceAfter=4),
        heading=style("heading", 11, bold=True, spaceBefore=4, spaceAfter=2),
        body=style("body", 9),
        small=style("small", 7.5, textColor=colors.HexColor("#444444")),
        table_header=style("th", 8, bold=True, align=TA_CENTER),
        table_body=style("td", 8),
        money=style("money", 8, align=TA_RIGHT),
        centre=style("centre", 9, align=TA_CENTER),
    )
