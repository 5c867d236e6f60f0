"""Posted rows are immutable in the database itself, not only in the services (RELIABILITY §3, N4, A7).

Deliveries, their lines, allocations, stock moves, settlement lines and scans never change once
written (a scan may only be flagged as undone); a posted receipt may only have its advance
(``unallocated``) used up; an open item only its open amount and due date; an invoice record only its
link to an item; a posted settlement only its follow-up, invoice and reversal fields; a posted
stocktake nothing. Numbered documents (orders, settlements, stocktakes) are never deleted.
Corrections are reversals dated the day they are made. The triggers are the backstop for a bug, a
script or a hand-typed SQL statement: the services never try.

Revision ID: 0011_posted_rows
Revises: 0010_stocktake
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_posted_rows"
down_revision = "0010_stocktake"
branch_labels = None
depends_on = None

_BOOKKEEPING = ("version", "updated_at", "updated_by")

# table → (condition on OLD that makes the row posted or None for always, columns that may change;
#          None = the row may not be updated at all)
GUARDS: dict[str, tuple[str | None, tuple[str, ...] | None]] = {
    "delivery": (None, None),
    "delivery_line": (None, None),
    "receipt_allocation": (None, None),
    "stock_move": (None, None),
    "receipt": ("posted", ("unallocated", *_BOOKKEEPING)),
    "receivable_item": (None, ("open_amount", "due_date", *_BOOKKEEPING)),
    "invoice_record": (None, ("receivable_item_id",)),
    "settlement": (
        "status IN ('posted', 'reversed')",
        (
            "status",  # posted → reversed
            "invoice_status",
            "reversal_receipt_id",
            "reversed_on",
            "reversal_reason",
            "notice_sent_on",
            "notice_sent_by",
            "notice_confirmed_on",
            "notice_note",
            "next_action_on",
            "follow_up_note",
            *_BOOKKEEPING,
        ),
    ),
    # The plan is fixed at submit; approval records what was open when it posted.
    "settlement_line": (None, ("open_before",)),
    "settlement_invoice": (None, None),
    "stocktake_scan": (None, ("undone",)),  # undo is a flag, the scan itself stays
    "stocktake": ("status = 'posted'", _BOOKKEEPING),
}
# Numbered documents: cancelled, rejected or voided, never deleted.
DELETE_ONLY = ("sales_order", "settlement", "stocktake")

PG_GUARD = """
CREATE OR REPLACE FUNCTION erpdesk_guard_posted() RETURNS trigger AS $$
BEGIN
    -- TG_ARGV: the columns that may change; none given = the row is frozen.
    IF TG_OP = 'DELETE' OR TG_NARGS = 0
       OR (to_jsonb(OLD) - TG_ARGV) IS DISTINCT FROM (to_jsonb(NEW) - TG_ARGV) THEN
        RAISE EXCEPTION '% % refused: the row is posted; reverse it instead', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def _sqlite(table: str, condition: str | None, mutable: tuple[str, ...] | None) -> None:
    when = f" WHEN OLD.{condition}" if condition else ""
    raise_ = "BEGIN SELECT RAISE(ABORT, '{op} {table} refused: the row is posted; reverse it instead'); END"
    op.execute(
        f"CREATE TRIGGER {table}_posted_no_delete BEFORE DELETE ON {table}{when} "
        + raise_.format(op="DELETE", table=table)
    )
    if mutable is None:
        of = ""
    else:
        columns = [c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)]
        of = " OF " + ", ".join(c for c in columns if c not in mutable)
    op.execute(
        f"CREATE TRIGGER {table}_posted_no_update BEFORE UPDATE{of} ON {table}{when} "
        + raise_.format(op="UPDATE", table=table)
    )


def _postgres(table: str, condition: str | None, mutable: tuple[str, ...] | None) -> None:
    when = f" WHEN (OLD.{condition})" if condition else ""
    args = ", ".join(f"'{c}'" for c in mutable or ())
    op.execute(
        f"CREATE TRIGGER {table}_posted BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW{when} "
        f"EXECUTE FUNCTION erpdesk_guard_posted({args})"
    )


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if not sqlite:
        op.execute(PG_GUARD)
    for table, (condition, mutable) in GUARDS.items():
        (_sqlite if sqlite else _postgres)(table, condition, mutable)
    for table in DELETE_ONLY:
        if sqlite:
            op.execute(
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT "
                f"RAISE(ABORT, 'DELETE {table} refused: numbered documents are cancelled'); END"
            )
        else:
            op.execute(
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} FOR EACH ROW "
                "EXECUTE FUNCTION erpdesk_guard_posted()"
            )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in DELETE_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete" + ("" if sqlite else f" ON {table}"))
    for table in GUARDS:
        if sqlite:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_posted_no_delete")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_posted_no_update")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_posted ON {table}")
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS erpdesk_guard_posted()")
