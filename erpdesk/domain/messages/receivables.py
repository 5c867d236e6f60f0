"""Messages of the receivables ledger: receipts, allocations (核销), advances, invoices, aging."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "receivables.amount_negative": (
        "The amount may not be negative.",
        "金额不能为负数。",
    ),
    "receivables.amount_not_positive": (
        "The receipt amount must be greater than zero.",
        "收款金额必须大于零。",
    ),
    "receivables.amount_too_precise": (
        "Amount {amount} has more than two decimals.",
        "金额 {amount} 超过两位小数。",
    ),
    "receivables.bad_method": (
        "Unknown payment method {method}.",
        "未知的收款方式 {method}。",
    ),
    "receivables.customer_not_found": (
        "No customer with id {customer}.",
        "找不到客户（编号 {customer}）。",
    ),
    "receivables.item_not_open": (
        "Item {item} is not an open item of this customer.",
        "单据 {item} 不是该客户的未核销应收。",
    ),
    "receivables.item_twice": (
        "Item {item} is allocated twice.",
        "单据 {item} 被重复核销。",
    ),
    "receivables.allocation_not_positive": (
        "The amount allocated to {item} must be greater than zero.",
        "{item} 的本次核销金额必须大于零。",
    ),
    "receivables.allocation_over_open": (
        "{amount} allocated to {item} is more than its open amount {open}.",
        "{item} 的本次核销 {amount} 超过未核销金额 {open}。",
    ),
    "receivables.allocation_over_receipt": (
        "The allocations total {total}, more than the receipt amount {amount}.",
        "核销合计 {total} 超过收款金额 {amount}。",
    ),
    "receivables.allocation_over_advance": (
        "The allocations total {total}, more than the advance left on {number} ({left}).",
        "核销合计 {total} 超过收款单 {number} 剩余预收 {left}。",
    ),
    "receivables.item_taken": (
        "Someone else has just allocated money to {item}: only {open} is still open. Refresh and "
        "try again.",
        "{item} 刚被他人核销，目前仅剩未核销 {open}。请刷新后重试。",
    ),
    "receivables.advance_taken": (
        "Someone else has just used the advance on {number}: only {left} is left. Refresh and try "
        "again.",
        "收款单 {number} 的预收刚被他人使用，仅剩 {left}。请刷新后重试。",
    ),
    "receivables.receipt_not_found": (
        "No receipt {number}.",
        "找不到收款单 {number}。",
    ),
    "receivables.receipt_reversed": (
        "Receipt {number} has already been reversed.",
        "收款单 {number} 已被红冲。",
    ),
    "receivables.receipt_is_reversal": (
        "Receipt {number} is itself a reversal and cannot be reversed or used.",
        "收款单 {number} 本身是红冲单，不能再红冲或使用。",
    ),
    "receivables.reason_required": (
        "Give a reason for the reversal.",
        "请填写红冲原因。",
    ),
    "receivables.invoice_number_invalid": (
        "Invoice number {number} must be 1 to 20 digits.",
        "发票号码 {number} 须为 1 到 20 位数字。",
    ),
    "receivables.invoice_code_invalid": (
        "Invoice code {code} must be 10 or 12 digits.",
        "发票代码 {code} 须为 10 或 12 位数字。",
    ),
    "receivables.bad_invoice_type": (
        "Unknown invoice type {type}.",
        "未知的发票类型 {type}。",
    ),
    "receivables.invoice_tax_over_amount": (
        "The tax {tax} is more than the invoice amount {amount}.",
        "税额 {tax} 超过发票金额 {amount}。",
    ),
    "receivables.invoice_item_other_customer": (
        "Item {item} belongs to another customer.",
        "单据 {item} 属于其他客户。",
    ),
    "receivables.bad_buckets": (
        "Aging buckets {bounds} must be non-negative days in increasing order.",
        "账龄区间 {bounds} 须为递增的非负天数。",
    ),
}
