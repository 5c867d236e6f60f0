"""Settlement rules without a database: when approval is needed, who may decide, which state changes
are allowed, and the invoice state a new settlement starts in."""

from __future__ import annotations

from decimal import Decimal

import pytest

from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import CATALOGUE
from erpdesk.domain.settlements import (
    DEFAULT_THRESHOLD,
    InvoiceStatus,
    SettlementKind,
    SettlementStatus,
    approval_reasons,
    check_decision,
    check_invoice_match,
    check_reversible,
    initial_invoice_status,
)

D = Decimal
WITH, WITHOUT = SettlementKind.WITH_INVOICE, SettlementKind.WITHOUT_INVOICE


@pytest.mark.parametrize(
    ("kind", "amount", "threshold", "expected"),
    [
        (WITH, "49999.99", "50000.00", ()),
        (WITH, "50000.00", "50000.00", ()),  # "above" the threshold, not at it
        (WITH, "50000.01", "50000.00", ("settlements.reason_threshold",)),
        (WITHOUT, "0.01", "50000.00", ("settlements.reason_voucher",)),
        (
            WITHOUT,
            "60000.00",
            "50000.00",
            ("settlements.reason_voucher", "settlements.reason_threshold"),
        ),
        (WITH, "0.01", "0.00", ("settlements.reason_threshold",)),  # threshold 0: everything
    ],
)
def test_approval_reasons(
    kind: SettlementKind, amount: str, threshold: str, expected: tuple[str, ...]
) -> None:
    reasons = approval_reasons(kind, D(amount), D(threshold))
    assert reasons == expected
    assert all(r in CATALOGUE for r in reasons)


def test_default_threshold_is_fifty_thousand_yuan() -> None:
    assert D("50000.00") == DEFAULT_THRESHOLD


def test_only_a_pending_settlement_is_decided_and_never_by_its_submitter() -> None:
    check_decision(
        SettlementStatus.PENDING_APPROVAL, submitted_by="li.kuaiji", decided_by="chen", number="JS1"
    )
    with pytest.raises(DomainError) as own:
        check_decision(
            SettlementStatus.PENDING_APPROVAL,
            submitted_by="Li.Kuaiji",
            decided_by="li.kuaiji",
            number="JS1",
        )
    assert own.value.msg_id == "settlements.self_approval"
    for status in (SettlementStatus.POSTED, SettlementStatus.REJECTED, SettlementStatus.REVERSED):
        with pytest.raises(DomainError) as caught:
            check_decision(status, submitted_by="a", decided_by="b", number="JS1")
        assert caught.value.msg_id == "settlements.not_pending"


def test_only_a_posted_settlement_is_reversed() -> None:
    check_reversible(SettlementStatus.POSTED, number="JS1")
    for status in set(SettlementStatus) - {SettlementStatus.POSTED}:
        with pytest.raises(DomainError):
            check_reversible(status, number="JS1")


def test_invoice_states() -> None:
    assert initial_invoice_status(WITH, False) is InvoiceStatus.INVOICED
    assert initial_invoice_status(WITHOUT, True) is InvoiceStatus.AWAITING
    assert initial_invoice_status(WITHOUT, False) is InvoiceStatus.NOT_EXPECTED
    check_invoice_match(SettlementStatus.POSTED, InvoiceStatus.AWAITING, number="JS1")
    check_invoice_match(SettlementStatus.PENDING_APPROVAL, InvoiceStatus.NOT_EXPECTED, number="JS1")
    with pytest.raises(DomainError) as done:
        check_invoice_match(SettlementStatus.POSTED, InvoiceStatus.INVOICED, number="JS1")
    assert done.value.msg_id == "settlements.already_invoiced"
    with pytest.raises(DomainError) as closed:
        check_invoice_match(SettlementStatus.REVERSED, InvoiceStatus.AWAITING, number="JS1")
    assert closed.value.msg_id == "settlements.closed"


def test_every_state_kind_and_follow_up_has_a_label() -> None:
    from erpdesk.domain.settlements import FollowUpKind

    for prefix, values in (
        ("settlements.status.", SettlementStatus),
        ("settlements.kind.", SettlementKind),
        ("settlements.invoice.", InvoiceStatus),
        ("settlements.followup.", FollowUpKind),
    ):
        for value in values:
            assert prefix + value.value in CATALOGUE
