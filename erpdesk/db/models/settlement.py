"""Settlement tables (结算, issue 7): a settlement wraps one receipt with its planned allocations, its
approval, the invoices it is linked to or its temporary voucher (临时凭证), and its follow-up (notice
sent / confirmed, next action).

A settlement's money is fixed when it is submitted: ``settlement_line`` rows are never edited, and once
posted the receipt and its allocations live in the receivables tables. What still changes on a posted
settlement is its state (reversed), its invoice link and its follow-up fields, each change versioned and
audited.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from erpdesk.db.base import Base, Editable, IdType
from erpdesk.db.models.customer import CODE
from erpdesk.db.types import MoneyType, UtcDateTime


class Settlement(Editable, Base):
    """结算单 (``JS…``); without an invoice it is also a 临时凭证 (``LS…``)."""

    __tablename__ = "settlement"

    number: Mapped[str] = mapped_column(CODE, nullable=False, unique=True)
    voucher_number: Mapped[str | None] = mapped_column(CODE, unique=True)
    customer_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="RESTRICT"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    invoice_status: Mapped[str] = mapped_column(String(16), nullable=False)
    # The receipt as it will be (or was) posted.
    receipt_date: Mapped[date] = mapped_column(Date, nullable=False)
    method: Mapped[str] = mapped_column(String(16), nullable=False)
    reference: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    notes: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    amount: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    # Voucher details (empty with an invoice).
    voucher_reason: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    reference_docs: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    # Approval: why it was needed (message ids, comma separated), who asked and who decided.
    needs_approval: Mapped[bool] = mapped_column(Boolean, nullable=False)
    approval_reasons: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    submitted_by: Mapped[str] = mapped_column(String(64), nullable=False)
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decision_comment: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    # Posting and reversal: the receivables rows that carry the money.
    posted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    receipt_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("receipt.id", ondelete="RESTRICT"), unique=True
    )
    reversal_receipt_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("receipt.id", ondelete="RESTRICT"), unique=True
    )
    reversed_on: Mapped[date | None] = mapped_column(Date)
    reversal_reason: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    # Follow-up: the notice sent to the customer and the next thing to do.
    notice_sent_on: Mapped[date | None] = mapped_column(Date)
    notice_sent_by: Mapped[str | None] = mapped_column(String(64))
    notice_confirmed_on: Mapped[date | None] = mapped_column(Date)
    notice_note: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    next_action_on: Mapped[date | None] = mapped_column(Date)
    follow_up_note: Mapped[str] = mapped_column(String(200), nullable=False, default="")

    __table_args__ = (
        Index("ix_settlement_customer_id_submitted_at", "customer_id", "submitted_at"),
        Index("ix_settlement_status_invoice_status", "status", "invoice_status"),
    )


class SettlementLine(Base):
    """Money the settlement allocates to one open item; fixed at submit."""

    __tablename__ = "settlement_line"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    settlement_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("settlement.id", ondelete="RESTRICT"), nullable=False
    )
    line_no: Mapped[int] = mapped_column(Integer, nullable=False)
    receivable_item_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("receivable_item.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    open_before: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    amount: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)

    __table_args__ = (
        UniqueConstraint("settlement_id", "receivable_item_id"),
        UniqueConstraint("settlement_id", "line_no"),
    )


class SettlementInvoice(Base):
    """An invoice (发票) linked to a settlement, at submit or when it arrives later."""

    __tablename__ = "settlement_invoice"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    settlement_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("settlement.id", ondelete="RESTRICT"), nullable=False
    )
    invoice_record_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("invoice_record.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    linked_by: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (UniqueConstraint("settlement_id", "invoice_record_id"),)
