"""Customer import: turn cleaned rows into validated customers (dry run), then write them in one go.

``plan`` reads the database only (lookups, and the customers whose current or old codes appear in the
file) and runs every row through ``customer_rules.validate_fields``, the rules of the form, outside any
write transaction. Stored values are derived exactly as a form save derives them
(``customer_writes._clean``: short name, mnemonic, keys, invoice title). ``write`` runs inside the
caller's write unit: it re-checks what the plan relied on (versions, free codes), takes codes from the
code rule for rows without one, writes with Core ``executemany`` (customers, issued codes, contacts),
refreshes the search rows and appends the audit entries in bulk, in the same shape the ORM hook and
the customer service write (insert/update entries, ``saved`` markers for updates, contacts keyed
``<customer id>/<contact id>``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select, text, update

from erpdesk.db.audit import AuditEntry
from erpdesk.db.base import AUDIT_SKIPPED_FIELDS
from erpdesk.db.models.customer import (
    Customer,
    CustomerCategory,
    CustomerCodeAlias,
    CustomerContact,
    CustomerLevel,
    IssuedCode,
)
from erpdesk.db.models.user import UserAccount
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import codes
from erpdesk.domain.customers import (
    CustomerStatus,
    CustomerType,
    SettlementMethod,
    default_short_name,
    phone_digits,
)
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import catalogue
from erpdesk.services import customer_codes, customer_reads, customer_search
from erpdesk.services.customer_dto import ContactInput, CustomerInput, FieldReport
from erpdesk.services.customer_rules import validate_fields
from erpdesk.services.customer_writes import (
    CONTACT_FIELDS,
    CUSTOMER_FIELDS,
    _clean,
    contact_values,
)
from erpdesk.services.import_dto import ImportMode, Outcome, PreviewRow, RowProblem
from erpdesk.services.pinyin import mnemonic_for, normalise_mnemonic
from erpdesk.xlsx.columns import CLEAR_MARK, header_text
from erpdesk.xlsx.reader import ReadResult

CHUNK = 500
KIND = "customers"

# Import columns that name something stored under another attribute.
_ATTRIBUTE = {
    "category": "category_id",
    "level": "level_id",
    "salesperson": "salesperson_id",
}
_COLUMN_OF = {v: k for k, v in _ATTRIBUTE.items()}
_CONTACT_COLUMNS = {"contact_name": "name", "mobile": "mobile"}


class ImportCancelled(Exception):
    """The user cancelled; the caller's unit of work rolls back."""


@dataclass(slots=True)
class Lookups:
    """Names the file may use for enumerations (either language, any case), mapped to stored values."""

    categories: dict[str, int] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)
    salespeople: dict[str, int] = field(default_factory=dict)
    customer_types: dict[str, str] = field(default_factory=dict)
    settlement: dict[str, str] = field(default_factory=dict)

    def table(self, column: str) -> dict[str, Any] | None:
        tables: dict[str, dict[str, Any]] = {
            "customer_type": self.customer_types,
            "settlement_method": self.settlement,
            "category": self.categories,
            "level": self.levels,
            "salesperson": self.salespeople,
        }
        return tables.get(column)


@dataclass(slots=True)
class Existing:
    """A stored customer matched by code (current or old), with its primary contact."""

    id: int
    version: int
    code: str
    values: dict[str, Any]  # CUSTOMER_FIELDS + name_key, phone_digits
    contact_id: int | None = None
    contact: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Prepared:
    """A valid row ready to write.

    New customers keep only their derived column values (``stored``, in ``_STORED_KEYS`` order) and
    their contact; updates keep the whole draft and the stored customer they change.
    """

    row: int
    outcome: Outcome
    draft: CustomerInput | None
    code: str = ""
    existing: Existing | None = None
    changed: tuple[str, ...] = ()
    contact_changed: tuple[str, ...] = ()
    stored: tuple[Any, ...] | None = None
    contact: ContactInput | None = None

    def stored_values(self) -> dict[str, Any]:
        if self.stored is None:
            assert self.draft is not None
            return _clean(self.draft)
        return dict(zip(_STORED_KEYS, self.stored, strict=True))


def copy_prepared(item: Prepared) -> Prepared:
    """A copy whose code the writer may fill in (generated codes), leaving the plan untouched."""
    return replace(item)


_STORED_KEYS = tuple(_clean(CustomerInput(name="x")))


def _compact(values: dict[str, Any]) -> tuple[Any, ...]:
    """``_clean``'s dict as a tuple (a tenth of the memory for 100,000 rows)."""
    if tuple(values) != _STORED_KEYS:
        raise RuntimeError("customer_writes._clean changed its keys")
    return tuple(values.values())


def _key(text: str) -> str:
    return text.strip().casefold()


def _choices(prefix: str, members: Iterable[Any]) -> dict[str, str]:
    result: dict[str, str] = {}
    for member in members:
        result[_key(member.value)] = member.value
        for label in catalogue().get(f"choice.{prefix}.{member.value}", ()):
            result[_key(label)] = member.value
    return result


def load_lookups(conn: Connection) -> Lookups:
    lookups = Lookups(
        customer_types=_choices("customer_type", CustomerType),
        settlement=_choices("settlement_method", SettlementMethod),
    )
    for cid, code, name in conn.execute(
        select(CustomerCategory.id, CustomerCategory.code, CustomerCategory.name)
    ):
        lookups.categories.setdefault(_key(name), cid)
        lookups.categories.setdefault(_key(code), cid)
    for lid, name in conn.execute(select(CustomerLevel.id, CustomerLevel.name)):
        lookups.levels[_key(name)] = lid
    for uid, username, display in conn.execute(
        select(UserAccount.id, UserAccount.username, UserAccount.display_name)
    ):
        lookups.salespeople.setdefault(_key(username), uid)
        if display:
            lookups.salespeople.setdefault(_key(display), uid)
    return lookups


def choice_lists(conn: Connection, lang: str) -> dict[str, list[str]]:
    """Drop-down values for templates: fixed choices in ``lang``, the rest from the database."""
    index = 1 if lang == "zh_CN" else 0
    return {
        "customer_type": [
            catalogue()[f"choice.customer_type.{m.value}"][index]
            for m in sorted(CustomerType, key=lambda m: m is not CustomerType.COMPANY)
        ],
        "settlement_method": [
            catalogue()[f"choice.settlement_method.{m.value}"][index] for m in SettlementMethod
        ],
        "category": [
            str(n)
            for n in conn.execute(
                select(CustomerCategory.name)
                .where(CustomerCategory.active.is_(True))
                .order_by(CustomerCategory.code)
            ).scalars()
        ],
        "level": [
            str(n)
            for n in conn.execute(
                select(CustomerLevel.name)
                .where(CustomerLevel.active.is_(True))
                .order_by(CustomerLevel.sort_order, CustomerLevel.name)
            ).scalars()
        ],
        "salesperson": [
            str(r.display_name or r.username)
            for r in conn.execute(
                select(UserAccount.username, UserAccount.display_name)
                .where(UserAccount.active.is_(True))
                .order_by(UserAccount.username)
            )
        ],
        "payment_method": [],
    }


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_LOADED = (*CUSTOMER_FIELDS, "name_key", "phone_digits")


def _existing_rows(conn: Connection, where: Any) -> Iterator[Existing]:
    columns = [getattr(Customer, name) for name in _LOADED]
    for row in conn.execute(
        select(Customer.id, Customer.version, Customer.code, *columns).where(where)
    ):
        yield Existing(
            id=row.id,
            version=row.version,
            code=row.code,
            values={name: getattr(row, name) for name in _LOADED},
        )


def load_existing(conn: Connection, wanted: Iterable[str]) -> dict[str, tuple[Existing, str]]:
    """Code in the file -> (stored customer, the old code it matched through, or "")."""
    codes_wanted = sorted(set(wanted))
    by_id: dict[int, Existing] = {}
    aliases: list[tuple[int, str]] = []
    for part in _chunks(codes_wanted):
        for existing in _existing_rows(conn, Customer.code.in_(part)):
            by_id[existing.id] = existing
        aliases.extend(
            (int(cid), str(code))
            for cid, code in conn.execute(
                select(CustomerCodeAlias.customer_id, CustomerCodeAlias.code).where(
                    CustomerCodeAlias.code.in_(part)
                )
            )
        )
    missing = sorted({cid for cid, _ in aliases if cid not in by_id})
    for part in _chunks(missing):
        for existing in _existing_rows(conn, Customer.id.in_(part)):
            by_id[existing.id] = existing
    for part in _chunks(sorted(by_id)):
        contact_columns = [getattr(CustomerContact, f) for f in CONTACT_FIELDS]
        for row in conn.execute(
            select(CustomerContact.id, CustomerContact.customer_id, *contact_columns)
            .where(CustomerContact.customer_id.in_(part), CustomerContact.is_primary.is_(True))
            .order_by(CustomerContact.id)
        ):
            existing = by_id[row.customer_id]
            if existing.contact_id is None:
                existing.contact_id = row.id
                existing.contact = {f: getattr(row, f) for f in CONTACT_FIELDS}
    found: dict[str, tuple[Existing, str]] = {
        e.code: (e, "") for e in by_id.values() if e.code in set(codes_wanted)
    }
    for customer_id, alias in aliases:
        if customer_id in by_id:
            found[alias] = (by_id[customer_id], alias)
    return found


def issued_codes(conn: Connection, wanted: Iterable[str]) -> set[str]:
    result: set[str] = set()
    for part in _chunks(sorted(set(wanted))):
        result.update(
            conn.execute(
                select(IssuedCode.code).where(
                    IssuedCode.scope == customer_codes.SCOPE, IssuedCode.code.in_(part)
                )
            ).scalars()
        )
    return result


# ------------------------------------------------------------------------------ dry run


@dataclass(slots=True)
class _Row:
    """Problems of one row, with the column each belongs to."""

    sheet: str
    row: int
    columns: dict[str, int]
    headers: dict[str, str]
    lang: str
    problems: list[RowProblem] = field(default_factory=list)

    def make(self, column_name: str, msg_id: str, params: dict[str, Any]) -> RowProblem:
        header = self.headers.get(column_name) or (
            header_text(KIND, column_name, self.lang) if column_name else ""
        )
        return RowProblem(
            sheet=self.sheet,
            row=self.row,
            column=self.columns.get(column_name, 0),
            header=header,
            field=column_name,
            msg_id=msg_id,
            params=params,
        )

    def add(self, column_name: str, msg_id: str, **params: Any) -> None:
        self.problems.append(self.make(column_name, msg_id, params))


def _column_of_issue(issue_field: str) -> str:
    """The import column a ``FieldIssue`` belongs to (``contacts[0].mobile`` → ``mobile``)."""
    if issue_field.startswith("contacts"):
        attr = issue_field.split(".", 1)[-1]
        return {"name": "contact_name", "mobile": "mobile"}.get(attr, "contact_name")
    return _COLUMN_OF.get(issue_field, issue_field)


def _cleared(attribute: str) -> Any:
    """The value ``#清空`` stores."""
    if attribute in ("category_id", "level_id", "salesperson_id"):
        return None
    if attribute == "credit_limit":
        return Decimal("0")
    if attribute == "payment_terms_days":
        return 0
    if attribute == "customer_type":
        return CustomerType.COMPANY
    return ""


def _draft(values: dict[str, Any], contact: dict[str, Any] | None, code: str) -> CustomerInput:
    """A CustomerInput from attribute values (missing ones take the form's defaults)."""
    known = {k: v for k, v in values.items() if k in CustomerInput.__dataclass_fields__}
    if "customer_type" in known and not isinstance(known["customer_type"], CustomerType):
        known["customer_type"] = CustomerType(known["customer_type"])
    if "mnemonic" in values:
        # A mnemonic equal to the generated one (e.g. from our own export) is not a manual one.
        name = str(known.get("name", "")).strip()
        short = str(known.get("short_name", "")).strip() or default_short_name(name)
        typed = normalise_mnemonic(str(known.get("mnemonic") or ""))
        known["mnemonic_manual"] = bool(typed) and typed != mnemonic_for(name, short)
    contacts: tuple[ContactInput, ...] = ()
    if contact and (contact.get("name") or contact.get("mobile")):
        contacts = (
            ContactInput(
                **{
                    k: v
                    for k, v in contact.items()
                    if k in ContactInput.__dataclass_fields__ and k != "id"
                },
            ),
        )
        contacts = (replace(contacts[0], is_primary=True),)
    return CustomerInput(code=code, code_manual=bool(code), contacts=contacts, **known)


@dataclass(slots=True)
class _Pending:
    """A row between building its draft and running the field rules on it."""

    row: int
    ctx: _Row
    draft: CustomerInput
    outcome: Outcome
    code: str
    match: tuple[Existing, str] | None
    target: Existing | None
    changed: tuple[str, ...]
    contact_changed: tuple[str, ...]


PARALLEL_MIN_ROWS = 4000
_CLEAN = FieldReport()
_CHECK_CHUNK = 2000


def _check_chunk(
    items: list[tuple[CustomerInput, bool]],
) -> list[tuple[FieldReport, tuple[Any, ...] | None]]:
    """The field rules, and for new customers the derived columns, of a chunk of drafts."""
    results: list[tuple[FieldReport, tuple[Any, ...] | None]] = []
    for draft, derive in items:
        report = validate_fields(draft)
        if not report.errors and not report.warnings:
            report = _CLEAN  # one shared object instead of 100,000 empty ones
        results.append((report, _compact(_clean(draft)) if derive else None))
    return results


def _workers(rows: int) -> int:
    """Processes for the field rules: 1 (in this process) unless ``ERPDESK_IMPORT_WORKERS`` says more.

    Worker processes roughly halve the dry run of a large file on two cores, but each holds its own
    interpreter (~100 MB) and the import of 100,000 rows must stay under 400 MB, so they are opt-in.
    """
    configured = os.environ.get("ERPDESK_IMPORT_WORKERS", "")
    if configured.isdigit() and int(configured) > 0 and rows >= PARALLEL_MIN_ROWS:
        return min(int(configured), os.cpu_count() or 1)
    return 1


def check_drafts(
    items: list[tuple[CustomerInput, bool]],
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[tuple[FieldReport, tuple[Any, ...] | None]]:
    """Run ``_check_chunk`` over ``items``; large files use a process per core (pure functions).

    The rules (phone and e-mail parsing) and the derived fields (pinyin mnemonic) cost ~0.1 ms a row,
    which is most of a large import's time; they need no database, so they parallelise cleanly.
    """
    chunks = [items[i : i + _CHECK_CHUNK] for i in range(0, len(items), _CHECK_CHUNK)]
    results: list[tuple[FieldReport, tuple[Any, ...] | None]] = []
    workers = _workers(len(items))

    def collect(done: list[tuple[FieldReport, tuple[Any, ...] | None]]) -> None:
        results.extend(done)
        if cancelled is not None and cancelled():
            raise ImportCancelled
        if progress is not None:
            progress(len(results))

    if workers == 1:
        for chunk in chunks:
            collect(_check_chunk(chunk))
        return results
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            for done in pool.map(_check_chunk, chunks):
                collect(done)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return results


_SIGNALS = (("name_key", "name"), ("phone_digits", "phone"), ("tax_number", "tax_number"))


def _duplicate_finder(
    conn: Connection,
    pending: list[_Pending],
    checks: list[tuple[FieldReport, tuple[Any, ...] | None]],
) -> Callable[[int, tuple[Any, ...], CustomerInput], list[tuple[str, dict[str, Any]]]]:
    """Warnings (never errors) for new rows that look like a stored customer or an earlier row.

    The signals of DOMAIN §3 that are cheap in bulk: the normalised name, the phone digits (the
    customer's phone and the contact's mobile) and the tax number, each equal. The form's fuzzier
    checks (containment, trigram similarity) stay with the form.
    """
    position = {key: _STORED_KEYS.index(key) for key, _column in _SIGNALS}
    wanted: dict[str, set[str]] = {key: set() for key, _column in _SIGNALS}
    for item, (_report, derived) in zip(pending, checks, strict=True):
        if item.target is None and derived is not None:
            for key, _column in _SIGNALS:
                if derived[position[key]]:
                    wanted[key].add(str(derived[position[key]]))
            for contact in item.draft.contacts:
                if contact.mobile:
                    wanted["phone_digits"].add(phone_digits(contact.mobile))
    stored: dict[tuple[str, str], str] = {}
    for key, _column in _SIGNALS:
        column = getattr(Customer, key)
        for part in _chunks(sorted(wanted[key])):
            for code, name, value in conn.execute(
                select(Customer.code, Customer.name, column).where(column.in_(part))
            ):
                stored.setdefault((key, str(value)), f"{code} {name}")
    for part in _chunks(sorted(wanted["phone_digits"])):
        for code, name, value in conn.execute(
            select(Customer.code, Customer.name, CustomerContact.mobile_digits)
            .join(CustomerContact, CustomerContact.customer_id == Customer.id)
            .where(CustomerContact.mobile_digits.in_(part))
        ):
            stored.setdefault(("phone_digits", str(value)), f"{code} {name}")
    seen: dict[tuple[str, str], int] = {}

    def find(
        row: int, derived: tuple[Any, ...], draft: CustomerInput
    ) -> list[tuple[str, dict[str, Any]]]:
        found: list[tuple[str, dict[str, Any]]] = []
        values = [(key, column, str(derived[position[key]])) for key, column in _SIGNALS]
        values += [
            ("phone_digits", "mobile", phone_digits(c.mobile)) for c in draft.contacts if c.mobile
        ]
        for key, column, value in values:
            if not value:
                continue
            other = stored.get((key, value))
            if other is None and (key, value) in seen and seen[(key, value)] != row:
                other = f"#{seen[(key, value)]}"
            seen.setdefault((key, value), row)
            if other is not None:
                found.append((column, {"other": other}))
        return found

    return find


def plan(
    conn: Connection,
    table: ReadResult,
    mode: ImportMode,
    lang: str,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[PreviewRow], list[Prepared], list[RowProblem]]:
    """Each row's outcome, the rows to write, and every problem; writes nothing."""
    lookups = load_lookups(conn)
    reader_problems: dict[int, list[RowProblem]] = {}
    for p in table.problems:
        ctx = _Row(p.sheet, p.row, table.columns, table.headers, lang)
        reader_problems.setdefault(p.row, []).append(
            ctx.make(p.field or "", p.msg_id, dict(p.params))
        )

    normalised: dict[int, str] = {}
    code_errors: dict[int, tuple[str, dict[str, Any]]] = {}
    for read in table.rows:
        raw = read.values.get("code")
        if raw is None or raw == CLEAR_MARK:
            continue
        try:
            normalised[read.number] = codes.normalise_manual_code(str(raw))
        except DomainError as exc:
            code_errors[read.number] = (exc.msg_id, dict(exc.params))
    existing = load_existing(conn, normalised.values())
    issued = issued_codes(conn, normalised.values())
    first_row: dict[str, int] = {}

    pending: list[_Pending] = []
    rows = table.rows
    for index in range(len(rows)):
        done = index + 1
        read = rows[index]
        rows[index] = None  # type: ignore[call-overload]  # the draft holds the values from here on
        if done % 1000 == 0 and cancelled is not None and cancelled():
            raise ImportCancelled
        ctx = _Row(table.sheet, read.number, table.columns, table.headers, lang)
        ctx.problems.extend(reader_problems.get(read.number, ()))
        if read.number in code_errors:
            msg_id, params = code_errors[read.number]
            ctx.add("code", msg_id, **params)
        code = normalised.get(read.number, "")
        match = existing.get(code) if code else None
        if code:
            if code in first_row:
                ctx.add("code", "cell.duplicate_in_file", code=code, row=first_row[code])
            else:
                first_row[code] = read.number
            if match is not None and mode is ImportMode.INSERT:
                ctx.add("code", "cell.code_exists", code=code, name=match[0].values["name"])
            elif match is None and code in issued:
                ctx.add("code", "cell.code_exists", code=code, name="")

        attributes: dict[str, Any] = {}
        contact_cells: dict[str, Any] = {}
        for column, value in read.values.items():
            if column == "code" or value is None:
                continue
            if value != CLEAR_MARK:
                table_ = lookups.table(column)
                if table_ is not None:
                    resolved = table_.get(_key(str(value)))
                    if resolved is None:
                        ctx.add(
                            column,
                            "cell.unknown_choice",
                            value=str(value)[:50],
                            what=header_text(KIND, column, lang),
                        )
                        continue
                    value = resolved
            if column in _CONTACT_COLUMNS:
                contact_cells[_CONTACT_COLUMNS[column]] = value
            else:
                attributes[_ATTRIBUTE.get(column, column)] = value

        target = match[0] if (match is not None and mode is ImportMode.UPSERT) else None
        # A 手机 without a 联系人 (common in lists of individuals) becomes the customer's 电话 when
        # that is free, instead of a contact without a name, which the form refuses.
        has_contact = bool(contact_cells.get("name")) or bool(target and target.contact_id)
        phone_free = not attributes.get("phone") and not (target and target.values.get("phone"))
        if contact_cells.get("mobile") and not has_contact and phone_free:
            attributes["phone"] = contact_cells.pop("mobile")
        changed: tuple[str, ...] = ()
        contact_changed: tuple[str, ...] = ()
        if target is not None:
            merged: dict[str, Any] = dict(target.values)
            for attribute, value in attributes.items():
                merged[attribute] = _cleared(attribute) if value == CLEAR_MARK else value
            if "mnemonic" not in attributes and not target.values.get("mnemonic_manual"):
                merged["mnemonic"] = ""  # generated: follows a changed name, as in the form
            contact = dict(target.contact)
            for key, value in contact_cells.items():
                contact[key] = "" if value == CLEAR_MARK else str(value)
            draft = _draft(merged, contact, "")
            stored = _clean(draft)
            changed = tuple(f for f in CUSTOMER_FIELDS if stored[f] != target.values.get(f))
            contact_changed = tuple(
                k
                for k in ("name", "mobile")
                if str(contact.get(k, "")).strip() != str(target.contact.get(k, ""))
            )
            outcome = Outcome.UPDATE if (changed or contact_changed) else Outcome.UNCHANGED
        else:
            values = {k: v for k, v in attributes.items() if v != CLEAR_MARK}
            contact = {k: str(v) for k, v in contact_cells.items() if v != CLEAR_MARK}
            draft = _draft(values, contact, code)
            outcome = Outcome.NEW
        pending.append(
            _Pending(
                read.number, ctx, draft, outcome, code, match, target, changed, contact_changed
            )
        )

    table.rows.clear()
    checks = check_drafts(
        [(p.draft, p.target is None) for p in pending], progress=progress, cancelled=cancelled
    )
    duplicates = _duplicate_finder(conn, pending, checks)
    previews: list[PreviewRow] = []
    prepared: list[Prepared] = []
    all_problems: list[RowProblem] = []
    for index in range(len(pending)):
        # Each row's working state is released as soon as its outcome is built.
        item, (report, derived) = pending[index], checks[index]
        pending[index] = None  # type: ignore[call-overload]
        checks[index] = None  # type: ignore[call-overload]
        ctx, draft, target, match = item.ctx, item.draft, item.target, item.match
        # A cell the reader already rejected is missing from the draft: no second error for it.
        rejected = {p.field for p in ctx.problems}
        for issue in report.errors:
            column = _column_of_issue(issue.field)
            if column not in rejected:
                ctx.add(column, issue.msg_id, **dict(issue.params))
        warnings = tuple(
            ctx.make(_column_of_issue(w.field), w.msg_id, dict(w.params)) for w in report.warnings
        )
        if target is None and derived is not None:
            warnings += tuple(
                ctx.make(column, "cell.possible_duplicate", params)
                for column, params in duplicates(item.row, derived, draft)
            )
        if ctx.problems:
            unique: dict[tuple[int, str], RowProblem] = {}
            for problem in ctx.problems:
                unique.setdefault((problem.column, problem.msg_id), problem)
            problems = tuple(unique.values())
            all_problems.extend(problems)
            previews.append(
                PreviewRow(
                    row=item.row,
                    outcome=Outcome.ERROR,
                    code=item.code,
                    name=draft.name,
                    customer_id=target.id if target else None,
                    problems=problems,
                    warnings=warnings,
                )
            )
            continue
        previews.append(
            PreviewRow(
                row=item.row,
                outcome=item.outcome,
                code=target.code if target else item.code,
                name=draft.name,
                customer_id=target.id if target else None,
                old_code=match[1] if (match is not None and target is not None) else "",
                changed=item.changed + tuple(f"contact.{k}" for k in item.contact_changed),
                warnings=warnings,
            )
        )
        if item.outcome is not Outcome.UNCHANGED:
            prepared.append(
                Prepared(
                    row=item.row,
                    outcome=item.outcome,
                    # New rows keep the derived values only (computed here, outside the write
                    # transaction, so the write lock is held briefly; and half the memory).
                    draft=draft if target is not None else None,
                    code=target.code if target else item.code,
                    existing=target,
                    changed=item.changed,
                    contact_changed=item.contact_changed,
                    stored=derived,
                    contact=draft.contacts[0] if draft.contacts else None,
                )
            )
    return previews, prepared, all_problems


# ------------------------------------------------------------------------------ write


def _check_unchanged(conn: Connection, updates: list[Prepared], inserts: list[Prepared]) -> None:
    """Refuse to write when a matched customer changed, or a code got taken, since the dry run."""
    versions = {p.existing.id: p.existing.version for p in updates if p.existing is not None}
    seen = 0
    for part in _chunks(list(versions)):
        for cid, version in conn.execute(
            select(Customer.id, Customer.version).where(Customer.id.in_(part))
        ):
            seen += 1
            if versions[cid] != version:
                raise DomainError("import.changed_meanwhile")
    if seen != len(versions) or issued_codes(conn, [p.code for p in inserts if p.code]):
        raise DomainError("import.changed_meanwhile")


def _audited(row: dict[str, Any]) -> dict[str, Any]:
    """An inserted row as audited: every field except the bookkeeping ones and the empty ones.

    Blank text and NULL fields are left out (an absent key reads as empty): it halves the audit
    work of a large import, which is about half of its write time.
    """
    return {
        k: v for k, v in row.items() if k not in AUDIT_SKIPPED_FIELDS and v is not None and v != ""
    }


def _insert_many(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` with one executemany and return their ids, in order.

    On SQLite the ids are assigned here (max + 1 …): the write transaction began IMMEDIATE, so no one
    else can insert meanwhile, and a RETURNING executemany would run row by row. On PostgreSQL the ids
    are drawn from the table's sequence first, which is just as safe under concurrency.
    """
    count = len(rows)
    if conn.dialect.name == "postgresql":
        sequence = conn.execute(
            text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
        ).scalar_one()
        ids = [
            int(v)
            for v in conn.execute(
                text("SELECT nextval(CAST(:s AS regclass)) FROM generate_series(1, :n)"),
                {"s": sequence, "n": count},
            ).scalars()
        ]
    else:
        start = int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
        ids = list(range(start + 1, start + count + 1))
    for row, new_id in zip(rows, ids, strict=True):
        row["id"] = new_id
    conn.execute(table.insert(), rows)
    return ids


def _contact_row(customer_id: int, contact: ContactInput) -> dict[str, Any]:
    return {**contact_values(contact, 0), "customer_id": customer_id, "is_primary": True}


def write(
    uow: UnitOfWork,
    prepared: list[Prepared],
    *,
    today: date,
    now: datetime,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[str], dict[str, frozenset[str]]]:
    """Write ``prepared`` inside ``uow`` (the caller commits); returns new codes and what changed."""
    conn = uow.connection
    actor = uow.actor
    inserts = [p for p in prepared if p.outcome is Outcome.NEW]
    updates = [p for p in prepared if p.outcome is Outcome.UPDATE]

    def check_cancel() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled

    _check_unchanged(conn, updates, inserts)
    check_cancel()
    entries: list[AuditEntry] = []
    keys: set[str] = set()
    created: list[str] = []

    if inserts:
        typed = [p.code for p in inserts if p.code]
        for part in _chunks(typed, 5000):
            conn.execute(
                insert(IssuedCode),
                [{"scope": customer_codes.SCOPE, "code": code, "issued_at": now} for code in part],
            )
        first_id: int | None = None
        done = 0
        # Chunk by chunk, so rows, contacts and audit entries of 100,000 customers never coexist.
        for part in _chunks(inserts, 2000):
            check_cancel()
            rows: list[dict[str, Any]] = []
            for item in part:
                values = item.stored_values()
                if not item.code:
                    # Typed codes are reserved above, so the allocator skips them (is_issued).
                    item.code, _near = customer_codes.allocate(
                        conn, values["category_id"], values["region"], today
                    )
                    customer_codes.reserve(conn, item.code, now)
                values.update(
                    code=item.code,
                    status=CustomerStatus.ACTIVE.value,
                    deactivated_at=None,
                    deactivation_reason="",
                    next_follow_up=None,
                    version=1,
                    created_at=now,
                    created_by=actor,
                    updated_at=now,
                    updated_by=actor,
                )
                rows.append(values)
            ids = _insert_many(conn, Customer.__table__, rows)
            if first_id is None:
                first_id = ids[0]
            contacts: list[dict[str, Any]] = []
            chunk_entries: list[AuditEntry] = []
            for customer_id, item, row in zip(ids, part, rows, strict=True):
                created.append(item.code)
                keys.add(str(customer_id))
                chunk_entries.append(
                    AuditEntry(
                        "customer",
                        str(customer_id),
                        "insert",
                        None,
                        _audited(row),
                    )
                )
                if item.contact is not None:
                    contacts.append(_contact_row(customer_id, item.contact))
            if contacts:
                contact_ids = _insert_many(conn, CustomerContact.__table__, contacts)
                for contact_id, contact in zip(contact_ids, contacts, strict=True):
                    chunk_entries.append(
                        AuditEntry(
                            "customer_contact",
                            f"{contact['customer_id']}/{contact_id}",
                            "insert",
                            None,
                            {f: contact[f] for f in CONTACT_FIELDS},
                        )
                    )
            uow.record(chunk_entries)
            done += len(part)
            if progress is not None:
                progress(done)
        assert first_id is not None
        customer_search.rebuild_fts(conn, min_id=first_id - 1)
    if updates:
        _write_updates(conn, updates, now, actor, entries, keys)
    check_cancel()
    uow.record(entries)
    return created, {"customer": frozenset(keys)}


def _write_updates(
    conn: Connection,
    updates: list[Prepared],
    now: datetime,
    actor: str,
    entries: list[AuditEntry],
    keys: set[str],
) -> None:
    # Rows are grouped by the set of columns they change, so each group is one executemany.
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    touched: list[int] = []
    for item in updates:
        existing = item.existing
        assert existing is not None
        assert item.draft is not None
        stored = _clean(item.draft)
        columns = [
            c
            for c in (*CUSTOMER_FIELDS, "name_key", "phone_digits")
            if stored[c] != existing.values.get(c)
        ]
        touched.append(existing.id)
        keys.add(str(existing.id))
        if columns:
            params = {f"v_{c}": stored[c] for c in columns}
            params["b_id"] = existing.id
            params["b_version"] = existing.version
            groups.setdefault(tuple(columns), []).append(params)
            entries.append(
                AuditEntry(
                    "customer",
                    str(existing.id),
                    "update",
                    {c: existing.values.get(c) for c in columns},
                    {c: stored[c] for c in columns},
                )
            )
            entries.append(
                AuditEntry(
                    "customer",
                    str(existing.id),
                    customer_reads.MARKER,
                    None,
                    {"version": existing.version + 1, "fields": list(item.changed)},
                )
            )
        if item.contact_changed and item.contact is not None:
            contact = _contact_row(existing.id, item.contact)
            if existing.contact_id is not None:
                changes = {f: contact[f] for f in item.contact_changed}
                changes["mobile_digits"] = contact["mobile_digits"]
                conn.execute(
                    update(CustomerContact)
                    .where(CustomerContact.id == existing.contact_id)
                    .values(**changes)
                )
                entries.append(
                    AuditEntry(
                        "customer_contact",
                        f"{existing.id}/{existing.contact_id}",
                        "update",
                        {f: existing.contact.get(f) for f in item.contact_changed}
                        | {"name": existing.contact.get("name")},
                        {f: contact[f] for f in item.contact_changed} | {"name": contact["name"]},
                    )
                )
            else:
                new_id = conn.execute(
                    insert(CustomerContact).returning(CustomerContact.id), contact
                ).scalar_one()
                entries.append(
                    AuditEntry(
                        "customer_contact",
                        f"{existing.id}/{new_id}",
                        "insert",
                        None,
                        {f: contact[f] for f in CONTACT_FIELDS},
                    )
                )
    table = cast(Table, Customer.__table__)
    for changed_columns, group in groups.items():
        for p in group:
            p["v_updated_at"] = now
            p["v_updated_by"] = actor
        stmt = (
            table.update()
            .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
            .values(
                {
                    **{c: bindparam(f"v_{c}", type_=table.c[c].type) for c in changed_columns},
                    "updated_at": bindparam("v_updated_at", type_=table.c.updated_at.type),
                    "updated_by": bindparam("v_updated_by"),
                    "version": table.c.version + 1,
                }
            )
        )
        result = conn.execute(stmt, group)
        if result.rowcount is not None and 0 <= result.rowcount != len(group):
            raise DomainError("import.changed_meanwhile")
    customer_search.sync_fts(conn, touched)
