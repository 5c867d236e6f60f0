"""Messages of the receivables reports (issue 8): aging buckets, summary columns, sheet names, CLI."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "reports.bad_buckets": (
        "Aging buckets: “{text}” is not a list of days in increasing order, such as 30,60,90.",
        "账龄区间：“{text}”不是递增的天数列表，应如 30,60,90。",
    ),
    "reports.too_many_buckets": (
        "Aging buckets: at most {limit} bounds, “{text}” has {count}.",
        "账龄区间：最多 {limit} 个分界，“{text}”有 {count} 个。",
    ),
    "reports.pdf_unreadable": (
        "Cannot read the PDF {path}: {reason}",
        "无法读取 PDF 文件 {path}：{reason}",
    ),
    "reports.print_failed": (
        "The printer {printer} did not accept the statements.",
        "打印机 {printer} 未能接收对账单。",
    ),
    "reports.bucket.not_due": ("Not yet due", "未到期"),
    "reports.bucket.up_to": ("Up to {high} days", "{high} 天以内"),
    "reports.bucket.range": ("{low}–{high} days", "{low}–{high} 天"),
    "reports.bucket.over": ("Over {days} days", "{days} 天以上"),
    "reports.sheet.aging": ("Aging {day}", "账龄分析 {day}"),
    "reports.sheet.receivables": ("Receivables {day}", "应收汇总 {day}"),
    "reports.col.code": ("Customer code", "客户编码"),
    "reports.col.name": ("Customer name", "客户名称"),
    "reports.col.salesperson": ("Salesperson", "业务员"),
    "reports.col.open_items": ("Open items", "未核销应收"),
    "reports.col.advances": ("Advances", "预收款"),
    "reports.col.balance": ("Balance", "余额"),
    "reports.col.overdue": ("Overdue", "逾期金额"),
    "reports.col.oldest_due": ("Oldest due date", "最早到期日"),
    "reports.col.last_receipt": ("Last receipt", "最近收款日"),
    "reports.total": ("Total", "合计"),
    "reports.aging_done": (
        "Aging as of {day}: {count} customers written to {path}.",
        "截至 {day} 的账龄分析：{count} 个客户已写入 {path}。",
    ),
    "reports.summary_done": (
        "Receivables as of {day}: {count} customers written to {path}.",
        "截至 {day} 的应收汇总：{count} 个客户已写入 {path}。",
    ),
}
