"""Fixtures the receivables UI tests share: the seeded aging database (tests/services/aging_support)
standing in for conftest's empty ``sqlite_db``, and what was seeded into it.

Bind the fixtures in the test module: ``sqlite_db = receivables_ui_support.sqlite_db`` and likewise
``seeded``, ``seeded_sqlite``, ``aging_template``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

import aging_support
from aging_support import Seeded

from erpdesk.db.engine import Database

aging_template = aging_support.aging_template
seeded_sqlite = aging_support.seeded_sqlite

__all__ = ["aging_template", "seeded", "seeded_sqlite", "sqlite_db"]


@pytest.fixture
def sqlite_db(seeded_sqlite: tuple[Database, Seeded]) -> Database:
    """The seeded SQLite copy (overrides the empty one of conftest)."""
    return seeded_sqlite[0]


@pytest.fixture
def seeded(seeded_sqlite: tuple[Database, Seeded]) -> Seeded:
    return seeded_sqlite[1]
