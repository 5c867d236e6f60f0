"""``CodeEdit``: a field for customer (and later item) codes, typed the way the rules store them.

Full-width characters become half-width and letters uppercase as the clerk types (an input method
left in full-width mode still works); only ``A–Z 0–9 - _ .`` up to 30 characters get in.
Uniqueness and the format of a rule are the service's job, not the widget's.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QWidget

MAX_CODE = 30
_ALLOWED = re.compile(r"[A-Z0-9\-_.]{0,30}")


def normalise_code(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").upper()


class CodeValidator(QValidator):
    def validate(self, text: str, pos: int) -> object:
        fixed = normalise_code(text)
        if _ALLOWED.fullmatch(fixed):
            return (QValidator.State.Acceptable, fixed, min(pos, len(fixed)))
        return (QValidator.State.Invalid, text, pos)


class CodeEdit(QLineEdit):
    """Uppercase, half-width code editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(MAX_CODE)
        self.setValidator(CodeValidator(self))

    def code(self) -> str:
        return normalise_code(self.text())
