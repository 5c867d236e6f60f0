"""Settlements on a real database: preview, posting at submit, approval rules per role, rejection,
the threshold, vouchers without an invoice, and that nothing reaches the ledger before approval."""

from __future__ import annotations

from decimal import Decimal

import pytest
from order_support import make_customer
from settlement_support import (
    count_receipts,
    deliver,
    invoice,
    open_amount,
    people,
    set_threshold,
    voucher,
    with_invoice,
)
from sqlalchemy import select

from erpdesk.db.engine import Database
from erpdesk.db.models.system import AuditLog
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.errors import ConflictError, PermissionDenied, ValidationError
from erpdesk.services.receivables import AllocationInput
from erpdesk.services.settlement_dto import InvoiceStatus, SettlementKind, SettlementStatus

D = Decimal


@pytest.fixture
def team(backend: Database, clock: Clock) -> dict[str, Services]:
    return people(backend, clock)


def test_a_small_settlement_with_an_invoice_posts_at_submit(
    team: dict[str, Services], backend: Database
) -> None:
    acct = team["acct"]
    customer = make_customer(team["clerk"])
    older = deliver(team["clerk"], customer, "100.00")
    newer = deliver(team["clerk"], customer, "50.00")
    invoice(acct, customer, "25312000000000000001", "150.00")

    draft = with_invoice(customer, "120.00", "25312000000000000001", reference="工行 8832")
    preview = acct.settlements.preview(draft)
    assert [(a.item_id, a.amount) for a in preview.proposal.allocations] == [
        (older, D("100.00")),
        (newer, D("20.00")),
    ]
    assert (preview.balance_before, preview.balance_after) == (D("150.00"), D("30.00"))
    assert not preview.needs_approval
    assert preview.approval_reasons == ()
    assert count_receipts(backend) == 0  # a preview saves nothing

    result = acct.settlements.submit(draft)
    view = result.settlement
    assert view.number == "JS20250503-0001"
    assert view.voucher_number is None
    assert view.status is SettlementStatus.POSTED
    assert view.invoice_status is InvoiceStatus.INVOICED
    assert view.invoice_numbers == ("25312000000000000001",)
    assert view.receipt_number == "SK20250503-0001"
    assert [(line.doc_number, line.open_before, line.amount) for line in view.lines] == [
        (view.lines[0].doc_number, D("100.00"), D("100.00")),
        (view.lines[1].doc_number, D("50.00"), D("20.00")),
    ]
    assert (view.allocated, view.advance) == (D("120.00"), D("0.00"))
    assert (view.customer_contact, view.customer_phone) == ("张伟", "13812345678")
    assert view.customer_address == "上海市浦东新区世纪大道 100 号"
    assert result.changes["settlement"] == {str(view.id)}
    assert "receipt" in result.changes
    assert acct.receivables.balance(customer).balance == D("30.00")
    assert open_amount(backend, newer) == D("30.00")


def test_settlement_field_errors_save_nothing(team: dict[str, Services], backend: Database) -> None:
    acct = team["acct"]
    customer = make_customer(team["clerk"])
    deliver(team["clerk"], customer, "100.00")
    invoice(acct, customer, "00012345")
    cases = [
        (with_invoice(customer, "10.00"), "invoice_numbers", "settlements.invoice_required"),
        (
            with_invoice(customer, "10.00", "99999999"),
            "invoice_numbers",
            "settlements.invoice_not_found",
        ),
        (with_invoice(customer, "0", "00012345"), "amount", "receivables.amount_not_positive"),
        (
            with_invoice(customer, "10.00", "00012345", method="bitcoin"),
            "method",
            "receivables.bad_method",
        ),
        (
            with_invoice(customer, "10.00", "00012345", notes="备" * 201),
            "notes",
            "settlements.too_long",
        ),
    ]
    for draft, field, msg_id in cases:
        with pytest.raises(ValidationError) as caught:
            acct.settlements.submit(draft)
        assert caught.value.fields[field][0] == msg_id, field
    no_reason = voucher(customer, "10.00")
    no_reason = type(no_reason)(
        customer_id=customer, amount=D("10.00"), kind=SettlementKind.WITHOUT_INVOICE
    )
    with pytest.raises(ValidationError) as caught:
        acct.settlements.submit(no_reason)
    assert caught.value.fields["voucher.reason"][0] == "settlements.voucher_reason_required"
    with pytest.raises(DomainError) as over:
        acct.settlements.submit(
            with_invoice(
                customer,
                "10.00",
                "00012345",
                allocations=(AllocationInput(item_id=999999, amount=D("5.00")),),
            )
        )
    assert over.value.msg_id == "receivables.item_not_open"
    assert acct.settlements.list_for_customer(customer) == ()
    assert count_receipts(backend) == 0


def test_above_the_threshold_it_waits_for_approval_and_only_then_posts(
    team: dict[str, Services], backend: Database
) -> None:
    acct, acct2 = team["acct"], team["acct2"]
    set_threshold(team["admin"], "500.00")
    customer = make_customer(team["clerk"])
    item = deliver(team["clerk"], customer, "800.00")
    invoice(acct, customer, "00012345", "800.00")

    at_threshold = acct.settlements.preview(with_invoice(customer, "500.00", "00012345"))
    assert not at_threshold.needs_approval  # "above" the threshold: 500.00 itself posts
    draft = with_invoice(customer, "600.00", "00012345")
    preview = acct.settlements.preview(draft)
    assert preview.approval_reasons == ("settlements.reason_threshold",)
    pending = acct.settlements.submit(draft).settlement
    assert pending.status is SettlementStatus.PENDING_APPROVAL
    assert pending.receipt_id is None
    assert [(line.item_id, line.amount) for line in pending.lines] == [(item, D("600.00"))]
    # A pending settlement leaves every balance untouched.
    assert acct.receivables.balance(customer).balance == D("800.00")
    assert open_amount(backend, item) == D("800.00")
    assert count_receipts(backend) == 0
    assert [v.id for v in acct2.settlements.pending_approvals()] == [pending.id]

    with pytest.raises(ConflictError):
        acct2.settlements.approve(pending.id, seen_version=pending.version + 1)
    posted = acct2.settlements.approve(pending.id, "核对银行回单无误", seen_version=pending.version)
    view = posted.settlement
    assert view.status is SettlementStatus.POSTED
    assert (view.decided_by, view.decision_comment) == ("zhao.kuaiji", "核对银行回单无误")
    assert view.receipt_number == "SK20250503-0001"
    assert acct.receivables.balance(customer).balance == D("200.00")
    assert open_amount(backend, item) == D("200.00")
    assert acct2.settlements.pending_approvals() == ()
    with pytest.raises(DomainError) as again:
        team["manager"].settlements.approve(pending.id)
    assert again.value.msg_id == "settlements.not_pending"
    with backend.engine.connect() as conn:
        steps = conn.execute(
            select(AuditLog.app_user, AuditLog.action, AuditLog.new)
            .where(AuditLog.table_name == "settlement", AuditLog.row_pk == str(pending.id))
            .order_by(AuditLog.id)
        ).all()
    assert [(who, action) for who, action, _new in steps] == [
        ("li.kuaiji", "insert"),
        ("zhao.kuaiji", "update"),  # approved
        ("zhao.kuaiji", "update"),  # posted
    ]
    assert '"status": "approved"' in steps[1][2]
    assert '"status": "posted"' in steps[2][2]


def test_approval_rules_per_role_and_nobody_decides_their_own(
    team: dict[str, Services], backend: Database
) -> None:
    acct, manager = team["acct"], team["manager"]
    customer = make_customer(team["clerk"])
    deliver(team["clerk"], customer, "100.00")
    first = acct.settlements.submit(voucher(customer, "10.00")).settlement
    second = acct.settlements.submit(voucher(customer, "20.00")).settlement
    by_manager = manager.settlements.submit(voucher(customer, "30.00")).settlement

    for who in ("clerk", "admin"):
        with pytest.raises(PermissionDenied):
            team[who].settlements.approve(first.id)
        with pytest.raises(PermissionDenied):
            team[who].settlements.reject(first.id, "不同意")
    with pytest.raises(PermissionDenied):
        team["clerk"].settlements.submit(voucher(customer, "10.00"))
    for decide in (
        lambda: acct.settlements.approve(first.id),
        lambda: acct.settlements.reject(first.id, "自己驳回"),
        lambda: manager.settlements.approve(by_manager.id),
    ):
        with pytest.raises(DomainError) as caught:
            decide()
        assert caught.value.msg_id == "settlements.self_approval"
    text = render(caught.value.msg_id, "zh_CN", **caught.value.params)
    assert "chen.jingli" in text
    assert by_manager.number in text
    assert acct.receivables.balance(customer).balance == D("100.00")

    assert manager.settlements.approve(first.id).settlement.status is SettlementStatus.POSTED
    assert team["acct2"].settlements.approve(by_manager.id).settlement.status is (
        SettlementStatus.POSTED
    )
    assert acct.receivables.balance(customer).balance == D("60.00")

    with pytest.raises(ValidationError) as caught_comment:
        manager.settlements.reject(second.id, "  ")
    assert caught_comment.value.fields["comment"][0] == "settlements.comment_required"
    rejected = manager.settlements.reject(second.id, "金额与银行流水不符").settlement
    assert rejected.status is SettlementStatus.REJECTED
    assert rejected.decision_comment == "金额与银行流水不符"
    assert rejected.receipt_id is None
    assert acct.receivables.balance(customer).balance == D("60.00")  # rejection posts nothing
    assert count_receipts(backend) == 2
    with pytest.raises(DomainError) as late:
        team["acct2"].settlements.approve(second.id)
    assert late.value.msg_id == "settlements.not_pending"
    with backend.engine.connect() as conn:
        refused = conn.execute(
            select(AuditLog.app_user, AuditLog.row_pk).where(
                AuditLog.table_name == "permission", AuditLog.action == "denied"
            )
        ).all()
    assert ("wang.li", "settlement.approve") in refused
    assert ("admin", "settlement.approve") in refused


def test_a_voucher_always_needs_approval_and_has_its_own_number(
    team: dict[str, Services], backend: Database
) -> None:
    acct = team["acct"]
    customer = make_customer(team["clerk"])
    item = deliver(team["clerk"], customer, "100.00")
    preview = acct.settlements.preview(voucher(customer, "150.00"))
    assert preview.approval_reasons == ("settlements.reason_voucher",)
    assert preview.proposal.advance == D("50.00")
    view = acct.settlements.submit(voucher(customer, "150.00", reference="微信 0503")).settlement
    assert view.number == "JS20250503-0001"
    assert view.voucher_number == "LS20250503-0001"
    assert view.kind is SettlementKind.WITHOUT_INVOICE
    assert view.invoice_status is InvoiceStatus.AWAITING
    assert (view.voucher_reason, view.reference_docs) == ("客户先付款，发票下月开", "HT-2025-018")
    assert view.status is SettlementStatus.PENDING_APPROVAL
    assert view.approval_reasons == ("settlements.reason_voucher",)
    second = acct.settlements.submit(voucher(customer, "1.00", expected=False)).settlement
    assert (second.number, second.voucher_number) == ("JS20250503-0002", "LS20250503-0002")
    assert second.invoice_status is InvoiceStatus.NOT_EXPECTED

    posted = team["manager"].settlements.approve(view.id).settlement
    assert (posted.allocated, posted.advance) == (D("100.00"), D("50.00"))
    assert open_amount(backend, item) == D("0.00")
    balance = acct.receivables.balance(customer)
    assert (balance.open_items, balance.advances, balance.balance) == (D(0), D(50), D(-50))


def test_an_item_paid_by_someone_else_before_approval_is_a_conflict(
    team: dict[str, Services], backend: Database
) -> None:
    acct = team["acct"]
    customer = make_customer(team["clerk"])
    item = deliver(team["clerk"], customer, "100.00")
    first = acct.settlements.submit(voucher(customer, "80.00")).settlement
    acct.settlements.submit(voucher(customer, "60.00"))
    second = acct.settlements.pending_approvals()[-1]
    assert [line.amount for line in second.lines] == [D("60.00")]  # planned on 100 open
    team["manager"].settlements.approve(first.id)
    with pytest.raises(ConflictError) as caught:
        team["manager"].settlements.approve(second.id)
    assert caught.value.msg_id == "settlements.item_taken"
    assert caught.value.params["number"] == second.number
    assert open_amount(backend, item) == D("20.00")
    assert acct.settlements.get(second.id).status is SettlementStatus.PENDING_APPROVAL
    assert count_receipts(backend) == 1
