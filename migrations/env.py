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

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
