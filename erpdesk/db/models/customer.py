"""Customer archive tables: customers, contacts, old codes, every code ever issued, relationships,
interactions, categories, levels and code rules.

Code columns sort byte-wise (``COLLATE "C"`` on PostgreSQL; SQLite's BINARY) so a prefix search is an
index range. The search indexes that SQLAlchemy cannot describe (the SQLite FTS5 trigram table
``customer_fts`` and the PostgreSQL pg_trgm GIN indexes) are created by migration 0003 and listed in
``UNMANAGED`` so schema comparison leaves them alone. Contacts and relationships are audited by the
service under the customer's key (``<customer id>/<row id>``), so one customer's history is one range.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from erpdesk.db.base import Base, Editable, IdType
from erpdesk.db.types import MoneyType, UtcDateTime


def _code(length: int) -> String:
    return String(length).with_variant(String(length, collation="C"), "postgresql")


CODE = _code(30)

# Search structures created with raw DDL in migration 0003 (see ``is_unmanaged``).
FTS_TABLE = "customer_fts"
PG_TRGM_INDEXES = (
    ("ix_customer_name_trgm", "customer", "name"),
    ("ix_customer_short_name_trgm", "customer", "short_name"),
    ("ix_customer_contact_name_trgm", "customer_contact", "name"),
    ("ix_customer_contact_phone_digits_trgm", "customer_contact", "phone_digits"),
    ("ix_customer_contact_mobile_digits_trgm", "customer_contact", "mobile_digits"),
    ("ix_customer_phone_digits_trgm", "customer", "phone_digits"),
)
UNMANAGED: frozenset[str] = frozenset(name for name, _t, _c in PG_TRGM_INDEXES)
UNMANAGED_PREFIXES: tuple[str, ...] = (FTS_TABLE,)


def is_unmanaged(name: str | None) -> bool:
    """True for database objects made by raw DDL that schema comparison must ignore."""
    return bool(name) and (
        name in UNMANAGED or any(str(name).startswith(p) for p in UNMANAGED_PREFIXES)
    )


Base.metadata.info.setdefault("unmanaged", []).append(is_unmanaged)


class CustomerCategory(Editable, Base):
    """A node of the 客户分类 tree; ``code`` is its level code, ``prefix`` feeds a rule's {CAT}."""

    __tablename__ = "customer_category"

    parent_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("customer_category.id", ondelete="RESTRICT"), index=True
    )
    code: Mapped[str] = mapped_column(_code(12), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    prefix: Mapped[str] = mapped_column(String(12), nullable=False, default="")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class CustomerLevel(Editable, Base):
    """An entry of the 客户等级 list (VIP / 普通 / 潜在 …)."""

    __tablename__ = "customer_level"

    name: Mapped[str] = mapped_column(String(30), nullable=False, unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class CodeRule(Editable, Base):
    """A customer code rule set by the admin: global (``category_id`` NULL) or for one category."""

    __tablename__ = "code_rule"

    name: Mapped[str] = mapped_column(String(50), nullable=False)
    pattern: Mapped[str] = mapped_column(String(60), nullable=False)
    reset: Mapped[str] = mapped_column(String(16), nullable=False)
    category_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("customer_category.id", ondelete="CASCADE"), unique=True
    )
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class Customer(Editable, Base):
    """客户档案. ``name_key`` is the normalised name for duplicate checks; ``phone_digits`` for search."""

    __tablename__ = "customer"

    code: Mapped[str] = mapped_column(CODE, nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    name_key: Mapped[str] = mapped_column(String(100), nullable=False, index=True)
    short_name: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    mnemonic: Mapped[str] = mapped_column(CODE, nullable=False, default="", index=True)
    mnemonic_manual: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    customer_type: Mapped[str] = mapped_column(String(16), nullable=False)
    # category, level and region are not indexed: a few dozen values over a million rows select
    # too much for an index to beat a scan of the code-ordered list, and they cost the bulk loads.
    category_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("customer_category.id", ondelete="RESTRICT")
    )
    level_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("customer_level.id", ondelete="RESTRICT")
    )
    region: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    industry: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    company_size: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    source: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    province: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    city: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    district: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    address: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    postcode: Mapped[str] = mapped_column(String(10), nullable=False, default="")
    phone: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    phone_digits: Mapped[str] = mapped_column(String(20), nullable=False, default="", index=True)
    email: Mapped[str] = mapped_column(String(254), nullable=False, default="")
    website: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    tax_number: Mapped[str] = mapped_column(String(20), nullable=False, default="", index=True)
    bank_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    bank_account: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    invoice_title: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    invoice_address_phone: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    credit_limit: Mapped[Decimal] = mapped_column(MoneyType, nullable=False, default=Decimal(0))
    payment_terms_days: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    settlement_method: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    salesperson_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="active")
    deactivated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    deactivation_reason: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    next_follow_up: Mapped[date | None] = mapped_column(Date, index=True)
    # Customer census (客户盘点, issue 9): when the customer was last verified, and the follow-up flag.
    verified_on: Mapped[date | None] = mapped_column(Date)
    census_flag: Mapped[str] = mapped_column(
        String(16), nullable=False, default="", server_default=""
    )

    __table_args__ = (
        Index("ix_customer_status_code", "status", "code"),
        Index("ix_customer_status_name", "status", "name"),
    )


class CustomerContact(Base):
    """A 联系人 of a customer; phones are kept as typed and as digits for search."""

    __tablename__ = "customer_contact"
    __audit__: ClassVar[bool] = False  # audited by the service under "<customer id>/<contact id>"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    customer_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    position: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    phone: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    mobile: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    email: Mapped[str] = mapped_column(String(254), nullable=False, default="")
    im: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    notes: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    phone_digits: Mapped[str] = mapped_column(String(20), nullable=False, default="", index=True)
    mobile_digits: Mapped[str] = mapped_column(String(20), nullable=False, default="", index=True)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class IssuedCode(Base):
    """Every code ever issued in a scope (``customer``): current, old and deleted customers' codes.

    The primary key makes reissuing impossible even if the service check were bypassed.
    """

    __tablename__ = "issued_code"
    __audit__: ClassVar[bool] = False

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class CustomerCodeAlias(Base):
    """An old code of a customer (旧编码): still found by search, never reissued."""

    __tablename__ = "customer_code_alias"
    __audit__: ClassVar[bool] = False  # the code change itself is audited with its reason

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    customer_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    code: Mapped[str] = mapped_column(CODE, nullable=False, unique=True)
    reason: Mapped[str] = mapped_column(String(200), nullable=False)
    changed_by: Mapped[str] = mapped_column(String(64), nullable=False)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class CustomerRelationship(Base):
    """A typed link ``from`` → ``to`` (see ``domain.customers.RelationKind``), shown on both sides."""

    __tablename__ = "customer_relationship"
    __audit__: ClassVar[bool] = False  # audited by the service on both customers

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    from_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    to_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    note: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (UniqueConstraint("from_id", "to_id", "kind"),)


class CustomerInteraction(Base):
    """A 跟进记录: a dated call, visit or e-mail, with an optional next follow-up date."""

    __tablename__ = "customer_interaction"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    customer_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    on_date: Mapped[date] = mapped_column(Date, nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    contact_name: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    next_step: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    follow_up_date: Mapped[date | None] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
