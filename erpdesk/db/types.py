"""Column types: money as integer fen, quantities as integer thousandths, timestamps always UTC.

Floats and SQLite's NUMERIC never hold money; the conversion to ``Decimal`` happens here, once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect
from sqlalchemy.types import TypeDecorator

from erpdesk.domain.money import from_minor, to_minor


class MoneyType(TypeDecorator[Decimal]):
    """``Decimal`` yuan in Python, ``BIGINT`` fen in the database."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        return None if value is None else to_minor(Decimal(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_minor(int(value))


def money_of_sum(raw: object) -> Decimal:
    """A money ``SUM`` (or other aggregate) typed ``BigInteger`` comes back as raw fen: yuan, exactly.

    ``None`` (no rows) is zero; PostgreSQL hands ``SUM(bigint)`` back as a ``Decimal`` of whole fen.
    """
    return from_minor(int(str(raw or 0)))


QTY_SCALE = Decimal("0.001")


class QtyType(TypeDecorator[Decimal]):
    """``Decimal`` quantity with three places in Python, ``BIGINT`` thousandths in the database."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        scaled = Decimal(value) * 1000
        if scaled != scaled.to_integral_value():
            raise ValueError(f"quantity {value} has more than three decimals")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else (Decimal(int(value)) * QTY_SCALE).quantize(QTY_SCALE)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in Python; naive UTC in SQLite, ``timestamptz`` on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
