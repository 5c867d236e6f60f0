"""DTOs of stocktake (盘点) sessions: what the stocktake dock, the CLI and tests see (issue 9).

Frozen, slotted, keyword-only; tuples, Decimals, dates and domain enums only, never ORM rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from erpdesk.domain.stocktake import ScanOutcome, StocktakeKind, StocktakeStatus


@dataclass(frozen=True, slots=True, kw_only=True)
class StocktakeScope:
    """What a session counts: customers by category / region / salesperson, products by warehouse /
    category. Empty or None filters mean "all"."""

    kind: StocktakeKind
    category_id: int | None = None  # customers: customer category
    region: str = ""  # customers: region (prefix match on the region text)
    salesperson_id: int | None = None  # customers
    warehouse_id: int | None = None  # products: None = the default warehouse
    product_category: str = ""  # products


@dataclass(frozen=True, slots=True, kw_only=True)
class StocktakeInput:
    name: str
    scope: StocktakeScope
    blind: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class StocktakeView:
    id: int
    number: str  # PD20250503-01
    name: str
    scope: StocktakeScope
    blind: bool
    status: StocktakeStatus
    expected_count: int  # lines expected (snapshot taken when counting starts)
    counted_count: int  # lines counted / customers found
    unknown_count: int  # scans of codes that matched nothing
    created_by: str
    created_at: datetime
    version: int
    scan_count: int = 0  # scans recorded (undone ones excluded)
    approved_by: str = ""
    posted_at: datetime | None = None
    cancel_reason: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanInput:
    text: str  # "CODE" or "12*CODE"
    device: str = ""
    scanned_at: datetime | None = None  # None = now
    client_seq: int | None = None  # the UI's own queue number, echoed back for matching
    # Unique to this scan across retries (e.g. "<queue id>:<seq>"): sending the same key again returns
    # the first result and counts nothing, so a scan whose answer was lost can be resent safely.
    client_key: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanResult:
    seq: int  # per-session sequence number given by the service
    outcome: ScanOutcome
    code: str
    quantity: Decimal
    target_id: int | None  # customer or product id; None when unknown
    label: str  # customer or product name, "" if unknown
    line_count: Decimal  # the new counted total of that line (0 for an unknown code)
    client_seq: int | None = None
    line_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CountLineView:
    id: int
    target_id: int  # customer or product id
    code: str
    name: str
    expected: Decimal | None  # None while blind and not yet in review
    counted: Decimal
    difference: Decimal | None  # counted − expected; None when expected is hidden
    reason: str
    found: bool  # counted > 0 (products) or the card was scanned (customers)
    census_status: str  # CensusStatus value; "" for products and customers not found yet
    in_scope: bool = True  # False: not expected (counted or scanned although outside the scope)
    phone: str = ""  # customers: current values, for the census form
    address: str = ""
    contact_name: str = ""
    note: str = ""
    verified_on: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CensusInput:
    """Phone / address / contact confirmed or corrected on the spot; None = unchanged."""

    customer_id: int
    phone: str | None = None
    address: str | None = None
    contact_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UnknownScanView:
    code: str
    scans: int
    quantity: Decimal
    devices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewView:
    lines: tuple[CountLineView, ...]  # every line, expected shown
    missing: tuple[CountLineView, ...]  # expected, not counted / not found
    unexpected: tuple[CountLineView, ...]  # counted, not expected (outside the scope)
    unknown: tuple[str, ...]  # codes that matched nothing
    differences: tuple[CountLineView, ...] = ()  # products: counted ≠ expected
    unknown_scans: tuple[UnknownScanView, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class HandheldImportResult:
    file_sha256: str
    rows: int  # data rows read
    counted: int  # rows newly counted (rows seen before are skipped)
    unknown: int  # rows whose code matched nothing (recorded for review)
    already_imported: bool  # the very same file was imported into this session before
    skipped: int = 0  # rows already counted from an earlier file
