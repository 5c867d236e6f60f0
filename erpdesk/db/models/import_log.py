"""The import log: one row per import attempt (file name, SHA-256, user, time, mode, counts, status).

A row is written with status ``running`` in its own short transaction before the import's write
transaction starts; the write transaction sets ``done`` together with the data, so a killed import leaves
``running`` behind, which readers show as interrupted. Importing a file whose hash has a ``done`` row warns.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from erpdesk.db.base import Base, IdType
from erpdesk.db.types import UtcDateTime

STATUS_RUNNING = "running"
STATUS_DONE = "done"
STATUS_REJECTED = "rejected"
STATUS_FAILED = "failed"
STATUS_CANCELLED = "cancelled"


class ImportLog(Base):
    """One import of a file; counts are rows of the file by outcome."""

    __tablename__ = "import_log"
    __audit__: ClassVar[bool] = False  # the imported rows are audited; this is a log itself

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    username: Mapped[str] = mapped_column(String(64), nullable=False)
    mode: Mapped[str] = mapped_column(String(16), nullable=False)
    all_or_nothing: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    rows_total: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_new: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_updated: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_unchanged: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_error: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
