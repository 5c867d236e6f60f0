"""The lazy id-list grid model: pages load on demand, at most 20 stay cached, sorting asks the dock."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from erpdesk.ui.models import ID_ROLE, Column, IdListTableModel
from erpdesk.ui.models.columns import RIGHT, attr, money


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    credit: int
    active: bool = True


class Source:
    """Counts how the model asks for rows, the way a service would be asked."""

    def __init__(self, n: int) -> None:
        self.rows = {i: Row(i, f"客户{i:05d}", i * 10, active=i % 7 != 0) for i in range(1, n + 1)}
        self.calls: list[list[int]] = []

    def fetch(self, ids: Sequence[int]) -> Mapping[int, Row]:
        self.calls.append(list(ids))
        return {i: self.rows[i] for i in ids if i in self.rows}


def make_model(source: Source) -> IdListTableModel[Row]:
    columns = [
        Column[Row]("name", "Name", attr("name")),
        Column[Row]("credit", "Credit", attr("credit"), money, align=RIGHT),
        Column[Row]("note", "Note", lambda r: None, sortable=False),
    ]
    model: IdListTableModel[Row] = IdListTableModel(
        columns, source.fetch, muted=lambda r: not r.active
    )
    model.set_ids(array("q", source.rows))
    return model


def test_model_passes_qt_model_tester(qtmodeltester) -> None:
    source = Source(450)
    model = make_model(source)
    qtmodeltester.check(model)


def test_a_million_rows_show_without_loading_them() -> None:
    source = Source(10)
    model = make_model(source)
    model.set_ids(array("q", range(1, 1_000_001)))
    assert model.rowCount() == 1_000_000
    assert source.calls == []


def test_one_cell_loads_its_page_of_200_rows_in_one_call() -> None:
    source = Source(1000)
    model = make_model(source)
    assert model.data(model.index(450, 0)) == "客户00451"
    assert source.calls == [list(range(401, 601))]
    assert model.data(model.index(599, 1)) == "6,000.00"
    assert len(source.calls) == 1


def test_at_most_20_pages_stay_cached_least_recently_used_out() -> None:
    source = Source(30 * 200)
    model = make_model(source)
    for page in range(25):
        model.data(model.index(page * 200, 0))
    assert model.cached_pages() == 20
    model.data(model.index(24 * 200, 0))  # still cached
    assert len(source.calls) == 25
    model.data(model.index(0, 0))  # evicted long ago, loads again
    assert len(source.calls) == 26


def test_inactive_rows_are_greyed_and_rows_carry_their_id() -> None:
    source = Source(20)
    model = make_model(source)
    assert model.data(model.index(6, 0), Qt.ItemDataRole.ForegroundRole) is not None  # id 7
    assert model.data(model.index(5, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(6, 0), ID_ROLE) == 7
    assert model.row_of(7) == 6
    assert model.row_of(999) is None


def test_header_click_asks_for_a_new_query_instead_of_sorting(qtbot) -> None:
    source = Source(5)
    model = make_model(source)
    with qtbot.waitSignal(model.sort_requested) as blocker:
        model.sort(1, Qt.SortOrder.DescendingOrder)
    assert blocker.args == ["credit", True]
    with qtbot.assertNotEmitted(model.sort_requested):
        model.sort(2)  # the note column cannot be sorted
    assert model.data(model.index(0, 0)) == "客户00001"


def test_invalidate_reloads_only_the_changed_page(qtbot) -> None:
    source = Source(600)
    model = make_model(source)
    model.data(model.index(0, 0))
    model.data(model.index(450, 0))
    source.rows[3] = Row(3, "改名客户", 30)
    with qtbot.waitSignal(model.dataChanged):
        model.invalidate([3])
    assert model.data(model.index(2, 0)) == "改名客户"
    assert source.calls[-1][0] == 1
    model.data(model.index(450, 0))
    assert len(source.calls) == 3


def test_a_row_deleted_meanwhile_shows_empty_not_an_error() -> None:
    source = Source(5)
    model = make_model(source)
    del source.rows[2]
    assert model.data(model.index(1, 0)) == ""
    assert model.data(model.index(2, 0)) == "客户00003"


def test_async_pages_show_placeholders_then_fill_in(qtbot) -> None:
    source = Source(300)
    waiting: list[tuple[Sequence[int], Callable[[Mapping[int, Row]], None]]] = []
    model: IdListTableModel[Row] = IdListTableModel(
        [Column[Row]("name", "Name", attr("name"))],
        source.fetch,
        fetch_async=lambda ids, done: waiting.append((ids, done)),
    )
    model.set_ids(array("q", source.rows))
    assert model.data(model.index(250, 0)) == "…"
    assert model.data(model.index(260, 0)) == "…"
    assert len(waiting) == 1  # one request per page, however many cells paint
    ids, done = waiting.pop()
    with qtbot.waitSignal(model.dataChanged):
        done(source.fetch(ids))
    assert model.data(model.index(250, 0)) == "客户00251"


def test_an_async_page_for_an_old_id_list_is_ignored() -> None:
    source = Source(300)
    waiting: list[tuple[Sequence[int], Callable[[Mapping[int, Row]], None]]] = []
    model: IdListTableModel[Row] = IdListTableModel(
        [Column[Row]("name", "Name", attr("name"))],
        source.fetch,
        fetch_async=lambda ids, done: waiting.append((ids, done)),
    )
    model.set_ids(array("q", [1, 2, 3]))
    model.data(model.index(0, 0))
    ids, done = waiting.pop()
    model.set_ids(array("q", [3, 2, 1]))
    done(source.fetch(ids))
    assert model.cached_pages() == 0
    assert model.data(model.index(0, 0)) == "…"


@pytest.mark.parametrize("row", [-1, 5])
def test_out_of_range_rows_have_no_data(row: int) -> None:
    model = make_model(Source(5))
    assert model.id_at(row) is None
    assert model.row_data(row) is None


def test_a_primed_first_page_shows_without_fetching() -> None:
    """A list paints the first page it already has; the full id list then keeps that page."""
    source = Source(500)
    model = make_model(source)
    source.calls.clear()
    first = {i: Row(i, f"first {i}", 0) for i in range(1, 201)}
    model.set_ids(array("q", range(1, 201)), primed=first)
    assert model.data(model.index(199, 0)) == "first 200"
    model.set_ids(array("q", range(1, 501)), primed=first)
    assert model.data(model.index(0, 0)) == "first 1"
    assert source.calls == []
    assert model.data(model.index(250, 0)) == "客户00251"
    assert source.calls == [list(range(201, 401))]
    model.set_ids(array("q", range(2, 300)), primed=first)  # another head: primed rows unused
    assert model.data(model.index(0, 0)) == "客户00002"
    assert source.calls[-1] == list(range(2, 202))
