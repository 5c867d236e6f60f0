"""User text into reportlab: every string is escaped before a Paragraph parses it as markup.

A Paragraph treats ``<img src=…>``, ``<a href=…>`` and entities as markup; a customer called
``ACME <b>&</b> Sons`` must print exactly that. Line breaks in user text become ``<br/>`` after escaping;
characters a PDF cannot show (C0 controls) are dropped.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from erpdesk.pdf.fonts import pdf_fonts

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def escape(text: str) -> str:
    """Return ``text`` safe to embed in Paragraph markup, shown literally; newlines become ``<br/>``."""
    cleaned = _CONTROL.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return cleaned.translate(_ESCAPES).replace("\n", "<br/>")


def paragraph(text: str, style: Any) -> Paragraph:
    """A Paragraph showing user ``text`` literally in ``style``."""
    return Paragraph(escape(text), style)


def plain(text: str) -> str:
    """User text for canvas.drawString and table cells that are plain strings (no markup parsed there)."""
    return _CONTROL.sub("", str(text)).replace("\r", " ").replace("\n", " ")


class PlainLine(Flowable):  # type: ignore[misc]
    """One line of text drawn with ``drawString``: a fraction of a Paragraph's cost (no markup parsing,
    no line breaking). Only for text known to fit its width; see :func:`line_or_paragraph`."""

    def __init__(
        self,
        text: str,
        font: str,
        size: float,
        *,
        leading: float | None = None,
        centre: bool = False,
        embolden: bool = False,
    ) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.size = size
        self.leading = leading or round(size * 1.3, 1)
        self.centre = centre
        self.embolden = embolden
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.leading

    def draw(self) -> None:
        canvas = self.canv
        baseline = self.leading - self.size  # as a Paragraph: the descent stays inside the leading
        x = 0.0
        if self.centre:
            x = (self.width - stringWidth(self.text, self.font, self.size)) / 2
        text = canvas.beginText(x, baseline)
        text.setFont(self.font, self.size)
        if self.embolden:
            # No bold face installed (WenQuanYi has none): fill and stroke the glyphs instead.
            canvas.saveState()
            canvas.setLineWidth(self.size * 0.035)
            text.setTextRenderMode(2)
        text.textOut(self.text)
        canvas.drawText(text)
        if self.embolden:
            canvas.restoreState()


def line_or_paragraph(text: str, style: Any, width: float, *, bold: bool = False) -> Flowable:
    """A :class:`PlainLine` when ``text`` fits on one line of ``width`` in ``style``, else a wrapping
    (escaped) Paragraph. ``bold`` emboldens the line when the font has no bold face of its own."""
    cleaned = plain(text)
    if "\n" not in text and stringWidth(cleaned, style.fontName, style.fontSize) <= width:
        fonts = pdf_fonts()
        return PlainLine(
            cleaned,
            style.fontName,
            style.fontSize,
            leading=style.leading,
            centre=style.alignment == TA_CENTER,
            embolden=bold and fonts.bold == fonts.regular,
        )
    return paragraph(text, style)
