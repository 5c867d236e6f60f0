"""Errors raised by business rules, carrying a message id and its parameters (never final text).

The text is produced where the user's language is known (``domain.messages.render``), so the same error
reads in English or Chinese in the GUI, the CLI, a PDF or an error workbook.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class DomainError(Exception):
    """A rule was broken; ``msg_id`` names the message, ``params`` fill its placeholders."""

    def __init__(self, msg_id: str, /, **params: Any) -> None:
        super().__init__(msg_id)
        self.msg_id = msg_id
        self.params: Mapping[str, Any] = params

    def __str__(self) -> str:
        from erpdesk.domain.messages import render

        return render(self.msg_id, "en", **self.params)
