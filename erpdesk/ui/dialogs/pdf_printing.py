"""Printing finished PDFs through Qt: every page rendered to pixels by ``services.pdf_pages`` (the UI
renders no PDF itself) and painted onto a ``QPrinter`` page, scaled to the paper. Used by the batch
statements dialog after the system print dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from erpdesk.ui import jobs

PRINT_DPI = 300


def print_files(
    files: Sequence[Path],
    printer: Any,
    *,
    dpi: int = PRINT_DPI,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Paint every page of ``files`` onto ``printer`` (a ``QPrinter``), one paper page each, scaled
    to the paper keeping the proportions; returns the number of pages printed.

    Safe in a worker thread (Qt allows a ``QPainter`` on a ``QPrinter`` there). A cancel aborts the
    print run, so the printer gets nothing rather than half a batch.

    Raises:
        JobCancelled: ``cancelled()`` turned True.
        DomainError: ``reports.print_failed`` when the printer refuses to start or take a page.
    """
    from PySide6.QtPrintSupport import QPrinter

    from erpdesk.domain.errors import DomainError
    from erpdesk.services.pdf_pages import render_pages

    def refused() -> DomainError:
        name = printer.printerName() or printer.outputFileName()
        return DomainError("reports.print_failed", printer=name)

    printer.setFullPage(True)
    painter = QPainter()
    pages = 0
    try:
        for image in render_pages(files, dpi=min(dpi, max(printer.resolution(), 72))):
            if cancelled is not None and cancelled():
                printer.abort()
                raise jobs.JobCancelled
            if pages == 0:
                if not painter.begin(printer):
                    raise refused()
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            elif not printer.newPage():
                raise refused()
            picture = QImage(
                image.pixels, image.width, image.height, image.stride, QImage.Format.Format_RGBX8888
            )
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            scale = min(paper.width() / image.width, paper.height() / image.height)
            width, height = image.width * scale, image.height * scale
            target = QRectF(
                (paper.width() - width) / 2, (paper.height() - height) / 2, width, height
            )
            painter.drawImage(target, picture)
            pages += 1
            if progress is not None:
                progress(pages)
    finally:
        if painter.isActive():
            painter.end()
    return pages
