"""Products, warehouses, stock, sales orders and their lines, deliveries, receivable items, credit
policies and overrides (issue 6).

Revision ID: 0006_orders
Revises: 0005_imports
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_orders"
down_revision = "0005_imports"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
CODE = sa.String(30).with_variant(sa.String(30, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "product",
        sa.Column("code", CODE, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("spec", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("category", sa.String(length=50), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("tax_rate_bp", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product")),
        sa.UniqueConstraint("code", name=op.f("uq_product_code")),
    )
    op.create_index(op.f("ix_product_category"), "product", ["category"], unique=False)
    op.create_index(op.f("ix_product_name"), "product", ["name"], unique=False)
    op.create_table(
        "warehouse",
        sa.Column("code", CODE, nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warehouse")),
        sa.UniqueConstraint("code", name=op.f("uq_warehouse_code")),
    )
    op.create_table(
        "product_barcode",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("product_id", ID, nullable=False),
        sa.Column("barcode", CODE, nullable=False),
        sa.Column("pack_qty", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
            name=op.f("fk_product_barcode_product_id_product"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_barcode")),
        sa.UniqueConstraint("barcode", name=op.f("uq_product_barcode_barcode")),
    )
    op.create_index(
        op.f("ix_product_barcode_product_id"), "product_barcode", ["product_id"], unique=False
    )
    op.create_table(
        "stock_level",
        sa.Column("product_id", ID, nullable=False),
        sa.Column("warehouse_id", ID, nullable=False),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
            name=op.f("fk_stock_level_product_id_product"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["warehouse.id"],
            name=op.f("fk_stock_level_warehouse_id_warehouse"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("product_id", "warehouse_id", name=op.f("pk_stock_level")),
    )
    op.create_table(
        "stock_move",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("product_id", ID, nullable=False),
        sa.Column("warehouse_id", ID, nullable=False),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("moved_on", sa.Date(), nullable=False),
        sa.Column("source_type", sa.String(length=16), nullable=False),
        sa.Column("source_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
            name=op.f("fk_stock_move_product_id_product"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["warehouse.id"],
            name=op.f("fk_stock_move_warehouse_id_warehouse"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_move")),
    )
    op.create_index(
        op.f("ix_stock_move_product_id_moved_on"),
        "stock_move",
        ["product_id", "moved_on"],
        unique=False,
    )
    op.create_index(
        op.f("ix_stock_move_source_type_source_id"),
        "stock_move",
        ["source_type", "source_id"],
        unique=False,
    )
    op.create_table(
        "credit_policy",
        sa.Column("customer_id", ID, nullable=True),
        sa.Column("category_id", ID, nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("overdue_days", sa.Integer(), nullable=True),
        sa.Column("overdue_mode", sa.String(length=16), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["customer_category.id"],
            name=op.f("fk_credit_policy_category_id_customer_category"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_credit_policy_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_policy")),
        sa.UniqueConstraint("category_id", name=op.f("uq_credit_policy_category_id")),
        sa.UniqueConstraint("customer_id", name=op.f("uq_credit_policy_customer_id")),
    )
    op.create_table(
        "receivable_item",
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("source_type", sa.String(length=16), nullable=False),
        sa.Column("source_id", sa.BigInteger(), nullable=False),
        sa.Column("doc_number", CODE, nullable=False),
        sa.Column("doc_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("open_amount", sa.BigInteger(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_receivable_item_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receivable_item")),
    )
    op.create_index(
        op.f("ix_receivable_item_customer_id_due_date"),
        "receivable_item",
        ["customer_id", "due_date"],
        unique=False,
    )
    op.create_index(
        op.f("ix_receivable_item_source_type_source_id"),
        "receivable_item",
        ["source_type", "source_id"],
        unique=False,
    )
    op.create_table(
        "sales_order",
        sa.Column("number", CODE, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("order_date", sa.Date(), nullable=False),
        sa.Column("delivery_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("contact", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("salesperson_id", ID, nullable=True),
        sa.Column("settlement_method", sa.String(length=16), nullable=False),
        sa.Column("payment_terms_days", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("tax", sa.BigInteger(), nullable=False),
        sa.Column("delivered", sa.BigInteger(), nullable=False),
        sa.Column("line_count", sa.Integer(), nullable=False),
        sa.Column("status_reason", sa.String(length=200), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_sales_order_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["salesperson_id"],
            ["user_account.id"],
            name=op.f("fk_sales_order_salesperson_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_order")),
        sa.UniqueConstraint("number", name=op.f("uq_sales_order_number")),
    )
    op.create_index(
        op.f("ix_sales_order_customer_id_order_date"),
        "sales_order",
        ["customer_id", "order_date"],
        unique=False,
    )
    op.create_index(
        op.f("ix_sales_order_order_date_id"), "sales_order", ["order_date", "id"], unique=False
    )
    op.create_index(
        op.f("ix_sales_order_salesperson_id"), "sales_order", ["salesperson_id"], unique=False
    )
    op.create_index(
        op.f("ix_sales_order_status_order_date"),
        "sales_order",
        ["status", "order_date"],
        unique=False,
    )
    op.create_table(
        "credit_override",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("order_id", ID, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("trigger", sa.String(length=16), nullable=False),
        sa.Column("approver", sa.String(length=64), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("credit_limit", sa.BigInteger(), nullable=False),
        sa.Column("exposure", sa.BigInteger(), nullable=False),
        sa.Column("order_amount", sa.BigInteger(), nullable=False),
        sa.Column("shortfall", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_credit_override_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["sales_order.id"],
            name=op.f("fk_credit_override_order_id_sales_order"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_override")),
    )
    op.create_index(
        op.f("ix_credit_override_customer_id"), "credit_override", ["customer_id"], unique=False
    )
    op.create_index(
        op.f("ix_credit_override_order_id"), "credit_override", ["order_id"], unique=False
    )
    op.create_table(
        "delivery",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("number", CODE, nullable=False),
        sa.Column("order_id", ID, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("warehouse_id", ID, nullable=False),
        sa.Column("delivered_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("reverses_id", ID, nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_delivery_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["sales_order.id"],
            name=op.f("fk_delivery_order_id_sales_order"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["delivery.id"],
            name=op.f("fk_delivery_reverses_id_delivery"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["warehouse.id"],
            name=op.f("fk_delivery_warehouse_id_warehouse"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery")),
        sa.UniqueConstraint("number", name=op.f("uq_delivery_number")),
    )
    op.create_index(op.f("ix_delivery_customer_id"), "delivery", ["customer_id"], unique=False)
    op.create_index(op.f("ix_delivery_order_id"), "delivery", ["order_id"], unique=False)
    op.create_table(
        "sales_order_line",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("order_id", ID, nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_id", ID, nullable=False),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("unit_price", sa.BigInteger(), nullable=False),
        sa.Column("discount_bp", sa.Integer(), nullable=False),
        sa.Column("tax_rate_bp", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("tax", sa.BigInteger(), nullable=False),
        sa.Column("delivered_qty", sa.BigInteger(), nullable=False),
        sa.Column("notes", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["sales_order.id"],
            name=op.f("fk_sales_order_line_order_id_sales_order"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
            name=op.f("fk_sales_order_line_product_id_product"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_order_line")),
    )
    op.create_index(
        op.f("ix_sales_order_line_order_id"), "sales_order_line", ["order_id"], unique=False
    )
    op.create_index(
        op.f("ix_sales_order_line_product_id"), "sales_order_line", ["product_id"], unique=False
    )
    op.create_table(
        "delivery_line",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("delivery_id", ID, nullable=False),
        sa.Column("order_line_id", ID, nullable=False),
        sa.Column("product_id", ID, nullable=False),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["delivery.id"],
            name=op.f("fk_delivery_line_delivery_id_delivery"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["sales_order_line.id"],
            name=op.f("fk_delivery_line_order_line_id_sales_order_line"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
            name=op.f("fk_delivery_line_product_id_product"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_line")),
    )
    op.create_index(
        op.f("ix_delivery_line_delivery_id"), "delivery_line", ["delivery_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_delivery_line_delivery_id"), table_name="delivery_line")
    op.drop_table("delivery_line")
    op.drop_index(op.f("ix_sales_order_line_product_id"), table_name="sales_order_line")
    op.drop_index(op.f("ix_sales_order_line_order_id"), table_name="sales_order_line")
    op.drop_table("sales_order_line")
    op.drop_index(op.f("ix_delivery_order_id"), table_name="delivery")
    op.drop_index(op.f("ix_delivery_customer_id"), table_name="delivery")
    op.drop_table("delivery")
    op.drop_index(op.f("ix_credit_override_order_id"), table_name="credit_override")
    op.drop_index(op.f("ix_credit_override_customer_id"), table_name="credit_override")
    op.drop_table("credit_override")
    op.drop_index(op.f("ix_sales_order_status_order_date"), table_name="sales_order")
    op.drop_index(op.f("ix_sales_order_salesperson_id"), table_name="sales_order")
    op.drop_index(op.f("ix_sales_order_order_date_id"), table_name="sales_order")
    op.drop_index(op.f("ix_sales_order_customer_id_order_date"), table_name="sales_order")
    op.drop_table("sales_order")
    op.drop_index(op.f("ix_receivable_item_source_type_source_id"), table_name="receivable_item")
    op.drop_index(op.f("ix_receivable_item_customer_id_due_date"), table_name="receivable_item")
    op.drop_table("receivable_item")
    op.drop_table("credit_policy")
    op.drop_index(op.f("ix_stock_move_source_type_source_id"), table_name="stock_move")
    op.drop_index(op.f("ix_stock_move_product_id_moved_on"), table_name="stock_move")
    op.drop_table("stock_move")
    op.drop_table("stock_level")
    op.drop_index(op.f("ix_product_barcode_product_id"), table_name="product_barcode")
    op.drop_table("product_barcode")
    op.drop_table("warehouse")
    op.drop_index(op.f("ix_product_name"), table_name="product")
    op.drop_index(op.f("ix_product_category"), table_name="product")
    op.drop_table("product")
