"""Customer import, dry run: every row through the form's field rules, outcomes, derived columns.

``plan`` reads the database only (lookups, and the customers whose current or old codes appear in the
file; nothing when no customer is stored yet) and checks every row by the rules of the form, outside
any write transaction. New rows that the column-wise check vouches for (``customer_import_plain``)
are done there; every other row runs through ``customer_rules.validate_fields``. Stored values are
derived exactly as a form save derives them (``customer_writes._clean``: short name, mnemonic, keys,
invoice title); new rows keep only those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Connection, select

from erpdesk.db.in_list import one_of
from erpdesk.db.models.customer import (
    Customer,
    CustomerContact,
    IssuedCode,
)
from erpdesk.domain import codes
from erpdesk.domain.customers import (
    CustomerType,
    default_short_name,
    phone_digits,
)
from erpdesk.domain.errors import DomainError
from erpdesk.services import customer_codes
from erpdesk.services.customer_dto import ContactInput, CustomerInput, FieldReport
from erpdesk.services.customer_import_data import (
    _ATTRIBUTE,
    _COLUMN_OF,
    _CONTACT_COLUMNS,
    _STORED_KEYS,
    KIND,
    LOOKUP_CHUNK,
    Existing,
    ImportCancelled,
    Prepared,
    _chunks,
    _key,
    issued_codes,
    load_existing,
    load_lookups,
)
from erpdesk.services.customer_import_plain import PlainRow, contact_row, plain_rows
from erpdesk.services.customer_import_rules import check_drafts, clear_caches
from erpdesk.services.customer_writes import (
    CUSTOMER_FIELDS,
    _clean,
)
from erpdesk.services.import_dto import ImportMode, Outcome, PreviewRow, RowProblem
from erpdesk.services.pinyin import mnemonic_for, normalise_mnemonic
from erpdesk.xlsx.columns import CLEAR_MARK, header_text
from erpdesk.xlsx.reader import CellProblem, Missing, ReadResult, ReadRow

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
        fields = {
            k: v
            for k, v in contact.items()
            if k in ContactInput.__dataclass_fields__ and k not in ("id", "is_primary")
        }
        contacts = (ContactInput(**fields, is_primary=True),)
    return CustomerInput(code=code, code_manual=bool(code), contacts=contacts, **known)


@dataclass(slots=True)
class _Pending:
    """A row between building its draft and running the field rules on it; a plain new row
    (``customer_import_plain``) has no draft, its values are already checked and derived."""

    row: int
    ctx: _Row
    draft: CustomerInput | None
    outcome: Outcome
    code: str
    match: tuple[Existing, str] | None
    target: Existing | None
    changed: tuple[str, ...]
    contact_changed: tuple[str, ...]
    plain: PlainRow | None = None
    # Set by the rules (``check_drafts``), or at once for a plain row.
    report: FieldReport = field(default_factory=FieldReport)
    derived: tuple[Any, ...] | None = None
    mobile_digits: str = ""  # a new customer's contact mobile, as a duplicate signal

    @property
    def name(self) -> str:
        return self.plain.name if self.plain is not None else self.draft.name  # type: ignore[union-attr]


# A plain new row with nothing to report about its code: (sheet row, code, its PlainRow).
_PlainItem = tuple[int, str, PlainRow]
_LOOKUP_COLUMNS = ("customer_type", "settlement_method", "category", "level", "salesperson")
_SIGNALS = (("name_key", "name"), ("phone_digits", "phone"), ("tax_number", "tax_number"))


class _Duplicates:
    """Warnings (never errors) for new rows that look like a stored customer or an earlier row.

    The signals of DOMAIN §3 that are cheap in bulk: the normalised name, the phone digits (the
    customer's phone and the contact's mobile) and the tax number, each equal. The form's fuzzier
    checks (containment, trigram similarity) stay with the form. Rows come batch by batch in file
    order; ``seen`` remembers the first row of each value across batches.
    """

    def __init__(self, anything_stored: bool = True) -> None:
        self.fields = tuple((key, column, _STORED_KEYS.index(key)) for key, column in _SIGNALS)
        # Per signal, the first row of each value (no (signal, value) pair per row: 100,000
        # rows of a file would hold 200,000 of them until the end of the dry run).
        self.seen: dict[str, dict[str, int]] = {key: {} for key, _column in _SIGNALS}
        self.stored: dict[tuple[str, str], str] = {}
        self.anything_stored = anything_stored

    def load(self, conn: Connection, pending: list[_Pending | _PlainItem]) -> None:
        """Look up the stored customers sharing a signal with the new rows of one batch."""
        stored = self.stored
        stored.clear()
        if not self.anything_stored:
            return
        wanted: dict[str, set[str]] = {key: set() for key, _column in _SIGNALS}
        for item in pending:
            if type(item) is tuple:
                plain = item[2]
                derived: tuple[Any, ...] | None = plain.stored
                mobile_digits = plain.contact[-1] if plain.contact is not None else ""
            elif item.target is None:  # type: ignore[union-attr]
                derived, mobile_digits = item.derived, item.mobile_digits  # type: ignore[union-attr]
            else:
                continue
            if derived is not None:
                for key, _column, index in self.fields:
                    if derived[index]:
                        wanted[key].add(str(derived[index]))
                if mobile_digits:
                    wanted["phone_digits"].add(mobile_digits)
        for key, _column in _SIGNALS:
            column = getattr(Customer, key)
            for part in _chunks(sorted(wanted[key]), LOOKUP_CHUNK):
                for code, name, value in conn.execute(
                    select(Customer.code, Customer.name, column).where(one_of(conn, column, part))
                ):
                    stored.setdefault((key, str(value)), f"{code} {name}")
        for part in _chunks(sorted(wanted["phone_digits"]), LOOKUP_CHUNK):
            for code, name, value in conn.execute(
                select(Customer.code, Customer.name, CustomerContact.mobile_digits)
                .join(CustomerContact, CustomerContact.customer_id == Customer.id)
                .where(one_of(conn, CustomerContact.mobile_digits, part))
            ):
                stored.setdefault(("phone_digits", str(value)), f"{code} {name}")

    def find(
        self, row: int, derived: tuple[Any, ...], mobile_digits: str
    ) -> list[tuple[str, dict[str, Any]]]:
        """The signals of a new row (file order) that a stored customer or an earlier row share."""
        found: list[tuple[str, dict[str, Any]]] = []
        seen, stored = self.seen, self.stored
        for key, column, index in self.fields:
            value = derived[index]
            if value:
                self._check(found, row, key, column, str(value), seen[key], stored)
        if mobile_digits:
            phones = seen["phone_digits"]
            self._check(found, row, "phone_digits", "mobile", mobile_digits, phones, stored)
        return found

    @staticmethod
    def _check(
        found: list[tuple[str, dict[str, Any]]],
        row: int,
        key: str,
        column: str,
        value: str,
        seen: dict[str, int],
        stored: dict[tuple[str, str], str],
    ) -> None:
        first = seen.setdefault(value, row)
        other = stored.get((key, value)) if stored else None
        if other is None and first != row:
            other = f"#{first}"
        if other is not None:
            found.append((column, {"other": other}))


Batch = tuple[list[ReadRow], list[CellProblem]]


def warm_up() -> None:
    """Load what the rules load on first use (the pinyin dictionaries: about 0.3 s), so that it
    happens while the reading child is still opening the file, not on the first batch."""
    mnemonic_for("重庆银行", "")


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
    rows, problems = table.rows, table.problems
    table.rows, table.problems = [], []
    return plan_batches(
        conn, table, [(rows, problems)], mode, lang, progress=progress, cancelled=cancelled
    )


def plan_batches(
    conn: Connection,
    header: ReadResult,
    batches: Iterable[Batch],
    mode: ImportMode,
    lang: str,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    plain: bool = True,
) -> tuple[list[PreviewRow], list[Prepared], list[RowProblem]]:
    """``plan`` over rows that arrive in batches (while the rest of the file is still being read).

    Each batch is checked as a whole, in file order: its codes and duplicate signals are looked up
    in one query each, and what must hold across the file (a code twice, a duplicate of an earlier
    row) is remembered from batch to batch. ``plain`` False sends every row the ordinary way (tests
    compare both).
    """
    planner = _Planner(conn, header, mode, lang, progress, cancelled, plain)
    try:
        for rows, problems in batches:
            planner.batch(rows, problems)
    finally:
        clear_caches()
    return planner.previews, planner.prepared, planner.problems


class _Planner:
    """The dry run's state across batches, and the checks of one batch (``batch``)."""

    def __init__(
        self,
        conn: Connection,
        header: ReadResult,
        mode: ImportMode,
        lang: str,
        progress: Callable[[int], None] | None,
        cancelled: Callable[[], bool] | None,
        plain: bool = True,
    ) -> None:
        self.conn, self.header, self.mode, self.lang = conn, header, mode, lang
        self.progress, self.cancelled, self.plain = progress, cancelled, plain
        lookups = load_lookups(conn)
        self.tables = {c: t for c in _LOOKUP_COLUMNS if (t := lookups.table(c)) is not None}
        self.first_row: dict[str, int] = {}
        # Nothing stored (a first import): no stored customer to match or to duplicate, and no
        # code issued. The dry run reads one snapshot, so this holds for every batch.
        self.customers_stored = conn.execute(select(Customer.id).limit(1)).first() is not None
        self.codes_issued = (
            conn.execute(
                select(IssuedCode.code).where(IssuedCode.scope == customer_codes.SCOPE).limit(1)
            ).first()
            is not None
        )
        self.duplicates = _Duplicates(self.customers_stored)
        self.done = 0
        self.previews: list[PreviewRow] = []
        self.prepared: list[Prepared] = []
        self.problems: list[RowProblem] = []

    def batch(self, rows: list[ReadRow], cell_problems: list[CellProblem]) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled
        pending = self._pending(rows, cell_problems)
        drafted = [p for p in pending if type(p) is _Pending and p.draft is not None]
        checks = check_drafts([(p.draft, p.target is None) for p in drafted])  # type: ignore[misc]
        for item, (report, derived) in zip(drafted, checks, strict=True):
            item.report, item.derived = report, derived
            contacts = item.draft.contacts  # type: ignore[union-attr]
            if derived is not None and contacts and contacts[0].mobile:
                item.mobile_digits = phone_digits(contacts[0].mobile)
        self.duplicates.load(self.conn, pending)
        self._outcomes(pending)
        self.done += len(pending)
        if self.progress is not None:
            self.progress(self.done)

    def _pending(
        self, rows: list[ReadRow], cell_problems: list[CellProblem]
    ) -> list[_Pending | _PlainItem]:
        """Each row of a batch as a draft with its outcome so far (code, match, changed fields)."""
        header, lang, mode, tables = self.header, self.lang, self.mode, self.tables
        reader_problems: dict[int, list[RowProblem]] = {}
        for p in cell_problems:
            ctx = _Row(p.sheet, p.row, header.columns, header.headers, lang)
            reader_problems.setdefault(p.row, []).append(
                ctx.make(p.field or "", p.msg_id, dict(p.params))
            )
        normalised: dict[int, str] = {}
        code_errors: dict[int, tuple[str, dict[str, Any]]] = {}
        for read in rows:
            raw = read.cells[read.fields.index("code")] if "code" in read.fields else None
            if raw is Missing:
                continue
            if raw is None or raw == CLEAR_MARK:
                continue
            try:
                code = codes.normalise_manual_code(str(raw))
                # The cell's own string when nothing changed: one copy of 100,000 codes, not two.
                normalised[read.number] = raw if code == raw else code
            except DomainError as exc:
                code_errors[read.number] = (exc.msg_id, dict(exc.params))
        existing = load_existing(self.conn, normalised.values()) if self.customers_stored else {}
        issued = issued_codes(self.conn, normalised.values()) if self.codes_issued else set()
        first_row = self.first_row
        plain = self._plain_rows(rows, normalised, existing)

        pending: list[_Pending | _PlainItem] = []
        for index in range(len(rows)):
            read = rows[index]
            rows[index] = None  # type: ignore[call-overload]  # the draft holds the values from here on
            found = plain.get(index)
            if found is not None:
                # Most rows: plain, new, and nothing wrong with the code either.
                number = read.number
                code = normalised.get(number, "")
                if (
                    number not in reader_problems
                    and number not in code_errors
                    and not (code and (code in first_row or code in existing or code in issued))
                ):
                    if code:
                        first_row[code] = number
                    pending.append((number, code, found))
                    continue
            ctx = self._row(read.number)
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
            if found is not None:
                item = _Pending(read.number, ctx, None, Outcome.NEW, code, match, None, (), ())
                item.plain, item.derived = found, found.stored
                if found.contact is not None:
                    item.mobile_digits = found.contact[-1]
                pending.append(item)
                continue
            attributes: dict[str, Any] = {}
            contact_cells: dict[str, Any] = {}
            for column, value in zip(read.fields, read.cells, strict=True):
                if column == "code" or value is None or value is Missing:
                    continue
                if value != CLEAR_MARK:
                    table_ = tables.get(column)
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
        rows.clear()
        return pending

    def _row(self, number: int) -> _Row:
        header = self.header
        return _Row(header.sheet, number, header.columns, header.headers, self.lang)

    def _plain_rows(
        self,
        rows: list[ReadRow],
        normalised: dict[int, str],
        existing: dict[str, tuple[Existing, str]],
    ) -> dict[int, PlainRow]:
        """The batch's new rows that ``plain_rows`` vouches for, by index in the batch."""
        if not self.plain or not rows:
            return {}
        fields = rows[0].fields
        if any(read.fields != fields for read in rows):
            return {}
        upsert = self.mode is ImportMode.UPSERT
        candidates = [
            index
            for index, read in enumerate(rows)
            if not (upsert and (code := normalised.get(read.number, "")) and code in existing)
        ]
        found = plain_rows(fields, [rows[i].cells for i in candidates], self.tables)
        return {i: p for i, p in zip(candidates, found, strict=True) if p is not None}

    def _outcomes(self, pending: list[_Pending | _PlainItem]) -> None:
        """Each checked row's preview, the rows to write, and the problems."""
        duplicates = self.duplicates
        previews, prepared, all_problems = self.previews, self.prepared, self.problems
        new = Outcome.NEW
        for index in range(len(pending)):
            # Each row's working state is released as soon as its outcome is built.
            entry = pending[index]
            pending[index] = None  # type: ignore[call-overload]
            if type(entry) is tuple:
                # A plain new row: no rule has anything to say, only duplicates may warn.
                number, code, plain = entry
                contact = plain.contact
                found = duplicates.find(number, plain.stored, contact[-1] if contact else "")
                warnings: tuple[RowProblem, ...] = ()
                if found:
                    ctx = self._row(number)
                    warnings = tuple(
                        ctx.make(column, "cell.possible_duplicate", params)
                        for column, params in found
                    )
                previews.append(
                    PreviewRow(
                        row=number, outcome=new, code=code, name=plain.name, warnings=warnings
                    )
                )
                prepared.append(
                    Prepared(number, new, None, code, None, (), (), plain.stored, None, contact)
                )
                continue
            item = cast(_Pending, entry)
            report, derived = item.report, item.derived
            ctx, draft, target, match = item.ctx, item.draft, item.target, item.match
            name = item.name
            if report.errors:
                # A cell the reader already rejected is missing from the draft: no second error.
                rejected = {p.field for p in ctx.problems}
                for issue in report.errors:
                    column = _column_of_issue(issue.field)
                    if column not in rejected:
                        ctx.add(column, issue.msg_id, **dict(issue.params))
            warnings = ()
            if report.warnings:
                warnings = tuple(
                    ctx.make(_column_of_issue(w.field), w.msg_id, dict(w.params))
                    for w in report.warnings
                )
            if target is None and derived is not None:
                found = duplicates.find(item.row, derived, item.mobile_digits)
                if found:
                    warnings += tuple(
                        ctx.make(column, "cell.possible_duplicate", params)
                        for column, params in found
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
                        name=name,
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
                    name=name,
                    customer_id=target.id if target else None,
                    old_code=match[1] if (match is not None and target is not None) else "",
                    changed=item.changed + tuple(f"contact.{k}" for k in item.contact_changed),
                    warnings=warnings,
                )
            )
            if item.outcome is not Outcome.UNCHANGED:
                new_contact: tuple[Any, ...] | None = None
                if item.plain is not None:
                    new_contact = item.plain.contact
                elif target is None and draft is not None and draft.contacts:
                    new_contact = contact_row(draft.contacts[0])
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
                        contact=draft.contacts[0]
                        if (target and draft and draft.contacts)
                        else None,
                        new_contact=new_contact,
                    )
                )
