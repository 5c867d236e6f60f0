"""Item tables (商品): products, their barcodes, warehouses, stock per warehouse and the stock ledger.

Stock is a quantity per (product, warehouse) kept in step with ``stock_move``, the append-only ledger
every delivery, reversal or stocktake posting writes; a move is never edited. Codes sort byte-wise like
customer codes so a prefix search is an index range.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from erpdesk.db.base import Base, Editable, IdType
from erpdesk.db.models.customer import CODE
from erpdesk.db.types import MoneyType, QtyType, UtcDateTime


class Warehouse(Editable, Base):
    """A 仓库; exactly one is the default that deliveries take stock from."""

    __tablename__ = "warehouse"

    code: Mapped[str] = mapped_column(CODE, nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(50), nullable=False)
    is_default: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class Product(Editable, Base):
    """商品: ``price`` is the tax-inclusive list price, ``tax_rate_bp`` the VAT rate in basis points."""

    __tablename__ = "product"

    code: Mapped[str] = mapped_column(CODE, nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False, index=True)
    spec: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    unit: Mapped[str] = mapped_column(String(10), nullable=False, default="")
    category: Mapped[str] = mapped_column(String(50), nullable=False, default="", index=True)
    price: Mapped[Decimal] = mapped_column(MoneyType, nullable=False, default=Decimal(0))
    tax_rate_bp: Mapped[int] = mapped_column(Integer, nullable=False, default=1300)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class ProductBarcode(Base):
    """A barcode of a product: the unit's (``pack_qty`` 1) or a carton's (``pack_qty`` 12…)."""

    __tablename__ = "product_barcode"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    product_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("product.id", ondelete="CASCADE"), nullable=False, index=True
    )
    barcode: Mapped[str] = mapped_column(CODE, nullable=False, unique=True)
    pack_qty: Mapped[Decimal] = mapped_column(QtyType, nullable=False, default=Decimal(1))


class StockLevel(Base):
    """On-hand quantity of a product in a warehouse (may go negative: deliveries are not blocked)."""

    __tablename__ = "stock_level"
    __audit__: ClassVar[bool] = False  # derived from stock_move, which is the audited record

    product_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("product.id", ondelete="RESTRICT"), primary_key=True
    )
    warehouse_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("warehouse.id", ondelete="RESTRICT"), primary_key=True
    )
    qty: Mapped[Decimal] = mapped_column(QtyType, nullable=False, default=Decimal(0))


class StockMove(Base):
    """One posted change of stock (negative out, positive in) with the document that caused it."""

    __tablename__ = "stock_move"

    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    product_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("product.id", ondelete="RESTRICT"), nullable=False
    )
    warehouse_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("warehouse.id", ondelete="RESTRICT"), nullable=False
    )
    qty: Mapped[Decimal] = mapped_column(QtyType, nullable=False)
    moved_on: Mapped[date] = mapped_column(Date, nullable=False)
    source_type: Mapped[str] = mapped_column(String(16), nullable=False)
    source_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (
        Index("ix_stock_move_product_id_moved_on", "product_id", "moved_on"),
        Index("ix_stock_move_source_type_source_id", "source_type", "source_id"),
    )
