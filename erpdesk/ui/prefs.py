"""UI preferences of this PC in QSettings: window geometry, dock layout, column widths.

Business settings live in the database and PC settings in ``settings.toml``; only how the windows look
is kept here. A portable install (``ERPDESK_HOME``) and every test keep them as an INI file in their own
folder (``use_folder``), so nothing leaks into the user's registry or between tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QHeaderView

ORGANIZATION = "ERPDesk"
APPLICATION = "ERPDesk"

_format = QSettings.Format.NativeFormat


def use_folder(folder: Path) -> None:
    """Keep the preferences in ``folder/ERPDesk/ERPDesk.ini`` instead of the per-user default place."""
    global _format
    folder.mkdir(parents=True, exist_ok=True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    _format = QSettings.Format.IniFormat


def settings() -> QSettings:
    """The preferences store (open a new one per use; QSettings objects are cheap)."""
    return QSettings(_format, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def save_column_widths(key: str, header: QHeaderView) -> None:
    """Remember the widths of ``header``'s sections under ``columns/<key>`` (grids call it on close)."""
    widths = [header.sectionSize(i) for i in range(header.count())]
    settings().setValue(f"columns/{key}", ",".join(str(w) for w in widths))


def restore_column_widths(key: str, header: QHeaderView) -> bool:
    """Apply widths saved by ``save_column_widths``; ``False`` (defaults kept) when none or they don't fit.

    A stored list with a different number of columns (the grid changed since) is ignored.
    """
    raw = settings().value(f"columns/{key}")
    if not raw:
        return False
    try:
        widths = [int(part) for part in str(raw).split(",")]
    except ValueError:
        return False
    if len(widths) != header.count():
        return False
    for index, width in enumerate(widths):
        if width > 0:
            header.resizeSection(index, width)
    return True
