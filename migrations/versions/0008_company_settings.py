"""Company settings used by settlements and statements: payee account name, approval threshold,
statement return days, aging buckets (issues 7, 8).

Revision ID: 0008_company_settings
Revises: 0007_receivables
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_company_settings"
down_revision = "0007_receivables"
branch_labels = None
depends_on = None


def _columns() -> list[sa.Column[object]]:
    return [
        sa.Column("payee_account_name", sa.String(200), nullable=False, server_default=""),
        # Money is stored in fen: 50,000.00 yuan.
        sa.Column(
            "settlement_threshold", sa.BigInteger(), nullable=False, server_default="5000000"
        ),
        sa.Column("statement_return_days", sa.Integer(), nullable=False, server_default="15"),
        sa.Column("aging_buckets", sa.String(60), nullable=False, server_default="0,30,60,90"),
    ]


def upgrade() -> None:
    with op.batch_alter_table("company_profile") as batch:
        for column in _columns():
            batch.add_column(column)


def downgrade() -> None:
    with op.batch_alter_table("company_profile") as batch:
        for column in reversed(_columns()):
            batch.drop_column(column.name)
