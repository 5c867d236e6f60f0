"""Opening balance import (期初应收) with real files: a messy sheet yields exactly its row errors and
writes nothing; the fixed sheet creates the open items and the opening advance (期初预收) that make the
customers' balances come out as computed by hand; importing it again is refused; a GBK CSV; the CLI's
exit codes; the template."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from import_support import problem_cells, row_count, sheet_book
from order_support import make_customer, services_for

from erpdesk.db import audit
from erpdesk.db.engine import Database
from erpdesk.db.models.order import ReceivableItem
from erpdesk.db.models.receivable import Receipt
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.errors import PermissionDenied
from erpdesk.services.import_dto import Outcome
from erpdesk.services.imports import problem_text

D = Decimal
# Chinese headers in another order than the template's, under a title row.
HEADER = ["单据日期", "客户编码", "应收金额", "单据号", "到期日", "备注"]


def opening_book(path: Path, rows: list[list[object]]) -> Path:
    return sheet_book(path, "期初", HEADER, rows, above=[["2024 年末应收余额表"]])


def _setup(database: Database, clock: Clock) -> tuple[Services, dict[str, int], dict[str, str]]:
    """Two customers: 30 days' terms, and 60 days' terms whose code was changed (old code kept)."""
    manager = services_for(database, clock, Role.MANAGER, name="jingli")
    a = manager.customers.get(make_customer(manager, "上海华鑫贸易有限公司", terms=30))
    b = manager.customers.get(make_customer(manager, "广州南方文具有限公司", terms=60))
    manager.customers.change_code(b.id, b.version, "GZ001", "按地区编码")
    accountant = services_for(database, clock, Role.ACCOUNTANT, name="kuaiji")
    return accountant, {"a": a.id, "b": b.id}, {"a": a.code, "b_old": b.code}


def _counts(database: Database) -> tuple[int, int]:
    return row_count(database, ReceivableItem), row_count(database, Receipt)


def _fixed_rows(c: dict[str, str]) -> list[list[object]]:
    return [
        [date(2024, 12, 31), c["a"], "1,234.50", "qc-001", None, "老系统结转"],
        ["2024-11-30", c["b_old"], "１２３４", None, None, None],  # old code, full-width digits
        [date(2024, 12, 31), c["a"], -800, "YS-01", None, "预付货款"],  # paid in advance
        [45657, c["a"], 2000, None, "2025-03-31", None],  # an Excel serial: 2024-12-31
    ]


def test_messy_file_reports_exactly_its_row_errors_and_writes_nothing(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    accountant, _ids, c = _setup(backend, clock)
    day = date(2024, 12, 31)
    path = opening_book(
        tmp_path / "期初.xlsx",
        [
            *_fixed_rows(c),
            [day, "KH999", 100, "X-1", None, None],  # row 7: unknown customer
            [day, c["a"], 100.005, "X-2", None, None],  # row 8: three decimals
            [day, c["a"], 0, "X-3", None, None],  # row 9: zero
            [day, c["a"], 500, "QC-001", None, None],  # row 10: number again in the file
            [day, c["a"], 300, "X-4", date(2024, 12, 1), None],  # row 11: due before the date
            ["2024-13-45", c["a"], 100, "X-5", None, None],  # row 12: no such date
            [day, c["a"], None, "X-6", None, None],  # row 13: no amount
        ],
    )
    plan = accountant.imports.dry_run("opening-balances", path, lang="zh_CN")
    found = problem_cells(plan)
    assert found == {
        (7, "B", "cell.unknown_customer"),
        (8, "C", "cell.too_precise"),
        (9, "C", "receivable_import.amount_zero"),
        (10, "D", "receivable_import.doc_in_file"),
        (11, "E", "receivable_import.due_before_doc"),
        (12, "A", "cell.not_a_date"),
        (13, "C", "cell.required"),
    }
    assert [r.outcome for r in plan.rows[:4]] == [Outcome.NEW] * 4
    assert plan.rows[1].old_code == c["b_old"]
    advance_row = plan.rows[2]
    assert [problem_text(w, "zh_CN") for w in advance_row.warnings] == [
        "贷方余额：记为期初预收 ¥800.00"
    ]
    again = next(p for p in plan.problems if p.row == 10)
    assert problem_text(again, "zh_CN") == f"客户 {c['a']} 的单据 QC-001 在第 3 行重复出现"
    due = next(p for p in plan.problems if p.row == 11)
    assert (
        problem_text(due, "en") == "the due date 2024-12-01 is before the document date 2024-12-31"
    )

    with pytest.raises(DomainError) as info:
        accountant.imports.commit(plan)
    assert info.value.msg_id == "import.rejected"
    assert _counts(backend) == (0, 0)

    out = tmp_path / "错误.xlsx"
    assert accountant.imports.write_error_book(plan, out, "zh_CN") == 7
    ws = openpyxl.load_workbook(out).active
    assert ws["A1"].value == "2024 年末应收余额表"
    assert ws["G2"].value == "错误说明"
    assert "没有编码为 KH999 的客户" in ws["G7"].value
    assert "超过 2 位小数" in ws["G8"].value
    assert ws["G3"].value is None
    red = {c.coordinate for row in ws.iter_rows() for c in row if c.fill.fill_type == "solid"}
    assert red == {"B7", "C8", "C9", "D10", "E11", "A12", "C13"}


def test_fixed_file_gives_the_balances_computed_by_hand_and_cannot_be_imported_twice(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    accountant, ids, c = _setup(backend, clock)
    path = opening_book(tmp_path / "ok.xlsx", _fixed_rows(c))
    plan = accountant.imports.dry_run("opening-balances", path)
    assert plan.problems == ()
    result = accountant.imports.commit(plan)
    assert result.created == 4
    assert result.codes == ("QC-001", "QC20241130-0001", "SK20241231-0001", "QC20241231-0001")

    ledger = accountant.receivables
    a_items = ledger.open_items(ids["a"])
    assert [
        (i.doc_number, i.source_type, i.doc_date, i.due_date, i.open_amount) for i in a_items
    ] == [
        ("QC-001", "opening", date(2024, 12, 31), date(2025, 1, 30), D("1234.50")),  # +30 days
        ("QC20241231-0001", "opening", date(2024, 12, 31), date(2025, 3, 31), D("2000.00")),
    ]
    advances = ledger.advances(ids["a"])
    assert [(a.number, a.receipt_date, a.unallocated) for a in advances] == [
        ("SK20241231-0001", date(2024, 12, 31), D("800.00"))
    ]
    balance = ledger.balance(ids["a"])
    assert (balance.open_items, balance.advances, balance.balance) == (
        D("3234.50"),
        D("800.00"),
        D("2434.50"),
    )
    b_items = ledger.open_items(ids["b"])
    assert [(i.doc_number, i.due_date, i.amount) for i in b_items] == [
        ("QC20241130-0001", date(2025, 1, 29), D("1234.00"))  # 60 days' terms
    ]
    assert ledger.balance(ids["b"]).balance == D("1234.00")
    with backend.engine.connect() as conn:
        receipt = conn.execute(select(Receipt)).one()._mapping
    assert (receipt["method"], receipt["reference"], receipt["notes"]) == (
        "other",
        "期初预收 YS-01",
        "预付货款",
    )

    # Every item is audited in the import's transaction, by the importing user, with its notes.
    with backend.engine.connect() as conn:
        audited = conn.execute(
            select(AuditLog.app_user, AuditLog.new).where(
                AuditLog.table_name == "receivable_item", AuditLog.action == "insert"
            )
        ).all()
        assert audit.verify_chain(conn)[1] is None
    assert len(audited) == 3
    assert {user for user, _new in audited} == {"kuaiji"}
    assert sum("老系统结转" in new for _user, new in audited) == 1

    # The same file again: every numbered document is refused, so nothing can double.
    again = accountant.imports.dry_run("opening-balances", path, lang="en")
    assert again.previous is not None
    assert {(p.row, p.msg_id) for p in again.problems} == {
        (3, "receivable_import.opening_exists"),
        (5, "receivable_import.opening_exists"),
    }
    # Rows without a number cannot be told apart from new ones: the preview flags them.
    flagged = {r.row: [w.msg_id for w in r.warnings] for r in again.rows}
    assert flagged[4] == ["receivable_import.opening_maybe_twice"]
    assert flagged[6] == ["receivable_import.opening_maybe_twice"]
    with pytest.raises(DomainError):
        accountant.imports.commit(again)
    assert _counts(backend) == (3, 1)
    assert ledger.balance(ids["a"]).balance == D("2434.50")


def test_gbk_csv_and_permission_to_commit(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    accountant, ids, c = _setup(sqlite_db, clock)
    path = tmp_path / "期初.csv"
    path.write_bytes(
        (
            "客户编码,单据号,日期,应收金额\r\n"
            f'{c["a"]},A-1,2025/1/5,"12,000.00"\r\n'
            f"{c['a']},A-2,2025年2月1日,３００.５\r\n"
        ).encode("gbk")
    )
    clerk = services_for(sqlite_db, clock, Role.CLERK, name="xiaowang")
    plan = clerk.imports.dry_run("opening-balances", path)
    assert plan.problems == ()
    with pytest.raises(PermissionDenied):
        clerk.imports.commit(plan)
    assert _counts(sqlite_db) == (0, 0)
    accountant.imports.commit(plan)
    items = accountant.receivables.open_items(ids["a"])
    assert [(i.doc_number, i.doc_date, i.amount) for i in items] == [
        ("A-1", date(2025, 1, 5), D("12000.00")),
        ("A-2", date(2025, 2, 1), D("300.50")),
    ]


def test_template_has_the_columns_required_marks_and_examples(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    services, _ids, c = _setup(sqlite_db, clock)
    out = services.imports.template("opening-balances", tmp_path / "t.xlsx", "zh_CN")
    book = openpyxl.load_workbook(out)
    data = book.worksheets[0]
    assert data.title == "期初应收"
    headers = [cell.value for cell in data[1]]
    assert headers == ["*客户编码", "单据号", "*单据日期", "到期日", "*应收金额", "备注"]
    red = [cell.value for cell in data[1] if cell.font.color and cell.font.color.rgb == "FFC00000"]
    assert red == ["*客户编码", "*单据日期", "*应收金额"]
    assert data.freeze_panes == "A2"
    info = book["填表说明"]
    texts = [cell.value for row in info.iter_rows() for cell in row if cell.value]
    assert "KH00001" in texts
    assert "12000.00" in texts
    assert any(
        str(t).startswith("金额，最多 2 位小数; 负数表示客户预付款（期初预收）") for t in texts
    )
    assert any("留空则按单据日期加客户账期计算" in str(t) for t in texts)
    # The template itself imports (once its example row is filled in).
    data.append([c["a"], "T-1", "2024-12-31", None, "99.90", None])
    book.save(out)
    assert services.imports.dry_run("opening-balances", out).problems == ()


def test_cli_exit_codes(
    sqlite_db: Database,
    clock: Clock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from erpdesk.cli import main as cli_main
    from erpdesk.services.users import demo_step

    _accountant, ids, c = _setup(sqlite_db, clock)
    demo_step(sqlite_db, 0)
    monkeypatch.setenv("ERPDESK_PASSWORD", "Demo#Ledger2025")
    base = ["--db", str(sqlite_db.engine.url), "--lang", "en", "--user", "accountant"]

    template = tmp_path / "t.xlsx"
    assert cli_main([*base, "template", "opening-balances", str(template)]) == 0
    assert template.exists()

    bad = opening_book(tmp_path / "bad.xlsx", [[date(2024, 12, 31), "NOPE", 10, None, None, None]])
    errors = tmp_path / "errors.xlsx"
    assert cli_main([*base, "import", "opening-balances", str(bad), "--errors", str(errors)]) == 1
    err = capsys.readouterr().err
    assert "Sheet 期初, row 3, column B (客户编码): no customer has the code NOPE" in err
    assert errors.exists()

    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"this is not a workbook")
    assert cli_main([*base, "import", "opening-balances", str(junk)]) == 2

    good = opening_book(tmp_path / "good.xlsx", _fixed_rows(c))
    assert cli_main([*base, "import", "opening-balances", str(good), "--dry-run"]) == 0
    assert _counts(sqlite_db) == (0, 0)
    assert cli_main([*base, "import", "opening-balances", str(good)]) == 0
    assert "Imported: 4 new, 0 updated." in capsys.readouterr().out
    assert _counts(sqlite_db) == (3, 1)
    assert cli_main([*base, "import", "opening-balances", str(good)]) == 1
    assert "already has the opening document QC-001" in capsys.readouterr().err
    assert _counts(sqlite_db) == (3, 1)
    del ids
