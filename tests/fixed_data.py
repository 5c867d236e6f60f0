"""What tests share beyond fixtures: the fixed "now" of the test clock and copying a migrated SQLite
template. Import it as ``fixed_data`` (``tests/`` is on the path); never import ``conftest``, whose name
another folder's conftest shadows."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

FIXED_NOW = datetime(2025, 5, 3, 1, 30, tzinfo=UTC)  # 09:30 in Asia/Shanghai


def sqlite_copy(template: Path, folder: Path, name: str = "erpdesk.db") -> Path:
    target = folder / name
    shutil.copyfile(template, target)
    return target
