"""Layout of the customer form dock: a header, six tabs and Save / Cancel.

Tabs: basic, contacts, finance and credit, relationships, interactions, history. Every editable field
sits in a ``FieldRows`` entry named after its ``CustomerInput`` attribute, with its inline message
label. Only widgets and arrangement live here; ``controller.py`` loads, edits and saves.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui.docks.customer_form.fields import FieldRows
from erpdesk.ui.widgets import CodeEdit, MoneyEdit


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _line(parent: QWidget, max_length: int = 200) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(max_length)
    return edit


class CustomerFormView(QWidget):
    """Widgets of the customer form; no behaviour beyond layout."""

    CONTACT_COLUMNS = ("name", "position", "phone", "mobile", "email", "im", "notes", "is_primary")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_form")
        self.fields = FieldRows()

        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._basic_tab(), self.tr("Basic"))
        self.tabs.addTab(self._contacts_tab(), self.tr("Contacts"))
        self.tabs.addTab(self._finance_tab(), self.tr("Finance and credit"))
        self.tabs.addTab(self._relationships_tab(), self.tr("Relationships"))
        self.tabs.addTab(self._interactions_tab(), self.tr("Interactions"))
        self.tabs.addTab(self._history_tab(), self.tr("History"))

        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("Save the customer (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setToolTip(self.tr("Throw away the changes not saved yet"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.status)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    # ------------------------------------------------------------------ tabs

    def _scroll(self, inner: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(inner)
        return area

    def _basic_tab(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout(page)
        left, right = QFormLayout(), QFormLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        rows = self.fields

        code_row = QWidget(page)
        code_box = QHBoxLayout(code_row)
        code_box.setContentsMargins(0, 0, 0, 0)
        self.code = CodeEdit(code_row)
        self.code.setObjectName("code")
        self.change_code_button = QPushButton(self.tr("Change code…"), code_row)
        self.change_code_button.setObjectName("change_code")
        code_box.addWidget(self.code, 1)
        code_box.addWidget(self.change_code_button)
        rows.add(left, "code", self.tr("Code"), code_row)
        rows.editors["code"] = self.code
        code_row.setObjectName("code_row")

        self.name = rows.add(left, "name", self.tr("Name"), _line(page, 100))
        self.short_name = rows.add(left, "short_name", self.tr("Short name"), _line(page, 20))
        self.mnemonic = rows.add(left, "mnemonic", self.tr("Mnemonic"), _line(page, 30))
        self.customer_type = rows.add(left, "customer_type", self.tr("Type"), QComboBox(page))
        self.category_id = rows.add(left, "category_id", self.tr("Category"), QComboBox(page))
        self.level_id = rows.add(left, "level_id", self.tr("Level"), QComboBox(page))
        self.salesperson_id = rows.add(
            left, "salesperson_id", self.tr("Salesperson"), QComboBox(page)
        )
        self.region = rows.add(left, "region", self.tr("Region"), _line(page, 60))
        self.industry = rows.add(left, "industry", self.tr("Industry"), _line(page, 60))
        self.company_size = rows.add(left, "company_size", self.tr("Company size"), _line(page, 40))
        self.source = rows.add(left, "source", self.tr("Source"), _line(page, 60))

        self.province = rows.add(right, "province", self.tr("Province"), _line(page, 40))
        self.city = rows.add(right, "city", self.tr("City"), _line(page, 40))
        self.district = rows.add(right, "district", self.tr("District"), _line(page, 40))
        self.address = rows.add(right, "address", self.tr("Address"), _line(page, 200))
        self.postcode = rows.add(right, "postcode", self.tr("Postcode"), _line(page, 10))
        self.phone = rows.add(right, "phone", self.tr("Phone"), _line(page, 40))
        self.email = rows.add(right, "email", self.tr("E-mail"), _line(page, 120))
        self.website = rows.add(right, "website", self.tr("Website"), _line(page, 200))
        notes = QPlainTextEdit(page)
        notes.setTabChangesFocus(True)
        notes.setMaximumHeight(90)
        self.notes = rows.add(right, "notes", self.tr("Notes"), notes)
        grid.setRowStretch(1, 1)
        return self._scroll(page)

    def _contacts_tab(self) -> QWidget:
        page = QWidget(self)
        self.contacts = _table(
            page,
            "contacts",
            [
                self.tr("Name"),
                self.tr("Position"),
                self.tr("Phone"),
                self.tr("Mobile"),
                self.tr("E-mail"),
                self.tr("QQ / WeChat"),
                self.tr("Notes"),
                self.tr("Primary"),
            ],
        )
        self.add_contact_button = QPushButton(self.tr("Add contact"), page)
        self.add_contact_button.setObjectName("add_contact")
        self.remove_contact_button = QPushButton(self.tr("Remove contact"), page)
        self.remove_contact_button.setObjectName("remove_contact")
        self.contact_messages = QLabel(page)
        self.contact_messages.setObjectName("error_contacts")
        self.contact_messages.setStyleSheet("color: #b00020;")
        self.contact_messages.setWordWrap(True)
        self.contact_messages.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_contact_button)
        buttons.addWidget(self.remove_contact_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.contacts, 1)
        layout.addWidget(self.contact_messages)
        return page

    def _finance_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        rows = self.fields
        self.tax_number = rows.add(form, "tax_number", self.tr("Tax number"), _line(page, 30))
        self.invoice_title = rows.add(
            form, "invoice_title", self.tr("Invoice title"), _line(page, 100)
        )
        self.invoice_address_phone = rows.add(
            form, "invoice_address_phone", self.tr("Invoice address and phone"), _line(page, 200)
        )
        self.bank_name = rows.add(form, "bank_name", self.tr("Bank"), _line(page, 100))
        self.bank_account = rows.add(form, "bank_account", self.tr("Bank account"), _line(page, 40))
        self.credit_limit = rows.add(form, "credit_limit", self.tr("Credit limit"), MoneyEdit(page))
        terms = QSpinBox(page)
        terms.setRange(0, 365)
        terms.setSuffix(self.tr(" days"))
        self.payment_terms_days = rows.add(
            form, "payment_terms_days", self.tr("Payment terms"), terms
        )
        self.settlement_method = rows.add(
            form, "settlement_method", self.tr("Settlement method"), QComboBox(page)
        )
        return self._scroll(page)

    def _relationships_tab(self) -> QWidget:
        page = QWidget(self)
        self.relationships = _table(
            page,
            "relationships",
            [
                self.tr("Relation"),
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Note"),
                self.tr("From"),
                self.tr("Until"),
            ],
        )
        self.relation_kind = QComboBox(page)
        self.relation_kind.setObjectName("relation_kind")
        self.relation_other = CodeEdit(page)
        self.relation_other.setObjectName("relation_other")
        self.relation_other.setPlaceholderText(self.tr("Code of the other customer"))
        self.relation_note = _line(page, 200)
        self.relation_note.setObjectName("relation_note")
        self.relation_note.setPlaceholderText(self.tr("Note"))
        self.add_relation_button = QPushButton(self.tr("Link"), page)
        self.add_relation_button.setObjectName("add_relation")
        self.remove_relation_button = QPushButton(self.tr("Remove link"), page)
        self.remove_relation_button.setObjectName("remove_relation")
        add = QHBoxLayout()
        add.addWidget(self.relation_kind)
        add.addWidget(self.relation_other, 1)
        add.addWidget(self.relation_note, 2)
        add.addWidget(self.add_relation_button)
        add.addWidget(self.remove_relation_button)
        layout = QVBoxLayout(page)
        layout.addLayout(add)
        layout.addWidget(self.relationships, 1)
        return page

    def _interactions_tab(self) -> QWidget:
        page = QWidget(self)
        self.interactions = _table(
            page,
            "interactions",
            [
                self.tr("Date"),
                self.tr("Way"),
                self.tr("Contact"),
                self.tr("Note"),
                self.tr("Next step"),
                self.tr("Follow up on"),
                self.tr("By"),
            ],
        )
        self.interactions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.interaction_date = QDateEdit(page)
        self.interaction_date.setObjectName("interaction_date")
        self.interaction_date.setCalendarPopup(True)
        self.interaction_date.setDisplayFormat("yyyy-MM-dd")
        self.interaction_kind = QComboBox(page)
        self.interaction_kind.setObjectName("interaction_kind")
        self.interaction_contact = _line(page, 60)
        self.interaction_contact.setObjectName("interaction_contact")
        self.interaction_contact.setPlaceholderText(self.tr("Contact"))
        self.interaction_note = _line(page, 500)
        self.interaction_note.setObjectName("interaction_note")
        self.interaction_note.setPlaceholderText(self.tr("What was said or agreed"))
        self.interaction_next = _line(page, 200)
        self.interaction_next.setObjectName("interaction_next")
        self.interaction_next.setPlaceholderText(self.tr("Next step"))
        self.follow_up_on = QCheckBox(self.tr("Follow up on"), page)
        self.follow_up_on.setObjectName("follow_up_on")
        self.follow_up_date = QDateEdit(page)
        self.follow_up_date.setObjectName("follow_up_date")
        self.follow_up_date.setCalendarPopup(True)
        self.follow_up_date.setDisplayFormat("yyyy-MM-dd")
        self.follow_up_date.setMinimumDate(QDate(2000, 1, 1))
        self.follow_up_date.setEnabled(False)
        self.follow_up_on.toggled.connect(self.follow_up_date.setEnabled)
        self.add_interaction_button = QPushButton(self.tr("Add note"), page)
        self.add_interaction_button.setObjectName("add_interaction")
        self.interaction_message = QLabel(page)
        self.interaction_message.setObjectName("error_interaction")
        self.interaction_message.setStyleSheet("color: #b00020;")
        self.interaction_message.setVisible(False)

        form = QGridLayout()
        form.addWidget(self.interaction_date, 0, 0)
        form.addWidget(self.interaction_kind, 0, 1)
        form.addWidget(self.interaction_contact, 0, 2)
        form.addWidget(self.follow_up_on, 0, 3)
        form.addWidget(self.follow_up_date, 0, 4)
        form.addWidget(self.interaction_note, 1, 0, 1, 3)
        form.addWidget(self.interaction_next, 1, 3)
        form.addWidget(self.add_interaction_button, 1, 4)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.interaction_message)
        layout.addWidget(self.interactions, 1)
        return page

    def _history_tab(self) -> QWidget:
        page = QWidget(self)
        self.history = _table(
            page,
            "history",
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("What"),
                self.tr("Field"),
                self.tr("Old → new"),
                self.tr("Reason"),
            ],
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.old_codes = QLabel(page)
        self.old_codes.setObjectName("old_codes")
        self.old_codes.setWordWrap(True)
        self.old_codes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(self.old_codes)
        layout.addWidget(self.history, 1)
        return page
