"""The follow-up list and the steps after posting: invoices matched later, notices sent and confirmed,
next actions, overdue items, and reversal of a posted settlement restoring every balance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from order_support import make_customer
from settlement_support import (
    count_receipts,
    deliver,
    invoice,
    on_day,
    open_amount,
    people,
    voucher,
    with_invoice,
)
from sqlalchemy import select

from erpdesk.db.engine import Database
from erpdesk.db.models.receivable import Receipt
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.errors import DomainError
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.errors import ConflictError, PermissionDenied, ValidationError
from erpdesk.services.settlement_dto import FollowUpKind, InvoiceStatus, SettlementStatus

D = Decimal
SETTLEMENT_KINDS = frozenset(
    {
        FollowUpKind.AWAITING_APPROVAL,
        FollowUpKind.AWAITING_INVOICE,
        FollowUpKind.NOTICE_UNCONFIRMED,
    }
)


@pytest.fixture
def team(backend: Database, clock: Clock) -> dict[str, Services]:
    return people(backend, clock)


def _rows(services: Services, **kw: object) -> list[tuple[FollowUpKind, str]]:
    return [(r.kind, r.document) for r in services.settlements.follow_ups(**kw)]  # type: ignore[arg-type]


def test_a_voucher_is_followed_until_its_invoice_arrives(team: dict[str, Services]) -> None:
    acct, manager = team["acct"], team["manager"]
    customer = make_customer(team["clerk"])
    deliver(team["clerk"], customer, "113.00")
    view = acct.settlements.submit(voucher(customer, "113.00")).settlement
    rows = acct.settlements.follow_ups(kinds=SETTLEMENT_KINDS)
    assert [(r.kind, r.document, r.who, r.since, r.amount) for r in rows] == [
        (
            FollowUpKind.AWAITING_APPROVAL,
            "LS20250503-0001",
            "li.kuaiji",
            date(2025, 5, 3),
            D("113.00"),
        )
    ]  # waiting for its invoice too, but it is listed once: approval comes first
    manager.settlements.approve(view.id, "先过账，发票到后补")
    assert _rows(acct, kinds=SETTLEMENT_KINDS) == [
        (FollowUpKind.AWAITING_INVOICE, "LS20250503-0001")
    ]
    with pytest.raises(ValidationError) as unknown:
        acct.settlements.match_invoice(view.id, ("25312000000000000099",))
    assert unknown.value.fields["invoice_numbers"][0] == "settlements.invoice_not_found"
    invoice(acct, customer, "25312000000000000099")
    matched = acct.settlements.match_invoice(view.id, ("25312000000000000099",)).settlement
    assert matched.invoice_status is InvoiceStatus.INVOICED
    assert matched.invoice_numbers == ("25312000000000000099",)
    assert matched.status is SettlementStatus.POSTED  # the money did not move
    assert _rows(acct, kinds=SETTLEMENT_KINDS) == []  # the follow-up is gone
    with pytest.raises(DomainError) as twice:
        acct.settlements.match_invoice(view.id, ("25312000000000000099",))
    assert twice.value.msg_id == "settlements.already_invoiced"
    with pytest.raises(PermissionDenied):
        team["clerk"].settlements.match_invoice(view.id, ("1",))


def test_notices_next_actions_and_overdue_items(
    team: dict[str, Services], backend: Database
) -> None:
    acct = team["acct"]
    customer = make_customer(team["clerk"], terms=30)
    other = make_customer(team["clerk"], "北京远航科技有限公司", terms=0)
    overdue = deliver(team["clerk"], other, "40.00", on=date(2025, 4, 1))
    deliver(team["clerk"], customer, "300.00")  # not yet due
    invoice(acct, customer, "00012345", "300.00")
    view = acct.settlements.submit(with_invoice(customer, "100.00", "00012345")).settlement
    assert _rows(acct) == [(FollowUpKind.OVERDUE_ITEM, _doc(team, overdue))]
    item_row = acct.settlements.follow_ups()[0]
    assert (item_row.item_id, item_row.amount, item_row.since) == (
        overdue,
        D("40.00"),
        date(2025, 4, 1),
    )

    with pytest.raises(DomainError) as not_sent:
        acct.settlements.confirm_notice(view.id)
    assert not_sent.value.msg_id == "settlements.notice_not_sent"
    sent = acct.settlements.mark_notice_sent(view.id, date(2025, 5, 3)).settlement
    assert sent.notice_sent_on == date(2025, 5, 3)
    planned = acct.settlements.set_next_action(
        view.id, date(2025, 5, 6), "电话确认回执", seen_version=sent.version
    ).settlement
    with pytest.raises(ConflictError):
        acct.settlements.set_next_action(view.id, None, seen_version=sent.version)
    rows = acct.settlements.follow_ups(kinds=SETTLEMENT_KINDS)
    assert [(r.kind, r.document, r.since, r.next_action_on, r.note, r.who) for r in rows] == [
        (
            FollowUpKind.NOTICE_UNCONFIRMED,
            view.number,
            date(2025, 5, 3),
            date(2025, 5, 6),
            "电话确认回执",
            "li.kuaiji",
        )
    ]
    assert acct.settlements.follow_ups(customer_id=other, kinds=SETTLEMENT_KINDS) == ()
    with pytest.raises(ValidationError) as early:
        acct.settlements.confirm_notice(view.id, date(2025, 5, 2))
    assert early.value.fields["confirmed_on"][0] == "settlements.confirmed_before_sent"
    confirmed = acct.settlements.confirm_notice(
        view.id, date(2025, 5, 5), "客户盖章回传", seen_version=planned.version
    ).settlement
    assert (confirmed.notice_confirmed_on, confirmed.notice_note) == (
        date(2025, 5, 5),
        "客户盖章回传",
    )
    assert _rows(acct, kinds=SETTLEMENT_KINDS) == []
    # Overdue items come and go with the date they are looked at.
    assert _rows(acct, as_of=date(2025, 4, 1), kinds=frozenset({FollowUpKind.OVERDUE_ITEM})) == []
    with backend.engine.connect() as conn:
        steps = conn.execute(
            select(AuditLog.action).where(
                AuditLog.table_name == "settlement", AuditLog.row_pk == str(view.id)
            )
        ).all()
    assert len(steps) == 4  # submitted, notice sent, next action, confirmed


def _doc(team: dict[str, Services], item_id: int) -> str:
    rows = team["acct"].settlements.follow_ups(kinds=frozenset({FollowUpKind.OVERDUE_ITEM}))
    return next(r.document for r in rows if r.item_id == item_id)


def test_reversing_a_posted_settlement_restores_balances_exactly(
    team: dict[str, Services], backend: Database
) -> None:
    acct = team["acct"]
    customer = make_customer(team["clerk"])
    a = deliver(team["clerk"], customer, "100.00")
    b = deliver(team["clerk"], customer, "70.00")
    before = acct.receivables.balance(customer)
    view = acct.settlements.submit(voucher(customer, "200.00")).settlement
    view = team["manager"].settlements.approve(view.id).settlement
    later = deliver(team["clerk"], customer, "25.00")
    acct.receivables.allocate_advance(view.receipt_id or 0)  # 25 of the advance used later
    assert open_amount(backend, later) == D("0.00")

    with pytest.raises(DomainError) as direct:
        acct.receivables.reverse_receipt(view.receipt_id or 0, "绕过结算单")
    assert direct.value.msg_id == "settlements.reverse_the_settlement"
    with pytest.raises(PermissionDenied):
        team["clerk"].settlements.reverse(view.id, "退票")
    reverser = on_day(backend, 9, name="li.kuaiji")
    with pytest.raises(ValidationError):
        reverser.settlements.reverse(view.id, " ")
    reversed_ = reverser.settlements.reverse(view.id, "银行退票").settlement
    assert reversed_.status is SettlementStatus.REVERSED
    assert reversed_.reversed_on == date(2025, 5, 9)
    assert reversed_.reversal_receipt_number == "SK20250509-0001"
    assert reversed_.reversal_reason == "银行退票"
    after = acct.receivables.balance(customer)
    assert after.balance == before.balance + D("25.00")  # only the later delivery is new
    assert after.advances == D("0.00")
    assert [open_amount(backend, i) for i in (a, b, later)] == [
        D("100.00"),
        D("70.00"),
        D("25.00"),
    ]
    with backend.engine.connect() as conn:
        rows = conn.execute(
            select(Receipt.number, Receipt.receipt_date, Receipt.amount).order_by(Receipt.id)
        ).all()
    assert rows == [
        ("SK20250503-0001", date(2025, 5, 3), D("200.00")),  # the original stays as it was
        ("SK20250509-0001", date(2025, 5, 9), D("-200.00")),
    ]
    with pytest.raises(DomainError) as again:
        reverser.settlements.reverse(view.id, "again")
    assert again.value.msg_id == "settlements.not_posted"
    with pytest.raises(DomainError) as closed:
        acct.settlements.mark_notice_sent(view.id)
    assert closed.value.msg_id == "settlements.closed"
    pending = acct.settlements.submit(voucher(customer, "5.00")).settlement
    with pytest.raises(DomainError) as not_posted:
        reverser.settlements.reverse(pending.id, "x")
    assert not_posted.value.msg_id == "settlements.not_posted"
    assert count_receipts(backend) == 2
    with backend.engine.connect() as conn:
        last = conn.execute(
            select(AuditLog.app_user, AuditLog.action, AuditLog.new)
            .where(AuditLog.table_name == "settlement", AuditLog.row_pk == str(view.id))
            .order_by(AuditLog.id.desc())
            .limit(1)
        ).one()
    assert last[:2] == ("li.kuaiji", "update")
    assert '"status": "reversed"' in last[2]
    assert [v.status for v in acct.settlements.list_for_customer(customer)] == [
        SettlementStatus.PENDING_APPROVAL,
        SettlementStatus.REVERSED,
    ]
