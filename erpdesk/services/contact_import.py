"""Contact import: rows of 联系人 keyed by 客户编码 (current or old code), checked by the form's rules.

A row adds a contact to its customer; in upsert mode a contact of that customer with the same name
(case and width ignored) is updated instead, a blank cell leaving its value and ``#清空`` clearing it.
``默认联系人`` = 是 makes the contact the primary one (the customer's other contacts stop being primary).
Contacts are audited as the customer service audits them (``customer_contact``, ``<customer>/<contact>``)
and the customers' search rows are refreshed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, select, update

from erpdesk.db.audit import AuditEntry
from erpdesk.db.models.customer import CustomerContact
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import codes
from erpdesk.domain.errors import DomainError
from erpdesk.services import customer_search
from erpdesk.services.customer_dto import ContactInput, CustomerInput
from erpdesk.services.customer_import import (
    ImportCancelled,
    _chunks,
    _insert_many,
    load_existing,
)
from erpdesk.services.customer_rules import validate_fields
from erpdesk.services.customer_writes import CONTACT_FIELDS, contact_values
from erpdesk.services.import_dto import ImportMode, Outcome, PreviewRow, RowProblem
from erpdesk.services.import_rows import RowNotes, problems_by_row, tick
from erpdesk.xlsx.columns import CLEAR_MARK
from erpdesk.xlsx.reader import ReadResult

KIND = "contacts"
_ATTRIBUTE = {"title": "position", "is_default": "is_primary"}
_COLUMN_OF = {v: k for k, v in _ATTRIBUTE.items()}
_YES = frozenset({"是", "y", "yes", "true", "1", "默认", "✓", "√", "x"})
_NO = frozenset({"否", "n", "no", "false", "0", ""})

__all__ = ["ImportCancelled", "Prepared", "copy_prepared", "plan", "write"]


@dataclass(slots=True)
class Prepared:
    """A valid contact row: new (``contact_id`` None) or an update of ``contact_id``."""

    row: int
    outcome: Outcome
    customer_id: int
    customer_code: str
    contact: ContactInput
    contact_id: int | None = None
    old: dict[str, Any] | None = None
    changed: tuple[str, ...] = ()


def copy_prepared(item: Prepared) -> Prepared:
    return replace(item)


def _name_key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def _contacts_of(conn: Connection, customer_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {}
    columns = [getattr(CustomerContact, f) for f in CONTACT_FIELDS]
    for part in _chunks(sorted(set(customer_ids))):
        for row in conn.execute(
            select(CustomerContact.id, CustomerContact.customer_id, *columns)
            .where(CustomerContact.customer_id.in_(part))
            .order_by(CustomerContact.sort_order, CustomerContact.id)
        ):
            found.setdefault(row.customer_id, []).append(
                {"id": row.id, **{f: getattr(row, f) for f in CONTACT_FIELDS}}
            )
    return found


def _flag(value: Any) -> bool | None:
    text = str(value).strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    return None


def plan(
    conn: Connection,
    table: ReadResult,
    mode: ImportMode,
    lang: str,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[PreviewRow], list[Prepared], list[RowProblem]]:
    """Each row's outcome, the rows to write, and every problem; writes nothing."""
    wanted: dict[int, str] = {}
    code_errors: dict[int, tuple[str, dict[str, Any]]] = {}
    for read in table.rows:
        raw = read.values.get("customer_code")
        if raw in (None, CLEAR_MARK):
            continue
        try:
            wanted[read.number] = codes.normalise_manual_code(str(raw))
        except DomainError as exc:
            code_errors[read.number] = (exc.msg_id, dict(exc.params))
    customers = load_existing(conn, wanted.values())
    contacts = _contacts_of(conn, [e.id for e, _alias in customers.values()])
    reader_problems = problems_by_row(table)
    seen: dict[tuple[int, str], int] = {}

    previews: list[PreviewRow] = []
    prepared: list[Prepared] = []
    all_problems: list[RowProblem] = []
    for done, read in enumerate(table.rows, start=1):
        tick(done, progress, cancelled)
        notes = RowNotes(table, KIND, lang, read.number)
        problems = notes.problems
        add = notes.add  # every reason, several per cell too
        for p in reader_problems.get(read.number, ()):
            add(p.field or "", p.msg_id, **dict(p.params))
        values = read.values
        code = wanted.get(read.number, "")
        if read.number in code_errors:
            msg_id, params = code_errors[read.number]
            add("customer_code", msg_id, **params)
        elif not code and "customer_code" not in {p.field for p in problems}:
            add("customer_code", "cell.required")
        match = customers.get(code) if code else None
        if code and match is None:
            add("customer_code", "cell.unknown_customer", code=code)
        attributes: dict[str, Any] = {}
        for column, value in values.items():
            if column == "customer_code" or value is None:
                continue
            attribute = _ATTRIBUTE.get(column, column)
            if column == "is_default" and value != CLEAR_MARK:
                flag = _flag(value)
                if flag is None:
                    add(column, "cell.not_in_list", value=str(value)[:20], allowed="是 / 否")
                    continue
                value = flag
            attributes[attribute] = value
        name = str(attributes.get("name") or "")
        existing_contact: dict[str, Any] | None = None
        if match is not None:
            customer = match[0]
            key = (customer.id, _name_key(name))
            if name and key in seen:
                add("name", "cell.duplicate_contact", name=name, row=seen[key])
            elif name:
                seen[key] = read.number
            same = [c for c in contacts.get(customer.id, []) if _name_key(c["name"]) == key[1]]
            if same and mode is ImportMode.INSERT:
                add("name", "cell.contact_exists", code=customer.code, name=name)
            elif same:
                existing_contact = same[0]
        merged: dict[str, Any] = dict.fromkeys(CONTACT_FIELDS, "")
        merged["is_primary"] = False
        if existing_contact is not None:
            merged.update({f: existing_contact[f] for f in CONTACT_FIELDS})
        for attribute, value in attributes.items():
            if value == CLEAR_MARK:
                merged[attribute] = False if attribute == "is_primary" else ""
            else:
                merged[attribute] = value if attribute == "is_primary" else str(value)
        contact = ContactInput(**merged)
        report = validate_fields(
            CustomerInput(name=match[0].values["name"] if match else "-", contacts=(contact,))
        )
        rejected = {p.field for p in problems}
        for issue in report.errors:
            if issue.field.startswith("contacts[0]."):
                attribute = issue.field.split(".", 1)[1]
                column = _COLUMN_OF.get(attribute, attribute)
                if column not in rejected:
                    add(column, issue.msg_id, **dict(issue.params))
        if problems or match is None:
            all_problems.extend(problems)
            previews.append(
                PreviewRow(
                    row=read.number,
                    outcome=Outcome.ERROR,
                    code=code,
                    name=name,
                    problems=tuple(problems),
                )
            )
            continue
        customer = match[0]
        changed: tuple[str, ...] = ()
        outcome = Outcome.NEW
        if existing_contact is not None:
            changed = tuple(
                f for f in CONTACT_FIELDS if str(merged[f]).strip() != str(existing_contact[f])
            )
            outcome = Outcome.UPDATE if changed else Outcome.UNCHANGED
        previews.append(
            PreviewRow(
                row=read.number,
                outcome=outcome,
                code=customer.code,
                name=name,
                customer_id=customer.id,
                old_code=match[1],
                changed=changed,
            )
        )
        if outcome is not Outcome.UNCHANGED:
            prepared.append(
                Prepared(
                    row=read.number,
                    outcome=outcome,
                    customer_id=customer.id,
                    customer_code=customer.code,
                    contact=contact,
                    contact_id=existing_contact["id"] if existing_contact else None,
                    old=existing_contact,
                    changed=changed,
                )
            )
    return previews, prepared, all_problems


def _values(contact: ContactInput, customer_id: int, order: int) -> dict[str, Any]:
    return {**contact_values(contact, order), "customer_id": customer_id}


def write(
    uow: UnitOfWork,
    prepared: list[Prepared],
    *,
    today: date,
    now: datetime,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[str], dict[str, frozenset[str]]]:
    """Write the contact rows inside ``uow`` (the caller commits)."""
    del today, now
    conn = uow.connection
    entries: list[AuditEntry] = []
    touched: set[int] = set()
    primaries: set[int] = {p.customer_id for p in prepared if p.contact.is_primary}
    # A new primary contact demotes the customer's others (audited like the form does).
    if primaries:
        for part in _chunks(sorted(primaries)):
            demoted = conn.execute(
                select(CustomerContact.id, CustomerContact.customer_id, CustomerContact.name).where(
                    CustomerContact.customer_id.in_(part), CustomerContact.is_primary.is_(True)
                )
            ).all()
            keep = {p.contact_id for p in prepared if p.contact.is_primary and p.contact_id}
            for contact_id, customer_id, name in demoted:
                if contact_id in keep:
                    continue
                conn.execute(
                    update(CustomerContact)
                    .where(CustomerContact.id == contact_id)
                    .values(is_primary=False)
                )
                entries.append(
                    AuditEntry(
                        "customer_contact",
                        f"{customer_id}/{contact_id}",
                        "update",
                        {"is_primary": True, "name": name},
                        {"is_primary": False, "name": name},
                    )
                )
    new = [p for p in prepared if p.contact_id is None]
    orders: dict[int, int] = {}
    for part in _chunks(sorted({p.customer_id for p in new})):
        for (customer_id,) in conn.execute(
            select(CustomerContact.customer_id).where(CustomerContact.customer_id.in_(part))
        ):
            orders[customer_id] = orders.get(customer_id, 0) + 1
    rows = []
    for item in new:
        order = orders.get(item.customer_id, 0)
        orders[item.customer_id] = order + 1
        rows.append(_values(item.contact, item.customer_id, order))
    if rows:
        ids = _insert_many(conn, CustomerContact.__table__, rows)
        for contact_id, row in zip(ids, rows, strict=True):
            entries.append(
                AuditEntry(
                    "customer_contact",
                    f"{row['customer_id']}/{contact_id}",
                    "insert",
                    None,
                    {f: row[f] for f in CONTACT_FIELDS},
                )
            )
            touched.add(row["customer_id"])
    if cancelled is not None and cancelled():
        raise ImportCancelled
    for item in prepared:
        if item.contact_id is None or item.old is None:
            continue
        values = _values(item.contact, item.customer_id, 0)
        changes = {f: values[f] for f in item.changed}
        changes["phone_digits"] = values["phone_digits"]
        changes["mobile_digits"] = values["mobile_digits"]
        conn.execute(
            update(CustomerContact).where(CustomerContact.id == item.contact_id).values(**changes)
        )
        entries.append(
            AuditEntry(
                "customer_contact",
                f"{item.customer_id}/{item.contact_id}",
                "update",
                {f: item.old[f] for f in item.changed} | {"name": item.old["name"]},
                {f: values[f] for f in item.changed} | {"name": values["name"]},
            )
        )
        touched.add(item.customer_id)
    if progress is not None:
        progress(len(prepared))
    customer_search.sync_fts(conn, sorted(touched))
    uow.record(entries)
    return [], {"customer": frozenset(str(t) for t in touched)}
