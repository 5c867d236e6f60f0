"""Login state, password policy, company profile, recovery codes (issue 4).

Revision ID: 0004_auth
Revises: 0003_customers
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_auth"
down_revision = "0003_customers"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _editable() -> list[sa.Column[object]]:
    return [
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("name_key", sa.String(64), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("lock_count", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=True),
        sa.Column("window_failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name_key", name=op.f("pk_login_throttle")),
    )
    op.create_table(
        "password_history",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("password_hash", sa.String(256), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_password_history_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_history")),
    )
    op.create_index(
        op.f("ix_password_history_user_id"), "password_history", ["user_id"], unique=False
    )
    op.create_table(
        "recovery_code",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_recovery_code_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_code")),
    )
    op.create_index(op.f("ix_recovery_code_user_id"), "recovery_code", ["user_id"], unique=False)
    op.create_table(
        "security_setting",
        *_editable(),
        sa.Column("min_length", sa.Integer(), nullable=False),
        sa.Column("require_mix", sa.Boolean(), nullable=False),
        sa.Column("passphrase_length", sa.Integer(), nullable=True),
        sa.Column("expiry_days", sa.Integer(), nullable=True),
        sa.Column("extra_words", sa.Text(), nullable=False),
        sa.Column("totp_required_for_admins", sa.Boolean(), nullable=False),
        sa.Column("idle_lock_minutes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_security_setting")),
    )
    op.create_table(
        "company_profile",
        *_editable(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.String(400), nullable=False),
        sa.Column("tax_number", sa.String(32), nullable=False),
        sa.Column("bank_name", sa.String(200), nullable=False),
        sa.Column("bank_account", sa.String(64), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company_profile")),
    )


def downgrade() -> None:
    op.drop_table("company_profile")
    op.drop_table("security_setting")
    op.drop_index(op.f("ix_recovery_code_user_id"), table_name="recovery_code")
    op.drop_table("recovery_code")
    op.drop_index(op.f("ix_password_history_user_id"), table_name="password_history")
    op.drop_table("password_history")
    op.drop_table("login_throttle")
