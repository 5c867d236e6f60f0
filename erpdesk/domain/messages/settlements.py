"""Messages of settlements (结算, issue 7): approval reasons, refusals, field errors, state labels and
the ``erpdesk settlement`` command's output."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # why approval is needed (SettlementPreview.approval_reasons)
    "settlements.reason_voucher": (
        "Without an invoice: the temporary voucher needs approval.",
        "无发票：临时凭证需要审批。",
    ),
    "settlements.reason_threshold": (
        "The amount is above the approval threshold.",
        "金额超过审批限额。",
    ),
    # refusals
    "settlements.not_found": ("No settlement with id {id}.", "找不到结算单（编号 {id}）。"),
    "settlements.number_not_found": (
        "No settlement or voucher {number}.",
        "找不到结算单或临时凭证 {number}。",
    ),
    "settlements.changed": (
        "Settlement {number} was changed by someone else; reload it and try again.",
        "结算单 {number} 已被他人修改，请刷新后重试。",
    ),
    "settlements.not_pending": (
        "Settlement {number} is {status}; only a settlement awaiting approval can be decided.",
        "结算单 {number} 当前状态为 {status}，只有待审批的结算单才能审批。",
    ),
    "settlements.self_approval": (
        "{user} submitted settlement {number} and cannot approve or reject it; "
        "another accountant or manager must decide.",
        "{user} 是结算单 {number} 的提交人，不能自己审批，请由其他会计或经理审批。",
    ),
    "settlements.not_posted": (
        "Settlement {number} is {status}; only a posted settlement can be reversed.",
        "结算单 {number} 当前状态为 {status}，只有已过账的结算单才能红冲。",
    ),
    "settlements.closed": (
        "Settlement {number} is {status} and can no longer be followed up.",
        "结算单 {number} 当前状态为 {status}，不能再跟进。",
    ),
    "settlements.already_invoiced": (
        "Settlement {number} is already invoiced.",
        "结算单 {number} 已开票。",
    ),
    "settlements.reverse_the_settlement": (
        "This receipt belongs to settlement {number}; reverse the settlement instead.",
        "该收款单属于结算单 {number}，请红冲结算单。",
    ),
    "settlements.item_taken": (
        "Settlement {number} cannot be posted: item {item} has only {open} open now. "
        "Reject it and submit it again.",
        "结算单 {number} 无法过账：单据 {item} 现在只剩 {open} 未收。请驳回后重新提交。",
    ),
    "settlements.notice_not_sent": (
        "No notice was sent for settlement {number} yet.",
        "结算单 {number} 尚未发送结算通知。",
    ),
    "settlements.notice_already_confirmed": (
        "The customer already confirmed the notice of settlement {number}.",
        "客户已确认结算单 {number} 的通知。",
    ),
    # field errors
    "settlements.comment_required": (
        "A comment is required to reject a settlement.",
        "驳回结算单必须填写意见。",
    ),
    "settlements.invoice_required": (
        "Enter at least one invoice number.",
        "请至少填写一个发票号码。",
    ),
    "settlements.invoice_not_found": (
        "No invoice {number} recorded for this customer.",
        "该客户没有登记发票 {number}。",
    ),
    "settlements.voucher_reason_required": (
        "A settlement without an invoice needs the reason for its temporary voucher.",
        "无发票结算必须填写临时凭证的事由。",
    ),
    "settlements.too_long": (
        "{length} characters; at most {limit} are allowed.",
        "共 {length} 个字符，最多允许 {limit} 个。",
    ),
    "settlements.confirmed_before_sent": (
        "Confirmed on {confirmed}, before the notice was sent on {sent}.",
        "确认日期 {confirmed} 早于通知发送日期 {sent}。",
    ),
    # labels
    "settlements.kind.with_invoice": ("With invoice", "有发票"),
    "settlements.kind.without_invoice": (
        "Without invoice (temporary voucher)",
        "无发票（临时凭证）",
    ),
    "settlements.status.pending_approval": ("Awaiting approval", "待审批"),
    "settlements.status.approved": ("Approved", "已审批"),
    "settlements.status.rejected": ("Rejected", "已驳回"),
    "settlements.status.posted": ("Posted", "已过账"),
    "settlements.status.reversed": ("Reversed", "已红冲"),
    "settlements.invoice.invoiced": ("Invoiced", "已开票"),
    "settlements.invoice.awaiting": ("Awaiting invoice", "待开票"),
    "settlements.invoice.not_expected": ("No invoice expected", "不开票"),
    "settlements.followup.awaiting_approval": ("Awaiting approval", "待审批"),
    "settlements.followup.awaiting_invoice": ("Awaiting invoice", "待补发票"),
    "settlements.followup.notice_unconfirmed": ("Notice not confirmed", "通知未确认"),
    "settlements.followup.overdue_item": ("Overdue item", "逾期应收"),
    # CLI
    "settlements.cli_status": ("{number}: {status}", "{number}：{status}"),
    "settlements.cli_none": ("No settlements.", "没有结算单。"),
    "settlements.cli_no_follow_ups": ("Nothing to follow up.", "没有需要跟进的事项。"),
}
