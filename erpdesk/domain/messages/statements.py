"""Messages of customer statements (对账单, issue 8): PDF labels, line descriptions, errors and CLI output."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ PDF labels
    "statements.title": ("Customer Statement", "客户对账单"),
    "statements.company_line": (
        "Address: {address}  ·  Tel: {phone}  ·  Tax no.: {tax}",
        "地址：{address}　电话：{phone}　税号：{tax}",
    ),
    "statements.customer_code": ("Customer code", "客户编码"),
    "statements.customer_name": ("Customer", "客户名称"),
    "statements.contact": ("Contact", "联系人"),
    "statements.phone": ("Phone", "电话"),
    "statements.address": ("Address", "地址"),
    "statements.period": ("Period", "对账期间"),
    "statements.period_range": ("{start} to {end}", "{start} 至 {end}"),
    "statements.as_of": ("As of {day}", "截至 {day}"),
    "statements.printed": ("Printed", "打印日期"),
    "statements.return_by": ("Please return by", "回执截止日期"),
    "statements.col.date": ("Date", "日期"),
    "statements.col.document": ("Document", "单据号"),
    "statements.col.description": ("Description", "摘要"),
    "statements.col.debit": ("Charges", "应收增加"),
    "statements.col.credit": ("Payments", "已收减少"),
    "statements.col.balance": ("Balance", "余额"),
    "statements.opening": ("Opening balance (brought forward)", "期初余额（上期结欠）"),
    "statements.period_total": ("Period total", "本期合计"),
    "statements.summary.opening": ("Opening balance", "期初余额"),
    "statements.summary.debit": ("Charges in period", "本期应收增加"),
    "statements.summary.credit": ("Payments in period", "本期已收减少"),
    "statements.summary.closing": ("Closing balance", "期末应收余额"),
    "statements.in_words": ("Amount in words (RMB, 大写)", "人民币（大写）"),
    "statements.aging": ("Aging of open items as of {day}", "截至 {day} 未核销应收账龄"),
    "statements.aging_total": ("Open items", "未核销应收合计"),
    "statements.advances": ("Advances", "未核销预收款"),
    "statements.colon": (": ", "："),
    "statements.balance_note": (
        "Closing balance = open items − unallocated advances",
        "期末应收余额 = 未核销应收 − 未核销预收款",
    ),
    "statements.payee": ("Please pay to", "收款账户"),
    "statements.payee_name": ("Account name", "户名"),
    "statements.payee_bank": ("Bank", "开户行"),
    "statements.payee_account": ("Account no.", "账号"),
    "statements.request": (
        "Please check this statement. If it is correct, sign, seal and return the slip below by "
        "{day}; if not, list the items and amounts that differ.",
        "请核对。如无误，请于 {day} 前在下方回执签字盖章回传；如有不符，请列明不符项目及金额。",
    ),
    "statements.slip_title": ("Confirmation slip", "对账确认回执"),
    "statements.slip_text": (
        "{customer} ({code}) confirms the balance owed to {company} as of {day}: {amount}",
        "{customer}（{code}）确认：截至 {day} 结欠 {company} 货款 {amount}",
    ),
    "statements.slip_agree": ("□ Correct", "□ 核对无误"),
    "statements.slip_disagree": (
        "□ Does not agree — difference: ____________ ; details:",
        "□ 不符，差异金额：____________ ；不符项目及说明：",
    ),
    "statements.slip_signature": (
        "Signed by: ________________      Date: ________________",
        "经办人签字：________________      日期：________________",
    ),
    "statements.slip_seal": ("Company seal:", "单位盖章："),
    "statements.our_side": (
        "Prepared by: __________   Checked by: __________   (Company seal)",
        "制表：__________   审核：__________   （公章）",
    ),
    "statements.footer": ("{company} · Statement · {code}", "{company} · 对账单 · {code}"),
    # ------------------------------------------------------------------ line descriptions
    "statements.line.delivery": ("Delivery, order {order}", "送货单，订单 {order}"),
    "statements.line.delivery_plain": ("Delivery", "送货单"),
    "statements.line.delivery_reversal": (
        "Reversal of delivery {original}: {reason}",
        "红冲送货单 {original}：{reason}",
    ),
    "statements.line.opening_item": ("Opening receivable", "期初应收"),
    "statements.line.other_item": ("Receivable ({kind})", "应收（{kind}）"),
    "statements.line.receipt": ("Receipt, {method}", "收款，{method}"),
    "statements.line.reference": ("ref. {reference}", "流水号 {reference}"),
    "statements.line.settles": ("settles {documents}", "核销 {documents}"),
    "statements.line.settles_more": ("{documents} and {more} more", "{documents} 等 {more} 张"),
    "statements.line.to_advance": ("{amount} to advance", "{amount} 转预收"),
    "statements.line.receipt_reversal": (
        "Reversal of receipt {original}: {reason}",
        "红冲收款单 {original}：{reason}",
    ),
    "statements.line.advance_used": (
        "Advance {receipt} applied to {document}: {amount} (no change to the balance)",
        "预收款 {receipt} 冲抵 {document}：{amount}（余额不变）",
    ),
    "statements.method.cash": ("cash", "现金"),
    "statements.method.bank_transfer": ("bank transfer", "银行转账"),
    "statements.method.wechat": ("WeChat Pay", "微信"),
    "statements.method.alipay": ("Alipay", "支付宝"),
    "statements.method.cheque": ("bank acceptance / cheque", "承兑汇票/支票"),
    "statements.method.other": ("other", "其他"),
    # ------------------------------------------------------------------ errors
    "statements.customer_not_found": ("No customer {customer}.", "找不到客户 {customer}。"),
    "statements.bad_period": (
        "Give either a period (from and to) or an as-of date, not both.",
        "请指定对账期间（起止日期）或截止日期，二者只能选一。",
    ),
    "statements.period_reversed": (
        "The period starts on {start}, after its end {end}.",
        "对账期间的开始日期 {start} 晚于结束日期 {end}。",
    ),
    "statements.target_not_folder": (
        "{path} is not a folder; one file per customer needs a folder.",
        "{path} 不是文件夹；每个客户一个文件时需要指定文件夹。",
    ),
    "statements.moved_needs_period": (
        "The filter “a delivery or receipt in the period” needs a period (from and to), "
        "not an as-of date.",
        "筛选条件“本期有送货或收款”需要指定对账期间（起止日期），不能用截止日期。",
    ),
    "statements.category_not_found": (
        "No customer category {category} (give its code, e.g. 01001, or its exact name).",
        "找不到客户分类 {category}（请填写分类编码，如 01001，或完整的分类名称）。",
    ),
    "statements.salesperson_not_found": (
        "No user {user} to use as the salesperson (give the user name).",
        "找不到业务员 {user}（请填写用户名）。",
    ),
    "statements.write_failed": ("Could not write {path}: {reason}", "无法写入 {path}：{reason}"),
    # ------------------------------------------------------------------ CLI
    "statements.cli_written": (
        "Statement of {code} written to {path} ({pages} pages); closing balance {balance}.",
        "客户 {code} 的对账单已写入 {path}（{pages} 页），期末余额 {balance}。",
    ),
    "statements.cli_batch_written": (
        "{count} statements ({pages} pages) written to {path}.",
        "{count} 份对账单（共 {pages} 页）已写入 {path}。",
    ),
    "statements.cli_none": (
        "No customer matches; nothing written.",
        "没有符合条件的客户，未生成文件。",
    ),
    "statements.cli_cancelled": (
        "Cancelled; partial output removed.",
        "已取消，未完成的文件已删除。",
    ),
}
