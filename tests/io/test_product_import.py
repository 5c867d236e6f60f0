"""Product import with real files: row errors write nothing, the fixed file creates products with codes
from the series, barcodes and opening stock, upsert changes a price, and the CLI path for an accountant."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from import_support import problem_cells, row_count, sheet_book

from erpdesk.db.audit import verify_chain
from erpdesk.db.engine import Database
from erpdesk.db.models.product import Product, ProductBarcode, StockMove
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.services.errors import PermissionDenied
from erpdesk.services.import_dto import ImportMode, Outcome

HEADER = ["商品编码", "商品名称", "规格型号", "单位", "条码", "单价", "税率", "期初库存"]


def _services(database: Database, clock: Clock, role: Role = Role.ACCOUNTANT) -> Services:
    return Services(database, Actor(username="kuaiji", roles=frozenset({role})), clock)


def product_book(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    return sheet_book(path, "商品", header, rows)


BAD_ROWS: list[list[object]] = [
    ["", "A4 复印纸", "70g 500张", "箱", "6901234567892", 125, 13, 20],
    ["", "中性笔", "0.5mm", "盒", "6901234567891", 24.5, "13%", ""],  # wrong check digit
    ["", "订书机", "", "个", "", -8, 13, ""],  # negative price
    ["SP00009", "", "", "个", "", 3, 13, ""],  # no name
    ["", "文件夹", "", "个", "6901234567892", 6, "abc", -1],  # barcode again, bad rate, stock < 0
]


def _fixed_rows() -> list[list[object]]:
    return [
        ["", "A4 复印纸", "70g 500张", "箱", "6901234567892", 125, 13, 20],
        ["", "中性笔", "0.5mm", "盒", "6920000000005", 24.5, "13%", ""],
        ["", "订书机", "", "个", "", 8, 0.09, ""],
        ["SP00009", "回形针", "", "盒", "", 3.5, 13, 5],
        ["", "文件夹", "", "个", "", 6, 6, ""],
    ]


def test_bad_rows_are_reported_and_nothing_is_written(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(backend, clock)
    plan = services.imports.dry_run(
        "products", product_book(tmp_path / "商品.xlsx", BAD_ROWS), lang="zh_CN"
    )
    found = problem_cells(plan)
    assert found == {
        (3, "E", "product.barcode_invalid"),
        (4, "F", "order.price_invalid"),
        (5, "B", "cell.required"),
        (6, "E", "cell.barcode_in_file"),
        (6, "G", "cell.not_a_rate"),
        (6, "H", "cell.negative_stock"),
    }
    assert [r.outcome for r in plan.rows] == [Outcome.NEW] + [Outcome.ERROR] * 4
    reasons = {p.row: p for p in plan.problems if p.column == 5}
    assert services.imports.write_error_book(plan, tmp_path / "err.xlsx", "zh_CN") == 4
    from erpdesk.services.imports import problem_line

    assert problem_line(reasons[3], "zh_CN") == (
        "工作表 商品，第 3 行，第 E 列（条码）：6901234567891 不是有效的 EAN-13 条码（校验位错误）。"
    )
    with pytest.raises(DomainError) as info:
        services.imports.commit(plan)
    assert info.value.msg_id == "import.rejected"
    assert row_count(backend, Product) == 0


def test_fixed_file_creates_products_with_series_codes_barcodes_and_stock(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(backend, clock)
    plan = services.imports.dry_run(
        "products", product_book(tmp_path / "ok.xlsx", _fixed_rows()), lang="en"
    )
    assert plan.problems == ()
    result = services.imports.commit(plan)
    # SP00009 was typed: the series skips it.
    assert result.codes == ("SP00001", "SP00002", "SP00003", "SP00009", "SP00004")
    clerk = _services(backend, clock, Role.CLERK)
    by_code = {
        clerk.products.get(i).code: clerk.products.get(i) for i in clerk.products.search_ids()
    }
    paper = by_code["SP00001"]
    assert (paper.name, paper.spec, paper.unit, paper.price) == (
        "A4 复印纸",
        "70g 500张",
        "箱",
        Decimal("125.00"),
    )
    assert paper.barcodes == ("6901234567892",)
    assert paper.stock == Decimal("20.000")
    assert by_code["SP00002"].tax_rate == Decimal("13.00")
    assert by_code["SP00003"].tax_rate == Decimal("9.00")  # 0.09 from a percent cell
    assert by_code["SP00009"].stock == Decimal("5.000")
    assert clerk.products.find("6920000000005")[0].product.code == "SP00002"
    assert row_count(backend, StockMove) == 2
    # The form's next product continues the series.
    from erpdesk.services.order_dto import ProductInput

    assert clerk.products.save(ProductInput(name="胶带")).code == "SP00005"
    with backend.engine.connect() as conn:
        assert verify_chain(conn)[1] is None


def test_upsert_changes_a_price_and_insert_refuses_a_known_code(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(backend, clock)
    services.imports.commit(
        services.imports.dry_run("products", product_book(tmp_path / "a.xlsx", _fixed_rows()))
    )
    change = product_book(
        tmp_path / "b.xlsx",
        [
            ["SP00001", "A4 复印纸", "", "", "", 119.9, "", 50],
            ["SP00002", "中性笔", "", "", "", "", "", ""],
            ["SP00010", "新品", "", "支", "", 1, "", ""],
        ],
    )
    refused = services.imports.dry_run("products", change)
    assert {(p.row, p.msg_id) for p in refused.problems} == {
        (2, "cell.product_code_exists"),
        (3, "cell.product_code_exists"),
    }
    plan = services.imports.dry_run("products", change, mode=ImportMode.UPSERT)
    assert [r.outcome for r in plan.rows] == [Outcome.UPDATE, Outcome.UNCHANGED, Outcome.NEW]
    assert plan.rows[0].changed == ("price",)
    assert plan.rows[0].warnings[0].msg_id == "cell.stock_ignored"
    result = services.imports.commit(plan)
    assert (result.created, result.updated) == (1, 1)
    clerk = _services(backend, clock, Role.CLERK)
    paper = clerk.products.find("SP00001")[0].product
    assert paper.price == Decimal("119.90")
    assert paper.spec == "70g 500张"  # blank cell keeps the stored value
    assert paper.stock == Decimal("20.000")  # opening stock only for new products
    assert row_count(backend, ProductBarcode) == 2


def test_a_clerk_may_check_but_not_import_products(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    clerk = _services(sqlite_db, clock, Role.CLERK)
    plan = clerk.imports.dry_run("products", product_book(tmp_path / "a.xlsx", _fixed_rows()))
    assert plan.ok  # a clerk may check a file
    with pytest.raises(PermissionDenied):
        clerk.imports.commit(plan)
    assert row_count(sqlite_db, Product) == 0


def test_cli_imports_products_for_an_accountant(
    sqlite_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from erpdesk.cli import main as cli_main
    from erpdesk.services.users import demo_step

    url = str(sqlite_db.engine.url)
    demo_step(sqlite_db, 0)
    monkeypatch.setenv("ERPDESK_PASSWORD", "Demo#Ledger2025")
    base = ["--db", url, "--lang", "en", "--user", "accountant"]
    bad = product_book(tmp_path / "bad.xlsx", BAD_ROWS)
    assert cli_main([*base, "import", "products", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "Sheet 商品, row 4, column F (单价): Price -8.00 cannot be negative." in err
    assert "Nothing was imported because 4 rows have errors." in err
    good = product_book(tmp_path / "good.xlsx", _fixed_rows())
    assert cli_main([*base, "import", "products", str(good)]) == 0
    assert "Imported: 5 new, 0 updated." in capsys.readouterr().out
    assert row_count(sqlite_db, Product) == 5
