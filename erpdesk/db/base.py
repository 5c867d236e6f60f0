"""Declarative base with a constraint naming convention, and the mixins every editable table uses.

Names matter because Alembic batch migrations on SQLite can only drop or alter a constraint it can name.
``Editable`` adds the integer ``version`` SQLAlchemy checks on every UPDATE (optimistic locking) and who
created and last changed the row, in UTC.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import BigInteger, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from erpdesk.db.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# A surrogate key that is BIGINT on PostgreSQL but a plain INTEGER (the rowid alias) on SQLite.
IdType = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    """Root of every model; ``__audit__`` = False keeps a table out of the audit trail."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    __audit__: ClassVar[bool] = True
    # Fields whose values never reach the audit log (only the fact that they changed).
    __audit_secret__: ClassVar[frozenset[str]] = frozenset()


class Editable:
    """Surrogate id, optimistic-lock version, and created/updated by/at for editable tables."""

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_by: Mapped[str] = mapped_column(String(64), nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy passes the class
        return {"version_id_col": cls.version}


AUDIT_SKIPPED_FIELDS = frozenset(
    {"version", "created_at", "created_by", "updated_at", "updated_by"}
)
