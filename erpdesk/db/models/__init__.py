"""All ORM models; importing this package registers every table on ``Base.metadata``.

Each aggregate has its own module; add a new module's import here so migrations and checks see it.
"""

from __future__ import annotations

from erpdesk.db.models.system import AppMeta, AuditHead, AuditLog, NumberSeries
from erpdesk.db.models.user import UserAccount, UserRole

__all__ = ["AppMeta", "AuditHead", "AuditLog", "NumberSeries", "UserAccount", "UserRole"]
