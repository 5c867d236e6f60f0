"""Customer archive: customers, contacts, codes, relationships, interactions (issue 3).

Revision ID: 0003_customers
Revises: 0002_users
Create Date: 2026-11-25
"""

from __future__ import annotations

revision = "0003_customers"
down_revision = "0002_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
