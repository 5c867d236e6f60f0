"""List exports read back as a user sees them: orders, receipts, contacts, follow-ups and approvals
(issue 5 item 5). Typed cells, frozen header, formula-like names kept as text, the list's filter, the
contacts file importing again unchanged, Cancel leaving no file, and the CLI."""

from __future__ import annotations

import sys
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from order_support import make_customer, make_order, make_product, services_for
from settlement_support import deliver, invoice, on_day, people, voucher, with_invoice
from sqlalchemy import delete, func, select

from erpdesk.cli import main as cli_main
from erpdesk.db.engine import Database
from erpdesk.db.models.customer import CustomerContact
from erpdesk.domain.orders import OrderStatus
from erpdesk.domain.permissions import Role
from erpdesk.domain.settlements import FollowUpKind
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_dto import ContactInput, CustomerInput
from erpdesk.services.errors import PermissionDenied
from erpdesk.services.import_dto import ImportMode, Outcome
from erpdesk.services.list_exports import ExportCancelled
from erpdesk.services.order_dto import OrderFilter
from erpdesk.services.receivables import ReceiptInput

D = Decimal
MONEY_FORMAT = "¥#,##0.00"


def _sheet(
    path: Path,
) -> tuple[list[object], list[list[object]], openpyxl.worksheet.worksheet.Worksheet]:
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return rows[0], rows[1:], ws


def _no_formulas(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        xml = "".join(
            archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")
        )
    assert "<f>" not in xml
    assert "<f " not in xml


def _column(ws, header: str):  # type: ignore[no-untyped-def]
    headers = [c.value for c in ws[1]]
    return [row[headers.index(header)] for row in ws.iter_rows(min_row=2)]


# ---------------------------------------------------------------------------------------- orders


def test_orders_export_is_the_order_list_with_typed_cells(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    clerk = services_for(backend, clock, Role.CLERK, name="wang.li")
    formula = make_customer(clerk, "=1+1")
    plain = make_customer(clerk, "重庆银行股份有限公司")
    product = make_product(clerk, "A4 复印纸", "25.50", stock="100")
    draft = make_order(clerk, formula, (product.id, "2", "25.50"))
    confirmed = make_order(clerk, plain, (product.id, "4", "1234.56"))
    confirmed = clerk.orders.confirm(confirmed.id, confirmed.version)
    shipped = make_order(clerk, plain, (product.id, "1", "0.07"))
    shipped = clerk.orders.confirm(shipped.id, shipped.version)
    clerk.orders.deliver(shipped.id, shipped.version)

    out = tmp_path / "订单.xlsx"
    shown = clerk.orders.search_ids(OrderFilter())
    result = clerk.list_exports.orders(out, filter=OrderFilter(), lang="zh_CN")
    assert result.rows == len(shown) == 3
    headers, rows, ws = _sheet(out)
    assert headers == [
        "订单号",
        "订单日期",
        "客户编码",
        "客户名称",
        "状态",
        "金额",
        "已发货金额",
        "交货日期",
        "业务员",
    ]
    listed = clerk.orders.rows(list(shown))
    assert [r[0] for r in rows] == [listed[i].number for i in shown]  # newest first, as listed
    by_number = {r[0]: r for r in rows}
    first = by_number[draft.number]
    assert first[1] == datetime(2025, 5, 3)  # a real date, not text
    assert first[3] == "=1+1"
    assert first[4] == "草稿"
    assert first[5] == 51
    assert by_number[confirmed.number][4] == "已确认"
    assert by_number[confirmed.number][5] == pytest.approx(4938.24)
    assert by_number[shipped.number][4] == "已发货"
    assert by_number[shipped.number][6] == pytest.approx(0.07)
    assert ws.freeze_panes == "A2"
    for row in ws.iter_rows(min_row=2):
        assert row[3].data_type == "s"  # the "=1+1" customer stays text
        assert row[1].is_date
        assert row[1].number_format == "yyyy-mm-dd"
        assert row[5].data_type == "n"
        assert row[5].number_format == MONEY_FORMAT
    _no_formulas(out)
    assert ws.column_dimensions["D"].width >= len("重庆银行股份有限公司") * 2

    # The list's filter and its visible columns, in English.
    only = tmp_path / "confirmed.csv"
    clerk.list_exports.orders(
        only,
        filter=OrderFilter(status=OrderStatus.CONFIRMED),
        columns=("number", "status", "total"),
        lang="en",
    )
    lines = only.read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["Order number,Status,Amount", f"{confirmed.number},Confirmed,4938.24"]
    nothing = tmp_path / "none.xlsx"
    clerk.list_exports.orders(nothing, filter=OrderFilter(date_to=date(2025, 1, 1)), lang="en")
    headers, rows, ws = _sheet(nothing)
    assert headers[:2] == ["Order number", "Order date"]
    assert rows == []
    assert ws.freeze_panes == "A2"


def test_a_cancelled_export_leaves_no_file(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    clerk = services_for(sqlite_db, clock, Role.CLERK, name="wang.li")
    customer = make_customer(clerk)
    product = make_product(clerk)
    make_order(clerk, customer, (product.id, "1", "10.00"))
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExportCancelled):
        clerk.list_exports.orders(folder / "o.xlsx", lang="en", cancelled=lambda: True)
    with pytest.raises(ExportCancelled):
        clerk.list_exports.receipts(folder / "r.xlsx", lang="en", cancelled=lambda: True)
    with pytest.raises(ExportCancelled):
        clerk.list_exports.contacts(folder / "c.xlsx", lang="en", cancelled=lambda: True)
    assert list(folder.iterdir()) == []


def test_exports_need_the_export_permission(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    nobody = Services(sqlite_db, Actor(username="guest", roles=frozenset()), clock)
    with pytest.raises(PermissionDenied):
        nobody.list_exports.orders(tmp_path / "o.xlsx")
    with pytest.raises(PermissionDenied):
        nobody.list_exports.receipts(tmp_path / "r.xlsx")
    assert not any(p.suffix == ".xlsx" for p in tmp_path.iterdir())


# -------------------------------------------------------------------------------------- receipts


def test_receipts_export_shows_allocation_advance_reversal_and_settlement(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    team = people(backend, clock)
    clerk, acct = team["clerk"], team["acct"]
    customer = make_customer(clerk, '=HYPERLINK("http://x","y")')
    deliver(clerk, customer, "100.00")
    invoice(acct, customer, "25312000000000000001", "100.00")
    with_inv = acct.settlements.submit(
        with_invoice(
            customer,
            "150.00",
            "25312000000000000001",
            receipt_date=date(2025, 5, 2),
            reference="工行 8832",
        )
    ).settlement
    pending = acct.settlements.submit(voucher(customer, "30.00", method="cash")).settlement
    approved = team["manager"].settlements.approve(pending.id).settlement
    reverser = on_day(backend, 9, name="li.kuaiji")
    reverser.settlements.reverse(approved.id, "银行退票")
    direct = acct.receivables.post_receipt(
        ReceiptInput(
            customer_id=customer,
            amount=D("12.34"),
            method="wechat",
            receipt_date=date(2025, 4, 1),
            notes="-2+3",
        )
    )

    out = tmp_path / "收款.xlsx"
    result = acct.list_exports.receipts(out, lang="zh_CN")
    assert result.rows == 4
    headers, rows, ws = _sheet(out)
    assert headers == [
        "收款单号",
        "收款日期",
        "客户编码",
        "客户名称",
        "收款金额",
        "收款方式",
        "参考号",
        "已核销",
        "预收余额",
        "已红冲",
        "红冲原单",
        "结算单号",
        "临时凭证号",
        "状态",
        "备注",
    ]
    assert [r[1] for r in rows] == [
        datetime(2025, 4, 1),
        datetime(2025, 5, 2),
        datetime(2025, 5, 3),
        datetime(2025, 5, 9),
    ]  # oldest first
    old, settled, vouchered, reversal = rows
    assert old[0] == direct.number
    assert (old[4], old[5], old[7], old[8], old[9], old[13], old[14]) == (
        pytest.approx(12.34),
        "微信",
        0,
        pytest.approx(12.34),
        "否",
        "已入账",
        "-2+3",
    )
    assert settled[0] == with_inv.receipt_number
    assert settled[3] == '=HYPERLINK("http://x","y")'
    assert (settled[4], settled[5], settled[6], settled[7], settled[8]) == (
        150,
        "银行转账",
        "工行 8832",
        100,
        50,
    )
    assert (settled[9], settled[11], settled[12], settled[13]) == (
        "否",
        with_inv.number,
        None,
        "已入账",
    )
    assert (vouchered[5], vouchered[9], vouchered[12], vouchered[13]) == (
        "现金",
        "是",
        approved.voucher_number,
        "已红冲",
    )
    assert reversal[4] == -30
    assert (reversal[10], reversal[11], reversal[13]) == (vouchered[0], approved.number, "红冲单")
    for row in ws.iter_rows(min_row=2):
        assert row[1].is_date
        for money in (row[4], row[7], row[8]):
            assert money.data_type == "n"
            assert money.number_format == MONEY_FORMAT
        assert row[3].data_type == "s"
    _no_formulas(out)

    # A date range (both ends included) and one customer.
    may = tmp_path / "may.csv"
    acct.list_exports.receipts(
        may, date_from=date(2025, 5, 2), date_to=date(2025, 5, 3), customer_id=customer, lang="en"
    )
    lines = may.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Receipt number,Receipt date,Customer code,Customer name,Amount")
    assert [line.split(",")[0] for line in lines[1:]] == [settled[0], vouchered[0]]
    assert ",2025-05-02," in lines[1]
    assert ",150.00,Bank transfer," in lines[1]
    other = make_customer(clerk, "别的客户")
    none = tmp_path / "none.csv"
    acct.list_exports.receipts(none, customer_id=other, lang="en")
    assert len(none.read_text(encoding="utf-8-sig").splitlines()) == 1


def test_receipts_are_paged_without_losing_or_repeating_a_row(
    sqlite_db: Database, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from erpdesk.services import list_exports

    monkeypatch.setattr(list_exports, "CHUNK", 3)
    acct = services_for(sqlite_db, clock, Role.ACCOUNTANT, name="li.kuaiji")
    customer = make_customer(acct)
    for day, amount in [(3, "1"), (1, "2"), (3, "3"), (2, "4"), (1, "5"), (3, "6"), (2, "7")]:
        acct.receivables.post_receipt(
            ReceiptInput(customer_id=customer, amount=D(amount), receipt_date=date(2025, 5, day))
        )
    out = tmp_path / "paged.xlsx"
    assert acct.list_exports.receipts(out, lang="en").rows == 7
    _headers, rows, _ws = _sheet(out)
    assert [(r[1].day, r[4]) for r in rows] == [  # type: ignore[union-attr]
        (1, 2),
        (1, 5),
        (2, 4),
        (2, 7),
        (3, 1),
        (3, 3),
        (3, 6),
    ]


# -------------------------------------------------------------------------------------- contacts


def _customers_with_contacts(services: Services) -> None:
    services.customers.save(
        CustomerInput(
            name="上海明达贸易有限公司",
            contacts=(
                ContactInput(name="李四", position="采购经理", phone="021-87654321"),
                ContactInput(
                    name="张三",
                    mobile="13812345678",
                    email="zhang@example.com",
                    im="wx_zhang",
                    notes="=SUM(A1)",
                    is_primary=True,
                ),
            ),
        )
    )
    services.customers.save(
        CustomerInput(
            name="北京远航科技有限公司",
            contacts=(ContactInput(name="+王五", phone="010-66668888", is_primary=True),),
        )
    )
    services.customers.save(CustomerInput(name="没有联系人的客户"))


def test_contacts_export_follows_the_search_and_imports_again(
    backend: Database, clock: Clock, tmp_path: Path
) -> None:
    services = services_for(backend, clock, Role.MANAGER, name="chen.jingli")
    _customers_with_contacts(services)

    out = tmp_path / "联系人.xlsx"
    assert services.list_exports.contacts(out, lang="zh_CN").rows == 3
    headers, rows, ws = _sheet(out)
    assert headers == [
        "客户编码",
        "客户名称",
        "姓名",
        "职务",
        "电话",
        "手机",
        "邮箱",
        "QQ/微信",
        "默认联系人",
        "备注",
    ]
    mingda = [r for r in rows if r[1] == "上海明达贸易有限公司"]
    assert [(r[2], r[8]) for r in mingda] == [("张三", "是"), ("李四", "否")]  # primary first
    assert mingda[0][5:10] == ["13812345678", "zhang@example.com", "wx_zhang", "是", "=SUM(A1)"]
    assert mingda[1][3:5] == ["采购经理", "021-87654321"]
    assert [r[2] for r in rows if r[1] == "北京远航科技有限公司"] == ["+王五"]
    assert ws.freeze_panes == "A2"
    for row in ws.iter_rows(min_row=2):
        assert all(c.data_type == "s" or c.value is None for c in row)
    _no_formulas(out)

    # The file imports again: nothing to change, and the customer name is the only extra column.
    plan = services.imports.dry_run("contacts", out, mode=ImportMode.UPSERT, lang="zh_CN")
    assert plan.problems == ()
    assert [r.outcome for r in plan.rows] == [Outcome.UNCHANGED] * 3
    assert plan.unknown_columns == ("客户名称",)

    # Into a database that lost its contacts, the file brings them back as they were.
    fields = (
        CustomerContact.customer_id,
        CustomerContact.name,
        CustomerContact.position,
        CustomerContact.phone,
        CustomerContact.mobile,
        CustomerContact.email,
        CustomerContact.im,
        CustomerContact.notes,
        CustomerContact.is_primary,
    )
    with backend.engine.connect() as conn:
        before = sorted(conn.execute(select(*fields)).all())
    with backend.write_engine.begin() as conn:
        conn.execute(delete(CustomerContact))
    again = services.imports.dry_run("contacts", out, lang="zh_CN")
    assert again.count(Outcome.NEW) == 3
    services.imports.commit(again)
    with backend.engine.connect() as conn:
        assert sorted(conn.execute(select(*fields)).all()) == before

    # The customer list's search decides whose contacts are exported.
    some = tmp_path / "some.csv"
    assert services.list_exports.contacts(some, query="明达", lang="en").rows == 2
    lines = some.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == (
        "Customer code,Customer name,Contact name,Job title,Telephone,Mobile phone,E-mail,"
        "QQ / WeChat,Default contact,Notes"
    )
    assert [line.split(",")[2] for line in lines[1:]] == ["张三", "李四"]
    assert lines[1].endswith(",Yes,'=SUM(A1)")


# ------------------------------------------------------------------------ settlement dock lists


def test_follow_ups_and_approvals_exports_match_the_tabs(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    team = people(sqlite_db, clock)
    clerk, acct = team["clerk"], team["acct"]
    customer = make_customer(clerk, "=1+1")
    deliver(clerk, customer, "80.00", on=date(2025, 3, 1))
    pending = acct.settlements.submit(voucher(customer, "30.00")).settlement

    out = tmp_path / "跟进.xlsx"
    shown = acct.settlements.follow_ups()
    assert acct.list_exports.follow_ups(out, lang="zh_CN").rows == len(shown) == 2
    headers, rows, ws = _sheet(out)
    assert headers == [
        "类型",
        "客户编码",
        "客户名称",
        "单据号",
        "金额",
        "经办人",
        "起始日期",
        "下次跟进",
        "备注",
    ]
    assert sorted(r[0] for r in rows) == ["待审批", "逾期应收"]
    overdue = next(r for r in rows if r[0] == "逾期应收")
    assert (overdue[2], overdue[4]) == ("=1+1", 80)
    assert isinstance(overdue[6], datetime)
    assert ws.freeze_panes == "A2"
    only = tmp_path / "only.xlsx"
    acct.list_exports.follow_ups(only, kinds=frozenset({FollowUpKind.AWAITING_APPROVAL}), lang="en")
    _headers, rows, _ws = _sheet(only)
    assert [(r[0], r[3]) for r in rows] == [("Awaiting approval", pending.voucher_number)]

    approvals = tmp_path / "审批.xlsx"
    assert acct.list_exports.approvals(approvals, lang="zh_CN").rows == 1
    headers, rows, ws = _sheet(approvals)
    assert headers[:6] == ["结算单号", "临时凭证号", "收款日期", "客户编码", "客户名称", "金额"]
    (row,) = rows
    assert (row[0], row[1], row[2], row[4], row[5]) == (
        pending.number,
        pending.voucher_number,
        datetime(2025, 5, 3),
        "=1+1",
        30,
    )
    assert row[9] == "无发票（临时凭证）"
    assert "临时凭证需要审批" in str(row[10])
    assert row[12] == datetime(2025, 5, 3)
    _no_formulas(approvals)


# ------------------------------------------------------------------------------------------- CLI


def test_cli_exports_orders_receipts_and_contacts(
    sqlite_db: Database,
    clock: Clock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    manager = services_for(sqlite_db, clock, Role.MANAGER, name="chen.jingli")
    _customers_with_contacts(manager)
    customer = make_customer(manager, "重庆银行股份有限公司")
    code = manager.customers.get(customer).code
    product = make_product(manager)
    order = make_order(manager, customer, (product.id, "2", "10.00"))
    manager.orders.confirm(order.id, order.version)
    manager.receivables.post_receipt(
        ReceiptInput(customer_id=customer, amount=D("5.00"), receipt_date=date(2025, 5, 1))
    )
    base = ["--db", str(sqlite_db.engine.url), "--lang", "en"]

    orders = tmp_path / "orders.xlsx"
    assert cli_main([*base, "export", "orders", str(orders), "--status", "confirmed"]) == 0
    assert f"1 rows exported to {orders}" in capsys.readouterr().out
    _headers, rows, _ws = _sheet(orders)
    assert [(r[0], r[4], r[5]) for r in rows] == [(order.number, "Confirmed", 20)]
    none = tmp_path / "none.csv"
    args = [*base, "export", "orders", str(none), "--from", "2025-05-04", "--customer", code]
    assert cli_main(args) == 0
    assert "0 rows exported" in capsys.readouterr().out
    assert len(none.read_text(encoding="utf-8-sig").splitlines()) == 1

    receipts = tmp_path / "receipts.csv"
    args = [
        *base,
        "export",
        "receipts",
        str(receipts),
        "--from",
        "2025-05-01",
        "--to",
        "2025-05-01",
    ]
    assert cli_main(args) == 0
    assert capsys.readouterr().out.startswith("1 rows exported")
    assert ",2025-05-01," in receipts.read_text(encoding="utf-8-sig")

    contacts = tmp_path / "contacts.xlsx"
    assert cli_main([*base, "export", "contacts", str(contacts), "--search", "明达"]) == 0
    assert "2 rows exported" in capsys.readouterr().out
    with sqlite_db.engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(CustomerContact)).scalar_one()
    assert count == 4  # 张三, 李四, +王五, and 张伟 of make_customer: the search kept two

    assert cli_main([*base, "export", "contacts", str(contacts), "--status", "draft"]) == 2
    assert "--status does not apply to exporting Contacts" in capsys.readouterr().err
