"""Receivables ledger: receipts, allocations (核销), invoice records, reversals (issue 7).

Revision ID: 0007_receivables
Revises: 0006_orders
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_receivables"
down_revision = "0006_orders"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
CODE = sa.String(30).with_variant(sa.String(30, collation="C"), "postgresql")


def _editable() -> list[sa.Column[object]]:
    return [
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "receipt",
        sa.Column("number", CODE, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("receipt_date", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("unallocated", sa.BigInteger(), nullable=False),
        sa.Column("posted", sa.Boolean(), nullable=False),
        sa.Column("reverses_id", ID, nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        *_editable(),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_receipt_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["receipt.id"],
            name=op.f("fk_receipt_reverses_id_receipt"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt")),
        sa.UniqueConstraint("number", name=op.f("uq_receipt_number")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_receipt_reverses_id")),
    )
    op.create_index(
        op.f("ix_receipt_customer_id_receipt_date"),
        "receipt",
        ["customer_id", "receipt_date"],
        unique=False,
    )
    op.create_table(
        "receipt_allocation",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("receipt_id", ID, nullable=False),
        sa.Column("receivable_item_id", ID, nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("allocated_on", sa.Date(), nullable=False),
        sa.Column("is_reversal", sa.Boolean(), nullable=False),
        sa.Column("reverses_id", ID, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["receipt_id"],
            ["receipt.id"],
            name=op.f("fk_receipt_allocation_receipt_id_receipt"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["receivable_item_id"],
            ["receivable_item.id"],
            name=op.f("fk_receipt_allocation_receivable_item_id_receivable_item"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["receipt_allocation.id"],
            name=op.f("fk_receipt_allocation_reverses_id_receipt_allocation"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt_allocation")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_receipt_allocation_reverses_id")),
    )
    op.create_index(
        op.f("ix_receipt_allocation_receipt_id"), "receipt_allocation", ["receipt_id"], unique=False
    )
    op.create_index(
        op.f("ix_receipt_allocation_receivable_item_id"),
        "receipt_allocation",
        ["receivable_item_id"],
        unique=False,
    )
    op.create_table(
        "invoice_record",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("invoice_type", sa.String(length=16), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("tax", sa.BigInteger(), nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("receivable_item_id", ID, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_invoice_record_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["receivable_item_id"],
            ["receivable_item.id"],
            name=op.f("fk_invoice_record_receivable_item_id_receivable_item"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_record")),
    )
    op.create_index(
        op.f("ix_invoice_record_customer_id"), "invoice_record", ["customer_id"], unique=False
    )
    op.create_index(
        op.f("ix_invoice_record_receivable_item_id"),
        "invoice_record",
        ["receivable_item_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_invoice_record_invoice_type_number"),
        "invoice_record",
        ["invoice_type", "number"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("invoice_record")
    op.drop_table("receipt_allocation")
    op.drop_table("receipt")
