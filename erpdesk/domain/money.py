"""Money as exact ``Decimal`` with two places, stored as integer fen, and amounts in Chinese capitals.

Nothing here rounds silently: an amount with more than two decimals is refused (``money.too_precise``),
because a wrong fen on a statement is worse than an error at entry.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from erpdesk.domain.errors import DomainError

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_POSITIONS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def to_minor(amount: Decimal) -> int:
    """Convert an amount to integer fen.

    Args:
        amount: the amount in yuan.

    Returns:
        The number of fen.

    Raises:
        DomainError: ``money.too_precise`` if the amount has a non-zero digit below the fen, or
            ``money.not_a_number`` for NaN and infinity, ``money.too_large`` beyond the decimal
            context's precision.
    """
    if not amount.is_finite():
        raise DomainError("money.not_a_number", value=str(amount))
    try:
        quantized = amount.quantize(CENT)
    except InvalidOperation:
        # More digits than the decimal context holds: far beyond any real amount.
        raise DomainError("money.too_large", value=str(amount)) from None
    if quantized != amount:
        raise DomainError("money.too_precise", value=str(amount))
    return int(quantized * 100)


def from_minor(fen: int) -> Decimal:
    """Return the amount in yuan for an integer number of fen."""
    return (Decimal(fen) / 100).quantize(CENT)


def parse_money(text: str) -> Decimal:
    """Read an amount as typed by a person: full-width digits, ``¥``, thousands separators allowed.

    Raises:
        DomainError: ``money.not_a_number`` or ``money.too_precise``.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    for symbol in ("¥", "￥", "CNY", "RMB", "元", ",", " "):
        cleaned = cleaned.replace(symbol, "")
    if cleaned.startswith("(") and cleaned.endswith(")"):
        cleaned = "-" + cleaned[1:-1]
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise DomainError("money.not_a_number", value=text) from None
    to_minor(amount)
    return amount.quantize(CENT)


def format_money(amount: Decimal, *, symbol: bool = True) -> str:
    """Format as ``¥12,345.60`` (negative: ``-¥12,345.60``)."""
    sign = "-" if amount < 0 else ""
    body = f"{abs(amount).quantize(CENT):,.2f}"
    return f"{sign}{'¥' if symbol else ''}{body}"


def _group_in_words(group: int) -> str:
    text = ""
    pending_zero = False
    started = False
    for position in (3, 2, 1, 0):
        digit = group // 10**position % 10
        if digit == 0:
            pending_zero = pending_zero or started
            continue
        if pending_zero:
            text += _DIGITS[0]
            pending_zero = False
        text += _DIGITS[digit] + _POSITIONS[position]
        started = True
    return text


def _integer_in_words(value: int) -> str:
    groups: list[int] = []
    while value:
        groups.append(value % 10000)
        value //= 10000
    text = ""
    skipped_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            skipped_zero = bool(text)
            continue
        if text and (skipped_zero or group < 1000):
            text += _DIGITS[0]
        text += _group_in_words(group) + _GROUPS[index]
        skipped_zero = False
    return text


def amount_in_words(amount: Decimal) -> str:
    """Write an amount in Chinese financial capitals (大写), as printed on statements and notices.

    ``10005.30`` → ``壹万零伍元叁角``; ``7800`` → ``柒仟捌佰元整``; ``0.05`` → ``伍分``; negative amounts start
    with ``负``.

    Raises:
        DomainError: ``money.too_precise`` for amounts below the fen, ``money.too_large`` from 10^16 yuan.
    """
    fen = to_minor(amount)
    if abs(fen) >= 10**18:
        raise DomainError("money.too_large", value=str(amount))
    sign = "负" if fen < 0 else ""
    fen = abs(fen)
    yuan, rest = divmod(fen, 100)
    jiao, cents = divmod(rest, 10)
    if fen == 0:
        return "零元整"
    text = _integer_in_words(yuan) + "元" if yuan else ""
    if jiao == 0 and cents == 0:
        return sign + text + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif yuan:
        text += _DIGITS[0]
    if cents:
        text += _DIGITS[cents] + "分"
    return sign + text
