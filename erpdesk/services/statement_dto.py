"""DTOs of customer statements (对账单, issue 8): the request, the figures, batch filter and result.

Frozen, slotted, keyword-only; Decimals and dates, never ORM rows. Balance = what the customer owes us
(open receivable items minus unallocated advances), the same figure as ``ReceivableService.balance``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True, slots=True, kw_only=True)
class StatementRequest:
    """One customer's statement: a period (``date_from``..``date_to``) or "as of" a day (default today).

    Give either ``date_from`` (``date_to`` defaults to today) or ``as_of`` (or nothing: as of today). An
    as-of statement lists the account since it was last settled (the last time the running balance was
    zero) up to that day, after an opening row of zero.
    """

    customer_id: int
    date_from: date | None = None
    date_to: date | None = None
    as_of: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StatementLine:
    """A ledger line: ``debit`` raises what the customer owes, ``credit`` lowers it; ``balance`` after it."""

    day: date
    document: str
    description: str  # in the request language
    debit: Decimal
    credit: Decimal
    balance: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement:
    """The figures of one statement (the same ledger queries as the GUI)."""

    customer_id: int
    customer_code: str
    customer_name: str
    contact: str
    phone: str
    address: str
    date_from: date | None  # None: as-of statement
    date_to: date
    opening_balance: Decimal
    lines: tuple[StatementLine, ...]
    total_debit: Decimal
    total_credit: Decimal
    closing_balance: Decimal  # == ReceivableService.balance(customer).balance when date_to is today
    aging: tuple[
        tuple[str, Decimal], ...
    ]  # bucket label, amount of the closing balance's open items
    advances: Decimal  # receipts not yet allocated (预收), as of date_to
    return_by: date  # date_to + the company's statement_return_days


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchFilter:
    """Which customers get a statement in a batch (DOMAIN.md §9: by 分类, 地区, 业务员, 月结 only,
    balance ≠ 0 or moved in the period). Every condition given must hold, except that ``with_balance``
    and ``moved_in_period`` together mean "balance ≠ 0 **or** moved in the period"."""

    with_balance: bool = True  # only customers whose balance is not zero as of the date
    customer_ids: tuple[int, ...] | None = None  # an explicit list (e.g. the list's selection)
    search: str = ""  # the customer list's search text
    category_id: int | None = None  # this 客户分类 and its sub-categories
    region: str = ""  # 地区, exactly as on the customer ("" = any)
    salesperson_id: int | None = None  # 业务员
    monthly_only: bool = False  # only customers settled monthly (月结)
    moved_in_period: bool = False  # a receivable item (delivery…) or receipt dated in the period


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchResult:
    """What a batch wrote: the files kept (none when cancelled), statements and pages rendered."""

    files: tuple[Path, ...]
    statements: int
    pages: int
    cancelled: bool
