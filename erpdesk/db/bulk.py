"""Bulk inserts of pre-shaped rows: one driver-level ``executemany`` with values converted once.

Core's ``executemany`` builds and type-converts a parameter dict per row; for an import of 100,000
customers that costs more than SQLite's own insert work. Here the statement is compiled once by
SQLAlchemy for the connection's dialect, the values are converted by the columns' own bind
processors (the same conversion Core applies, so the stored values are identical), values shared by
every row (timestamps, user, status) are converted once, and the rows go to the driver as tuples.

On SQLite, a value that every row of a batch shares (the given constants, and any column the batch
happens to leave the same: a blank phone in a file without phones) is written into the statement as
an SQL literal instead of being bound once per row: binding costs about 0.1 µs a value, a third of
a 40-column customer insert. Only driver values whose literal stores the very same thing are
inlined (NULL, integers, text without NUL); anything else stays bound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import repeat
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, literal_column

_INT64 = range(-(1 << 63), 1 << 63)
# A column is looked at for a value shared by the whole batch only in batches this large (a small
# one gains little and would compile a statement of its own), and only short text is written in.
SHARED_FROM_ROWS = 100
_LITERAL_MAX = 100


def _processor(table: Table, name: str, conn: Connection) -> Callable[[Any], Any] | None:
    dialect = conn.dialect
    column_type = table.c[name].type
    processor: Callable[[Any], Any] | None = column_type.dialect_impl(dialect).bind_processor(
        dialect
    )
    return processor


def sqlite_literal(value: Any) -> str | None:
    """``value`` (as the sqlite3 driver would bind it) as an SQLite literal storing the same value
    with the same storage class, or ``None`` where there is no such literal worth writing."""
    kind = type(value)
    if value is None:
        return "NULL"
    if kind is bool:
        return "1" if value else "0"
    if kind is int:
        return str(value) if value in _INT64 else None
    if kind is str:
        return None if "\x00" in value else "'" + value.replace("'", "''") + "'"
    return None


class Batch(NamedTuple):
    """Rows ready for the driver, with the statement that takes them."""

    sql: str
    rows: list[Any]


class BulkInsert:
    """One table's insert statement for ``columns`` plus ``constants``; ``params`` turns rows into
    a ``Batch`` (no database access), ``execute`` runs it.

    Columns left out take their scalar Python default, else the database default.
    """

    def __init__(
        self,
        conn: Connection,
        table: Table,
        columns: Sequence[str],
        constants: Mapping[str, Any] | None = None,
    ) -> None:
        constants = dict(constants or {})
        for column in table.columns:
            if column.name in columns or column.name in constants:
                continue
            default = column.default
            if default is not None and getattr(default, "is_scalar", False):
                constants[column.name] = getattr(default, "arg", None)
            elif default is not None:
                # Core would call a computed default per row; here it would silently be left out.
                raise ValueError(
                    f"{table.name}.{column.name} has a computed default: pass its value"
                )
        self._table = table
        self._dialect = conn.dialect
        self.columns = tuple(columns)
        self._fixed: dict[str, Any] = {}
        for name, value in constants.items():
            processor = _processor(table, name, conn)
            self._fixed[name] = processor(value) if processor is not None else value
        processors = [(i, _processor(table, name, conn)) for i, name in enumerate(columns)]
        self._converters = [(i, p) for i, p in processors if p is not None]
        self._inline = conn.dialect.name == "sqlite" and conn.dialect.paramstyle == "qmark"
        # The constants written into the statement, and those still bound (no literal for them).
        self._fixed_literals: dict[str, str] = {}
        self._fixed_bound: dict[str, Any] = {}
        for name, value in self._fixed.items():
            text = sqlite_literal(value) if self._inline else None
            if text is None:
                self._fixed_bound[name] = value
            else:
                self._fixed_literals[name] = text
        self._statements: dict[tuple[tuple[str, str], ...], tuple[str, tuple[str, ...]]] = {}
        self.sql, _order = self._statement({})

    def _statement(self, literals: Mapping[str, str]) -> tuple[str, tuple[str, ...]]:
        """The insert with ``literals`` written in, and the order of the names it binds."""
        key = tuple(sorted(literals.items()))
        known = self._statements.get(key)
        if known is None:
            bound = [n for n in (*self.columns, *self._fixed) if n not in literals]
            # inline(): no RETURNING of a key given as a literal (nothing is read back).
            statement = (
                self._table.insert()
                .inline()
                .values({name: literal_column(text) for name, text in literals.items()})
            )
            compiled = statement.compile(dialect=self._dialect, column_keys=bound)
            order = compiled.positiontup
            known = (str(compiled), tuple(bound if order is None else order))
            self._statements[key] = known
        return known

    def params(self, rows: Iterable[Sequence[Any]]) -> Batch:
        """The driver parameters of ``rows`` (Python values in ``columns`` order)."""
        rows = rows if isinstance(rows, list) else list(rows)
        if not rows:
            return Batch(self.sql, [])
        converters, columns, fixed = self._converters, self.columns, self._fixed
        if not self._inline:  # named parameter style (psycopg's pyformat)
            sql, _order = self._statement({})
            named: list[Any] = []
            for row in rows:
                values = list(row)
                for i, process in converters:
                    values[i] = process(values[i])
                named.append(dict(zip(columns, values, strict=True)) | fixed)
            return Batch(sql, named)
        # Column by column: each converter maps one column in a C loop, and the rows are put
        # together in statement order by zip, with the shared values repeated.
        by_column: list[Any] = list(zip(*rows, strict=True))
        if len(by_column) != len(columns):
            raise ValueError(f"rows have {len(by_column)} values for {len(columns)} columns")
        for i, process in converters:
            by_column[i] = list(map(process, by_column[i]))
        source = dict(zip(columns, by_column, strict=True))
        literals = dict(self._fixed_literals)
        if len(rows) >= SHARED_FROM_ROWS:
            for name, values in source.items():
                text = _shared_literal(values)
                if text is not None:
                    literals[name] = text
        sql, order = self._statement(literals)
        source.update({name: repeat(value) for name, value in self._fixed_bound.items()})
        if not order:  # every value is written into the statement
            return Batch(sql, [()] * len(rows))
        # Not strict: the shared values repeat without end, the columns stop with the rows.
        return Batch(sql, list(zip(*(source[name] for name in order), strict=False)))

    def execute(self, conn: Connection, batch: Batch) -> int:
        if batch.rows:
            conn.exec_driver_sql(batch.sql, batch.rows)
        return len(batch.rows)


def _shared_literal(values: Sequence[Any]) -> str | None:
    """The literal of the value every one of ``values`` holds, if they all hold one and it has one."""
    first = values[0]
    text = sqlite_literal(first)
    if text is None or len(text) > _LITERAL_MAX or values.count(first) != len(values):
        return None
    # ``count`` compares with ==, and 1 == 1.0 == True: an integer column must hold integers only.
    if type(first) in (int, bool) and not {int, bool}.issuperset(map(type, values)):
        return None
    return text


def insert_rows(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    constants: Mapping[str, Any] | None = None,
) -> int:
    """Insert ``rows`` (Python values in ``columns`` order) with ``constants`` in every row.

    Columns left out take their scalar Python default, else the database default. Returns the
    number of rows inserted.
    """
    bulk = BulkInsert(conn, table, columns, constants)
    return bulk.execute(conn, bulk.params(rows))
