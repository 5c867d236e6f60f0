"""``MoneyEdit``: an amount field that yields an exact ``Decimal`` with two places (or None).

It accepts digits, one decimal point, an optional leading minus (when allowed) and thousands
separators as typed by clerks ("1,200.50", full-width too); it never converts through float.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QWidget

_CENT = Decimal("0.01")


class MoneyValidator(QValidator):
    def __init__(self, parent: QWidget, *, allow_negative: bool) -> None:
        super().__init__(parent)
        sign = "-?" if allow_negative else ""
        self._pattern = re.compile(rf"{sign}[0-9,]{{0,17}}(\.[0-9]{{0,2}})?")

    def validate(self, text: str, pos: int) -> object:
        fixed = unicodedata.normalize("NFKC", text).replace(" ", "").replace("。", ".")
        if self._pattern.fullmatch(fixed):
            return (QValidator.State.Acceptable, fixed, min(pos, len(fixed)))
        return (QValidator.State.Invalid, text, pos)


class MoneyEdit(QLineEdit):
    """Right-aligned amount editor; ``value()`` is a Decimal rounded half-up to fen."""

    def __init__(self, parent: QWidget | None = None, *, allow_negative: bool = False) -> None:
        super().__init__(parent)
        self.setValidator(MoneyValidator(self, allow_negative=allow_negative))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._tidy)

    def value(self) -> Decimal | None:
        text = self.text().replace(",", "").strip()
        if not text or text in {"-", "."}:
            return None
        try:
            return Decimal(text).quantize(_CENT, rounding=ROUND_HALF_UP)
        except InvalidOperation:
            return None

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else f"{Decimal(value).quantize(_CENT):,.2f}")

    def _tidy(self) -> None:
        value = self.value()
        if value is not None:
            self.set_value(value)
