"""Messages of products, sales orders, deliveries and credit control."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ products
    "product.not_found": ("No product {code}.", "找不到商品 {code}。"),
    "product.name_required": ("The product name is required.", "商品名称不能为空。"),
    "product.code_taken": ("Product code {code} is already used.", "商品编码 {code} 已被使用。"),
    "product.barcode_taken": ("Barcode {barcode} is already used.", "条码 {barcode} 已被使用。"),
    "product.barcode_invalid": (
        "{barcode} is not a valid EAN-13 barcode (check digit).",
        "{barcode} 不是有效的 EAN-13 条码（校验位错误）。",
    ),
    "product.inactive": ("Product {code} is deactivated.", "商品 {code} 已停用。"),
    "product.changed_by_other": (
        "Someone else changed product {code}; reopen it.",
        "商品 {code} 已被他人修改，请重新打开。",
    ),
    "product.demo_done": (
        "{products} products and {orders} orders created in {seconds} s.",
        "已生成 {products} 个商品和 {orders} 张订单，用时 {seconds} 秒。",
    ),
    "product.too_long": (
        "is {length} characters long (at most {limit})",
        "长度为 {length} 个字符（最多 {limit} 个）",
    ),
    "product.price_too_precise": (
        "Price {price} has more than two decimals.",
        "单价 {price} 超过两位小数。",
    ),
    "product.tax_rate_invalid": (
        "Tax rate {rate} % must be between 0 and 100.",
        "税率 {rate}% 须在 0 到 100 之间。",
    ),
    # ------------------------------------------------------------------ Excel import of products
    "cell.product_code_exists": (
        "the product code {code} is already used by {name} (insert-only mode)",
        "商品编码 {code} 已被“{name}”使用（仅新增模式）",
    ),
    "cell.barcode_taken": (
        "the barcode {barcode} already belongs to product {code}",
        "条码 {barcode} 已属于商品 {code}",
    ),
    "cell.barcode_in_file": (
        "the barcode {barcode} appears again in row {row}",
        "条码 {barcode} 在第 {row} 行重复出现",
    ),
    "cell.not_a_rate": (
        "“{value}” is not a tax rate (13 or 13%)",
        "“{value}”不是有效税率（如 13 或 13%）",
    ),
    "cell.negative_stock": (
        "opening stock {qty} cannot be negative",
        "期初库存 {qty} 不能为负数",
    ),
    "cell.stock_ignored": (
        "opening stock is taken for new products only; {qty} is ignored",
        "期初库存仅用于新商品，已忽略 {qty}",
    ),
    "import.products_changed_meanwhile": (
        "Products changed while you were checking the file; check it again.",
        "校验期间商品资料已被他人修改，请重新校验。",
    ),
    # ------------------------------------------------------------------ Excel import of orders
    "cell.unknown_product": (
        "no product has the code or barcode {code}",
        "没有编码或条码为 {code} 的商品",
    ),
    "cell.inactive_product": ("product {code} is deactivated", "商品 {code} 已停用"),
    "cell.inactive_customer": (
        "customer {code} is deactivated; orders are refused",
        "客户 {code} 已停用，不能下单",
    ),
    "cell.order_mismatch": (
        "order {ref} has another {what} in row {row}",
        "订单 {ref} 在第 {row} 行的{what}不同",
    ),
    "cell.qty_invalid": (
        "quantity {qty} must be more than zero",
        "数量 {qty} 必须大于零",
    ),
    "cell.price_negative": ("price {price} cannot be negative", "单价 {price} 不能为负数"),
    "warehouse.none": ("No default warehouse is set.", "未设置默认仓库。"),
    # ------------------------------------------------------------------ orders
    "order.not_found": ("No order {number}.", "找不到订单 {number}。"),
    "order.customer_required": ("Choose a customer.", "请选择客户。"),
    "order.customer_inactive": (
        "Customer {code} is deactivated; orders are refused.",
        "客户 {code} 已停用，不能下单。",
    ),
    "order.no_lines": ("The order has no lines.", "订单没有明细行。"),
    "order.qty_invalid": (
        "Quantity {qty} is not valid (more than zero, at most three decimals).",
        "数量 {qty} 无效（须大于零，最多三位小数）。",
    ),
    "order.discount_invalid": (
        "Discount {discount} % must be between 0 and 100.",
        "折扣 {discount}% 须在 0 到 100 之间。",
    ),
    "order.price_invalid": ("Price {price} cannot be negative.", "单价 {price} 不能为负数。"),
    "order.pct_too_precise": (
        "{value} % has more than two decimals.",
        "{value}% 超过两位小数。",
    ),
    "order.transition_refused": (
        "An order in state {status} cannot be {action}ed.",
        "状态为 {status} 的订单不能执行 {action}。",
    ),
    "order.not_editable": (
        "Order {number} is {status}; only a draft can be changed (reopen it first).",
        "订单 {number} 状态为 {status}，只有草稿可修改（请先反审核）。",
    ),
    "order.changed_by_other": (
        "{user} changed order {number} meanwhile; reload it.",
        "订单 {number} 已被 {user} 修改，请重新载入。",
    ),
    "order.reopen_delivered": (
        "Order {number} has deliveries; it cannot go back to draft.",
        "订单 {number} 已有发货，不能反审核。",
    ),
    "order.cancel_delivered": (
        "Order {number} has deliveries; it cannot be cancelled.",
        "订单 {number} 已有发货，不能作废。",
    ),
    "order.reason_required": ("Give a reason.", "请填写原因。"),
    "order.nothing_to_deliver": ("Nothing left to deliver.", "没有可发货的数量。"),
    "order.deliver_too_much": (
        "Line {line}: only {left} left to deliver.",
        "第 {line} 行：剩余可发货数量只有 {left}。",
    ),
    "order.delivery_reversed": (
        "Delivery {number} was already reversed.",
        "送货单 {number} 已冲红。",
    ),
    # ------------------------------------------------------------------ credit
    "credit.warn": (
        "Over the credit limit: limit {limit}, balance {balance}, undelivered {undelivered}, "
        "this order {amount}, shortfall {shortfall}. Confirm anyway with a reason?",
        "超出信用额度：额度 {limit}，应收余额 {balance}，未发货 {undelivered}，本单 {amount}，"
        "超出 {shortfall}。是否填写原因后继续确认？",
    ),
    "credit.needs_approval": (
        "Over the credit limit by {shortfall} (limit {limit}, balance {balance}, undelivered "
        "{undelivered}, this order {amount}): a manager or accountant must approve.",
        "超出信用额度 {shortfall}（额度 {limit}，应收余额 {balance}，未发货 {undelivered}，"
        "本单 {amount}）：需经理或会计审批。",
    ),
    "credit.blocked": (
        "Over the credit limit by {shortfall} (limit {limit}, balance {balance}, undelivered "
        "{undelivered}, this order {amount}): confirming is refused. The draft is kept.",
        "超出信用额度 {shortfall}（额度 {limit}，应收余额 {balance}，未发货 {undelivered}，"
        "本单 {amount}）：禁止确认，草稿已保留。",
    ),
    "credit.overdue_warn": (
        "{overdue} of this customer's receivables is overdue. Confirm anyway with a reason?",
        "该客户有 {overdue} 应收款已超期。是否填写原因后继续确认？",
    ),
    "credit.overdue_needs_approval": (
        "{overdue} of this customer's receivables is overdue: a manager or accountant must approve.",
        "该客户有 {overdue} 应收款已超期：需经理或会计审批。",
    ),
    "credit.overdue_blocked": (
        "{overdue} of this customer's receivables is overdue: confirming is refused.",
        "该客户有 {overdue} 应收款已超期：禁止确认。",
    ),
    "credit.approver_not_allowed": (
        "{user} may not approve credit overrides.",
        "{user} 无权审批信用额度。",
    ),
    "credit.approver_is_requester": (
        "The approver must be another user than the clerk.",
        "审批人不能是制单人本人。",
    ),
    "credit.mode_invalid": ("Unknown credit mode {mode}.", "未知的信用控制方式 {mode}。"),
    # ------------------------------------------------------------------ CLI
    "order.cli_created": ("Order {number} saved ({total}).", "订单 {number} 已保存（{total}）。"),
    "order.cli_status": ("Order {number} is now {status}.", "订单 {number} 当前状态：{status}。"),
}
