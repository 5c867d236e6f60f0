"""``StatementService``: customer statements (对账单, issue 8) — figures, one PDF, and batches.

Figures come from ``statement_ledger`` (the receivables ledger the GUI shows): debit = what raises the
customer's debt (deliveries, opening balances; a reversed delivery is a negative debit with its reason),
credit = receipts (a reversed receipt is a negative credit with its reason). Allocations (核销) move no
balance; they are named on the receipt line ("settles FH…"), and an advance applied later shows as an
information line without amounts. Closing = opening + debits − credits, which equals
``ReceivableService.balance`` (open items − advances) on the same day.

An "as of" statement lists the account since it was last settled (the last time the running balance was
zero) up to that day, so a long-standing customer's statement shows what is outstanding, not ten years.

PDFs are written after the read transaction, to a temporary name moved into place when complete; a
cancelled or failed batch leaves nothing behind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session

from erpdesk import atomic_write
from erpdesk.db.audit import AuditEntry
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import receivables as rules
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import normalise_language, render
from erpdesk.domain.money import format_money
from erpdesk.domain.permissions import Permission
from erpdesk.pdf.statement import write_statement, write_statements
from erpdesk.pdf.statement_model import CompanyHeader
from erpdesk.services import statement_ledger as ledger
from erpdesk.services.area import AreaService
from erpdesk.services.auth_dto import CompanyProfile
from erpdesk.services.auth_store import read_company, user_row
from erpdesk.services.customer_lookups import categories
from erpdesk.services.customer_search import category_subtree, matching_ids
from erpdesk.services.errors import ValidationError
from erpdesk.services.receivable_reports import bucket_labels
from erpdesk.services.statement_dto import (
    BatchFilter,
    BatchResult,
    Statement,
    StatementLine,
    StatementRequest,
)

ZERO = Decimal("0.00")
_SETTLES_SHOWN = 3
_UNSAFE_FILE_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10))} | {
    f"LPT{i}" for i in range(1, 10)
}


class BatchCancelled(Exception):
    """Raised inside a batch build when the caller's ``cancelled()`` turns True."""


class StatementService(AreaService):
    """Statements for one actor (needs PRINT_STATEMENT)."""

    # ------------------------------------------------------------------ figures

    def statement(self, request: StatementRequest, lang: str) -> Statement:
        """The figures of one statement in ``lang`` (descriptions are rendered in it)."""
        self.actor.require(Permission.PRINT_STATEMENT)
        first, last = self._period(request)
        return self._figures(request.customer_id, first, last, lang, None)

    def _figures(
        self,
        customer_id: int,
        first: date | None,
        last: date,
        lang: str,
        profile: CompanyProfile | None,
    ) -> Statement:
        """One statement's figures in a read transaction (``profile`` None: read it there too)."""

        def work(u: UnitOfWork) -> Statement:
            company = profile or read_company(u) or CompanyProfile(name="")
            return _build(u.session, customer_id, first, last, company, lang)

        return self._read(work)

    def customer_id(self, code: str) -> int:
        """The id of the customer with ``code`` (case-insensitive), for the CLI and barcode scans."""
        self.actor.require(Permission.PRINT_STATEMENT)
        found = self._read(lambda u: ledger.customer_by_code(u.session, code))
        if found is None:
            raise DomainError("statements.customer_not_found", customer=code.strip())
        return found

    def customers_for_batch(
        self, filter: BatchFilter, as_of: date, *, since: date | None = None
    ) -> tuple[int, ...]:
        """Customer ids for a batch, by code, in one query: the explicit ids and the search (when
        given), narrowed by category (with its sub-categories), region, salesperson and 月结; then
        ``with_balance`` (ledger balance at the end of ``as_of`` not zero) or ``moved_in_period`` (a
        receivable item or receipt dated ``since``..``as_of``), either of the two when both are set.

        Raises:
            ValidationError: ``moved_in_period`` without ``since`` (an as-of statement has no
                period), or ``since`` after ``as_of``.
        """
        self.actor.require(Permission.PRINT_STATEMENT)
        if filter.moved_in_period:
            if since is None:
                raise ValidationError({"moved_in_period": ("statements.moved_needs_period", {})})
            if since > as_of:
                raise ValidationError(
                    {
                        "period": (
                            "statements.period_reversed",
                            {"start": since.isoformat(), "end": as_of.isoformat()},
                        )
                    }
                )

        def work(u: UnitOfWork) -> tuple[int, ...]:
            category_ids = None
            if filter.category_id is not None:
                category_ids = category_subtree(u.connection, filter.category_id)
            found = ledger.batch_customers(
                u.session,
                filter,
                as_of=as_of,
                since=since,
                search_ids=_search_ids(u, filter.search),
                category_ids=category_ids,
            )
            return tuple(found)

        return self._read(work)

    def category_id(self, code: str) -> int:
        """The id of the customer category with level code (or name) ``code``, for the CLI."""
        self.actor.require(Permission.PRINT_STATEMENT)
        wanted = code.strip()

        def work(u: UnitOfWork) -> int | None:
            nodes = categories(u.connection)
            found = [node.id for node in nodes if node.code == wanted] or [
                node.id for node in nodes if node.name.casefold() == wanted.casefold()
            ]
            return found[0] if len(found) == 1 else None  # a name two categories share: neither

        found = self._read(work) if wanted else None
        if found is None:
            raise DomainError("statements.category_not_found", category=wanted)
        return found

    def salesperson_id(self, username: str) -> int:
        """The id of the user ``username`` (the salesperson, 业务员), for the CLI."""
        self.actor.require(Permission.PRINT_STATEMENT)
        wanted = username.strip()

        def work(u: UnitOfWork) -> int | None:
            user = user_row(u, wanted)
            return None if user is None else user.id

        found = self._read(work) if wanted else None
        if found is None:
            raise DomainError("statements.salesperson_not_found", user=wanted)
        return found

    # ------------------------------------------------------------------ PDFs

    def render(self, request: StatementRequest, target: Path, lang: str) -> int:
        """Write one statement to ``target`` (.pdf); returns the number of pages."""
        return self.render_with_figures(request, target, lang)[1]

    def render_with_figures(
        self, request: StatementRequest, target: Path, lang: str
    ) -> tuple[Statement, int]:
        """As ``render``, also returning the figures printed (the CLI reports the balance)."""
        self.actor.require(Permission.PRINT_STATEMENT)
        first, last = self._period(request)
        profile = self._profile()
        statement = self._figures(request.customer_id, first, last, lang, profile)
        company = _company_header(profile)
        with _atomic(target) as temporary:
            pages = write_statement(
                temporary, statement, company, lang=lang, printed_on=self.clock.today()
            )
        self._log_printed([(statement, target.name)])
        return statement, pages

    def render_batch(
        self,
        ids: Sequence[int],
        *,
        request_template: StatementRequest,
        target: Path,
        one_file: bool,
        lang: str,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> BatchResult:
        """Statements of ``ids`` (period or as-of from ``request_template``; its customer is ignored).

        ``one_file``: ``target`` is the PDF, each statement numbered on its own pages; otherwise
        ``target`` is a folder that gets one ``<code>.pdf`` per customer. ``progress(done, total)``
        after each statement; ``cancelled()`` is checked before each one and a cancel removes every
        file this batch wrote (``BatchResult.cancelled`` True, no files).
        """
        self.actor.require(Permission.PRINT_STATEMENT)
        # The period and the company once for the batch: a batch running past midnight keeps its day.
        first, last = self._period(request_template)
        total = len(ids)
        profile = self._profile()
        company = _company_header(profile)
        today = self.clock.today()
        state = {"done": 0, "pages": 0}

        printed: list[Statement] = []

        def figures(customer_id: int) -> Statement:
            if cancelled is not None and cancelled():
                raise BatchCancelled
            if progress is not None and state["done"]:
                progress(state["done"], total)
            statement = self._figures(customer_id, first, last, lang, profile)
            state["done"] += 1
            printed.append(statement)
            return statement

        written: list[Path] = []
        try:
            if one_file:
                producers = [_bind(figures, cid) for cid in ids]
                if producers:
                    with _atomic(target) as temporary:
                        state["pages"] = write_statements(
                            temporary, producers, company, lang=lang, printed_on=today
                        )
                    written.append(target)
            else:
                folder = _folder(target)
                used: set[str] = set()
                for cid in ids:
                    statement = figures(cid)
                    path = folder / _file_name(statement.customer_code, used)
                    with _atomic(path) as temporary:
                        state["pages"] += write_statement(
                            temporary, statement, company, lang=lang, printed_on=today
                        )
                    written.append(path)
        except BatchCancelled:
            for path in written:
                path.unlink(missing_ok=True)
            return BatchResult(files=(), statements=0, pages=0, cancelled=True)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
        names = [target.name] * len(printed) if one_file else [path.name for path in written]
        self._log_printed(list(zip(printed, names, strict=True)))
        if progress is not None:
            progress(state["done"], total)
        return BatchResult(
            files=tuple(written), statements=state["done"], pages=state["pages"], cancelled=False
        )

    # ------------------------------------------------------------------ helpers

    def _log_printed(self, printed: Sequence[tuple[Statement, str]]) -> None:
        """One audit entry per statement issued (DOMAIN.md: the system logs statements), after the
        files are complete, in one write."""
        if not printed:
            return
        entries = [
            AuditEntry(
                "customer",
                str(statement.customer_id),
                "statement_printed",
                None,
                {
                    "date_from": statement.date_from,
                    "date_to": statement.date_to,
                    "closing_balance": statement.closing_balance,
                    "file": name,
                },
            )
            for statement, name in printed
        ]
        self._write(lambda u: u.record(entries))

    def _period(self, request: StatementRequest) -> tuple[date | None, date]:
        if request.as_of is not None and (request.date_from or request.date_to):
            raise ValidationError({"period": ("statements.bad_period", {})})
        if request.date_from is not None or request.date_to is not None:
            start = request.date_from
            end = request.date_to or self.clock.today()
            if start is None:
                raise ValidationError({"period": ("statements.bad_period", {})})
            if start > end:
                raise ValidationError(
                    {
                        "period": (
                            "statements.period_reversed",
                            {"start": start.isoformat(), "end": end.isoformat()},
                        )
                    }
                )
            return start, end
        return None, request.as_of or self.clock.today()

    def _profile(self) -> CompanyProfile:
        return self._read(lambda u: read_company(u)) or CompanyProfile(name="")


def _company_header(profile: CompanyProfile) -> CompanyHeader:
    return CompanyHeader(
        name=profile.name,
        address=profile.address,
        phone=profile.phone,
        tax_number=profile.tax_number,
        bank_name=profile.bank_name,
        bank_account=profile.bank_account,
        payee_account_name=profile.payee_account_name,
    )


# ---------------------------------------------------------------------- figures


def _build(
    session: Session,
    customer_id: int,
    first: date | None,
    last: date,
    company: CompanyProfile,
    lang: str,
) -> Statement:
    head = ledger.customer_head(session, customer_id)
    if head is None:
        raise DomainError("statements.customer_not_found", customer=str(customer_id))
    language = normalise_language(lang)
    allocations = ledger.allocations_until(session, customer_id, last)
    opening = ZERO if first is None else ledger.balance_before(session, customer_id, first)
    lines = _lines(
        ledger.items_between(session, customer_id, first, last),
        ledger.receipts_between(session, customer_id, first, last),
        allocations,
        first,
        opening,
        language,
    )
    if first is None:
        lines = _since_settled(lines)
    total_debit = sum((line.debit for line in lines), ZERO)
    total_credit = sum((line.credit for line in lines), ZERO)
    bounds = company.aging_buckets or rules.DEFAULT_BUCKETS
    buckets = rules.age(
        ledger.open_items_as_of(session, customer_id, last, allocations), last, bounds
    )
    return_days = company.statement_return_days
    return Statement(
        customer_id=head.id,
        customer_code=head.code,
        customer_name=head.name,
        contact=head.contact,
        phone=head.phone,
        address=head.address,
        date_from=first,
        date_to=last,
        opening_balance=opening,
        lines=tuple(lines),
        total_debit=total_debit,
        total_credit=total_credit,
        closing_balance=opening + total_debit - total_credit,
        aging=tuple(zip(bucket_labels(bounds, language), buckets, strict=True)),
        advances=ledger.advances_as_of(session, customer_id, last, allocations),
        return_by=last + timedelta(days=return_days),
    )


def _lines(
    items: list[ledger.ItemRow],
    receipts: list[ledger.ReceiptRow],
    allocations: list[ledger.AllocationRow],
    first: date | None,
    opening: Decimal,
    lang: str,
) -> list[StatementLine]:
    """Ledger lines by day: charges, then receipts, then advance uses; running balance from ``opening``."""
    settled: dict[int, list[ledger.AllocationRow]] = {}
    later: list[ledger.AllocationRow] = []
    for a in allocations:
        if a.is_reversal:
            continue
        if a.allocated_on == a.receipt_day:
            settled.setdefault(a.receipt_id, []).append(a)
        elif first is None or a.effective >= first:
            later.append(a)
    entries: list[tuple[tuple[date, int, int], str, str, Decimal, Decimal]] = []
    for item in items:
        entries.append(
            ((item.day, 0, item.id), item.doc_number, _item_text(item, lang), item.amount, ZERO)
        )
    for receipt in receipts:
        text = _receipt_text(receipt, settled.get(receipt.id, []), lang)
        entries.append(((receipt.day, 1, receipt.id), receipt.number, text, ZERO, receipt.amount))
    for use in later:
        text = render(
            "statements.line.advance_used",
            lang,
            receipt=use.receipt_number,
            document=use.item_number,
            amount=format_money(use.amount),
        )
        entries.append(((use.effective, 2, use.item_id), use.receipt_number, text, ZERO, ZERO))
    entries.sort(key=lambda entry: entry[0])
    balance = opening
    lines: list[StatementLine] = []
    for (day, _kind, _id), document, text, debit, credit in entries:
        balance += debit - credit
        lines.append(
            StatementLine(
                day=day,
                document=document,
                description=text,
                debit=debit,
                credit=credit,
                balance=balance,
            )
        )
    return lines


def _since_settled(lines: list[StatementLine]) -> list[StatementLine]:
    """Drop the lines up to the last one after which the balance was zero (nothing was owed)."""
    cut = 0
    for index, line in enumerate(lines):
        if line.balance == ZERO and (line.debit or line.credit):
            cut = index + 1
    return lines[cut:]


def _item_text(item: ledger.ItemRow, lang: str) -> str:
    if item.source_type == "delivery":
        if item.reverses:
            return render(
                "statements.line.delivery_reversal",
                lang,
                original=item.reverses,
                reason=item.reason,
            )
        if item.order_number:
            return render("statements.line.delivery", lang, order=item.order_number)
        return render("statements.line.delivery_plain", lang)
    if item.source_type == "opening":
        return render("statements.line.opening_item", lang)
    return render("statements.line.other_item", lang, kind=item.source_type)


def _receipt_text(
    receipt: ledger.ReceiptRow, settled: list[ledger.AllocationRow], lang: str
) -> str:
    if receipt.reverses:
        return render(
            "statements.line.receipt_reversal",
            lang,
            original=receipt.reverses,
            reason=receipt.reason,
        )
    method = render(f"statements.method.{receipt.method}", lang)
    if method.startswith("statements.method."):
        method = receipt.method
    parts = [render("statements.line.receipt", lang, method=method)]
    if receipt.reference:
        parts.append(render("statements.line.reference", lang, reference=receipt.reference))
    if settled:
        numbers = list(dict.fromkeys(a.item_number for a in settled))
        shown = ", ".join(numbers[:_SETTLES_SHOWN])
        if len(numbers) > _SETTLES_SHOWN:
            shown = render(
                "statements.line.settles_more",
                lang,
                documents=shown,
                more=len(numbers) - _SETTLES_SHOWN,
            )
        parts.append(render("statements.line.settles", lang, documents=shown))
    to_advance = receipt.amount - sum((a.amount for a in settled), ZERO)
    if to_advance > 0:
        parts.append(render("statements.line.to_advance", lang, amount=format_money(to_advance)))
    separator = "；" if lang == "zh_CN" else "; "
    return separator.join(parts)


# ---------------------------------------------------------------------- batch helpers


def _search_ids(u: UnitOfWork, search: str) -> object | None:
    text = search.strip()
    return matching_ids(u.connection, text) if text else None


def _bind(figures: Callable[[int], Statement], customer_id: int) -> Callable[[], Statement]:
    return lambda: figures(customer_id)


def _folder(target: Path) -> Path:
    if target.exists() and not target.is_dir():
        raise DomainError("statements.target_not_folder", path=str(target))
    target.mkdir(parents=True, exist_ok=True)
    return target


def _file_name(code: str, used: set[str]) -> str:
    """``<code>.pdf`` made safe on Windows; a clash (two codes that clean to the same) gets ``-2``."""
    stem = _UNSAFE_FILE_CHARS.sub("_", code).strip(" .") or "customer"
    if stem.upper() in _RESERVED_NAMES:
        stem = f"_{stem}"
    name, serial = stem, 1
    while name.casefold() in used:
        serial += 1
        name = f"{stem}-{serial}"
    used.add(name.casefold())
    return f"{name}.pdf"


def _atomic(target: Path) -> AbstractContextManager[Path]:
    """A temporary path next to ``target`` (its folder made if missing), moved onto it when the
    block succeeds, removed otherwise; a file-system error is ``statements.write_failed``."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_failed(target, exc) from exc
    return atomic_write.beside_then_replace(
        target, prefix=f".{target.stem}.", suffix=".part", failed=partial(_write_failed, target)
    )


def _write_failed(target: Path, exc: OSError) -> DomainError:
    return DomainError("statements.write_failed", path=str(target), reason=str(exc))
