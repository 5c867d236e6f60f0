"""Customer archive: customers, contacts, codes, relationships, interactions (issue 3).

Besides the tables the models describe, this revision creates the search structures SQLAlchemy cannot:
on SQLite the FTS5 trigram table ``customer_fts`` (one row per customer, rowid = customer id, kept in
step by the service); on PostgreSQL pg_trgm GIN indexes on names and phone digits. Both are listed in
``erpdesk.db.models.customer.UNMANAGED`` so schema comparison ignores them.

Revision ID: 0003_customers
Revises: 0002_users
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_customers"
down_revision = "0002_users"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTC = sa.DateTime(timezone=True)

FTS_DDL = (
    "CREATE VIRTUAL TABLE customer_fts USING fts5("
    "name, short_name, contacts, phones, tokenize = 'trigram', columnsize = 0)"
)
PG_TRGM_INDEXES = (
    ("ix_customer_name_trgm", "customer", "name"),
    ("ix_customer_short_name_trgm", "customer", "short_name"),
    ("ix_customer_contact_name_trgm", "customer_contact", "name"),
    ("ix_customer_contact_phone_digits_trgm", "customer_contact", "phone_digits"),
    ("ix_customer_contact_mobile_digits_trgm", "customer_contact", "mobile_digits"),
    ("ix_customer_phone_digits_trgm", "customer", "phone_digits"),
)


def code_type(length: int) -> sa.types.TypeEngine[str]:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "customer_category",
        sa.Column("parent_id", ID, nullable=True),
        sa.Column("code", code_type(12), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("prefix", sa.String(length=12), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["customer_category.id"],
            name=op.f("fk_customer_category_parent_id_customer_category"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_category")),
        sa.UniqueConstraint("code", name=op.f("uq_customer_category_code")),
    )
    op.create_index(
        op.f("ix_customer_category_parent_id"), "customer_category", ["parent_id"], unique=False
    )
    op.create_table(
        "customer_level",
        sa.Column("name", sa.String(length=30), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_level")),
        sa.UniqueConstraint("name", name=op.f("uq_customer_level_name")),
    )
    op.create_table(
        "issued_code",
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("code", code_type(30), nullable=False),
        sa.Column("issued_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("scope", "code", name=op.f("pk_issued_code")),
    )
    op.create_table(
        "code_rule",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("pattern", sa.String(length=60), nullable=False),
        sa.Column("reset", sa.String(length=16), nullable=False),
        sa.Column("category_id", ID, nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["customer_category.id"],
            name=op.f("fk_code_rule_category_id_customer_category"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_rule")),
        sa.UniqueConstraint("category_id", name=op.f("uq_code_rule_category_id")),
    )
    op.create_table(
        "customer",
        sa.Column("code", code_type(30), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_key", sa.String(length=100), nullable=False),
        sa.Column("short_name", sa.String(length=20), nullable=False),
        sa.Column("mnemonic", code_type(30), nullable=False),
        sa.Column("mnemonic_manual", sa.Boolean(), nullable=False),
        sa.Column("customer_type", sa.String(length=16), nullable=False),
        sa.Column("category_id", ID, nullable=True),
        sa.Column("level_id", ID, nullable=True),
        sa.Column("region", sa.String(length=64), nullable=False),
        sa.Column("industry", sa.String(length=50), nullable=False),
        sa.Column("company_size", sa.String(length=30), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("province", sa.String(length=30), nullable=False),
        sa.Column("city", sa.String(length=30), nullable=False),
        sa.Column("district", sa.String(length=30), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("phone_digits", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("tax_number", sa.String(length=20), nullable=False),
        sa.Column("bank_name", sa.String(length=100), nullable=False),
        sa.Column("bank_account", sa.String(length=40), nullable=False),
        sa.Column("invoice_title", sa.String(length=100), nullable=False),
        sa.Column("invoice_address_phone", sa.String(length=200), nullable=False),
        sa.Column("credit_limit", sa.BigInteger(), nullable=False),
        sa.Column("payment_terms_days", sa.Integer(), nullable=False),
        sa.Column("settlement_method", sa.String(length=16), nullable=False),
        sa.Column("salesperson_id", ID, nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("deactivated_at", UTC, nullable=True),
        sa.Column("deactivation_reason", sa.String(length=200), nullable=False),
        sa.Column("next_follow_up", sa.Date(), nullable=True),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["customer_category.id"],
            name=op.f("fk_customer_category_id_customer_category"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["level_id"],
            ["customer_level.id"],
            name=op.f("fk_customer_level_id_customer_level"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["salesperson_id"],
            ["user_account.id"],
            name=op.f("fk_customer_salesperson_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer")),
        sa.UniqueConstraint("code", name=op.f("uq_customer_code")),
    )
    op.create_index(op.f("ix_customer_mnemonic"), "customer", ["mnemonic"], unique=False)
    op.create_index(op.f("ix_customer_name_key"), "customer", ["name_key"], unique=False)
    op.create_index(
        op.f("ix_customer_next_follow_up"), "customer", ["next_follow_up"], unique=False
    )
    op.create_index(op.f("ix_customer_phone_digits"), "customer", ["phone_digits"], unique=False)
    op.create_index(
        op.f("ix_customer_salesperson_id"), "customer", ["salesperson_id"], unique=False
    )
    op.create_index(op.f("ix_customer_status_code"), "customer", ["status", "code"], unique=False)
    op.create_index(op.f("ix_customer_status_name"), "customer", ["status", "name"], unique=False)
    op.create_index(op.f("ix_customer_tax_number"), "customer", ["tax_number"], unique=False)
    op.create_table(
        "customer_code_alias",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("code", code_type(30), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("changed_by", sa.String(length=64), nullable=False),
        sa.Column("changed_at", UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_customer_code_alias_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_code_alias")),
        sa.UniqueConstraint("code", name=op.f("uq_customer_code_alias_code")),
    )
    op.create_index(
        op.f("ix_customer_code_alias_customer_id"),
        "customer_code_alias",
        ["customer_id"],
        unique=False,
    )
    op.create_table(
        "customer_contact",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("position", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("mobile", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("im", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.String(length=200), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("phone_digits", sa.String(length=20), nullable=False),
        sa.Column("mobile_digits", sa.String(length=20), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_customer_contact_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_contact")),
    )
    op.create_index(
        op.f("ix_customer_contact_customer_id"), "customer_contact", ["customer_id"], unique=False
    )
    op.create_index(
        op.f("ix_customer_contact_mobile_digits"),
        "customer_contact",
        ["mobile_digits"],
        unique=False,
    )
    op.create_index(
        op.f("ix_customer_contact_phone_digits"), "customer_contact", ["phone_digits"], unique=False
    )
    op.create_table(
        "customer_interaction",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("customer_id", ID, nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("contact_name", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("next_step", sa.String(length=200), nullable=False),
        sa.Column("follow_up_date", sa.Date(), nullable=True),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_customer_interaction_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_interaction")),
    )
    op.create_index(
        op.f("ix_customer_interaction_customer_id"),
        "customer_interaction",
        ["customer_id"],
        unique=False,
    )
    op.create_table(
        "customer_relationship",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("from_id", ID, nullable=False),
        sa.Column("to_id", ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_id"],
            ["customer.id"],
            name=op.f("fk_customer_relationship_from_id_customer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_id"],
            ["customer.id"],
            name=op.f("fk_customer_relationship_to_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_relationship")),
        sa.UniqueConstraint(
            "from_id", "to_id", "kind", name=op.f("uq_customer_relationship_from_id_to_id_kind")
        ),
    )
    op.create_index(
        op.f("ix_customer_relationship_from_id"), "customer_relationship", ["from_id"], unique=False
    )
    op.create_index(
        op.f("ix_customer_relationship_to_id"), "customer_relationship", ["to_id"], unique=False
    )
    # ### end Alembic commands ###

    if op.get_bind().dialect.name == "sqlite":
        op.execute(FTS_DDL)
    else:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, table, column in PG_TRGM_INDEXES:
            op.execute(f"CREATE INDEX {name} ON {table} USING gin ({column} gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS customer_fts")
    else:
        for name, _table, _column in PG_TRGM_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_index(op.f("ix_customer_relationship_to_id"), table_name="customer_relationship")
    op.drop_index(op.f("ix_customer_relationship_from_id"), table_name="customer_relationship")
    op.drop_table("customer_relationship")
    op.drop_index(op.f("ix_customer_interaction_customer_id"), table_name="customer_interaction")
    op.drop_table("customer_interaction")
    op.drop_index(op.f("ix_customer_contact_phone_digits"), table_name="customer_contact")
    op.drop_index(op.f("ix_customer_contact_mobile_digits"), table_name="customer_contact")
    op.drop_index(op.f("ix_customer_contact_customer_id"), table_name="customer_contact")
    op.drop_table("customer_contact")
    op.drop_index(op.f("ix_customer_code_alias_customer_id"), table_name="customer_code_alias")
    op.drop_table("customer_code_alias")
    op.drop_index(op.f("ix_customer_tax_number"), table_name="customer")
    op.drop_index(op.f("ix_customer_status_name"), table_name="customer")
    op.drop_index(op.f("ix_customer_status_code"), table_name="customer")
    op.drop_index(op.f("ix_customer_salesperson_id"), table_name="customer")
    op.drop_index(op.f("ix_customer_phone_digits"), table_name="customer")
    op.drop_index(op.f("ix_customer_next_follow_up"), table_name="customer")
    op.drop_index(op.f("ix_customer_name_key"), table_name="customer")
    op.drop_index(op.f("ix_customer_mnemonic"), table_name="customer")
    op.drop_table("customer")
    op.drop_table("code_rule")
    op.drop_table("issued_code")
    op.drop_table("customer_level")
    op.drop_index(op.f("ix_customer_category_parent_id"), table_name="customer_category")
    op.drop_table("customer_category")
