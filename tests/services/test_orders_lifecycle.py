"""Order lifecycle on a real database: drafts, confirm, deliveries and stock, reversal, reopen, cancel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from order_support import make_customer, make_order, make_product, services_for
from sqlalchemy import select

from erpdesk.db.engine import Database
from erpdesk.db.models.order import ReceivableItem
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.errors import DomainError
from erpdesk.domain.orders import OrderStatus
from erpdesk.domain.permissions import Role
from erpdesk.services.context import Clock
from erpdesk.services.errors import ConflictError, PermissionDenied, ValidationError
from erpdesk.services.order_dto import DeliveryLineInput, OrderFilter, OrderInput, OrderLineInput

D = Decimal


@pytest.fixture
def clerk(backend: Database, clock: Clock):  # type: ignore[no-untyped-def]
    return services_for(backend, clock, Role.CLERK, name="wang.li")


def test_a_draft_gets_a_daily_number_and_the_customers_details(clerk) -> None:  # type: ignore[no-untyped-def]
    customer = make_customer(clerk, terms=45)
    paper = make_product(clerk)
    first = make_order(clerk, customer, (paper.id, "2", "25.00"))
    second = make_order(clerk, customer, (paper.id, "1", "25.00"))
    assert first.number == "XS20250503-0001"
    assert second.number == "XS20250503-0002"
    detail = clerk.orders.get(first.id)
    assert detail.status is OrderStatus.DRAFT
    assert detail.contact == "张伟"
    assert detail.phone == "13812345678"
    assert detail.address.endswith("世纪大道 100 号")
    assert detail.payment_terms_days == 45
    assert detail.total == D("50.00")
    assert detail.tax == D("5.75")


def test_saving_a_draft_again_replaces_its_lines_and_checks_the_version(clerk) -> None:  # type: ignore[no-untyped-def]
    customer = make_customer(clerk)
    paper, pen = make_product(clerk), make_product(clerk, "中性笔", "2.50")
    saved = make_order(clerk, customer, (paper.id, "2", "25.00"))
    edit = OrderInput(
        id=saved.id,
        version=saved.version,
        customer_id=customer,
        lines=(
            OrderLineInput(product_id=pen.id, qty=D(10), unit_price=D("2.50"), discount_pct=D(10)),
        ),
    )
    again = clerk.orders.save(edit)
    detail = clerk.orders.get(saved.id)
    assert [line.product_name for line in detail.lines] == ["中性笔"]
    assert detail.total == D("22.50")
    assert again.number == saved.number
    with pytest.raises(ConflictError):
        clerk.orders.save(edit)  # the old version


def test_an_order_needs_a_customer_and_lines(clerk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        clerk.orders.save(OrderInput(customer_id=None))
    with pytest.raises(ValidationError):
        clerk.orders.save(OrderInput(customer_id=make_customer(clerk)))


def test_delivery_reduces_stock_and_posts_a_receivable_due_after_the_terms(
    clerk,
    backend: Database,  # type: ignore[no-untyped-def]
) -> None:
    customer = make_customer(clerk, terms=30)
    paper = make_product(clerk, stock="100")
    order = make_order(clerk, customer, (paper.id, "3", "25.00"))
    order = clerk.orders.confirm(order.id, order.version)
    detail = clerk.orders.get(order.id)
    line = detail.lines[0]
    order = clerk.orders.deliver(
        order.id, order.version, [DeliveryLineInput(order_line_id=line.id, qty=D(1))]
    )
    assert order.status is OrderStatus.PARTIAL
    assert clerk.products.get(paper.id).stock == D(99)
    order = clerk.orders.deliver(order.id, order.version)  # the rest
    assert order.status is OrderStatus.DELIVERED
    assert clerk.products.get(paper.id).stock == D(97)
    with backend.engine.connect() as conn:
        items = conn.execute(
            select(
                ReceivableItem.amount, ReceivableItem.due_date, ReceivableItem.open_amount
            ).order_by(ReceivableItem.id)
        ).all()
    assert [(a, due) for a, due, _o in items] == [
        (D("25.00"), date(2025, 6, 2)),
        (D("50.00"), date(2025, 6, 2)),
    ]
    view = clerk.credit.view(customer)
    assert view.open_receivables == D("75.00")
    assert view.undelivered == D("0.00")


def test_delivering_more_than_ordered_is_refused(clerk) -> None:  # type: ignore[no-untyped-def]
    customer = make_customer(clerk)
    paper = make_product(clerk)
    order = make_order(clerk, customer, (paper.id, "2", "25.00"))
    order = clerk.orders.confirm(order.id, order.version)
    line = clerk.orders.get(order.id).lines[0]
    with pytest.raises(DomainError) as caught:
        clerk.orders.deliver(
            order.id, order.version, [DeliveryLineInput(order_line_id=line.id, qty=D(3))]
        )
    assert caught.value.msg_id == "order.deliver_too_much"


def test_a_draft_cannot_be_delivered_and_a_confirmed_order_cannot_be_edited(clerk) -> None:  # type: ignore[no-untyped-def]
    customer = make_customer(clerk)
    paper = make_product(clerk)
    order = make_order(clerk, customer, (paper.id, "2", "25.00"))
    with pytest.raises(DomainError) as caught:
        clerk.orders.deliver(order.id, order.version)
    assert caught.value.msg_id == "order.transition_refused"
    order = clerk.orders.confirm(order.id, order.version)
    with pytest.raises(DomainError) as caught:
        clerk.orders.save(
            OrderInput(
                id=order.id,
                version=order.version,
                customer_id=customer,
                lines=(OrderLineInput(product_id=paper.id, qty=D(9), unit_price=D(1)),),
            )
        )
    assert caught.value.msg_id == "order.not_editable"


def test_only_a_manager_reopens_and_never_after_a_delivery(
    backend: Database,
    clock: Clock,
    clerk,  # type: ignore[no-untyped-def]
) -> None:
    manager = services_for(backend, clock, Role.MANAGER, name="boss.zhao")
    customer = make_customer(clerk)
    paper = make_product(clerk)
    order = make_order(clerk, customer, (paper.id, "2", "25.00"))
    order = clerk.orders.confirm(order.id, order.version)
    with pytest.raises(PermissionDenied):
        clerk.orders.reopen(order.id, order.version, "客户改数量")
    order = manager.orders.reopen(order.id, order.version, "客户改数量")
    assert order.status is OrderStatus.DRAFT
    order = clerk.orders.confirm(order.id, order.version)
    line = clerk.orders.get(order.id).lines[0]
    order = clerk.orders.deliver(
        order.id, order.version, [DeliveryLineInput(order_line_id=line.id, qty=D(1))]
    )
    with pytest.raises(DomainError) as caught:
        manager.orders.reopen(order.id, order.version, "again")
    assert caught.value.msg_id == "order.transition_refused"
    with pytest.raises(DomainError):
        clerk.orders.cancel(order.id, order.version, "不要了")


def test_cancel_keeps_the_number_and_needs_a_reason(clerk) -> None:  # type: ignore[no-untyped-def]
    customer = make_customer(clerk)
    paper = make_product(clerk)
    order = make_order(clerk, customer, (paper.id, "2", "25.00"))
    with pytest.raises(ValidationError):
        clerk.orders.cancel(order.id, order.version, " ")
    cancelled = clerk.orders.cancel(order.id, order.version, "客户取消")
    assert cancelled.status is OrderStatus.CANCELLED
    assert cancelled.number == order.number
    with pytest.raises(DomainError):
        clerk.orders.confirm(cancelled.id, cancelled.version)


def test_reversing_a_delivery_adds_a_negative_one_and_keeps_the_original(
    clerk,
    backend: Database,  # type: ignore[no-untyped-def]
) -> None:
    customer = make_customer(clerk)
    paper = make_product(clerk, stock="10")
    order = make_order(clerk, customer, (paper.id, "4", "25.00"))
    order = clerk.orders.confirm(order.id, order.version)
    order = clerk.orders.deliver(order.id, order.version)
    delivery = clerk.orders.get(order.id).deliveries[0]
    with pytest.raises(PermissionDenied):
        clerk.orders.reverse_delivery(delivery.id, "送错货")
    accountant = services_for(backend, clerk.clock, Role.ACCOUNTANT, name="li.kuaiji")
    order = accountant.orders.reverse_delivery(delivery.id, "送错货")
    detail = clerk.orders.get(order.id)
    assert detail.status is OrderStatus.CONFIRMED
    assert detail.delivered == D("0.00")
    assert [d.amount for d in detail.deliveries] == [D("100.00"), D("-100.00")]
    assert detail.deliveries[1].reverses_id == delivery.id
    assert clerk.products.get(paper.id).stock == D(10)
    assert clerk.credit.view(customer).open_receivables == D("0.00")
    with pytest.raises(DomainError) as caught:
        accountant.orders.reverse_delivery(delivery.id, "again")
    assert caught.value.msg_id == "order.delivery_reversed"


def test_completed_orders_are_read_only_and_closing_is_for_managers(
    backend: Database,
    clock: Clock,
    clerk,  # type: ignore[no-untyped-def]
) -> None:
    manager = services_for(backend, clock, Role.MANAGER, name="boss.zhao")
    customer = make_customer(clerk)
    paper = make_product(clerk)
    order = make_order(clerk, customer, (paper.id, "1", "25.00"))
    order = clerk.orders.deliver(*_confirmed(clerk, order))
    with pytest.raises(PermissionDenied):
        clerk.orders.complete(order.id, order.version, "已结清")
    order = manager.orders.complete(order.id, order.version, "已结清")
    assert order.status is OrderStatus.COMPLETED
    with pytest.raises(DomainError):
        manager.orders.reopen(order.id, order.version, "x")


def test_every_change_is_audited(clerk, backend: Database) -> None:  # type: ignore[no-untyped-def]
    customer = make_customer(clerk)
    paper = make_product(clerk)
    order = make_order(clerk, customer, (paper.id, "1", "25.00"))
    clerk.orders.deliver(*_confirmed(clerk, order))
    with backend.engine.connect() as conn:
        tables = set(
            conn.execute(
                select(AuditLog.table_name).where(AuditLog.app_user == "wang.li")
            ).scalars()
        )
    assert {"sales_order", "sales_order_line", "delivery", "receivable_item"} <= tables


def test_the_list_filters_by_customer_status_and_date_newest_first(clerk) -> None:  # type: ignore[no-untyped-def]
    one, two = make_customer(clerk), make_customer(clerk, "北京远方科技有限公司")
    paper = make_product(clerk)
    a = make_order(clerk, one, (paper.id, "1", "25.00"))
    b = make_order(clerk, two, (paper.id, "1", "25.00"))
    c = make_order(clerk, one, (paper.id, "1", "25.00"))
    clerk.orders.confirm(c.id, c.version)
    assert list(clerk.orders.search_ids()) == [c.id, b.id, a.id]
    assert list(clerk.orders.search_ids(OrderFilter(customer_id=one))) == [c.id, a.id]
    confirmed = OrderFilter(status=OrderStatus.CONFIRMED)
    assert list(clerk.orders.search_ids(confirmed)) == [c.id]
    later = OrderFilter(date_from=date(2025, 5, 4))
    assert list(clerk.orders.search_ids(later)) == []
    rows = clerk.orders.rows([a.id, c.id])
    assert rows[c.id].status is OrderStatus.CONFIRMED
    assert rows[a.id].customer_name == "上海华鑫贸易有限公司"
    totals = clerk.orders.customer_totals(one)
    assert totals.orders == 2
    assert totals.undelivered == D("25.00")


def _confirmed(services, order):  # type: ignore[no-untyped-def]
    done = services.orders.confirm(order.id, order.version)
    return done.id, done.version


def test_demo_orders_cover_every_state_and_new_numbers_do_not_collide(
    backend: Database,
    clock: Clock,
    clerk,  # type: ignore[no-untyped-def]
) -> None:
    from datetime import UTC, datetime

    from erpdesk.services.order_demo import seed_orders

    for name in ("上海华鑫贸易有限公司", "北京远方科技有限公司", "广州南方电子有限公司"):
        make_customer(clerk, name)
    now = datetime(2025, 5, 3, 1, 30, tzinfo=UTC)
    count, _seconds = seed_orders(backend, 400, products=20, now=now)
    assert count == 400
    ids = clerk.orders.search_ids()
    statuses = {row.status for row in clerk.orders.rows(list(ids)).values()}
    assert statuses == set(OrderStatus)
    paper = make_product(clerk)  # numbered after the demo products
    assert paper.code == "SP00021"
    fresh = make_order(clerk, clerk.orders.rows([ids[0]])[ids[0]].customer_id, (paper.id, "1", "5"))
    assert fresh.number not in {row.number for row in clerk.orders.rows(list(ids)).values()}
    done = clerk.orders.deliver(*_confirmed(clerk, fresh))
    assert done.status is OrderStatus.DELIVERED
