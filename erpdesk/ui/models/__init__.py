"""Qt item models that adapt service DTOs for views: the lazy id-list grid and its column specs."""

from __future__ import annotations

from erpdesk.ui.models.columns import Column
from erpdesk.ui.models.id_list import ID_ROLE, ROW_ROLE, IdListTableModel

__all__ = ["ID_ROLE", "ROW_ROLE", "Column", "IdListTableModel"]
