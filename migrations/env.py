"""Alembic environment: run on the connection ERPDesk hands over (``config.attributes['connection']``).

The caller owns the transaction, so an interrupted upgrade rolls back as a whole on both backends.
``render_as_batch`` lets SQLite alter tables by copy-and-move.
"""

from __future__ import annotations

from alembic import context

from erpdesk.db import models  # noqa: F401 - registers every table
from erpdesk.db.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run migrations through erpdesk (erpdesk db upgrade), not the alembic command"
    )


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Leave out objects made by raw DDL (FTS5 tables, pg_trgm indexes): see ``models.customer``."""
    return not any(check(name) for check in Base.metadata.info.get("unmanaged", ()))


context.configure(
    connection=connection,
    include_name=include_name,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
