"""Writing customers inside a unit of work: save with contacts, change code, deactivate, restore,
delete, relationships and interactions.

Every function takes an open write ``UnitOfWork`` and never commits. Besides what the ORM audit hook
records, it writes ``saved`` markers (new version + changed field names, read by conflict detection),
contact and relationship entries keyed ``<customer id>/<row id>``, and the reasons of code changes and
duplicate overrides. The SQLite FTS row is rewritten after each change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from operator import attrgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from erpdesk.db.audit import AuditEntry
from erpdesk.db.models.customer import (
    Customer,
    CustomerCategory,
    CustomerCodeAlias,
    CustomerContact,
    CustomerInteraction,
    CustomerLevel,
    CustomerRelationship,
)
from erpdesk.db.models.user import UserAccount
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import codes
from erpdesk.domain.customers import (
    CustomerStatus,
    CustomerType,
    default_short_name,
    normalise_name,
    normalise_tax_number,
    phone_digits,
)
from erpdesk.domain.errors import DomainError
from erpdesk.services import customer_codes, customer_reads, customer_search
from erpdesk.services.customer_dto import CustomerInput, DuplicateMatch, FieldIssue
from erpdesk.services.errors import ConfirmRequired, ConflictError
from erpdesk.services.pinyin import mnemonic_for, normalise_mnemonic

CUSTOMER_FIELDS = (
    "name",
    "short_name",
    "mnemonic",
    "mnemonic_manual",
    "customer_type",
    "category_id",
    "level_id",
    "region",
    "industry",
    "company_size",
    "source",
    "province",
    "city",
    "district",
    "address",
    "postcode",
    "phone",
    "email",
    "website",
    "tax_number",
    "bank_name",
    "bank_account",
    "invoice_title",
    "invoice_address_phone",
    "credit_limit",
    "payment_terms_days",
    "settlement_method",
    "salesperson_id",
    "notes",
)
CONTACT_FIELDS = ("name", "position", "phone", "mobile", "email", "im", "notes", "is_primary")
_customer_fields = attrgetter(
    *CUSTOMER_FIELDS
)  # one C call for the 29 values (imports run it 100k times)
_contact_fields = attrgetter(*CONTACT_FIELDS)
DUPLICATE_FIELDS = frozenset({"name", "short_name", "phone", "email", "tax_number", "contacts"})


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    id: int
    code: str
    version: int
    near_capacity: bool


def _clean(draft: CustomerInput) -> dict[str, Any]:
    """Column values of ``draft``, trimmed and derived (short name, mnemonic, keys)."""
    name = draft.name.strip()
    short = draft.short_name.strip() or default_short_name(name)
    manual = draft.mnemonic_manual and bool(draft.mnemonic.strip())
    company = draft.customer_type is CustomerType.COMPANY
    values: dict[str, Any] = {
        field: value.strip() if isinstance(value, str) else value
        for field, value in zip(CUSTOMER_FIELDS, _customer_fields(draft), strict=True)
    }
    values.update(
        name=name,
        short_name=short,
        mnemonic=normalise_mnemonic(draft.mnemonic) if manual else mnemonic_for(name, short),
        mnemonic_manual=manual,
        customer_type=draft.customer_type.value,
        tax_number=normalise_tax_number(draft.tax_number) if company else "",
        invoice_title=(draft.invoice_title.strip() or name) if company else "",
        invoice_address_phone=draft.invoice_address_phone.strip() if company else "",
        company_size=draft.company_size.strip() if company else "",
        credit_limit=Decimal(draft.credit_limit),
        name_key=normalise_name(name),
        phone_digits=phone_digits(draft.phone),
    )
    return values


def _check_refs(uow: UnitOfWork, values: dict[str, Any]) -> None:
    session = uow.session
    if (
        values["category_id"] is not None
        and session.get(CustomerCategory, values["category_id"]) is None
    ):
        raise DomainError("customer.unknown_category")
    if values["level_id"] is not None and session.get(CustomerLevel, values["level_id"]) is None:
        raise DomainError("customer.unknown_level")
    if (
        values["salesperson_id"] is not None
        and session.get(UserAccount, values["salesperson_id"]) is None
    ):
        raise DomainError("customer.unknown_salesperson")


def marker(uow: UnitOfWork, customer_id: int, version: int, fields: list[str]) -> None:
    """Record which fields a save changed and the version it produced (conflict detection)."""
    uow.record(
        [
            AuditEntry(
                "customer",
                str(customer_id),
                customer_reads.MARKER,
                None,
                {"version": version, "fields": fields},
            )
        ]
    )


def conflict(
    uow: UnitOfWork, customer_id: int, version: int | None, **context: Any
) -> ConflictError:
    fields, user = customer_reads.changed_since(uow.connection, customer_id, version or 0)
    current = customer_reads.detail(uow.connection, customer_id, with_history=False, **context)
    return ConflictError(
        "customer.changed_by_other",
        fields=fields,
        field_list=", ".join(fields),
        user=user or current.updated_by,
        current=current,
    )


def contact_values(contact: Any, order: int) -> dict[str, Any]:
    """Column values of a contact as the form saves them (trimmed, digits for phone search); the
    importers use it too, so an imported contact is stored exactly like a typed one."""
    values = {
        field: value.strip() if isinstance(value, str) else value
        for field, value in zip(CONTACT_FIELDS, _contact_fields(contact), strict=True)
    }
    values["phone_digits"] = phone_digits(values["phone"])
    values["mobile_digits"] = phone_digits(values["mobile"])
    values["sort_order"] = order
    return values


def _sync_contacts(uow: UnitOfWork, customer_id: int, draft: CustomerInput) -> bool:
    """Insert, update and delete contact rows as edited; audit each. True when anything changed."""
    session = uow.session
    existing = {
        c.id: c
        for c in session.scalars(
            select(CustomerContact).where(CustomerContact.customer_id == customer_id)
        )
    }
    wanted = list(draft.contacts)
    if wanted and not any(c.is_primary for c in wanted):
        from dataclasses import replace

        wanted[0] = replace(wanted[0], is_primary=True)
    entries: list[AuditEntry] = []
    kept: set[int] = set()
    for order, contact in enumerate(wanted):
        values = contact_values(contact, order)
        row = existing.get(contact.id) if contact.id is not None else None
        if row is None:
            row = CustomerContact(customer_id=customer_id, **values)
            session.add(row)
            session.flush()
            entries.append(
                AuditEntry(
                    "customer_contact",
                    f"{customer_id}/{row.id}",
                    "insert",
                    None,
                    {f: values[f] for f in CONTACT_FIELDS},
                )
            )
        else:
            old = {f: getattr(row, f) for f in CONTACT_FIELDS}
            changed = {f: v for f, v in values.items() if getattr(row, f) != v}
            for field, value in changed.items():
                setattr(row, field, value)
            audit_changed = [f for f in CONTACT_FIELDS if f in changed]
            if audit_changed:
                entries.append(
                    AuditEntry(
                        "customer_contact",
                        f"{customer_id}/{row.id}",
                        "update",
                        {f: old[f] for f in audit_changed} | {"name": old["name"]},
                        {f: values[f] for f in audit_changed} | {"name": values["name"]},
                    )
                )
        kept.add(row.id)
    for cid, row in existing.items():
        if cid not in kept:
            entries.append(
                AuditEntry(
                    "customer_contact",
                    f"{customer_id}/{cid}",
                    "delete",
                    {f: getattr(row, f) for f in CONTACT_FIELDS},
                    None,
                )
            )
            session.delete(row)
    session.flush()
    if entries:
        uow.record(entries)
    return bool(entries)


def save(
    uow: UnitOfWork,
    draft: CustomerInput,
    *,
    ack: frozenset[str],
    reason: str,
    today: date,
    now: datetime,
    actor: str,
    tz: Any,
) -> SaveOutcome:
    """Insert or update ``draft`` (see ``CustomerService.save`` for the contract)."""
    values = _clean(draft)
    _check_refs(uow, values)
    session = uow.session
    conn = uow.connection
    row: Customer | None = None
    changed: list[str] = []
    if draft.id is not None:
        row = session.get(Customer, draft.id)
        if row is None:
            raise DomainError("customer.not_found", code=f"#{draft.id}")
        if draft.version is not None and row.version != draft.version:
            raise conflict(uow, row.id, draft.version, viewer=actor, today=today, tz=tz)
        changed = [f for f in CUSTOMER_FIELDS if getattr(row, f) != values[f]]
        old_contacts = customer_reads.contact_details(conn, row.id)
        contacts_changed = [
            (c.id, *(getattr(c, f) for f in CONTACT_FIELDS)) for c in old_contacts
        ] != [(c.id, *(getattr(c, f) for f in CONTACT_FIELDS)) for c in draft.contacts]
        if contacts_changed:
            changed.append("contacts")
        if not changed:  # nothing to save: keep the version, so nobody else gets a false conflict
            return SaveOutcome(row.id, row.code, row.version, False)
    matches: tuple[DuplicateMatch, ...] = ()
    if row is None or DUPLICATE_FIELDS & set(changed):
        matches = customer_reads.duplicates(conn, draft)
    if matches and "duplicates" not in ack:
        raise ConfirmRequired(
            "duplicates",
            "customer.possible_duplicates",
            matches=matches,
            count=len(matches),
            names="、".join(f"{m.code} {m.name}" for m in matches[:5]),
        )
    if matches and not reason.strip():
        raise DomainError("customer.reason_required")
    near = False
    if row is None:
        if draft.code_manual and draft.code.strip():
            code = codes.normalise_manual_code(draft.code)
        else:
            code, near = customer_codes.allocate(
                conn, values["category_id"], values["region"], today
            )
        customer_codes.reserve(conn, code, now)
        row = Customer(
            code=code,
            status=CustomerStatus.ACTIVE.value,
            deactivation_reason="",
            created_at=now,
            created_by=actor,
            updated_at=now,
            updated_by=actor,
            **values,
        )
        session.add(row)
        session.flush()
        changed = ["*"]
    else:
        for field in CUSTOMER_FIELDS:
            setattr(row, field, values[field])
        row.name_key = values["name_key"]
        row.phone_digits = values["phone_digits"]
        row.updated_at = now
        row.updated_by = actor
        try:
            session.flush()
        except StaleDataError:
            session.rollback()
            raise ConflictError(
                "customer.changed_by_other", fields=(), field_list="", user="", current=None
            ) from None
    _sync_contacts(uow, row.id, draft)
    if changed and row.version is not None:
        marker(uow, row.id, row.version, changed)
    if matches:
        uow.record(
            [
                AuditEntry(
                    "customer",
                    str(row.id),
                    "save_anyway",
                    None,
                    {"reason": reason.strip(), "matches": ", ".join(m.code for m in matches)},
                )
            ]
        )
    session.flush()
    customer_search.sync_fts(conn, [row.id])
    return SaveOutcome(row.id, row.code, row.version, near)


def load_for_change(
    uow: UnitOfWork, customer_id: int, version: int, *, actor: str, today: date, tz: Any
) -> Customer:
    row = uow.session.get(Customer, customer_id)
    if row is None:
        raise DomainError("customer.not_found", code=f"#{customer_id}")
    if row.version != version:
        raise conflict(uow, customer_id, version, viewer=actor, today=today, tz=tz)
    return row


def change_code(
    uow: UnitOfWork,
    row: Customer,
    new_code: str,
    reason: str,
    *,
    today: date,
    now: datetime,
    actor: str,
) -> str:
    """Give ``row`` a new code (typed, or the rule's next when empty); the old one becomes an alias."""
    if not reason.strip():
        raise DomainError("customer.reason_required")
    conn = uow.connection
    if new_code.strip():
        code = codes.normalise_manual_code(new_code)
        if code == row.code:
            raise DomainError("customer.code_unchanged")
    else:
        code, _near = customer_codes.allocate(conn, row.category_id, row.region, today)
    customer_codes.reserve(conn, code, now)
    old = row.code
    uow.session.add(
        CustomerCodeAlias(
            customer_id=row.id, code=old, reason=reason.strip(), changed_by=actor, changed_at=now
        )
    )
    row.code = code
    row.updated_at = now
    row.updated_by = actor
    uow.session.flush()
    uow.record(
        [
            AuditEntry(
                "customer",
                str(row.id),
                "change_code",
                {"code": old},
                {"code": code, "reason": reason.strip()},
            )
        ]
    )
    marker(uow, row.id, row.version, ["code"])
    return code


def set_status(
    uow: UnitOfWork, row: Customer, active: bool, reason: str, *, now: datetime, actor: str
) -> None:
    if active:
        if row.status == CustomerStatus.ACTIVE.value:
            raise DomainError("customer.already_active", code=row.code)
        row.status = CustomerStatus.ACTIVE.value
        row.deactivated_at = None
        row.deactivation_reason = ""
    else:
        if not reason.strip():
            raise DomainError("customer.reason_required")
        if row.status == CustomerStatus.INACTIVE.value:
            raise DomainError("customer.already_inactive", code=row.code)
        row.status = CustomerStatus.INACTIVE.value
        row.deactivated_at = now
        row.deactivation_reason = reason.strip()[:200]
    row.updated_at = now
    row.updated_by = actor
    uow.session.flush()
    marker(uow, row.id, row.version, ["status"])


def delete(uow: UnitOfWork, row: Customer) -> None:
    """Remove a customer without history; its codes stay in ``issued_code`` forever."""
    conn = uow.connection
    if customer_reads.has_history(conn, row.id):
        raise DomainError("customer.has_history", code=row.code)
    session = uow.session
    entries = [
        AuditEntry(
            "customer_contact",
            f"{row.id}/{c.id}",
            "delete",
            {f: getattr(c, f) for f in CONTACT_FIELDS},
            None,
        )
        for c in session.scalars(
            select(CustomerContact).where(CustomerContact.customer_id == row.id)
        )
    ]
    if entries:
        uow.record(entries)
    for model in (CustomerContact, CustomerCodeAlias):
        for child in session.scalars(select(model).where(model.customer_id == row.id)):
            session.delete(child)
    for link in session.scalars(
        select(CustomerRelationship).where(
            (CustomerRelationship.from_id == row.id) | (CustomerRelationship.to_id == row.id)
        )
    ):
        session.delete(link)
    session.flush()
    session.delete(row)
    session.flush()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DELETE FROM customer_fts WHERE rowid = ?", (row.id,))


def refresh_follow_up(uow: UnitOfWork, customer_id: int, today: date) -> None:
    """``next_follow_up``: the earliest follow-up date of the customer's latest interactions."""
    session = uow.session
    dates = [
        d
        for d in session.scalars(
            select(CustomerInteraction.follow_up_date).where(
                CustomerInteraction.customer_id == customer_id,
                CustomerInteraction.follow_up_date.is_not(None),
            )
        )
        if d is not None
    ]
    latest = max(dates) if dates else None
    row = session.get(Customer, customer_id)
    if row is not None and row.next_follow_up != latest:
        row.next_follow_up = latest
        session.flush()


def relationship_entry(uow: UnitOfWork, link: CustomerRelationship, action: str) -> None:
    session = uow.session
    names = {
        cid: f"{c.code} {c.name}"
        for cid in (link.from_id, link.to_id)
        if (c := session.get(Customer, cid)) is not None
    }
    entries = []
    for own, other in ((link.from_id, link.to_id), (link.to_id, link.from_id)):
        values = {"kind": link.kind, "other": names.get(other, ""), "note": link.note}
        entries.append(
            AuditEntry(
                "customer_relationship",
                f"{own}/{link.id}",
                action,
                values if action == "delete" else None,
                values if action == "insert" else None,
            )
        )
    uow.record(entries)


def warnings_for(near: bool, rule: str) -> tuple[FieldIssue, ...]:
    if not near:
        return ()
    return (FieldIssue(field="code", msg_id="customer.rule_near_capacity", params={"rule": rule}),)
