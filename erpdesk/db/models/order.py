"""Sales order tables (销售订单): orders and lines, deliveries (送货单) and their lines, the customer's
open receivable items, credit policies and the log of credit overrides.

Posted rows (deliveries, receivable items, overrides) are never edited or deleted: a correction is a new
reversing row. Order lines are written with Core by the service, which audits them under the order's
key, so a 50-line save is one INSERT and one audit row instead of fifty flushes.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from erpdesk.db.base import Base, Editable, IdType
from erpdesk.db.models.customer import CODE
from erpdesk.db.types import MoneyType, QtyType, UtcDateTime


class SalesOrder(Editable, Base):
    """Order header; ``total`` (tax included) and ``tax`` are the sums of the lines."""

    __tablename__ = "sales_order"

    number: Mapped[str] = mapped_column(CODE, nullable=False, unique=True)
    customer_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="RESTRICT"), nullable=False
    )
    order_date: Mapped[date] = mapped_column(Date, nullable=False)
    delivery_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    contact: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    phone: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    address: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    salesperson_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    settlement_method: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    payment_terms_days: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    total: Mapped[Decimal] = mapped_column(MoneyType, nullable=False, default=Decimal(0))
    tax: Mapped[Decimal] = mapped_column(MoneyType, nullable=False, default=Decimal(0))
    delivered: Mapped[Decimal] = mapped_column(MoneyType, nullable=False, default=Decimal(0))
    line_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    status_reason: Mapped[str] = mapped_column(String(200), nullable=False, default="")

    __table_args__ = (
        Index("ix_sales_order_order_date_id", "order_date", "id"),
        Index("ix_sales_order_customer_id_order_date", "customer_id", "order_date"),
        Index("ix_sales_order_status_order_date", "status", "order_date"),
    )


class SalesOrderLine(Base):
    """One line: quantity × tax-inclusive price less discount = ``amount``; ``tax`` is inside it."""

    __tablename__ = "sales_order_line"
    __audit__: ClassVar[bool] = False  # audited by the service under the order's id

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    order_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("sales_order.id", ondelete="CASCADE"), nullable=False, index=True
    )
    line_no: Mapped[int] = mapped_column(Integer, nullable=False)
    product_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("product.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    qty: Mapped[Decimal] = mapped_column(QtyType, nullable=False)
    unit_price: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    discount_bp: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    tax_rate_bp: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    amount: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    tax: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    delivered_qty: Mapped[Decimal] = mapped_column(QtyType, nullable=False, default=Decimal(0))
    notes: Mapped[str] = mapped_column(String(200), nullable=False, default="")


class Delivery(Base):
    """送货单: posted once; a reversal is another delivery with negative amounts (``reverses_id``)."""

    __tablename__ = "delivery"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(CODE, nullable=False, unique=True)
    order_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("sales_order.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    customer_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    warehouse_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("warehouse.id", ondelete="RESTRICT"), nullable=False
    )
    delivered_on: Mapped[date] = mapped_column(Date, nullable=False)
    amount: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    reverses_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("delivery.id", ondelete="RESTRICT")
    )
    reason: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)


class DeliveryLine(Base):
    """Quantity of one order line delivered (negative on a reversal) and its amount."""

    __tablename__ = "delivery_line"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    delivery_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("delivery.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    order_line_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("sales_order_line.id", ondelete="RESTRICT"), nullable=False
    )
    product_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("product.id", ondelete="RESTRICT"), nullable=False
    )
    qty: Mapped[Decimal] = mapped_column(QtyType, nullable=False)
    amount: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)


class ReceivableItem(Editable, Base):
    """An open item the customer owes (应收): posted by a delivery, due after the payment terms.

    ``open_amount`` falls as receipts are allocated (issue 7); ``amount`` never changes.
    """

    __tablename__ = "receivable_item"

    customer_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="RESTRICT"), nullable=False
    )
    source_type: Mapped[str] = mapped_column(String(16), nullable=False)
    source_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    doc_number: Mapped[str] = mapped_column(CODE, nullable=False)
    doc_date: Mapped[date] = mapped_column(Date, nullable=False)
    due_date: Mapped[date] = mapped_column(Date, nullable=False)
    amount: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    open_amount: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)

    __table_args__ = (
        Index("ix_receivable_item_customer_id_due_date", "customer_id", "due_date"),
        Index("ix_receivable_item_source_type_source_id", "source_type", "source_id"),
    )


class CreditPolicy(Editable, Base):
    """信用控制 mode for one customer, one customer category, or the company (both ids NULL).

    ``overdue_days`` NULL switches 超期控制 off; otherwise items that many days past due trigger
    ``overdue_mode``.
    """

    __tablename__ = "credit_policy"

    customer_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="CASCADE"), unique=True
    )
    category_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("customer_category.id", ondelete="CASCADE"), unique=True
    )
    mode: Mapped[str] = mapped_column(String(16), nullable=False)
    overdue_days: Mapped[int | None] = mapped_column(Integer)
    overdue_mode: Mapped[str] = mapped_column(String(16), nullable=False, default="none")


class CreditOverride(Base):
    """Who let an order past the credit check, why, and the figures they saw."""

    __tablename__ = "credit_override"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    order_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("sales_order.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    customer_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("customer.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    trigger: Mapped[str] = mapped_column(String(16), nullable=False)
    approver: Mapped[str] = mapped_column(String(64), nullable=False)
    requested_by: Mapped[str] = mapped_column(String(64), nullable=False)
    reason: Mapped[str] = mapped_column(String(200), nullable=False)
    credit_limit: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    exposure: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    order_amount: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    shortfall: Mapped[Decimal] = mapped_column(MoneyType, nullable=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
