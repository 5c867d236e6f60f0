"""Layout of the order dock: filters and the order list on top, the order being entered below.

The editor has the customer picker (code, old code, name or pinyin initials), the header fields it
fills, the live credit line, the lines grid and the action buttons. Widgets only; ``controller.py``
wires them. Object names are stable ASCII.
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
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui.docks.order_grid.lines_table import LinesTable


class OrderGridView(QWidget):
    """Widgets of the order dock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("order_grid")

        # ------------------------------------------------------------ the list
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("filter_status")
        self.date_from = self._date("filter_from")
        self.date_to = self._date("filter_to")
        self.only_customer = QCheckBox(self.tr("Only this customer"), self)
        self.only_customer.setObjectName("filter_customer")
        self.number_search = QLineEdit(self)
        self.number_search.setObjectName("filter_number")
        self.number_search.setPlaceholderText(self.tr("Order number"))
        self.new_button = QPushButton(self.tr("&New order"), self)
        self.new_button.setObjectName("new")
        self.new_button.setToolTip(self.tr("Start a new order (Ctrl+N)"))
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Status"), self))
        filters.addWidget(self.status_filter)
        filters.addWidget(QLabel(self.tr("From"), self))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("To"), self))
        filters.addWidget(self.date_to)
        filters.addWidget(self.only_customer)
        filters.addWidget(self.number_search, 1)
        filters.addWidget(self.new_button)
        self.products_button = QPushButton(self.tr("&Products…"), self)
        self.products_button.setObjectName("products")
        self.products_button.setToolTip(self.tr("Product list and form (Ctrl+P)"))
        filters.addWidget(self.products_button)
        self.export_button = QPushButton(self.tr("E&xport to Excel…"), self)
        self.export_button.setObjectName("export")
        self.export_button.setToolTip(
            self.tr("Write the orders listed here, with these columns, to an Excel file")
        )
        filters.addWidget(self.export_button)

        self.list = QTableView(self)
        self.list.setObjectName("orders")
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().setVisible(False)
        self.list.verticalHeader().setDefaultSectionSize(22)
        self.count = QLabel(self)
        self.count.setObjectName("count")
        self.customer_totals = QLabel(self)
        self.customer_totals.setObjectName("customer_totals")
        list_box = QWidget(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.list, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.customer_totals)
        list_layout.addLayout(bottom)

        # ------------------------------------------------------------ the editor
        self.number = QLabel(self)
        self.number.setObjectName("number")
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.customer = QLineEdit(self)
        self.customer.setObjectName("customer")
        self.customer.setPlaceholderText(self.tr("Customer: code, name or pinyin initials"))
        self.customer_name = QLabel(self)
        self.customer_name.setObjectName("customer_name")
        self.contact = QLineEdit(self)
        self.contact.setObjectName("contact")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("phone")
        self.address = QLineEdit(self)
        self.address.setObjectName("address")
        self.salesperson = QLabel(self)
        self.salesperson.setObjectName("salesperson")
        self.terms = QSpinBox(self)
        self.terms.setObjectName("terms")
        self.terms.setRange(0, 365)
        self.terms.setSuffix(self.tr(" days"))
        self.delivery_date = self._date("delivery_date")
        self.delivery_date.setSpecialValueText(self.tr("(none)"))
        self.delivery_date.setMinimumDate(QDate(2000, 1, 1))
        self.delivery_date.setDate(self.delivery_date.minimumDate())
        self.notes = QLineEdit(self)
        self.notes.setObjectName("notes")

        header = QGridLayout()
        header.addWidget(QLabel(self.tr("Order"), self), 0, 0)
        header.addWidget(self.number, 0, 1)
        header.addWidget(self.status, 0, 2)
        header.addWidget(QLabel(self.tr("Customer"), self), 1, 0)
        header.addWidget(self.customer, 1, 1)
        header.addWidget(self.customer_name, 1, 2, 1, 3)
        form = QFormLayout()
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Delivery address"), self.address)
        side = QFormLayout()
        side.addRow(self.tr("Salesperson"), self.salesperson)
        side.addRow(self.tr("Payment terms"), self.terms)
        side.addRow(self.tr("Delivery date"), self.delivery_date)
        side.addRow(self.tr("Notes"), self.notes)
        fields = QHBoxLayout()
        fields.addLayout(form, 2)
        fields.addLayout(side, 1)

        self.credit = QLabel(self)
        self.credit.setObjectName("credit")
        self.credit.setTextFormat(Qt.TextFormat.PlainText)

        self.lines = LinesTable(self)
        self.lines.setObjectName("lines")
        self.totals = QLabel(self)
        self.totals.setObjectName("totals")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c62828")

        self.save_button = self._button(
            "save", self.tr("&Save"), self.tr("Save the draft (Ctrl+S)")
        )
        self.confirm_button = self._button(
            "confirm", self.tr("&Confirm"), self.tr("Confirm the order (Ctrl+Enter)")
        )
        self.deliver_button = self._button(
            "deliver", self.tr("&Deliver"), self.tr("Deliver everything still open (Ctrl+D)")
        )
        self.reopen_button = self._button(
            "reopen", self.tr("&Reopen"), self.tr("Back to draft (managers)")
        )
        self.cancel_button = self._button(
            "cancel_order", self.tr("Cance&l order"), self.tr("Cancel the order with a reason")
        )
        self.approve_button = self._button(
            "approve",
            self.tr("A&pprove"),
            self.tr("Approve a pending order (managers, accountants)"),
        )
        self.reject_button = self._button(
            "reject", self.tr("Re&ject"), self.tr("Send a pending order back to draft")
        )
        actions = QHBoxLayout()
        actions.addWidget(self.totals, 1)
        for button in (
            self.save_button,
            self.confirm_button,
            self.approve_button,
            self.reject_button,
            self.deliver_button,
            self.reopen_button,
            self.cancel_button,
        ):
            actions.addWidget(button)

        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(header)
        editor_layout.addLayout(fields)
        editor_layout.addWidget(self.credit)
        editor_layout.addWidget(self.lines, 1)
        editor_layout.addWidget(self.message)
        editor_layout.addLayout(actions)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(list_box)
        self.splitter.addWidget(editor)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.setTabOrder(self.customer, self.lines)

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        return button
