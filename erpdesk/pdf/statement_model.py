"""What the statement PDF is drawn from: our company header and the statement figures, as structural
types (``services.statement_dto.Statement`` fits them; this layer may not import services)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True)
class CompanyHeader:
    """Our company as printed on the statement (from the company profile)."""

    name: str
    address: str = ""
    phone: str = ""
    tax_number: str = ""
    bank_name: str = ""
    bank_account: str = ""
    payee_account_name: str = ""


class LineFigures(Protocol):
    @property
    def day(self) -> date: ...
    @property
    def document(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def debit(self) -> Decimal: ...
    @property
    def credit(self) -> Decimal: ...
    @property
    def balance(self) -> Decimal: ...


class StatementFigures(Protocol):
    @property
    def customer_code(self) -> str: ...
    @property
    def customer_name(self) -> str: ...
    @property
    def contact(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def address(self) -> str: ...
    @property
    def date_from(self) -> date | None: ...
    @property
    def date_to(self) -> date: ...
    @property
    def opening_balance(self) -> Decimal: ...
    @property
    def lines(self) -> Sequence[LineFigures]: ...
    @property
    def total_debit(self) -> Decimal: ...
    @property
    def total_credit(self) -> Decimal: ...
    @property
    def closing_balance(self) -> Decimal: ...
    @property
    def aging(self) -> Sequence[tuple[str, Decimal]]: ...
    @property
    def advances(self) -> Decimal: ...
    @property
    def return_by(self) -> date: ...
