"""PDF pages as plain pixel buffers (pypdfium2), for printing a statement batch through Qt (issue 8).

The GUI may not render PDFs itself; it asks for ``PageImage`` buffers here and wraps them in a
``QImage`` (``Format_RGBX8888``: 4 bytes per pixel, red first, the fourth byte unused). Pages are
rendered one at a time and released at once, so a batch of hundreds of pages never sits in memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from erpdesk.domain.errors import DomainError

PRINT_DPI = 300


@dataclass(frozen=True, slots=True)
class PageImage:
    """One rendered page: ``pixels`` are ``height`` rows of ``stride`` bytes, RGBX per pixel."""

    width: int
    height: int
    stride: int
    pixels: bytes
    width_pt: float
    height_pt: float


def page_count(paths: Sequence[Path]) -> int:
    """Total pages of the PDFs ``paths``."""
    import pypdfium2 as pdfium

    total = 0
    for path in paths:
        document = _open(pdfium, path)
        try:
            total += len(document)
        finally:
            document.close()
    return total


def render_pages(paths: Sequence[Path], dpi: int = PRINT_DPI) -> Iterator[PageImage]:
    """Every page of ``paths`` in order, rendered at ``dpi`` on white."""
    import pypdfium2 as pdfium

    for path in paths:
        document = _open(pdfium, path)
        try:
            for index in range(len(document)):
                page = document[index]
                try:
                    width_pt, height_pt = page.get_size()
                    bitmap = page.render(
                        scale=dpi / 72,
                        fill_color=(255, 255, 255, 255),
                        rev_byteorder=True,
                        prefer_bgrx=True,
                        optimize_mode="print",
                    )
                    try:
                        yield PageImage(
                            width=bitmap.width,
                            height=bitmap.height,
                            stride=bitmap.stride,
                            pixels=bytes(bitmap.buffer),
                            width_pt=width_pt,
                            height_pt=height_pt,
                        )
                    finally:
                        bitmap.close()
                finally:
                    page.close()
        finally:
            document.close()


def _open(pdfium: Any, path: Path) -> Any:
    try:
        return pdfium.PdfDocument(str(path))
    except Exception as exc:  # pypdfium2 raises PdfiumError on a damaged or missing file
        raise DomainError("reports.pdf_unreadable", path=str(path), reason=str(exc)) from None
