"""The first three wizard pages: pick the customer, see open items and advances, enter the receipt and
its allocation. Widgets, and how the items page shows what the wizard loaded; ``wizard.py`` wires
them. Object names are stable ASCII (tests use them).
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

from erpdesk.domain.money import format_money
from erpdesk.services.receivables import AdvanceView, CustomerBalance, OpenItemView
from erpdesk.ui.docks.settlement.allocation_table import AllocationTable
from erpdesk.ui.docks.settlement.table_rows import fill, list_model
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
    """Step 2: the customer's open items, advances and balance; ``show_customer`` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_items")
        self.customer = QLabel(self)
        self.customer.setObjectName("items_customer")
        self.balance = QLabel(self)
        self.balance.setObjectName("balance")
        self.items = read_only_table(self, "open_items")
        self.advances = read_only_table(self, "advances")
        self.item_rows = list_model(
            self,
            self.items,
            [
                self.tr("Document"),
                self.tr("Date"),
                self.tr("Due"),
                self.tr("Amount"),
                self.tr("Open"),
            ],
        )
        self.advance_rows = list_model(
            self,
            self.advances,
            [self.tr("Receipt"), self.tr("Date"), self.tr("Amount"), self.tr("Not settled")],
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self, self.tr("2 · Open items and advances")))
        layout.addWidget(self.customer)
        layout.addWidget(self.balance)
        layout.addWidget(QLabel(self.tr("Open items (oldest due first)"), self))
        layout.addWidget(self.items, 3)
        layout.addWidget(QLabel(self.tr("Advances (money received, not yet settled)"), self))
        layout.addWidget(self.advances, 1)

    def show_customer(
        self,
        label: str,
        balance: CustomerBalance,
        items: tuple[OpenItemView, ...],
        advances: tuple[AdvanceView, ...],
    ) -> None:
        """The customer's name, balance, open items and advances."""
        self.customer.setText(label)
        self.balance.setText(
            self.tr("Open items {0} · advances {1} · balance {2}").format(
                format_money(balance.open_items),
                format_money(balance.advances),
                format_money(balance.balance),
            )
        )
        fill(
            self.item_rows,
            (
                (
                    item.id,
                    (
                        item.doc_number,
                        item.doc_date.isoformat(),
                        item.due_date.isoformat(),
                        format_money(item.amount, symbol=False),
                        format_money(item.open_amount, symbol=False),
                    ),
                )
                for item in items
            ),
            right=frozenset({3, 4}),
        )
        fill(
            self.advance_rows,
            (
                (
                    advance.receipt_id,
                    (
                        advance.number,
                        advance.receipt_date.isoformat(),
                        format_money(advance.amount, symbol=False),
                        format_money(advance.unallocated, symbol=False),
                    ),
                )
                for advance in advances
            ),
            right=frozenset({2, 3}),
        )


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
