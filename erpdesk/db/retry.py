"""Which database failures are worth re-running a whole unit of work for, and the back-off between tries.

PostgreSQL serialization failures (40001), deadlocks (40P01) and lock timeouts (55P03) are expected under
concurrency, as is SQLite's "database is locked" once the busy timeout ran out.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
MAX_ATTEMPTS = 5
T = TypeVar("T")


def is_retryable(exc: BaseException) -> bool:
    """True for serialization failures, deadlocks, lock timeouts and SQLite busy errors."""
    if not isinstance(exc, DBAPIError):
        return False
    original = exc.orig
    sqlstate = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if sqlstate in RETRYABLE_SQLSTATES:
        return True
    message = str(original).lower()
    return "database is locked" in message or "database is busy" in message


def backoff_seconds(attempt: int) -> float:
    """50 ms × 2^attempt with ±50 % jitter, so that colliding writers spread out."""
    base: float = 0.05 * (2**attempt)
    return base * random.uniform(0.5, 1.5)


def with_retries(
    action: Callable[[], T],
    *,
    attempts: int = MAX_ATTEMPTS,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run ``action``; re-run it after a retryable failure, at most ``attempts`` times in all."""
    for attempt in range(attempts):
        try:
            return action()
        except DBAPIError as exc:
            if attempt == attempts - 1 or not is_retryable(exc):
                raise
            sleep(backoff_seconds(attempt))
    raise AssertionError("unreachable")
