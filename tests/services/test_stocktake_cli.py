"""``erpdesk stocktake list|export-sheet|import``: a count sheet out, handheld results in, once."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from stocktake_support import CLERK, CLERK_PASSWORD, products, start, with_users

from erpdesk.cli import main
from erpdesk.db.engine import Database
from erpdesk.domain.stocktake import StocktakeKind
from erpdesk.services.context import Clock


@pytest.fixture
def setup(sqlite_db: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    shop = with_users(sqlite_db, clock)
    products(shop.clerk)
    session = start(shop.clerk, StocktakeKind.PRODUCTS)
    monkeypatch.setenv("ERPDESK_PASSWORD", CLERK_PASSWORD)
    url = "sqlite:///" + Path(str(sqlite_db.url.database)).as_posix()
    return shop, session, ["--db", url, "--user", CLERK]


def test_list_export_and_import_once(
    setup, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    shop, session, base = setup
    assert main([*base, "stocktake", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(s["number"], s["status"], s["expected_count"]) for s in listed] == [
        ("PD20250503-01", "counting", 3)
    ]
    sheet = tmp_path / "sheet.xlsx"
    assert (
        main([*base, "--lang", "en", "stocktake", "export-sheet", "pd20250503-01", str(sheet)]) == 0
    )
    assert "3 lines of stocktake PD20250503-01" in capsys.readouterr().out
    book = openpyxl.load_workbook(sheet)
    rows = book.worksheets[0]
    assert [c.value for c in rows[1]] == ["Code", "Name", "Unit", "Expected", "Counted"]
    rows.cell(row=3, column=5, value=37)  # P-PEN counted 37
    book.save(sheet)

    assert main([*base, "--lang", "en", "stocktake", "import", str(session.id), str(sheet)]) == 0
    assert "1 counted" in capsys.readouterr().out
    assert main([*base, "--lang", "en", "stocktake", "import", str(session.id), str(sheet)]) == 0
    assert "already imported" in capsys.readouterr().out
    counted = {line.code: line.counted for line in shop.clerk.stocktake.lines(session.id)}
    assert counted["P-PEN"] == Decimal(37)


def test_errors_exit_2_with_a_message(
    setup, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    _shop, _session, base = setup
    assert (
        main(
            [*base, "--lang", "en", "stocktake", "import", "PD20990101-01", str(tmp_path / "x.csv")]
        )
        == 2
    )
    assert "No stocktake PD20990101-01" in capsys.readouterr().err
    db_only = base[:2]
    assert main([*db_only, "stocktake", "list"]) == 2  # the maintenance actor does not count stock
    assert capsys.readouterr().err.strip()
