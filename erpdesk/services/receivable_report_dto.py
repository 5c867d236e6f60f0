"""What the receivables reports hand the GUI and CLI (issue 8): aging per customer and the summary.

Amounts are ``Decimal`` yuan. ``balance`` = open items − advances (positive: the customer owes us); the
aging buckets split the open items only, advances have their own column and are never netted into a
bucket.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True, kw_only=True)
class AgingLine:
    """One customer's open items by bucket (``len(bounds) + 1`` amounts), advances and balance."""

    customer_id: int
    code: str
    name: str
    salesperson: str
    buckets: tuple[Decimal, ...]
    open_items: Decimal
    advances: Decimal
    balance: Decimal

    def cells(self) -> tuple[Any, ...]:
        """The line's cells in report column order (code, name, salesperson, buckets, totals)."""
        return (
            self.code,
            self.name,
            self.salesperson,
            *self.buckets,
            self.open_items,
            self.advances,
            self.balance,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class AgingTable:
    """The aging report as of ``as_of``: customer lines in code order and the totals of every column."""

    as_of: date
    bounds: tuple[int, ...]
    lines: tuple[AgingLine, ...]
    buckets: tuple[Decimal, ...]
    open_items: Decimal
    advances: Decimal
    balance: Decimal

    def total_cells(self, label: str) -> tuple[Any, ...]:
        """The total row in the columns of ``AgingLine.cells``, ``label`` under the code."""
        return (label, "", "", *self.buckets, self.open_items, self.advances, self.balance)


@dataclass(frozen=True, slots=True, kw_only=True)
class SummaryLine:
    """One customer's receivables position; ``oldest_due`` is of its oldest item still owed."""

    customer_id: int
    code: str
    name: str
    salesperson: str
    open_items: Decimal
    advances: Decimal
    balance: Decimal
    overdue: Decimal
    oldest_due: date | None
    last_receipt: date | None

    def cells(self) -> tuple[Any, ...]:
        """The line's cells in report column order."""
        return (
            self.code,
            self.name,
            self.salesperson,
            self.open_items,
            self.advances,
            self.balance,
            self.overdue,
            self.oldest_due,
            self.last_receipt,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class SummaryTable:
    """The receivables summary as of ``as_of`` with its column totals."""

    as_of: date
    lines: tuple[SummaryLine, ...]
    open_items: Decimal
    advances: Decimal
    balance: Decimal
    overdue: Decimal

    def total_cells(self, label: str) -> tuple[Any, ...]:
        """The total row in the columns of ``SummaryLine.cells`` (no dates), ``label`` under the code."""
        return (
            label,
            "",
            "",
            self.open_items,
            self.advances,
            self.balance,
            self.overdue,
            None,
            None,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportExported:
    """An exported report: the file, its customer rows (the total row not counted), the date."""

    path: str
    rows: int
    as_of: date
