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


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
