"""Tables every feature relies on: number series counters, the audit trail and its chain head, app meta.

None of these is audited itself (the audit log would audit itself forever) and none is edited by users.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import BigInteger, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from erpdesk.db.base import Base, IdType
from erpdesk.db.types import UtcDateTime


class NumberSeries(Base):
    """One counter per series and period: the next number to hand out."""

    __tablename__ = "number_series"
    __audit__: ClassVar[bool] = False

    series: Mapped[str] = mapped_column(String(64), primary_key=True)
    period: Mapped[str] = mapped_column(String(16), primary_key=True)
    next_value: Mapped[int] = mapped_column(BigInteger, nullable=False)


class AppMeta(Base):
    """Key/value facts about this database: its company id, when it was created."""

    __tablename__ = "app_meta"
    __audit__: ClassVar[bool] = False

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class AuditLog(Base):
    """Append-only record of every change; ``hash`` chains each row to the one before it."""

    __tablename__ = "audit_log"
    __audit__: ClassVar[bool] = False

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    txn_id: Mapped[str] = mapped_column(String(32), nullable=False)
    at_utc: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    app_user: Mapped[str] = mapped_column(String(64), nullable=False)
    host: Mapped[str] = mapped_column(String(128), nullable=False)
    table_name: Mapped[str] = mapped_column(String(64), nullable=False)
    row_pk: Mapped[str] = mapped_column(String(128), nullable=False)
    action: Mapped[str] = mapped_column(String(32), nullable=False)
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (
        Index("ix_audit_log_table_name_row_pk", "table_name", "row_pk"),
        Index("ix_audit_log_at_utc", "at_utc"),
    )


class AuditHead(Base):
    """The single row holding the newest audit hash; updating it serialises audit writers."""

    __tablename__ = "audit_head"
    __audit__: ClassVar[bool] = False

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
    row_count: Mapped[int] = mapped_column(BigInteger, nullable=False)
