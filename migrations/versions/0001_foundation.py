"""Foundation: number series, audit log and its chain head, app meta.

Revision ID: 0001_foundation
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_foundation"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

PG_APPEND_ONLY = """
CREATE OR REPLACE FUNCTION erpdesk_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def upgrade() -> None:
    op.create_table(
        "number_series",
        sa.Column("series", sa.String(64), nullable=False),
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("next_value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("series", "period", name=op.f("pk_number_series")),
    )
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("txn_id", sa.String(32), nullable=False),
        sa.Column("at_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("app_user", sa.String(64), nullable=False),
        sa.Column("host", sa.String(128), nullable=False),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("row_pk", sa.String(128), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_table_name_row_pk", "audit_log", ["table_name", "row_pk"])
    op.create_index("ix_audit_log_at_utc", "audit_log", ["at_utc"])
    op.create_table(
        "audit_head",
        sa.Column("id", ID, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("row_count", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.execute("INSERT INTO audit_head (id, hash, row_count) VALUES (1, '" + "0" * 64 + "', 0)")
    if op.get_bind().dialect.name == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{action.lower()} BEFORE {action} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
            )
    else:
        op.execute(PG_APPEND_ONLY)
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION erpdesk_refuse_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS erpdesk_refuse_change()")
    op.drop_table("audit_head")
    op.drop_index("ix_audit_log_at_utc", table_name="audit_log")
    op.drop_index("ix_audit_log_table_name_row_pk", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("app_meta")
    op.drop_table("number_series")
