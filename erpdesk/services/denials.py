"""Recording refused actions in the audit trail, in a transaction of their own.

Services check permissions before they open their unit of work, so the refusal is committed even though
the refused work never starts. Used through ``Actor.on_denied``, which ``Services`` binds.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import DBAPIError

from erpdesk.db import uow
from erpdesk.db.audit import AuditEntry
from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Permission
from erpdesk.services.context import Actor, Clock

log = logging.getLogger(__name__)


def record_denial(
    database: Database, actor: Actor, permission: Permission, *, clock: Clock
) -> None:
    """Append a ``permission``/``denied`` audit row naming the user, their roles and the action."""
    entry = AuditEntry(
        "permission",
        permission.value,
        "denied",
        None,
        {"user": actor.username, "roles": sorted(r.value for r in actor.roles)},
    )
    try:
        uow.run(
            database, actor.username, lambda unit: unit.record([entry]), write=True, now=clock.utc
        )
    except DBAPIError:
        # The refusal itself must still reach the user even when the database cannot take the note.
        log.exception("could not audit a refused %s by %s", permission.value, actor.username)
