"""``column IN (many values)`` with the values bound as ONE parameter.

SQLAlchemy's ``in_`` renders a placeholder per value and converts each one at every execution; for
the thousands of codes an import looks up per batch that costs more than the query. Here SQLite gets
the values as a JSON array read by ``json_each`` and PostgreSQL as an array compared with ``= ANY``;
both use the column's index.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY


def one_of(
    conn: Connection, column: Any, values: Sequence[str] | Sequence[int]
) -> ColumnElement[bool]:
    """``column IN values`` for ``conn``'s database (text or integer values)."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))  # type: ignore[no-any-return]
    listed = func.json_each(bindparam(None, json.dumps(list(values), ensure_ascii=False)))
    wanted = listed.table_valued("value")
    return column.in_(select(wanted.c.value))  # type: ignore[no-any-return]
