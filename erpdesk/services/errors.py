"""Errors services raise; each carries a message id so the GUI and CLI can say it in the user's language.

``DomainError`` (from ``erpdesk.domain.errors``) is the root: anything the user caused or can fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from erpdesk.domain.errors import DomainError

__all__ = ["ConfirmRequired", "ConflictError", "DomainError", "PermissionDenied", "ValidationError"]


class PermissionDenied(DomainError):
    """The actor's roles do not allow this action."""


class ConflictError(DomainError):
    """Someone else saved the record since it was read (optimistic locking)."""

    def __init__(self, msg_id: str = "db.conflict", /, **params: Any) -> None:
        super().__init__(msg_id, **params)


class ValidationError(DomainError):
    """Input broke field rules; ``fields`` maps each field to a (msg_id, params) pair."""

    def __init__(self, fields: Mapping[str, tuple[str, Mapping[str, Any]]]) -> None:
        first = next(iter(fields.values()), ("validation.failed", {}))
        super().__init__(first[0], **dict(first[1]))
        self.fields = dict(fields)


class ConfirmRequired(DomainError):
    """An overridable warning: call again with ``key`` in ``ack`` (and a reason) to go ahead."""

    def __init__(self, key: str, msg_id: str, /, **params: Any) -> None:
        super().__init__(msg_id, **params)
        self.key = key
