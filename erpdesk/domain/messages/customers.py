"""Messages of the customer archive: field rules, duplicates, codes, deactivation, the CLI."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ records
    "customer.not_found": ("No customer {code}.", "找不到客户 {code}。"),
    "customer.name_required": ("The customer name is required.", "客户名称不能为空。"),
    "customer.contact_name_required": ("The contact's name is required.", "联系人姓名不能为空。"),
    "customer.too_long": ("Too long: at most {max} characters.", "过长：最多 {max} 个字符。"),
    "customer.phone_invalid": (
        "{value} is not a valid phone number.",
        "{value} 不是有效的电话号码。",
    ),
    "customer.email_invalid": (
        "{value} is not a valid e-mail address.",
        "{value} 不是有效的电子邮箱地址。",
    ),
    "customer.tax_number_legacy": (
        "{value} looks like an old 15- or 20-character tax number; check it against the licence.",
        "{value} 是旧式 15 位或 20 位税号，请与营业执照核对。",
    ),
    "customer.tax_number_length": (
        "A unified social credit code has 18 characters; {value} has {length}.",
        "统一社会信用代码应为 18 位，{value} 为 {length} 位。",
    ),
    "customer.tax_number_chars": (
        "{value} contains characters a unified social credit code cannot have (I, O, S, V, Z).",
        "{value} 含有统一社会信用代码中不会出现的字符（I、O、S、V、Z）。",
    ),
    "customer.tax_number_check": (
        "The check character of {value} is wrong (expected {expected}); please check the number.",
        "{value} 的校验码不正确（应为 {expected}），请核对税号。",
    ),
    "customer.credit_negative": (
        "The credit limit cannot be negative.",
        "信用额度不能为负数。",
    ),
    "customer.terms_negative": (
        "Payment terms cannot be negative.",
        "账期天数不能为负数。",
    ),
    "customer.bad_choice": ("{value} is not one of the choices.", "{value} 不是有效的选项。"),
    "customer.unknown_category": ("The category no longer exists.", "客户分类已不存在。"),
    "customer.unknown_level": ("The level no longer exists.", "客户等级已不存在。"),
    "customer.unknown_salesperson": ("The salesperson no longer exists.", "业务员已不存在。"),
    "customer.one_primary_contact": (
        "Only one contact can be the primary contact.",
        "只能有一个默认联系人。",
    ),
    "customer.possible_duplicates": (
        "{count} existing customer(s) look like this one: {names}.",
        "发现 {count} 个可能重复的客户：{names}。",
    ),
    "customer.reason_required": (
        "Please give a reason.",
        "请填写原因。",
    ),
    "customer.changed_by_other": (
        "{user} changed this customer meanwhile ({field_list}). Your changes were not saved.",
        "{user} 在此期间修改了该客户（{field_list}），您的修改尚未保存。",
    ),
    "customer.has_history": (
        "{code} has history and cannot be deleted; deactivate it instead.",
        "客户 {code} 已有业务记录，不能删除，请改为停用。",
    ),
    "customer.confirm_delete": (
        "Delete customer {code} {name}? This cannot be undone.",
        "确定删除客户 {code} {name}？删除后无法恢复。",
    ),
    "customer.already_inactive": ("{code} is already deactivated.", "客户 {code} 已停用。"),
    "customer.already_active": ("{code} is already active.", "客户 {code} 已启用。"),
    "customer.code_unchanged": (
        "The new code is the same as the current one.",
        "新编码与当前编码相同。",
    ),
    "customer.code_change_manual_only": (
        "A saved customer's code is changed with 'Change code', giving a reason.",
        "已保存客户的编码须通过“变更编码”修改并填写原因。",
    ),
    "customer.relationship_self": (
        "A customer cannot be linked to itself.",
        "客户不能与自身建立关系。",
    ),
    "customer.relationship_exists": (
        "This relationship already exists.",
        "该关系已存在。",
    ),
    "customer.relationship_not_found": ("The relationship no longer exists.", "该关系已不存在。"),
    "customer.interaction_not_found": ("The follow-up no longer exists.", "该跟进记录已不存在。"),
    "customer.interaction_locked": (
        "A follow-up can only be edited by its author on the day it was written.",
        "跟进记录只能由填写人在当天修改。",
    ),
    "customer.level_taken": ("The level {name} already exists.", "客户等级 {name} 已存在。"),
    "customer.category_scheme_full": (
        "No more categories fit under {code}.",
        "{code} 下已无法再增加分类。",
    ),
    "customer.global_rule_exists": (
        "There is already a rule for all customers.",
        "已存在适用于全部客户的编码规则。",
    ),
    "customer.category_rule_exists": (
        "This category already has a code rule.",
        "该客户分类已有编码规则。",
    ),
    "customer.rule_not_found": ("The code rule no longer exists.", "编码规则已不存在。"),
    "customer.rule_near_capacity": (
        "The code rule has used 80 % of its serials this period (last code {rule}); "
        "ask the admin to widen it.",
        "编码规则本期流水号已用去 80%（最新编码 {rule}），请联系管理员调整规则。",
    ),
    "customer.demo_done": (
        "{count} demo customers created in {seconds} s.",
        "已生成 {count} 个演示客户，用时 {seconds} 秒。",
    ),
    # ------------------------------------------------------------------ codes
    "code.required": ("The customer code is required.", "客户编码不能为空。"),
    "code.too_long": (
        "The code {code} is too long: at most {max} characters.",
        "编码 {code} 过长：最多 {max} 个字符。",
    ),
    "code.bad_chars": (
        "The code {code} may only contain letters A-Z, digits, '-', '_' and '.'.",
        "编码 {code} 只能包含字母 A-Z、数字、“-”、“_”和“.”。",
    ),
    "code.taken": (
        "The code {code} is already used (now or before) by {owner}.",
        "编码 {code} 已被使用（现用或曾用）：{owner}。",
    ),
    "code.rule_invalid": (
        "The code rule {rule} is not valid: {reason}.",
        "编码规则 {rule} 无效：{reason}。",
    ),
    "code.rule_full": (
        "No more codes fit the rule {prefix} with {width} digits this period; ask the admin to widen it.",
        "编码规则 {prefix}（{width} 位流水号）本期编号已用完，请联系管理员调整规则。",
    ),
    "code.level_scheme_invalid": (
        "The level scheme {scheme} is not valid (e.g. 2-3-3, at most 5 levels and 12 digits).",
        "编码级次 {scheme} 无效（例如 2-3-3，最多 5 级、12 位）。",
    ),
    "code.level_too_deep": (
        "The category tree has at most {depth} levels.",
        "客户分类最多 {depth} 级。",
    ),
    "code.level_full": (
        "No more categories fit under {code} ({width} digits).",
        "{code} 下已无法再增加分类（{width} 位）。",
    ),
    "code.level_scheme_mismatch": (
        "The code {code} does not fit the level scheme.",
        "编码 {code} 不符合编码级次。",
    ),
    # ------------------------------------------------------------------ labels (CLI)
    "customer.label.code": ("Code", "客户编码"),
    "customer.label.name": ("Name", "客户名称"),
    "customer.label.short_name": ("Short name", "简称"),
    "customer.label.mnemonic": ("Mnemonic", "助记码"),
    "customer.label.customer_type": ("Type", "客户类型"),
    "customer.label.category": ("Category", "客户分类"),
    "customer.label.level": ("Level", "客户等级"),
    "customer.label.region": ("Region", "地区"),
    "customer.label.industry": ("Industry", "行业"),
    "customer.label.company_size": ("Company size", "公司规模"),
    "customer.label.source": ("Source", "来源"),
    "customer.label.province": ("Province", "省"),
    "customer.label.city": ("City", "市"),
    "customer.label.district": ("District", "区"),
    "customer.label.address": ("Address", "详细地址"),
    "customer.label.postcode": ("Postcode", "邮编"),
    "customer.label.phone": ("Phone", "电话"),
    "customer.label.email": ("E-mail", "邮箱"),
    "customer.label.website": ("Website", "网站"),
    "customer.label.tax_number": ("Tax number", "税号"),
    "customer.label.bank_name": ("Bank", "开户银行"),
    "customer.label.bank_account": ("Bank account", "银行账号"),
    "customer.label.invoice_title": ("Invoice title", "开票单位"),
    "customer.label.invoice_address_phone": ("Invoice address and phone", "开票地址电话"),
    "customer.label.credit_limit": ("Credit limit", "信用额度"),
    "customer.label.payment_terms_days": ("Payment terms (days)", "账期（天）"),
    "customer.label.settlement_method": ("Settlement", "结算方式"),
    "customer.label.salesperson": ("Salesperson", "业务员"),
    "customer.label.notes": ("Notes", "备注"),
    "customer.label.status": ("Status", "状态"),
    "customer.label.deactivated_at": ("Deactivated at", "停用时间"),
    "customer.label.deactivation_reason": ("Deactivation reason", "停用原因"),
    "customer.label.next_follow_up": ("Next follow-up", "下次跟进"),
    "customer.label.created_at": ("Created", "创建时间"),
    "customer.label.created_by": ("Created by", "创建人"),
    "customer.label.updated_at": ("Changed", "修改时间"),
    "customer.label.updated_by": ("Changed by", "修改人"),
    "customer.label.contact.position": ("position", "职务"),
    "customer.label.contact.mobile": ("mobile", "手机"),
    "customer.label.contact.phone": ("phone", "电话"),
    "customer.label.contact.email": ("e-mail", "邮箱"),
    "customer.label.contact.primary": ("primary", "默认"),
    "customer.label.role.parent": ("parent company", "总公司"),
    "customer.label.role.branch": ("branch", "分公司"),
    "customer.label.role.upstream": ("upstream", "上游"),
    "customer.label.role.downstream": ("downstream", "下游"),
    "customer.label.role.partner": ("partner", "合作伙伴"),
    "customer.label.role.payer": ("pays for it", "代付单位"),
    "customer.label.role.paid_for": ("paid for by it", "被代付单位"),
    "customer.label.type.company": ("company", "公司"),
    "customer.label.type.individual": ("individual", "个人"),
    "customer.label.settlement.cash": ("cash", "现结"),
    "customer.label.settlement.monthly": ("monthly statement", "月结"),
    "customer.label.settlement.account": ("on account", "记账"),
    "customer.label.status.active": ("active", "启用"),
    "customer.label.status.inactive": ("deactivated", "停用"),
    # ------------------------------------------------------------------ CLI
    "customer.cli.none_found": ("No customer matches {text}.", "没有与 {text} 匹配的客户。"),
    "customer.cli.old_code": ("old code {old} → {code}", "旧编码 {old} → {code}"),
    "customer.cli.old_code_line": (
        "{code}  {at}  {user}  reason: {reason}",
        "{code}  {at}  {user}  原因：{reason}",
    ),
    "customer.cli.found": ("{count} customer(s) found.", "找到 {count} 个客户。"),
    "customer.cli.contacts": ("Contacts", "联系人"),
    "customer.cli.relationships": ("Relationships", "客户关系"),
    "customer.cli.old_codes": ("Old codes", "旧编码"),
    "customer.cli.inactive": ("(deactivated)", "（已停用）"),
}
