"""Roles, permissions and the table of which role may do what (DOMAIN.md §13).

The list of permissions is fixed in code; services check them with ``require`` so that the GUI and the
CLI obey the same rules. Admin is a system role, not a business superuser.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from erpdesk.domain.errors import DomainError


class Role(StrEnum):
    """The four roles a user may hold (several at once)."""

    ADMIN = "admin"
    CLERK = "clerk"
    ACCOUNTANT = "accountant"
    MANAGER = "manager"


class Permission(StrEnum):
    """Actions a service refuses unless one of the actor's roles grants them."""

    VIEW_CUSTOMERS = "customer.view"
    CREATE_CUSTOMER = "customer.create"
    EDIT_CUSTOMER = "customer.edit"
    DEACTIVATE_CUSTOMER = "customer.deactivate"
    DELETE_CUSTOMER = "customer.delete"
    CHANGE_CUSTOMER_CODE = "customer.change_code"
    MERGE_CUSTOMERS = "customer.merge"
    IMPORT_DRY_RUN = "import.dry_run"
    IMPORT = "import.commit"
    EXPORT = "export"
    CREATE_ORDER = "order.create"
    OVERRIDE_CREDIT = "credit.override"
    POST_RECEIPT = "receipt.post"
    REVERSE_RECEIPT = "receipt.reverse"
    CREATE_SETTLEMENT = "settlement.create"
    APPROVE_SETTLEMENT = "settlement.approve"
    PRINT_STATEMENT = "statement.print"
    COUNT_STOCK = "stocktake.count"
    POST_STOCKTAKE = "stocktake.post"
    VIEW_AUDIT = "audit.view"
    MANAGE_USERS = "users.manage"
    MANAGE_SETTINGS = "settings.manage"
    BACKUP = "db.backup"
    RESTORE = "db.restore"


_P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset(
        {
            _P.VIEW_CUSTOMERS,
            _P.CREATE_CUSTOMER,
            _P.EDIT_CUSTOMER,
            _P.IMPORT_DRY_RUN,
            _P.EXPORT,
            _P.CREATE_ORDER,
            _P.PRINT_STATEMENT,
            _P.COUNT_STOCK,
        }
    ),
    Role.ACCOUNTANT: frozenset(
        {
            _P.VIEW_CUSTOMERS,
            _P.CREATE_CUSTOMER,
            _P.EDIT_CUSTOMER,
            _P.IMPORT_DRY_RUN,
            _P.IMPORT,
            _P.EXPORT,
            _P.OVERRIDE_CREDIT,
            _P.POST_RECEIPT,
            _P.REVERSE_RECEIPT,
            _P.CREATE_SETTLEMENT,
            _P.APPROVE_SETTLEMENT,
            _P.PRINT_STATEMENT,
            _P.VIEW_AUDIT,
        }
    ),
    Role.MANAGER: frozenset(
        {
            _P.VIEW_CUSTOMERS,
            _P.CREATE_CUSTOMER,
            _P.EDIT_CUSTOMER,
            _P.DEACTIVATE_CUSTOMER,
            _P.DELETE_CUSTOMER,
            _P.CHANGE_CUSTOMER_CODE,
            _P.MERGE_CUSTOMERS,
            _P.IMPORT_DRY_RUN,
            _P.IMPORT,
            _P.EXPORT,
            _P.CREATE_ORDER,
            _P.OVERRIDE_CREDIT,
            _P.POST_RECEIPT,
            _P.REVERSE_RECEIPT,
            _P.CREATE_SETTLEMENT,
            _P.APPROVE_SETTLEMENT,
            _P.PRINT_STATEMENT,
            _P.COUNT_STOCK,
            _P.POST_STOCKTAKE,
            _P.VIEW_AUDIT,
        }
    ),
    Role.ADMIN: frozenset(
        {
            _P.VIEW_CUSTOMERS,
            _P.EXPORT,
            _P.VIEW_AUDIT,
            _P.MANAGE_USERS,
            _P.MANAGE_SETTINGS,
            _P.BACKUP,
            _P.RESTORE,
        }
    ),
}


def permissions_of(roles: Iterable[Role]) -> frozenset[Permission]:
    """Return every permission granted by any of ``roles``."""
    granted: set[Permission] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)


def require(roles: Iterable[Role], permission: Permission, *, user: str) -> None:
    """Raise ``DomainError('perm.denied')`` unless one of ``roles`` grants ``permission``."""
    if permission not in permissions_of(roles):
        raise DomainError("perm.denied", user=user, action=permission.value)
