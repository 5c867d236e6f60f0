"""Customer import with real files: a messy list, its fixed version, upsert, cancel, log, error workbook."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from excel_files import MESSY_ERRORS, customer_book, messy_customers
from import_support import bulk_audited
from sqlalchemy import func, select

from erpdesk.db.audit import verify_chain
from erpdesk.db.engine import Database
from erpdesk.db.models.customer import Customer, CustomerContact
from erpdesk.db.models.import_log import ImportLog
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_dto import CustomerInput
from erpdesk.services.errors import PermissionDenied
from erpdesk.services.import_dto import ImportMode, Outcome
from erpdesk.services.imports import ImportCancelled, error_book_column


def _services(database: Database, clock: Clock, role: Role = Role.ACCOUNTANT) -> Services:
    return Services(database, Actor(username="kuaiji", roles=frozenset({role})), clock)


def _count(database: Database, model: type) -> int:
    with database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def _customers(database: Database) -> dict[str, dict[str, object]]:
    with database.engine.connect() as conn:
        rows = conn.execute(select(Customer)).mappings().all()
        contacts = {r.customer_id: r for r in conn.execute(select(CustomerContact)).all()}
    return {
        r["code"]: {
            "name": r["name"],
            "email": r["email"],
            "credit_limit": r["credit_limit"],
            "contact": contacts[r["id"]].name if r["id"] in contacts else "",
            "mobile": contacts[r["id"]].mobile if r["id"] in contacts else "",
        }
        for r in rows
    }


def test_messy_list_yields_exactly_the_expected_errors_and_writes_nothing(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(backend, clock)
    path = messy_customers(tmp_path / "客户资料.xlsx")
    audit_before = _count(backend, AuditLog)

    plan = services.imports.dry_run("customers", path, lang="zh_CN")

    assert plan.sheet == "客户"
    assert plan.header_row == 3
    assert plan.unknown_columns == ("微信号",)
    found = {(p.row, error_book_column(p.column), p.msg_id) for p in plan.problems}
    assert found == MESSY_ERRORS
    outcomes = {r.row: r.outcome for r in plan.rows}
    assert outcomes == {
        4: Outcome.NEW,
        6: Outcome.NEW,
        7: Outcome.ERROR,
        8: Outcome.ERROR,
        9: Outcome.ERROR,
        10: Outcome.NEW,
    }
    with pytest.raises(DomainError) as info:
        services.imports.commit(plan)
    assert info.value.msg_id == "import.rejected"
    assert info.value.params["count"] == 3
    assert _count(backend, Customer) == 0
    assert _count(backend, AuditLog) == audit_before
    with backend.engine.connect() as conn:
        assert conn.execute(select(ImportLog.status)).scalars().all() == ["rejected"]


def test_the_fixed_list_creates_the_right_customers(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(backend, clock)
    path = messy_customers(tmp_path / "客户资料.xlsx", fixed=True)
    plan = services.imports.dry_run("customers", path, lang="zh_CN")
    assert plan.problems == ()
    result = services.imports.commit(plan)

    assert result.created == 6
    assert result.codes == ("KH001", "KH002", "KH003", "KH004", "KH005", "KH00001")
    stored = _customers(backend)
    assert stored["KH001"] == {
        "name": "上海明达贸易有限公司",
        "email": "zs@example.com",
        "credit_limit": Decimal("50000.00"),
        "contact": "张三",
        "mobile": "13812345678",  # stored as a number in Excel, no ".0"
    }
    assert stored["KH002"]["mobile"] == "13912345678"  # full-width digits
    assert stored["KH002"]["credit_limit"] == Decimal("12000.50")
    assert stored["KH004"]["mobile"] == "136 1234 5678"  # kept as typed
    assert stored["KH00001"]["name"] == "成都天府餐饮管理有限公司"  # code from the rule
    assert stored["KH00001"]["email"] == "sb@example.com"  # trimmed
    assert stored["KH00001"]["credit_limit"] == Decimal("2500.00")
    with backend.engine.connect() as conn:
        count, problem = verify_chain(conn)
        assert problem is None
        assert count == _count(backend, AuditLog)
        log = conn.execute(select(ImportLog)).mappings().one()
        assert (log["status"], log["rows_new"], log["rows_error"]) == ("done", 6, 0)
        ids = dict(conn.execute(select(Customer.code, Customer.id)).all())
    # The audit trail records every customer and contact created, with its values.
    audited = bulk_audited(backend)
    assert {v["code"]: k for k, v in audited["customer"].items()} == ids
    assert Decimal(str(audited["customer"][ids["KH002"]]["credit_limit"])) == Decimal("12000.50")
    assert audited["customer"][ids["KH002"]]["status"] == "active"
    assert sorted(str(c["name"]) for c in audited["customer_contact"].values()) == sorted(
        str(stored[code]["contact"]) for code in ids
    )
    # The customers are found like hand-made ones (search index kept in step).
    hits = services.customers.find("天府餐饮")
    assert [h.code for h in hits] == ["KH00001"]
    detail = services.customers.get_by_code("KH002")
    assert detail.contacts[0].name == "李四"
    # Derived fields come out as the form derives them.
    assert detail.short_name == "北京华信科技"
    assert detail.mnemonic == services.customers.suggest_mnemonic(detail.name, "") == "BJHXKJ"
    history = services.customers.history(detail.id)
    assert any(h.entity == "customer" and h.action == "insert" for h in history)
    assert any(h.entity == "contact" and h.new == "李四" for h in history)

    # The same file again: a warning, and in insert mode every code is taken.
    again = services.imports.dry_run("customers", path, lang="zh_CN")
    assert again.previous is not None
    assert again.previous.user == "kuaiji"
    assert {p.msg_id for p in again.problems} == {"cell.code_exists"}
    # In upsert mode the same file changes nothing; the generated-code row is new again.
    upsert = services.imports.dry_run("customers", path, mode=ImportMode.UPSERT, lang="zh_CN")
    assert [r.outcome for r in upsert.rows].count(Outcome.UNCHANGED) == 5
    # ... and warns that it looks like the customer imported the first time (name, phone).
    again_new = next(r for r in upsert.rows if r.outcome is Outcome.NEW)
    assert {(w.field, w.params["other"]) for w in again_new.warnings} == {
        ("name", "KH00001 成都天府餐饮管理有限公司"),
        ("mobile", "KH00001 成都天府餐饮管理有限公司"),
    }


def test_upsert_updates_by_current_or_old_code_and_clears_with_the_mark(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(backend, clock, Role.MANAGER)
    saved = services.customers.save(
        CustomerInput(name="上海明达贸易有限公司", email="old@example.com", notes="旧备注"),
    )
    services.customers.change_code(saved.id, saved.version, "KH9001", "合并编码")
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Customer code", "Name", "E-mail", "Notes", "Credit limit"])
    ws.append([saved.code, None, "new@example.com", "#清空", 8000])  # the old code
    ws.append(["KH9001", None, None, None, None])  # current code, nothing given: unchanged
    path = tmp_path / "update.xlsx"
    book.save(path)

    plan = services.imports.dry_run("customers", path, mode=ImportMode.UPSERT, lang="en")
    assert plan.problems == ()
    first, second = plan.rows
    assert (first.outcome, first.old_code, first.code) == (Outcome.UPDATE, saved.code, "KH9001")
    assert set(first.changed) == {"email", "notes", "credit_limit"}
    assert second.outcome is Outcome.UNCHANGED
    result = services.imports.commit(plan)
    assert (result.created, result.updated) == (0, 1)
    detail = services.customers.get(saved.id)
    assert (detail.name, detail.email, detail.notes, detail.credit_limit) == (
        "上海明达贸易有限公司",
        "new@example.com",
        "",
        Decimal("8000.00"),
    )
    assert detail.version == saved.version + 2  # change_code, then the import


def test_a_customer_changed_after_the_dry_run_stops_the_commit(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(sqlite_db, clock, Role.MANAGER)
    saved = services.customers.save(CustomerInput(name="甲公司"))
    book = openpyxl.Workbook()
    book.active.append(["编码", "名称", "备注"])
    book.active.append([saved.code, "甲公司", "来自导入"])
    path = tmp_path / "u.xlsx"
    book.save(path)
    plan = services.imports.dry_run("customers", path, mode=ImportMode.UPSERT)
    detail = services.customers.get(saved.id)
    services.customers.save(
        CustomerInput(id=detail.id, version=detail.version, name="甲公司", notes="柜台修改")
    )
    with pytest.raises(DomainError) as info:
        services.imports.commit(plan)
    assert info.value.msg_id == "import.changed_meanwhile"
    assert services.customers.get(saved.id).notes == "柜台修改"


def test_a_code_taken_after_the_dry_run_stops_the_commit(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(backend, clock, Role.MANAGER)
    book = openpyxl.Workbook()
    book.active.append(["编码", "名称"])
    book.active.append(["XK001", "乙公司"])
    book.active.append(["XK002", "丙公司"])
    path = tmp_path / "codes.xlsx"
    book.save(path)
    plan = services.imports.dry_run("customers", path)
    assert plan.ok
    # Meanwhile a clerk gives another customer one of the file's codes.
    services.customers.save(CustomerInput(code="XK002", code_manual=True, name="丁公司"))
    with pytest.raises(DomainError) as info:
        services.imports.commit(plan)
    assert info.value.msg_id == "import.changed_meanwhile"
    with backend.engine.connect() as conn:
        names = set(conn.execute(select(Customer.name)).scalars())
    assert names == {"丁公司"}  # nothing of the file was written


def test_cancel_leaves_the_database_unchanged(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(sqlite_db, clock)
    path = customer_book(tmp_path / "big.xlsx", 3000)
    plan = services.imports.dry_run("customers", path)
    assert plan.count(Outcome.NEW) == 3000
    audit_before = _count(sqlite_db, AuditLog)
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2  # after the first checks inside the write transaction

    with pytest.raises(ImportCancelled):
        services.imports.commit(plan, cancelled=cancelled)
    assert _count(sqlite_db, Customer) == 0
    assert _count(sqlite_db, CustomerContact) == 0
    assert _count(sqlite_db, AuditLog) == audit_before
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(select(ImportLog.status)).scalars().all() == ["cancelled"]
    # Cancelling the dry run stops it too.
    with pytest.raises(ImportCancelled):
        services.imports.dry_run("customers", path, cancelled=lambda: True)


def test_clerks_may_check_but_not_import(sqlite_db: Database, clock: Clock, tmp_path: Path) -> None:
    services = _services(sqlite_db, clock, Role.CLERK)
    path = messy_customers(tmp_path / "m.xlsx", fixed=True)
    plan = services.imports.dry_run("customers", path)
    with pytest.raises(PermissionDenied):
        services.imports.commit(plan)
    assert _count(sqlite_db, Customer) == 0


def test_the_error_workbook_marks_the_bad_cells(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    services = _services(sqlite_db, clock)
    path = messy_customers(tmp_path / "m.xlsx")
    plan = services.imports.dry_run("customers", path, lang="zh_CN")
    out = tmp_path / "错误.xlsx"
    assert services.imports.write_error_book(plan, out, "zh_CN") == 3

    ws = openpyxl.load_workbook(out).active
    assert ws["B1"].value == "2024 年客户资料表"  # the copy keeps the layout
    assert ws["J3"].value == "错误说明"
    red = {
        c.coordinate
        for row in ws.iter_rows()
        for c in row
        if c.fill is not None and c.fill.fill_type == "solid"
    }
    assert red == {"E7", "F8", "C9"}
    assert ws["E7"].value == "wangwu@"
    assert ws["C8"].value == 13612345678 or ws["C8"].value == "136 1234 5678"
    assert "第 7 行" in ws["E7"].comment.text
    assert "邮箱" in ws["E7"].comment.text
    assert "第 4 行" in ws["J8"].value  # the duplicate names the first row
    assert ws["J4"].value is None
    assert "公式" in ws["J9"].value

    # Fixing the red cells in the error workbook and importing it again works.
    book = openpyxl.load_workbook(out)
    ws = book.active
    ws["E7"] = "ww@example.com"
    ws["F8"] = "KH004"
    ws["C9"] = "15012345678"
    book.save(out)
    again = services.imports.dry_run("customers", out, lang="zh_CN")
    assert again.problems == ()
    assert "错误说明" in again.unknown_columns
    assert services.imports.commit(again).created == 6


def _cell(ref: str, value: object) -> str:
    if isinstance(value, str) and value.startswith("="):
        return f'<c r="{ref}"><f>{value[1:]}</f></c>'  # a formula without a cached value
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    text = "".join(f"_x{ord(ch):04X}_" if ord(ch) < 32 else ch for ch in text)  # as Excel escapes
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_x7_every_bad_row_is_listed_and_nothing_is_written(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    """RELIABILITY X7 at reduced scale: 200 rows, 20 bad in six ways; the error book lists exactly them."""
    from excel_files import sheet_xml, write_workbook

    services = _services(sqlite_db, clock)
    rows = [["客户编码", "客户名称", "信用额度", "手机", "备注"]]
    bad: dict[int, str] = {}
    for i in range(200):
        row: list[object] = [f"C{i:04d}", f"客户{i}有限公司", 100, f"139{i:08d}", ""]
        if i % 10 == 3:
            variant, kind = (i // 10) % 6, ""
            if variant == 0:
                row[2], kind = "一百元", "cell.not_a_number"
            elif variant == 1:
                row[0], kind = "C0000", "cell.duplicate_in_file"
            elif variant == 2:
                row[4], kind = "x" * 40_000, "cell.too_long"
            elif variant == 3:
                row[1], kind = "客户\x07有限公司", "cell.control_char"
            elif variant == 4:
                row[2], kind = "=SUM(1,2)", "cell.formula_no_value"
            else:
                row[2], kind = 10.005, "cell.too_precise"
            bad[i + 2] = kind
        rows.append(row)
    body = "".join(
        f'<row r="{n}">'
        + "".join(_cell(f"{'ABCDE'[j]}{n}", v) for j, v in enumerate(r) if v != "")
        + "</row>"
        for n, r in enumerate(rows, start=1)
    )
    path = write_workbook(tmp_path / "x7.xlsx", sheet_xml(body, dimension="A1:E201"))

    plan = services.imports.dry_run("customers", path, lang="zh_CN")
    assert {p.row: p.msg_id for p in plan.problems} == bad
    assert len(bad) == 20
    with pytest.raises(DomainError):
        services.imports.commit(plan)
    assert _count(sqlite_db, Customer) == 0
    out = tmp_path / "x7-errors.xlsx"
    assert services.imports.write_error_book(plan, out, "en") == 20
    ws = openpyxl.load_workbook(out).active
    flagged = {c.row for c in ws["F"] if c.value and c.row > 1}
    assert flagged == set(bad)
    comments = [c.comment.text for row in ws.iter_rows(min_row=2) for c in row if c.comment]
    assert len(comments) == 20
    assert all(text.startswith("Sheet 客户, row ") for text in comments)


def test_a_dry_run_keeps_no_per_value_caches(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    """The rules cache answers per distinct phone, e-mail and pinyin run while a file is checked;
    once the dry run is over they are empty again, so a session does not keep a file's values."""
    from erpdesk.services import customer_rules, pinyin

    services = _services(sqlite_db, clock)
    plan = services.imports.dry_run(
        "customers", customer_book(tmp_path / "c.xlsx", 50), lang="zh_CN"
    )
    assert plan.problems == ()
    assert customer_rules._host_ok.cache_info().currsize == 0
    assert customer_rules._phone_ok_cached.cache_info().currsize == 0
    assert pinyin._run_initials.cache_info().currsize == 0
