"""Sales order import with real files: row errors write nothing; the fixed file creates draft orders
numbered from the series with the order form's totals (to the fen), customers found by old codes and
products by barcode; the CLI path for an accountant."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from import_support import problem_cells, row_count, sheet_book
from order_support import make_customer, make_product, services_for

from erpdesk.db.engine import Database
from erpdesk.db.models.order import SalesOrder
from erpdesk.domain.errors import DomainError
from erpdesk.domain.orders import OrderStatus
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.import_dto import Outcome

HEADER = ["订单号", "订单日期", "客户编码", "商品编码", "数量", "单价"]
D = Decimal


def order_book(path: Path, rows: list[list[object]]) -> Path:
    return sheet_book(path, "订单", HEADER, rows)


def _setup(database: Database, clock: Clock) -> tuple[Services, dict[str, str]]:
    """Customers (one active, one deactivated, one renamed), two products; returns their codes."""
    manager = services_for(database, clock, Role.MANAGER, name="jingli")
    active = manager.customers.get(make_customer(manager, "上海华鑫贸易有限公司"))
    closed = manager.customers.get(make_customer(manager, "北京停业商贸有限公司"))
    manager.customers.deactivate(closed.id, closed.version, "停业")
    renamed = manager.customers.get(make_customer(manager, "广州南方文具有限公司"))
    manager.customers.change_code(renamed.id, renamed.version, "GZ001", "按地区编码")
    clerk = services_for(database, clock)
    paper = make_product(clerk, "A4 复印纸", "25.00")
    pen = make_product(clerk, "中性笔", "3.35", barcode="6901234567892")
    return manager, {
        "active": active.code,
        "closed": closed.code,
        "old": renamed.code,
        "paper": paper.code,
        "pen": pen.code,
    }


def _orders(database: Database) -> int:
    return row_count(database, SalesOrder)


def test_bad_rows_are_reported_and_nothing_is_written(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    _manager, c = _setup(backend, clock)
    accountant = services_for(backend, clock, Role.ACCOUNTANT, name="kuaiji")
    day = date(2025, 5, 3)
    path = order_book(
        tmp_path / "订单.xlsx",
        [
            ["R1", day, c["active"], c["paper"], 10, 25],
            ["R1", day, c["active"], "6901234567892", 3, 3.35],
            ["R2", day, "KH999", c["paper"], 1, 25],  # unknown customer
            ["R3", day, c["closed"], c["paper"], 1, 25],  # deactivated customer
            ["R4", day, c["active"], "SP99999", 1, 1],  # unknown product
            ["R4", day, c["active"], c["paper"], 0, 25],  # zero quantity
            ["R5", day, c["active"], c["paper"], 1, 1.005],  # price with 3 decimals
            ["R1", date(2025, 5, 4), c["active"], c["paper"], 1, 25],  # R1 on another day
        ],
    )
    plan = accountant.imports.dry_run("orders", path, lang="zh_CN")
    found = problem_cells(plan)
    assert found == {
        (4, "C", "cell.unknown_customer"),
        (5, "C", "cell.inactive_customer"),
        (6, "D", "cell.unknown_product"),
        (7, "E", "cell.qty_invalid"),
        (8, "F", "cell.too_precise"),
        (9, "B", "cell.order_mismatch"),
    }
    assert [r.outcome for r in plan.rows[:2]] == [Outcome.NEW, Outcome.NEW]
    mismatch = next(p for p in plan.problems if p.row == 9)
    from erpdesk.services.imports import problem_text

    assert problem_text(mismatch, "zh_CN") == "订单 R1 在第 2 行的订单日期不同"
    with pytest.raises(DomainError) as info:
        accountant.imports.commit(plan)
    assert info.value.msg_id == "import.rejected"
    assert _orders(backend) == 0


def test_fixed_file_creates_numbered_draft_orders_with_the_form_totals(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    manager, c = _setup(backend, clock)
    accountant = services_for(backend, clock, Role.ACCOUNTANT, name="kuaiji")
    path = order_book(
        tmp_path / "ok.xlsx",
        [
            ["R1", "2025-05-03", c["active"], c["paper"], 10, 25.5],
            ["R1", "2025-05-03", c["active"], "6901234567892", 3, 3.35],
            ["", "2025-05-04", c["old"], c["paper"], 1, 25],  # old code, no reference
            ["", "2025-05-04", c["old"], c["pen"], 4, 3.35],
            ["R9", "2025-05-04", c["active"], c["paper"], 2.5, 19.99],
        ],
    )
    plan = accountant.imports.dry_run("orders", path)
    assert plan.problems == ()
    result = accountant.imports.commit(plan)
    assert result.created == 5  # rows (order lines)
    assert result.codes == ("XS20250503-0001", "XS20250504-0001", "XS20250504-0002")

    first = manager.orders.get_by_number("XS20250503-0001")
    assert first.status is OrderStatus.DRAFT
    assert first.customer_code == c["active"]
    assert first.order_date == date(2025, 5, 3)
    assert first.notes == "R1"
    assert [(line.product_code, line.qty, line.amount) for line in first.lines] == [
        (c["paper"], D("10.000"), D("255.00")),
        (c["pen"], D("3.000"), D("10.05")),
    ]
    assert first.lines[0].tax == D("29.34")  # 255.00 × 13 / 113, half up
    assert first.total == D("265.05")
    assert first.contact == "张伟"  # filled from the customer, as the form does
    renamed = manager.orders.get_by_number("XS20250504-0001")
    assert renamed.customer_code == "GZ001"
    assert renamed.total == D("38.40")
    third = manager.orders.get_by_number("XS20250504-0002")
    assert third.lines[0].amount == D("49.98")  # 2.5 × 19.99 = 49.975, half up
    assert third.total == D("49.98")
    assert _orders(backend) == 3


def test_cli_imports_orders_for_an_accountant(
    sqlite_db: Database,
    clock: Clock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from erpdesk.cli import main as cli_main
    from erpdesk.services.users import demo_step

    _manager, c = _setup(sqlite_db, clock)
    demo_step(sqlite_db, 0)
    monkeypatch.setenv("ERPDESK_PASSWORD", "Demo#Ledger2025")
    base = ["--db", str(sqlite_db.engine.url), "--lang", "en", "--user", "accountant"]
    path = order_book(
        tmp_path / "o.xlsx",
        [
            ["R1", "2025-05-03", c["active"], c["paper"], 2, 25],
            ["R2", "2025-05-03", "X", "Y", 1, 1],
        ],
    )
    assert cli_main([*base, "import", "orders", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Sheet 订单, row 3, column C (客户编码): no customer has the code X" in err
    assert "Sheet 订单, row 3, column D (商品编码): no product has the code or barcode Y" in err
    fixed = order_book(tmp_path / "f.xlsx", [["R1", "2025-05-03", c["active"], c["paper"], 2, 25]])
    assert cli_main([*base, "import", "orders", str(fixed)]) == 0
    assert "Imported: 1 new, 0 updated." in capsys.readouterr().out
    assert _orders(sqlite_db) == 1
