"""A refused action is explained to the user and leaves an audit entry, whichever service refused it."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from erpdesk.db.engine import Database
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.services.errors import PermissionDenied


def _denials(database: Database) -> list[tuple[str, str, dict[str, object]]]:
    with database.engine.connect() as conn:
        rows = conn.execute(
            select(AuditLog.row_pk, AuditLog.app_user, AuditLog.new)
            .where(AuditLog.table_name == "permission", AuditLog.action == "denied")
            .order_by(AuditLog.id)
        ).all()
    return [(pk, user, json.loads(new)) for pk, user, new in rows]


def test_a_clerk_deleting_a_customer_is_refused_and_audited(
    backend: Database, clock: Clock
) -> None:
    clerk = Services(backend, Actor(username="wang.li", roles=frozenset({Role.CLERK})), clock)
    with pytest.raises(PermissionDenied) as refused:
        clerk.customers.delete(1, 1, ack={"delete"})
    assert refused.value.msg_id == "perm.denied"
    assert _denials(backend) == [
        ("customer.delete", "wang.li", {"user": "wang.li", "roles": ["clerk"]})
    ]


def test_an_admin_confirming_an_order_is_refused_and_audited(
    backend: Database, clock: Clock
) -> None:
    admin = Services(backend, Actor(username="root", roles=frozenset({Role.ADMIN})), clock)
    with pytest.raises(PermissionDenied):
        admin.orders.confirm(1, 1)
    assert [(pk, user) for pk, user, _ in _denials(backend)] == [("order.create", "root")]


def test_an_allowed_action_leaves_no_denial(backend: Database, clock: Clock) -> None:
    manager = Services(backend, Actor(username="zhou", roles=frozenset({Role.MANAGER})), clock)
    manager.customers.search_ids("")
    assert _denials(backend) == []
