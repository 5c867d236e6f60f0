"""Import log (issue 5).

Revision ID: 0005_imports
Revises: 0004_auth
Create Date: 2026-11-25
"""

from __future__ import annotations

revision = "0005_imports"
down_revision = "0004_auth"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
