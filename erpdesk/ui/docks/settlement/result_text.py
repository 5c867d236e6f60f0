"""Plain-text summaries the wizard shows: the check before submitting and the result after it."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from erpdesk.domain.money import format_money
from erpdesk.domain.settlements import SettlementKind, SettlementStatus
from erpdesk.services.settlement_dto import SettlementDraft, SettlementPreview, SettlementView
from erpdesk.ui.docks.settlement import labels
from erpdesk.ui.docks.settlement.allocation_model import AllocationRow


def summary_text(
    draft: SettlementDraft,
    preview: SettlementPreview,
    customer: str,
    rows: Sequence[AllocationRow],
) -> str:
    """What submitting will do, line by line."""
    methods = labels.method_names()
    lines = [
        QCoreApplication.translate("SettlementSummary", "Customer: {0}").format(customer),
        QCoreApplication.translate("SettlementSummary", "Receipt: {0} on {1} by {2}").format(
            format_money(draft.amount),
            (draft.receipt_date.isoformat() if draft.receipt_date else ""),
            methods.get(draft.method, draft.method),
        ),
    ]
    if draft.reference:
        lines.append(
            QCoreApplication.translate("SettlementSummary", "Reference: {0}").format(
                draft.reference
            )
        )
    chosen = {a.item_id: a.amount for a in draft.allocations or ()}
    for row in rows:
        if row.item.id in chosen:
            lines.append(
                QCoreApplication.translate(
                    "SettlementSummary", "  settles {0}: {1} of {2} open"
                ).format(
                    row.item.doc_number,
                    format_money(chosen[row.item.id]),
                    format_money(row.item.open_amount),
                )
            )
    proposal = preview.proposal
    lines.append(
        QCoreApplication.translate("SettlementSummary", "Settled {0} · left as advance {1}").format(
            format_money(proposal.allocated), format_money(proposal.advance)
        )
    )
    lines.append(
        QCoreApplication.translate("SettlementSummary", "Balance before {0} · after {1}").format(
            format_money(preview.balance_before), format_money(preview.balance_after)
        )
    )
    lines.append(labels.kind_name(draft.kind))
    if draft.kind is SettlementKind.WITH_INVOICE:
        lines.append(
            QCoreApplication.translate("SettlementSummary", "Invoice numbers: {0}").format(
                ", ".join(draft.invoice_numbers)
            )
        )
    elif draft.voucher is not None:
        lines.append(
            QCoreApplication.translate("SettlementSummary", "Reason: {0}").format(
                draft.voucher.reason
            )
        )
        if draft.voucher.reference_docs:
            lines.append(
                QCoreApplication.translate("SettlementSummary", "Reference documents: {0}").format(
                    draft.voucher.reference_docs
                )
            )
        lines.append(
            QCoreApplication.translate("SettlementSummary", "An invoice is still expected")
            if draft.voucher.invoice_expected
            else QCoreApplication.translate("SettlementSummary", "No invoice will be issued")
        )
    return "\n".join(lines)


def approval_text(preview: SettlementPreview, amount: Decimal) -> str:
    """Whether submitting posts at once or waits for approval, and why."""
    if not preview.needs_approval:
        return QCoreApplication.translate(
            "SettlementSummary", "No approval needed: it posts when you submit."
        )
    reasons = (
        "· " + labels.message(reason, amount=format_money(amount))
        for reason in preview.approval_reasons
    )
    heading = QCoreApplication.translate(
        "SettlementSummary", "Needs approval by an accountant or manager (not you):"
    )
    return "\n".join((heading, *reasons))


def result_status(settlement: SettlementView) -> str:
    """The headline: posted, waiting for approval, rejected or reversed, with the number."""
    if settlement.status is SettlementStatus.POSTED:
        return QCoreApplication.translate("SettlementSummary", "Posted: settlement {0}").format(
            settlement.number
        )
    if settlement.status is SettlementStatus.PENDING_APPROVAL:
        return QCoreApplication.translate(
            "SettlementSummary", "Waiting for approval: settlement {0}"
        ).format(settlement.number)
    return QCoreApplication.translate("SettlementSummary", "{0}: settlement {1}").format(
        labels.status_name(settlement.status), settlement.number
    )


def result_details(settlement: SettlementView) -> str:
    """Numbers, amounts, invoice state and the approval decision."""
    lines = [
        QCoreApplication.translate("SettlementSummary", "Customer: {0}  {1}").format(
            settlement.customer_code, settlement.customer_name
        )
    ]
    if settlement.voucher_number:
        lines.append(
            QCoreApplication.translate("SettlementSummary", "Temporary voucher: {0}").format(
                settlement.voucher_number
            )
        )
    if settlement.receipt_number:
        lines.append(
            QCoreApplication.translate("SettlementSummary", "Receipt: {0}").format(
                settlement.receipt_number
            )
        )
    lines.append(
        QCoreApplication.translate(
            "SettlementSummary", "Amount {0} · settled {1} · advance {2}"
        ).format(
            format_money(settlement.amount),
            format_money(settlement.allocated),
            format_money(settlement.advance),
        )
    )
    for line in settlement.lines:
        lines.append(
            QCoreApplication.translate("SettlementSummary", "  {0}: {1} of {2} open").format(
                line.doc_number, format_money(line.amount), format_money(line.open_before)
            )
        )
    invoice = labels.invoice_status_name(settlement.invoice_status)
    if settlement.invoice_numbers:
        invoice += " · " + ", ".join(settlement.invoice_numbers)
    lines.append(QCoreApplication.translate("SettlementSummary", "Invoice: {0}").format(invoice))
    lines.append(
        QCoreApplication.translate("SettlementSummary", "Submitted by {0} at {1}").format(
            settlement.submitted_by, f"{settlement.submitted_at.astimezone():%Y-%m-%d %H:%M}"
        )
    )
    if settlement.decided_by:
        decided = (
            f"{settlement.decided_at.astimezone():%Y-%m-%d %H:%M}" if settlement.decided_at else ""
        )
        lines.append(
            QCoreApplication.translate("SettlementSummary", "Decided by {0} at {1}").format(
                settlement.decided_by, decided
            )
        )
    if settlement.decision_comment:
        lines.append(
            QCoreApplication.translate("SettlementSummary", "Comment: {0}").format(
                settlement.decision_comment
            )
        )
    return "\n".join(lines)
