"""``ListExportService``: the GUI's other lists to .xlsx/.csv — orders, receipts, contacts, the
settlement follow-ups and the settlements awaiting approval (issue 5).

Each export lists exactly what the matching list shows for the same filter, in the same order, with
headers and words (order states, payment methods, yes/no) in the user's language. Cells are typed by
``xlsx.writer``: money is a number with two decimals, dates are dates, text can never run as a formula;
the header is frozen and the widths fitted, and the file appears only when complete (a cancel or an
error leaves none). Contacts carry the contact import's headers, so an exported file imports again.
Every export needs the EXPORT permission on top of the list's own; like the customer export, exports
are not written to the audit trail (they change nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from erpdesk.domain.messages import catalogue, render
from erpdesk.domain.orders import OrderStatus
from erpdesk.domain.permissions import Permission
from erpdesk.domain.settlements import FollowUpKind
from erpdesk.services.area import AreaService
from erpdesk.services.customer_dto import CustomerFilter, CustomerSort, StatusFilter
from erpdesk.services.customers import CustomerService
from erpdesk.services.import_dto import ExportResult
from erpdesk.services.list_export_rows import ReceiptLine, contacts_of, receipt_page
from erpdesk.services.order_dto import OrderFilter
from erpdesk.services.orders import OrderService
from erpdesk.services.settlements import SettlementService
from erpdesk.xlsx import writer
from erpdesk.xlsx.columns import header_text
from erpdesk.xlsx.writer import DATE, MONEY, TEXT, ExportCancelled

__all__ = ["ORDER_COLUMNS", "ExportCancelled", "ListExportService"]

CHUNK = 2000
Progress = Callable[[int], None]
Cancelled = Callable[[], bool]

ORDER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", TEXT),
    ("order_date", DATE),
    ("customer_code", TEXT),
    ("customer_name", TEXT),
    ("status", TEXT),
    ("total", MONEY),
    ("delivered", MONEY),
    ("delivery_date", DATE),
    ("salesperson", TEXT),
)
RECEIPT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", TEXT),
    ("receipt_date", DATE),
    ("customer_code", TEXT),
    ("customer_name", TEXT),
    ("amount", MONEY),
    ("method", TEXT),
    ("reference", TEXT),
    ("allocated", MONEY),
    ("advance", MONEY),
    ("reversed", TEXT),
    ("reverses", TEXT),
    ("settlement", TEXT),
    ("voucher", TEXT),
    ("state", TEXT),
    ("notes", TEXT),
)
FOLLOW_UP_COLUMNS: tuple[tuple[str, str], ...] = (
    ("kind", TEXT),
    ("customer_code", TEXT),
    ("customer_name", TEXT),
    ("document", TEXT),
    ("amount", MONEY),
    ("who", TEXT),
    ("since", DATE),
    ("next_action_on", DATE),
    ("note", TEXT),
)
APPROVAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", TEXT),
    ("voucher", TEXT),
    ("receipt_date", DATE),
    ("customer_code", TEXT),
    ("customer_name", TEXT),
    ("amount", MONEY),
    ("allocated", MONEY),
    ("advance", MONEY),
    ("method", TEXT),
    ("kind", TEXT),
    ("reasons", TEXT),
    ("submitted_by", TEXT),
    ("submitted_on", DATE),
)
# The contact import's fields, with the customer's name after its code (the importer ignores it).
CONTACT_COLUMNS: tuple[str, ...] = (
    "customer_code",
    "customer_name",
    "name",
    "title",
    "phone",
    "mobile",
    "email",
    "im",
    "is_default",
    "notes",
)
_ALL_CUSTOMERS = CustomerFilter(status=StatusFilter.ALL)


def _columns(area: str, spec: Sequence[tuple[str, str]], lang: str) -> list[writer.ExportColumn]:
    return [
        writer.ExportColumn(header=render(f"list_export.col.{area}.{key}", lang), kind=kind)
        for key, kind in spec
    ]


def _word(msg_id: str, lang: str, fallback: str) -> str:
    """The text of ``msg_id``, or ``fallback`` (the stored value) when there is no such message."""
    return render(msg_id, lang) if msg_id in catalogue() else fallback


def _chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled


class ListExportService(AreaService):
    """List exports for one actor: EXPORT plus the right to see the list (VIEW_CUSTOMERS)."""

    def _allowed(self) -> None:
        self.actor.require(Permission.EXPORT)
        self.actor.require(Permission.VIEW_CUSTOMERS)

    def _file(
        self,
        out: Path,
        sheet: str,
        columns: Sequence[writer.ExportColumn],
        rows: Iterator[Sequence[Any]],
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> ExportResult:
        stats = writer.write_table(
            Path(out), sheet, columns, rows, progress=progress, cancelled=cancelled
        )
        return ExportResult(path=str(out), rows=stats.rows)

    # ------------------------------------------------------------------ orders

    def orders(
        self,
        out: Path,
        *,
        filter: OrderFilter = OrderFilter(),  # noqa: B008
        columns: Sequence[str] | None = None,
        lang: str = "zh_CN",
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ExportResult:
        """Write the orders the order list shows for ``filter`` (newest first) to ``out``.

        Args:
            out: the target; ``.csv`` by suffix, else ``.xlsx``.
            filter: the order list's filter (status, dates, customer, number prefix).
            columns: keys of ``ORDER_COLUMNS`` to write, in this order; None = all of them.
            lang: language of the headers and the order states.
            progress: called with the rows written so far.
            cancelled: polled between chunks; True stops the export and leaves no file.

        Raises:
            ExportCancelled: ``cancelled()`` turned True.
            DomainError: ``xlsx.cannot_write``; ``PermissionDenied`` without EXPORT.
        """
        self._allowed()
        orders = OrderService(self.database, self.actor, self.clock)
        ids = orders.search_ids(filter)
        kinds = dict(ORDER_COLUMNS)
        keys = [k for k in (columns or kinds) if k in kinds]
        states = {s: render(f"list_export.order_status.{s.value}", lang) for s in OrderStatus}

        def rows() -> Iterator[Sequence[Any]]:
            for chunk in _chunks(ids):
                _check(cancelled)
                found = orders.rows(chunk)
                for order_id in chunk:
                    row = found.get(order_id)
                    if row is None:  # deleted since the search
                        continue
                    cells = {
                        "number": row.number,
                        "order_date": row.order_date,
                        "customer_code": row.customer_code,
                        "customer_name": row.customer_name,
                        "status": states[row.status],
                        "total": row.total,
                        "delivered": row.delivered,
                        "delivery_date": row.delivery_date,
                        "salesperson": row.salesperson,
                    }
                    yield [cells[k] for k in keys]

        spec = [(k, kinds[k]) for k in keys]
        return self._file(
            out,
            render("list_export.sheet.orders", lang),
            _columns("orders", spec, lang),
            rows(),
            progress,
            cancelled,
        )

    # ------------------------------------------------------------------ receipts

    def receipts(
        self,
        out: Path,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        customer_id: int | None = None,
        lang: str = "zh_CN",
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ExportResult:
        """Write every receipt (收款单) dated ``date_from``..``date_to`` to ``out``, oldest first.

        Each row has the amount, method, what is allocated and what is left as an advance, whether it
        was reversed (a reversal is a receipt of its own, naming the one it reverses), and the
        settlement and voucher it belongs to. Both dates are included; None leaves that side open.

        Raises:
            ExportCancelled: ``cancelled()`` turned True (no file is left).
            DomainError: ``xlsx.cannot_write``; ``PermissionDenied`` without EXPORT.
        """
        self._allowed()
        yes, no = render("list_export.yes", lang), render("list_export.no", lang)
        states = {
            key: render(f"list_export.receipt_state.{key}", lang)
            for key in ("posted", "reversed", "reversal")
        }

        def cells(line: ReceiptLine) -> list[Any]:
            state = "reversal" if line.reverses else "reversed" if line.reversed else "posted"
            return [
                line.number,
                line.receipt_date,
                line.customer_code,
                line.customer_name,
                line.amount,
                _word(f"notice.method.{line.method}", lang, line.method),
                line.reference,
                line.allocated,
                line.advance,
                yes if line.reversed else no,
                line.reverses,
                line.settlement,
                line.voucher,
                states[state],
                line.notes,
            ]

        def read(after: tuple[date, int] | None) -> list[ReceiptLine]:
            return self._read(
                lambda u: receipt_page(
                    u.connection,
                    after=after,
                    date_from=date_from,
                    date_to=date_to,
                    customer_id=customer_id,
                    limit=CHUNK,
                )
            )

        def rows() -> Iterator[Sequence[Any]]:
            after: tuple[date, int] | None = None
            while True:
                _check(cancelled)
                page = read(after)
                for line in page:
                    yield cells(line)
                if len(page) < CHUNK:
                    return
                after = (page[-1].receipt_date, page[-1].id)

        return self._file(
            out,
            render("list_export.sheet.receipts", lang),
            _columns("receipts", RECEIPT_COLUMNS, lang),
            rows(),
            progress,
            cancelled,
        )

    # ------------------------------------------------------------------ contacts

    def contacts(
        self,
        out: Path,
        *,
        query: str = "",
        filter: CustomerFilter = _ALL_CUSTOMERS,
        sort: CustomerSort | None = None,
        lang: str = "zh_CN",
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ExportResult:
        """Write the contacts of the customers the customer list shows for ``query``/``filter``/
        ``sort`` to ``out``: customers in list order, each one's primary contact first.

        The headers are the contact import's (plus the customer name, which it ignores), so the
        file imports again (``erpdesk import contacts``, upsert: every row unchanged).

        Raises:
            ExportCancelled: ``cancelled()`` turned True (no file is left).
            DomainError: ``xlsx.cannot_write``; ``PermissionDenied`` without EXPORT.
        """
        self._allowed()
        search = CustomerService(self.database, self.actor, self.clock)
        ids = search.search_ids(query, filter, sort or CustomerSort())
        yes, no = render("list_export.yes", lang), render("list_export.no", lang)
        columns = [
            writer.ExportColumn(
                header=(
                    render("list_export.col.contacts.customer_name", lang)
                    if field == "customer_name"
                    else header_text("contacts", field, lang)
                ),
                kind=TEXT,
            )
            for field in CONTACT_COLUMNS
        ]

        def read(chunk: list[int]) -> list[tuple[str, str, tuple[object, ...]]]:
            return self._read(lambda u: contacts_of(u.connection, chunk))

        def rows() -> Iterator[Sequence[Any]]:
            for chunk in _chunks(ids):
                _check(cancelled)
                for code, name, fields in read(chunk):
                    contact, position, phone, mobile, email, im, primary, notes = fields
                    yield [
                        code,
                        name,
                        contact,
                        position,
                        phone,
                        mobile,
                        email,
                        im,
                        yes if primary else no,
                        notes,
                    ]

        return self._file(
            out, render("list_export.sheet.contacts", lang), columns, rows(), progress, cancelled
        )

    # ------------------------------------------------------------------ settlement lists

    def follow_ups(
        self,
        out: Path,
        *,
        kinds: frozenset[FollowUpKind] | None = None,
        lang: str = "zh_CN",
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ExportResult:
        """Write the settlement dock's follow-up list (of ``kinds``; None = everything) to ``out``,
        most urgent first, as the Follow-ups tab shows it.

        Raises:
            ExportCancelled: ``cancelled()`` turned True (no file is left).
            DomainError: ``xlsx.cannot_write``; ``PermissionDenied`` without EXPORT.
        """
        self._allowed()
        found = SettlementService(self.database, self.actor, self.clock).follow_ups(kinds=kinds)
        rows = (
            [
                render(f"settlements.followup.{r.kind.value}", lang),
                r.customer_code,
                r.customer_name,
                r.document,
                r.amount,
                r.who,
                r.since,
                r.next_action_on,
                r.note,
            ]
            for r in found
        )
        return self._file(
            out,
            render("list_export.sheet.follow_ups", lang),
            _columns("follow_ups", FOLLOW_UP_COLUMNS, lang),
            rows,
            progress,
            cancelled,
        )

    def approvals(
        self,
        out: Path,
        *,
        lang: str = "zh_CN",
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ExportResult:
        """Write the settlements awaiting approval (oldest first, as the Approvals tab lists them).

        Raises:
            ExportCancelled: ``cancelled()`` turned True (no file is left).
            DomainError: ``xlsx.cannot_write``; ``PermissionDenied`` without EXPORT.
        """
        self._allowed()
        pending = SettlementService(self.database, self.actor, self.clock).pending_approvals()
        tz = self.clock.tz
        rows = (
            [
                s.number,
                s.voucher_number or "",
                s.receipt_date,
                s.customer_code,
                s.customer_name,
                s.amount,
                s.allocated,
                s.advance,
                _word(f"notice.method.{s.method}", lang, s.method),
                render(f"settlements.kind.{s.kind.value}", lang),
                "; ".join(_word(reason, lang, reason) for reason in s.approval_reasons),
                s.submitted_by,
                s.submitted_at.astimezone(tz).date(),
            ]
            for s in pending
        )
        return self._file(
            out,
            render("list_export.sheet.approvals", lang),
            _columns("approvals", APPROVAL_COLUMNS, lang),
            rows,
            progress,
            cancelled,
        )
