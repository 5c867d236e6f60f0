"""Opening balance import (期初应收): one row per document a customer owed when the books were taken over.

A positive amount becomes a receivable item with source type ``opening``, due on the due date of the
row or, when blank, after the customer's payment terms; the document number is the file's or, when
blank, one from the ``QC`` series. A negative amount is money the customer had paid in advance
(期初预收): it is posted through ``ReceivableService`` as a receipt of method ``other``, dated the
document date, with the reference ``期初预收`` (plus the document number) and nothing allocated, so the
ledger shows it as an advance to use later like any other.

A document number already imported for that customer (as an item or an opening advance) is an error,
so importing the same file twice never doubles a balance; a row without a number that matches a stored
opening of the same customer, date and amount is flagged in the preview. ``plan`` reads only;
``write`` runs inside the caller's single write unit: it re-checks the numbers, inserts the items with
Core ``executemany`` plus a bulk audit append, and posts the advances with the ledger's own code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select

from erpdesk.db import numbering
from erpdesk.db.audit import AuditEntry
from erpdesk.db.models.order import ReceivableItem
from erpdesk.db.models.receivable import Receipt
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain.errors import DomainError
from erpdesk.domain.money import format_money
from erpdesk.domain.receivables import ReceiptMethod
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_import import ImportCancelled, _insert_many
from erpdesk.services.import_dto import ImportMode, Outcome, PreviewRow, RowProblem
from erpdesk.services.import_rows import (
    RowNotes,
    cell_text,
    chunks,
    column_codes,
    problems_by_row,
    tick,
)
from erpdesk.services.receivable_import_support import (
    COMMIT_PERMISSIONS,
    find_customers,
    row_customer,
)
from erpdesk.services.receivables import ReceiptInput, ReceivableService, unreversed_receipt
from erpdesk.xlsx.reader import ReadResult

KIND = "opening-balances"
SOURCE = "opening"
DOC_PREFIX = "QC"
SERIES = f"receivable:{DOC_PREFIX}"
ADVANCE_REFERENCE = "期初预收"
DOC_LIMIT = 30  # receivable_item.doc_number

__all__ = ["COMMIT_PERMISSIONS", "ImportCancelled", "Prepared", "copy_prepared", "plan", "write"]


@dataclass(slots=True)
class Prepared:
    """A valid row: an item (amount > 0) or an opening advance (amount < 0); ``doc_no`` "" = numbered."""

    row: int
    customer_id: int
    doc_no: str
    doc_date: date
    due_date: date
    amount: Decimal
    notes: str
    number: str = ""  # the item's document number or the advance's receipt number, once written


def copy_prepared(item: Prepared) -> Prepared:
    return replace(item)


def doc_number(day: date, serial: int) -> str:
    """``QC20241231-0001``: an opening document without a number of its own."""
    return f"{DOC_PREFIX}{day:%Y%m%d}-{serial:04d}"


def advance_reference(doc_no: str) -> str:
    return f"{ADVANCE_REFERENCE} {doc_no}" if doc_no else ADVANCE_REFERENCE


@dataclass(frozen=True, slots=True)
class _Stored:
    """What the customers of the file already have from earlier opening imports."""

    docs: set[tuple[int, str]]  # (customer, document number or advance reference)
    undocumented: dict[tuple[int, date, Decimal], str]  # (customer, date, signed amount) -> number


def _stored(conn: Connection, customer_ids: list[int]) -> _Stored:
    docs: set[tuple[int, str]] = set()
    undocumented: dict[tuple[int, date, Decimal], str] = {}
    for part in chunks(sorted(set(customer_ids))):
        for cid, number, day, amount in conn.execute(
            select(
                ReceivableItem.customer_id,
                ReceivableItem.doc_number,
                ReceivableItem.doc_date,
                ReceivableItem.amount,
            ).where(ReceivableItem.source_type == SOURCE, ReceivableItem.customer_id.in_(part))
        ):
            docs.add((int(cid), str(number)))
            undocumented.setdefault((int(cid), day, amount), str(number))
        for cid, reference, day, amount, number in conn.execute(
            select(
                Receipt.customer_id,
                Receipt.reference,
                Receipt.receipt_date,
                Receipt.amount,
                Receipt.number,
            ).where(
                Receipt.customer_id.in_(part),
                Receipt.method == ReceiptMethod.OTHER.value,
                Receipt.reference.like(f"{ADVANCE_REFERENCE}%"),
                unreversed_receipt(),
            )
        ):
            if reference == ADVANCE_REFERENCE:
                undocumented.setdefault((int(cid), day, -amount), str(number))
            else:
                docs.add((int(cid), str(reference)[len(ADVANCE_REFERENCE) + 1 :]))
    return _Stored(docs, undocumented)


def plan(
    conn: Connection,
    table: ReadResult,
    mode: ImportMode,
    lang: str,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[PreviewRow], list[Prepared], list[RowProblem]]:
    """Each row's outcome, the items and advances to write, and every problem; writes nothing.

    ``mode`` does not apply: opening balances are only ever added.
    """
    del mode
    codes = column_codes(table, "customer_code")
    docs = column_codes(table, "doc_no")
    customers = find_customers(conn, codes.values())
    stored = _stored(conn, [c.id for c in customers.values()])
    reader = problems_by_row(table)
    first_doc: dict[tuple[int, str], int] = {}

    previews: list[PreviewRow] = []
    prepared: list[Prepared] = []
    all_problems: list[RowProblem] = []
    for done, read in enumerate(table.rows, start=1):
        tick(done, progress, cancelled)
        notes = RowNotes(table, KIND, lang, read.number)
        notes.take_reader_problems(reader)
        values = read.values
        notes.require(values, ("customer_code", "doc_date", "amount"))
        _code, customer = row_customer(notes, codes, customers)
        doc_no = docs.get(read.number, "")
        if len(doc_no) > DOC_LIMIT:
            notes.error("doc_no", "receivable_import.doc_too_long", doc=doc_no, limit=DOC_LIMIT)
        doc_date = values.get("doc_date")
        due = values.get("due_date")
        if isinstance(due, date) and isinstance(doc_date, date) and due < doc_date:
            notes.error(
                "due_date",
                "receivable_import.due_before_doc",
                due=due.isoformat(),
                doc=doc_date.isoformat(),
            )
        amount = values.get("amount")
        if isinstance(amount, Decimal):
            if amount == 0:
                notes.error("amount", "receivable_import.amount_zero")
            elif amount < 0:
                notes.warn("amount", "receivable_import.opening_advance", amount=_money(-amount))
        if customer is not None and doc_no and not notes.bad("doc_no"):
            key = (customer.id, doc_no)
            if key in stored.docs:
                notes.error(
                    "doc_no", "receivable_import.opening_exists", code=customer.code, doc=doc_no
                )
            elif key in first_doc:
                notes.error(
                    "doc_no",
                    "receivable_import.doc_in_file",
                    doc=doc_no,
                    code=customer.code,
                    row=first_doc[key],
                )
            else:
                first_doc[key] = read.number
        if (
            customer is not None
            and not doc_no
            and isinstance(doc_date, date)
            and isinstance(amount, Decimal)
        ):
            earlier = stored.undocumented.get((customer.id, doc_date, amount))
            if earlier is not None:
                notes.warn(
                    "amount",
                    "receivable_import.opening_maybe_twice",
                    code=customer.code,
                    doc=earlier,
                    date=doc_date.isoformat(),
                    amount=_money(amount),
                )
        name = customer.name if customer is not None else ""
        if (
            notes.problems
            or customer is None
            or not isinstance(doc_date, date)
            or not isinstance(amount, Decimal)
        ):
            all_problems.extend(notes.problems)
            previews.append(
                notes.preview(
                    Outcome.ERROR,
                    code=doc_no,
                    name=name,
                    customer_id=customer.id if customer is not None else None,
                )
            )
            continue
        due_date = (
            due if isinstance(due, date) else doc_date + timedelta(days=customer.payment_terms_days)
        )
        previews.append(
            notes.preview(
                Outcome.NEW,
                code=doc_no,
                name=name,
                customer_id=customer.id,
                old_code=customer.old_code,
            )
        )
        prepared.append(
            Prepared(
                row=read.number,
                customer_id=customer.id,
                doc_no=doc_no,
                doc_date=doc_date,
                due_date=due_date,
                amount=amount,
                notes=cell_text(values.get("notes")),
            )
        )
    return previews, prepared, all_problems


def _money(amount: Decimal) -> str:
    return format_money(amount)


# ------------------------------------------------------------------------------ write


def _check_unchanged(conn: Connection, prepared: list[Prepared]) -> None:
    """Refuse to write when one of the file's document numbers was imported meanwhile."""
    stored = _stored(conn, [p.customer_id for p in prepared])
    taken = sorted(
        p.doc_no for p in prepared if p.doc_no and (p.customer_id, p.doc_no) in stored.docs
    )
    if taken:
        raise DomainError("receivable_import.changed_meanwhile", what=", ".join(taken[:10]))


def write(
    uow: UnitOfWork,
    prepared: list[Prepared],
    *,
    today: date,
    now: datetime,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[str], dict[str, frozenset[str]]]:
    """Write ``prepared`` inside ``uow`` (the caller commits); returns the document and receipt
    numbers in file order, and what changed."""
    del today
    conn = uow.connection
    actor = uow.actor
    _check_unchanged(conn, prepared)
    if cancelled is not None and cancelled():
        raise ImportCancelled
    items = [p for p in prepared if p.amount > 0]
    typed = {p.doc_no for p in items if p.doc_no}

    used = set(typed)
    if any(not p.doc_no for p in items):
        # Stored QC numbers in one query, not one per numbered row (doc_number has no index).
        used.update(
            conn.scalars(
                select(ReceivableItem.doc_number).where(
                    ReceivableItem.doc_number.like(f"{DOC_PREFIX}%")
                )
            )
        )

    def taken_on(day: date) -> Callable[[int], bool]:
        return lambda number: doc_number(day, number) in used

    rows: list[dict[str, Any]] = []
    for item in items:
        if not item.doc_no:
            day = item.doc_date
            serial = numbering.allocate(conn, SERIES, f"{day:%Y%m%d}", is_taken=taken_on(day))
            item.number = doc_number(day, serial)
        else:
            item.number = item.doc_no
        rows.append(
            {
                "customer_id": item.customer_id,
                "source_type": SOURCE,
                "source_id": 0,
                "doc_number": item.number,
                "doc_date": item.doc_date,
                "due_date": item.due_date,
                "amount": item.amount,
                "open_amount": item.amount,
                "version": 1,
                "created_at": now,
                "created_by": actor,
                "updated_at": now,
                "updated_by": actor,
            }
        )
    entries: list[AuditEntry] = []
    item_ids: set[str] = set()
    if rows:
        ids = _insert_many(conn, ReceivableItem.__table__, rows)
        for new_id, item, row in zip(ids, items, rows, strict=True):
            item_ids.add(str(new_id))
            # receivable_item has no notes column: the row's notes stay with its audit entry.
            new = {
                k: row[k]
                for k in (
                    "customer_id",
                    "source_type",
                    "source_id",
                    "doc_number",
                    "doc_date",
                    "due_date",
                    "amount",
                    "open_amount",
                )
            }
            if item.notes:
                new["notes"] = item.notes[:200]
            entries.append(AuditEntry("receivable_item", str(new_id), "insert", None, new))
        uow.record(entries)
    if progress is not None:
        progress(len(rows))
    ledger = ReceivableService(uow.database, Actor(username=actor), Clock(now=lambda: now))
    receipt_ids: set[str] = set()
    for index, item in enumerate((p for p in prepared if p.amount < 0), start=1):
        posted = ledger.post_within(
            uow,
            ReceiptInput(
                customer_id=item.customer_id,
                amount=-item.amount,
                method=ReceiptMethod.OTHER.value,
                receipt_date=item.doc_date,
                reference=advance_reference(item.doc_no),
                notes=item.notes,
                allocations=(),
            ),
        )
        item.number = posted.number
        receipt_ids.add(str(posted.id))
        tick(index, None, cancelled, every=50)
    if progress is not None:
        progress(len(prepared))
    if cancelled is not None and cancelled():
        raise ImportCancelled
    changes = {"receivable_item": frozenset(item_ids), "receipt": frozenset(receipt_ids)}
    return [p.number for p in prepared], {k: v for k, v in changes.items() if v}
