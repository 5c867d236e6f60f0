"""Customer rules that need no database: kinds and states, the USCC check character, duplicate keys.

Pure functions only (stdlib): the service, the Excel importer and the tests share them. Phone and e-mail
syntax checks need third-party libraries and live in ``services.customer_rules``.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class CustomerType(StrEnum):
    """个人 or 公司; an individual has no tax number, invoice title or company size."""

    INDIVIDUAL = "individual"
    COMPANY = "company"


class CustomerStatus(StrEnum):
    """启用 / 停用; a deactivated customer is hidden by default and refused on new orders."""

    ACTIVE = "active"
    INACTIVE = "inactive"


class RelationKind(StrEnum):
    """A typed link stored from ``from`` to ``to``; ``ROLE_FROM``/``ROLE_TO`` name each side."""

    PARENT = "parent"  # from is the parent (总公司), to is the branch (分公司)
    UPSTREAM = "upstream"  # from supplies to
    PARTNER = "partner"  # symmetric
    PAYS_FOR = "pays_for"  # from pays on behalf of to (代付单位)


class RelationRole(StrEnum):
    """How the *other* customer stands to the one being shown."""

    PARENT = "parent"
    BRANCH = "branch"
    UPSTREAM = "upstream"
    DOWNSTREAM = "downstream"
    PARTNER = "partner"
    PAYER = "payer"
    PAID_FOR = "paid_for"


# (role of the other side when viewed from `from`, role of the other side when viewed from `to`)
RELATION_ROLES: dict[RelationKind, tuple[RelationRole, RelationRole]] = {
    RelationKind.PARENT: (RelationRole.BRANCH, RelationRole.PARENT),
    RelationKind.UPSTREAM: (RelationRole.DOWNSTREAM, RelationRole.UPSTREAM),
    RelationKind.PARTNER: (RelationRole.PARTNER, RelationRole.PARTNER),
    RelationKind.PAYS_FOR: (RelationRole.PAID_FOR, RelationRole.PAYER),
}


class InteractionKind(StrEnum):
    """方式 of a follow-up entry."""

    CALL = "call"
    VISIT = "visit"
    WECHAT = "wechat"
    EMAIL = "email"
    OTHER = "other"
    SYSTEM = "system"


class SettlementMethod(StrEnum):
    """结算方式."""

    CASH = "cash"  # 现结
    MONTHLY = "monthly"  # 月结
    ACCOUNT = "account"  # 记账


NAME_MAX = 100
SHORT_NAME_MAX = 20

# ---------------------------------------------------------------- unified social credit code

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def normalise_tax_number(text: str) -> str:
    """Trim, half-width and uppercase a 纳税人识别号 as typed."""
    if not text:
        return ""
    return unicodedata.normalize("NFKC", text).strip().replace(" ", "").upper()


def uscc_check_char(first17: str) -> str:
    """The GB 32100-2015 check character of the first 17 characters of a USCC.

    Raises:
        ValueError: a character outside the USCC alphabet.
    """
    total = sum(USCC_ALPHABET.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def tax_number_problem(text: str) -> str | None:
    """Why a tax number looks wrong (a message id), or None; these warn, never block.

    A legacy 15- or 20-character 税号 is accepted with a warning; an 18-character one must carry the
    right check character.
    """
    value = normalise_tax_number(text)
    if not value:
        return None
    if len(value) in (15, 20) and value.isalnum():
        return "customer.tax_number_legacy"
    if len(value) != 18:
        return "customer.tax_number_length"
    if any(ch not in USCC_ALPHABET for ch in value):
        return "customer.tax_number_chars"
    if uscc_check_char(value[:17]) != value[17]:
        return "customer.tax_number_check"
    return None


# ---------------------------------------------------------------------------- duplicate keys

COMPANY_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "公司",
    "coltd",
    "companylimited",
    "limited",
    "ltd",
    "incorporated",
    "inc",
    "corporation",
    "corp",
    "co",
    "llc",
    "gmbh",
)
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise_name(name: str) -> str:
    """Duplicate key of a name: NFKC (full → half width), casefold, no spaces or punctuation.

    Company suffixes (有限公司, Co., Ltd. …) are removed from the end, repeatedly, so that
    ``上海 明达 有限公司`` and ``上海明达`` and ``MINGDA Co., Ltd.`` / ``Mingda`` compare equal.
    """
    key = _PUNCT.sub("", unicodedata.normalize("NFKC", name).casefold())
    while key.endswith(COMPANY_SUFFIXES):  # one C call rules out a key without a suffix
        for suffix in COMPANY_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                break
        else:
            break
    return key


_SHORT_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "公司")
_LATIN_SUFFIX = re.compile(r"(?i)[\s,.]*(co\.?,?\s*ltd\.?|company limited|limited|ltd\.?|inc\.?)$")
# Every ending _LATIN_SUFFIX can match ends with one of these (no other character case-folds to
# them): most names skip the search (an import derives 100,000 short names).
_LATIN_SUFFIX_LAST = "dDcC."


def default_short_name(name: str) -> str:
    """简称 default: the name without a company suffix and without a leading ``(…)``, ≤20 characters."""
    text = unicodedata.normalize("NFKC", name).strip()
    if text.endswith(_SHORT_SUFFIXES):
        for suffix in _SHORT_SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                break
    if text[-1:] in _LATIN_SUFFIX_LAST:
        text = _LATIN_SUFFIX.sub("", text)
    return text.strip()[:SHORT_NAME_MAX]


def phone_digits(text: str) -> str:
    """Digits of a phone as typed, for search and duplicate checks.

    ``+86`` / ``0086`` country prefixes and separators are removed; a Chinese mobile keeps its last 11
    digits, so ``+86 138-0013-8000`` and ``13800138000`` are equal.
    """
    if text.isascii():  # NFKC leaves ASCII as it is, and only 0-9 are ASCII digits
        digits = text if text.isdigit() else _NOT_ASCII_DIGIT.sub("", text)
    else:
        digits = "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit())
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if len(digits) > 11 and digits[-11] == "1" and digits[-11:-9] in _MOBILE_HEADS:
        digits = digits[-11:]
    return digits[:20]


_NOT_ASCII_DIGIT = re.compile(r"[^0-9]+")
_MOBILE_HEADS = frozenset({"13", "14", "15", "16", "17", "18", "19"})
