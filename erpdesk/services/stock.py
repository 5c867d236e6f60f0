"""Posting stock moves: one ledger row per change and the per-warehouse quantity kept in step.

Called inside the caller's write unit of work (a delivery, its reversal, opening stock); the ledger row is
audited by the ORM hook. Stock may go negative: a delivery is never blocked by the book quantity.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import update
from sqlalchemy.orm import Session

from erpdesk.db.models.product import StockLevel, StockMove


def move(
    session: Session,
    *,
    product_id: int,
    warehouse_id: int,
    qty: Decimal,
    on: date,
    source: tuple[str, int],
    actor: str,
    now: datetime,
) -> None:
    """Post ``qty`` (negative = out) of a product in a warehouse, caused by ``source`` (type, id)."""
    session.add(
        StockMove(
            product_id=product_id,
            warehouse_id=warehouse_id,
            qty=qty,
            moved_on=on,
            source_type=source[0],
            source_id=source[1],
            created_at=now,
            created_by=actor,
        )
    )
    changed = session.execute(
        update(StockLevel)
        .where(StockLevel.product_id == product_id, StockLevel.warehouse_id == warehouse_id)
        .values(qty=StockLevel.qty + qty)
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    if not changed:
        session.add(StockLevel(product_id=product_id, warehouse_id=warehouse_id, qty=qty))
    session.flush()
