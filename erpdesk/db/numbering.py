"""Number series: one allocator for every coded thing (customer codes, order numbers, vouchers).

A counter row per (series, period) is created on first use and incremented inside the caller's write
transaction, so a rollback gives the number back and two writers get consecutive numbers: SQLite writers
are serialised by BEGIN IMMEDIATE, PostgreSQL holds the row lock until commit. Never MAX()+1, never a
database sequence (sequences leave gaps by design).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects import postgresql, sqlite

from erpdesk.db.models.system import NumberSeries


def _insert_first_use(conn: Connection, series: str, period: str, start: int) -> None:
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = dialect_insert(NumberSeries).values(series=series, period=period, next_value=start)
    conn.execute(stmt.on_conflict_do_nothing(index_elements=["series", "period"]))


def allocate(
    conn: Connection,
    series: str,
    period: str = "",
    *,
    start: int = 1,
    is_taken: Callable[[int], bool] | None = None,
) -> int:
    """Take the next number of ``series`` in ``period`` inside the caller's transaction.

    Args:
        conn: a connection inside a write transaction.
        series: the series name, e.g. ``customer:KH`` or ``order:XS``.
        period: the period key (``2025``, ``202505``, ``20250503``) or ``""`` for never-reset series.
        start: the first number of a new period.
        is_taken: returns True for numbers already used by hand; those are skipped.

    Returns:
        The allocated number.
    """
    while True:
        value = _take(conn, series, period)
        if value is None:
            _insert_first_use(conn, series, period, start)
            value = _take(conn, series, period)
            assert value is not None
        if is_taken is None or not is_taken(value):
            return value


def _take(conn: Connection, series: str, period: str) -> int | None:
    # One statement per number: the UPDATE takes the row lock (PostgreSQL) and returns the old value.
    value: int | None = conn.execute(
        update(NumberSeries)
        .where(NumberSeries.series == series, NumberSeries.period == period)
        .values(next_value=NumberSeries.next_value + 1)
        .returning(NumberSeries.next_value - 1)
    ).scalar_one_or_none()
    return value


def peek(conn: Connection, series: str, period: str = "", *, start: int = 1) -> int:
    """The number ``allocate`` would hand out next, without taking it (for a form's preview)."""
    value = conn.execute(
        select(NumberSeries.next_value).where(
            NumberSeries.series == series, NumberSeries.period == period
        )
    ).scalar_one_or_none()
    return start if value is None else int(value)
