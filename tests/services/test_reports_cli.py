"""``erpdesk report aging|receivables``: exit codes, the written workbook read back, messages."""

from __future__ import annotations

from pathlib import Path

import aging_support
import openpyxl
import pytest
from aging_support import Seeded

from erpdesk.cli import main
from erpdesk.db.engine import Database

aging_template = aging_support.aging_template
seeded_sqlite = aging_support.seeded_sqlite


@pytest.fixture
def db_url(seeded_sqlite: tuple[Database, Seeded]) -> str:
    database = seeded_sqlite[0]
    return "sqlite:///" + Path(str(database.url.database)).as_posix()


def test_aging_with_buckets_writes_the_workbook(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "aging.xlsx"
    argv = ["--db", db_url, "--lang", "en", "report", "aging", "--as-of", "2025-05-03"]
    assert main([*argv, "--buckets", "15,45", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Aging as of 2025-05-03: 3 customers written to" in said
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][3:7] == ("Not yet due", "1–15 days", "16–45 days", "Over 45 days")
    assert rows[-1][0] == "Total"
    assert rows[-1][3:] == (10, 60, 30, 40, 140, 3, 137)


def test_default_buckets_and_an_earlier_date(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "april.xlsx"
    assert main(["--db", db_url, "report", "aging", "--as-of", "2025-04-20", "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet.max_column == 3 + 5 + 3
    assert [c.value for c in sheet[sheet.max_row]][-1] == 210


def test_bad_buckets_exit_2_with_the_reason(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bad.xlsx"
    argv = ["--db", db_url, "--lang", "zh_CN", "report", "aging", "--buckets", "60,30"]
    assert main([*argv, "-o", str(out)]) == 2
    assert "账龄区间" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SystemExit) as exited:
        main(["--db", db_url, "report", "aging", "--as-of", "3.5.2025", "-o", str(out)])
    assert exited.value.code == 2


def test_receivables_summary_to_csv(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "receivables.csv"
    argv = ["--db", db_url, "--lang", "en", "report", "receivables", "--as-of", "2025-05-03"]
    assert main([*argv, "-o", str(out)]) == 0
    assert "Receivables as of 2025-05-03: 3 customers" in capsys.readouterr().out
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Customer code,Customer name,Salesperson,Open items")
    assert any(",100.00,0.00,100.00,90.00,2025-01-31," in line for line in lines)
    assert lines[-1].startswith("Total,,,140.00,3.00,137.00,130.00")
