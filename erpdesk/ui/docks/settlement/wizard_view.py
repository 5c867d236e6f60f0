"""``WizardView``: the six settlement pages in a stack with Back / Next / Submit and a message line."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from erpdesk.ui.dialogs.common import MessageLabel
from erpdesk.ui.docks.settlement.pages import CustomerPage, ItemsPage, ReceiptPage
from erpdesk.ui.docks.settlement.pages_finish import InvoicePage, ResultPage, SummaryPage

CUSTOMER, ITEMS, RECEIPT, INVOICE, SUMMARY, RESULT = range(6)


class WizardView(QWidget):
    """Widgets of the settlement wizard; ``controller`` is attached by ``dock.build``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settlement_wizard")
        self.customer_page = CustomerPage(self)
        self.items_page = ItemsPage(self)
        self.receipt_page = ReceiptPage(self)
        self.invoice_page = InvoicePage(self)
        self.summary_page = SummaryPage(self)
        self.result_page = ResultPage(self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        for page in (
            self.customer_page,
            self.items_page,
            self.receipt_page,
            self.invoice_page,
            self.summary_page,
            self.result_page,
        ):
            self.stack.addWidget(page)
        self.message = MessageLabel(self)
        self.back_button = QPushButton(self.tr("< &Back"), self)
        self.back_button.setObjectName("back")
        self.back_button.setToolTip(self.tr("Previous step (Alt+B)"))
        self.next_button = QPushButton(self.tr("&Next >"), self)
        self.next_button.setObjectName("next")
        self.next_button.setToolTip(self.tr("Next step (Ctrl+Enter)"))
        self.submit_button = QPushButton(self.tr("S&ubmit"), self)
        self.submit_button.setObjectName("submit")
        self.submit_button.setToolTip(self.tr("Submit the settlement (Ctrl+Enter)"))
        for button in (self.back_button, self.next_button, self.submit_button):
            button.setAutoDefault(
                True
            )  # Enter on a focused button presses it (outside dialogs too)
        navigation = QHBoxLayout()
        navigation.addStretch(1)
        navigation.addWidget(self.back_button)
        navigation.addWidget(self.next_button)
        navigation.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addLayout(navigation)

    def page(self) -> int:
        return self.stack.currentIndex()
