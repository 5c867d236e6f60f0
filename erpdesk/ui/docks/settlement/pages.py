"""The first three wizard pages: pick the customer, see open items and advances, enter the receipt and
its allocation. Widgets only; ``wizard.py`` wires them. Object names are stable ASCII (tests use them).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui.docks.settlement.allocation_table import AllocationTable
from erpdesk.ui.widgets.money_edit import MoneyEdit
from erpdesk.ui.widgets.tables import read_only_table


def heading(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class CustomerPage(QWidget):
    """Step 1: the customer picker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_customer")
        self.customer = QLineEdit(self)
        self.customer.setObjectName("customer")
        self.customer.setPlaceholderText(self.tr("Customer: code, name or pinyin initials"))
        self.customer.setToolTip(self.tr("Type and press Enter to take the best match"))
        self.customer_name = QLabel(self)
        self.customer_name.setObjectName("customer_name")
        form = QFormLayout()
        form.addRow(self.tr("&Customer"), self.customer)
        form.addRow("", self.customer_name)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self, self.tr("1 · Customer")))
        layout.addLayout(form)
        layout.addStretch(1)


class ItemsPage(QWidget):
    """Step 2: the customer's open items and advances, with the balance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_items")
        self.customer = QLabel(self)
        self.customer.setObjectName("items_customer")
        self.balance = QLabel(self)
        self.balance.setObjectName("balance")
        self.items = read_only_table(self, "open_items")
        self.advances = read_only_table(self, "advances")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self, self.tr("2 · Open items and advances")))
        layout.addWidget(self.customer)
        layout.addWidget(self.balance)
        layout.addWidget(QLabel(self.tr("Open items (oldest due first)"), self))
        layout.addWidget(self.items, 3)
        layout.addWidget(QLabel(self.tr("Advances (money received, not yet settled)"), self))
        layout.addWidget(self.advances, 1)


class ReceiptPage(QWidget):
    """Step 3: the receipt (date, method, reference, amount) and its allocation grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_receipt")
        self.receipt_date = QDateEdit(self)
        self.receipt_date.setObjectName("receipt_date")
        self.receipt_date.setCalendarPopup(True)
        self.receipt_date.setDisplayFormat("yyyy-MM-dd")
        self.receipt_date.setMinimumDate(QDate(2000, 1, 1))
        self.method = QComboBox(self)
        self.method.setObjectName("method")
        self.reference = QLineEdit(self)
        self.reference.setObjectName("reference")
        self.reference.setMaxLength(100)
        self.reference.setPlaceholderText(self.tr("Bank slip, cheque or transaction number"))
        self.amount = MoneyEdit(self)
        self.amount.setObjectName("amount")
        self.notes = QLineEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setMaxLength(200)
        form = QFormLayout()
        form.addRow(self.tr("Receipt &date"), self.receipt_date)
        form.addRow(self.tr("&Method"), self.method)
        form.addRow(self.tr("&Reference"), self.reference)
        form.addRow(self.tr("&Amount"), self.amount)
        form.addRow(self.tr("N&otes"), self.notes)

        self.fifo_button = QPushButton(self.tr("&FIFO"), self)
        self.fifo_button.setObjectName("fifo")
        self.fifo_button.setToolTip(self.tr("Settle the oldest items first (Ctrl+F)"))
        self.clear_button = QPushButton(self.tr("All to ad&vance"), self)
        self.clear_button.setObjectName("all_to_advance")
        self.clear_button.setToolTip(self.tr("Settle no item; keep the whole amount as an advance"))
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Allocation (editable; nothing is saved yet)"), self), 1)
        buttons.addWidget(self.fifo_button)
        buttons.addWidget(self.clear_button)

        self.allocations = AllocationTable(self)
        self.allocations.setObjectName("allocations")
        self.totals = QLabel(self)
        self.totals.setObjectName("allocation_totals")
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self, self.tr("3 · Receipt and allocation")))
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.allocations, 1)
        layout.addWidget(self.totals)
        self.setTabOrder(self.receipt_date, self.method)
        self.setTabOrder(self.method, self.reference)
        self.setTabOrder(self.reference, self.amount)
        self.setTabOrder(self.amount, self.notes)
        self.setTabOrder(self.notes, self.allocations)
        self.setTabOrder(self.allocations, self.fifo_button)
        self.setTabOrder(self.fifo_button, self.clear_button)
