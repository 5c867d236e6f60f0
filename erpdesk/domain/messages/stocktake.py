"""Messages of stocktakes (盘点, issue 9): sessions, scans, census, posting, handheld files and the CLI."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- sessions and states
    "stocktake.not_found": ("No stocktake {id}.", "找不到盘点单 {id}。"),
    "stocktake.name_required": ("The stocktake needs a name.", "盘点单名称不能为空。"),
    "stocktake.name_too_long": (
        "The stocktake name is {length} characters long (at most {limit}).",
        "盘点单名称长度为 {length} 个字符（最多 {limit} 个）。",
    ),
    "stocktake.illegal_transition": (
        'A stocktake that is "{status}" cannot be given the action "{action}".',
        "盘点单当前状态为“{status}”，不能执行“{action}”操作。",
    ),
    "stocktake.wrong_kind": (
        "Stocktake {number} counts {kind}; this action is not available for it.",
        "盘点单 {number} 盘点的是{kind}，不能执行此操作。",
    ),
    "stocktake.unknown_warehouse": ("No warehouse {id}.", "找不到仓库 {id}。"),
    "stocktake.unknown_category": ("No customer category {id}.", "找不到客户分类 {id}。"),
    # ---------------------------------------------------------------- scans and lines
    "stocktake.empty_scan": ("The scan is empty.", "扫描内容为空。"),
    "stocktake.scan_too_long": (
        "The scan is longer than {limit} characters.",
        "扫描内容超过 {limit} 个字符。",
    ),
    "stocktake.bad_quantity": (
        'Quantity "{quantity}" is not a number from 0 to 1,000,000 with at most three decimals.',
        "数量“{quantity}”无效：应为 0 到 1,000,000 之间、最多三位小数的数字。",
    ),
    "stocktake.reason_required": (
        "A correction needs a reason.",
        "修改盘点数量必须填写原因。",
    ),
    "stocktake.reason_too_long": (
        "The reason is longer than {limit} characters.",
        "原因超过 {limit} 个字符。",
    ),
    "stocktake.line_not_found": (
        "Line {id} is not part of stocktake {number}.",
        "盘点单 {number} 中没有第 {id} 行。",
    ),
    "stocktake.target_not_found": (
        "No {kind} with id {id} to add to the count.",
        "找不到要加入盘点的{kind}（编号 {id}）。",
    ),
    "stocktake.customer_not_in_session": (
        "Customer {id} is not part of stocktake {number}; scan the card first.",
        "客户 {id} 不在盘点单 {number} 中，请先扫描客户卡。",
    ),
    "stocktake.census_found": (
        "Customer {code} was found; only customers not found can be deactivated.",
        "客户 {code} 已找到；只有未找到的客户才能停用。",
    ),
    "stocktake.census_note_too_long": (
        "The note is longer than {limit} characters.",
        "备注超过 {limit} 个字符。",
    ),
    "stocktake.kind_customers": ("customers", "客户"),
    "stocktake.kind_products": ("products", "商品"),
    # ---------------------------------------------------------------- posting
    "stocktake.approver_not_allowed": (
        "{user} may not approve stocktake postings; a manager must approve.",
        "{user} 无权批准盘点过账，须由经理批准。",
    ),
    "stocktake.approver_required": (
        "Posting a stocktake needs a manager's name and password.",
        "盘点过账需要经理输入用户名和密码批准。",
    ),
    "stocktake.census_reason": (
        "Confirmed on the spot in stocktake {number}",
        "盘点单 {number} 现场核实",
    ),
    "stocktake.deactivated_reason": (
        "Not found in stocktake {number}",
        "盘点单 {number} 中未找到",
    ),
    # ---------------------------------------------------------------- handheld files
    "stocktake.sheet_name": ("Count sheet", "盘点表"),
    "stocktake.file_type": (
        "{name} is not an .xlsx or .csv file.",
        "{name} 不是 .xlsx 或 .csv 文件。",
    ),
    "stocktake.import_cancelled": (
        "Import cancelled; nothing was counted and the file can be imported again.",
        "导入已取消，未计入任何数量，该文件可以重新导入。",
    ),
    "stocktake.bad_cell": (
        "Sheet {sheet}, row {row}, column {column}: {value} is not valid ({problem}).",
        "工作表 {sheet} 第 {row} 行第 {column} 列：{value} 无效（{problem}）。",
    ),
    "stocktake.bad_time": (
        'Sheet {sheet}, row {row}: "{value}" is not a date and time.',
        "工作表 {sheet} 第 {row} 行：“{value}”不是有效的日期时间。",
    ),
    "stocktake.row_code_missing": (
        "Sheet {sheet}, row {row}: the code is empty.",
        "工作表 {sheet} 第 {row} 行：编码为空。",
    ),
    "stocktake.row_bad_quantity": (
        'Sheet {sheet}, row {row}: quantity "{quantity}" is not a number from 0 to 1,000,000 with '
        "at most three decimals.",
        "工作表 {sheet} 第 {row} 行：数量“{quantity}”无效，应为 0 到 1,000,000 之间、最多三位小数的数字。",
    ),
    "col.stocktake.code": ("Code", "编码"),
    "col.stocktake.name": ("Name", "名称"),
    "col.stocktake.spec": ("Specification", "规格"),
    "col.stocktake.unit": ("Unit", "单位"),
    "col.stocktake.expected": ("Expected", "账面数量"),
    "col.stocktake.counted": ("Counted", "实盘数量"),
    "col.stocktake.quantity": ("Quantity", "数量"),
    "col.stocktake.time": ("Time", "时间"),
    "col.stocktake.device": ("Device", "设备"),
    # ---------------------------------------------------------------- CLI
    "stocktake.cli_exported": (
        "{rows} lines of stocktake {number} written to {path}.",
        "盘点单 {number} 的 {rows} 行已写入 {path}。",
    ),
    "stocktake.cli_imported": (
        "{path}: {rows} rows read, {counted} counted, {skipped} already counted, {unknown} unknown "
        "codes.",
        "{path}：读取 {rows} 行，计入 {counted} 行，{skipped} 行此前已计入，{unknown} 个未知编码。",
    ),
    "stocktake.cli_already_imported": (
        "{path} was already imported into stocktake {number}; nothing was counted twice.",
        "{path} 已导入过盘点单 {number}，未重复计数。",
    ),
    "stocktake.cli_none": ("No stocktakes.", "没有盘点单。"),
}
