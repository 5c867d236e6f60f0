"""Receipt import (收款): one row per receipt, posted through the ledger's own code in one transaction.

Each row names the customer (current or old code), the date, the method (Chinese or English), an optional
bank reference, the amount and optionally the document it pays; without one the money goes to the
customer's open items oldest due date first, and what is left stays as an advance (预收), exactly as the
settlement wizard does. ``plan`` reads only: it simulates the allocations row by row in file order (so
two rows of one customer share its open items) and shows them in the preview. A receipt with the same
customer, date, amount and reference as a posted one, or as an earlier row, is an error; without a
reference that is only a warning. ``write`` posts every row with ``ReceivableService.post_within``
inside the caller's single write unit: same locks, checks, numbering (SK…) and audit as a receipt
entered by hand; a named item that another user paid meanwhile rolls the whole import back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, or_, select

from erpdesk.db.models.order import ReceivableItem
from erpdesk.db.models.receivable import Receipt
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import receivables as rules
from erpdesk.domain.errors import DomainError
from erpdesk.domain.money import format_money
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_import import ImportCancelled
from erpdesk.services.import_dto import ImportMode, Outcome, PreviewRow, RowProblem
from erpdesk.services.import_rows import (
    RowNotes,
    cell_text,
    chunks,
    column_codes,
    is_blank,
    problems_by_row,
    tick,
)
from erpdesk.services.receivable_import_support import (
    COMMIT_PERMISSIONS,
    find_customers,
    method_choices,
    parse_method,
    row_customer,
)
from erpdesk.services.receivables import (
    AllocationInput,
    ReceiptInput,
    ReceivableService,
    unreversed_receipt,
)
from erpdesk.xlsx.reader import ReadResult

KIND = "receipts"
REFERENCE_LIMIT = 100  # receipt.reference
NOTES_LIMIT = 200

__all__ = ["COMMIT_PERMISSIONS", "ImportCancelled", "Prepared", "copy_prepared", "plan", "write"]

_Key = tuple[int, date, Decimal, str]  # customer, date, amount, reference


@dataclass(slots=True)
class Prepared:
    """A valid receipt; ``item`` (id, amount, open amount seen) when the row names a document."""

    row: int
    customer_id: int
    receipt_date: date
    method: str
    reference: str
    amount: Decimal
    notes: str
    item: tuple[int, Decimal, Decimal] | None = None
    number: str = ""


def copy_prepared(item: Prepared) -> Prepared:
    return replace(item)


@dataclass(slots=True)
class _Item:
    id: int
    customer_id: int
    doc_number: str
    doc_date: date
    due_date: date
    open_amount: Decimal


def _items(conn: Connection, customer_ids: list[int], named: set[str]) -> list[_Item]:
    """The customers' items with money open, and their items the file names (open or not)."""
    found: dict[int, _Item] = {}
    columns = (
        ReceivableItem.id,
        ReceivableItem.customer_id,
        ReceivableItem.doc_number,
        ReceivableItem.doc_date,
        ReceivableItem.due_date,
        ReceivableItem.open_amount,
    )
    wanted = ReceivableItem.open_amount > 0
    if named:
        wanted = or_(wanted, ReceivableItem.doc_number.in_(sorted(named)))
    for part in chunks(sorted(set(customer_ids))):
        for row in conn.execute(
            select(*columns)
            .where(ReceivableItem.customer_id.in_(part), wanted)
            .order_by(ReceivableItem.id)
        ):
            found[int(row.id)] = _Item(
                int(row.id),
                int(row.customer_id),
                str(row.doc_number),
                row.doc_date,
                row.due_date,
                row.open_amount,
            )
    return list(found.values())


def _posted(
    conn: Connection, customer_ids: list[int], days: list[date]
) -> tuple[dict[_Key, str], dict[tuple[int, date, Decimal], str]]:
    """Posted receipts (not reversed) of these customers in the file's date range, by
    (customer, date, amount, reference) and by (customer, date, amount)."""
    exact: dict[_Key, str] = {}
    loose: dict[tuple[int, date, Decimal], str] = {}
    if not days:
        return exact, loose
    for part in chunks(sorted(set(customer_ids))):
        for cid, day, amount, reference, number in conn.execute(
            select(
                Receipt.customer_id,
                Receipt.receipt_date,
                Receipt.amount,
                Receipt.reference,
                Receipt.number,
            )
            .where(
                Receipt.customer_id.in_(part),
                Receipt.receipt_date.between(min(days), max(days)),
                unreversed_receipt(),
            )
            .order_by(Receipt.id)
        ):
            exact.setdefault((int(cid), day, amount, str(reference)), str(number))
            loose.setdefault((int(cid), day, amount), str(number))
    return exact, loose


def plan(
    conn: Connection,
    table: ReadResult,
    mode: ImportMode,
    lang: str,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[PreviewRow], list[Prepared], list[RowProblem]]:
    """Each row's outcome and allocations, the receipts to post, and every problem; writes nothing.

    ``mode`` does not apply: receipts are only ever added.
    """
    del mode
    codes = column_codes(table, "customer_code")
    docs = column_codes(table, "doc_no")
    customers = find_customers(conn, codes.values())
    customer_ids = sorted({c.id for c in customers.values()})
    items = _items(conn, customer_ids, set(docs.values()))
    open_now = {i.id: i.open_amount for i in items}
    by_doc: dict[tuple[int, str], _Item] = {}
    for i in sorted(items, key=lambda i: (i.open_amount <= 0, i.id)):
        by_doc.setdefault((i.customer_id, i.doc_number), i)
    of_customer: dict[int, list[_Item]] = {}
    for i in items:
        of_customer.setdefault(i.customer_id, []).append(i)
    days = [
        r.values["receipt_date"]
        for r in table.rows
        if isinstance(r.values.get("receipt_date"), date)
    ]
    exact, loose = _posted(conn, customer_ids, days)
    in_file: dict[_Key, int] = {}
    in_file_loose: dict[tuple[int, date, Decimal], int] = {}
    reader = problems_by_row(table)
    allowed = " / ".join(method_choices(lang))

    previews: list[PreviewRow] = []
    prepared: list[Prepared] = []
    all_problems: list[RowProblem] = []
    for done, read in enumerate(table.rows, start=1):
        tick(done, progress, cancelled)
        notes = RowNotes(table, KIND, lang, read.number)
        notes.take_reader_problems(reader)
        values = read.values
        notes.require(values, ("customer_code", "receipt_date", "method", "amount"))
        code, customer = row_customer(notes, codes, customers)
        method = None
        raw_method = values.get("method")
        if not is_blank(raw_method):
            method = parse_method(str(raw_method))
            if method is None:
                notes.error(
                    "method", "cell.not_in_list", value=str(raw_method)[:30], allowed=allowed
                )
        amount = values.get("amount")
        if isinstance(amount, Decimal) and amount <= 0:
            notes.error("amount", "receivable_import.amount_not_positive")
        day = values.get("receipt_date")
        reference = cell_text(values.get("reference"), REFERENCE_LIMIT)
        doc = docs.get(read.number, "")
        item: _Item | None = None
        if customer is not None and doc:
            item = by_doc.get((customer.id, doc))
            if item is None:
                notes.error("doc_no", "receivable_import.unknown_item", code=customer.code, doc=doc)
            elif open_now[item.id] <= 0:
                notes.error("doc_no", "receivable_import.item_settled", doc=doc)
        if customer is not None and isinstance(day, date) and isinstance(amount, Decimal):
            key = (customer.id, day, amount, reference)
            loose_key = (customer.id, day, amount)
            where = {"code": customer.code, "date": day.isoformat(), "amount": format_money(amount)}
            if reference:
                if key in exact:
                    notes.error(
                        "reference", "receivable_import.receipt_exists", number=exact[key], **where
                    )
                elif key in in_file:
                    notes.error("reference", "receivable_import.receipt_in_file", row=in_file[key])
                else:
                    in_file[key] = read.number
            else:
                if loose_key in loose:
                    notes.warn(
                        "reference",
                        "receivable_import.receipt_maybe_twice",
                        number=loose[loose_key],
                        **where,
                    )
                if loose_key in in_file_loose:
                    notes.warn(
                        "reference",
                        "receivable_import.receipt_in_file_maybe",
                        row=in_file_loose[loose_key],
                    )
            in_file_loose.setdefault(loose_key, read.number)
        name = customer.name if customer is not None else ""
        if (
            notes.problems
            or customer is None
            or method is None
            or not isinstance(day, date)
            or not isinstance(amount, Decimal)
        ):
            all_problems.extend(notes.problems)
            previews.append(
                notes.preview(
                    Outcome.ERROR,
                    code=code,
                    name=name,
                    customer_id=customer.id if customer is not None else None,
                )
            )
            continue
        # The allocation the ledger will make, on what earlier rows of the file left open.
        named: tuple[int, Decimal, Decimal] | None = None
        if item is not None:
            seen = open_now[item.id]
            taken = min(amount, seen)
            named = (item.id, taken, seen)
            lines = [(item.doc_number, taken)]
            open_now[item.id] = seen - taken
            advance = amount - taken
        else:
            own = of_customer.get(customer.id, [])
            proposal = rules.propose(
                [
                    rules.OpenItem(
                        id=i.id,
                        doc_date=i.doc_date,
                        due_date=i.due_date,
                        open_amount=open_now[i.id],
                    )
                    for i in own
                ],
                amount,
            )
            numbers = {i.id: i.doc_number for i in own}
            lines = [(numbers[a.item_id], a.amount) for a in proposal.allocations]
            for a in proposal.allocations:
                open_now[a.item_id] -= a.amount
            advance = proposal.advance
        if lines:
            notes.warn(
                "",
                "receivable_import.allocation",
                allocations=", ".join(f"{doc_no} {format_money(part)}" for doc_no, part in lines),
            )
        if advance:
            notes.warn("", "receivable_import.advance", amount=format_money(advance))
        previews.append(
            notes.preview(
                Outcome.NEW,
                code=customer.code,
                name=name,
                customer_id=customer.id,
                old_code=customer.old_code,
            )
        )
        prepared.append(
            Prepared(
                row=read.number,
                customer_id=customer.id,
                receipt_date=day,
                method=method.value,
                reference=reference,
                amount=amount,
                notes=cell_text(values.get("notes"), NOTES_LIMIT),
                item=named,
            )
        )
    return previews, prepared, all_problems


# ------------------------------------------------------------------------------ write


def _check_unchanged(conn: Connection, prepared: list[Prepared]) -> None:
    """Refuse to write when a receipt with one of the file's references was posted meanwhile."""
    referenced = [p for p in prepared if p.reference]
    exact, _loose = _posted(
        conn, [p.customer_id for p in referenced], [p.receipt_date for p in referenced]
    )
    posted = sorted(
        exact[key]
        for p in referenced
        if (key := (p.customer_id, p.receipt_date, p.amount, p.reference)) in exact
    )
    if posted:
        raise DomainError("receivable_import.changed_meanwhile", what=", ".join(posted[:10]))


def write(
    uow: UnitOfWork,
    prepared: list[Prepared],
    *,
    today: date,
    now: datetime,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[str], dict[str, frozenset[str]]]:
    """Post every receipt inside ``uow`` (the caller commits); returns the receipt numbers."""
    del today
    _check_unchanged(uow.connection, prepared)
    ledger = ReceivableService(uow.database, Actor(username=uow.actor), Clock(now=lambda: now))
    numbers: list[str] = []
    receipts: set[str] = set()
    items: set[str] = set()
    for index, row in enumerate(prepared, start=1):
        allocations = None
        if row.item is not None:
            item_id, amount, seen = row.item
            allocations = (AllocationInput(item_id=item_id, amount=amount, seen_open=seen),)
        posted = ledger.post_within(
            uow,
            ReceiptInput(
                customer_id=row.customer_id,
                amount=row.amount,
                method=row.method,
                receipt_date=row.receipt_date,
                reference=row.reference,
                notes=row.notes,
                allocations=allocations,
            ),
        )
        row.number = posted.number
        numbers.append(posted.number)
        receipts.add(str(posted.id))
        items.update(str(a.item_id) for a in posted.allocations)
        tick(index, progress, cancelled, every=20, last=index == len(prepared))
    changes = {"receipt": frozenset(receipts), "receivable_item": frozenset(items)}
    return numbers, {k: v for k, v in changes.items() if v}
