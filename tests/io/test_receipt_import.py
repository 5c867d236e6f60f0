"""Receipt import (收款) with real files: a messy CSV yields exactly its row errors and writes nothing;
the fixed workbook posts receipts that pay the oldest items first or the named item, leave the
over-payment as an advance and give the balances computed by hand (SQLite and PostgreSQL); a receipt
already posted is refused; the CLI's exit codes; the template's method drop-down."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from import_support import problem_cells, row_count, sheet_book
from order_support import make_customer, services_for

from erpdesk.db.engine import Database
from erpdesk.db.models.receivable import Receipt, ReceiptAllocation
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.import_dto import Outcome
from erpdesk.services.imports import problem_text
from erpdesk.services.receivables import ReceiptInput

D = Decimal
HEADER = ["Amount", "Customer code", "Date", "Method", "Reference", "Allocate to", "Notes"]


def receipt_book(path: Path, rows: list[list[object]]) -> Path:
    return sheet_book(path, "收款", HEADER, rows)


def _setup(
    database: Database, clock: Clock, tmp_path: Path
) -> tuple[Services, dict[str, int], dict[str, str]]:
    """Customer A owes QC-1 (1000, oldest due), QC-2 (2000) and QC-3 (500); B (renamed) owes QC-9
    (800). Then A paid 300 by hand (reference BANK-001), which went to QC-1."""
    manager = services_for(database, clock, Role.MANAGER, name="jingli")
    a = manager.customers.get(make_customer(manager, "上海华鑫贸易有限公司", terms=30))
    b = manager.customers.get(make_customer(manager, "广州南方文具有限公司", terms=30))
    manager.customers.change_code(b.id, b.version, "GZ001", "按地区编码")
    accountant = services_for(database, clock, Role.ACCOUNTANT, name="kuaiji")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户编码", "单据号", "单据日期", "到期日", "应收金额"])
    sheet.append([a.code, "QC-2", date(2024, 11, 30), date(2024, 12, 30), 2000])
    sheet.append([a.code, "QC-1", date(2024, 10, 31), date(2024, 11, 30), 1000])
    sheet.append([a.code, "QC-3", date(2024, 12, 31), date(2025, 1, 30), 500])
    sheet.append([b.code, "QC-9", date(2024, 12, 31), date(2025, 1, 30), 800])
    book.save(tmp_path / "opening.xlsx")
    accountant.imports.commit(
        accountant.imports.dry_run("opening-balances", tmp_path / "opening.xlsx")
    )
    accountant.receivables.post_receipt(
        ReceiptInput(
            customer_id=a.id,
            amount=D("300.00"),
            method="bank_transfer",
            receipt_date=date(2025, 1, 5),
            reference="BANK-001",
        )
    )
    return accountant, {"a": a.id, "b": b.id}, {"a": a.code, "b_old": b.code}


def _receipts(database: Database) -> int:
    return row_count(database, Receipt)


def _fixed_rows(c: dict[str, str]) -> list[list[object]]:
    return [
        ["1,500.00", c["a"], date(2025, 1, 10), "银行转账", "BANK-101", None, None],  # FIFO
        [300, c["a"], "2025-01-11", "WeChat", None, "qc-3", "微信付 QC-3"],  # the named item
        ["２０００", c["a"], date(2025, 1, 12), "cash", None, None, None],  # over-pays: advance
        [1000, c["b_old"], date(2025, 1, 12), "支付宝", "ALI-1", "QC-9", None],  # 800 + advance
    ]


def _open(services: Services, customer: int) -> dict[str, Decimal]:
    return {i.doc_number: i.open_amount for i in services.receivables.open_items(customer)}


def test_messy_csv_reports_exactly_its_row_errors_and_writes_nothing(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    accountant, ids, c = _setup(backend, clock, tmp_path)
    lines = [
        ",".join(HEADER),
        f"100,{c['a']},2025-01-20,银行转账,BANK-200,,",  # row 2: fine
        f"100,{c['a']},2025-01-20,信用卡,BANK-201,,",  # row 3: no such method
        f"-5,{c['a']},2025-01-20,现金,,,",  # row 4: not positive
        f"12.345,{c['a']},2025-01-20,现金,,,",  # row 5: three decimals
        f"100,{c['a']},2025-01-20,现金,,QC-7,",  # row 6: no such document
        f"300,{c['a']},2025-01-05,银行转账,BANK-001,,",  # row 7: posted already
        f"100,{c['a']},2025-01-20,银行转账,BANK-200,,",  # row 8: same as row 2
        "100,KH999,2025-01-20,现金,,,",  # row 9: unknown customer
        f"100,{c['a']},,现金,,,",  # row 10: no date
    ]
    path = tmp_path / "收款.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    plan = accountant.imports.dry_run("receipts", path, lang="zh_CN")
    found = problem_cells(plan)
    assert found == {
        (3, "D", "cell.not_in_list"),
        (4, "A", "receivable_import.amount_not_positive"),
        (5, "A", "cell.too_precise"),
        (6, "F", "receivable_import.unknown_item"),
        (7, "E", "receivable_import.receipt_exists"),
        (8, "E", "receivable_import.receipt_in_file"),
        (9, "B", "cell.unknown_customer"),
        (10, "C", "cell.required"),
    }
    assert plan.rows[0].outcome is Outcome.NEW
    method = next(p for p in plan.problems if p.row == 3)
    assert problem_text(method, "zh_CN") == (
        "“信用卡”不在可选值中：现金 / 银行转账 / 微信 / 支付宝 / 支票 / 其他"
    )
    posted = next(p for p in plan.problems if p.row == 7)
    assert problem_text(posted, "en") == (
        f"receipt SK20250105-0001 of ¥300.00 from {c['a']} on 2025-01-05 with this reference "
        "is already posted"
    )
    with pytest.raises(DomainError) as info:
        accountant.imports.commit(plan)
    assert info.value.msg_id == "import.rejected"
    assert _receipts(backend) == 1
    assert _open(accountant, ids["a"]) == {
        "QC-1": D("700.00"),
        "QC-2": D("2000.00"),
        "QC-3": D("500.00"),
    }


def test_receipts_pay_oldest_first_or_the_named_item_and_overpayment_becomes_an_advance(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    accountant, ids, c = _setup(backend, clock, tmp_path)
    path = receipt_book(tmp_path / "收款.xlsx", _fixed_rows(c))
    plan = accountant.imports.dry_run("receipts", path, lang="en")
    assert plan.problems == ()
    preview = {r.row: [problem_text(w, "en") for w in r.warnings] for r in plan.rows}
    assert preview[2] == ["allocates QC-1 ¥700.00, QC-2 ¥800.00"]
    assert preview[3] == ["allocates QC-3 ¥300.00"]
    assert preview[4] == [
        "allocates QC-2 ¥1,200.00, QC-3 ¥200.00",
        "¥600.00 is left as an advance (预收)",
    ]
    assert preview[5] == ["allocates QC-9 ¥800.00", "¥200.00 is left as an advance (预收)"]
    assert plan.rows[3].old_code == c["b_old"]

    result = accountant.imports.commit(plan)
    assert result.codes == (
        "SK20250110-0001",
        "SK20250111-0001",
        "SK20250112-0001",
        "SK20250112-0002",
    )
    ledger = accountant.receivables
    assert _open(accountant, ids["a"]) == {}
    assert _open(accountant, ids["b"]) == {}
    assert [(a.number, a.unallocated) for a in ledger.advances(ids["a"])] == [
        ("SK20250112-0001", D("600.00"))
    ]
    a = ledger.balance(ids["a"])
    assert (a.open_items, a.advances, a.balance) == (D("0.00"), D("600.00"), D("-600.00"))
    assert ledger.balance(ids["b"]).balance == D("-200.00")
    with backend.engine.connect() as conn:
        stored = conn.execute(
            select(Receipt.number, Receipt.method, Receipt.reference, Receipt.amount, Receipt.notes)
            .where(Receipt.number.like("SK202501_%"), Receipt.number != "SK20250105-0001")
            .order_by(Receipt.number)
        ).all()
        allocated = conn.execute(select(func.count()).select_from(ReceiptAllocation)).scalar_one()
    assert [tuple(r) for r in stored] == [
        ("SK20250110-0001", "bank_transfer", "BANK-101", D("1500.00"), ""),
        ("SK20250111-0001", "wechat", "", D("300.00"), "微信付 QC-3"),
        ("SK20250112-0001", "cash", "", D("2000.00"), ""),
        ("SK20250112-0002", "alipay", "ALI-1", D("1000.00"), ""),
    ]
    assert allocated == 1 + 2 + 1 + 2 + 1  # the hand receipt, then the file's rows

    # The same file again: rows with a reference are refused, rows without one are flagged, and
    # the named documents have nothing left open.
    again = accountant.imports.dry_run("receipts", path, lang="en")
    assert {(p.row, p.msg_id) for p in again.problems} == {
        (2, "receivable_import.receipt_exists"),
        (3, "receivable_import.item_settled"),
        (5, "receivable_import.receipt_exists"),
        (5, "receivable_import.item_settled"),
    }
    flagged = {r.row: [w.msg_id for w in r.warnings] for r in again.rows}
    assert "receivable_import.receipt_maybe_twice" in flagged[3]
    assert "receivable_import.receipt_maybe_twice" in flagged[4]
    with pytest.raises(DomainError):
        accountant.imports.commit(again)
    assert _receipts(backend) == 5


def test_item_paid_by_someone_else_after_the_check_rolls_the_import_back(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    accountant, ids, c = _setup(sqlite_db, clock, tmp_path)
    path = receipt_book(tmp_path / "r.xlsx", _fixed_rows(c))
    plan = accountant.imports.dry_run("receipts", path)
    assert plan.problems == ()
    # Between the check and the import, another accountant settles QC-3 by hand.
    item = next(i for i in accountant.receivables.open_items(ids["a"]) if i.doc_number == "QC-3")
    from erpdesk.services.receivables import AllocationInput

    accountant.receivables.post_receipt(
        ReceiptInput(
            customer_id=ids["a"],
            amount=D("500.00"),
            method="cash",
            receipt_date=date(2025, 1, 11),
            allocations=(AllocationInput(item_id=item.id, amount=D("500.00")),),
        )
    )
    with pytest.raises(DomainError) as info:
        accountant.imports.commit(plan)
    assert info.value.msg_id == "receivables.item_taken"
    assert _receipts(sqlite_db) == 2  # the two posted by hand; none of the file's
    assert _open(accountant, ids["a"]) == {"QC-1": D("700.00"), "QC-2": D("2000.00")}


def test_template_offers_the_methods_and_cli_exit_codes(
    sqlite_db: Database,
    clock: Clock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from erpdesk.cli import main as cli_main
    from erpdesk.services.users import demo_step

    _accountant, ids, c = _setup(sqlite_db, clock, tmp_path)
    demo_step(sqlite_db, 0)
    monkeypatch.setenv("ERPDESK_PASSWORD", "Demo#Ledger2025")
    base = ["--db", str(sqlite_db.engine.url), "--lang", "en", "--user", "accountant"]

    template = tmp_path / "receipts.xlsx"
    assert cli_main([*base, "template", "receipts", str(template)]) == 0
    book = openpyxl.load_workbook(template)
    data = book.worksheets[0]
    assert [cell.value for cell in data[1]] == [
        "*Customer code",
        "*Receipt date",
        "*Payment method",
        "Reference",
        "*Amount received",
        "Allocate to document",
        "Notes",
    ]
    lists = book.worksheets[2]
    assert [row[0].value for row in lists.iter_rows()] == [
        "*Payment method",
        "Cash",
        "Bank transfer",
        "WeChat",
        "Alipay",
        "Cheque",
        "Other",
    ]
    validation = data.data_validations.dataValidation[0]
    assert validation.type == "list"
    assert "C2" in str(validation.sqref)

    bad = receipt_book(
        tmp_path / "bad.xlsx", [[100, c["a"], date(2025, 1, 20), "IOU", None, None, None]]
    )
    errors = tmp_path / "errors.xlsx"
    assert cli_main([*base, "import", "receipts", str(bad), "--errors", str(errors)]) == 1
    err = capsys.readouterr().err
    assert "Sheet 收款, row 2, column D (Method): “IOU” is not one of: Cash / Bank transfer" in err
    assert openpyxl.load_workbook(errors).active["H1"].value == "Errors"

    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"nothing,here\r\n1,2\r\n")
    assert cli_main([*base, "import", "receipts", str(junk)]) == 2

    good = receipt_book(tmp_path / "good.xlsx", _fixed_rows(c))
    assert cli_main([*base, "import", "receipts", str(good), "--dry-run"]) == 0
    assert _receipts(sqlite_db) == 1
    assert cli_main([*base, "import", "receipts", str(good)]) == 0
    assert "Imported: 4 new, 0 updated." in capsys.readouterr().out
    assert _receipts(sqlite_db) == 5
    assert cli_main([*base, "import", "receipts", str(good)]) == 1
    assert _receipts(sqlite_db) == 5
    del ids
