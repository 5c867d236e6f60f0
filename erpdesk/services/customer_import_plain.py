"""Customer import, the dry run's path for plain new rows: checked and derived column by column.

Most rows of a first import are new customers with a handful of filled columns and nothing wrong
with them. Building a ``CustomerInput`` per row, running every rule over every field (most of them
blank) and deriving the stored columns field by field costs more than reading the file. ``plain_rows``
takes a batch's new rows whose cells the reader accepted, checks each filled column once over the
whole batch with the form's own helpers (``phone_ok``, ``email_ok``, ``tax_number_problem``,
``default_short_name``, ``mnemonic_for``, ``normalise_name``, ``phone_digits``), and returns each
row's stored values and contact columns, or ``None`` for a row it does not vouch for: one the rules
would report anything about (an error or a warning), a ``#清空``, a choice that is not in the lists.
Those rows take the ordinary path (``_draft``, ``validate_fields``, ``_clean``), which remains the
definition; a property test checks that a plan is the same whichever path its rows take.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import repeat
from typing import Any, NamedTuple

from erpdesk.domain.codes import CODE_MAX
from erpdesk.domain.customers import (
    NAME_MAX,
    SHORT_NAME_MAX,
    CustomerType,
    default_short_name,
    normalise_name,
    normalise_tax_number,
    phone_digits,
    tax_number_problem,
)
from erpdesk.services.customer_import_data import _STORED_KEYS, _key
from erpdesk.services.customer_rules import CONTACT_LIMITS, LIMITS, email_ok, phone_ok
from erpdesk.services.customer_writes import CONTACT_FIELDS, contact_values
from erpdesk.services.pinyin import mnemonic_for, normalise_mnemonic
from erpdesk.xlsx.columns import CLEAR_MARK
from erpdesk.xlsx.reader import Missing

# A new primary contact's columns after its customer's id and its own id (the commit adds those).
CONTACT_COLUMNS = (*CONTACT_FIELDS, "phone_digits", "mobile_digits")
# Text columns stored trimmed, with the length the rules allow.
_TEXT = ("region", "address", "postcode", "bank_name", "bank_account")
_CHOICE_IDS = {"category": "category_id", "level": "level_id", "salesperson": "salesperson_id"}
_HANDLED = frozenset(
    {
        "code",  # checked with the file's other codes before this
        "name",
        "short_name",
        "mnemonic",
        "customer_type",
        "settlement_method",
        "phone",
        "email",
        "tax_number",
        "invoice_title",
        "notes",
        "credit_limit",
        "payment_terms_days",
        "contact_name",
        "mobile",
        *_TEXT,
        *_CHOICE_IDS,
    }
)
_ZERO = Decimal("0")
_NO_DIGITS = phone_digits("")


class PlainRow(NamedTuple):
    """A new customer the rules accept: its name as in the file (for the preview), its stored
    values in ``_STORED_KEYS`` order, and its primary contact in ``CONTACT_COLUMNS`` order."""

    name: str
    stored: tuple[Any, ...]
    contact: tuple[Any, ...] | None


def contact_row(contact: Any) -> tuple[Any, ...]:
    """``CONTACT_COLUMNS`` of a new primary contact (a ``ContactInput``), as the form stores it."""
    values = contact_values(contact, 0)
    return tuple(values[c] for c in CONTACT_COLUMNS)


def plain_rows(
    fields: Sequence[str], cells: Sequence[Sequence[Any]], tables: dict[str, dict[str, Any]]
) -> list[PlainRow | None]:
    """Each row's ``PlainRow``, or ``None`` where the ordinary path must decide.

    ``fields`` name the cells of every row; ``cells`` are new customers' rows (a row matched to a
    stored customer in upsert mode is never one); ``tables`` map a choice as written
    (``_key``) to its stored value.
    """
    count = len(cells)
    if not count:
        return []
    if not _HANDLED.issuperset(fields):
        return [None] * count
    ok = [Missing not in row and CLEAR_MARK not in row for row in cells]
    where = {f: i for i, f in enumerate(fields)}

    def column(name: str) -> list[Any] | None:
        index = where.get(name)
        return None if index is None else [row[index] for row in cells]

    def refuse(index: int) -> None:
        ok[index] = False

    varying: dict[str, list[Any]] = {}
    fixed: dict[str, Any] = {
        key: ("" if key not in ("category_id", "level_id", "salesperson_id") else None)
        for key in _STORED_KEYS
    }
    fixed["phone_digits"] = _NO_DIGITS

    def text(name: str, limit: int) -> list[str] | None:
        values = column(name)
        if values is None:
            return None
        out: list[str] = []
        for index, value in enumerate(values):
            if value is None:
                out.append("")
            elif type(value) is str and len(value) <= limit and value.strip() == value:
                out.append(value)
            else:  # too long (the rules judge the trimmed length), not text, or blank at an end
                refuse(index)
                out.append("")
        return out

    # Name, short name, mnemonic.
    raw_names = column("name")
    if raw_names is None:
        return [None] * count
    names: list[str] = []
    for index, value in enumerate(raw_names):
        name = value.strip() if type(value) is str else ""
        if not name or len(name) > NAME_MAX:
            refuse(index)
        names.append(name)
    typed_shorts = text("short_name", SHORT_NAME_MAX) or [""] * count
    shorts = [s or default_short_name(n) for n, s in zip(names, typed_shorts, strict=True)]
    generated = [mnemonic_for(n, s) for n, s in zip(names, shorts, strict=True)]
    typed_mnemonics = text("mnemonic", CODE_MAX)
    if typed_mnemonics is None:
        varying["mnemonic"] = generated
        fixed["mnemonic_manual"] = False
    else:
        mnemonics: list[str] = []
        manual: list[bool] = []
        for typed_text, own in zip(typed_mnemonics, generated, strict=True):
            typed = normalise_mnemonic(typed_text)
            is_manual = bool(typed) and typed != own
            mnemonics.append(typed if is_manual else own)
            manual.append(is_manual)
        varying["mnemonic"], varying["mnemonic_manual"] = mnemonics, manual
    varying["name"], varying["short_name"] = names, shorts
    varying["name_key"] = [normalise_name(n) for n in names]

    # Choices: a value that is not in the list is the ordinary path's error.
    companies: list[bool] | None = None
    types = column("customer_type")
    if types is None:
        fixed["customer_type"] = CustomerType.COMPANY.value
    else:
        table = tables["customer_type"]
        kinds: list[str] = []
        for index, value in enumerate(types):
            resolved = CustomerType.COMPANY.value if value is None else table.get(_key(str(value)))
            if resolved is None:
                refuse(index)
                resolved = CustomerType.COMPANY.value
            kinds.append(CustomerType(resolved).value)
        varying["customer_type"] = kinds
        companies = [k == CustomerType.COMPANY.value for k in kinds]
    for name, key in (*_CHOICE_IDS.items(), ("settlement_method", "settlement_method")):
        values = column(name)
        if values is None:
            continue
        table = tables[name]
        chosen: list[Any] = []
        for index, value in enumerate(values):
            resolved = None if value is None else table.get(_key(str(value)))
            if resolved is None and value is not None:
                refuse(index)
            chosen.append(resolved if resolved is not None or key != "settlement_method" else "")
        varying[key] = chosen

    # Plain text columns.
    for name in _TEXT:
        values_ = text(name, LIMITS[name])
        if values_ is not None:
            varying[name] = values_
    notes = column("notes")
    if notes is not None:
        for index, value in enumerate(notes):
            if value is not None and type(value) is not str:
                refuse(index)
        varying["notes"] = [v.strip() if type(v) is str else "" for v in notes]
    emails = text("email", LIMITS["email"])
    if emails is not None:
        for index, value in enumerate(emails):
            if value and not email_ok(value):
                refuse(index)
        varying["email"] = emails

    # The contact, and the phone: a mobile without a contact name is the customer's phone when
    # the file gives none (as the ordinary path does).
    contact_names = text("contact_name", CONTACT_LIMITS["name"])
    mobiles = text("mobile", min(CONTACT_LIMITS["mobile"], LIMITS["phone"]))
    typed_phones = text("phone", LIMITS["phone"])
    phones = typed_phones or [""] * count
    contacts: list[tuple[Any, ...] | None] = [None] * count
    if contact_names is not None or mobiles is not None:
        for index in range(count):
            person = contact_names[index] if contact_names is not None else ""
            mobile = mobiles[index] if mobiles is not None else ""
            if not mobile and not person:
                continue
            if mobile and not phone_ok(mobile):
                refuse(index)
            if not person:
                if phones[index]:
                    refuse(index)  # a contact without a name: the form's error
                else:
                    phones[index] = mobile
                continue
            contacts[index] = (
                person,
                "",
                "",
                mobile,
                "",
                "",
                "",
                True,
                _NO_DIGITS,
                phone_digits(mobile),
            )
    if typed_phones is not None or mobiles is not None:
        for index, value in enumerate(phones):
            if value and not phone_ok(value):
                refuse(index)
        varying["phone"] = phones
        varying["phone_digits"] = [phone_digits(v) for v in phones]

    # Company-only columns: tax number (a warning of the rules sends the row the ordinary way)
    # and invoice title.
    taxes = text("tax_number", LIMITS["tax_number"])
    if taxes is not None:
        stored_taxes: list[str] = []
        for index, value in enumerate(taxes):
            number = normalise_tax_number(value)
            if tax_number_problem(number) is not None:
                refuse(index)
            company = companies is None or companies[index]
            stored_taxes.append(number if company else "")
        varying["tax_number"] = stored_taxes
    titles = text("invoice_title", LIMITS["invoice_title"]) or [""] * count
    varying["invoice_title"] = [
        (t or n) if (companies is None or companies[i]) else ""
        for i, (t, n) in enumerate(zip(titles, names, strict=True))
    ]

    # Numbers: Decimal and int as the reader makes them, never negative.
    limits = column("credit_limit")
    if limits is None:
        fixed["credit_limit"] = _ZERO
    else:
        for index, value in enumerate(limits):
            if value is not None and (type(value) is not Decimal or value < 0):
                refuse(index)
        varying["credit_limit"] = [_ZERO if v is None else v for v in limits]
    terms = column("payment_terms_days")
    if terms is None:
        fixed["payment_terms_days"] = 0
    else:
        for index, value in enumerate(terms):
            if value is not None and (type(value) is not int or value < 0):
                refuse(index)
        varying["payment_terms_days"] = [0 if v is None else v for v in terms]

    parts = [varying[k] if k in varying else repeat(fixed[k], count) for k in _STORED_KEYS]
    return [
        PlainRow(raw, stored, contact) if good else None
        for good, raw, stored, contact in zip(
            ok, raw_names, zip(*parts, strict=True), contacts, strict=True
        )
    ]
