"""Who is acting and what time it is: passed to every service so nothing reads globals.

``Actor`` is built once the user has logged in (or from ``--user`` in the CLI); tests pass a fixed clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from erpdesk.domain.permissions import Permission, Role, permissions_of
from erpdesk.services.errors import PermissionDenied

COMPANY_TZ = ZoneInfo("Asia/Shanghai")


DenialRecorder = Callable[["Actor", Permission], None]


@dataclass(frozen=True, slots=True)
class Actor:
    """The logged-in user (or a system actor for maintenance commands).

    ``on_denied`` records a refused action (the ``Services`` container binds it to the audit trail), so
    every service's permission check leaves a trace without each service remembering to write one.
    """

    username: str
    roles: frozenset[Role] = field(default_factory=frozenset)
    user_id: int | None = None
    on_denied: DenialRecorder | None = field(default=None, compare=False, repr=False)

    def may(self, permission: Permission) -> bool:
        return permission in permissions_of(self.roles)

    def require(self, permission: Permission) -> None:
        """Raise ``PermissionDenied`` unless one of the actor's roles grants ``permission``."""
        if not self.may(permission):
            if self.on_denied is not None:
                self.on_denied(self, permission)
            raise PermissionDenied("perm.denied", user=self.username, action=permission.value)


def system_actor(label: str = "system") -> Actor:
    """An actor for maintenance run with direct access to the database (upgrade, check, backup)."""
    return Actor(username=label, roles=frozenset({Role.ADMIN}))


@dataclass(frozen=True, slots=True)
class Clock:
    """Current time in UTC and today's date in the company's time zone; tests fix ``now``."""

    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    tz: ZoneInfo = COMPANY_TZ

    def utc(self) -> datetime:
        return self.now().astimezone(UTC)

    def today(self) -> date:
        return self.now().astimezone(self.tz).date()
