"""Stocktake (盘点) tables: sessions, their count lines, every scan, and the handheld files imported.

A session's lines are the expected snapshot (taken when counting starts) plus anything counted outside
the scope. Scans are an append-only journal numbered per session (``seq``); a line's ``counted`` is kept
in step with them so the dock never sums the journal. Lines and scans are written twenty times a second
while scanning, so they are not audited row by row: a correction is audited by the service with its
reason, and posting audits each stock move and customer change. ``row_key`` makes a handheld row count
once however often its file is imported.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from erpdesk.db.base import Base, Editable, IdType
from erpdesk.db.models.customer import CODE
from erpdesk.db.types import QtyType, UtcDateTime


class Stocktake(Editable, Base):
    """盘点单: a customer census or a product count, with its scope and state."""

    __tablename__ = "stocktake"

    number: Mapped[str] = mapped_column(CODE, nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, index=True)
    blind: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    scope_category_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("customer_category.id", ondelete="RESTRICT")
    )
    scope_region: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    scope_salesperson_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("user_account.id", ondelete="SET NULL")
    )
    warehouse_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("warehouse.id", ondelete="RESTRICT")
    )
    scope_product_category: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    posted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    approved_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    cancel_reason: Mapped[str] = mapped_column(String(200), nullable=False, default="")


class StocktakeLine(Base):
    """One customer or product of a session: expected (snapshot), counted, and the census result."""

    __tablename__ = "stocktake_line"
    __audit__: ClassVar[bool] = (
        False  # changed by every scan; corrections are audited by the service
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    stocktake_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("stocktake.id", ondelete="CASCADE"), nullable=False
    )
    target_id: Mapped[int] = mapped_column(BigInteger, nullable=False)  # customer or product id
    code: Mapped[str] = mapped_column(CODE, nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    in_scope: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    expected: Mapped[Decimal] = mapped_column(QtyType, nullable=False, default=Decimal(0))
    counted: Mapped[Decimal] = mapped_column(QtyType, nullable=False, default=Decimal(0))
    found: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    reason: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    census_status: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    note: Mapped[str] = mapped_column(String(200), nullable=False, default="")

    __table_args__ = (UniqueConstraint("stocktake_id", "target_id"),)


class StocktakeScan(Base):
    """One scan, hand entry or handheld row, numbered per session; undone scans stay, marked."""

    __tablename__ = "stocktake_scan"
    __audit__: ClassVar[bool] = False  # the journal itself is the record of the count

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    stocktake_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("stocktake.id", ondelete="CASCADE"), nullable=False
    )
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    code: Mapped[str] = mapped_column(String(64), nullable=False)
    quantity: Mapped[Decimal] = mapped_column(QtyType, nullable=False)
    line_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("stocktake_line.id", ondelete="CASCADE")
    )
    outcome: Mapped[str] = mapped_column(String(16), nullable=False)
    source: Mapped[str] = mapped_column(String(16), nullable=False)  # scan / hand / handheld
    device: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    scanned_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    row_key: Mapped[str | None] = mapped_column(String(64))
    undone: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (
        UniqueConstraint("stocktake_id", "seq"),
        UniqueConstraint("stocktake_id", "row_key"),
    )


class StocktakeFile(Base):
    """A handheld file imported into a session, by content hash (the same file counts once)."""

    __tablename__ = "stocktake_file"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    stocktake_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("stocktake.id", ondelete="CASCADE"), nullable=False
    )
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    rows: Mapped[int] = mapped_column(Integer, nullable=False)
    counted: Mapped[int] = mapped_column(Integer, nullable=False)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    imported_by: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (UniqueConstraint("stocktake_id", "sha256"),)
