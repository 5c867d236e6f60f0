"""Users of ERPDesk and everything login needs: roles, hashes, lockout state, recovery codes, policy.

Also the company profile, which the first-run set-up records together with the first admin. The password
hash and TOTP secret are audited as "changed", never shown (``__audit_secret__``). Lockout state, password
history and recovery codes are not audited row by row: ``services.auth`` writes explicit audit events
(login, failure, lock, unlock, recovery) instead, with no secret in them.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from erpdesk.db.base import Base, Editable, IdType
from erpdesk.db.types import MoneyType, UtcDateTime

DEFAULT_SETTLEMENT_THRESHOLD = Decimal("50000.00")


class UserAccount(Editable, Base):
    """A person who logs in; ``username_key`` is the case-folded name that must be unique."""

    __tablename__ = "user_account"
    __audit_secret__: ClassVar[frozenset[str]] = frozenset({"password_hash", "totp_secret"})

    username: Mapped[str] = mapped_column(String(64), nullable=False)
    username_key: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    display_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    password_hash: Mapped[str] = mapped_column(String(256), nullable=False)
    password_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

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


class LoginThrottle(Base):
    """Failure counter and lock per entered user name, known or not (so locks do not reveal names)."""

    __tablename__ = "login_throttle"
    __audit__: ClassVar[bool] = False

    name_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failed_logins: Mapped[int] = mapped_column(Integer, nullable=False)
    lock_count: Mapped[int] = mapped_column(Integer, nullable=False)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    window_start: Mapped[datetime | None] = mapped_column(UtcDateTime)
    window_failures: Mapped[int] = mapped_column(Integer, nullable=False)


class PasswordHistory(Base):
    """Earlier password hashes of a user, so that (with expiry on) the last five are not reused."""

    __tablename__ = "password_history"
    __audit__: ClassVar[bool] = False

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False, index=True
    )
    password_hash: Mapped[str] = mapped_column(String(256), nullable=False)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class RecoveryCode(Base):
    """A single-use recovery code of a user, stored as a SHA-256 of its 80 random bits."""

    __tablename__ = "recovery_code"
    __audit__: ClassVar[bool] = False

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False, index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SecuritySetting(Editable, Base):
    """The security policy (one row, id 1): password rules, TOTP for admins, idle lock."""

    __tablename__ = "security_setting"

    min_length: Mapped[int] = mapped_column(Integer, nullable=False)
    require_mix: Mapped[bool] = mapped_column(Boolean, nullable=False)
    passphrase_length: Mapped[int | None] = mapped_column(Integer)
    expiry_days: Mapped[int | None] = mapped_column(Integer)
    extra_words: Mapped[str] = mapped_column(Text, nullable=False)
    totp_required_for_admins: Mapped[bool] = mapped_column(Boolean, nullable=False)
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, nullable=False)


class CompanyProfile(Editable, Base):
    """The company as printed on statements (one row, id 1), recorded at first-run set-up."""

    __tablename__ = "company_profile"

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    address: Mapped[str] = mapped_column(String(400), nullable=False)
    tax_number: Mapped[str] = mapped_column(String(32), nullable=False)
    bank_name: Mapped[str] = mapped_column(String(200), nullable=False)
    bank_account: Mapped[str] = mapped_column(String(64), nullable=False)
    phone: Mapped[str] = mapped_column(String(64), nullable=False)
    payee_account_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    settlement_threshold: Mapped[Decimal] = mapped_column(
        MoneyType, nullable=False, default=DEFAULT_SETTLEMENT_THRESHOLD
    )
    statement_return_days: Mapped[int] = mapped_column(Integer, nullable=False, default=15)
    aging_buckets: Mapped[str] = mapped_column(String(60), nullable=False, default="0,30,60,90")
