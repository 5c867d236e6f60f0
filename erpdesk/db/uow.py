"""Unit of work: one Session per use case, committed once, rolled back unless committed.

A write unit begins ``IMMEDIATE`` on SQLite; the audit hook writes the audit rows in the same
transaction; ``changes`` lists what was touched (table → keys) so the GUI can refresh exactly that.
``run`` re-runs the whole unit after a serialization failure, deadlock or busy timeout.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType
from typing import TypeVar

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from erpdesk.db import audit
from erpdesk.db.engine import Database
from erpdesk.db.retry import with_retries

T = TypeVar("T")
HOST = socket.gethostname()[:128]


class AuditedSession(Session):
    """Session class whose flushes write audit rows (see ``erpdesk.db.audit``)."""


audit.install_audit_hook(AuditedSession)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class UnitOfWork:
    """A transaction for one use case; use as a context manager and call ``commit`` once."""

    def __init__(
        self,
        database: Database,
        actor: str,
        *,
        write: bool,
        now: Callable[[], datetime] = _utc_now,
        isolation: str | None = None,
    ) -> None:
        self.database = database
        self.actor = actor
        self.write = write
        self._now = now
        self._isolation = isolation
        self.committed = False
        self.changes: dict[str, set[str]] = {}
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        engine = self.database.write_engine if self.write else self.database.engine
        if self._isolation and self.database.dialect == "postgresql":
            engine = engine.execution_options(isolation_level=self._isolation)
        self.session = AuditedSession(bind=engine, expire_on_commit=False, autoflush=True)
        self.session.info["audit_context"] = self.audit_context()
        return self

    def audit_context(self) -> audit.AuditContext:
        return audit.AuditContext(
            app_user=self.actor, host=HOST, txn_id=uuid.uuid4().hex, at_utc=self._now()
        )

    @property
    def connection(self) -> Connection:
        """The transaction's connection, for Core statements (bulk paths, numbering)."""
        return self.session.connection()

    def record(self, entries: list[audit.AuditEntry]) -> None:
        """Audit changes made with Core statements (the ORM hook cannot see them)."""
        for entry in entries:
            self.session.info.setdefault("changes", {}).setdefault(entry.table_name, set()).add(
                entry.row_pk
            )
        audit.append(self.connection, self.session.info["audit_context"], entries)

    def commit(self) -> None:
        self.session.commit()
        self.changes = dict(self.session.info.get("changes", {}))
        self.committed = True

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self.committed:
                self.session.rollback()
        finally:
            self.session.close()


def run(
    database: Database,
    actor: str,
    work: Callable[[UnitOfWork], T],
    *,
    write: bool,
    now: Callable[[], datetime] = _utc_now,
    isolation: str | None = None,
) -> T:
    """Run ``work`` in a fresh unit of work, commit it, and retry the whole unit when that is safe."""

    def attempt() -> T:
        with UnitOfWork(database, actor, write=write, now=now, isolation=isolation) as uow:
            result = work(uow)
            uow.commit()
            return result

    return with_retries(attempt)
