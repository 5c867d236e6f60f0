"""Column specifications of the importable kinds: field, cell type, required flag, header words.

A ``Column``'s header is the catalogue message ``col.<kind>.<field>`` in the user's language; headers are
recognised in either language and through the synonyms listed here (compared after removing spaces,
punctuation and case, so ``客户 编码``, ``Customer Code`` and ``customer_code`` all match).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from erpdesk.domain.messages import catalogue

# Cell types the reader understands.
TEXT = "text"  # free text: digits/letters/space half-width, trimmed
ASCII = "ascii"  # codes, phones, e-mails, tax numbers: every full-width form half-width, trimmed
MONEY = "money"  # Decimal with at most 2 decimals
INT = "int"
DATE = "date"

CLEAR_MARK = "#清空"


@dataclass(frozen=True, slots=True)
class Column:
    """One importable column."""

    field: str
    kind: str = TEXT
    required: bool = False
    synonyms: tuple[str, ...] = ()
    # Allowed values for enumerations (shown as drop-downs); filled from the database for templates.
    choices_key: str | None = None
    example: str = ""


@dataclass(frozen=True, slots=True)
class KindSpec:
    """The columns of one kind, in template order, and whether an importer exists yet."""

    kind: str
    columns: tuple[Column, ...]
    importable: bool = False
    key_fields: tuple[str, ...] = field(default=())

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.field == name)


def header_key(text: str) -> str:
    """The comparable form of a header: NFKC, lower case, without spaces, punctuation and ``*``."""
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s_\-*:：（）()\[\]【】/\\.]+", "", text)


def header_text(kind: str, field_name: str, lang: str) -> str:
    """The header shown for a column in ``lang``."""
    en, zh = catalogue().get(f"col.{kind}.{field_name}", (field_name, field_name))
    return zh if lang == "zh_CN" else en


def header_words(kind: str, column: Column) -> set[str]:
    en, zh = catalogue().get(f"col.{kind}.{column.field}", (column.field, column.field))
    words = {header_key(en), header_key(zh), header_key(column.field)}
    words.update(header_key(s) for s in column.synonyms)
    return words


C = Column
CUSTOMERS = KindSpec(
    kind="customers",
    importable=True,
    key_fields=("code",),
    columns=(
        C(
            "code",
            ASCII,
            synonyms=("编码", "客户代码", "代码", "Code", "客户编号", "编号"),
            example="KH00001",
        ),
        C(
            "name",
            TEXT,
            True,
            ("名称", "客户全称", "全称", "Name", "公司名称", "单位名称"),
            example="上海示例贸易有限公司",
        ),
        C("short_name", TEXT, synonyms=("简称", "Short name", "Abbreviation"), example="示例贸易"),
        C("mnemonic", ASCII, synonyms=("助记码", "拼音码", "Mnemonic"), example="SLMY"),
        C(
            "customer_type",
            TEXT,
            synonyms=("类型", "客户类型", "Type"),
            choices_key="customer_type",
        ),
        C(
            "category",
            TEXT,
            synonyms=("分类", "客户分类", "类别", "Category"),
            choices_key="category",
        ),
        C("level", TEXT, synonyms=("等级", "客户等级", "级别", "Level"), choices_key="level"),
        C("region", TEXT, synonyms=("地区", "区域", "Region", "Area"), example="华东"),
        C(
            "contact_name",
            TEXT,
            synonyms=("联系人", "联系人姓名", "Contact", "Contact person"),
            example="张三",
        ),
        C(
            "mobile",
            ASCII,
            synonyms=("手机", "手机号", "手机号码", "移动电话", "Mobile", "Cell"),
            example="13812345678",
        ),
        C(
            "phone",
            ASCII,
            synonyms=("电话", "联系电话", "座机", "Phone", "Telephone", "Tel"),
            example="021-12345678",
        ),
        C(
            "email",
            ASCII,
            synonyms=("邮箱", "电子邮箱", "电子邮件", "Email", "E-mail", "Mail"),
            example="zhang@example.com",
        ),
        C(
            "address",
            TEXT,
            synonyms=("地址", "详细地址", "Address"),
            example="上海市浦东新区示例路 1 号",
        ),
        C("postcode", ASCII, synonyms=("邮编", "邮政编码", "Postcode", "Zip"), example="200120"),
        C(
            "tax_number",
            ASCII,
            synonyms=("税号", "纳税人识别号", "统一社会信用代码", "Tax ID", "Tax number"),
            example="91310000MA1FL0AB1C",
        ),
        C("invoice_title", TEXT, synonyms=("开票单位", "发票抬头", "Invoice title")),
        C("bank_name", TEXT, synonyms=("开户银行", "开户行", "Bank", "Bank name")),
        C("bank_account", ASCII, synonyms=("银行账号", "账号", "Bank account", "Account number")),
        C(
            "credit_limit",
            MONEY,
            synonyms=("信用额度", "额度", "Credit limit", "Credit"),
            example="50000.00",
        ),
        C(
            "payment_terms_days",
            INT,
            synonyms=("账期", "信用天数", "账期天数", "Payment terms", "Payment days", "Days"),
            example="30",
        ),
        C(
            "settlement_method",
            TEXT,
            synonyms=("结算方式", "Settlement", "Settlement method"),
            choices_key="settlement_method",
        ),
        C(
            "salesperson",
            TEXT,
            synonyms=("业务员", "销售员", "Salesperson", "Sales rep"),
            choices_key="salesperson",
        ),
        C("notes", TEXT, synonyms=("备注", "说明", "Notes", "Remark", "Remarks", "Memo")),
    ),
)

CONTACTS = KindSpec(
    kind="contacts",
    importable=True,
    key_fields=("customer_code", "name"),
    columns=(
        C(
            "customer_code",
            ASCII,
            True,
            ("客户编码", "编码", "客户代码", "Customer code"),
            example="KH00001",
        ),
        C("name", TEXT, True, ("姓名", "联系人", "Name"), example="李四"),
        C("title", TEXT, synonyms=("职务", "职位", "Title", "Position"), example="采购经理"),
        C("phone", ASCII, synonyms=("电话", "座机", "Phone"), example="021-87654321"),
        C("mobile", ASCII, synonyms=("手机", "手机号", "Mobile"), example="13912345678"),
        C("email", ASCII, synonyms=("邮箱", "Email", "E-mail"), example="li@example.com"),
        C("im", TEXT, synonyms=("QQ/微信", "微信", "QQ", "WeChat"), example=""),
        C("is_default", TEXT, synonyms=("默认", "默认联系人", "Default"), example="是"),
        C("notes", TEXT, synonyms=("备注", "Notes")),
    ),
)

PRODUCTS = KindSpec(
    kind="products",
    importable=True,
    key_fields=("code",),
    columns=(
        C("code", ASCII, synonyms=("商品编码", "编码", "Code", "SKU"), example="SP00001"),
        C("name", TEXT, True, ("商品名称", "名称", "Name"), example="A4 复印纸"),
        C("spec", TEXT, synonyms=("规格", "规格型号", "Specification")),
        C("unit", TEXT, synonyms=("单位", "Unit"), example="箱"),
        C("category", TEXT, synonyms=("分类", "商品分类", "类别", "Category"), example="办公用品"),
        C("barcode", ASCII, synonyms=("条码", "条形码", "Barcode"), example="6901234567892"),
        C("price", MONEY, synonyms=("单价", "售价", "Price"), example="125.00"),
        C("tax_rate", ASCII, synonyms=("税率", "税率%", "Tax rate", "VAT"), example="13"),
        C(
            "opening_stock",
            MONEY,
            synonyms=("期初库存", "库存", "期初数量", "Opening stock", "Stock"),
            example="100",
        ),
    ),
)

OPENING = KindSpec(
    kind="opening-balances",
    importable=True,
    key_fields=("customer_code", "doc_no"),
    columns=(
        C(
            "customer_code",
            ASCII,
            True,
            ("客户编码", "编码", "客户代码", "客户编号", "Customer code", "Code"),
            example="KH00001",
        ),
        C(
            "doc_no",
            ASCII,
            synonyms=("单据号", "单据编号", "单号", "Document no.", "Document number", "Doc no"),
            example="QC-0001",
        ),
        C(
            "doc_date",
            DATE,
            True,
            ("单据日期", "日期", "业务日期", "Date", "Document date"),
            example="2024-12-31",
        ),
        C(
            "due_date",
            DATE,
            synonyms=("到期日", "到期日期", "Due date", "Due"),
            example="2025-01-31",
        ),
        C(
            "amount",
            MONEY,
            True,
            ("金额", "应收金额", "期初余额", "期初应收", "余额", "Amount", "Balance"),
            example="12000.00",
        ),
        C("notes", TEXT, synonyms=("备注", "说明", "摘要", "Notes", "Remark", "Memo")),
    ),
)

ORDERS = KindSpec(
    kind="orders",
    importable=True,
    key_fields=("order_no",),
    columns=(
        C("order_no", ASCII, synonyms=("订单号", "单号", "Order no."), example="XS20250503-0001"),
        C("order_date", DATE, True, ("日期", "订单日期", "Date"), example="2025-05-03"),
        C("customer_code", ASCII, True, ("客户编码", "Customer code"), example="KH00001"),
        C("product_code", ASCII, True, ("商品编码", "Product code"), example="SP0001"),
        C("quantity", MONEY, True, ("数量", "Quantity"), example="10"),
        C("price", MONEY, True, ("单价", "Price"), example="125.00"),
    ),
)

RECEIPTS = KindSpec(
    kind="receipts",
    importable=True,
    columns=(
        C(
            "customer_code",
            ASCII,
            True,
            ("客户编码", "编码", "客户代码", "客户编号", "Customer code", "Code"),
            example="KH00001",
        ),
        C(
            "receipt_date",
            DATE,
            True,
            ("日期", "收款日期", "到账日期", "Date"),
            example="2025-05-03",
        ),
        C(
            "method",
            TEXT,
            True,
            ("收款方式", "付款方式", "方式", "Method", "Payment method"),
            choices_key="payment_method",
        ),
        C(
            "reference",
            ASCII,
            synonyms=("参考号", "流水号", "银行流水号", "交易号", "票据号", "Reference", "Ref"),
            example="20250503123456",
        ),
        C("amount", MONEY, True, ("金额", "收款金额", "实收金额", "Amount"), example="5000.00"),
        C(
            "doc_no",
            ASCII,
            synonyms=("核销单据号", "核销单号", "单据号", "Document no.", "Allocate to"),
            example="QC-0001",
        ),
        C("notes", TEXT, synonyms=("备注", "说明", "摘要", "Notes", "Remark", "Memo")),
    ),
)

KINDS: dict[str, KindSpec] = {
    spec.kind: spec for spec in (CUSTOMERS, CONTACTS, PRODUCTS, OPENING, ORDERS, RECEIPTS)
}
