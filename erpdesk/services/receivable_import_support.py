"""What the opening-balance and receipt imports share: the customers a file names (current or old code),
the payment-method names a cell may hold. What every importer shares lives in ``import_rows``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, select

from erpdesk.db.models.customer import Customer, CustomerCodeAlias
from erpdesk.domain.messages import catalogue, render
from erpdesk.domain.permissions import Permission
from erpdesk.domain.receivables import ReceiptMethod
from erpdesk.services.import_rows import RowNotes, chunks
from erpdesk.xlsx.columns import header_key

# Both imports move money on the ledger: the committing user must be allowed to post receipts too.
COMMIT_PERMISSIONS = (Permission.POST_RECEIPT,)

# Words a file may use for a method besides the catalogue names in either language.
_METHOD_WORDS: dict[str, ReceiptMethod] = {
    "转账": ReceiptMethod.BANK_TRANSFER,
    "银行": ReceiptMethod.BANK_TRANSFER,
    "银行汇款": ReceiptMethod.BANK_TRANSFER,
    "电汇": ReceiptMethod.BANK_TRANSFER,
    "banktransfer": ReceiptMethod.BANK_TRANSFER,
    "bank": ReceiptMethod.BANK_TRANSFER,
    "transfer": ReceiptMethod.BANK_TRANSFER,
    "微信支付": ReceiptMethod.WECHAT,
    "wechatpay": ReceiptMethod.WECHAT,
    "weixin": ReceiptMethod.WECHAT,
    "check": ReceiptMethod.CHEQUE,
    "其它": ReceiptMethod.OTHER,
}


def method_label(method: ReceiptMethod, lang: str) -> str:
    return render(f"receivable_import.method.{method.value}", lang)


def method_choices(lang: str) -> list[str]:
    """The template's drop-down of payment methods, in ``lang``."""
    return [method_label(m, lang) for m in ReceiptMethod]


def parse_method(text: str) -> ReceiptMethod | None:
    """A method cell in Chinese or English (``银行转账``, ``Bank transfer``, ``bank_transfer``…)."""
    key = header_key(text)
    if not key:
        return None
    for method in ReceiptMethod:
        en, zh = catalogue()[f"receivable_import.method.{method.value}"]
        if key in {header_key(en), header_key(zh), header_key(method.value)}:
            return method
    return _METHOD_WORDS.get(key)


@dataclass(frozen=True, slots=True)
class FileCustomer:
    """A customer a row names, and the old code it was named by ("" for its current code)."""

    id: int
    code: str
    name: str
    payment_terms_days: int
    old_code: str = ""


def find_customers(conn: Connection, wanted: Iterable[str]) -> dict[str, FileCustomer]:
    """Code in the file (current or old) -> customer; codes nobody has are left out."""
    codes = sorted(set(wanted))
    columns = (Customer.id, Customer.code, Customer.name, Customer.payment_terms_days)
    found: dict[str, FileCustomer] = {}
    aliases: dict[int, list[str]] = {}
    for part in chunks(codes):
        for cid, code, name, terms in conn.execute(select(*columns).where(Customer.code.in_(part))):
            found[code] = FileCustomer(int(cid), code, name, int(terms or 0))
        for cid, alias in conn.execute(
            select(CustomerCodeAlias.customer_id, CustomerCodeAlias.code).where(
                CustomerCodeAlias.code.in_(part)
            )
        ):
            aliases.setdefault(int(cid), []).append(str(alias))
    for part in chunks(sorted(aliases)):
        for cid, code, name, terms in conn.execute(select(*columns).where(Customer.id.in_(part))):
            for alias in aliases[int(cid)]:
                found.setdefault(alias, FileCustomer(int(cid), code, name, int(terms or 0), alias))
    return found


def row_customer(
    notes: RowNotes, codes: Mapping[int, str], customers: Mapping[str, FileCustomer]
) -> tuple[str, FileCustomer | None]:
    """The customer code of the row in ``notes`` and its customer; an unknown code is an error."""
    code = codes.get(notes.row, "")
    customer = customers.get(code) if code else None
    if code and customer is None:
        notes.error("customer_code", "cell.unknown_customer", code=code)
    return code, customer
