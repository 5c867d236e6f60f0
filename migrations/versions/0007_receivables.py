"""Receivables ledger: receipts, allocations (核销), invoice records, reversals (issue 7).

Revision ID: 0007_receivables
Revises: 0006_orders
Create Date: 2026-11-25
"""

from __future__ import annotations

revision = "0007_receivables"
down_revision = "0006_orders"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
