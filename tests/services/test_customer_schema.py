"""Migration 0003 builds exactly the customer tables the models describe, on both backends."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from erpdesk.db import models  # noqa: F401 - registers every table
from erpdesk.db.base import Base
from erpdesk.db.engine import Database
from erpdesk.db.models.customer import is_unmanaged

CUSTOMER_TABLES = {
    "customer",
    "customer_category",
    "customer_level",
    "customer_contact",
    "customer_code_alias",
    "customer_relationship",
    "customer_interaction",
    "code_rule",
    "issued_code",
}


def _table_of(diff: Any) -> str:
    item = diff[0] if isinstance(diff, list) else diff
    for part in item[1:]:
        name = getattr(part, "name", None)
        table = getattr(part, "table", None)
        if table is not None and getattr(table, "name", None):
            return str(table.name)
        if isinstance(part, str):
            return part
        if name:
            return str(name)
    return ""


def test_customer_tables_match_the_models(backend: Database) -> None:
    with backend.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": lambda name, _type, _parents: not is_unmanaged(name),
            },
        )
        diffs = compare_metadata(context, Base.metadata)
    mine = [d for d in diffs if _table_of(d) in CUSTOMER_TABLES]
    assert mine == []


def test_search_index_exists(backend: Database) -> None:
    with backend.engine.connect() as conn:
        if backend.is_sqlite:
            names = set(inspect(conn).get_table_names())
            assert "customer_fts" in names
        else:
            indexes = {i["name"] for i in inspect(conn).get_indexes("customer")}
            assert "ix_customer_name_trgm" in indexes
