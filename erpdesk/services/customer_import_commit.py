"""Customer import, write: re-check what the plan relied on, then write everything in bulk.

``write`` runs inside the caller's write unit: it re-checks versions and free codes, takes codes
from the code rule for rows without one, writes with bulk executemany (customers, issued codes,
contacts), refreshes the search rows and appends the audit entries: new customers and their contacts
as ``bulk_insert`` entries of up to 5,000 rows each (``erpdesk.db.audit_bulk``), updates in the shape
the customer service writes them (changed fields, ``saved`` markers, contacts keyed
``<customer id>/<contact id>``).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from erpdesk.db import audit_bulk
from erpdesk.db.audit import AuditEntry
from erpdesk.db.base import AUDIT_SKIPPED_FIELDS
from erpdesk.db.bulk import BulkInsert, insert_rows
from erpdesk.db.in_list import one_of
from erpdesk.db.models.customer import (
    Customer,
    CustomerContact,
    IssuedCode,
)
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain.customers import (
    CustomerStatus,
)
from erpdesk.domain.errors import DomainError
from erpdesk.services import customer_codes, customer_import_plain, customer_reads, customer_search
from erpdesk.services.customer_dto import ContactInput
from erpdesk.services.customer_import_data import (
    _LOADED,
    _STORED_KEYS,
    ImportCancelled,
    Prepared,
    _chunks,
    new_ids,
)
from erpdesk.services.customer_writes import (
    CONTACT_FIELDS,
    _clean,
    contact_values,
)
from erpdesk.services.import_dto import Outcome

# ------------------------------------------------------------------------------ write


def _check_unchanged(conn: Connection, updates: list[Prepared]) -> None:
    """Refuse to write when a matched customer changed since the dry run (a typed code taken
    meanwhile is refused by its issued-code key: see ``_codes``)."""
    versions = {p.existing.id: p.existing.version for p in updates if p.existing is not None}
    seen = 0
    for part in _chunks(list(versions)):
        for cid, version in conn.execute(
            select(Customer.id, Customer.version).where(one_of(conn, Customer.id, part))
        ):
            seen += 1
            if versions[cid] != version:
                raise DomainError("import.changed_meanwhile")
    if seen != len(versions):
        raise DomainError("import.changed_meanwhile")


INSERT_CHUNK = 5000
_CUSTOMER_COLUMNS = ("id", "code", *_STORED_KEYS)
_CONTACT_COLUMNS = ("customer_id", "id", *customer_import_plain.CONTACT_COLUMNS)
_AUDITED_CONTACT = ("customer_id", "id", *CONTACT_FIELDS)


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


def _codes(
    conn: Connection,
    inserts: list[Prepared],
    today: date,
    now: datetime,
    check_cancel: Callable[[], None],
) -> list[str]:
    """Each new customer's code: the typed one (all reserved first, so the rule skips them), else
    the next of its category's rule, taken in file order."""
    try:
        insert_rows(
            conn,
            _table(IssuedCode),
            ("code",),
            ((p.code,) for p in inserts if p.code),
            {"scope": customer_codes.SCOPE, "issued_at": now},
        )
    except IntegrityError:  # a typed code was given to another customer since the dry run
        raise DomainError("import.changed_meanwhile") from None
    codes: list[str] = []
    allocated = 0
    for item in inserts:
        code = item.code
        if not code:
            allocated += 1
            if allocated % 100 == 0:  # each allocation reads and writes the numbering tables
                check_cancel()
            values = item.stored_values()
            code, _near = customer_codes.allocate(
                conn, values["category_id"], values["region"], today
            )
            customer_codes.reserve(conn, code, now)
        codes.append(code)
    return codes


def _write_inserts(
    uow: UnitOfWork,
    inserts: list[Prepared],
    today: date,
    now: datetime,
    check_cancel: Callable[[], None],
    progress: Callable[[int], None] | None,
    keys: set[str],
) -> list[str]:
    """Insert the new customers and their contacts, chunk by chunk, each chunk audited as one
    ``bulk_insert`` entry holding every row (``erpdesk.db.audit_bulk``), then indexed for search.

    The plan's rows are not changed (a retry reuses them): generated codes live in the written rows
    only. Only one chunk's rows and audit text are in memory at a time. (Inserting on a second
    thread while the next chunk is built was measured slower: the driver takes the GIL back for
    every row, and a busy main thread makes it wait each time. The search rows, one statement per
    chunk, do overlap: see below.)
    """
    conn, actor = uow.connection, uow.actor
    codes = _codes(conn, inserts, today, now, check_cancel)
    ids = new_ids(conn, _table(Customer), len(inserts))
    with_contact = sum(p.new_contact is not None for p in inserts)
    contact_ids = iter(new_ids(conn, _table(CustomerContact), with_contact) if with_contact else ())
    shared = {
        "status": CustomerStatus.ACTIVE.value,
        "deactivated_at": None,
        "deactivation_reason": "",
        "next_follow_up": None,
        "version": 1,
        "created_at": now,
        "created_by": actor,
        "updated_at": now,
        "updated_by": actor,
    }
    audited_shared = {k: v for k, v in shared.items() if k not in AUDIT_SKIPPED_FIELDS}
    customers = BulkInsert(conn, _table(Customer), _CUSTOMER_COLUMNS, shared)
    contacts_insert = BulkInsert(conn, _table(CustomerContact), _CONTACT_COLUMNS, {"sort_order": 0})
    width = len(_AUDITED_CONTACT)

    def audit(rows: list[tuple[Any, ...]], contacts: list[tuple[Any, ...]]) -> list[AuditEntry]:
        return audit_bulk.bulk_insert_entries(
            "customer",
            audit_bulk.BulkRows(_CUSTOMER_COLUMNS, rows, audited_shared),
            {
                "customer_contact": audit_bulk.BulkRows(
                    _AUDITED_CONTACT, [c[:width] for c in contacts]
                )
            },
        )

    # A chunk's search rows are one INSERT … SELECT, which SQLite runs without the GIL: a second
    # thread runs it while this one encodes the chunk's audit entries and builds the next chunk.
    # Only one of the two threads uses the connection at a time: the next chunk is inserted, and
    # the entries appended, once the search rows are in.
    indexing: Future[None] | None = None
    entries: list[AuditEntry] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="customer-fts") as pool:
        for start in range(0, len(inserts), INSERT_CHUNK):
            check_cancel()
            part = inserts[start : start + INSERT_CHUNK]
            part_ids = ids[start : start + len(part)]
            rows = [
                (customer_id, code, *_stored(item))
                for customer_id, code, item in zip(
                    part_ids, codes[start : start + len(part)], part, strict=True
                )
            ]
            contacts = [
                (customer_id, next(contact_ids), *item.new_contact)
                for customer_id, item in zip(part_ids, part, strict=True)
                if item.new_contact is not None
            ]
            customer_params = customers.params(rows)
            contact_params = contacts_insert.params(contacts)
            if indexing is not None:
                indexing.result()
                uow.record(entries)
            customers.execute(conn, customer_params)
            contacts_insert.execute(conn, contact_params)
            del customer_params, contact_params
            indexing = pool.submit(
                customer_search.rebuild_fts, conn, min_id=part_ids[0] - 1, max_id=part_ids[-1]
            )
            entries = audit(rows, contacts)
            del rows, contacts
            if progress is not None:
                progress(start + len(part))
        if indexing is not None:
            indexing.result()
            uow.record(entries)
    keys.update(map(str, ids))
    return codes


def _stored(item: Prepared) -> tuple[Any, ...]:
    return item.stored if item.stored is not None else tuple(item.stored_values().values())


def _contact_row(customer_id: int, contact: ContactInput) -> dict[str, Any]:
    return {**contact_values(contact, 0), "customer_id": customer_id, "is_primary": True}


def write(
    uow: UnitOfWork,
    prepared: list[Prepared],
    *,
    today: date,
    now: datetime,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[str], dict[str, frozenset[str]]]:
    """Write ``prepared`` inside ``uow`` (the caller commits); returns new codes and what changed."""
    conn = uow.connection
    actor = uow.actor
    inserts = [p for p in prepared if p.outcome is Outcome.NEW]
    updates = [p for p in prepared if p.outcome is Outcome.UPDATE]

    def check_cancel() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled

    _check_unchanged(conn, updates)
    check_cancel()
    entries: list[AuditEntry] = []
    keys: set[str] = set()
    created: list[str] = []

    if inserts:
        created = _write_inserts(uow, inserts, today, now, check_cancel, progress, keys)
    if updates:
        _write_updates(conn, updates, now, actor, entries, keys)
    check_cancel()
    uow.record(entries)
    return created, {"customer": frozenset(keys)}


def _write_updates(
    conn: Connection,
    updates: list[Prepared],
    now: datetime,
    actor: str,
    entries: list[AuditEntry],
    keys: set[str],
) -> None:
    # Rows are grouped by the set of columns they change, so each group is one executemany.
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    touched: list[int] = []
    for item in updates:
        existing = item.existing
        assert existing is not None
        assert item.draft is not None
        stored = _clean(item.draft)
        columns = [c for c in _LOADED if stored[c] != existing.values.get(c)]
        touched.append(existing.id)
        keys.add(str(existing.id))
        if columns:
            params = {f"v_{c}": stored[c] for c in columns}
            params["b_id"] = existing.id
            params["b_version"] = existing.version
            groups.setdefault(tuple(columns), []).append(params)
            entries.append(
                AuditEntry(
                    "customer",
                    str(existing.id),
                    "update",
                    {c: existing.values.get(c) for c in columns},
                    {c: stored[c] for c in columns},
                )
            )
            entries.append(
                AuditEntry(
                    "customer",
                    str(existing.id),
                    customer_reads.MARKER,
                    None,
                    {"version": existing.version + 1, "fields": list(item.changed)},
                )
            )
        if item.contact_changed and item.contact is not None:
            contact = _contact_row(existing.id, item.contact)
            if existing.contact_id is not None:
                changes = {f: contact[f] for f in item.contact_changed}
                changes["mobile_digits"] = contact["mobile_digits"]
                conn.execute(
                    update(CustomerContact)
                    .where(CustomerContact.id == existing.contact_id)
                    .values(**changes)
                )
                entries.append(
                    AuditEntry(
                        "customer_contact",
                        f"{existing.id}/{existing.contact_id}",
                        "update",
                        {f: existing.contact.get(f) for f in item.contact_changed}
                        | {"name": existing.contact.get("name")},
                        {f: contact[f] for f in item.contact_changed} | {"name": contact["name"]},
                    )
                )
            else:
                new_id = conn.execute(
                    insert(CustomerContact).returning(CustomerContact.id), contact
                ).scalar_one()
                entries.append(
                    AuditEntry(
                        "customer_contact",
                        f"{existing.id}/{new_id}",
                        "insert",
                        None,
                        {f: contact[f] for f in CONTACT_FIELDS},
                    )
                )
    table = cast(Table, Customer.__table__)
    for changed_columns, group in groups.items():
        for p in group:
            p["v_updated_at"] = now
            p["v_updated_by"] = actor
        stmt = (
            table.update()
            .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
            .values(
                {
                    **{c: bindparam(f"v_{c}", type_=table.c[c].type) for c in changed_columns},
                    "updated_at": bindparam("v_updated_at", type_=table.c.updated_at.type),
                    "updated_by": bindparam("v_updated_by"),
                    "version": table.c.version + 1,
                }
            )
        )
        result = conn.execute(stmt, group)
        if result.rowcount is not None and 0 <= result.rowcount != len(group):
            raise DomainError("import.changed_meanwhile")
    customer_search.sync_fts(conn, touched)
