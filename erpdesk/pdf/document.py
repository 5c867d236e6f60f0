"""A4 documents with a "page X of N" footer, counted per document or per group of pages.

A batch of statements in one file numbers each statement's pages on their own ("Page 2 of 3" of that
customer): put :class:`PageGroup` at the start of each statement. :class:`Deferred` builds a part of the
story only when layout reaches it, so a batch reads and lays out one customer at a time (memory stays
flat, progress is real, and a cancel raised from the callback stops the build). The canvas keeps each page's drawing
until the end, then stamps the footers once the group sizes are known (reportlab's usual two-phase
canvas; the pages are not laid out twice).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer

from erpdesk.domain.messages import render
from erpdesk.pdf.fonts import pdf_fonts

DEFAULT_MARGINS_MM = (
    15.0,
    15.0,
    15.0,
    18.0,
)  # left, right, top, bottom (the footer sits in the bottom one)
FOOTER_SIZE = 7.5


class PageGroup(Flowable):  # type: ignore[misc]
    """Zero-size marker: the page it lands on starts a new page-numbering group with its own footer text."""

    def __init__(self, footer_left: str | None = None) -> None:
        super().__init__()
        self.footer_left = footer_left
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        start = getattr(self.canv, "start_page_group", None)
        if start is not None:
            start(self.footer_left)


class Deferred(Flowable):  # type: ignore[misc]
    """Placeholder replaced by ``produce()``'s flowables when layout reaches it (see ``_Document``)."""

    def __init__(self, produce: Callable[[], list[Any]]) -> None:
        super().__init__()
        self.produce = produce
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:  # never drawn: expanded before
        return None


class _Document(SimpleDocTemplate):  # type: ignore[misc]
    def filterFlowables(self, flowables: list[Any]) -> None:
        while flowables and isinstance(flowables[0], Deferred):
            produced = flowables[0].produce()
            flowables[0:1] = produced or [Spacer(0, 0)]


def a4_document(
    target: Path | BinaryIO,
    *,
    title: str,
    author: str,
    margins_mm: Sequence[float] = DEFAULT_MARGINS_MM,
    subject: str = "",
) -> SimpleDocTemplate:
    """An A4 portrait document writing to ``target`` (a path or a binary stream)."""
    left, right, top, bottom = margins_mm
    return _Document(
        str(target) if isinstance(target, Path) else target,
        pagesize=A4,
        leftMargin=left * mm,
        rightMargin=right * mm,
        topMargin=top * mm,
        bottomMargin=bottom * mm,
        title=title,
        author=author,
        subject=subject,
        creator="ERPDesk",
    )


def page_x_of_n_canvas(lang: str, footer_left: str = "") -> type[Canvas]:
    """A canvas class stamping "第 X 页 / 共 N 页" (or "Page X of N") and ``footer_left`` on every page."""

    class PageXOfNCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._group_of_page: list[int] = []
            self._groups: list[list[Any]] = [[0, footer_left]]  # [first page index, footer text]
            self._current_group = 0

        def start_page_group(self, text: str | None) -> None:
            index = len(self._pages)
            if (
                self._groups[-1][0] == index
            ):  # nothing drawn in the current group yet: it is this one
                self._groups[-1][1] = footer_left if text is None else text
            else:
                self._groups.append([index, footer_left if text is None else text])
            self._current_group = len(self._groups) - 1

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._group_of_page.append(self._current_group)
            self._startPage()

        def save(self) -> None:
            sizes: dict[int, int] = {}
            for group in self._group_of_page:
                sizes[group] = sizes.get(group, 0) + 1
            for index, state in enumerate(self._pages):
                group = self._group_of_page[index]
                self.__dict__.update(state)
                first, text = self._groups[group]
                self._draw_footer(index - first + 1, sizes[group], text)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_footer(self, number: int, count: int, text: str) -> None:
            width = self._pagesize[0]
            y = 8 * mm
            self.saveState()
            self.setFont(pdf_fonts().regular, FOOTER_SIZE)
            self.setFillGray(0.3)
            self.drawRightString(
                width - 15 * mm, y, render("pdf.page_x_of_n", lang, page=number, pages=count)
            )
            if text:
                self.drawString(15 * mm, y, text)
            self.restoreState()

    return PageXOfNCanvas


def build(doc: SimpleDocTemplate, story: list[Any], *, lang: str, footer_left: str = "") -> int:
    """Lay out ``story`` into ``doc`` with page X of N footers; return the number of pages written."""
    doc.build(story, canvasmaker=page_x_of_n_canvas(lang, footer_left))
    return int(doc.page)
