"""``ExportService``: lists to .xlsx/.csv with the user's search, filter, sort and columns (issue 5).

Customers are exported with the import template's headers in the user's language, so an exported file
imports again unchanged (upsert: every row "unchanged"). The ids come from the customer search (the same
query, filter and order as the list); the cells are read in chunks of 5,000 ids, one query per chunk
that returns each row's cells in export order (names, labels and the primary contact resolved by the
database), and streamed to the writer (``xlsx.writer``: typed cells, formula-safe text, frozen header,
autofilter).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Float,
    String,
    bindparam,
    case,
    cast,
    func,
    select,
    type_coerce,
)
from sqlalchemy.orm import aliased

from erpdesk.db.arrow_read import BATCH_ROWS, arrow_rows, supports_arrow
from erpdesk.db.engine import Database
from erpdesk.db.models.customer import Customer, CustomerCategory, CustomerContact, CustomerLevel
from erpdesk.db.models.user import UserAccount
from erpdesk.db.types import MoneyType
from erpdesk.domain.customers import CustomerStatus
from erpdesk.domain.messages import catalogue, render
from erpdesk.domain.permissions import Permission
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_dto import CustomerFilter, CustomerSort, StatusFilter
from erpdesk.services.customers import CustomerService
from erpdesk.services.import_dto import ExportResult
from erpdesk.xlsx import writer
from erpdesk.xlsx.columns import CUSTOMERS, INT, MONEY, header_text
from erpdesk.xlsx.writer import ExportCancelled

__all__ = ["CUSTOMER_EXPORT_COLUMNS", "ExportCancelled", "ExportService"]

CHUNK = 5000
WIDTH_SAMPLE = 200  # rows read as Python values to fit the column widths
CUSTOMER_EXPORT_COLUMNS: tuple[str, ...] = (*(c.field for c in CUSTOMERS.columns), "status")
_ALL = CustomerFilter(status=StatusFilter.ALL)


def _label(prefix: str, value: str, lang: str) -> str:
    texts = catalogue().get(f"choice.{prefix}.{value}")
    if texts is None:
        return value
    return texts[1] if lang == "zh_CN" else texts[0]


_LABELLED = {"customer_type": "customer_type", "settlement_method": "settlement_method"}


def _customer_query(
    fields: Sequence[str],
    lang: str,
    *,
    in_order: bool,
    arrow_columns: Sequence[writer.ExportColumn] = (),
) -> Any:
    """One row per customer with the cells of ``fields`` already in export order.

    Names (category, level, salesperson), choice labels and the primary contact (primary first,
    then sort order, then id, as the list shows it) are resolved by the database, so each row
    reaches the writer as it comes from the cursor. ``in_order``: one query for all ids, rows in
    their order (SQLite's ``json_each``); otherwise the ids are bound as an IN list per chunk.
    With ``arrow_columns`` (SQLite only) the rows are the cells alone, each column labelled with
    its header as the Arrow export names its columns (``_arrow_cells``); otherwise each row starts
    with the id.
    """
    first_contact = (
        select(CustomerContact.id)
        .where(CustomerContact.customer_id == Customer.id)
        .order_by(CustomerContact.is_primary.desc(), CustomerContact.sort_order, CustomerContact.id)
        .limit(1)
        .scalar_subquery()
    )
    contact = aliased(CustomerContact)
    category = aliased(CustomerCategory)
    level = aliased(CustomerLevel)
    person = aliased(UserAccount)
    status_text = {
        CustomerStatus.ACTIVE.value: render("choice.status.active", lang),
        CustomerStatus.INACTIVE.value: render("choice.status.inactive", lang),
    }
    cells: list[Any] = []
    for f in fields:
        if f == "contact_name":
            cells.append(func.coalesce(contact.name, ""))
        elif f == "mobile":
            cells.append(func.coalesce(contact.mobile, ""))
        elif f == "category":
            cells.append(func.coalesce(category.name, ""))
        elif f == "level":
            cells.append(func.coalesce(level.name, ""))
        elif f == "salesperson":
            cells.append(func.coalesce(func.nullif(person.display_name, ""), person.username, ""))
        elif f in _LABELLED:
            column = getattr(Customer, f)
            labels = {v: _label(_LABELLED[f], v, lang) for v in _CHOICES[f]}
            cells.append(case(labels, value=column, else_=column))
        elif f == "status":
            cells.append(case(status_text, value=Customer.status, else_=Customer.status))
        elif isinstance(getattr(Customer, f).type, MoneyType):
            # The cell is a double in the file: fen / 100 computed as a double is the same double
            # as the Decimal amount converted, without a Decimal per row on the way.
            fen = type_coerce(getattr(Customer, f), BigInteger)
            cells.append(cast(fen, Float) / 100.0)
        else:
            cells.append(getattr(Customer, f))

    def joined(source: Any) -> Any:
        return (
            source.outerjoin(contact, contact.id == first_contact)
            .outerjoin(category, category.id == Customer.category_id)
            .outerjoin(level, level.id == Customer.level_id)
            .outerjoin(person, person.id == Customer.salesperson_id)
        )

    if in_order:
        # SQLite: the ids travel as one JSON array and the rows come back in its order.
        wanted = func.json_each(bindparam("ids_json", type_=String())).table_valued(
            "key", "value", name="wanted"
        )
        leading = (
            _arrow_cells(cells, arrow_columns, wanted.c.key)
            if arrow_columns
            else [Customer.id, *cells]
        )
        query = select(*leading).select_from(
            joined(wanted.join(Customer, Customer.id == wanted.c.value))
        )
        if arrow_columns:
            # No ORDER BY: the JSON array is the outer loop (nothing else can drive the join), so
            # the rows come in its order without a sort that would read every row before the
            # first one is returned (the export's reading then overlaps its writing).
            return query
        return query.order_by(wanted.c.key)
    return (
        select(Customer.id, *cells)
        .select_from(joined(Customer.__table__))
        .where(Customer.id.in_(bindparam("ids", expanding=True)))
    )


def _arrow_cells(
    cells: list[Any], columns: Sequence[writer.ExportColumn], position: Any
) -> list[Any]:
    """The cells labelled with their headers; an empty text-format cell is NULL after the first
    batch.

    The writer gives an empty string in a formatted column a formatted blank cell but writes
    nothing for NULL (a third less time for this list); in a column without a format it writes
    nothing for either, so those cells go as they are. The first batch keeps its empty strings
    because the Arrow driver infers each column's type from that batch, and a column of NULLs
    would be taken for numbers.
    """
    labelled = []
    for cell, column in zip(cells, columns, strict=True):
        if column.kind == writer.TEXT:
            cell = case((position < BATCH_ROWS, cell), else_=func.nullif(cell, ""))
        labelled.append(cell.label(column.header))
    return labelled


# Free-text columns (names, addresses, notes): written as plain text when no stored value starts
# like a formula (``_plain_prose``). Codes, mnemonics, phones and numbers, and names from other
# tables, always keep the text format, which also keeps a number-like value (0012) text when a
# user edits the cell; a word column has no such values to speak of, and the importer reads a
# number typed into it back as text.
_PROSE = {
    "name": Customer.name,
    "short_name": Customer.short_name,
    "region": Customer.region,
    "email": Customer.email,
    "address": Customer.address,
    "invoice_title": Customer.invoice_title,
    "bank_name": Customer.bank_name,
    "notes": Customer.notes,
}
# Every word column: the customer's own, and the primary contact's name (checked on its table).
_WORD_COLUMNS = frozenset({*_PROSE, "contact_name"})
# A GLOB pattern for text that starts like a formula (writer.FORMULA_START).
_FORMULA_GLOB = "[=+@" + "".join(c for c in writer.FORMULA_START if c not in "=+@-") + "-]*"


def _plain_prose(conn: Connection, fields: Sequence[str]) -> frozenset[str]:
    """The free-text columns among ``fields`` in which no stored value starts like a formula.

    One pass over every stored customer (and contact), not only the exported ones: a superset,
    so never a column that needs the text format. About 0.1 s for 100,000 customers, against a
    quarter of a second of format look-ups saved; it runs while the file is written.
    """
    scanned = [f for f in fields if f in _PROSE]
    found: dict[str, Any] = {}
    if scanned:
        row = conn.execute(
            select(*(func.max(_PROSE[f].op("GLOB")(_FORMULA_GLOB)) for f in scanned))
        ).one()
        found.update(zip(scanned, row, strict=True))
    if "contact_name" in fields:
        found["contact_name"] = conn.execute(
            select(func.max(CustomerContact.name.op("GLOB")(_FORMULA_GLOB)))
        ).scalar()
    return frozenset(f for f, flag in found.items() if not flag)


_CHOICES = {
    "customer_type": ("company", "individual"),
    "settlement_method": ("cash", "monthly", "account"),
}


class ExportService:
    """Exports for one actor; needs the EXPORT permission."""

    def __init__(self, database: Database, actor: Actor, clock: Clock | None = None) -> None:
        self.database = database
        self.actor = actor
        self.clock = clock or Clock()

    def customer_columns(self, lang: str) -> tuple[tuple[str, str], ...]:
        """(field, header) of every exportable customer column, in export order."""
        return tuple(
            (
                f,
                render("col.customers.status", lang)
                if f == "status"
                else header_text("customers", f, lang),
            )
            for f in CUSTOMER_EXPORT_COLUMNS
        )

    def writer_columns(
        self, fields: Sequence[str], lang: str, plain: frozenset[str] = frozenset()
    ) -> list[writer.ExportColumn]:
        """Headers and cell types of the customer columns ``fields``, in export order; ``plain``
        names free-text columns to write as plain text (see ``_plain_prose``)."""
        kinds = {c.field: c.kind for c in CUSTOMERS.columns}
        typed = {MONEY: writer.MONEY, INT: writer.INT}
        return [
            writer.ExportColumn(
                header=header,
                kind=writer.PLAIN_TEXT
                if f in _LABELLED or f == "status" or f in plain  # the app's own words
                else typed.get(kinds.get(f, ""), writer.TEXT),
            )
            for f, header in self.customer_columns(lang)
            if f in fields
        ]

    def customers(
        self,
        out: Path,
        *,
        query: str = "",
        filter: CustomerFilter = _ALL,
        sort: CustomerSort | None = None,
        columns: Sequence[str] | None = None,
        lang: str = "zh_CN",
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ExportResult:
        """Write the customers the list shows for ``query``/``filter``/``sort`` to ``out``.

        Raises:
            ExportCancelled: ``cancelled()`` turned True (no file is left).
            DomainError: ``xlsx.cannot_write``; ``PermissionDenied`` without EXPORT.
        """
        self.actor.require(Permission.EXPORT)
        search = CustomerService(self.database, self.actor, self.clock)
        ids = search.search_ids(query, filter, sort or CustomerSort())
        wanted = set(columns or CUSTOMER_EXPORT_COLUMNS)
        fields = [f for f in CUSTOMER_EXPORT_COLUMNS if f in wanted]  # always in export order
        if supports_arrow(self.database) and Path(out).suffix.lower() != ".csv":
            return self._customers_checked(Path(out), list(ids), fields, lang, progress, cancelled)
        export_columns = self.writer_columns(fields, lang)
        result = writer.write_table(
            Path(out),
            render("kind.customers", lang),
            export_columns,
            self._customer_cells(list(ids), fields, lang),
            progress=progress,
            cancelled=cancelled,
        )
        return ExportResult(path=str(out), rows=result.rows)

    def _customers_checked(
        self,
        out: Path,
        ids: list[int],
        fields: list[str],
        lang: str,
        progress: Callable[[int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> ExportResult:
        """``_customers_arrow`` with the word columns written as plain text, checked meanwhile.

        Whether a word column holds a value that starts like a formula is checked on a second
        connection while the file is written (the check reads every customer: 0.1–0.2 s that
        would otherwise come first). In the rare case that it finds one, the write stops, or
        the finished file is written again, with the text format on those columns.
        """
        hoped = _WORD_COLUMNS.intersection(fields)

        def check() -> frozenset[str]:
            with self.database.engine.connect() as conn:
                return _plain_prose(conn, fields)

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-check") as pool:
            checking = pool.submit(check)

            def stop() -> bool:  # the user's Cancel, or a formula-like word was found
                user = cancelled is not None and cancelled()
                return user or (checking.done() and checking.result() != hoped)

            result: ExportResult | None = None
            try:
                columns = self.writer_columns(fields, lang, hoped)
                result = self._customers_arrow(out, ids, fields, columns, lang, progress, stop)
            except ExportCancelled:
                if cancelled is not None and cancelled():
                    raise
            plain = checking.result()
        if result is None or plain != hoped:
            columns = self.writer_columns(fields, lang, plain)
            result = self._customers_arrow(out, ids, fields, columns, lang, progress, cancelled)
        return result

    def _customers_arrow(
        self,
        out: Path,
        ids: list[int],
        fields: list[str],
        columns: list[writer.ExportColumn],
        lang: str,
        progress: Callable[[int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> ExportResult:
        """``customers`` on an SQLite file: the cells go from the database to the writer as an
        Arrow stream, never as Python objects (about half the time of the row path)."""
        query = _customer_query(fields, lang, in_order=True, arrow_columns=columns)
        with self.database.engine.connect() as conn:
            sample: list[Sequence[Any]] = [
                tuple(row)
                for row in conn.execute(query, {"ids_json": json.dumps(ids[:WIDTH_SAMPLE])})
            ]
        with arrow_rows(self.database, query, {"ids_json": json.dumps(ids)}) as stream:
            stats = writer.write_xlsx_arrow(
                out,
                render("kind.customers", lang),
                columns,
                stream,
                sample,
                progress=progress,
                cancelled=cancelled,
            )
        return ExportResult(path=str(out), rows=stats.rows)

    def _customer_cells(
        self, ids: list[int], fields: list[str], lang: str
    ) -> Iterator[Sequence[Any]]:
        """The cells of ``fields`` for each of ``ids``, in that order, ``CHUNK`` rows at a time.

        On SQLite one streaming query returns every row in order (the ids go in as one JSON
        array); elsewhere each chunk of ids is one IN query. (Reading one chunk ahead on a thread
        was tried: the rows are built under the GIL, so it gained nothing measurable.)
        """
        if not ids:
            return
        in_order = self.database.is_sqlite
        query = _customer_query(fields, lang, in_order=in_order)
        with self.database.engine.connect() as conn:
            if in_order:
                result = conn.execute(query, {"ids_json": json.dumps(ids)})

                def read(chunk: list[int]) -> list[Sequence[Any]]:
                    return [row[1:] for row in result.fetchmany(len(chunk))]

            else:

                def read(chunk: list[int]) -> list[Sequence[Any]]:
                    found = {row[0]: row[1:] for row in conn.execute(query, {"ids": chunk}).all()}
                    return [found[i] for i in chunk if i in found]

            chunks = [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]
            for chunk in chunks:
                yield from read(chunk)
