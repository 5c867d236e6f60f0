"""``ExportService``: lists to .xlsx/.csv with the user's search, filter, sort and columns (issue 5).

Customers are exported with the import template's headers in the user's language, so an exported file
imports again unchanged (upsert: every row "unchanged"). The ids come from the customer search (the same
query, filter and order as the list); the cells are read in chunks of 1,000 ids and streamed to the
writer (``xlsx.writer``: typed cells, formula-safe text, frozen header, autofilter).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, select

from erpdesk.db.engine import Database
from erpdesk.db.models.customer import Customer, CustomerCategory, CustomerContact, CustomerLevel
from erpdesk.db.models.user import UserAccount
from erpdesk.domain.customers import CustomerStatus
from erpdesk.domain.messages import catalogue, render
from erpdesk.domain.permissions import Permission
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_dto import CustomerFilter, CustomerSort, StatusFilter
from erpdesk.services.import_dto import ExportResult
from erpdesk.xlsx import writer
from erpdesk.xlsx.columns import CUSTOMERS, INT, MONEY, header_text
from erpdesk.xlsx.writer import ExportCancelled

__all__ = ["CUSTOMER_EXPORT_COLUMNS", "ExportCancelled", "ExportService"]

CHUNK = 1000
CUSTOMER_EXPORT_COLUMNS: tuple[str, ...] = (*(c.field for c in CUSTOMERS.columns), "status")
_ALL = CustomerFilter(status=StatusFilter.ALL)


def _label(prefix: str, value: str, lang: str) -> str:
    texts = catalogue().get(f"choice.{prefix}.{value}")
    if texts is None:
        return value
    return texts[1] if lang == "zh_CN" else texts[0]


# Customer columns in export order; "contact_name"/"mobile" come from the primary contact and
# "category"/"level"/"salesperson" are names looked up once per export.
_DIRECT = (
    "code",
    "name",
    "short_name",
    "mnemonic",
    "customer_type",
    "category_id",
    "level_id",
    "region",
    "phone",
    "email",
    "address",
    "postcode",
    "tax_number",
    "invoice_title",
    "bank_name",
    "bank_account",
    "credit_limit",
    "payment_terms_days",
    "settlement_method",
    "salesperson_id",
    "notes",
    "status",
)


def _customer_query() -> Any:
    return select(Customer.id, *(getattr(Customer, f) for f in _DIRECT)).where(
        Customer.id.in_(bindparam("ids", expanding=True))
    )


def _contact_query() -> Any:
    # The primary contact first, as the list shows it (is_primary, then sort order, then id).
    return (
        select(CustomerContact.customer_id, CustomerContact.name, CustomerContact.mobile)
        .where(CustomerContact.customer_id.in_(bindparam("ids", expanding=True)))
        .order_by(
            CustomerContact.customer_id,
            CustomerContact.is_primary.desc(),
            CustomerContact.sort_order,
            CustomerContact.id,
        )
    )


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

    def writer_columns(self, fields: Sequence[str], lang: str) -> list[writer.ExportColumn]:
        """Headers and cell types of the customer columns ``fields``, in export order."""
        kinds = {c.field: c.kind for c in CUSTOMERS.columns}
        typed = {MONEY: writer.MONEY, INT: writer.INT}
        return [
            writer.ExportColumn(header=header, kind=typed.get(kinds.get(f, ""), writer.TEXT))
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
        from erpdesk.services.customers import CustomerService

        self.actor.require(Permission.EXPORT)
        search = CustomerService(self.database, self.actor, self.clock)
        ids = search.search_ids(query, filter, sort or CustomerSort())
        fields = [f for f in (columns or CUSTOMER_EXPORT_COLUMNS) if f in CUSTOMER_EXPORT_COLUMNS]
        export_columns = self.writer_columns(fields, lang)
        result = writer.write_table(
            Path(out),
            render("kind.customers", lang),
            export_columns,
            self._customer_cells(list(ids), fields, lang),
            progress=progress,
            cancelled=cancelled,
        )
        return ExportResult(path=str(out), rows=result.rows, replaced_chars=result.replaced_chars)

    def _customer_cells(self, ids: list[int], fields: list[str], lang: str) -> Iterator[list[Any]]:
        status_text = {
            CustomerStatus.ACTIVE.value: render("choice.status.active", lang),
            CustomerStatus.INACTIVE.value: render("choice.status.inactive", lang),
        }
        types = {v: _label("customer_type", v, lang) for v in ("company", "individual")}
        settlement = {
            v: _label("settlement_method", v, lang) for v in ("cash", "monthly", "account")
        }
        position = {name: i + 1 for i, name in enumerate(_DIRECT)}
        customers = _customer_query()
        contacts = _contact_query()
        with self.database.engine.connect() as conn:
            categories = dict(
                conn.execute(select(CustomerCategory.id, CustomerCategory.name)).all()
            )
            levels = dict(conn.execute(select(CustomerLevel.id, CustomerLevel.name)).all())
            people = {
                uid: display or username
                for uid, username, display in conn.execute(
                    select(UserAccount.id, UserAccount.username, UserAccount.display_name)
                )
            }
            getters: list[Any] = []
            for f in fields:
                if f == "contact_name":
                    getters.append(lambda r, k: k[0] if k else "")
                elif f == "mobile":
                    getters.append(lambda r, k: k[1] if k else "")
                elif f == "category":
                    i = position["category_id"]
                    getters.append(lambda r, k, i=i: categories.get(r[i], ""))
                elif f == "level":
                    i = position["level_id"]
                    getters.append(lambda r, k, i=i: levels.get(r[i], ""))
                elif f == "salesperson":
                    i = position["salesperson_id"]
                    getters.append(lambda r, k, i=i: people.get(r[i], ""))
                elif f == "customer_type":
                    i = position[f]
                    getters.append(lambda r, k, i=i: types.get(r[i], r[i]))
                elif f == "settlement_method":
                    i = position[f]
                    getters.append(lambda r, k, i=i: settlement.get(r[i], r[i]))
                elif f == "status":
                    i = position[f]
                    getters.append(lambda r, k, i=i: status_text.get(r[i], r[i]))
                else:
                    i = position[f]
                    getters.append(lambda r, k, i=i: r[i])
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                found = {r[0]: r for r in conn.execute(customers, {"ids": chunk})}
                primary: dict[int, tuple[str, str]] = {}
                for customer_id, name, mobile in conn.execute(contacts, {"ids": chunk}):
                    primary.setdefault(customer_id, (name, mobile))
                for customer_id in chunk:
                    row = found.get(customer_id)
                    if row is not None:
                        contact = primary.get(customer_id)
                        yield [get(row, contact) for get in getters]
