"""Aging and receivables summary on a real database (SQLite and PostgreSQL): hand-computed buckets with
the user's bounds, edges of a bucket, "as of" an earlier date, totals, bucket parsing, and the Excel
export read back with openpyxl."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import aging_support
import openpyxl
import pytest
from aging_support import Seeded
from order_support import services_for

from erpdesk.db.engine import Database
from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Role
from erpdesk.services.auth_dto import CompanyProfile
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock, system_actor
from erpdesk.services.errors import PermissionDenied, ValidationError
from erpdesk.services.receivable_reports import bucket_labels, parse_buckets
from erpdesk.services.receivables import AllocationInput, ReceiptInput
from erpdesk.services.statement_dto import StatementRequest
from erpdesk.xlsx.writer import ExportCancelled

D = Decimal
TODAY = date(2025, 5, 3)
aging_template = aging_support.aging_template
seeded_sqlite = aging_support.seeded_sqlite
ledger = aging_support.ledger


@pytest.fixture
def seeded(ledger: tuple[Database, Seeded]) -> Seeded:
    return ledger[1]


@pytest.fixture
def backend(ledger: tuple[Database, Seeded]) -> Database:
    """The database of ``ledger`` (SQLite copy or PostgreSQL), seeded."""
    return ledger[0]


@pytest.fixture
def accountant(backend: Database, clock: Clock) -> Services:
    return services_for(backend, clock, Role.ACCOUNTANT, name="li.kuaiji")


@pytest.fixture
def on_sqlite(seeded_sqlite: tuple[Database, Seeded], clock: Clock) -> tuple[Services, Seeded]:
    """An accountant on the seeded SQLite copy, for what does not depend on the database (files)."""
    database, seeded = seeded_sqlite
    return services_for(database, clock, Role.ACCOUNTANT, name="li.kuaiji"), seeded


def _amounts(*values: str) -> tuple[Decimal, ...]:
    return tuple(D(v) for v in values)


def test_aging_with_custom_buckets_matches_the_hand_computed_case(
    seeded: Seeded, accountant: Services
) -> None:
    table = accountant.receivable_reports.aging(TODAY, parse_buckets("15,45"))
    assert table.bounds == (0, 15, 45)
    lines = {line.customer_id: line for line in table.lines}
    assert [line.customer_id for line in table.lines] == sorted(lines, key=lambda c: lines[c].code)
    a, b, c = lines[seeded.a], lines[seeded.b], lines[seeded.c]
    assert a.buckets == _amounts("10.00", "20.00", "30.00", "40.00")
    assert (a.open_items, a.advances, a.balance) == (D("100.00"), D("0.00"), D("100.00"))
    # 15 days past due is still in 1–15; the 16-day item was paid first (FIFO by due date).
    assert b.buckets == _amounts("0.00", "40.00", "0.00", "0.00")
    assert b.balance == D("40.00")
    # Due today (0 days) is not yet due; C has only an advance, never netted into a bucket.
    assert c.buckets == _amounts("0", "0", "0", "0")
    assert (c.open_items, c.advances, c.balance) == (D("0.00"), D("3.00"), D("-3.00"))
    assert table.buckets == _amounts("10.00", "60.00", "30.00", "40.00")
    assert (table.open_items, table.advances, table.balance) == (
        D("140.00"),
        D("3.00"),
        D("137.00"),
    )


def test_totals_are_the_sum_of_the_rows_and_of_the_ledger_balances(
    on_sqlite: tuple[Services, Seeded],
) -> None:
    accountant, seeded = on_sqlite
    table = accountant.receivable_reports.aging(TODAY, (0, 30, 60, 90))
    for i, total in enumerate(table.buckets):
        assert total == sum((line.buckets[i] for line in table.lines), D(0))
    for line in table.lines:
        assert sum(line.buckets, D(0)) == line.open_items
        books = accountant.receivables.balance(line.customer_id)
        assert (line.open_items, line.advances, line.balance) == (
            books.open_items,
            books.advances,
            books.balance,
        )
    assert table.balance == sum(
        (accountant.receivables.balance(c).balance for c in (seeded.a, seeded.b, seeded.c)),
        D(0),
    )
    # Default bounds: 0 / 1–30 / 31–60 / 61–90 / 90+ — the same items regrouped.
    a = next(line for line in table.lines if line.customer_id == seeded.a)
    assert a.buckets == _amounts("10.00", "20.00", "30.00", "0.00", "40.00")


def test_aging_as_of_an_earlier_date_undoes_later_deliveries_and_receipts(
    seeded: Seeded, accountant: Services
) -> None:
    table = accountant.receivable_reports.aging(date(2025, 4, 20), (0, 30, 60, 90))
    lines = {line.customer_id: line for line in table.lines}
    # C's delivery and receipt came later; B's receipt of 05-03 had not taken anything yet.
    assert set(lines) == {seeded.a, seeded.b}
    assert lines[seeded.a].buckets == _amounts("30.00", "30.00", "0.00", "40.00", "0.00")
    assert lines[seeded.b].buckets == _amounts("0.00", "110.00", "0.00", "0.00", "0.00")
    assert table.balance == D("210.00")


def test_summary_per_customer(seeded: Seeded, accountant: Services) -> None:
    summary = accountant.receivable_reports.summary(TODAY)
    lines = {line.customer_id: line for line in summary.lines}
    a, b, c = lines[seeded.a], lines[seeded.b], lines[seeded.c]
    assert (a.open_items, a.overdue, a.oldest_due, a.last_receipt) == (
        D("100.00"),
        D("90.00"),
        date(2025, 1, 31),
        None,
    )
    assert (b.balance, b.overdue, b.oldest_due, b.last_receipt) == (
        D("40.00"),
        D("40.00"),
        date(2025, 4, 18),
        TODAY,
    )
    assert (c.balance, c.overdue, c.oldest_due, c.last_receipt) == (
        D("-3.00"),
        D("0.00"),
        None,
        TODAY,
    )
    assert a.name == "华东机电有限公司"
    assert (summary.balance, summary.overdue, summary.advances) == (
        D("137.00"),
        D("130.00"),
        D("3.00"),
    )


def test_a_reversed_receipt_is_not_the_last_receipt(
    seeded: Seeded, accountant: Services, backend: Database
) -> None:
    posted = accountant.receivables.post_receipt(
        ReceiptInput(customer_id=seeded.a, amount=D("5.00"), receipt_date=date(2025, 5, 2))
    )
    assert accountant.receivable_reports.summary(TODAY).lines[0].last_receipt == date(2025, 5, 2)
    accountant.receivables.reverse_receipt(posted.id, "录错客户")
    line = next(
        x for x in accountant.receivable_reports.summary(TODAY).lines if x.customer_id == seeded.a
    )
    assert line.last_receipt is None
    assert line.balance == D("100.00")


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("30,60,90", (0, 30, 60, 90)),
        ("0, 30, 60, 90", (0, 30, 60, 90)),
        ("15，45", (0, 15, 45)),
        ("7", (0, 7)),
    ],
)
def test_bucket_text_is_parsed(text: str, bounds: tuple[int, ...]) -> None:
    assert parse_buckets(text) == bounds


@pytest.mark.parametrize(
    "text", ["", "30,x", "60,30", "30,30", "-5,10", "1,2,3,4,5,6,7,8,9,10,11,12"]
)
def test_bad_bucket_text_names_the_field_in_both_languages(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_buckets(text)
    assert set(caught.value.fields) == {"buckets"}
    english = render(caught.value.msg_id, "en", **caught.value.params)
    chinese = render(caught.value.msg_id, "zh_CN", **caught.value.params)
    assert english.startswith("Aging buckets")
    assert chinese.startswith("账龄区间")


def test_bucket_labels() -> None:
    assert bucket_labels((0, 30, 60), "en") == (
        "Not yet due",
        "1–30 days",
        "31–60 days",
        "Over 60 days",
    )
    assert bucket_labels((0, 15), "zh_CN") == ("未到期", "1–15 天", "15 天以上")


def test_default_buckets_come_from_the_company_profile(
    on_sqlite: tuple[Services, Seeded],
) -> None:
    accountant = on_sqlite[0]
    assert accountant.receivable_reports.default_buckets() == (0, 30, 60, 90)
    table = accountant.receivable_reports.aging()
    assert table.bounds == (0, 30, 60, 90)
    assert table.as_of == TODAY
    admin = Services(accountant.database, system_actor("admin"), accountant.clock)
    profile = admin.users.get_company_profile() or CompanyProfile(name="示范商贸有限公司")
    admin.users.set_company_profile(replace(profile, aging_buckets=(0, 45, 180)))
    assert accountant.receivable_reports.default_buckets() == (0, 45, 180)
    lines = {line.customer_id: line for line in accountant.receivable_reports.aging().lines}
    # 9 and 33 days past due are both in 1–45, 92 days in 46–180.
    assert lines[on_sqlite[1].a].buckets == _amounts("10.00", "50.00", "40.00", "0.00")


def test_exported_aging_reads_back_typed(
    on_sqlite: tuple[Services, Seeded], tmp_path: Path
) -> None:
    accountant = on_sqlite[0]
    out = tmp_path / "账龄.xlsx"
    result = accountant.receivable_reports.export_aging(
        out, as_of=TODAY, buckets=(0, 15, 45), lang="zh_CN"
    )
    assert result.rows == 3
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet.title == "账龄分析 2025-05-03"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "客户编码",
        "客户名称",
        "业务员",
        "未到期",
        "1–15 天",
        "16–45 天",
        "45 天以上",
        "未核销应收",
        "预收款",
        "余额",
    )
    by_name = {r[1]: r for r in rows[1:-1]}
    assert by_name["华东机电有限公司"][3:] == (10, 20, 30, 40, 100, 0, 100)
    assert by_name["南方食品有限公司"][9] == -3
    assert rows[-1][0] == "合计"
    assert rows[-1][3:] == (10, 60, 30, 40, 140, 3, 137)
    money = sheet.cell(row=2, column=4)
    assert money.data_type == "n"
    assert money.number_format == "¥#,##0.00"
    assert sheet.cell(row=2, column=1).data_type == "s"
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["D"].width / 2


def test_exported_summary_has_dates_and_neutralised_text(
    sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    backend = sqlite_db
    accountant = services_for(backend, clock, Role.ACCOUNTANT, name="li.kuaiji")
    from aging_support import deliver
    from order_support import make_customer

    clerk = services_for(backend, clock, Role.CLERK, name="wang.li")
    evil = make_customer(clerk, '=HYPERLINK("http://x","y")', terms=0)
    deliver(clerk, evil, "12.34", date(2025, 4, 1))
    out = tmp_path / "summary.xlsx"
    result = accountant.receivable_reports.export_summary(out, as_of=TODAY, lang="en")
    assert result.rows == 1
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[-2:] == ["Oldest due date", "Last receipt"]
    name = sheet.cell(row=2, column=2)
    assert name.data_type == "s"
    assert name.value.startswith("=HYPERLINK")  # text, with quotePrefix: never a formula
    assert name.quotePrefix
    assert sheet.cell(row=2, column=4).value == pytest.approx(12.34)
    assert sheet.cell(row=2, column=7).value == pytest.approx(12.34)  # overdue since 04-01
    oldest = sheet.cell(row=2, column=8)
    assert oldest.is_date
    assert oldest.value.date() == date(2025, 4, 1)
    assert sheet.cell(row=3, column=1).value == "Total"


def test_export_needs_the_export_permission_and_cancel_leaves_no_file(
    on_sqlite: tuple[Services, Seeded], clock: Clock, tmp_path: Path
) -> None:
    accountant = on_sqlite[0]
    backend = accountant.database
    folder = tmp_path / "out"
    folder.mkdir()
    nobody = Services(backend, Actor(username="guest", roles=frozenset()), clock)
    with pytest.raises(PermissionDenied):
        nobody.receivable_reports.aging(TODAY)
    with pytest.raises(PermissionDenied):
        nobody.receivable_reports.export_aging(folder / "x.xlsx")
    for name in ("cancelled.csv", "cancelled.xlsx"):
        with pytest.raises(ExportCancelled):
            _export_cancelled(accountant, folder / name)
    assert list(folder.iterdir()) == []


def _export_cancelled(services: Services, out: Path) -> None:
    # The writer looks at ``cancelled`` every 2,000 rows: a report of 4,500 customer rows.
    from erpdesk.services import receivable_report_xlsx as sheet

    table = services.receivable_reports.aging(TODAY, (0, 30))
    many = type(table)(
        as_of=table.as_of,
        bounds=table.bounds,
        lines=table.lines * 1500,
        buckets=table.buckets,
        open_items=table.open_items,
        advances=table.advances,
        balance=table.balance,
    )
    sheet.write_aging(out, many, "en", cancelled=lambda: True)


def test_the_reports_cost_the_same_queries_for_more_customers(
    on_sqlite: tuple[Services, Seeded], clock: Clock
) -> None:
    from aging_support import deliver
    from order_support import make_customer
    from sqlalchemy import event

    accountant = on_sqlite[0]
    backend = accountant.database
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append(statement)

    def selects_for_reports() -> int:
        statements.clear()
        event.listen(backend.engine, "before_cursor_execute", count)
        try:
            accountant.receivable_reports.aging(TODAY, (0, 30, 60, 90))
            accountant.receivable_reports.summary(TODAY)
        finally:
            event.remove(backend.engine, "before_cursor_execute", count)
        return len(statements)

    before = selects_for_reports()
    clerk = services_for(backend, clock, Role.CLERK, name="wang.li")
    for n in range(4):
        deliver(clerk, make_customer(clerk, f"新客户{n}有限公司", terms=0), "9.00", TODAY)
    assert len(accountant.receivable_reports.aging(TODAY).lines) == 7
    assert selects_for_reports() == before == 2  # one grouped statement per report


def test_as_of_between_a_backdated_receipt_and_the_later_item_it_settles(
    seeded: Seeded, accountant: Services
) -> None:
    """A receipt dated 04-01 settling A's delivery of 04-20: on 04-10 the receipt is an advance (the
    delivery did not exist yet), and the report agrees with the statement's ledger balance."""
    item = next(i for i in accountant.receivables.open_items(seeded.a) if i.amount == D("10.00"))
    accountant.receivables.post_receipt(
        ReceiptInput(
            customer_id=seeded.a,
            amount=D("10.00"),
            receipt_date=date(2025, 4, 1),
            allocations=(AllocationInput(item_id=item.id, amount=D("10.00")),),
        )
    )
    day = date(2025, 4, 10)
    line = next(
        x for x in accountant.receivable_reports.aging(day).lines if x.customer_id == seeded.a
    )
    assert (line.open_items, line.advances, line.balance) == (D("90.00"), D("10.00"), D("80.00"))
    statement = accountant.statements.statement(
        StatementRequest(customer_id=seeded.a, as_of=day), "en"
    )
    assert statement.closing_balance == line.balance
    # And the other way round: on 04-20 the delivery exists and the receipt has settled it.
    later = next(
        x
        for x in accountant.receivable_reports.aging(date(2025, 4, 20)).lines
        if x.customer_id == seeded.a
    )
    assert (later.open_items, later.advances, later.balance) == (D("90.00"), D("0.00"), D("90.00"))
