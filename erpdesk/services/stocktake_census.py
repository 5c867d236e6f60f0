"""Customer census (客户盘点): the customer draft for details confirmed on the spot, confirming a line, and
the follow-up decided for a customer not found.

The draft is the customer as stored with only the confirmed fields changed, so ``CustomerService.save``
applies its field rules, duplicate check, optimistic lock and audit to a census correction exactly as to
a form save. Line functions take the open transaction's connection; the caller checks permissions.
"""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import Decimal

from sqlalchemy import Connection, select, update

from erpdesk.db.models.stocktake import StocktakeLine
from erpdesk.domain.errors import DomainError
from erpdesk.domain.stocktake import CensusAction, CensusStatus
from erpdesk.services import stocktake_scans as scans
from erpdesk.services.customer_dto import ContactInput, CustomerDetail, CustomerInput
from erpdesk.services.stocktake_dto import CensusInput

_NOT_COPIED = frozenset({"code_manual", "contacts"})


def nothing_to_save(data: CensusInput) -> bool:
    return data.phone is None and data.address is None and data.contact_name is None


def _contacts(detail: CustomerDetail) -> list[ContactInput]:
    return [
        ContactInput(
            id=c.id,
            name=c.name,
            position=c.position,
            phone=c.phone,
            mobile=c.mobile,
            email=c.email,
            im=c.im,
            notes=c.notes,
            is_primary=c.is_primary,
        )
        for c in detail.contacts
    ]


def draft(detail: CustomerDetail, data: CensusInput) -> CustomerInput | None:
    """The customer with the confirmed phone / address / primary contact; None when nothing changed."""
    values = {
        f.name: getattr(detail, f.name)
        for f in fields(CustomerInput)
        if f.name not in _NOT_COPIED and hasattr(detail, f.name)
    }
    changed = False
    if data.phone is not None and data.phone.strip() != detail.phone:
        values["phone"], changed = data.phone.strip(), True
    if data.address is not None and data.address.strip() != detail.address:
        values["address"], changed = data.address.strip(), True
    contacts = _contacts(detail)
    wanted = (data.contact_name or "").strip()
    if wanted:
        index = next((i for i, c in enumerate(contacts) if c.is_primary), 0 if contacts else -1)
        if index < 0:
            contacts.append(ContactInput(name=wanted, is_primary=True))
            changed = True
        elif contacts[index].name != wanted:
            contacts[index] = replace(contacts[index], name=wanted, is_primary=True)
            changed = True
    if not changed:
        return None
    return CustomerInput(**values, contacts=tuple(contacts))


def _line(conn: Connection, head: scans.Head, customer_id: int) -> scans.LineState:
    state = scans.line_state(conn, head.id, customer_id)
    if state is None:
        raise DomainError("stocktake.customer_not_in_session", id=customer_id, number=head.number)
    return state


def check_in_session(conn: Connection, head: scans.Head, customer_id: int) -> None:
    _line(conn, head, customer_id)


def confirm(conn: Connection, head: scans.Head, customer_id: int, entry: scans.Entry) -> int:
    """Mark the customer 已核实 (found, if the card had not been scanned); returns the line id."""
    state = _line(conn, head, customer_id)
    if not state.found:
        target = scans.target_by_id(conn, head.kind, customer_id)
        assert target is not None
        scans.apply(conn, head, replace(entry, code=target.code, quantity=Decimal(1)), target)
    conn.execute(
        update(StocktakeLine)
        .where(StocktakeLine.id == state.id)
        .values(census_status=CensusStatus.CONFIRMED.value)
    )
    return state.id


def decide(
    conn: Connection, head: scans.Head, customer_id: int, action: CensusAction, note: str
) -> tuple[int, str, str]:
    """Record the follow-up for a customer; returns (line id, old status, new status)."""
    state = _line(conn, head, customer_id)
    if state.found and action is CensusAction.DEACTIVATE:
        code = conn.execute(
            select(StocktakeLine.code).where(StocktakeLine.id == state.id)
        ).scalar_one()
        raise DomainError("stocktake.census_found", code=code)
    status = CensusStatus(action.value).value
    conn.execute(
        update(StocktakeLine)
        .where(StocktakeLine.id == state.id)
        .values(census_status=status, note=note)
    )
    return state.id, state.census_status, status
