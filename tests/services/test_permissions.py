"""Each role's forbidden actions are refused by the services, with a clear message and an audit entry."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from auth_setup import FakeTime, add_user, admin_actor, audit_actions, set_up, users

from erpdesk.db.engine import Database
from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Permission, Role
from erpdesk.services.auth_dto import CompanyProfile, SecurityPolicy
from erpdesk.services.context import Actor
from erpdesk.services.errors import PermissionDenied
from erpdesk.services.users import UserService

P = Permission
# DOMAIN.md §13, written out independently of erpdesk.domain.permissions.
ALLOWED: dict[Role, set[Permission]] = {
    Role.CLERK: {
        P.VIEW_CUSTOMERS, P.CREATE_CUSTOMER, P.EDIT_CUSTOMER, P.IMPORT_DRY_RUN, P.EXPORT,
        P.CREATE_ORDER, P.PRINT_STATEMENT, P.COUNT_STOCK,
    },
    Role.ACCOUNTANT: {
        P.VIEW_CUSTOMERS, P.CREATE_CUSTOMER, P.EDIT_CUSTOMER, P.IMPORT_DRY_RUN, P.IMPORT, P.EXPORT,
        P.OVERRIDE_CREDIT, P.POST_RECEIPT, P.REVERSE_RECEIPT, P.CREATE_SETTLEMENT,
        P.APPROVE_SETTLEMENT, P.PRINT_STATEMENT, P.VIEW_AUDIT,
    },
    Role.MANAGER: {
        P.VIEW_CUSTOMERS, P.CREATE_CUSTOMER, P.EDIT_CUSTOMER, P.DEACTIVATE_CUSTOMER,
        P.DELETE_CUSTOMER, P.CHANGE_CUSTOMER_CODE, P.MERGE_CUSTOMERS, P.IMPORT_DRY_RUN, P.IMPORT,
        P.EXPORT, P.CREATE_ORDER, P.OVERRIDE_CREDIT, P.POST_RECEIPT, P.REVERSE_RECEIPT,
        P.CREATE_SETTLEMENT, P.APPROVE_SETTLEMENT, P.PRINT_STATEMENT, P.COUNT_STOCK,
        P.POST_STOCKTAKE, P.VIEW_AUDIT,
    },
    Role.ADMIN: {
        P.VIEW_CUSTOMERS, P.EXPORT, P.VIEW_AUDIT, P.MANAGE_USERS, P.MANAGE_SETTINGS, P.BACKUP,
        P.RESTORE,
    },
}  # fmt: skip


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", list(Permission))
def test_permission_table_matches_the_domain_document(role: Role, permission: Permission) -> None:
    actor = Actor(username=f"demo-{role.value}", roles=frozenset({role}))
    if permission in ALLOWED[role]:
        actor.require(permission)
    else:
        with pytest.raises(PermissionDenied) as caught:
            actor.require(permission)
        assert caught.value.msg_id == "perm.denied"


def test_admin_is_not_a_business_superuser() -> None:
    admin = Actor(username="boss", roles=frozenset({Role.ADMIN}))
    for permission in (P.CREATE_CUSTOMER, P.POST_RECEIPT, P.APPROVE_SETTLEMENT, P.IMPORT):
        assert not admin.may(permission)


def test_several_roles_add_up() -> None:
    both = Actor(username="x", roles=frozenset({Role.CLERK, Role.ADMIN}))
    assert both.may(P.CREATE_ORDER)
    assert both.may(P.MANAGE_USERS)


USER_MANAGEMENT: dict[str, Callable[[UserService], object]] = {
    "add": lambda s: s.add("newbie", [Role.CLERK]),
    "list": lambda s: s.list(),
    "get other": lambda s: s.get("boss"),
    "change_roles": lambda s: s.change_roles("boss", [Role.CLERK]),
    "set_display_name": lambda s: s.set_display_name("boss", "x"),
    "reset_password": lambda s: s.reset_password("boss"),
    "unlock": lambda s: s.unlock("boss"),
    "disable": lambda s: s.disable("boss"),
    "enable": lambda s: s.enable("boss"),
    "reset_totp": lambda s: s.reset_totp("boss"),
    "set_policy": lambda s: s.set_policy(SecurityPolicy()),
    "set_company_profile": lambda s: s.set_company_profile(CompanyProfile(name="X")),
}


@pytest.mark.parametrize("role", [Role.CLERK, Role.ACCOUNTANT, Role.MANAGER])
def test_business_roles_cannot_manage_users_and_each_refusal_is_audited(
    backend: Database, role: Role
) -> None:
    time = FakeTime()
    admin = admin_actor(set_up(backend, time))
    login = add_user(backend, time, admin, "worker", role, password="Staff#2468kqz")
    service = users(backend, time, login.actor)
    for name, call in USER_MANAGEMENT.items():
        with pytest.raises(PermissionDenied) as caught:
            call(service)
        assert caught.value.msg_id == "perm.denied", name
    refusals = [a for a in audit_actions(backend) if a[:2] == ("permission", "denied")]
    assert len(refusals) == len(USER_MANAGEMENT)
    assert {user for _t, _a, user in refusals} == {"worker"}
    text = render("perm.denied", "zh_CN", user="worker", action=P.MANAGE_USERS.value)
    assert "无权" in text
    # What everybody may do with their own account still works.
    assert service.get("worker").username == "worker"
    assert service.get_policy().idle_lock_minutes == 15
    assert service.enrol_totp().account_name == "worker"
    assert len(service.regenerate_recovery_codes()) == 10
