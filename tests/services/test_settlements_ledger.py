"""Settlements and the ledger together: on a seeded set of customers (several receipts, partial
allocations, advances, approvals, rejections, reversals) every customer's items minus allocations
equal the balance; and on PostgreSQL, concurrent approvals and submits never over-allocate an item."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from order_support import make_customer, services_for
from settlement_support import (
    assert_ledger_identity,
    deliver,
    invoice,
    on_day,
    open_amount,
    people,
    voucher,
    with_invoice,
)
from sqlalchemy import BigInteger, func, select

from erpdesk.db.engine import Database, open_database
from erpdesk.db.models.receivable import Receipt, ReceiptAllocation
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.receivables import AllocationInput, ReceiptInput
from erpdesk.services.settlement_dto import SettlementStatus

D = Decimal


def test_items_minus_allocations_equal_the_balance_for_every_seeded_customer(
    backend: Database, clock: Clock
) -> None:
    team = people(backend, clock)
    acct, manager = team["acct"], team["manager"]
    rng = random.Random(20250503)
    statuses: list[SettlementStatus] = []
    for n in range(4):
        customer = make_customer(team["clerk"], f"对账客户{n}", terms=rng.choice((0, 30, 60)))
        items = [
            deliver(
                team["clerk"],
                customer,
                f"{rng.randint(20, 300)}.{rng.randint(0, 99):02d}",
                on=date(2025, 4, rng.randint(1, 28)),
            )
            for _ in range(3)
        ]
        invoice(acct, customer, f"2531200000000000{n:04d}", "500.00")
        # FIFO with an invoice, posted at once (partial on the last item it reaches).
        acct.settlements.submit(with_invoice(customer, "150.00", f"2531200000000000{n:04d}"))
        # A partial allocation chosen by hand; the rest stays as an advance.
        opened = {i.id: i.open_amount for i in acct.receivables.open_items(customer)}
        target = items[-1] if items[-1] in opened else next(iter(opened), None)
        hand = (
            (AllocationInput(item_id=target, amount=min(opened[target], D("12.34"))),)
            if target
            else ()
        )
        manual = acct.settlements.submit(voucher(customer, "40.00", allocations=hand)).settlement
        manager.settlements.approve(manual.id)
        # A voucher rejected, one left pending: neither may touch the ledger.
        rejected = acct.settlements.submit(voucher(customer, "33.00")).settlement
        manager.settlements.reject(rejected.id, "重复提交")
        acct.settlements.submit(voucher(customer, "44.00"))
        # Over-payment becoming an advance, used on a later delivery, then the whole thing reversed.
        big = acct.settlements.submit(voucher(customer, "900.00")).settlement
        big = team["acct2"].settlements.approve(big.id).settlement
        deliver(team["clerk"], customer, "66.60")
        acct.receivables.allocate_advance(big.receipt_id or 0)
        if n % 2:
            on_day(backend, 10, name="li.kuaiji").settlements.reverse(big.id, "客户退款")
        # A plain receipt reversed through the receivables ledger.
        plain = acct.receivables.post_receipt(ReceiptInput(customer_id=customer, amount=D("9.99")))
        if n % 2 == 0:
            acct.receivables.reverse_receipt(plain.id, "录错")
        statuses += [v.status for v in acct.settlements.list_for_customer(customer)]
    assert assert_ledger_identity(backend, acct) == 4
    assert statuses.count(SettlementStatus.REVERSED) == 2
    assert statuses.count(SettlementStatus.REJECTED) == 4
    assert statuses.count(SettlementStatus.PENDING_APPROVAL) == 4
    # Each posted settlement's lines are exactly what its receipt allocated when it was posted.
    with backend.engine.connect() as conn:
        for view in acct.settlements.search(limit=None):
            if view.receipt_id is None:
                continue
            first = conn.execute(
                select(ReceiptAllocation.receivable_item_id, ReceiptAllocation.amount)
                .where(ReceiptAllocation.receipt_id == view.receipt_id)
                .order_by(ReceiptAllocation.id)
                .limit(len(view.lines))
            ).all()
            assert [(line.item_id, line.amount) for line in view.lines] == [tuple(r) for r in first]


# ---------------------------------------------------------------------- PostgreSQL concurrency


def _race(pg_url: str, clock: Clock, work: list[Callable[[Services], object]]) -> list[object]:
    """Run each callable(services) in its own thread and pool as a different approver, together."""
    barrier = threading.Barrier(len(work))
    results: list[object] = [None] * len(work)
    databases = [open_database(pg_url) for _ in work]

    def run(index: int) -> None:
        role = (Role.ACCOUNTANT, Role.MANAGER)[index % 2]
        services = services_for(databases[index], clock, role, name=f"approver{index}")
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


def _allocated(database: Database, item: int) -> int:
    with database.engine.connect() as conn:
        return int(
            conn.scalar(
                select(func.sum(ReceiptAllocation.amount, type_=BigInteger)).where(
                    ReceiptAllocation.receivable_item_id == item
                )
            )
            or 0
        )


@pytest.mark.pg
def test_concurrent_approvals_against_one_item_never_over_allocate_it(
    pg_db: Database, pg_url: str, clock: Clock
) -> None:
    team = people(pg_db, clock)
    for round_ in range(4):
        customer = make_customer(team["clerk"], f"并发审批客户{round_}")
        item = deliver(team["clerk"], customer, "100.00")
        first = team["acct"].settlements.submit(voucher(customer, "80.00")).settlement
        second = team["acct"].settlements.submit(voucher(customer, "70.00")).settlement

        results = _race(
            pg_url,
            clock,
            [
                lambda s, i=first.id: s.settlements.approve(i),
                lambda s, i=second.id: s.settlements.approve(i),
            ],
        )
        refused = [r for r in results if isinstance(r, DomainError)]
        assert len(refused) == 1, results
        assert refused[0].msg_id == "settlements.item_taken"
        won = 80 if isinstance(results[1], DomainError) else 70
        assert open_amount(pg_db, item) == D(100 - won)
        assert _allocated(pg_db, item) == won * 100
        states = {v.id: v.status for v in team["acct"].settlements.list_for_customer(customer)}
        assert sorted(states.values()) == [
            SettlementStatus.PENDING_APPROVAL,
            SettlementStatus.POSTED,
        ]
    assert_ledger_identity(pg_db, team["acct"])


@pytest.mark.pg
def test_two_approvers_on_the_same_settlement_post_it_once(
    pg_db: Database, pg_url: str, clock: Clock
) -> None:
    team = people(pg_db, clock)
    for round_ in range(4):
        customer = make_customer(team["clerk"], f"同单审批客户{round_}")
        item = deliver(team["clerk"], customer, "100.00")
        pending = team["acct"].settlements.submit(voucher(customer, "60.00")).settlement
        results = _race(pg_url, clock, [lambda s, i=pending.id: s.settlements.approve(i)] * 2)
        refused = [r for r in results if isinstance(r, DomainError)]
        assert len(refused) == 1, results
        assert refused[0].msg_id == "settlements.not_pending"
        assert open_amount(pg_db, item) == D("40.00")
        with pg_db.engine.connect() as conn:
            receipts = conn.scalar(
                select(func.count()).select_from(Receipt).where(Receipt.customer_id == customer)
            )
        assert receipts == 1


@pytest.mark.pg
def test_concurrent_submits_share_an_item_without_over_allocating(
    pg_db: Database, pg_url: str, clock: Clock
) -> None:
    team = people(pg_db, clock)
    for round_ in range(4):
        customer = make_customer(team["clerk"], f"并发提交客户{round_}")
        item = deliver(team["clerk"], customer, "100.00")
        invoice(team["acct"], customer, f"9000{round_}", "100.00")

        def fifo(s: Services, c: int = customer, r: int = round_) -> object:
            return s.settlements.submit(with_invoice(c, "70.00", f"9000{r}"))

        def by_hand(s: Services, c: int = customer, r: int = round_, i: int = item) -> object:
            hand = (AllocationInput(item_id=i, amount=D("70.00")),)
            return s.settlements.submit(with_invoice(c, "70.00", f"9000{r}", allocations=hand))

        results = _race(pg_url, clock, [fifo, fifo] if round_ % 2 else [by_hand, by_hand])
        if round_ % 2:  # FIFO: the second one gets what is left, the rest is an advance
            assert not [r for r in results if isinstance(r, Exception)], results
            got = sorted(r.settlement.allocated for r in results)  # type: ignore[attr-defined]
            assert got == [D("30.00"), D("70.00")]
        else:  # by hand: the second is refused, nothing of it saved
            refused = [r for r in results if isinstance(r, DomainError)]
            assert len(refused) == 1, results
            assert refused[0].msg_id == "receivables.allocation_over_open"
            assert len(team["acct"].settlements.list_for_customer(customer)) == 1
        assert _allocated(pg_db, item) <= 10000
        assert open_amount(pg_db, item) == D("100.00") - D(_allocated(pg_db, item)) / 100
    assert_ledger_identity(pg_db, team["acct"])
