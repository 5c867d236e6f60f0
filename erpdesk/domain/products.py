"""Item (商品) rules: barcode check digits and code normalisation. Standard library only."""

from __future__ import annotations


def ean13_valid(barcode: str) -> bool:
    """True for a 13-digit EAN with the right check digit; other lengths are not EAN-13."""
    if len(barcode) != 13 or not barcode.isdigit():
        return False
    digits = [int(c) for c in barcode]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == digits[12]


def ean13_with_check(first12: str) -> str:
    """Append the check digit to 12 digits (demo data and tests)."""
    digits = [int(c) for c in first12]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return first12 + str((10 - total % 10) % 10)


def normalise_code(text: str) -> str:
    """Codes as typed: trimmed, full-width ASCII folded, upper case."""
    folded = "".join(
        chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text.strip()
    )
    return folded.replace("\u3000", " ").upper()
