"""Stocktake (盘点) sessions, counted lines, scans, census results and handheld imports (issue 9).

Revision ID: 0010_stocktake
Revises: 0009_settlements
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_stocktake"
down_revision = "0009_settlements"
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


def _session_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["stocktake_id"],
        ["stocktake.id"],
        name=op.f(f"fk_{table}_stocktake_id_stocktake"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    # Plain ALTERs (SQLite ≥ 3.35 drops columns natively): recreating the customer table would cost
    # minutes on a million customers and would have to redo its search structures.
    op.add_column("customer", sa.Column("verified_on", sa.Date(), nullable=True))
    op.add_column(
        "customer",
        sa.Column("census_flag", sa.String(length=16), nullable=False, server_default=""),
    )
    op.create_table(
        "stocktake",
        sa.Column("number", CODE, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("scope_category_id", ID, nullable=True),
        sa.Column("scope_region", sa.String(length=64), nullable=False),
        sa.Column("scope_salesperson_id", ID, nullable=True),
        sa.Column("warehouse_id", ID, nullable=True),
        sa.Column("scope_product_category", sa.String(length=50), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_by", sa.String(length=64), nullable=False),
        sa.Column("cancel_reason", sa.String(length=200), nullable=False),
        *_editable(),
        sa.ForeignKeyConstraint(
            ["scope_category_id"],
            ["customer_category.id"],
            name=op.f("fk_stocktake_scope_category_id_customer_category"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["scope_salesperson_id"],
            ["user_account.id"],
            name=op.f("fk_stocktake_scope_salesperson_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["warehouse.id"],
            name=op.f("fk_stocktake_warehouse_id_warehouse"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake")),
        sa.UniqueConstraint("number", name=op.f("uq_stocktake_number")),
    )
    op.create_index(op.f("ix_stocktake_status"), "stocktake", ["status"])
    op.create_table(
        "stocktake_line",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("stocktake_id", ID, nullable=False),
        sa.Column("target_id", sa.BigInteger(), nullable=False),
        sa.Column("code", CODE, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("in_scope", sa.Boolean(), nullable=False),
        sa.Column("expected", sa.BigInteger(), nullable=False),
        sa.Column("counted", sa.BigInteger(), nullable=False),
        sa.Column("found", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("census_status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        _session_fk("stocktake_line"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake_line")),
        sa.UniqueConstraint(
            "stocktake_id", "target_id", name=op.f("uq_stocktake_line_stocktake_id_target_id")
        ),
    )
    op.create_table(
        "stocktake_scan",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("stocktake_id", ID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("line_id", ID, nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("device", sa.String(length=50), nullable=False),
        sa.Column("scanned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("row_key", sa.String(length=64), nullable=True),
        sa.Column("undone", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        _session_fk("stocktake_scan"),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["stocktake_line.id"],
            name=op.f("fk_stocktake_scan_line_id_stocktake_line"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake_scan")),
        sa.UniqueConstraint("stocktake_id", "seq", name=op.f("uq_stocktake_scan_stocktake_id_seq")),
        sa.UniqueConstraint(
            "stocktake_id", "row_key", name=op.f("uq_stocktake_scan_stocktake_id_row_key")
        ),
    )
    op.create_table(
        "stocktake_file",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("stocktake_id", ID, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        _session_fk("stocktake_file"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake_file")),
        sa.UniqueConstraint(
            "stocktake_id", "sha256", name=op.f("uq_stocktake_file_stocktake_id_sha256")
        ),
    )


def downgrade() -> None:
    op.drop_table("stocktake_file")
    op.drop_table("stocktake_scan")
    op.drop_table("stocktake_line")
    op.drop_index(op.f("ix_stocktake_status"), table_name="stocktake")
    op.drop_table("stocktake")
    op.drop_column("customer", "census_flag")
    op.drop_column("customer", "verified_on")
