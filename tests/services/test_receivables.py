"""Receivables ledger on a real database: receipts, FIFO and manual allocation, advances, reversals,
invoices, aging, permissions, and (PostgreSQL) two accountants allocating to the same item at once."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from order_support import make_customer, make_order, make_product, services_for
from sqlalchemy import BigInteger, func, select

from erpdesk.db.engine import Database, open_database
from erpdesk.db.models.order import ReceivableItem
from erpdesk.db.models.receivable import InvoiceRecord, Receipt, ReceiptAllocation
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.errors import ConflictError, PermissionDenied, ValidationError
from erpdesk.services.receivables import AllocationInput, InvoiceInput, ReceiptInput

D = Decimal


@pytest.fixture
def clerk(backend: Database, clock: Clock) -> Services:
    return services_for(backend, clock, Role.CLERK, name="wang.li")


@pytest.fixture
def accountant(backend: Database, clock: Clock) -> Services:
    return services_for(backend, clock, Role.ACCOUNTANT, name="li.kuaiji")


def _deliver(clerk: Services, customer: int, amount: str, on: date | None = None) -> int:
    """Deliver an order of one line worth ``amount``; returns the receivable item id."""
    product = make_product(clerk, f"商品{amount}", amount, stock="10")
    order = make_order(clerk, customer, (product.id, "1", amount))
    order = clerk.orders.confirm(order.id, order.version)
    clerk.orders.deliver(order.id, order.version, on=on)
    with clerk.database.engine.connect() as conn:
        return int(conn.scalar(select(func.max(ReceivableItem.id))) or 0)


def _open(services: Services, item_id: int) -> Decimal:
    return next(
        (
            i.open_amount
            for i in services.receivables.open_items(_customer_of(services, item_id))
            if i.id == item_id
        ),
        D("0.00"),
    )


def _customer_of(services: Services, item_id: int) -> int:
    with services.database.engine.connect() as conn:
        return int(
            conn.scalar(select(ReceivableItem.customer_id).where(ReceivableItem.id == item_id))
        )


def _later(database: Database, day: int, *roles: Role) -> Services:
    """Services whose clock says 2025-05-``day`` 10:00 in Shanghai."""
    at = datetime(2025, 5, day, 2, 0, tzinfo=UTC)
    return services_for(database, Clock(now=lambda: at), *(roles or (Role.ACCOUNTANT,)))


def _ledger_identity(database: Database, services: Services) -> None:
    """For every customer: items − allocations − advances == balance(), and open == amount − allocs."""
    with database.engine.connect() as conn:
        customers = conn.scalars(select(ReceivableItem.customer_id).distinct()).all()
        for cid in customers:
            amount = (
                conn.scalar(
                    select(func.sum(ReceivableItem.amount, type_=BigInteger)).where(
                        ReceivableItem.customer_id == cid
                    )
                )
                or 0
            )
            opens = (
                conn.scalar(
                    select(func.sum(ReceivableItem.open_amount, type_=BigInteger)).where(
                        ReceivableItem.customer_id == cid
                    )
                )
                or 0
            )
            allocated = (
                conn.scalar(
                    select(func.sum(ReceiptAllocation.amount, type_=BigInteger))
                    .join(ReceivableItem, ReceivableItem.id == ReceiptAllocation.receivable_item_id)
                    .where(ReceivableItem.customer_id == cid)
                )
                or 0
            )
            advances = (
                conn.scalar(
                    select(func.sum(Receipt.unallocated, type_=BigInteger)).where(
                        Receipt.customer_id == cid
                    )
                )
                or 0
            )
            assert opens == amount - allocated
            balance = services.receivables.balance(cid)
            assert balance.balance == D(amount - allocated - advances) / 100
            assert balance.open_items == D(opens) / 100
            assert balance.advances == D(advances) / 100


def test_a_partial_payment_leaves_the_rest_open(
    clerk: Services, accountant: Services, backend: Database
) -> None:
    customer = make_customer(clerk)
    item = _deliver(clerk, customer, "100.00")
    posted = accountant.receivables.post_receipt(
        ReceiptInput(customer_id=customer, amount=D("40.00"), method="cash", reference="现金")
    )
    assert posted.number == "SK20250503-0001"
    assert [(a.item_id, a.amount) for a in posted.allocations] == [(item, D("40.00"))]
    assert posted.advance == D("0.00")
    assert _open(accountant, item) == D("60.00")
    assert accountant.receivables.balance(customer).balance == D("60.00")
    _ledger_identity(backend, accountant)


def test_over_payment_becomes_an_advance_used_on_a_later_delivery(
    clerk: Services, accountant: Services, backend: Database
) -> None:
    customer = make_customer(clerk)
    first = _deliver(clerk, customer, "100.00")
    posted = accountant.receivables.post_receipt(
        ReceiptInput(customer_id=customer, amount=D("150.00"), method="wechat")
    )
    assert posted.advance == D("50.00")
    assert _open(accountant, first) == D("0.00")
    balance = accountant.receivables.balance(customer)
    assert (balance.open_items, balance.advances, balance.balance) == (D(0), D(50), D(-50))
    assert [a.unallocated for a in accountant.receivables.advances(customer)] == [D("50.00")]

    later = _deliver(clerk, customer, "80.00")
    used = accountant.receivables.allocate_advance(posted.id)
    assert [(a.item_id, a.amount) for a in used.allocations] == [(later, D("50.00"))]
    assert used.advance == D("0.00")
    assert _open(accountant, later) == D("30.00")
    assert accountant.receivables.balance(customer).balance == D("30.00")
    assert accountant.receivables.advances(customer) == ()
    with pytest.raises(DomainError) as caught:
        accountant.receivables.allocate_advance(
            posted.id, [AllocationInput(item_id=later, amount=D("1.00"))]
        )
    assert caught.value.msg_id == "receivables.allocation_over_advance"
    _ledger_identity(backend, accountant)


def test_a_reversal_dated_today_restores_every_balance_exactly(
    clerk: Services, accountant: Services, backend: Database
) -> None:
    customer = make_customer(clerk)
    a = _deliver(clerk, customer, "100.00")
    b = _deliver(clerk, customer, "70.00")
    before = accountant.receivables.balance(customer)
    posted = accountant.receivables.post_receipt(
        ReceiptInput(customer_id=customer, amount=D("200.00"), receipt_date=date(2025, 5, 2))
    )
    assert posted.number == "SK20250502-0001"  # period follows the receipt date
    extra = _deliver(clerk, customer, "25.00")
    accountant.receivables.allocate_advance(posted.id)  # 30 of the advance used later
    assert _open(accountant, extra) == D("0.00")

    reverser = _later(backend, 9)
    with pytest.raises(ValidationError):
        reverser.receivables.reverse_receipt(posted.id, " ")
    reversal = reverser.receivables.reverse_receipt(posted.id, "银行退票")
    assert reversal.number == "SK20250509-0001"
    assert reversal.amount == D("-200.00")
    assert {(x.item_id, x.amount) for x in reversal.allocations} == {
        (a, D("-100.00")),
        (b, D("-70.00")),
        (extra, D("-25.00")),
    }
    after = accountant.receivables.balance(customer)
    assert after.balance == before.balance + D("25.00")  # only the later delivery is new
    assert after.advances == D("0.00")
    assert [_open(accountant, i) for i in (a, b, extra)] == [D("100.00"), D("70.00"), D("25.00")]
    with backend.engine.connect() as conn:
        rows = conn.execute(
            select(
                Receipt.number, Receipt.receipt_date, Receipt.amount, Receipt.reverses_id
            ).order_by(Receipt.id)
        ).all()
        nets = conn.execute(
            select(
                ReceiptAllocation.receivable_item_id,
                func.sum(ReceiptAllocation.amount, type_=BigInteger),
            ).group_by(ReceiptAllocation.receivable_item_id)
        ).all()
    assert rows == [
        ("SK20250502-0001", date(2025, 5, 2), D("200.00"), None),  # the original stays as it was
        ("SK20250509-0001", date(2025, 5, 9), D("-200.00"), posted.id),
    ]
    assert all(total == 0 for _item, total in nets)
    with pytest.raises(DomainError) as caught:
        reverser.receivables.reverse_receipt(posted.id, "again")
    assert caught.value.msg_id == "receivables.receipt_reversed"
    with pytest.raises(DomainError) as caught:
        reverser.receivables.reverse_receipt(reversal.id, "again")
    assert caught.value.msg_id == "receivables.receipt_is_reversal"
    with pytest.raises(DomainError):
        reverser.receivables.allocate_advance(posted.id)
    _ledger_identity(backend, accountant)


def test_fifo_pays_the_earliest_due_item_first(clerk: Services, accountant: Services) -> None:
    customer = make_customer(clerk, terms=30)
    newer = _deliver(clerk, customer, "50.00", on=date(2025, 4, 20))
    older = _deliver(clerk, customer, "40.00", on=date(2025, 4, 1))
    newest = _deliver(clerk, customer, "60.00", on=date(2025, 5, 1))
    proposal = accountant.receivables.propose_allocation(customer, D("100.00"))
    assert [(x.item_id, x.amount) for x in proposal.allocations] == [
        (older, D("40.00")),
        (newer, D("50.00")),
        (newest, D("10.00")),
    ]
    assert proposal.advance == D("0.00")
    assert _open(accountant, newest) == D("60.00")  # a proposal saves nothing
    posted = accountant.receivables.post_receipt(
        ReceiptInput(customer_id=customer, amount=D("100.00"))
    )
    assert posted.allocations == proposal.allocations
    assert [i.id for i in accountant.receivables.open_items(customer)] == [newest]


def test_manual_allocation_errors_save_nothing(
    clerk: Services, accountant: Services, backend: Database
) -> None:
    customer = make_customer(clerk)
    item = _deliver(clerk, customer, "100.00")
    other = _deliver(clerk, customer, "50.00")
    cases = [
        (
            (AllocationInput(item_id=item, amount=D("100.01")),),
            D("200.00"),
            "receivables.allocation_over_open",
        ),
        (
            (
                AllocationInput(item_id=item, amount=D("60.00")),
                AllocationInput(item_id=other, amount=D("50.00")),
            ),
            D("100.00"),
            "receivables.allocation_over_receipt",
        ),
        (
            (AllocationInput(item_id=item, amount=D("-5.00")),),
            D("100.00"),
            "receivables.amount_negative",
        ),
    ]
    for allocations, amount, msg_id in cases:
        with pytest.raises(DomainError) as caught:
            accountant.receivables.post_receipt(
                ReceiptInput(customer_id=customer, amount=amount, allocations=allocations)
            )
        assert caught.value.msg_id == msg_id
    with pytest.raises(ValidationError):
        accountant.receivables.post_receipt(ReceiptInput(customer_id=customer, amount=D("0")))
    with pytest.raises(ValidationError):
        accountant.receivables.post_receipt(
            ReceiptInput(customer_id=customer, amount=D("1"), method="bitcoin")
        )
    with backend.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Receipt)) == 0
    assert accountant.receivables.balance(customer).balance == D("150.00")

    manual = accountant.receivables.post_receipt(
        ReceiptInput(
            customer_id=customer,
            amount=D("80.00"),
            allocations=(AllocationInput(item_id=other, amount=D("50.00")),),
        )
    )
    assert manual.advance == D("30.00")  # chose the newer item by hand; the rest is an advance
    assert _open(accountant, item) == D("100.00")
    _ledger_identity(backend, accountant)


def test_an_item_allocated_by_someone_else_since_it_was_shown_is_a_conflict(
    clerk: Services, accountant: Services
) -> None:
    customer = make_customer(clerk)
    item = _deliver(clerk, customer, "100.00")
    seen = _open(accountant, item)
    accountant.receivables.post_receipt(ReceiptInput(customer_id=customer, amount=D("30.00")))
    with pytest.raises(ConflictError) as caught:
        accountant.receivables.post_receipt(
            ReceiptInput(
                customer_id=customer,
                amount=D("50.00"),
                allocations=(AllocationInput(item_id=item, amount=D("50.00"), seen_open=seen),),
            )
        )
    assert caught.value.msg_id == "receivables.item_taken"
    assert _open(accountant, item) == D("70.00")


def test_a_clerk_cannot_post_or_reverse_receipts_and_the_refusal_is_audited(
    clerk: Services, backend: Database
) -> None:
    customer = make_customer(clerk)
    with pytest.raises(PermissionDenied):
        clerk.receivables.post_receipt(ReceiptInput(customer_id=customer, amount=D("10.00")))
    with pytest.raises(PermissionDenied):
        clerk.receivables.reverse_receipt(1, "x")
    with backend.engine.connect() as conn:
        refused = conn.execute(
            select(AuditLog.app_user, AuditLog.row_pk).where(
                AuditLog.table_name == "permission", AuditLog.action == "denied"
            )
        ).all()
    assert refused == [("wang.li", "receipt.post"), ("wang.li", "receipt.reverse")]
    assert clerk.receivables.balance(customer).balance == D("0.00")  # reading is allowed


def test_invoices_are_recorded_against_items_and_never_change_the_balance(
    clerk: Services, accountant: Services, backend: Database
) -> None:
    customer = make_customer(clerk)
    other = make_customer(clerk, "北京远航科技有限公司")
    item = _deliver(clerk, customer, "113.00")
    recorded = accountant.receivables.record_invoice(
        InvoiceInput(
            customer_id=customer,
            number="25312000000012345678",
            invoice_type="digital",
            issued_on=date(2025, 5, 3),
            amount=D("113.00"),
            tax=D("13.00"),
            receivable_item_id=item,
        )
    )
    assert accountant.receivables.balance(customer).balance == D("113.00")
    with backend.engine.connect() as conn:
        assert conn.execute(
            select(InvoiceRecord.number, InvoiceRecord.receivable_item_id)
        ).all() == [("25312000000012345678", item)]
    assert recorded.id
    bad = [
        {"number": "123456789012345678901"},  # 21 digits
        {"number": "12AB"},
        {"invoice_type": "red"},
        {"tax": D("200.00")},
    ]
    for change in bad:
        fields = {
            "customer_id": customer,
            "number": "00012345",
            "invoice_type": "special",
            "issued_on": date(2025, 5, 3),
            "amount": D("113.00"),
            "tax": D("13.00"),
        }
        fields.update(change)
        with pytest.raises(ValidationError):
            accountant.receivables.record_invoice(InvoiceInput(**fields))  # type: ignore[arg-type]
    with pytest.raises(DomainError) as caught:
        accountant.receivables.record_invoice(
            InvoiceInput(
                customer_id=other,
                number="1",
                invoice_type="ordinary",
                issued_on=date(2025, 5, 3),
                amount=D("1"),
                tax=D("0"),
                receivable_item_id=item,
            )
        )
    assert caught.value.msg_id == "receivables.invoice_item_other_customer"
    with pytest.raises(PermissionDenied):
        clerk.receivables.record_invoice(
            InvoiceInput(
                customer_id=customer,
                number="1",
                invoice_type="ordinary",
                issued_on=date(2025, 5, 3),
                amount=D("1"),
                tax=D("0"),
            )
        )


def test_aging_per_customer_with_advances_in_their_own_column(
    clerk: Services, accountant: Services
) -> None:
    first = make_customer(clerk, terms=30)
    second = make_customer(clerk, "北京远航科技有限公司", terms=0)
    _deliver(clerk, first, "10.00", on=date(2025, 4, 20))  # due 05-20: not yet due
    _deliver(clerk, first, "20.00", on=date(2025, 3, 1))  # due 03-31: 33 days
    _deliver(clerk, second, "40.00", on=date(2025, 1, 1))  # due 01-01: 122 days
    accountant.receivables.post_receipt(
        ReceiptInput(customer_id=second, amount=D("45.00"))
    )  # 40 allocated, 5 advance
    _deliver(clerk, second, "7.00", on=date(2025, 5, 3))
    report = accountant.receivable_reports.aging(date(2025, 5, 3), (0, 30, 60, 90))
    rows = {r.customer_id: r for r in report.lines}
    assert rows[first].buckets == (D("10.00"), D(0), D("20.00"), D(0), D(0))
    assert rows[first].open_items == D("30.00")
    assert rows[second].buckets == (D("7.00"), D(0), D(0), D(0), D(0))
    assert rows[second].advances == D("5.00")
    custom = accountant.receivable_reports.aging(date(2025, 5, 3), (0, 60))
    assert rows[first].customer_id in {line.customer_id for line in custom.lines}
    assert {line.customer_id: line.buckets for line in custom.lines}[first] == (
        D("10.00"),
        D("20.00"),
        D(0),
    )
    with pytest.raises(DomainError):
        accountant.receivable_reports.aging(date(2025, 5, 3), (60, 30))


# ---------------------------------------------------------------------- PostgreSQL concurrency


def _race(pg_url: str, clock: Clock, work: list) -> list[object]:  # type: ignore[type-arg]
    """Run each callable(services) in its own thread with its own connection pool, released together."""
    barrier = threading.Barrier(len(work))
    results: list[object] = [None] * len(work)
    databases = [open_database(pg_url) for _ in work]

    def run(index: int) -> None:
        services = services_for(databases[index], clock, Role.ACCOUNTANT, name=f"acct{index}")
        barrier.wait()
        try:
            results[index] = work[index](services)
        except Exception as exc:
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for database in databases:
        database.dispose()
    return results


@pytest.mark.pg
def test_concurrent_manual_allocations_never_over_allocate_an_item(
    pg_db: Database, pg_url: str, clock: Clock
) -> None:
    clerk = services_for(pg_db, clock, Role.CLERK)
    for round_ in range(5):
        customer = make_customer(clerk, f"并发客户{round_}")
        item = _deliver(clerk, customer, "100.00")

        def take(services: Services, item: int = item, customer: int = customer) -> object:
            return services.receivables.post_receipt(
                ReceiptInput(
                    customer_id=customer,
                    amount=D("80.00"),
                    allocations=(
                        AllocationInput(item_id=item, amount=D("80.00"), seen_open=D("100.00")),
                    ),
                )
            )

        results = _race(pg_url, clock, [take, take])
        refused = [r for r in results if isinstance(r, DomainError)]
        assert len(refused) == 1, results
        assert refused[0].msg_id == "receivables.item_taken"
        with pg_db.engine.connect() as conn:
            open_amount = conn.scalar(
                select(ReceivableItem.open_amount).where(ReceivableItem.id == item)
            )
            allocated = conn.scalar(
                select(func.sum(ReceiptAllocation.amount, type_=BigInteger)).where(
                    ReceiptAllocation.receivable_item_id == item
                )
            )
        assert open_amount == D("20.00")
        assert allocated == 8000


@pytest.mark.pg
def test_concurrent_fifo_receipts_share_an_item_without_over_allocating(
    pg_db: Database, pg_url: str, clock: Clock
) -> None:
    clerk = services_for(pg_db, clock, Role.CLERK)
    accountant = services_for(pg_db, clock, Role.ACCOUNTANT)
    for round_ in range(5):
        customer = make_customer(clerk, f"先进先出客户{round_}")
        item = _deliver(clerk, customer, "100.00")

        def pay(services: Services, customer: int = customer) -> object:
            return services.receivables.post_receipt(
                ReceiptInput(customer_id=customer, amount=D("70.00"))
            )

        results = _race(pg_url, clock, [pay, pay])
        assert not [r for r in results if isinstance(r, Exception)], results
        got = sorted(sum((a.amount for a in r.allocations), D(0)) for r in results)  # type: ignore[attr-defined]
        assert got == [D("30.00"), D("70.00")]  # the second only got what was left
        assert sorted(r.advance for r in results) == [D("0.00"), D("40.00")]  # type: ignore[attr-defined]
        assert _open(accountant, item) == D("0.00")
        balance = accountant.receivables.balance(customer)
        assert balance.balance == D("-40.00")
    _ledger_identity(pg_db, accountant)
