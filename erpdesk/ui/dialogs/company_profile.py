"""The company profile dialog: what statements and notices print (name, address, tax number, bank) and
the business settings that go with them (approval threshold, statement return days, aging buckets).

Opened from Account ▸ Company profile… by users who may manage settings; saving is audited by the
service and guarded by the row's version, so two admins editing at once cannot overwrite each other.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain import receivables as receivable_rules
from erpdesk.domain.errors import DomainError
from erpdesk.services.auth_dto import CompanyProfile
from erpdesk.services.errors import ValidationError
from erpdesk.ui.dialogs.common import MessageLabel, add_ok_cancel, error_text
from erpdesk.ui.widgets.money_edit import MoneyEdit

if TYPE_CHECKING:
    from erpdesk.services.users import UserService


class CompanyProfileDialog(QDialog):
    """Edit the one company profile row; ``saved`` holds what was stored after OK."""

    def __init__(self, users: UserService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("companyProfileDialog")
        self.setWindowTitle(self.tr("Company profile"))
        self._users = users
        self._loaded = users.get_company_profile() or CompanyProfile(name="")
        self.saved: CompanyProfile | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        p = self._loaded
        self.name = self._line(form, "company.name", self.tr("Company name:"), p.name, 200)
        self.address = self._line(form, "company.address", self.tr("Address:"), p.address, 400)
        self.phone = self._line(form, "company.phone", self.tr("Phone:"), p.phone, 64)
        self.tax_number = self._line(
            form, "company.tax_number", self.tr("Tax number (USCC):"), p.tax_number, 32
        )
        self.bank_name = self._line(form, "company.bank_name", self.tr("Bank:"), p.bank_name, 200)
        self.bank_account = self._line(
            form, "company.bank_account", self.tr("Bank account:"), p.bank_account, 64
        )
        self.payee = self._line(
            form,
            "company.payee_account_name",
            self.tr("Account name (if not the company):"),
            p.payee_account_name,
            200,
        )
        self.threshold = MoneyEdit(self)
        self.threshold.setObjectName("company.settlement_threshold")
        self.threshold.set_value(p.settlement_threshold)
        self.threshold.setToolTip(
            self.tr("Settlements above this amount need an accountant's or manager's approval.")
        )
        form.addRow(self.tr("Approval above (¥):"), self.threshold)
        self.return_days = QSpinBox(self)
        self.return_days.setObjectName("company.statement_return_days")
        self.return_days.setRange(1, 365)
        self.return_days.setValue(p.statement_return_days)
        self.return_days.setSuffix(self.tr(" days"))
        form.addRow(self.tr("Statements returned within:"), self.return_days)
        self.buckets = self._line(
            form,
            "company.aging_buckets",
            self.tr("Aging buckets (days past due):"),
            ",".join(str(b) for b in p.aging_buckets if b),
            60,
        )
        self.buckets.setPlaceholderText("30,60,90")
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        add_ok_cancel(self, layout, self._save)

    def _line(self, form: QFormLayout, name: str, label: str, text: str, length: int) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setMaxLength(length)
        form.addRow(label, edit)
        return edit

    def profile(self) -> CompanyProfile:
        """The profile as typed; raises ``DomainError`` for aging buckets that do not parse."""
        return replace(
            self._loaded,
            name=self.name.text().strip(),
            address=self.address.text().strip(),
            phone=self.phone.text().strip(),
            tax_number=self.tax_number.text().strip(),
            bank_name=self.bank_name.text().strip(),
            bank_account=self.bank_account.text().strip(),
            payee_account_name=self.payee.text().strip(),
            # Empty means zero: every settlement then needs approval.
            settlement_threshold=self.threshold.value() or Decimal("0.00"),
            statement_return_days=self.return_days.value(),
            aging_buckets=receivable_rules.parse_buckets(self.buckets.text() or "30,60,90"),
        )

    def _save(self) -> None:
        self.message.clear_message()
        try:
            self.saved = self._users.set_company_profile(self.profile())
        except ValidationError as exc:
            self.message.show_error(
                "\n".join(
                    error_text(DomainError(msg_id, **dict(params)))
                    for msg_id, params in exc.fields.values()
                )
            )
            return
        except DomainError as exc:
            self.message.show_error(error_text(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, users: UserService) -> CompanyProfile | None:
        dialog = cls(users, parent)
        dialog.exec()
        return dialog.saved
