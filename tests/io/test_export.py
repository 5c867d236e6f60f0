"""Export: typed, formula-safe cells; export → import round-trips; templates; the CLI (E1)."""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from excel_files import messy_customers
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from erpdesk.cli import main as cli_main
from erpdesk.db.engine import Database
from erpdesk.db.models.customer import Customer
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_dto import ContactInput, CustomerInput
from erpdesk.services.import_dto import ImportMode, Outcome
from erpdesk.xlsx import writer
from erpdesk.xlsx.columns import CUSTOMERS
from erpdesk.xlsx.reader import read_table

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=1+1"]


def _services(database: Database, clock: Clock) -> Services:
    return Services(database, Actor(username="jingli", roles=frozenset({Role.MANAGER})), clock)


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")
        )


def test_e1_formula_like_text_is_written_as_text_and_reads_back_equal(tmp_path: Path) -> None:
    path = tmp_path / "e1.xlsx"
    columns = [
        writer.ExportColumn("客户编码"),
        writer.ExportColumn("客户名称"),
        writer.ExportColumn("信用额度", writer.MONEY),
        writer.ExportColumn("日期", writer.DATE),
        writer.ExportColumn("账期天数", writer.INT),
    ]
    rows = [
        [f"C{i}", text, Decimal("1234.50"), date(2025, 5, 3), -30] for i, text in enumerate(HOSTILE)
    ]
    stats = writer.write_xlsx(path, "客户", columns, rows)
    assert stats.rows == len(HOSTILE)

    xml = _sheet_xml(path)
    assert "<f>" not in xml
    assert "<f " not in xml
    book = openpyxl.load_workbook(path)
    ws = book.active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref is not None
    for row in ws.iter_rows(min_row=2):
        assert row[1].data_type == "s"
        assert row[1].quotePrefix is True
        assert row[2].number_format == "¥#,##0.00"
        assert row[2].value == 1234.5
        assert row[3].number_format == "yyyy-mm-dd"
        assert row[3].is_date
        assert row[4].value == -30  # numbers stay numbers, negative or not
    read = read_table(path, CUSTOMERS)
    assert [r.values["name"] for r in read.rows] == HOSTILE


def test_e1_csv_fields_get_a_leading_apostrophe_and_come_back_equal(tmp_path: Path) -> None:
    path = tmp_path / "e1.csv"
    columns = [writer.ExportColumn("客户编码"), writer.ExportColumn("客户名称")]
    writer.write_csv(
        path, columns, [[f"C{i}", t] for i, t in enumerate(HOSTILE)] + [["N", "a\x00b"]]
    )
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    assert b"\x00" not in raw
    with path.open(encoding="utf-8-sig", newline="") as handle:
        fields = [row[1] for row in csv.reader(handle)][1:]
    assert fields == ["'" + t for t in HOSTILE] + ["ab"]
    read = read_table(path, CUSTOMERS)
    assert [r.values["name"] for r in read.rows] == [*HOSTILE, "ab"]


def test_characters_xml_cannot_hold_survive_the_round_trip(tmp_path: Path) -> None:
    # Control characters (pasted from other systems) are written in the file format's _xHHHH_
    # form: the file stays valid XML, and a reader gets back exactly what was stored.
    path = tmp_path / "bad.xlsx"
    text = "a\x01b\x02\x1f"
    assert (
        writer.write_xlsx(path, "S", [writer.ExportColumn("客户名称")], [[text], ["ok"]]).rows == 2
    )
    assert openpyxl.load_workbook(path).active["A2"].value == "a_x0001_b_x0002__x001F_"
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert sheet == [["客户名称"], [text], ["ok"]]


def test_an_empty_list_still_gets_its_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    columns = [writer.ExportColumn("客户编码"), writer.ExportColumn("信用额度", writer.MONEY)]
    assert writer.write_xlsx(path, "客户", columns, []).rows == 0
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[1]] == ["客户编码", "信用额度"]
    assert ws.freeze_panes == "A2"


def test_a_cancelled_export_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    rows = ([f"K{i}"] for i in range(10_000))
    with pytest.raises(writer.ExportCancelled):
        writer.write_xlsx(
            path, "S", [writer.ExportColumn("客户编码")], rows, cancelled=lambda: True
        )
    assert list(tmp_path.iterdir()) == []


def test_export_then_import_round_trips(backend: Database, clock: Clock, tmp_path: Path) -> None:
    services = _services(backend, clock)
    services.customers.save(
        CustomerInput(
            name='=HYPERLINK("http://x","y") 贸易有限公司',
            short_name="+1+1",
            email="a@example.com",
            phone="021-12345678",
            credit_limit=Decimal("12345.60"),
            payment_terms_days=45,
            settlement_method="monthly",
            notes="@SUM(A1)\n第二行",
            contacts=(ContactInput(name="张三", mobile="13812345678", is_primary=True),),
        )
    )
    messy = messy_customers(tmp_path / "m.xlsx", fixed=True)
    services.imports.commit(services.imports.dry_run("customers", messy))

    out = tmp_path / "导出.xlsx"
    result = services.exports.customers(out, lang="zh_CN")
    assert result.rows == 7
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["客户编码", "客户名称", "简称"]
    credit = headers.index("信用额度") + 1
    assert ws.cell(row=2, column=credit).number_format == "¥#,##0.00"
    assert isinstance(ws.cell(row=2, column=credit).value, int | float)

    plan = services.imports.dry_run("customers", out, mode=ImportMode.UPSERT, lang="zh_CN")
    assert plan.problems == ()
    assert [r.outcome for r in plan.rows] == [Outcome.UNCHANGED] * 7
    assert plan.unknown_columns == ("状态",)

    # Into an empty database the exported file recreates the same customers.
    with backend.engine.connect() as conn:
        before = conn.execute(
            select(
                Customer.code,
                Customer.name,
                Customer.short_name,
                Customer.notes,
                Customer.credit_limit,
                Customer.mnemonic,
                Customer.settlement_method,
            ).order_by(Customer.code)
        ).all()
    with backend.write_engine.begin() as conn:
        for table in ("customer_contact", "customer", "issued_code"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
        if backend.dialect == "sqlite":
            conn.exec_driver_sql("DELETE FROM customer_fts")
    again = services.imports.dry_run("customers", out, lang="zh_CN")
    assert again.count(Outcome.NEW) == 7
    services.imports.commit(again)
    with backend.engine.connect() as conn:
        after = conn.execute(
            select(
                Customer.code,
                Customer.name,
                Customer.short_name,
                Customer.notes,
                Customer.credit_limit,
                Customer.mnemonic,
                Customer.settlement_method,
            ).order_by(Customer.code)
        ).all()
    assert after == before


def test_export_follows_the_search(sqlite_db: Database, clock: Clock, tmp_path: Path) -> None:
    services = _services(sqlite_db, clock)
    messy = messy_customers(tmp_path / "m.xlsx", fixed=True)
    services.imports.commit(services.imports.dry_run("customers", messy))
    out = tmp_path / "some.csv"
    result = services.exports.customers(out, query="明达", lang="en")
    assert result.rows == 1
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("Customer code,Customer name")
    assert "上海明达贸易有限公司" in text
    assert "北京" not in text


def test_templates_for_every_kind(sqlite_db: Database, clock: Clock, tmp_path: Path) -> None:
    services = _services(sqlite_db, clock)
    for kind in ("customers", "contacts", "products", "opening-balances", "orders", "receipts"):
        path = services.imports.template(kind, tmp_path / f"{kind}.xlsx", "zh_CN")
        book = openpyxl.load_workbook(path)
        data, info, lists = book.worksheets
        assert info.title == "填表说明"
        assert lists.sheet_state == "hidden"
        assert data.freeze_panes == "A2"
        assert read_table(path, _spec(kind)).rows == []
    book = openpyxl.load_workbook(tmp_path / "customers.xlsx")
    data, info, lists = book.worksheets
    assert data.title == "客户"
    name_cell = next(c for c in data[1] if c.value == "*客户名称")
    assert name_cell.font.color.rgb.endswith("C00000")  # required: red
    code_cell = next(c for c in data[1] if c.value == "客户编码")
    color = code_cell.font.color
    assert color is None or color.type != "rgb" or not str(color.rgb).endswith("C00000")
    sources = [v.formula1 for v in data.data_validations.dataValidation]
    assert any(re.search(r"下拉选项'?!\$A\$2:\$A\$3", s or "") for s in sources)
    assert [c.value for c in lists["A"]][:3] == ["客户类型", "公司", "个人"]
    assert any("月结" in str(c.value) for row in info.iter_rows() for c in row)


def _spec(kind: str):  # type: ignore[no-untyped-def]
    from erpdesk.xlsx.columns import KINDS

    return KINDS[kind]


def test_cli_exit_codes(
    sqlite_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from erpdesk.services.users import demo_step

    url = str(sqlite_db.engine.url)
    messy = messy_customers(tmp_path / "m.xlsx")
    errors = tmp_path / "errors.xlsx"
    assert cli_main(["--db", url, "--lang", "en", "import", "customers", str(messy)]) == 2
    assert "import changes data: name the user with --user NAME" in capsys.readouterr().err
    demo_step(sqlite_db, 0)
    monkeypatch.setenv("ERPDESK_PASSWORD", "Demo#Ledger2025")
    base = ["--db", url, "--lang", "en", "--user", "accountant"]
    assert cli_main([*base, "import", "customers", str(messy), "--errors", str(errors)]) == 1
    err = capsys.readouterr().err
    assert "Sheet 客户, row 7, column E (邮箱)" in err
    assert "Nothing was imported because 3 rows have errors." in err
    assert errors.exists()
    fixed = messy_customers(tmp_path / "f.xlsx", fixed=True)
    assert cli_main([*base, "import", "customers", str(fixed), "--dry-run"]) == 0
    assert "Check only" in capsys.readouterr().out
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Customer)).scalar_one() == 0
    assert cli_main([*base, "import", "customers", str(fixed)]) == 0
    assert "Imported: 6 new, 0 updated." in capsys.readouterr().out
    out = tmp_path / "all.xlsx"
    assert cli_main([*base, "export", "customers", str(out), "--search", "KH00"]) == 0
    assert "6 rows exported" in capsys.readouterr().out
    assert cli_main([*base, "import", "customers", str(out), "--mode", "upsert"]) == 0
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"nope")
    assert cli_main([*base, "import", "customers", str(broken)]) == 2
    assert "damaged" in capsys.readouterr().err
    template = tmp_path / "receipts.xlsx"
    assert cli_main([*base, "template", "receipts", str(template)]) == 0
    assert template.exists()
    # Receipts are importable (issue 7): the empty template imports nothing and fails nothing.
    assert cli_main([*base, "import", "receipts", str(template)]) == 0
    assert "0 new, 0 updated, 0 unchanged, 0 with errors" in capsys.readouterr().out


def test_an_export_into_a_missing_folder_names_the_file(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    # Not a traceback about a temporary name: the translated error names the file the user chose.
    services = _services(backend, clock)
    services.customers.save(CustomerInput(name="导出客户"))
    target = tmp_path / "no such folder" / "customers.xlsx"
    with pytest.raises(DomainError) as caught:
        services.exports.customers(target, lang="zh_CN")
    assert caught.value.msg_id == "xlsx.cannot_write"
    assert caught.value.params["path"] == str(target)
    assert not target.parent.exists()


def test_exported_money_is_a_number_exact_to_the_fen(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    # The export computes fen / 100 in SQL: each cell must be the amount itself, typed as a number.
    services = _services(backend, clock)
    amounts = [Decimal("0.07"), Decimal("0.10"), Decimal("1234567.89"), Decimal("99999999.99")]
    for i, amount in enumerate(amounts):
        services.customers.save(CustomerInput(name=f"金额测试{i}", credit_limit=amount))
    out = tmp_path / "money.xlsx"
    services.exports.customers(out, lang="zh_CN")
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[1]]
    names, credit = headers.index("客户名称") + 1, headers.index("信用额度") + 1
    cells = {ws.cell(row=r, column=names).value: ws.cell(row=r, column=credit) for r in range(2, 6)}
    for i, amount in enumerate(amounts):
        cell = cells[f"金额测试{i}"]
        assert cell.data_type == "n"
        assert Decimal(str(cell.value)).quantize(Decimal("0.01")) == amount
        assert cell.value == float(amount)
    text = services.exports.customers(tmp_path / "money.csv", lang="zh_CN")
    assert text.rows == 4
    written = (tmp_path / "money.csv").read_text(encoding="utf-8-sig")
    for amount in amounts:
        assert f",{amount}," in written
