"""Login state, password policy, company profile, recovery codes (issue 4).

Revision ID: 0004_auth
Revises: 0003_customers
Create Date: 2026-11-25
"""

from __future__ import annotations

revision = "0004_auth"
down_revision = "0003_customers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
