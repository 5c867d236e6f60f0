"""``erpdesk statement`` / ``erpdesk statements``: PDFs written and read back, exit codes, messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from statement_filter_support import seed_filters
from statement_support import Seeded, seed

from erpdesk.cli import main
from erpdesk.db.engine import Database
from erpdesk.services.context import Clock
from erpdesk.services.users import demo_step
from tests.io.pdf_support import pdf_page_texts, pdf_text


@pytest.fixture
def cli(
    sqlite_db: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[str], Seeded]:
    seeded = seed(sqlite_db, clock)
    demo_step(sqlite_db, 0)
    monkeypatch.setenv("ERPDESK_PASSWORD", "Demo#Ledger2025")
    url = "sqlite:///" + Path(str(sqlite_db.url.database)).as_posix()
    return ["--db", url, "--lang", "en", "--user", "accountant"], seeded


def test_one_statement_period_as_of_and_errors(
    cli: tuple[list[str], Seeded], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, _seeded = cli
    out = tmp_path / "kh1.pdf"
    argv = [
        *base,
        "statement",
        "kh00001",
        "--from",
        "2025-04-01",
        "--to",
        "2025-04-30",
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    said = capsys.readouterr().out
    assert f"Statement of KH00001 written to {out} (1 pages); closing balance ¥1,334.56." in said
    text = pdf_text(out)
    assert "2025-04-01 to 2025-04-30" in text
    assert "壹仟叁佰叁拾肆元伍角陆分" in text

    out = tmp_path / "asof.pdf"
    assert main([*base, "statement", "KH00001", "--as-of", "2025-05-03", "-o", str(out)]) == 0
    assert "closing balance ¥1,834.56" in capsys.readouterr().out
    assert "As of 2025-05-03" in pdf_text(out)

    missing = tmp_path / "missing.pdf"
    assert main([*base, "statement", "KH99999", "-o", str(missing)]) == 2
    assert "No customer KH99999." in capsys.readouterr().err
    both = [*base, "statement", "KH00001", "--as-of", "2025-05-03", "--from", "2025-04-01"]
    assert main([*both, "-o", str(missing)]) == 2
    assert "either a period" in capsys.readouterr().err
    assert not missing.exists()

    out = tmp_path / "x.pdf"
    no_user = base[:4]  # the maintenance actor (admin) may not print statements
    assert main([*no_user, "statement", "KH00001", "-o", str(out)]) == 2
    assert capsys.readouterr().err.strip()
    assert not out.exists()


def test_statements_batch_to_one_file_and_to_a_folder(
    cli: tuple[list[str], Seeded], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, _seeded = cli
    combined = tmp_path / "all.pdf"
    argv = [*base, "statements", "--as-of", "2025-05-03", "--with-balance", "-o", str(combined)]
    assert main(argv) == 0
    assert f"2 statements (2 pages) written to {combined}." in capsys.readouterr().out
    texts = pdf_page_texts(combined)
    assert ["KH00001" in t for t in texts] == [True, False]
    assert ["KH00002" in t for t in texts] == [False, True]

    folder = tmp_path / "each"
    assert main([*base, "statements", "--as-of", "2025-05-03", "-o", str(folder)]) == 0
    assert "3 statements (3 pages)" in capsys.readouterr().out
    assert sorted(p.name for p in folder.iterdir()) == ["KH00001.pdf", "KH00002.pdf", "KH00003.pdf"]
    assert "北京静默商贸有限公司" in pdf_text(folder / "KH00002.pdf")


def test_statements_batch_by_category_and_moved_in_the_period(
    sqlite_db: Database,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seeded = seed_filters(sqlite_db, clock)
    demo_step(sqlite_db, 0)
    monkeypatch.setenv("ERPDESK_PASSWORD", "Demo#Ledger2025")
    url = "sqlite:///" + Path(str(sqlite_db.url.database)).as_posix()
    april = ["statements", "--from", "2025-04-01", "--to", "2025-04-30"]
    base = ["--db", url, "--lang", "en", "--user", "accountant", *april]

    # 华东 takes its sub-category 上海 along (k1), but k1 did not move in April: only k2 did.
    folder = tmp_path / "east"
    assert main([*base, "--category", seeded.east_code, "--moved", "-o", str(folder)]) == 0
    assert f"1 statements (1 pages) written to {folder}." in capsys.readouterr().out
    assert [p.name for p in folder.iterdir()] == ["KH00002.pdf"]
    assert "杭州乙电子有限公司" in pdf_text(folder / "KH00002.pdf")

    # With --with-balance as well: a balance or a movement, so k1 (owes 100.00) joins.
    combined = tmp_path / "east.pdf"
    argv = [*base, "--category", "华东", "--moved", "--with-balance", "-o", str(combined)]
    assert main(argv) == 0
    assert "2 statements (2 pages)" in capsys.readouterr().out
    texts = pdf_page_texts(combined)
    assert ["KH00001" in t for t in texts] == [True, False]
    assert ["KH00002" in t for t in texts] == [False, True]

    # The other filters narrow the same way: 广东 and monthly is k3 and k4; lin.sales only k3.
    argv = [*base, "--region", "广东", "--monthly", "--salesperson", "lin.sales"]
    assert main([*argv, "-o", str(tmp_path / "lin")]) == 0
    assert [p.name for p in (tmp_path / "lin").iterdir()] == ["KH00003.pdf"]
    capsys.readouterr()

    # Unknown names are refused with exit status 2 and a translated message; nothing written.
    refused = tmp_path / "refused.pdf"
    assert main([*base, "--category", "99", "-o", str(refused)]) == 2
    assert "No customer category 99" in capsys.readouterr().err
    zh = ["--db", url, "--lang", "zh_CN", "--user", "accountant", *april]
    assert main([*zh, "--salesperson", "nobody", "-o", str(refused)]) == 2
    assert "找不到业务员 nobody" in capsys.readouterr().err
    as_of = ["--db", url, "--lang", "en", "--user", "accountant", "statements", "--moved"]
    assert main([*as_of, "--as-of", "2025-04-30", "-o", str(refused)]) == 2
    assert "needs a period" in capsys.readouterr().err
    assert not refused.exists()
