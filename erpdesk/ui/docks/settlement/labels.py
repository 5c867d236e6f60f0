"""Translated names the settlement dock shows for methods, kinds, states and follow-up kinds.

Built when asked (never at import), so they follow the language installed at that moment.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from erpdesk.domain.messages import render
from erpdesk.domain.receivables import ReceiptMethod
from erpdesk.domain.settlements import (
    FollowUpKind,
    InvoiceStatus,
    SettlementKind,
    SettlementStatus,
)
from erpdesk.ui.i18n import current_language


def method_names() -> dict[str, str]:
    """Receipt method value → name, in the order the method box lists them."""
    return {
        ReceiptMethod.BANK_TRANSFER.value: QCoreApplication.translate(
            "SettlementLabels", "Bank transfer"
        ),
        ReceiptMethod.CASH.value: QCoreApplication.translate("SettlementLabels", "Cash"),
        ReceiptMethod.WECHAT.value: QCoreApplication.translate("SettlementLabels", "WeChat Pay"),
        ReceiptMethod.ALIPAY.value: QCoreApplication.translate("SettlementLabels", "Alipay"),
        ReceiptMethod.CHEQUE.value: QCoreApplication.translate(
            "SettlementLabels", "Cheque / bank acceptance"
        ),
        ReceiptMethod.OTHER.value: QCoreApplication.translate("SettlementLabels", "Other"),
    }


def kind_name(kind: SettlementKind) -> str:
    if kind is SettlementKind.WITH_INVOICE:
        return QCoreApplication.translate("SettlementLabels", "With invoice")
    return QCoreApplication.translate("SettlementLabels", "Without invoice (temporary voucher)")


def status_name(status: SettlementStatus) -> str:
    return {
        SettlementStatus.PENDING_APPROVAL: QCoreApplication.translate(
            "SettlementLabels", "Waiting for approval"
        ),
        SettlementStatus.APPROVED: QCoreApplication.translate("SettlementLabels", "Approved"),
        SettlementStatus.REJECTED: QCoreApplication.translate("SettlementLabels", "Rejected"),
        SettlementStatus.POSTED: QCoreApplication.translate("SettlementLabels", "Posted"),
        SettlementStatus.REVERSED: QCoreApplication.translate("SettlementLabels", "Reversed"),
    }[status]


def invoice_status_name(status: InvoiceStatus) -> str:
    return {
        InvoiceStatus.INVOICED: QCoreApplication.translate("SettlementLabels", "Invoiced"),
        InvoiceStatus.AWAITING: QCoreApplication.translate(
            "SettlementLabels", "No invoice yet, one is expected"
        ),
        InvoiceStatus.NOT_EXPECTED: QCoreApplication.translate("SettlementLabels", "No invoice"),
    }[status]


def follow_up_name(kind: FollowUpKind) -> str:
    return {
        FollowUpKind.AWAITING_APPROVAL: QCoreApplication.translate(
            "SettlementLabels", "Awaiting approval"
        ),
        FollowUpKind.AWAITING_INVOICE: QCoreApplication.translate(
            "SettlementLabels", "Awaiting invoice"
        ),
        FollowUpKind.NOTICE_UNCONFIRMED: QCoreApplication.translate(
            "SettlementLabels", "Notice not confirmed"
        ),
        FollowUpKind.OVERDUE_ITEM: QCoreApplication.translate("SettlementLabels", "Overdue item"),
    }[kind]


def voucher_reasons() -> list[str]:
    """Reasons offered for a settlement without an invoice (the clerk may type another)."""
    return [
        QCoreApplication.translate("SettlementLabels", "Customer needs no invoice"),
        QCoreApplication.translate("SettlementLabels", "Invoice to follow"),
        QCoreApplication.translate("SettlementLabels", "Small sundry amount"),
    ]


def message(msg_id: str, **params: Any) -> str:
    """A service message id (approval reasons) in the UI language; an id needing parameters it was not
    given shows as the id rather than failing."""
    try:
        return render(msg_id, current_language(), **params)
    except (KeyError, IndexError):
        return msg_id
