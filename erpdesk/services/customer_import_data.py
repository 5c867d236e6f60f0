"""Customer import, shared parts: lookups, stored customers by code, ids, and the planned row.

``load_lookups`` maps what a file may write for an enumeration (either language, any case) to the
stored value; ``load_existing`` finds stored customers by current or old code with their primary
contact; ``_insert_many`` assigns ids and inserts rows in one executemany; ``Prepared`` is a row the
dry run hands to the write. The other importers use these too (through ``customer_import``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select, text

from erpdesk.db.in_list import one_of
from erpdesk.db.models.customer import (
    Customer,
    CustomerCategory,
    CustomerCodeAlias,
    CustomerContact,
    CustomerLevel,
    IssuedCode,
)
from erpdesk.db.models.user import UserAccount
from erpdesk.domain.customers import (
    CustomerType,
    SettlementMethod,
)
from erpdesk.domain.messages import catalogue
from erpdesk.services import customer_codes
from erpdesk.services.customer_dto import ContactInput, CustomerInput
from erpdesk.services.customer_writes import (
    CONTACT_FIELDS,
    CUSTOMER_FIELDS,
    _clean,
)
from erpdesk.services.import_dto import Outcome

CHUNK = 500
# Look-ups by code/id: fewer, larger IN lists (SQLite ≥ 3.32 and PostgreSQL take far more).
LOOKUP_CHUNK = 5000
KIND = "customers"

# Import columns that name something stored under another attribute.
_ATTRIBUTE = {
    "category": "category_id",
    "level": "level_id",
    "salesperson": "salesperson_id",
}
_COLUMN_OF = {v: k for k, v in _ATTRIBUTE.items()}
_CONTACT_COLUMNS = {"contact_name": "name", "mobile": "mobile"}


class ImportCancelled(Exception):
    """The user cancelled; the caller's unit of work rolls back."""


@dataclass(slots=True)
class Lookups:
    """Names the file may use for enumerations (either language, any case), mapped to stored values."""

    categories: dict[str, int] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)
    salespeople: dict[str, int] = field(default_factory=dict)
    customer_types: dict[str, str] = field(default_factory=dict)
    settlement: dict[str, str] = field(default_factory=dict)

    def table(self, column: str) -> dict[str, Any] | None:
        tables: dict[str, dict[str, Any]] = {
            "customer_type": self.customer_types,
            "settlement_method": self.settlement,
            "category": self.categories,
            "level": self.levels,
            "salesperson": self.salespeople,
        }
        return tables.get(column)


@dataclass(slots=True)
class Existing:
    """A stored customer matched by code (current or old), with its primary contact."""

    id: int
    version: int
    code: str
    values: dict[str, Any]  # CUSTOMER_FIELDS + name_key, phone_digits
    contact_id: int | None = None
    contact: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Prepared:
    """A valid row ready to write.

    New customers keep only their derived column values (``stored``, in ``_STORED_KEYS`` order) and
    their primary contact's columns (``new_contact``, in ``customer_import_plain.CONTACT_COLUMNS``
    order); updates keep the whole draft, its contact and the stored customer they change.
    """

    row: int
    outcome: Outcome
    draft: CustomerInput | None
    code: str = ""
    existing: Existing | None = None
    changed: tuple[str, ...] = ()
    contact_changed: tuple[str, ...] = ()
    stored: tuple[Any, ...] | None = None
    contact: ContactInput | None = None
    new_contact: tuple[Any, ...] | None = None

    def stored_values(self) -> dict[str, Any]:
        if self.stored is None:
            assert self.draft is not None
            return _clean(self.draft)
        return dict(zip(_STORED_KEYS, self.stored, strict=True))


def copy_prepared(item: Prepared) -> Prepared:
    """The row itself: the customer writer never changes a plan's rows (a retry reuses them)."""
    return item


_STORED_KEYS = tuple(_clean(CustomerInput(name="x")))


def _compact(values: dict[str, Any]) -> tuple[Any, ...]:
    """``_clean``'s dict as a tuple (a tenth of the memory for 100,000 rows)."""
    if tuple(values) != _STORED_KEYS:
        raise RuntimeError("customer_writes._clean changed its keys")
    return tuple(values.values())


def _key(text: str) -> str:
    return text.strip().casefold()


def _choices(prefix: str, members: Iterable[Any]) -> dict[str, str]:
    result: dict[str, str] = {}
    for member in members:
        result[_key(member.value)] = member.value
        for label in catalogue().get(f"choice.{prefix}.{member.value}", ()):
            result[_key(label)] = member.value
    return result


def load_lookups(conn: Connection) -> Lookups:
    lookups = Lookups(
        customer_types=_choices("customer_type", CustomerType),
        settlement=_choices("settlement_method", SettlementMethod),
    )
    for cid, code, name in conn.execute(
        select(CustomerCategory.id, CustomerCategory.code, CustomerCategory.name)
    ):
        lookups.categories.setdefault(_key(name), cid)
        lookups.categories.setdefault(_key(code), cid)
    for lid, name in conn.execute(select(CustomerLevel.id, CustomerLevel.name)):
        lookups.levels[_key(name)] = lid
    for uid, username, display in conn.execute(
        select(UserAccount.id, UserAccount.username, UserAccount.display_name)
    ):
        lookups.salespeople.setdefault(_key(username), uid)
        if display:
            lookups.salespeople.setdefault(_key(display), uid)
    return lookups


def choice_lists(conn: Connection, lang: str) -> dict[str, list[str]]:
    """Drop-down values for templates: fixed choices in ``lang``, the rest from the database."""
    index = 1 if lang == "zh_CN" else 0
    return {
        "customer_type": [
            catalogue()[f"choice.customer_type.{m.value}"][index]
            for m in sorted(CustomerType, key=lambda m: m is not CustomerType.COMPANY)
        ],
        "settlement_method": [
            catalogue()[f"choice.settlement_method.{m.value}"][index] for m in SettlementMethod
        ],
        "category": [
            str(n)
            for n in conn.execute(
                select(CustomerCategory.name)
                .where(CustomerCategory.active.is_(True))
                .order_by(CustomerCategory.code)
            ).scalars()
        ],
        "level": [
            str(n)
            for n in conn.execute(
                select(CustomerLevel.name)
                .where(CustomerLevel.active.is_(True))
                .order_by(CustomerLevel.sort_order, CustomerLevel.name)
            ).scalars()
        ],
        "salesperson": [
            str(r.display_name or r.username)
            for r in conn.execute(
                select(UserAccount.username, UserAccount.display_name)
                .where(UserAccount.active.is_(True))
                .order_by(UserAccount.username)
            )
        ],
        "payment_method": [],
    }


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_LOADED = (*CUSTOMER_FIELDS, "name_key", "phone_digits")


def _existing_rows(conn: Connection, where: Any) -> Iterator[Existing]:
    columns = [getattr(Customer, name) for name in _LOADED]
    for row in conn.execute(
        select(Customer.id, Customer.version, Customer.code, *columns).where(where)
    ):
        yield Existing(
            id=row.id,
            version=row.version,
            code=row.code,
            values={name: getattr(row, name) for name in _LOADED},
        )


def load_existing(conn: Connection, wanted: Iterable[str]) -> dict[str, tuple[Existing, str]]:
    """Code in the file -> (stored customer, the old code it matched through, or "")."""
    codes_wanted = sorted(set(wanted))
    by_id: dict[int, Existing] = {}
    aliases: list[tuple[int, str]] = []
    for part in _chunks(codes_wanted, LOOKUP_CHUNK):
        for existing in _existing_rows(conn, one_of(conn, Customer.code, part)):
            by_id[existing.id] = existing
        aliases.extend(
            (int(cid), str(code))
            for cid, code in conn.execute(
                select(CustomerCodeAlias.customer_id, CustomerCodeAlias.code).where(
                    one_of(conn, CustomerCodeAlias.code, part)
                )
            )
        )
    missing = sorted({cid for cid, _ in aliases if cid not in by_id})
    for part in _chunks(missing, LOOKUP_CHUNK):
        for existing in _existing_rows(conn, one_of(conn, Customer.id, part)):
            by_id[existing.id] = existing
    for part in _chunks(sorted(by_id), LOOKUP_CHUNK):
        contact_columns = [getattr(CustomerContact, f) for f in CONTACT_FIELDS]
        for row in conn.execute(
            select(CustomerContact.id, CustomerContact.customer_id, *contact_columns)
            .where(
                one_of(conn, CustomerContact.customer_id, part),
                CustomerContact.is_primary.is_(True),
            )
            .order_by(CustomerContact.id)
        ):
            existing = by_id[row.customer_id]
            if existing.contact_id is None:
                existing.contact_id = row.id
                existing.contact = {f: getattr(row, f) for f in CONTACT_FIELDS}
    found: dict[str, tuple[Existing, str]] = {
        e.code: (e, "") for e in by_id.values() if e.code in set(codes_wanted)
    }
    for customer_id, alias in aliases:
        if customer_id in by_id:
            found[alias] = (by_id[customer_id], alias)
    return found


def issued_codes(conn: Connection, wanted: Iterable[str]) -> set[str]:
    result: set[str] = set()
    for part in _chunks(sorted(set(wanted)), LOOKUP_CHUNK):
        result.update(
            conn.execute(
                select(IssuedCode.code).where(
                    IssuedCode.scope == customer_codes.SCOPE, one_of(conn, IssuedCode.code, part)
                )
            ).scalars()
        )
    return result


def new_ids(conn: Connection, table: Any, count: int) -> list[int]:
    """Ids for ``count`` new rows of ``table``, in order, assigned before the insert.

    On SQLite the ids are assigned here (max + 1 …): the write transaction began IMMEDIATE, so no one
    else can insert meanwhile, and a RETURNING executemany would run row by row. On PostgreSQL the ids
    are drawn from the table's sequence first, which is just as safe under concurrency.
    """
    if conn.dialect.name == "postgresql":
        sequence = conn.execute(
            text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
        ).scalar_one()
        return [
            int(v)
            for v in conn.execute(
                text("SELECT nextval(CAST(:s AS regclass)) FROM generate_series(1, :n)"),
                {"s": sequence, "n": count},
            ).scalars()
        ]
    start = int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
    return list(range(start + 1, start + count + 1))


def _insert_many(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` with one executemany and return their ids, in order (see ``new_ids``)."""
    ids = new_ids(conn, table, len(rows))
    for row, new_id in zip(rows, ids, strict=True):
        row["id"] = new_id
    conn.execute(table.insert(), rows)
    return ids
