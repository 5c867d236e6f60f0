"""Messages of Excel import and export (issue 5): refused files, cell problems, column headers, import results."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- refused files
    "xlsx.not_found": ("The file {path} does not exist.", "文件 {path} 不存在。"),
    "xlsx.too_big": (
        "The file is {size_mb} MB; files larger than {limit_mb} MB are not imported. Split it into "
        "smaller files.",
        "文件大小为 {size_mb} MB，超过 {limit_mb} MB 的文件不能导入，请拆分成多个文件。",
    ),
    "xlsx.bad_type": (
        '{name} is not an .xlsx or .csv file. Save it from Excel as "Excel Workbook (*.xlsx)" or '
        '"CSV UTF-8" and try again.',
        "{name} 不是 .xlsx 或 .csv 文件。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”或“CSV UTF-8”后重试。",
    ),
    "xlsx.not_a_workbook": (
        "The file is damaged or is not an Excel workbook ({reason}).",
        "文件已损坏或不是 Excel 工作簿（{reason}）。",
    ),
    "xlsx.too_many_entries": (
        "The workbook has {count} internal parts (at most {limit} are accepted); it was refused.",
        "工作簿包含 {count} 个内部部件（最多允许 {limit} 个），已拒绝导入。",
    ),
    "xlsx.bad_entry_name": (
        "The workbook contains an unsafe part name ({name}); it was refused.",
        "工作簿包含不安全的部件名称（{name}），已拒绝导入。",
    ),
    "xlsx.encrypted": (
        "The workbook is password-protected. Remove the password in Excel and try again.",
        "工作簿设置了密码保护。请在 Excel 中取消密码后重试。",
    ),
    "xlsx.inflates_too_much": (
        "The workbook part {name} unpacks to more than {limit_mb} MB; it was refused.",
        "工作簿部件 {name} 解压后超过 {limit_mb} MB，已拒绝导入。",
    ),
    "xlsx.total_too_much": (
        "The workbook unpacks to more than {limit_mb} MB in total; it was refused.",
        "工作簿解压后总大小超过 {limit_mb} MB，已拒绝导入。",
    ),
    "xlsx.ratio_too_high": (
        "The workbook part {name} is compressed more than {ratio}:1, which real spreadsheets never "
        "are; it was refused.",
        "工作簿部件 {name} 的压缩比超过 {ratio}:1，正常表格不会如此，已拒绝导入。",
    ),
    "xlsx.doctype": (
        "The workbook part {name} declares a DOCTYPE or ENTITY, which Excel never writes; it was "
        "refused.",
        "工作簿部件 {name} 含有 DOCTYPE 或 ENTITY 声明（Excel 不会生成此类内容），已拒绝导入。",
    ),
    "xlsx.bad_encoding": (
        "The workbook part {name} is not UTF-8 encoded; it was refused.",
        "工作簿部件 {name} 不是 UTF-8 编码，已拒绝导入。",
    ),
    "xlsx.too_many_sheets": (
        "The workbook has {count} sheets; at most {limit} are read.",
        "工作簿有 {count} 个工作表，最多只能读取 {limit} 个。",
    ),
    "xlsx.too_many_rows": (
        "The sheet {sheet} has more than {limit} rows; split the file.",
        "工作表 {sheet} 超过 {limit} 行，请拆分文件。",
    ),
    "xlsx.too_many_columns": (
        "The sheet {sheet} has more than {limit} columns.",
        "工作表 {sheet} 超过 {limit} 列。",
    ),
    "xlsx.no_header": (
        "No header row was found in the first {rows} rows of any sheet. The header needs at least the "
        "columns {required}.",
        "在各工作表的前 {rows} 行中没有找到表头。表头至少需要包含以下列：{required}。",
    ),
    "xlsx.missing_columns": (
        "The sheet {sheet} has no column for: {columns}.",
        "工作表 {sheet} 缺少以下列：{columns}。",
    ),
    "xlsx.duplicate_column": (
        "The sheet {sheet} has the column {column} twice (columns {first} and {second}).",
        "工作表 {sheet} 中“{column}”列重复出现（第 {first} 列和第 {second} 列）。",
    ),
    "xlsx.csv_encoding": (
        "The CSV file is neither UTF-8 nor GBK text.",
        "CSV 文件既不是 UTF-8 也不是 GBK 编码的文本。",
    ),
    "xlsx.csv_broken": ("The CSV file cannot be read: {reason}", "无法读取 CSV 文件：{reason}"),
    "xlsx.reader_crashed": (
        "The file could not be read within {limit_mb} MB of memory and {seconds} seconds; it was "
        "refused.",
        "无法在 {limit_mb} MB 内存和 {seconds} 秒内读取该文件，已拒绝导入。",
    ),
    "xlsx.no_defusedxml": (
        "Excel support is disabled: the defusedxml package is missing.",
        "Excel 功能已停用：缺少 defusedxml 组件。",
    ),
    "xlsx.cannot_write": ("Cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
    # ---------------------------------------------------------------- cell problems
    "cell.control_char": (
        "contains an invisible control character (code {code})",
        "包含不可见的控制字符（代码 {code}）",
    ),
    "cell.too_long": (
        "is {length} characters long (at most {limit})",
        "长度为 {length} 个字符（最多 {limit} 个）",
    ),
    "cell.formula_no_value": (
        "is a formula without a calculated value; open the file in Excel, save it, and import again",
        "是没有计算结果的公式；请在 Excel 中打开并保存后重新导入",
    ),
    "cell.error_value": ("shows the Excel error {value}", "显示 Excel 错误值 {value}"),
    "cell.not_a_number": ("“{value}” is not a number", "“{value}”不是数字"),
    "cell.not_finite": ("“{value}” is not a finite number", "“{value}”不是有效数字"),
    "cell.too_precise": (
        "“{value}” has more than 2 decimals (not rounded)",
        "“{value}”超过 2 位小数（不会自动四舍五入）",
    ),
    "cell.not_integer": ("“{value}” is not a whole number", "“{value}”不是整数"),
    "cell.not_a_date": (
        "“{value}” is not a date (use yyyy-mm-dd)",
        "“{value}”不是有效日期（请使用 yyyy-mm-dd 格式）",
    ),
    "cell.not_in_list": (
        "“{value}” is not one of: {allowed}",
        "“{value}”不在可选值中：{allowed}",
    ),
    "cell.required": ("is required", "不能为空"),
    "cell.duplicate_in_file": (
        "the code {code} appears again in row {row}",
        "编码 {code} 在第 {row} 行重复出现",
    ),
    "cell.code_exists": (
        "the code {code} already belongs to customer {name} (insert-only mode)",
        "编码 {code} 已属于客户“{name}”（仅新增模式）",
    ),
    "cell.invalid": ("{reason}", "{reason}"),
    "cell.possible_duplicate": (
        "looks like {other} (check before importing; # is a row of this file)",
        "疑似与 {other} 重复（导入前请核对；# 表示本文件中的行）",
    ),
    "cell.unknown_customer": ("no customer has the code {code}", "没有编码为 {code} 的客户"),
    "cell.duplicate_contact": (
        "the contact {name} is also in row {row}",
        "联系人“{name}”在第 {row} 行重复出现",
    ),
    "cell.contact_exists": (
        "customer {code} already has a contact named {name} (insert-only mode)",
        "客户 {code} 已有名为“{name}”的联系人（仅新增模式）",
    ),
    "cell.where": (
        "Sheet {sheet}, row {row}, column {column} ({header}): {reason}",
        "工作表 {sheet}，第 {row} 行，第 {column} 列（{header}）：{reason}",
    ),
    "cell.where_row": (
        "Sheet {sheet}, row {row}: {reason}",
        "工作表 {sheet}，第 {row} 行：{reason}",
    ),
    # ---------------------------------------------------------------- workbooks
    "book.error_column": ("Errors", "错误说明"),
    "book.error_sheet_note": (
        "Fix the red cells (their comments say why), delete nothing else, and import this file again.",
        "请修改标红的单元格（批注中有原因说明），不要删除其他内容，然后重新导入本文件。",
    ),
    "book.instructions": ("Instructions", "填表说明"),
    "book.lists": ("Lists", "下拉选项"),
    "book.col_column": ("Column", "列名"),
    "book.col_required": ("Required", "是否必填"),
    "book.col_meaning": ("Meaning and allowed values", "含义及可选值"),
    "book.yes": ("yes", "是"),
    "book.no": ("no", "否"),
    "book.intro": (
        "Fill one row per record on the sheet {sheet}, starting below the header. Red headers are "
        "required. Codes and phone numbers are text, so leading zeros stay. Dates as yyyy-mm-dd. Money "
        "with at most 2 decimals. Delete the example rows before importing. In update mode a blank "
        "cell keeps the stored value and {clear} clears it.",
        "请在“{sheet}”工作表的表头下方逐行填写，每行一条记录。红色表头为必填列。编码和电话按文本填写，"
        "开头的 0 会保留。日期格式为 yyyy-mm-dd。金额最多 2 位小数。导入前请删除示例行。更新模式下，"
        "空白单元格表示保留原值，填写 {clear} 表示清空。",
    ),
    "book.example": ("Example", "示例"),
    "book.examples": (
        "Example rows (copy the layout, not the values)",
        "示例行（参考格式，请勿照抄）",
    ),
    "book.type.text": ("Text", "文本"),
    "book.type.ascii": (
        "Text; full-width letters and digits become half-width",
        "文本；全角字母数字会转为半角",
    ),
    "book.type.money": ("Amount, at most 2 decimals", "金额，最多 2 位小数"),
    "book.type.int": ("Whole number", "整数"),
    "book.type.date": ("Date yyyy-mm-dd", "日期 yyyy-mm-dd"),
    "book.allowed": ("Allowed: {values}", "可选值：{values}"),
    "book.code_note": (
        "Leave blank to get a code from the code rule; in update mode the existing customer with this "
        "code (or an old code) is updated.",
        "留空则按编码规则自动生成；更新模式下按此编码（含旧编码）更新已有客户。",
    ),
    "book.kind_later": (
        "The template for {kind} is ready; importing it arrives with the {kind} module.",
        "“{kind}”模板已可下载；导入功能将随相应模块提供。",
    ),
    "choice.status.active": ("Active", "启用"),
    "choice.status.inactive": ("Inactive", "停用"),
    "choice.customer_type.company": ("Company", "公司"),
    "choice.customer_type.individual": ("Individual", "个人"),
    "choice.settlement_method.cash": ("Cash on delivery", "现结"),
    "choice.settlement_method.monthly": ("Monthly statement", "月结"),
    "choice.settlement_method.account": ("On account", "记账"),
    "cell.unknown_choice": (
        "“{value}” is not a known {what}",
        "“{value}”不是已有的{what}",
    ),
    "kind.customers": ("Customers", "客户"),
    "kind.contacts": ("Contacts", "联系人"),
    "kind.products": ("Products", "商品"),
    "kind.opening-balances": ("Opening balances", "期初应收"),
    "kind.orders": ("Sales orders", "销售订单"),
    "kind.receipts": ("Receipts", "收款单"),
    "kind.unknown": (
        "Unknown kind {kind}; choose one of: {kinds}.",
        "未知类型 {kind}，可选：{kinds}。",
    ),
    # ---------------------------------------------------------------- import results
    "import.not_yet": (
        "Importing {kind} is not available yet; it arrives with the module that stores them.",
        "暂不支持导入“{kind}”，该功能将随相应模块提供。",
    ),
    "import.same_file": (
        "This file (SHA-256 {sha}) was already imported on {at} by {user}.",
        "该文件（SHA-256 {sha}）已于 {at} 由 {user} 导入过。",
    ),
    "import.unknown_columns": (
        "Ignored columns: {columns}",
        "已忽略以下列：{columns}",
    ),
    "import.summary": (
        "{file}: {new} new, {update} updated, {unchanged} unchanged, {error} with errors.",
        "{file}：新增 {new}，更新 {update}，无变化 {unchanged}，错误 {error}。",
    ),
    "import.dry_run_done": (
        "Check only: nothing was written.",
        "仅校验：未写入任何数据。",
    ),
    "import.rejected": (
        "Nothing was imported because {count} rows have errors.",
        "有 {count} 行存在错误，未导入任何数据。",
    ),
    "import.errors_written": (
        "Error workbook written to {path}.",
        "错误说明工作簿已保存到 {path}。",
    ),
    "import.done": (
        "Imported: {new} new, {update} updated.",
        "已导入：新增 {new}，更新 {update}。",
    ),
    "import.cancelled": ("Import cancelled; nothing was written.", "导入已取消，未写入任何数据。"),
    "import.changed_meanwhile": (
        "Customers changed while you were checking the file; check it again.",
        "校验期间客户资料已被他人修改，请重新校验。",
    ),
    "import.old_code": ("matched through the old code {code}", "通过旧编码 {code} 匹配"),
    "outcome.new": ("new", "新增"),
    "outcome.update": ("update", "更新"),
    "outcome.unchanged": ("unchanged", "无变化"),
    "outcome.error": ("error", "错误"),
    "export.done": ("{count} rows exported to {path}.", "已导出 {count} 行到 {path}。"),
    "template.done": ("Template written to {path}.", "模板已保存到 {path}。"),
}

# Column headers of the import templates and of imported files: ``col.<kind>.<field>``.
_COLUMNS: dict[str, tuple[str, str]] = {
    "col.customers.code": ("Customer code", "客户编码"),
    "col.customers.name": ("Customer name", "客户名称"),
    "col.customers.short_name": ("Short name", "简称"),
    "col.customers.mnemonic": ("Mnemonic code", "助记码"),
    "col.customers.customer_type": ("Customer type", "客户类型"),
    "col.customers.category": ("Customer category", "客户分类"),
    "col.customers.level": ("Customer level", "客户等级"),
    "col.customers.region": ("Region", "地区"),
    "col.customers.postcode": ("Postcode", "邮编"),
    "col.customers.invoice_title": ("Invoice title", "开票单位"),
    "col.customers.bank_name": ("Bank", "开户银行"),
    "col.customers.bank_account": ("Bank account", "银行账号"),
    "col.customers.salesperson": ("Salesperson", "业务员"),
    "col.customers.contact_name": ("Contact person", "联系人"),
    "col.customers.phone": ("Telephone", "电话"),
    "col.customers.mobile": ("Mobile phone", "手机"),
    "col.customers.email": ("E-mail", "邮箱"),
    "col.customers.address": ("Address", "地址"),
    "col.customers.tax_number": ("Taxpayer ID", "纳税人识别号"),
    "col.customers.credit_limit": ("Credit limit", "信用额度"),
    "col.customers.payment_terms_days": ("Payment terms (days)", "账期天数"),
    "col.customers.settlement_method": ("Settlement method", "结算方式"),
    "col.customers.notes": ("Notes", "备注"),
    "col.customers.status": ("Status", "状态"),
    "col.contacts.customer_code": ("Customer code", "客户编码"),
    "col.contacts.name": ("Contact name", "姓名"),
    "col.contacts.title": ("Job title", "职务"),
    "col.contacts.phone": ("Telephone", "电话"),
    "col.contacts.mobile": ("Mobile phone", "手机"),
    "col.contacts.email": ("E-mail", "邮箱"),
    "col.contacts.im": ("QQ / WeChat", "QQ/微信"),
    "col.contacts.is_default": ("Default contact", "默认联系人"),
    "col.contacts.notes": ("Notes", "备注"),
    "col.products.code": ("Product code", "商品编码"),
    "col.products.name": ("Product name", "商品名称"),
    "col.products.spec": ("Specification", "规格型号"),
    "col.products.unit": ("Unit", "单位"),
    "col.products.barcode": ("Barcode", "条码"),
    "col.products.price": ("Price", "单价"),
    "col.products.category": ("Category", "商品分类"),
    "col.products.tax_rate": ("Tax rate %", "税率%"),
    "col.products.opening_stock": ("Opening stock", "期初库存"),
    "col.opening-balances.customer_code": ("Customer code", "客户编码"),
    "col.opening-balances.doc_date": ("Document date", "单据日期"),
    "col.opening-balances.doc_no": ("Document no.", "单据号"),
    "col.opening-balances.amount": ("Amount receivable", "应收金额"),
    "col.opening-balances.due_date": ("Due date", "到期日"),
    "col.orders.order_no": ("Order no.", "订单号"),
    "col.orders.order_date": ("Order date", "订单日期"),
    "col.orders.customer_code": ("Customer code", "客户编码"),
    "col.orders.product_code": ("Product code", "商品编码"),
    "col.orders.quantity": ("Quantity", "数量"),
    "col.orders.price": ("Price", "单价"),
    "col.receipts.receipt_date": ("Receipt date", "收款日期"),
    "col.receipts.customer_code": ("Customer code", "客户编码"),
    "col.receipts.amount": ("Amount received", "收款金额"),
    "col.receipts.method": ("Payment method", "收款方式"),
    "col.receipts.notes": ("Notes", "备注"),
}
MESSAGES.update(_COLUMNS)
