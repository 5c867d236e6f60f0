"""Code 128 barcodes: python-barcode encodes, reportlab draws the bars as vector rectangles (no Pillow).

Vector bars stay sharp at any printer resolution. The quiet zone (10 modules each side by default) is
part of the drawn width, so a caller can place the symbol without guessing the margins.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import barcode
from barcode.errors import IllegalCharacterError
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from erpdesk.pdf.fonts import pdf_fonts

DEFAULT_MODULE_WIDTH = 0.85  # points (0.3 mm): reliable on office laser printers and phone scanners
QUIET_ZONE_MODULES = 10
_TEXT_GAP = 1.5


@lru_cache(maxsize=4096)
def code128_modules(value: str) -> str:
    """The symbol as a string of ``1`` (bar) and ``0`` (space) modules, start to stop pattern."""
    if not value:
        raise ValueError("a Code 128 barcode needs a value")
    try:
        return "".join(barcode.Code128(value).build())
    except IllegalCharacterError as exc:  # e.g. a Chinese character: Code 128 holds Latin-1 only
        raise ValueError(f"{value!r} cannot be encoded as Code 128: {exc}") from None


def _bar_runs(modules: str) -> list[tuple[int, int]]:
    """(first module, length) of each bar."""
    runs: list[tuple[int, int]] = []
    start = -1
    for index, module in enumerate(modules):
        if module == "1" and start < 0:
            start = index
        elif module == "0" and start >= 0:
            runs.append((start, index - start))
            start = -1
    if start >= 0:
        runs.append((start, len(modules) - start))
    return runs


def symbol_width(
    value: str, module_width: float, quiet_zone_modules: int = QUIET_ZONE_MODULES
) -> float:
    """Width in points of the symbol of ``value`` including both quiet zones."""
    return (len(code128_modules(value)) + 2 * quiet_zone_modules) * module_width


def text_height(font_size: float) -> float:
    return font_size + _TEXT_GAP


def draw_code128(
    canvas: Any,
    value: str,
    x: float,
    y: float,
    *,
    height: float,
    module_width: float = DEFAULT_MODULE_WIDTH,
    quiet_zone_modules: int = QUIET_ZONE_MODULES,
    human_readable: bool = True,
    font: str | None = None,
    font_size: float = 8.0,
) -> float:
    """Draw ``value`` with its lower-left corner (quiet zone included) at ``x, y``; return the width drawn.

    ``height`` is the bar height; the human-readable text, if any, goes below the bars (``y`` is the
    bottom of the text then).
    """
    modules = code128_modules(value)
    width = (len(modules) + 2 * quiet_zone_modules) * module_width
    bars_y = y + (text_height(font_size) if human_readable else 0)
    origin = x + quiet_zone_modules * module_width
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    for start, length in _bar_runs(modules):
        path.rect(origin + start * module_width, bars_y, length * module_width, height)
    canvas.drawPath(path, stroke=0, fill=1)
    if human_readable:
        canvas.setFont(font or pdf_fonts().regular, font_size)
        canvas.drawCentredString(x + width / 2, y + 1, value)
    canvas.restoreState()
    return width


class Code128Flowable(Flowable):  # type: ignore[misc]
    """A Code 128 symbol in a story or table cell; ``width`` (quiet zones included) sets the module width."""

    def __init__(
        self,
        value: str,
        *,
        width: float | None = None,
        height: float = 28.0,
        human_readable: bool = True,
        font_size: float = 8.0,
    ) -> None:
        super().__init__()
        self.value = value
        self.bar_height = height
        self.human_readable = human_readable
        self.font_size = font_size
        modules = len(code128_modules(value)) + 2 * QUIET_ZONE_MODULES
        self.module_width = width / modules if width else DEFAULT_MODULE_WIDTH
        self.symbol_width = modules * self.module_width
        self.width = self.symbol_width
        self.height = height + (text_height(font_size) if human_readable else 0)
        if human_readable:
            # The text must not be wider than the symbol, or it would overlap what stands beside it.
            self.width = max(self.width, stringWidth(value, pdf_fonts().regular, font_size))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_code128(
            self.canv,
            self.value,
            (self.width - self.symbol_width) / 2,
            0,
            height=self.bar_height,
            module_width=self.module_width,
            human_readable=self.human_readable,
            font_size=self.font_size,
        )
