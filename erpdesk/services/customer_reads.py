"""Reading one customer for the form: detail with contacts, relationships, old codes, interactions,
history from the audit trail, and the duplicate candidates of a draft.

History: the ORM audit hook records the customer row; the service records contacts and relationships
under ``<customer id>/<row id>`` and adds ``saved`` markers (version and field names) that conflict
detection reads, plus ``change_code`` and ``save_anyway`` entries carrying a reason.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from erpdesk.db import audit_bulk
from erpdesk.db.models.customer import (
    Customer,
    CustomerCategory,
    CustomerCodeAlias,
    CustomerContact,
    CustomerInteraction,
    CustomerLevel,
    CustomerRelationship,
)
from erpdesk.db.models.system import AuditLog
from erpdesk.db.models.user import UserAccount
from erpdesk.domain.customers import (
    RELATION_ROLES,
    CustomerStatus,
    CustomerType,
    InteractionKind,
    RelationKind,
    normalise_name,
    normalise_tax_number,
    phone_digits,
)
from erpdesk.domain.errors import DomainError
from erpdesk.services.customer_dto import (
    ContactDetail,
    CustomerDetail,
    CustomerInput,
    DuplicateMatch,
    HistoryEntry,
    InteractionView,
    OldCode,
    RelationshipView,
)

HISTORY_CHECKS: list[Callable[[Connection, int], bool]] = []
"""Other areas (orders, receivables) append ``fn(conn, customer_id) -> bool``: True = has history."""

HIDDEN_FIELDS = frozenset({"name_key", "phone_digits", "mnemonic_manual", "id", "customer_id"})
MARKER = "saved"


def has_history(conn: Connection, customer_id: int) -> bool:
    """Documents, balances or interactions exist: deleting is refused, deactivation offered."""
    if conn.execute(
        select(CustomerInteraction.id).where(CustomerInteraction.customer_id == customer_id)
    ).first():
        return True
    return any(check(conn, customer_id) for check in HISTORY_CHECKS)


def contact_details(conn: Connection, customer_id: int) -> tuple[ContactDetail, ...]:
    rows = conn.execute(
        select(CustomerContact)
        .where(CustomerContact.customer_id == customer_id)
        .order_by(CustomerContact.sort_order, CustomerContact.id)
    ).all()
    return tuple(
        ContactDetail(
            id=r.id,
            name=r.name,
            position=r.position,
            phone=r.phone,
            mobile=r.mobile,
            email=r.email,
            im=r.im,
            notes=r.notes,
            is_primary=r.is_primary,
        )
        for r in rows
    )


def relationship_views(conn: Connection, customer_id: int) -> tuple[RelationshipView, ...]:
    """Links from and to the customer, each with the role of the other side."""
    out: list[RelationshipView] = []
    for r in conn.execute(
        select(CustomerRelationship)
        .where(
            or_(
                CustomerRelationship.from_id == customer_id,
                CustomerRelationship.to_id == customer_id,
            )
        )
        .order_by(CustomerRelationship.id)
    ).all():
        kind = RelationKind(r.kind)
        outgoing = r.from_id == customer_id
        other_id = r.to_id if outgoing else r.from_id
        other = conn.execute(
            select(Customer.code, Customer.name, Customer.status).where(Customer.id == other_id)
        ).one()
        out.append(
            RelationshipView(
                id=r.id,
                kind=kind,
                role=RELATION_ROLES[kind][0 if outgoing else 1],
                other_id=other_id,
                other_code=other.code,
                other_name=other.name,
                other_active=other.status == CustomerStatus.ACTIVE.value,
                note=r.note,
                start_date=r.start_date,
                end_date=r.end_date,
            )
        )
    return tuple(out)


def old_codes(conn: Connection, customer_id: int) -> tuple[OldCode, ...]:
    return tuple(
        OldCode(code=r.code, reason=r.reason, changed_by=r.changed_by, changed_at=r.changed_at)
        for r in conn.execute(
            select(CustomerCodeAlias)
            .where(CustomerCodeAlias.customer_id == customer_id)
            .order_by(CustomerCodeAlias.changed_at.desc(), CustomerCodeAlias.id.desc())
        ).all()
    )


def interaction_views(
    conn: Connection, customer_id: int, viewer: str, today: date, tz: Any
) -> tuple[InteractionView, ...]:
    return tuple(
        InteractionView(
            id=r.id,
            customer_id=r.customer_id,
            on=r.on_date,
            kind=InteractionKind(r.kind),
            contact_name=r.contact_name,
            note=r.note,
            next_step=r.next_step,
            follow_up_date=r.follow_up_date,
            author=r.author,
            created_at=r.created_at,
            editable=r.author == viewer and r.created_at.astimezone(tz).date() == today,
        )
        for r in conn.execute(
            select(CustomerInteraction)
            .where(CustomerInteraction.customer_id == customer_id)
            .order_by(CustomerInteraction.on_date.desc(), CustomerInteraction.id.desc())
        ).all()
    )


def _audit_rows(conn: Connection, customer_id: int, after_id: int = 0) -> list[Any]:
    key = str(customer_id)
    own = and_(AuditLog.table_name == "customer", AuditLog.row_pk == key)
    children = and_(
        AuditLog.table_name.in_(("customer_contact", "customer_relationship")),
        AuditLog.row_pk >= key + "/",
        AuditLog.row_pk < key + "0",  # "0" follows "/" in ASCII: a prefix range on the index
    )
    low, high = audit_bulk.bulk_key_range(customer_id)
    imported = and_(
        AuditLog.table_name == "customer",
        AuditLog.row_pk >= low,
        AuditLog.row_pk < high,
        AuditLog.action == audit_bulk.BULK_INSERT,
    )
    return list(
        conn.execute(
            select(AuditLog)
            .where(or_(own, children, imported), AuditLog.id > after_id)
            .order_by(AuditLog.id.desc())
        ).all()
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)


def _bulk_created(row: Any, customer_id: int) -> list[HistoryEntry]:
    """The creation lines of a customer (and of its contacts) recorded by a bulk import entry."""
    found = audit_bulk.rows_for(row.new, customer_id)

    def created(entity: str, name: Any, label: str = "") -> HistoryEntry:
        return HistoryEntry(
            at=row.at_utc,
            user=row.app_user,
            entity=entity,
            action="insert",
            field="",
            old="",
            new=_text(name),
            label=label,
        )

    # Newest first, as the per-row entries came: the contacts were inserted after their customer.
    lines = [
        created("contact", contact.get("name"), _text(contact.get("name")))
        for contact in reversed(found.get("customer_contact", []))
    ]
    lines += [created("customer", c.get("name") or c.get("code")) for c in found.get("", [])]
    return lines


def history(conn: Connection, customer_id: int) -> tuple[HistoryEntry, ...]:
    """The History tab, newest first: one entry per changed field."""
    out: list[HistoryEntry] = []
    for row in _audit_rows(conn, customer_id):
        if row.action == MARKER:
            continue
        if row.action == audit_bulk.BULK_INSERT:
            out.extend(_bulk_created(row, customer_id))
            continue
        old = json.loads(row.old) if row.old else {}
        new = json.loads(row.new) if row.new else {}
        entity = {"customer": "customer", "customer_contact": "contact"}.get(
            row.table_name, "relationship"
        )
        base = {"at": row.at_utc, "user": row.app_user, "entity": entity, "action": row.action}
        if row.action == "change_code":
            out.append(
                HistoryEntry(
                    **base,
                    field="code",
                    old=_text(old.get("code")),
                    new=_text(new.get("code")),
                    reason=_text(new.get("reason")),
                )
            )
            continue
        if row.action == "save_anyway":
            out.append(
                HistoryEntry(
                    **{**base, "entity": "duplicate_ack"},
                    field="",
                    old="",
                    new=_text(new.get("matches")),
                    reason=_text(new.get("reason")),
                )
            )
            continue
        label = _text((new or old).get("name", "")) if entity == "contact" else ""
        if entity == "relationship":
            label = _text((new or old).get("other", ""))
        if row.action in ("insert", "delete"):
            values = new if row.action == "insert" else old
            summary = values.get("name") or values.get("code") or values.get("kind") or ""
            out.append(
                HistoryEntry(
                    **base,
                    field="",
                    old=_text(summary) if row.action == "delete" else "",
                    new=_text(summary) if row.action == "insert" else "",
                    label=label,
                )
            )
            continue
        for field in sorted(set(old) | set(new)):
            if field in HIDDEN_FIELDS or (entity == "customer" and field == "code"):
                # a code change is shown once, by its ``change_code`` entry with the reason
                continue
            reason = _text(new.get("deactivation_reason")) if field == "status" else ""
            out.append(
                HistoryEntry(
                    **base,
                    field=field,
                    old=_text(old.get(field)),
                    new=_text(new.get(field)),
                    reason=reason,
                    label=label,
                )
            )
    return tuple(out)


def changed_since(conn: Connection, customer_id: int, version: int) -> tuple[tuple[str, ...], str]:
    """Fields other saves changed after ``version`` and who saved last (for ``ConflictError``)."""
    fields: list[str] = []
    user = ""
    for row in conn.execute(
        select(AuditLog)
        .where(
            AuditLog.table_name == "customer",
            AuditLog.row_pk == str(customer_id),
            AuditLog.action == MARKER,
        )
        .order_by(AuditLog.id)
    ).all():
        marker = json.loads(row.new or "{}")
        if int(marker.get("version", 0)) > version:
            user = row.app_user
            for field in marker.get("fields", ()):
                if field not in fields:
                    fields.append(field)
    return tuple(fields), user


def detail(
    conn: Connection,
    customer_id: int,
    *,
    viewer: str,
    today: date,
    tz: Any,
    with_history: bool = True,
) -> CustomerDetail:
    """The full record; ``DomainError('customer.not_found')`` when it does not exist."""
    rec = conn.execute(
        select(
            *Customer.__table__.c,
            CustomerCategory.name.label("category"),
            CustomerLevel.name.label("level"),
            UserAccount.display_name.label("sales_name"),
            UserAccount.username.label("sales_user"),
        )
        .outerjoin(CustomerCategory, CustomerCategory.id == Customer.category_id)
        .outerjoin(CustomerLevel, CustomerLevel.id == Customer.level_id)
        .outerjoin(UserAccount, UserAccount.id == Customer.salesperson_id)
        .where(Customer.id == customer_id)
    ).one_or_none()
    if rec is None:
        raise DomainError("customer.not_found", code=f"#{customer_id}")
    return CustomerDetail(
        id=rec.id,
        version=rec.version,
        code=rec.code,
        name=rec.name,
        short_name=rec.short_name,
        mnemonic=rec.mnemonic,
        mnemonic_manual=rec.mnemonic_manual,
        customer_type=CustomerType(rec.customer_type),
        category_id=rec.category_id,
        category=rec.category or "",
        level_id=rec.level_id,
        level=rec.level or "",
        region=rec.region,
        industry=rec.industry,
        company_size=rec.company_size,
        source=rec.source,
        province=rec.province,
        city=rec.city,
        district=rec.district,
        address=rec.address,
        postcode=rec.postcode,
        phone=rec.phone,
        email=rec.email,
        website=rec.website,
        tax_number=rec.tax_number,
        bank_name=rec.bank_name,
        bank_account=rec.bank_account,
        invoice_title=rec.invoice_title,
        invoice_address_phone=rec.invoice_address_phone,
        credit_limit=rec.credit_limit,
        payment_terms_days=rec.payment_terms_days,
        settlement_method=rec.settlement_method,
        salesperson_id=rec.salesperson_id,
        salesperson=rec.sales_name or rec.sales_user or "",
        notes=rec.notes,
        status=CustomerStatus(rec.status),
        deactivated_at=rec.deactivated_at,
        deactivation_reason=rec.deactivation_reason,
        next_follow_up=rec.next_follow_up,
        created_at=rec.created_at,
        created_by=rec.created_by,
        updated_at=rec.updated_at,
        updated_by=rec.updated_by,
        has_history=has_history(conn, customer_id),
        contacts=contact_details(conn, customer_id),
        relationships=relationship_views(conn, customer_id),
        old_codes=old_codes(conn, customer_id),
        interactions=interaction_views(conn, customer_id, viewer, today, tz),
        history=history(conn, customer_id) if with_history else (),
    )


def id_by_code(conn: Connection, code: str) -> int | None:
    """The customer holding ``code`` now or as an old code."""
    found = conn.execute(select(Customer.id).where(Customer.code == code)).scalar_one_or_none()
    if found is None:
        found = conn.execute(
            select(CustomerCodeAlias.customer_id).where(CustomerCodeAlias.code == code)
        ).scalar_one_or_none()
    return found


# ------------------------------------------------------------------------------ duplicates


def draft_phones(draft: CustomerInput) -> set[str]:
    phones = {phone_digits(draft.phone)}
    for contact in draft.contacts:
        phones |= {phone_digits(contact.phone), phone_digits(contact.mobile)}
    return {p for p in phones if len(p) >= 7}


def duplicates(conn: Connection, draft: CustomerInput) -> tuple[DuplicateMatch, ...]:
    """Customers that look like ``draft`` (itself excluded), strongest signal first."""
    found: dict[int, dict[str, Any]] = {}

    def note(ids: Iterable[Any], signal: str, detail: str) -> None:
        for cid in ids:
            if cid == draft.id:
                continue
            entry = found.setdefault(cid, {"signals": [], "detail": detail})
            if signal not in entry["signals"]:
                entry["signals"].append(signal)

    tax = normalise_tax_number(draft.tax_number)
    if tax:
        note(
            conn.execute(select(Customer.id).where(Customer.tax_number == tax)).scalars(),
            "tax_number",
            tax,
        )
    for digits in sorted(draft_phones(draft)):
        ids = set(
            conn.execute(select(Customer.id).where(Customer.phone_digits == digits)).scalars()
        )
        ids |= set(
            conn.execute(
                select(CustomerContact.customer_id).where(
                    or_(
                        CustomerContact.phone_digits == digits,
                        CustomerContact.mobile_digits == digits,
                    )
                )
            ).scalars()
        )
        note(sorted(ids), "phone", digits)
    email = draft.email.strip().casefold()
    if email:
        note(
            conn.execute(select(Customer.id).where(func.lower(Customer.email) == email)).scalars(),
            "email",
            email,
        )
    keys = {normalise_name(draft.name)}
    if draft.short_name.strip():
        keys.add(normalise_name(draft.short_name))
    keys.discard("")
    for key in sorted(keys):
        note(
            conn.execute(select(Customer.id).where(Customer.name_key == key).limit(50)).scalars(),
            "name",
            key,
        )
    if not found:
        return ()
    rows = {
        r.id: r
        for r in conn.execute(
            select(Customer.id, Customer.code, Customer.name, Customer.status).where(
                Customer.id.in_(list(found))
            )
        )
    }
    order = {"tax_number": 0, "phone": 1, "email": 2, "name": 3}
    matches = [
        DuplicateMatch(
            customer_id=cid,
            code=rows[cid].code,
            name=rows[cid].name,
            active=rows[cid].status == CustomerStatus.ACTIVE.value,
            signals=tuple(sorted(info["signals"], key=order.__getitem__)),
            detail=info["detail"],
        )
        for cid, info in found.items()
        if cid in rows
    ]
    matches.sort(key=lambda m: (order[m.signals[0]], -len(m.signals), m.code))
    return tuple(matches)
