"""Barcode label sheets for customer cards and products (issue 9): ``Services.labels``.

Reads codes and names in chunks (Core selects), keeps the caller's order, and hands them to
``erpdesk.pdf.labels``, which writes the PDF through a temporary file. Long runs report progress and
stop on cancel (the partial file is removed). Printing labels is reading: it needs VIEW_CUSTOMERS.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from erpdesk.db.models.customer import Customer
from erpdesk.db.models.product import Product
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Permission
from erpdesk.pdf import labels as pdf_labels
from erpdesk.services import customer_search
from erpdesk.services.area import AreaService
from erpdesk.services.customer_dto import CustomerFilter, CustomerSort

Progress = Callable[[int, int], None]
CHUNK = 500


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelLayoutView:
    """A label stock the dialog offers: key, shown name, labels per sheet, label size in mm."""

    key: str
    title: str
    per_sheet: int
    columns: int
    rows: int
    width_mm: float
    height_mm: float


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelSheetResult:
    """What was written: labels, pages, the file, and each label's (page, position) in order."""

    path: Path
    labels: int
    pages: int
    positions: tuple[tuple[int, int], ...] = ()


class LabelService(AreaService):
    """Label PDFs for one actor."""

    def layouts(self, lang: str = "zh_CN") -> tuple[LabelLayoutView, ...]:
        """The label stocks ``erpdesk.pdf.labels`` knows, in ``lang``."""
        return tuple(
            LabelLayoutView(
                key=sheet.key,
                title=render(sheet.msg_id, lang),
                per_sheet=sheet.per_sheet,
                columns=sheet.columns,
                rows=sheet.rows,
                width_mm=sheet.width,
                height_mm=sheet.height,
            )
            for sheet in pdf_labels.LAYOUTS.values()
        )

    def customer_labels(
        self,
        customer_ids: Sequence[int] | None = None,
        *,
        filter: CustomerFilter | None = None,
        layout: str = pdf_labels.DEFAULT_LAYOUT,
        target: Path,
        start: int = 0,
        copies: int = 1,
        lang: str = "zh_CN",
        progress: Progress | None = None,
        cancelled: threading.Event | None = None,
    ) -> LabelSheetResult:
        """One label per customer card (code barcode and name), for ``customer_ids`` in that order or
        for every customer ``filter`` lets through (by code).

        Args:
            customer_ids: the customers; ``None`` to use ``filter``.
            filter: the customer list's filter (category, region, salesperson, status …).
            layout: a key of ``erpdesk.pdf.labels.LAYOUTS``.
            target: the PDF to write.
            start: first free position on the first sheet, from 0.
            copies: labels per customer.
            lang: language of the PDF's title.
            progress, cancelled: for a background job.

        Raises:
            DomainError: ``labels.nothing_to_print``, ``labels.bad_start``, ``labels.code_not_printable``.
        """
        self.actor.require(Permission.VIEW_CUSTOMERS)
        sheet = pdf_labels.layout(layout)

        def work(u: UnitOfWork) -> list[pdf_labels.LabelItem]:
            conn = u.connection
            if customer_ids is None:
                flt = filter or CustomerFilter()
                wanted = list(
                    customer_search.search_ids(conn, "", flt, CustomerSort(), self.clock.today())
                )
            else:
                wanted = list(customer_ids)
            found: dict[int, pdf_labels.LabelItem] = {}
            for first in range(0, len(wanted), CHUNK):
                chunk = wanted[first : first + CHUNK]
                for row in conn.execute(
                    select(Customer.id, Customer.code, Customer.name).where(Customer.id.in_(chunk))
                ):
                    found[row.id] = pdf_labels.LabelItem(code=row.code, name=row.name)
            return [found[i] for i in wanted if i in found]

        items = self._read(work)
        return self._write_pdf(items, sheet, target, start, copies, lang, progress, cancelled)

    def product_labels(
        self,
        product_ids: Sequence[int],
        layout: str = pdf_labels.DEFAULT_LAYOUT,
        *,
        target: Path,
        copies: int = 1,
        start: int = 0,
        lang: str = "zh_CN",
        progress: Progress | None = None,
        cancelled: threading.Event | None = None,
    ) -> LabelSheetResult:
        """One label per product (``copies`` each): its code as a barcode (a scan counts one), name,
        spec and unit. Same errors as ``customer_labels``."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        sheet = pdf_labels.layout(layout)
        wanted = list(product_ids)

        def work(u: UnitOfWork) -> list[pdf_labels.LabelItem]:
            found: dict[int, pdf_labels.LabelItem] = {}
            for first in range(0, len(wanted), CHUNK):
                chunk = wanted[first : first + CHUNK]
                for row in u.connection.execute(
                    select(
                        Product.id, Product.code, Product.name, Product.spec, Product.unit
                    ).where(Product.id.in_(chunk))
                ):
                    detail = " ".join(part for part in (row.spec, row.unit) if part)
                    found[row.id] = pdf_labels.LabelItem(
                        code=row.code, name=row.name, detail=detail
                    )
            return [found[i] for i in wanted if i in found]

        items = self._read(work)
        return self._write_pdf(items, sheet, target, start, copies, lang, progress, cancelled)

    def _write_pdf(
        self,
        items: list[pdf_labels.LabelItem],
        sheet: pdf_labels.LabelLayout,
        target: Path,
        start: int,
        copies: int,
        lang: str,
        progress: Progress | None,
        cancelled: threading.Event | None,
    ) -> LabelSheetResult:
        if not items:
            raise DomainError("labels.nothing_to_print")
        placed = pdf_labels.write_labels(
            target,
            items,
            sheet,
            start=start,
            copies=copies,
            title=render("labels.title", lang),
            author=self.actor.username,
            progress=progress,
            cancelled=cancelled,
        )
        return LabelSheetResult(
            path=target,
            labels=len(placed),
            pages=(placed[-1].page + 1) if placed else 0,
            positions=tuple((label.page, label.position) for label in placed),
        )
