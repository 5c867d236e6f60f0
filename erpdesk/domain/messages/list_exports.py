"""Messages of the list exports (issue 5): sheet names, column headers, order states and the words
written into cells; the CLI's complaints about options that do not fit the list.

Contacts use the contact import's own headers (``col.contacts.*``) so an exported file imports again;
only the customer name, which the importer ignores, is named here.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # sheets
    "list_export.sheet.orders": ("Orders", "销售订单"),
    "list_export.sheet.receipts": ("Receipts", "收款单"),
    "list_export.sheet.contacts": ("Contacts", "联系人"),
    "list_export.sheet.follow_ups": ("Follow-ups", "跟进事项"),
    "list_export.sheet.approvals": ("Awaiting approval", "待审批结算"),
    # orders
    "list_export.col.orders.number": ("Order number", "订单号"),
    "list_export.col.orders.order_date": ("Order date", "订单日期"),
    "list_export.col.orders.customer_code": ("Customer code", "客户编码"),
    "list_export.col.orders.customer_name": ("Customer name", "客户名称"),
    "list_export.col.orders.status": ("Status", "状态"),
    "list_export.col.orders.total": ("Amount", "金额"),
    "list_export.col.orders.delivered": ("Delivered amount", "已发货金额"),
    "list_export.col.orders.delivery_date": ("Delivery date", "交货日期"),
    "list_export.col.orders.salesperson": ("Salesperson", "业务员"),
    "list_export.order_status.draft": ("Draft", "草稿"),
    "list_export.order_status.pending": ("Pending approval", "待审批"),
    "list_export.order_status.confirmed": ("Confirmed", "已确认"),
    "list_export.order_status.partial": ("Partly delivered", "部分发货"),
    "list_export.order_status.delivered": ("Delivered", "已发货"),
    "list_export.order_status.completed": ("Completed", "已完成"),
    "list_export.order_status.cancelled": ("Cancelled", "已作废"),
    # receipts
    "list_export.col.receipts.number": ("Receipt number", "收款单号"),
    "list_export.col.receipts.receipt_date": ("Receipt date", "收款日期"),
    "list_export.col.receipts.customer_code": ("Customer code", "客户编码"),
    "list_export.col.receipts.customer_name": ("Customer name", "客户名称"),
    "list_export.col.receipts.amount": ("Amount", "收款金额"),
    "list_export.col.receipts.method": ("Payment method", "收款方式"),
    "list_export.col.receipts.reference": ("Reference", "参考号"),
    "list_export.col.receipts.allocated": ("Allocated", "已核销"),
    "list_export.col.receipts.advance": ("Advance left", "预收余额"),
    "list_export.col.receipts.reversed": ("Reversed", "已红冲"),
    "list_export.col.receipts.reverses": ("Reverses receipt", "红冲原单"),
    "list_export.col.receipts.settlement": ("Settlement number", "结算单号"),
    "list_export.col.receipts.voucher": ("Voucher number", "临时凭证号"),
    "list_export.col.receipts.state": ("State", "状态"),
    "list_export.col.receipts.notes": ("Notes", "备注"),
    "list_export.receipt_state.posted": ("Posted", "已入账"),
    "list_export.receipt_state.reversed": ("Reversed", "已红冲"),
    "list_export.receipt_state.reversal": ("Reversal", "红冲单"),
    # contacts (the other headers are the contact import's)
    "list_export.col.contacts.customer_name": ("Customer name", "客户名称"),
    # follow-ups
    "list_export.col.follow_ups.kind": ("Kind", "类型"),
    "list_export.col.follow_ups.customer_code": ("Customer code", "客户编码"),
    "list_export.col.follow_ups.customer_name": ("Customer name", "客户名称"),
    "list_export.col.follow_ups.document": ("Document", "单据号"),
    "list_export.col.follow_ups.amount": ("Amount", "金额"),
    "list_export.col.follow_ups.who": ("Who", "经办人"),
    "list_export.col.follow_ups.since": ("Since", "起始日期"),
    "list_export.col.follow_ups.next_action_on": ("Next action", "下次跟进"),
    "list_export.col.follow_ups.note": ("Note", "备注"),
    # settlements awaiting approval
    "list_export.col.approvals.number": ("Settlement number", "结算单号"),
    "list_export.col.approvals.voucher": ("Voucher number", "临时凭证号"),
    "list_export.col.approvals.receipt_date": ("Receipt date", "收款日期"),
    "list_export.col.approvals.customer_code": ("Customer code", "客户编码"),
    "list_export.col.approvals.customer_name": ("Customer name", "客户名称"),
    "list_export.col.approvals.amount": ("Amount", "金额"),
    "list_export.col.approvals.allocated": ("Allocated", "核销金额"),
    "list_export.col.approvals.advance": ("To the advance", "转预收"),
    "list_export.col.approvals.method": ("Payment method", "收款方式"),
    "list_export.col.approvals.kind": ("Kind", "类型"),
    "list_export.col.approvals.reasons": ("Why approval is needed", "审批原因"),
    "list_export.col.approvals.submitted_by": ("Submitted by", "提交人"),
    "list_export.col.approvals.submitted_on": ("Submitted on", "提交日期"),
    # cell words
    "list_export.yes": ("Yes", "是"),
    "list_export.no": ("No", "否"),
    # CLI
    "list_export.option_not_for": (
        "{option} does not apply to exporting {kind}.",
        "{option} 不适用于导出{kind}。",
    ),
}
