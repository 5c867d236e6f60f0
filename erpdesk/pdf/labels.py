"""Sheets of barcode labels (customer cards, products) on common A4 label stock.

Each label holds the name (CJK font; shrinks, then wraps to a second line, then is cut with "…" — it
never runs outside its label) and the code as a Code 128 symbol with the code printed under the bars.
Layouts are a table of real label sheets: margins and pitch in millimetres as the sheet makers publish
them. ``start`` skips positions already used on the first sheet. Coordinates here are reportlab points
with the origin at the bottom-left of the page. Knows no database and no Qt.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from erpdesk.domain.errors import DomainError
from erpdesk.pdf.barcodes import QUIET_ZONE_MODULES, code128_modules, draw_code128, text_height
from erpdesk.pdf.fonts import pdf_fonts
from erpdesk.pdf.text import plain

MAX_LABELS = 20_000
MAX_COPIES = 100
NAME_SIZES = (10.0, 9.0, 8.0, 7.0, 6.0)  # points, largest first
CODE_FONT_SIZE = 7.0
PAD_X = 3 * mm  # inside each label: die-cut labels have rounded corners and printers drift
PAD_Y = 2 * mm
MAX_MODULE_WIDTH = 0.5 * mm  # wider bars only make the symbol harder to fit a hand scanner's beam
MIN_BAR_HEIGHT = 6 * mm
LINE_GAP = 1.15  # line height as a multiple of the font size
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class LabelLayout:
    """One label sheet: ``columns`` × ``rows`` labels of ``width`` × ``height`` mm; ``left``/``top`` are
    the page margins to the first label, ``pitch_x``/``pitch_y`` from one label's edge to the next."""

    key: str
    msg_id: str
    columns: int
    rows: int
    width: float
    height: float
    left: float
    top: float
    pitch_x: float
    pitch_y: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def origin(self, position: int) -> tuple[float, float]:
        """Bottom-left corner (points) of label ``position`` (0 = top-left, row by row)."""
        row, column = divmod(position % self.per_sheet, self.columns)
        x = (self.left + column * self.pitch_x) * mm
        top_edge = A4[1] - (self.top + row * self.pitch_y) * mm
        return x, top_edge - self.height * mm


LAYOUTS: dict[str, LabelLayout] = {
    layout.key: layout
    for layout in (
        # 3 × 8 of 70 × 36 mm, edge to edge across; 4.5 mm top and bottom.
        LabelLayout("a4-3x8-70x36", "labels.layout.a4_3x8_70x36", 3, 8, 70, 36, 0, 4.5, 70, 36),
        # Avery L7160 / J8160: 3 × 7 of 63.5 × 38.1 mm, 2.54 mm column gap.
        LabelLayout(
            "a4-3x7-63x38", "labels.layout.a4_3x7_63x38", 3, 7, 63.5, 38.1, 7.21, 15.15, 66.04, 38.1
        ),
        # Avery L7163 / J8163: 2 × 7 of 99.1 × 38.1 mm, 2.5 mm column gap.
        LabelLayout(
            "a4-2x7-99x38", "labels.layout.a4_2x7_99x38", 2, 7, 99.1, 38.1, 4.65, 15.15, 101.6, 38.1
        ),
        # 4 × 10 of 48.5 × 25.4 mm (Avery 3657-like), no gaps.
        LabelLayout(
            "a4-4x10-48x25", "labels.layout.a4_4x10_48x25", 4, 10, 48.5, 25.4, 8, 21.5, 48.5, 25.4
        ),
    )
}
DEFAULT_LAYOUT = "a4-3x7-63x38"


def layout(key: str) -> LabelLayout:
    """The layout called ``key``; raises ``labels.unknown_layout``."""
    found = LAYOUTS.get(key)
    if found is None:
        raise DomainError("labels.unknown_layout", layout=key)
    return found


@dataclass(frozen=True, slots=True)
class LabelItem:
    """What one label shows: ``code`` as a barcode, ``name`` above it, ``detail`` (spec, unit) after."""

    code: str
    name: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    """Where a label was drawn (page from 0; box in points) — returned for callers and tests."""

    page: int
    position: int
    x: float
    y: float
    width: float
    height: float
    code: str


def check_code(code: str) -> str:
    """``code`` if Code 128 can encode it (printable ASCII); raises ``labels.code_not_printable``."""
    if not code or not all(" " <= char <= "~" for char in code):
        raise DomainError("labels.code_not_printable", code=code)
    return code


def fit_name(text: str, width: float, height: float, font: str) -> tuple[float, list[str]]:
    """The largest size in ``NAME_SIZES`` at which ``text`` fits ``width`` × ``height`` points, and its
    lines. If even the smallest size needs more lines than fit, the last line ends with "…"."""
    text = " ".join(plain(text).split())
    smallest = NAME_SIZES[-1]
    for size in NAME_SIZES:
        max_lines = max(1, int(height // (size * LINE_GAP)))
        lines = wrap(text, width, font, size)
        if len(lines) <= max_lines:
            return size, lines
    max_lines = max(1, int(height // (smallest * LINE_GAP)))
    lines = wrap(text, width, font, smallest)[:max_lines]
    last = lines[-1] if lines else ""
    while last and stringWidth(last + ELLIPSIS, font, smallest) > width:
        last = last[:-1]
    lines[-1:] = [last.rstrip() + ELLIPSIS]
    return smallest, lines


def wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Greedy line breaking: at a space when the line has one, else between any two characters (CJK)."""
    lines: list[str] = []
    current = ""
    for char in text:
        candidate = current + char
        if stringWidth(candidate, font, size) <= width or not current:
            current = candidate
            continue
        cut = current.rfind(" ")
        if char != " " and cut > 0 and current[:cut].strip():
            lines.append(current[:cut])
            current = current[cut + 1 :] + char
        else:
            lines.append(current.rstrip())
            current = char.lstrip()
    if current.strip():
        lines.append(current.strip())
    return lines


def _draw_label(canvas: Canvas, item: LabelItem, x: float, y: float, sheet: LabelLayout) -> None:
    fonts = pdf_fonts()
    inner_w = sheet.width * mm - 2 * PAD_X
    inner_h = sheet.height * mm - 2 * PAD_Y
    modules = len(code128_modules(item.code)) + 2 * QUIET_ZONE_MODULES
    module_width = min(MAX_MODULE_WIDTH, inner_w / modules)
    code_h = text_height(CODE_FONT_SIZE)
    # The name gets at most ~40 % of the height; the bars keep the rest (and never less than 6 mm).
    name_h = max(NAME_SIZES[-1] * LINE_GAP, min(inner_h * 0.42, inner_h - code_h - MIN_BAR_HEIGHT))
    name = f"{item.name} {item.detail}".strip() if item.detail else item.name
    size, lines = fit_name(name, inner_w, name_h, fonts.regular)
    canvas.setFont(fonts.regular, size)
    top = y + PAD_Y + inner_h
    for number, line in enumerate(lines):
        canvas.drawCentredString(
            x + PAD_X + inner_w / 2, top - size * (number + 0.9) * LINE_GAP, line
        )
    used = len(lines) * size * LINE_GAP
    bar_h = max(MIN_BAR_HEIGHT, inner_h - used - code_h - 1.5)
    symbol_w = modules * module_width
    draw_code128(
        canvas,
        item.code,
        x + PAD_X + (inner_w - symbol_w) / 2,
        y + PAD_Y,
        height=bar_h,
        module_width=module_width,
        human_readable=True,
        font=fonts.regular,
        font_size=CODE_FONT_SIZE,
    )


def write_labels(
    target: Path,
    items: Sequence[LabelItem],
    sheet: LabelLayout,
    *,
    start: int = 0,
    copies: int = 1,
    title: str = "",
    author: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: threading.Event | None = None,
) -> list[PlacedLabel]:
    """Write a label sheet PDF to ``target`` (through a temporary file, renamed when complete).

    Args:
        target: the PDF to write.
        items: one label each, ``copies`` times in a row.
        sheet: the label stock.
        start: first position to use on the first sheet, from 0 (labels before it are used up).
        copies: labels per item.
        title, author: PDF metadata.
        progress, cancelled: ``progress(done, total)`` per label; stop early when ``cancelled`` is set
            (the partial file is deleted and ``JobCancelled``-style ``InterruptedError`` raised).

    Returns:
        Where each label went, in printing order.
    """
    if not 0 <= start < sheet.per_sheet:
        raise DomainError("labels.bad_start", per_sheet=sheet.per_sheet)
    if not 1 <= copies <= MAX_COPIES:
        raise DomainError("labels.bad_copies", limit=MAX_COPIES)
    if not items:
        raise DomainError("labels.nothing_to_print")
    total = len(items) * copies
    if total > MAX_LABELS:
        raise DomainError("labels.too_many", count=total, limit=MAX_LABELS)
    for item in items:
        check_code(item.code)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    canvas = Canvas(str(temporary), pagesize=A4, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    placed: list[PlacedLabel] = []
    position = start
    page = 0
    try:
        for index in range(total):
            if cancelled is not None and cancelled.is_set():
                raise InterruptedError
            if position == sheet.per_sheet:
                canvas.showPage()
                page += 1
                position = 0
            item = items[index // copies]
            x, y = sheet.origin(position)
            _draw_label(canvas, item, x, y, sheet)
            placed.append(
                PlacedLabel(page, position, x, y, sheet.width * mm, sheet.height * mm, item.code)
            )
            position += 1
            if progress is not None and (index % 50 == 0 or index == total - 1):
                progress(index + 1, total)
        canvas.showPage()
        canvas.save()
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
    return placed
