"""Statement figures on a real database (SQLite and PostgreSQL) against hand-computed cases
(statement_support.py), the closing balance against ReceivableService.balance, and batches."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fixed_data import FIXED_NOW, sqlite_copy
from order_support import services_for
from sqlalchemy import select
from statement_filter_support import APRIL_END, APRIL_START, FilterSeed, seed_filters
from statement_support import Seeded, seed

from erpdesk.db.engine import Database, open_database
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Role
from erpdesk.services.context import Clock
from erpdesk.services.errors import PermissionDenied, ValidationError
from erpdesk.services.statement_dto import BatchFilter, StatementRequest

D = Decimal
FIXED_CLOCK = Clock(now=lambda: FIXED_NOW)
APRIL = {"date_from": date(2025, 4, 1), "date_to": date(2025, 4, 30)}


@pytest.fixture(scope="module")
def seeded_file(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Seeded]:
    """One seeded SQLite file per module (seeding costs seconds); each test works on a copy."""
    folder = tmp_path_factory.mktemp("statements")
    path = sqlite_copy(sqlite_template, folder)
    database = open_database("sqlite:///" + path.as_posix())
    seeded = seed(database, FIXED_CLOCK)
    database.dispose()
    return path, seeded


@pytest.fixture
def seeded(seeded_file: tuple[Path, Seeded], tmp_path: Path) -> Iterator[Seeded]:
    path, ids = seeded_file
    database = open_database("sqlite:///" + sqlite_copy(path, tmp_path).as_posix())
    accountant = services_for(database, FIXED_CLOCK, Role.ACCOUNTANT, name="li.kuaiji")
    yield replace(ids, accountant=accountant)
    database.dispose()


@pytest.mark.pg
def test_figures_on_postgresql(pg_db: Database, clock: Clock) -> None:
    seeded = seed(pg_db, clock)
    test_period_statement_matches_hand_computed_figures(seeded)
    test_customer_without_movement_gets_opening_row_and_closing(seeded)
    test_reversals_are_negative_lines_with_their_reasons(seeded)
    test_closing_balance_today_equals_the_receivables_balance(seeded)
    test_batch_selection(seeded)


def test_period_statement_matches_hand_computed_figures(seeded: Seeded) -> None:
    st = seeded.accountant.statements.statement(
        StatementRequest(customer_id=seeded.a, **APRIL), "zh_CN"
    )
    assert (st.customer_code, st.customer_name) == ("KH00001", "上海华鑫贸易有限公司")
    assert (st.contact, st.phone) == ("张伟", "13812345678")
    assert st.address == "上海市浦东新区世纪大道 100 号"
    assert st.opening_balance == D("600.00")
    assert [(line.day, line.debit, line.credit, line.balance) for line in st.lines] == [
        (date(2025, 4, 5), D("2500.00"), D("0.00"), D("3100.00")),
        (date(2025, 4, 18), D("1234.56"), D("0.00"), D("4334.56")),
        (date(2025, 4, 25), D("0.00"), D("3000.00"), D("1334.56")),
    ]
    receipt = st.lines[2]
    assert receipt.document.startswith("SK20250425-")
    assert "银行转账" in receipt.description
    assert "ICBC-0425-77" in receipt.description
    assert "核销 FH20250310-0001, FH20250405-0001" in receipt.description
    assert (st.total_debit, st.total_credit, st.closing_balance) == (
        D("3734.56"),
        D("3000.00"),
        D("1334.56"),
    )
    # On 04-30 the 04-05 delivery has 100.00 open, the 04-18 one 1,234.56: both due in May.
    assert st.aging[0] == ("未到期", D("1334.56"))
    assert sum(amount for _label, amount in st.aging[1:]) == 0
    assert st.advances == 0
    assert st.return_by == date(2025, 5, 10)  # 04-30 + the company's 10 days


def test_customer_without_movement_gets_opening_row_and_closing(seeded: Seeded) -> None:
    st = seeded.accountant.statements.statement(
        StatementRequest(customer_id=seeded.b, **APRIL), "en"
    )
    assert st.lines == ()
    assert st.opening_balance == st.closing_balance == D("800.00")
    assert (st.total_debit, st.total_credit) == (0, 0)
    # Due 04-04 (30 days' terms), 26 days overdue on 04-30.
    assert st.aging == (
        ("Not yet due", D("0.00")),
        ("1–30 days", D("800.00")),
        ("31–60 days", D("0.00")),
        ("61–90 days", D("0.00")),
        ("Over 90 days", D("0.00")),
    )


def test_reversals_are_negative_lines_with_their_reasons(seeded: Seeded) -> None:
    st = seeded.accountant.statements.statement(
        StatementRequest(
            customer_id=seeded.c, date_from=date(2025, 4, 1), date_to=date(2025, 5, 3)
        ),
        "zh_CN",
    )
    assert [(line.debit, line.credit, line.balance) for line in st.lines] == [
        (D("300.00"), D("0.00"), D("300.00")),
        (D("0.00"), D("100.00"), D("200.00")),
        (D("-300.00"), D("0.00"), D("-100.00")),
        (D("0.00"), D("-100.00"), D("0.00")),
    ]
    assert "客户拒收" in st.lines[2].description
    assert "红冲送货单 FH20250410-0001" in st.lines[2].description
    assert "银行退票" in st.lines[3].description
    assert st.closing_balance == 0


def test_closing_balance_today_equals_the_receivables_balance(seeded: Seeded) -> None:
    service = seeded.accountant.statements
    for customer in (seeded.a, seeded.b, seeded.c):
        st = service.statement(StatementRequest(customer_id=customer), "en")
        on_screen = seeded.accountant.receivables.balance(customer)
        assert st.closing_balance == on_screen.balance
        assert sum(amount for _l, amount in st.aging) - st.advances == on_screen.balance
        assert st.advances == on_screen.advances
    a = service.statement(StatementRequest(customer_id=seeded.a), "en")
    assert a.date_from is None
    assert a.closing_balance == D("1834.56")
    assert a.opening_balance == 0
    assert len(a.lines) == 6  # never settled: the whole history


def test_as_of_starts_after_the_account_was_last_settled(seeded: Seeded) -> None:
    accountant = seeded.accountant
    from statement_support import receive

    receive(accountant, seeded.b, "800.00", date(2025, 4, 2))
    st = accountant.statements.statement(
        StatementRequest(customer_id=seeded.b, as_of=date(2025, 5, 3)), "en"
    )
    assert st.lines == ()
    assert st.closing_balance == 0


def test_period_checks_and_permission(seeded: Seeded) -> None:
    service = seeded.accountant.statements
    with pytest.raises(ValidationError):
        service.statement(
            StatementRequest(customer_id=seeded.a, as_of=date(2025, 5, 1), **APRIL), "en"
        )
    with pytest.raises(ValidationError) as reversed_period:
        service.statement(
            StatementRequest(
                customer_id=seeded.a, date_from=date(2025, 5, 1), date_to=date(2025, 4, 1)
            ),
            "en",
        )
    assert reversed_period.value.msg_id == "statements.period_reversed"
    admin = services_for(seeded.accountant.database, FIXED_CLOCK, Role.ADMIN, name="it.admin")
    with pytest.raises(PermissionDenied):
        admin.statements.statement(StatementRequest(customer_id=seeded.a), "en")


def test_batch_selection(seeded: Seeded) -> None:
    service = seeded.accountant.statements
    everyone = service.customers_for_batch(BatchFilter(with_balance=False), date(2025, 5, 3))
    assert everyone == (seeded.a, seeded.b, seeded.c)
    owing = service.customers_for_batch(BatchFilter(), date(2025, 5, 3))
    assert owing == (seeded.a, seeded.b)  # C's reversals brought it to zero
    # On 03-06 only B had been delivered to.
    assert service.customers_for_batch(BatchFilter(), date(2025, 3, 6)) == (seeded.b,)
    searched = BatchFilter(search="北京静默", with_balance=False)
    assert service.customers_for_batch(searched, date(2025, 5, 3)) == (seeded.b,)
    chosen = BatchFilter(customer_ids=(seeded.c, seeded.a), with_balance=False)
    assert service.customers_for_batch(chosen, date(2025, 5, 3)) == (seeded.a, seeded.c)


def test_batch_one_file_per_customer_and_cancel(seeded: Seeded, tmp_path: Path) -> None:
    service = seeded.accountant.statements
    ids = (seeded.a, seeded.b, seeded.c)
    seen: list[tuple[int, int]] = []
    folder = tmp_path / "out"
    result = service.render_batch(
        ids,
        request_template=StatementRequest(customer_id=0, **APRIL),
        target=folder,
        one_file=False,
        lang="zh_CN",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert not result.cancelled
    assert [p.name for p in result.files] == ["KH00001.pdf", "KH00002.pdf", "KH00003.pdf"]
    assert sorted(p.name for p in folder.iterdir()) == ["KH00001.pdf", "KH00002.pdf", "KH00003.pdf"]
    assert result.statements == 3
    assert result.pages == 3
    assert seen[-1] == (3, 3)
    logged = _printed_log(seeded)
    assert [(row.row_pk, row.app_user) for row in logged] == [
        (str(seeded.a), "li.kuaiji"),
        (str(seeded.b), "li.kuaiji"),
        (str(seeded.c), "li.kuaiji"),
    ]
    assert json.loads(logged[1].new or "{}") == {
        "closing_balance": "800.00",
        "date_from": "2025-04-01",
        "date_to": "2025-04-30",
        "file": "KH00002.pdf",
    }

    calls = {"n": 0}

    def cancel_after_two() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    again = tmp_path / "again"
    stopped = service.render_batch(
        ids,
        request_template=StatementRequest(customer_id=0, **APRIL),
        target=again,
        one_file=False,
        lang="en",
        cancelled=cancel_after_two,
    )
    assert stopped.cancelled
    assert stopped.files == ()
    assert list(again.iterdir()) == []

    combined = tmp_path / "all.pdf"
    calls["n"] = 0
    stopped = service.render_batch(
        ids,
        request_template=StatementRequest(customer_id=0, **APRIL),
        target=combined,
        one_file=True,
        lang="en",
        cancelled=cancel_after_two,
    )
    assert stopped.cancelled
    assert not combined.exists()
    assert list(tmp_path.glob("*.part")) == []
    assert len(_printed_log(seeded)) == 3  # cancelled batches issue nothing


def _printed_log(seeded: Seeded) -> list[Any]:
    with seeded.accountant.database.engine.connect() as conn:
        rows = conn.execute(
            select(AuditLog.row_pk, AuditLog.app_user, AuditLog.new)
            .where(AuditLog.action == "statement_printed")
            .order_by(AuditLog.id)
        )
        return list(rows)


def test_a_statement_that_cannot_be_written_says_where(seeded: Seeded, tmp_path: Path) -> None:
    # The folder cannot be made (a file stands in its place): a translated error, no traceback.
    blocker = tmp_path / "statements"
    blocker.write_text("not a folder")
    target = blocker / "all.pdf"
    with pytest.raises(DomainError) as caught:
        seeded.accountant.statements.render_batch(
            (seeded.a,),
            request_template=StatementRequest(customer_id=0, **APRIL),
            target=target,
            one_file=True,
            lang="en",
        )
    assert caught.value.msg_id == "statements.write_failed"
    assert caught.value.params["path"] == str(target)
    assert blocker.read_text() == "not a folder"


def test_advance_used_later_is_an_information_line(seeded: Seeded) -> None:
    from erpdesk.services.receivables import ReceiptInput

    accountant = seeded.accountant
    receipt = accountant.receivables.post_receipt(
        ReceiptInput(
            customer_id=seeded.b,
            amount=D("1000.00"),
            receipt_date=date(2025, 4, 10),
            allocations=(),
        )
    )
    accountant.receivables.allocate_advance(receipt.id)  # FIFO, dated today (05-03): 800.00
    st = accountant.statements.statement(
        StatementRequest(
            customer_id=seeded.b, date_from=date(2025, 4, 1), date_to=date(2025, 5, 31)
        ),
        "zh_CN",
    )
    assert [(line.day, line.debit, line.credit, line.balance) for line in st.lines] == [
        (date(2025, 4, 10), D("0.00"), D("1000.00"), D("-200.00")),
        (date(2025, 5, 3), D("0.00"), D("0.00"), D("-200.00")),
    ]
    assert "¥1,000.00 转预收" in st.lines[0].description
    assert st.lines[1].description == (
        f"预收款 {receipt.number} 冲抵 FH20250305-0001：¥800.00（余额不变）"
    )
    assert (st.closing_balance, st.advances) == (D("-200.00"), D("200.00"))
    assert accountant.receivables.balance(seeded.b).balance == D("-200.00")
    # On 04-30 the advance was still whole and the delivery still open: 800 − 1,000.
    april = accountant.statements.statement(StatementRequest(customer_id=seeded.b, **APRIL), "en")
    assert april.closing_balance == D("-200.00")
    assert april.advances == D("1000.00")
    assert dict(april.aging)["1–30 days"] == D("800.00")


# ---------------------------------------------------------------------- batch filters (DOMAIN.md §9)


def _batch(seed: FilterSeed, since: date | None = APRIL_START, **chosen: Any) -> tuple[int, ...]:
    """The batch for April (balance at the end of 04-30) with ``chosen`` filters, balance off
    unless asked for."""
    chosen.setdefault("with_balance", False)
    service = seed.accountant.statements
    return service.customers_for_batch(BatchFilter(**chosen), APRIL_END, since=since)


def test_batch_filters_each_alone(backend: Database, clock: Clock) -> None:
    s = seed_filters(backend, clock)
    codes = [s.accountant.customers.get(i).code for i in (s.k1, s.k2, s.k3, s.k4, s.k5)]
    assert codes == ["KH00001", "KH00002", "KH00003", "KH00004", "KH00005"]
    assert _batch(s) == (s.k1, s.k2, s.k3, s.k4, s.k5)
    # A category takes its sub-categories along: 华东 is k2 and 上海's k1.
    assert _batch(s, category_id=s.east) == (s.k1, s.k2)
    assert _batch(s, category_id=s.shanghai) == (s.k1,)
    assert _batch(s, category_id=s.south) == (s.k3, s.k4)
    assert _batch(s, region="广东") == (s.k3, s.k4)
    assert _batch(s, region="广") == ()  # the region as on the customer, not a fragment
    assert _batch(s, salesperson_id=s.zhou) == (s.k1, s.k2, s.k5)
    assert _batch(s, salesperson_id=s.lin) == (s.k3,)
    assert _batch(s, monthly_only=True) == (s.k1, s.k3, s.k4, s.k5)
    assert _batch(s, with_balance=True) == (s.k1, s.k3)
    assert _batch(s, moved_in_period=True) == (s.k2, s.k3)


def test_batch_balance_or_moved_in_the_period(backend: Database, clock: Clock) -> None:
    s = seed_filters(backend, clock)
    # k1 owes but did not move in April, k2 moved but owes nothing, k3 both: either is enough.
    assert _batch(s, with_balance=True, moved_in_period=True) == (s.k1, s.k2, s.k3)
    # The period's bounds count: k2's receipt of 04-20 is in 04-20..04-30, its delivery is not.
    assert _batch(s, date(2025, 4, 20), moved_in_period=True) == (s.k2,)
    assert _batch(s, date(2025, 4, 21), moved_in_period=True) == ()
    # k5's delivery of 05-02 is after April: in May it moved and owes.
    service = s.accountant.statements
    may = BatchFilter(with_balance=True, moved_in_period=True)
    assert service.customers_for_batch(may, date(2025, 5, 31), since=date(2025, 5, 1)) == (
        s.k1,
        s.k3,
        s.k5,
    )
    assert service.customers_for_batch(
        replace(may, with_balance=False), date(2025, 5, 31), since=date(2025, 5, 1)
    ) == (s.k5,)


def test_batch_filters_combined(backend: Database, clock: Clock) -> None:
    s = seed_filters(backend, clock)
    assert _batch(s, category_id=s.east, monthly_only=True) == (s.k1,)
    assert _batch(s, category_id=s.east, moved_in_period=True) == (s.k2,)
    assert _batch(s, category_id=s.south, with_balance=True) == (s.k3,)
    both = {"with_balance": True, "moved_in_period": True}
    assert _batch(s, salesperson_id=s.zhou, **both) == (s.k1, s.k2)
    assert _batch(s, salesperson_id=s.zhou, monthly_only=True, **both) == (s.k1,)
    assert _batch(s, region="广东", monthly_only=True, **both) == (s.k3,)
    assert _batch(s, region="广东", salesperson_id=s.zhou) == ()
    # The list's selection and search text are narrowed the same way.
    assert _batch(s, customer_ids=(s.k4, s.k1, s.k3), region="广东") == (s.k3, s.k4)
    assert _batch(s, customer_ids=(s.k4, s.k1, s.k3), region="广东", **both) == (s.k3,)
    assert _batch(s, search="五金", category_id=s.south) == (s.k3,)
    assert _batch(s, search="五金", category_id=s.east) == ()


def test_batch_filter_lookups_and_refusals(sqlite_db: Database, clock: Clock) -> None:
    s = seed_filters(sqlite_db, clock)
    service = s.accountant.statements
    assert service.category_id(s.east_code) == s.east
    assert service.category_id(f" {s.shanghai_code} ") == s.shanghai
    assert service.category_id("华南") == s.south  # by its name as well
    with pytest.raises(DomainError) as unknown:
        service.category_id("99")
    assert unknown.value.msg_id == "statements.category_not_found"
    assert render(unknown.value.msg_id, "zh_CN", **unknown.value.params).startswith(
        "找不到客户分类 99"
    )
    assert service.salesperson_id("ZHOU.SALES") == s.zhou  # user names ignore case
    with pytest.raises(DomainError) as nobody:
        service.salesperson_id("nobody")
    assert render(nobody.value.msg_id, "en", **nobody.value.params) == (
        "No user nobody to use as the salesperson (give the user name)."
    )
    # An as-of statement has no period to have moved in.
    with pytest.raises(ValidationError) as no_period:
        _batch(s, None, moved_in_period=True)
    assert no_period.value.fields["moved_in_period"][0] == "statements.moved_needs_period"
    with pytest.raises(ValidationError):
        _batch(s, date(2025, 5, 1), moved_in_period=True)
    admin = services_for(sqlite_db, clock, Role.ADMIN, name="it.admin")
    with pytest.raises(PermissionDenied):
        admin.statements.customers_for_batch(BatchFilter(region="广东"), APRIL_END)
