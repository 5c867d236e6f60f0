"""Settlements (结算): temporary vouchers (临时凭证), approval, invoice links, notices and follow-ups (issue 7).

Revision ID: 0009_settlements
Revises: 0008_company_settings
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_settlements"
down_revision = "0008_company_settings"
branch_labels = None
depends_on = None


ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
CODE = sa.String(30).with_variant(sa.String(30, collation="C"), "postgresql")
UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "settlement",
        sa.Column("number", CODE, nullable=False),
        sa.Column("voucher_number", CODE, nullable=True),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("invoice_status", sa.String(length=16), nullable=False),
        sa.Column("receipt_date", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("voucher_reason", sa.String(length=200), nullable=False),
        sa.Column("reference_docs", sa.String(length=200), nullable=False),
        sa.Column("needs_approval", sa.Boolean(), nullable=False),
        sa.Column("approval_reasons", sa.String(length=120), nullable=False),
        sa.Column("submitted_by", sa.String(length=64), nullable=False),
        sa.Column("submitted_at", UTC, nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", UTC, nullable=True),
        sa.Column("decision_comment", sa.String(length=500), nullable=False),
        sa.Column("posted_at", UTC, nullable=True),
        sa.Column("receipt_id", ID, nullable=True),
        sa.Column("reversal_receipt_id", ID, nullable=True),
        sa.Column("reversed_on", sa.Date(), nullable=True),
        sa.Column("reversal_reason", sa.String(length=200), nullable=False),
        sa.Column("notice_sent_on", sa.Date(), nullable=True),
        sa.Column("notice_sent_by", sa.String(length=64), nullable=True),
        sa.Column("notice_confirmed_on", sa.Date(), nullable=True),
        sa.Column("notice_note", sa.String(length=200), nullable=False),
        sa.Column("next_action_on", sa.Date(), nullable=True),
        sa.Column("follow_up_note", sa.String(length=200), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_settlement_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["receipt_id"],
            ["receipt.id"],
            name=op.f("fk_settlement_receipt_id_receipt"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reversal_receipt_id"],
            ["receipt.id"],
            name=op.f("fk_settlement_reversal_receipt_id_receipt"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlement")),
        sa.UniqueConstraint("number", name=op.f("uq_settlement_number")),
        sa.UniqueConstraint("voucher_number", name=op.f("uq_settlement_voucher_number")),
        sa.UniqueConstraint("receipt_id", name=op.f("uq_settlement_receipt_id")),
        sa.UniqueConstraint("reversal_receipt_id", name=op.f("uq_settlement_reversal_receipt_id")),
    )
    op.create_index(
        op.f("ix_settlement_customer_id_submitted_at"),
        "settlement",
        ["customer_id", "submitted_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_settlement_status_invoice_status"),
        "settlement",
        ["status", "invoice_status"],
        unique=False,
    )
    op.create_table(
        "settlement_line",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("settlement_id", ID, nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("receivable_item_id", ID, nullable=False),
        sa.Column("open_before", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["settlement_id"],
            ["settlement.id"],
            name=op.f("fk_settlement_line_settlement_id_settlement"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["receivable_item_id"],
            ["receivable_item.id"],
            name=op.f("fk_settlement_line_receivable_item_id_receivable_item"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlement_line")),
        sa.UniqueConstraint(
            "settlement_id",
            "receivable_item_id",
            name=op.f("uq_settlement_line_settlement_id_receivable_item_id"),
        ),
        sa.UniqueConstraint(
            "settlement_id", "line_no", name=op.f("uq_settlement_line_settlement_id_line_no")
        ),
    )
    op.create_index(
        op.f("ix_settlement_line_receivable_item_id"),
        "settlement_line",
        ["receivable_item_id"],
        unique=False,
    )
    op.create_table(
        "settlement_invoice",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("settlement_id", ID, nullable=False),
        sa.Column("invoice_record_id", ID, nullable=False),
        sa.Column("linked_at", UTC, nullable=False),
        sa.Column("linked_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["settlement_id"],
            ["settlement.id"],
            name=op.f("fk_settlement_invoice_settlement_id_settlement"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["invoice_record_id"],
            ["invoice_record.id"],
            name=op.f("fk_settlement_invoice_invoice_record_id_invoice_record"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlement_invoice")),
        sa.UniqueConstraint(
            "settlement_id",
            "invoice_record_id",
            name=op.f("uq_settlement_invoice_settlement_id_invoice_record_id"),
        ),
    )
    op.create_index(
        op.f("ix_settlement_invoice_invoice_record_id"),
        "settlement_invoice",
        ["invoice_record_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("settlement_invoice")
    op.drop_table("settlement_line")
    op.drop_table("settlement")
