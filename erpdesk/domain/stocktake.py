"""Stocktake (盘点) rules: session kinds and states, the allowed transitions, and reading a scan.

A session counts either customers (a census: each customer card scanned is *found*) or products (each
scan adds a quantity). It moves 开启 → 盘点中 → 复核 → 已过账, or is 作废 from any state before posting.
A scan is ``CODE`` (one) or ``12*CODE`` (twelve); full-width characters from an IME are folded to
half-width first. Nothing here knows a table or a widget.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from erpdesk.domain.errors import DomainError

QTY = Decimal("0.001")
SCAN_MAX_QTY = Decimal(1_000_000)
SCAN_MAX_LENGTH = 64
REASON_MAX = 200
_MULTIPLY = re.compile(r"^\s*([^*×]*?)\s*[*×]\s*(.*?)\s*$")


class StocktakeKind(StrEnum):
    """What a session counts."""

    CUSTOMERS = "customers"
    PRODUCTS = "products"


class StocktakeStatus(StrEnum):
    """开启 / 盘点中 / 复核 / 已过账 / 已作废."""

    OPEN = "open"
    COUNTING = "counting"
    REVIEW = "review"
    POSTED = "posted"
    CANCELLED = "cancelled"


class StocktakeAction(StrEnum):
    """What a user does to a session; each is one service method."""

    START = "start"
    SCAN = "scan"
    TO_REVIEW = "to_review"
    REOPEN = "reopen"  # back from 复核 to 盘点中 to count more
    POST = "post"
    CANCEL = "cancel"


class ScanOutcome(StrEnum):
    """What one scan did."""

    COUNTED = "counted"  # a product's quantity went up
    FOUND = "found"  # a customer was found for the first time
    ALREADY_FOUND = "already_found"  # the customer had been found already in this session
    UNKNOWN = "unknown"  # no product or customer has that code; recorded for review


class CensusAction(StrEnum):
    """What happens at posting to a customer who was expected but not found."""

    KEEP = "keep"
    DEACTIVATE = "deactivate"
    INVESTIGATE = "investigate"


class CensusStatus(StrEnum):
    """A customer line's census result (stored on the line and, at posting, on the customer)."""

    PENDING = ""  # not found yet
    FOUND = "found"  # the card was scanned
    CONFIRMED = "confirmed"  # found and phone / address / contact confirmed or corrected
    KEEP = "keep"
    DEACTIVATE = "deactivate"
    INVESTIGATE = "investigate"


_TRANSITIONS: dict[tuple[StocktakeStatus, StocktakeAction], StocktakeStatus] = {
    (StocktakeStatus.OPEN, StocktakeAction.START): StocktakeStatus.COUNTING,
    (StocktakeStatus.COUNTING, StocktakeAction.SCAN): StocktakeStatus.COUNTING,
    (StocktakeStatus.COUNTING, StocktakeAction.TO_REVIEW): StocktakeStatus.REVIEW,
    (StocktakeStatus.REVIEW, StocktakeAction.REOPEN): StocktakeStatus.COUNTING,
    (StocktakeStatus.REVIEW, StocktakeAction.POST): StocktakeStatus.POSTED,
    (StocktakeStatus.OPEN, StocktakeAction.CANCEL): StocktakeStatus.CANCELLED,
    (StocktakeStatus.COUNTING, StocktakeAction.CANCEL): StocktakeStatus.CANCELLED,
    (StocktakeStatus.REVIEW, StocktakeAction.CANCEL): StocktakeStatus.CANCELLED,
}


def next_status(status: StocktakeStatus, action: StocktakeAction) -> StocktakeStatus:
    """The state after ``action``; raises ``stocktake.illegal_transition`` when it is not allowed."""
    try:
        return _TRANSITIONS[(status, action)]
    except KeyError:
        raise DomainError(
            "stocktake.illegal_transition", action=action.value, status=status.value
        ) from None


def allowed_actions(status: StocktakeStatus) -> frozenset[StocktakeAction]:
    """The actions a session in ``status`` accepts (the dock enables its buttons from this)."""
    return frozenset(action for (state, action) in _TRANSITIONS if state is status)


def expected_visible(blind: bool, status: StocktakeStatus) -> bool:
    """Blind counts hide the expected quantity until the count is handed in for review."""
    return not blind or status in (
        StocktakeStatus.REVIEW,
        StocktakeStatus.POSTED,
        StocktakeStatus.CANCELLED,
    )


def normalise_scan_code(text: str) -> str:
    """A scanned or typed code: NFKC (full-width → half-width), trimmed, uppercase."""
    return unicodedata.normalize("NFKC", text).strip().upper()


def parse_quantity(text: str) -> Decimal:
    """A counted quantity: a number ≥ 0 with at most three decimals; raises ``stocktake.bad_quantity``."""
    raw = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise DomainError("stocktake.bad_quantity", quantity=text) from None
    return check_quantity(value, text)


def check_quantity(value: Decimal, shown: str | None = None) -> Decimal:
    """``value`` if it is a finite quantity 0 ≤ q ≤ 1,000,000 with at most three decimals."""
    label = value if shown is None else shown
    if not value.is_finite() or value < 0 or value > SCAN_MAX_QTY:
        raise DomainError("stocktake.bad_quantity", quantity=label)
    if value != value.quantize(QTY):
        raise DomainError("stocktake.bad_quantity", quantity=label)
    return value.quantize(QTY)


def parse_scan(text: str) -> tuple[Decimal, str]:
    """``"12*CODE"`` → ``(12, "CODE")``; ``"CODE"`` → ``(1, "CODE")``.

    Full-width input (``１２＊ＣＯＤＥ``) is folded first. A quantity that is not a positive number with at
    most three decimals raises ``stocktake.bad_quantity``; an empty code raises ``stocktake.empty_scan``.
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    if not folded:
        raise DomainError("stocktake.empty_scan")
    if len(folded) > SCAN_MAX_LENGTH:
        raise DomainError("stocktake.scan_too_long", limit=SCAN_MAX_LENGTH)
    quantity = Decimal(1)
    code = folded
    match = _MULTIPLY.match(folded)
    if match is not None:
        code = match.group(2)
        if not normalise_scan_code(code):
            raise DomainError("stocktake.empty_scan")
        quantity = parse_quantity(match.group(1))
        if quantity == 0:
            raise DomainError("stocktake.bad_quantity", quantity=match.group(1))
    code = normalise_scan_code(code)
    if not code:
        raise DomainError("stocktake.empty_scan")
    return quantity.quantize(QTY), code


def check_reason(reason: str) -> str:
    """A correction's reason, trimmed; required and at most 200 characters."""
    value = reason.strip()
    if not value:
        raise DomainError("stocktake.reason_required")
    if len(value) > REASON_MAX:
        raise DomainError("stocktake.reason_too_long", limit=REASON_MAX)
    return value


def session_number(day_text: str, serial: int) -> str:
    """盘点单号 such as ``PD20250503-01`` from ``YYYYMMDD`` and the day's serial."""
    return f"PD{day_text}-{serial:02d}"
