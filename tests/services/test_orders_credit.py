"""The credit ladder at 确认: warn, approve (queue or a manager's password), block, overdue; the race."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from auth_setup import FakeTime, add_user, admin_actor, auth, set_up
from order_support import make_customer, make_order, make_product, services_for
from sqlalchemy import select

from erpdesk.db.engine import Database, open_database
from erpdesk.db.models.customer import CustomerInteraction
from erpdesk.db.models.order import CreditOverride
from erpdesk.domain.credit import CreditMode
from erpdesk.domain.errors import DomainError
from erpdesk.domain.orders import OrderStatus
from erpdesk.domain.permissions import Role
from erpdesk.services.auth_dto import LoginFailed
from erpdesk.services.context import Clock
from erpdesk.services.errors import ConfirmRequired, PermissionDenied
from erpdesk.services.order_dto import Approver

D = Decimal


@pytest.fixture
def clerk(backend: Database, clock: Clock):  # type: ignore[no-untyped-def]
    return services_for(backend, clock, Role.CLERK, name="wang.li")


def _over_limit(clerk, mode: CreditMode):  # type: ignore[no-untyped-def]
    """A customer with ¥1,000 credit, ¥800 already confirmed, and a ¥500 draft."""
    manager = services_for(clerk.database, clerk.clock, Role.MANAGER, name="boss.zhao")
    customer = make_customer(clerk, limit=D(1000))
    manager.credit.set_policy(mode, customer_id=customer)
    paper = make_product(clerk, price="100.00")
    first = make_order(clerk, customer, (paper.id, "8", "100.00"))
    clerk.orders.confirm(first.id, first.version)
    return customer, make_order(clerk, customer, (paper.id, "5", "100.00"))


def _overrides(database: Database) -> list[tuple[str, str, str, Decimal]]:
    with database.engine.connect() as conn:
        return [
            (r[0], r[1], r[2], r[3])
            for r in conn.execute(
                select(
                    CreditOverride.kind,
                    CreditOverride.approver,
                    CreditOverride.reason,
                    CreditOverride.shortfall,
                )
            )
        ]


def test_the_header_shows_available_credit(clerk) -> None:  # type: ignore[no-untyped-def]
    customer, draft = _over_limit(clerk, CreditMode.WARN)
    view = clerk.credit.view(customer, D(500), exclude_order_id=draft.id)
    assert view.limit == D(1000)
    assert view.undelivered == D(800)
    assert view.available == D(200)
    assert view.level == "over"


def test_warn_asks_for_a_reason_then_confirms_and_logs_it(clerk, backend: Database) -> None:  # type: ignore[no-untyped-def]
    _customer, draft = _over_limit(clerk, CreditMode.WARN)
    with pytest.raises(ConfirmRequired) as caught:
        clerk.orders.confirm(draft.id, draft.version)
    assert caught.value.key == "credit.warn"
    assert caught.value.params["shortfall"] == "¥300.00"
    with pytest.raises(ConfirmRequired):  # acknowledged but no reason
        clerk.orders.confirm(draft.id, draft.version, ack={"credit.warn"})
    done = clerk.orders.confirm(draft.id, draft.version, ack={"credit.warn"}, reason="老客户")
    assert done.status is OrderStatus.CONFIRMED
    assert _overrides(backend) == [("warn", "wang.li", "老客户", D(300))]
    with backend.engine.connect() as conn:
        notes = conn.execute(select(CustomerInteraction.note)).scalars().all()
    assert any("老客户" in note for note in notes)


def test_block_refuses_and_keeps_the_draft(clerk) -> None:  # type: ignore[no-untyped-def]
    _customer, draft = _over_limit(clerk, CreditMode.BLOCK)
    with pytest.raises(DomainError) as caught:
        clerk.orders.confirm(
            draft.id, draft.version, ack={"credit.warn", "credit.approve"}, reason="x"
        )
    assert caught.value.msg_id == "credit.blocked"
    assert clerk.orders.get(draft.id).status is OrderStatus.DRAFT


def test_mode_none_confirms_over_the_limit(clerk) -> None:  # type: ignore[no-untyped-def]
    _customer, draft = _over_limit(clerk, CreditMode.NONE)
    assert clerk.orders.confirm(draft.id, draft.version).status is OrderStatus.CONFIRMED


def test_approve_mode_queues_the_order_for_an_accountant(
    clerk,
    backend: Database,
    clock: Clock,  # type: ignore[no-untyped-def]
) -> None:
    _customer, draft = _over_limit(clerk, CreditMode.APPROVE)
    with pytest.raises(ConfirmRequired) as caught:
        clerk.orders.confirm(draft.id, draft.version, ack={"credit.approve"}, reason="急单")
    assert caught.value.key == "credit.approve"  # a clerk cannot acknowledge an approval
    pending = clerk.orders.submit(draft.id, draft.version, "急单")
    assert pending.status is OrderStatus.PENDING
    with pytest.raises(PermissionDenied):
        clerk.orders.approve(pending.id, pending.version, "自己批")
    accountant = services_for(backend, clock, Role.ACCOUNTANT, name="li.kuaiji")
    approved = accountant.orders.approve(pending.id, pending.version, "已电话确认付款")
    assert approved.status is OrderStatus.CONFIRMED
    assert _overrides(backend) == [("approve", "li.kuaiji", "已电话确认付款", D(300))]


def test_a_rejected_order_goes_back_to_draft(clerk, backend: Database, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    _customer, draft = _over_limit(clerk, CreditMode.APPROVE)
    pending = clerk.orders.submit(draft.id, draft.version)
    manager = services_for(backend, clock, Role.MANAGER, name="boss.zhao")
    assert manager.orders.reject(pending.id, pending.version, "先收款").status is OrderStatus.DRAFT


def _with_users(database: Database, clerk):  # type: ignore[no-untyped-def]
    time = FakeTime()
    admin = admin_actor(set_up(database, time))
    add_user(database, time, admin, "zhao.jingli", Role.MANAGER, password="Jingli-Secret-88")
    add_user(database, time, admin, "sun.yuangong", Role.CLERK, password="Yuangong-Secret-88")
    clerk.__dict__["auth"] = auth(database, time)  # a cheap hasher for the approver's password
    return time


def test_a_manager_types_the_password_at_the_clerks_pc(clerk, backend: Database) -> None:  # type: ignore[no-untyped-def]
    _with_users(backend, clerk)
    _customer, draft = _over_limit(clerk, CreditMode.APPROVE)
    done = clerk.orders.confirm(
        draft.id,
        draft.version,
        ack={"credit.approve"},
        reason="经理现场批准",
        approver=Approver(username="zhao.jingli", password="Jingli-Secret-88"),
    )
    assert done.status is OrderStatus.CONFIRMED
    assert _overrides(backend) == [("approve", "zhao.jingli", "经理现场批准", D(300))]


def test_a_password_without_the_right_role_or_a_wrong_one_is_refused(
    clerk,
    backend: Database,  # type: ignore[no-untyped-def]
) -> None:
    _with_users(backend, clerk)
    _customer, draft = _over_limit(clerk, CreditMode.APPROVE)
    with pytest.raises(PermissionDenied) as caught:
        clerk.orders.confirm(
            draft.id,
            draft.version,
            reason="同事帮忙",
            approver=Approver(username="sun.yuangong", password="Yuangong-Secret-88"),
        )
    assert caught.value.msg_id == "credit.approver_not_allowed"
    with pytest.raises(LoginFailed):
        clerk.orders.confirm(
            draft.id,
            draft.version,
            reason="猜密码",
            approver=Approver(username="zhao.jingli", password="wrong-password"),
        )
    assert clerk.orders.get(draft.id).status is OrderStatus.DRAFT
    assert _overrides(backend) == []


def test_overdue_receivables_trigger_the_overdue_mode(
    backend: Database,
    clock: Clock,
    clerk,  # type: ignore[no-untyped-def]
) -> None:
    manager = services_for(backend, clock, Role.MANAGER, name="boss.zhao")
    customer = make_customer(clerk, limit=D(0), terms=10)  # no limit at all
    manager.credit.set_policy(
        CreditMode.NONE, customer_id=customer, overdue_days=30, overdue_mode=CreditMode.BLOCK
    )
    paper = make_product(clerk)
    old = make_order(clerk, customer, (paper.id, "1", "25.00"))
    old = clerk.orders.confirm(old.id, old.version)
    clerk.orders.deliver(old.id, old.version, on=date(2025, 3, 1))  # due 03-11, 53 days ago
    fresh = make_order(clerk, customer, (paper.id, "1", "25.00"))
    with pytest.raises(DomainError) as caught:
        clerk.orders.confirm(fresh.id, fresh.version)
    assert caught.value.msg_id == "credit.overdue_blocked"
    assert caught.value.params["overdue"] == "¥25.00"


def test_a_category_policy_applies_to_its_customers(
    backend: Database,
    clock: Clock,
    clerk,  # type: ignore[no-untyped-def]
) -> None:
    manager = services_for(backend, clock, Role.MANAGER, name="boss.zhao")
    manager.credit.set_policy(CreditMode.BLOCK)  # company default
    _customer, draft = _over_limit(clerk, CreditMode.WARN)  # the customer's own wins
    with pytest.raises(ConfirmRequired):
        clerk.orders.confirm(draft.id, draft.version)
    other = make_customer(clerk, "北京远方科技有限公司", limit=D(10))
    paper = make_product(clerk, "订书机", "50.00")
    order = make_order(clerk, other, (paper.id, "1", "50.00"))
    with pytest.raises(DomainError) as caught:
        clerk.orders.confirm(order.id, order.version)
    assert caught.value.msg_id == "credit.blocked"


@pytest.mark.pg
def test_two_clerks_confirming_at_once_cannot_both_spend_the_same_credit(
    pg_url: str, pg_db: Database, clock: Clock
) -> None:
    setup = services_for(pg_db, clock, Role.MANAGER, name="boss.zhao")
    customer = make_customer(setup, limit=D(1000))
    setup.credit.set_policy(CreditMode.BLOCK, customer_id=customer)
    paper = make_product(setup, price="100.00")
    drafts = [make_order(setup, customer, (paper.id, "6", "100.00")) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def clerk_confirms(index: int) -> None:
        database = open_database(pg_url)  # each clerk has their own connections
        try:
            clerk = services_for(database, clock, Role.CLERK, name=f"clerk{index}")
            draft = drafts[index]
            barrier.wait()
            try:
                clerk.orders.confirm(draft.id, draft.version)
                outcomes.append("confirmed")
            except DomainError as exc:
                outcomes.append(exc.msg_id)
        finally:
            database.dispose()

    threads = [threading.Thread(target=clerk_confirms, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(outcomes) == ["confirmed", "credit.blocked"]
    view = setup.credit.view(customer)
    assert view.undelivered == D(600)


def test_the_credit_check_runs_again_when_a_delivery_is_posted(
    clerk,
    backend: Database,  # type: ignore[no-untyped-def]
) -> None:
    manager = services_for(clerk.database, clerk.clock, Role.MANAGER, name="boss.zhao")
    customer = make_customer(clerk, limit=D(1000))
    manager.credit.set_policy(CreditMode.WARN, customer_id=customer)
    paper = make_product(clerk, price="100.00")
    first = make_order(clerk, customer, (paper.id, "6", "100.00"))
    first = clerk.orders.confirm(first.id, first.version)
    second = make_order(clerk, customer, (paper.id, "3", "100.00"))
    clerk.orders.confirm(second.id, second.version)
    third = make_order(clerk, customer, (paper.id, "2", "100.00"))
    clerk.orders.confirm(third.id, third.version, ack={"credit.warn"}, reason="大客户")
    # others now hold ¥500 of the ¥1,000: the first order's ¥600 no longer fits
    with pytest.raises(ConfirmRequired) as caught:
        clerk.orders.deliver(first.id, first.version)
    assert caught.value.params["shortfall"] == "¥100.00"
    done = clerk.orders.deliver(first.id, first.version, ack={"credit.warn"}, reason="已付定金")
    assert done.status is OrderStatus.DELIVERED
    assert [row[2] for row in _overrides(backend)] == ["大客户", "已付定金"]
