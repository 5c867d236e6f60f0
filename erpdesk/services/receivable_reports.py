"""``ReceivableReportService``: the aging report with the user's buckets and the receivables summary
per customer (issue 8), on screen and to Excel.

Both reports come from one SQL statement over every customer (no per-customer queries): open items and
receipts are summed per customer in two grouped subqueries joined to the customer and its salesperson.
The figures are "as of" a date: items and receipts dated later are left out, and allocations (核销)
not yet in effect then (dated later, or joining a receipt or an item dated later) are added back to
the items and receipts they came from, so a month-end aging run a few days later shows the month end. On today's date every balance equals ``ReceivableService.balance``.

Bucket bounds are days past due, ``(0, 30, 60, 90)`` = not yet due, 1–30, 31–60, 61–90, over 90. An
item ``d`` days past due lands in the first bucket whose bound is ≥ ``d``; in SQL that is a due-date
cut-off ``as_of − bound`` per bucket, so the database compares dates only (same on SQLite and PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    RowMapping,
    and_,
    case,
    func,
    or_,
    select,
    type_coerce,
    union,
)

from erpdesk.db.models.customer import Customer
from erpdesk.db.models.order import ReceivableItem
from erpdesk.db.models.receivable import Receipt, ReceiptAllocation
from erpdesk.db.models.user import UserAccount
from erpdesk.db.types import money_of_sum
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import receivables as rules
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Permission
from erpdesk.services.area import AreaService
from erpdesk.services.errors import ValidationError
from erpdesk.services.receivable_report_dto import (
    ZERO,
    AgingLine,
    AgingTable,
    ReportExported,
    SummaryLine,
    SummaryTable,
)
from erpdesk.xlsx.writer import ExportCancelled

__all__ = [
    "DEFAULT_BUCKETS",
    "ExportCancelled",
    "ReceivableReportService",
    "bucket_labels",
    "check_buckets",
    "parse_buckets",
]

DEFAULT_BUCKETS: tuple[int, ...] = rules.DEFAULT_BUCKETS
MAX_BOUNDS = 12
MAX_DAYS = 36_500


# ---------------------------------------------------------------------- buckets


def parse_buckets(text: str) -> tuple[int, ...]:
    """``"30,60,90"`` → ``(0, 30, 60, 90)``; the "not yet due" bound 0 is added when missing.

    Raises:
        ValidationError: on field ``buckets`` when the text is not increasing whole days (or too many).
    """
    try:
        bounds = rules.parse_buckets(text)
    except DomainError:
        raise ValidationError(
            {"buckets": ("reports.bad_buckets", {"text": text.strip()})}
        ) from None
    return check_buckets(bounds, text)


def check_buckets(bounds: Sequence[int], text: str | None = None) -> tuple[int, ...]:
    """``bounds`` as a tuple when they are increasing days within reason, else ``ValidationError``."""
    shown = text.strip() if text is not None else ",".join(str(b) for b in bounds)
    bounds = tuple(bounds)
    try:
        rules.check_bounds(bounds)
    except DomainError:
        raise ValidationError({"buckets": ("reports.bad_buckets", {"text": shown})}) from None
    if bounds[-1] > MAX_DAYS:
        raise ValidationError({"buckets": ("reports.bad_buckets", {"text": shown})})
    if len(bounds) > MAX_BOUNDS:
        raise ValidationError(
            {
                "buckets": (
                    "reports.too_many_buckets",
                    {"text": shown, "count": len(bounds), "limit": MAX_BOUNDS},
                )
            }
        )
    return bounds


def bucket_labels(bounds: Sequence[int], lang: str) -> tuple[str, ...]:
    """Column titles of the ``len(bounds) + 1`` buckets: "Not yet due", "1–30 days", …, "Over 90 days"."""
    labels: list[str] = []
    low = 0
    for index, bound in enumerate(bounds):
        if index == 0 and bound == 0:
            labels.append(render("reports.bucket.not_due", lang))
        elif index == 0:
            labels.append(render("reports.bucket.up_to", lang, high=bound))
        else:
            labels.append(render("reports.bucket.range", lang, low=low, high=bound))
        low = bound + 1
    labels.append(render("reports.bucket.over", lang, days=bounds[-1]))
    return tuple(labels)


# ---------------------------------------------------------------------- the query


def _raw(column: Any) -> ColumnElement[int]:
    """A money column as its stored fen, so sums and differences stay exact integers in SQL."""
    return type_coerce(column, BigInteger)


def _report_statement(as_of: date, bounds: Sequence[int]) -> Any:
    """Per customer with anything open or advanced on ``as_of``: code, name, salesperson, each bucket,
    open items, overdue, oldest due date of what is owed, advances and the last real receipt date."""
    item_table, receipt_table = ReceivableItem.__table__, Receipt.__table__
    item, receipt = item_table.c, receipt_table.c
    allocation = ReceiptAllocation.__table__.c

    # Allocations not yet in effect on the date gave money to items and took it from receipts: undo
    # them. One is in effect from the latest of its own day, its receipt's and its item's (a receipt
    # dated before the delivery it settles is an advance until the delivery), as in the statements.
    late = (
        select(
            allocation.receivable_item_id.label("item_id"),
            allocation.receipt_id.label("receipt_id"),
            _raw(allocation.amount).label("amount"),
        )
        .select_from(
            ReceiptAllocation.__table__.join(
                receipt_table, receipt.id == allocation.receipt_id
            ).join(item_table, item.id == allocation.receivable_item_id)
        )
        .where(
            or_(
                allocation.allocated_on > as_of,
                receipt.receipt_date > as_of,
                item.doc_date > as_of,
            )
        )
        .subquery("late")
    )
    later_on_item = (
        select(late.c.item_id, func.sum(late.c.amount, type_=BigInteger).label("later"))
        .group_by(late.c.item_id)
        .subquery()
    )
    open_then = _raw(item.open_amount) + func.coalesce(later_on_item.c.later, 0)
    items = (
        select(
            item.customer_id.label("customer_id"),
            item.due_date.label("due"),
            open_then.label("open"),
        )
        .select_from(item_table.outerjoin(later_on_item, later_on_item.c.item_id == item.id))
        .where(item.doc_date <= as_of)
        .subquery()
    )
    cutoffs = [as_of - timedelta(days=b) for b in bounds]
    conditions = [items.c.due >= cutoffs[0]]
    conditions += [
        and_(items.c.due < cutoffs[i - 1], items.c.due >= cutoffs[i])
        for i in range(1, len(cutoffs))
    ]
    conditions.append(items.c.due < cutoffs[-1])
    per_item = (
        select(
            items.c.customer_id,
            *(
                func.sum(case((cond, items.c.open), else_=0), type_=BigInteger).label(f"b{i}")
                for i, cond in enumerate(conditions)
            ),
            func.sum(items.c.open, type_=BigInteger).label("open_items"),
            func.sum(case((items.c.due < as_of, items.c.open), else_=0), type_=BigInteger).label(
                "overdue"
            ),
            func.min(case((items.c.open > 0, items.c.due), else_=None)).label("oldest_due"),
        )
        .where(items.c.open != 0)
        .group_by(items.c.customer_id)
        .cte("per_item")
    )

    later_on_receipt = (
        select(late.c.receipt_id, func.sum(late.c.amount, type_=BigInteger).label("later"))
        .group_by(late.c.receipt_id)
        .subquery()
    )
    reversal_table = receipt_table.alias("reversal")
    reversal = reversal_table.c
    # A reversal (红冲) is no receipt, nor is a receipt it reversed by the date.
    real_receipt = and_(receipt.reverses_id.is_(None), reversal.id.is_(None))
    per_receipt = (
        select(
            receipt.customer_id,
            func.sum(
                _raw(receipt.unallocated) + func.coalesce(later_on_receipt.c.later, 0),
                type_=BigInteger,
            ).label("advances"),
            func.max(case((real_receipt, receipt.receipt_date), else_=None)).label("last_receipt"),
        )
        .select_from(
            receipt_table.outerjoin(
                later_on_receipt, later_on_receipt.c.receipt_id == receipt.id
            ).outerjoin(
                reversal_table,
                and_(reversal.reverses_id == receipt.id, reversal.receipt_date <= as_of),
            )
        )
        .where(receipt.receipt_date <= as_of)
        .group_by(receipt.customer_id)
        .cte("per_receipt")
    )

    customer_table, user_table = Customer.__table__, UserAccount.__table__
    customer, user = customer_table.c, user_table.c
    salesperson = func.coalesce(func.nullif(user.display_name, ""), user.username, "")
    # Start from the customers with something open (not from the whole archive of customers), then
    # fetch each one's row by primary key.
    owing = union(
        select(per_item.c.customer_id).where(per_item.c.open_items != 0),
        select(per_receipt.c.customer_id).where(per_receipt.c.advances != 0),
    ).subquery("owing")
    return (
        select(
            customer.id,
            customer.code,
            customer.name,
            salesperson.label("salesperson"),
            *(per_item.c[f"b{i}"] for i in range(len(conditions))),
            per_item.c.open_items,
            per_item.c.overdue,
            per_item.c.oldest_due,
            per_receipt.c.advances,
            per_receipt.c.last_receipt,
        )
        .select_from(
            owing.join(customer_table, customer.id == owing.c.customer_id)
            .outerjoin(per_item, per_item.c.customer_id == owing.c.customer_id)
            .outerjoin(per_receipt, per_receipt.c.customer_id == owing.c.customer_id)
            .outerjoin(user_table, user.id == customer.salesperson_id)
        )
        .order_by(customer.code, customer.id)
    )


# ---------------------------------------------------------------------- service


class ReceivableReportService(AreaService):
    """Aging and summary reports for one actor (VIEW_CUSTOMERS; exporting needs EXPORT too)."""

    def default_buckets(self) -> tuple[int, ...]:
        """The company's aging buckets (company profile), else ``(0, 30, 60, 90)``."""
        from erpdesk.services import auth_store

        profile = self._read(auth_store.read_company)
        if profile is None:
            return DEFAULT_BUCKETS
        try:
            return check_buckets(profile.aging_buckets)
        except ValidationError:  # the profile allows more bounds than a report has columns for
            return DEFAULT_BUCKETS

    def aging(self, as_of: date | None = None, buckets: Sequence[int] | None = None) -> AgingTable:
        """Open items per customer in ``buckets`` (None: the company's) on ``as_of`` (None: today)."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        bounds = check_buckets(buckets) if buckets is not None else self.default_buckets()
        day = as_of or self.clock.today()
        width = len(bounds) + 1

        def work(u: UnitOfWork) -> AgingTable:
            lines = []
            result = u.session.execute(_report_statement(day, bounds))
            first = list(result.keys()).index("b0")
            for row in result:
                amounts = tuple(money_of_sum(raw) for raw in row[first : first + width])
                lines.append(AgingLine(**_position(row._mapping), buckets=amounts))
            return AgingTable(
                as_of=day,
                bounds=bounds,
                lines=tuple(lines),
                buckets=tuple(sum((line.buckets[i] for line in lines), ZERO) for i in range(width)),
                **_position_totals(lines),
            )

        return self._read(work)

    def summary(self, as_of: date | None = None) -> SummaryTable:
        """Per customer: open items, advances, balance, overdue, oldest due date, last receipt."""
        self.actor.require(Permission.VIEW_CUSTOMERS)
        day = as_of or self.clock.today()
        bounds = (0,)

        def work(u: UnitOfWork) -> SummaryTable:
            lines = []
            for row in u.session.execute(_report_statement(day, bounds)):
                got = row._mapping
                lines.append(
                    SummaryLine(
                        **_position(got),
                        overdue=money_of_sum(got["overdue"]),
                        oldest_due=_as_date(got["oldest_due"]),
                        last_receipt=_as_date(got["last_receipt"]),
                    )
                )
            return SummaryTable(
                as_of=day,
                lines=tuple(lines),
                **_position_totals(lines),
                overdue=sum((line.overdue for line in lines), ZERO),
            )

        return self._read(work)

    # ------------------------------------------------------------------ Excel

    def export_aging(
        self,
        out: Path,
        *,
        as_of: date | None = None,
        buckets: Sequence[int] | None = None,
        lang: str = "zh_CN",
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ReportExported:
        """The aging report (customer rows, then a total row) to ``out`` (.xlsx, or .csv by suffix).

        Raises:
            ExportCancelled: ``cancelled()`` turned True (no file is left).
            DomainError: ``xlsx.cannot_write``; ``PermissionDenied`` without EXPORT.
        """
        self.actor.require(Permission.EXPORT)
        table = self.aging(as_of, buckets)
        from erpdesk.services.receivable_report_xlsx import write_aging

        write_aging(Path(out), table, lang, progress=progress, cancelled=cancelled)
        return ReportExported(path=str(out), rows=len(table.lines), as_of=table.as_of)

    def export_summary(
        self,
        out: Path,
        *,
        as_of: date | None = None,
        lang: str = "zh_CN",
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ReportExported:
        """The receivables summary (customer rows, then a total row) to ``out``; as ``export_aging``."""
        self.actor.require(Permission.EXPORT)
        table = self.summary(as_of)
        from erpdesk.services.receivable_report_xlsx import write_summary

        write_summary(Path(out), table, lang, progress=progress, cancelled=cancelled)
        return ReportExported(path=str(out), rows=len(table.lines), as_of=table.as_of)


def _position(got: RowMapping) -> dict[str, Any]:
    """The fields every report line has: the customer, its open items, advances and balance."""
    open_items = money_of_sum(got["open_items"])
    advances = money_of_sum(got["advances"])
    return {
        "customer_id": got["id"],
        "code": got["code"],
        "name": got["name"],
        "salesperson": got["salesperson"] or "",
        "open_items": open_items,
        "advances": advances,
        "balance": open_items - advances,
    }


def _position_totals(lines: Sequence[AgingLine | SummaryLine]) -> dict[str, Decimal]:
    """The column totals of the ``_position`` amounts."""
    return {
        "open_items": sum((line.open_items for line in lines), ZERO),
        "advances": sum((line.advances for line in lines), ZERO),
        "balance": sum((line.balance for line in lines), ZERO),
    }


def _as_date(value: object) -> date | None:
    # SQLite hands back an aggregate over a date column as ISO text.
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
