"""Users of ERPDesk, their roles, and the state login needs (hash, lockout, second factor).

The password hash and TOTP secret are audited as "changed", never shown (``__audit_secret__``).
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from erpdesk.db.base import Base, Editable, IdType
from erpdesk.db.types import UtcDateTime


class UserAccount(Editable, Base):
    """A person who logs in; ``username_key`` is the lower-cased name that must be unique."""

    __tablename__ = "user_account"
    __audit_secret__: ClassVar[frozenset[str]] = frozenset({"password_hash", "totp_secret"})

    username: Mapped[str] = mapped_column(String(64), nullable=False)
    username_key: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    display_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    password_hash: Mapped[str] = mapped_column(String(256), nullable=False)
    password_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    lock_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)

    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )


class UserRole(Base):
    """One role held by a user (a user may hold several)."""

    __tablename__ = "user_role"

    user_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(32), primary_key=True)

    user: Mapped[UserAccount] = relationship(back_populates="roles")
