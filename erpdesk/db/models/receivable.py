"""Receivables ledger tables (issue 7): receipts (收款单), their allocations to open items (核销) and
the invoices we issued (发票).

Receipts and allocations are posted rows: a correction is a reversing receipt (negative amount, dated the
day it is made, ``reverses_id`` → the original) with negative allocations that give each item back
exactly what the original took. The only figure that moves on a posted receipt is ``unallocated`` (its
advance, 预收), which falls when the advance is applied to an item later; that change is versioned and
audited like every other.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from erpdesk.db.base import Base, Editable, IdType
from erpdesk.db.models.customer import CODE
from erpdesk.db.types import MoneyType, UtcDateTime


class Receipt(Editable, Base):
    """收款单: money received from a customer; ``unallocated`` is what is left as an advance."""

    __tablename__ = "receipt"

    number: Mapped[str] = mapped_column(CODE, nullable=False, unique=True)
    customer_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="RESTRICT"), nullable=False
    )
    receipt_date: Mapped[date] = mapped_column(Date, nullable=False)
    method: Mapped[str] = mapped_column(String(16), nullable=False)
    reference: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    notes: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    amount: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    unallocated: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    posted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    reverses_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("receipt.id", ondelete="RESTRICT"), unique=True
    )
    reason: Mapped[str] = mapped_column(String(200), nullable=False, default="")

    __table_args__ = (Index("ix_receipt_customer_id_receipt_date", "customer_id", "receipt_date"),)


class ReceiptAllocation(Base):
    """核销: ``amount`` of a receipt applied to an open item (negative on a reversal)."""

    __tablename__ = "receipt_allocation"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    receipt_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("receipt.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    receivable_item_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("receivable_item.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    amount: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    allocated_on: Mapped[date] = mapped_column(Date, nullable=False)
    is_reversal: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    reverses_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("receipt_allocation.id", ondelete="RESTRICT"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)


class InvoiceRecord(Base):
    """发票 we issued: which income was invoiced; it never changes a receivable."""

    __tablename__ = "invoice_record"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(20), nullable=False)
    code: Mapped[str] = mapped_column(String(12), nullable=False, default="")
    invoice_type: Mapped[str] = mapped_column(String(16), nullable=False)
    issued_on: Mapped[date] = mapped_column(Date, nullable=False)
    amount: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    tax: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    customer_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    receivable_item_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("receivable_item.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (Index("ix_invoice_record_invoice_type_number", "invoice_type", "number"),)
