"""``AreaService``: the read/write plumbing every area service shares.

Each call runs in its own unit of work (re-run on serialization failures and busy timeouts); a write
also returns the ``changes`` it touched, so the GUI can refresh exactly those rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from erpdesk.db import uow
from erpdesk.db.engine import Database
from erpdesk.db.uow import UnitOfWork
from erpdesk.services.context import Actor, Clock
from erpdesk.services.dto import Changes

T = TypeVar("T")


class AreaService:
    """Database, actor and clock of one area service, and its read / write helpers."""

    def __init__(self, database: Database, actor: Actor, clock: Clock | None = None) -> None:
        self.database = database
        self.actor = actor
        self.clock = clock or Clock()

    def _read(self, fn: Callable[[UnitOfWork], T]) -> T:
        return uow.run(self.database, self.actor.username, fn, write=False, now=self.clock.utc)

    def _write(self, fn: Callable[[UnitOfWork], T]) -> tuple[T, Changes]:
        changes: dict[str, frozenset[str]] = {}

        def work(u: UnitOfWork) -> T:
            result = fn(u)
            u.session.flush()
            changes.clear()
            for table, keys in u.session.info.get("changes", {}).items():
                changes[table] = frozenset(str(k).split("/")[0] for k in keys)
            return result

        value = uow.run(self.database, self.actor.username, work, write=True, now=self.clock.utc)
        return value, changes

    def _stamp(self, row: Any, *, new: bool) -> None:
        now = self.clock.utc()
        if new:
            row.created_at, row.created_by = now, self.actor.username
        row.updated_at, row.updated_by = now, self.actor.username
