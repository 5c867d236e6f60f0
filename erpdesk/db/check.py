"""Health checks of an open database: integrity, foreign keys and the audit chain.

Used by ``erpdesk db check`` and before backups. Each problem is a message id with its parameters, so the
report reads in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import DBAPIError

from erpdesk.db.audit import verify_chain
from erpdesk.db.engine import Database


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Problems found (message id and parameters) and how many audit rows were verified."""

    audit_rows: int
    problems: tuple[tuple[str, dict[str, Any]], ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems


def run_checks(database: Database) -> CheckReport:
    """Run every check; never raises for a problem it can describe (a malformed file included)."""
    problems: list[tuple[str, dict[str, Any]]] = []
    rows = 0
    with database.engine.connect() as conn:
        try:
            if database.is_sqlite:
                result = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
                if [tuple(r) for r in result] != [("ok",)]:
                    problems += [("db.check_integrity", {"detail": r[0]}) for r in result[:20]]
                for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                    problems.append(
                        ("db.check_foreign_key", {"table": table, "rowid": rowid, "parent": parent})
                    )
            rows, broken = verify_chain(conn)
        except DBAPIError as exc:
            if not database.is_sqlite or "malformed" not in str(exc.orig).lower():
                raise
            problems.append(("db.check_integrity", {"detail": str(exc.orig)}))
            return CheckReport(audit_rows=rows, problems=tuple(problems))
        if broken is not None:
            problems.append(
                ("db.check_audit", {"row_id": broken.row_id, "reason": broken.reason_id})
            )
    return CheckReport(audit_rows=rows, problems=tuple(problems))
