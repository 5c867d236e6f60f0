"""The reader's per-column cleaner gives exactly what ``clean_cell`` gives, for any cell.

``cell_cleaner`` answers printable text and plain Excel numbers directly and sends everything else
through ``clean_cell``. A clerk must get the same imported value, or the same error for the same
cell, either way: generated cells (text with full-width forms, control characters, ``#清空`` with
spaces, long text; floats with many decimals, huge, negative, not finite; ints, booleans, dates)
are cleaned both ways for every column kind.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from erpdesk.xlsx.columns import ASCII, CLEAR_MARK, DATE, INT, MONEY, TEXT, Column
from erpdesk.xlsx.reader import MAX_CELL_CHARS, _Problem, cell_cleaner, clean_cell

KINDS = [Column("f", kind) for kind in (TEXT, ASCII, MONEY, INT, DATE)]
PIECES = st.sampled_from(
    [
        "上海明达",
        "ＡＢＣ１２３",
        "\u3000",
        " ",
        "\t",
        "\x07",
        "\ufffe",
        "#",
        CLEAR_MARK,
        "=1+1",
        "13812345678",
        "12.50",
        "¥1,000",
        "2026-12-07",
        "a@b.com",
        "x" * 40,
    ]
)
TEXTS = st.one_of(
    st.lists(PIECES, max_size=4).map("".join),
    st.text(max_size=12),
    st.just("长" * (MAX_CELL_CHARS + 1)),
)
NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e7, max_value=1e7).map(lambda f: round(f, 2)),
    st.integers(-(2**60), 2**60).map(float),
    st.integers(-(10**20), 10**20),
    st.sampled_from([0.5, 30.0, -0.0, 1e-05, 12300.5, 2.0**53, 1e23, 0.125]),
)
CELLS = st.one_of(
    TEXTS,
    NUMBERS,
    st.booleans(),
    st.dates(min_value=date(1900, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1)),
)


def _outcome(clean: Any, value: Any) -> tuple[str, Any]:
    try:
        result = clean(value)
    except _Problem as problem:
        return "problem", (problem.msg_id, problem.params)
    # Decimal("30.0") and Decimal("30") are equal but not the same cell: compare the text too.
    return "value", (type(result), result, str(result) if isinstance(result, Decimal) else None)


@settings(max_examples=3000, deadline=None)
@given(value=CELLS, column=st.sampled_from(KINDS))
def test_the_fast_cleaner_agrees_with_clean_cell(value: Any, column: Column) -> None:
    expected = _outcome(lambda v: clean_cell(v, column), value)
    assert _outcome(cell_cleaner(column), value) == expected


def test_common_cells_keep_their_values() -> None:
    text, code = cell_cleaner(Column("f", TEXT)), cell_cleaner(Column("f", ASCII))
    money, days = cell_cleaner(Column("f", MONEY)), cell_cleaner(Column("f", INT))
    assert text(" 上海１２号 ") == "上海12号"  # full-width digits, spaces trimmed
    assert code("ＫＨ－００１") == "KH-001"
    assert text(f" {CLEAR_MARK} ") == CLEAR_MARK
    assert str(money(12300.5)) == "12300.5"
    assert str(money(30.0)) == "30.0"
    assert days(30.0) == 30
