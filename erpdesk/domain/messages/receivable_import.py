"""Messages of the opening-balance (期初应收) and receipt (收款) imports: column headers, cell reasons,
the allocation preview and the payment-method names a file may use."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- headers
    "col.opening-balances.notes": ("Notes", "备注"),
    "col.receipts.reference": ("Reference", "参考号"),
    "col.receipts.doc_no": ("Allocate to document", "核销单据号"),
    # ---------------------------------------------------------------- template notes
    "book.note.opening-balances.doc_no": (
        "blank: numbered QCyyyymmdd-nnnn; a number already imported for the customer is refused, "
        "so a file cannot be imported twice",
        "留空则自动编号 QC年月日-序号；该客户已导入过的单据号会被拒绝，同一文件不会重复导入",
    ),
    "book.note.opening-balances.due_date": (
        "blank: the document date plus the customer's payment terms",
        "留空则按单据日期加客户账期计算",
    ),
    "book.note.opening-balances.amount": (
        "negative: the customer paid in advance (期初预收), kept as an advance for later allocation",
        "负数表示客户预付款（期初预收），记为预收款，以后再核销",
    ),
    "book.note.receipts.reference": (
        "bank serial or cheque number; the same customer, date, amount and reference twice is refused",
        "银行流水号或支票号；客户、日期、金额、参考号都相同的收款会被拒绝",
    ),
    "book.note.receipts.doc_no": (
        "blank: the customer's open items oldest due date first; what is left stays as an advance",
        "留空则按到期日先后核销该客户的未结应收；多余部分记为预收",
    ),
    # ---------------------------------------------------------------- payment methods
    "receivable_import.method.cash": ("Cash", "现金"),
    "receivable_import.method.bank_transfer": ("Bank transfer", "银行转账"),
    "receivable_import.method.wechat": ("WeChat", "微信"),
    "receivable_import.method.alipay": ("Alipay", "支付宝"),
    "receivable_import.method.cheque": ("Cheque", "支票"),
    "receivable_import.method.other": ("Other", "其他"),
    # ---------------------------------------------------------------- cell reasons
    "receivable_import.amount_zero": (
        "is zero; delete the row",
        "金额为零，请删除该行",
    ),
    "receivable_import.amount_not_positive": (
        "must be greater than zero (to take back a receipt, reverse it in the ledger)",
        "必须大于零（如需冲回收款，请在应收账中红冲）",
    ),
    "receivable_import.due_before_doc": (
        "the due date {due} is before the document date {doc}",
        "到期日 {due} 早于单据日期 {doc}",
    ),
    "receivable_import.doc_too_long": (
        "“{doc}” is longer than {limit} characters",
        "“{doc}”超过 {limit} 个字符",
    ),
    "receivable_import.opening_exists": (
        "customer {code} already has the opening document {doc} (imported before?)",
        "客户 {code} 已有期初单据 {doc}（是否已导入过？）",
    ),
    "receivable_import.doc_in_file": (
        "document {doc} of customer {code} is also in row {row}",
        "客户 {code} 的单据 {doc} 在第 {row} 行重复出现",
    ),
    "receivable_import.opening_maybe_twice": (
        "customer {code} already has an opening item {doc} dated {date} of {amount}; "
        "check that this row is not imported twice",
        "客户 {code} 已有 {date} 金额 {amount} 的期初单据 {doc}，请核对是否重复导入",
    ),
    "receivable_import.opening_advance": (
        "a credit: becomes an advance (期初预收) of {amount}",
        "贷方余额：记为期初预收 {amount}",
    ),
    "receivable_import.unknown_item": (
        "customer {code} has no receivable document {doc}",
        "客户 {code} 没有单据号为 {doc} 的应收单据",
    ),
    "receivable_import.item_settled": (
        "document {doc} has nothing left open to allocate",
        "单据 {doc} 已无未核销金额",
    ),
    "receivable_import.receipt_exists": (
        "receipt {number} of {amount} from {code} on {date} with this reference is already posted",
        "客户 {code} 在 {date} 参考号相同、金额 {amount} 的收款已入账（{number}）",
    ),
    "receivable_import.receipt_maybe_twice": (
        "receipt {number} of {amount} from {code} on {date} is already posted without a reference; "
        "check that this row is not imported twice",
        "客户 {code} 在 {date} 已有金额 {amount} 且无参考号的收款（{number}），请核对是否重复导入",
    ),
    "receivable_import.receipt_in_file": (
        "the same receipt (customer, date, amount, reference) is also in row {row}",
        "相同的收款（客户、日期、金额、参考号）在第 {row} 行重复出现",
    ),
    "receivable_import.receipt_in_file_maybe": (
        "row {row} has the same customer, date and amount without a reference; check for a double",
        "第 {row} 行客户、日期、金额相同且无参考号，请核对是否重复",
    ),
    "receivable_import.allocation": (
        "allocates {allocations}",
        "核销 {allocations}",
    ),
    "receivable_import.advance": (
        "{amount} is left as an advance (预收)",
        "余额 {amount} 记为预收",
    ),
    "receivable_import.changed_meanwhile": (
        "Receivables changed while you were checking the file ({what}); check it again.",
        "校验期间应收数据已被他人修改（{what}），请重新校验。",
    ),
}
