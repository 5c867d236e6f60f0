"""Read PDFs back the way a user sees them: text with pypdf, pages rendered with pypdfium2, barcodes decoded
with zxing-cpp from the rendered pixels (never from our own drawing data)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import zxingcpp
from PIL import Image
from pypdf import PdfReader

PdfSource = Path | str | bytes


def _stream(source: PdfSource) -> io.BytesIO:
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    return io.BytesIO(data)


def pdf_pages(source: PdfSource) -> int:
    return len(PdfReader(_stream(source)).pages)


def pdf_page_texts(source: PdfSource) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() or "" for page in PdfReader(_stream(source)).pages]


def pdf_text(source: PdfSource) -> str:
    """pypdf's extracted text of all pages, joined by newlines."""
    return "\n".join(pdf_page_texts(source))


def render_page_png(source: PdfSource, page: int = 0, *, scale: float = 3.0) -> Image.Image:
    """Page ``page`` rendered by PDFium at ``scale`` × 72 dpi, as a PIL image (RGB)."""
    document = pypdfium2.PdfDocument(_stream(source).getvalue())
    try:
        bitmap = document[page].render(scale=scale)
        return bitmap.to_pil().convert("RGB")
    finally:
        document.close()


def decode_barcodes(image: Image.Image) -> list[str]:
    """The texts of every Code 128 symbol zxing-cpp finds in ``image``."""
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)
    return [barcode.text for barcode in found]
