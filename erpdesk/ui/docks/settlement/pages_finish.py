"""The last wizard pages: with or without an invoice, the summary before submitting, and the result
with the notice PDF. Widgets only; ``wizard.py`` wires them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui.docks.settlement.pages import heading


class InvoicePage(QWidget):
    """Step 4: invoice numbers, or the temporary voucher (临时凭证) details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_invoice")
        self.with_invoice = QRadioButton(self.tr("&With invoice"), self)
        self.with_invoice.setObjectName("with_invoice")
        self.without_invoice = QRadioButton(
            self.tr("With&out invoice (temporary voucher, needs approval)"), self
        )
        self.without_invoice.setObjectName("without_invoice")
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.with_invoice)
        self.kinds.addButton(self.without_invoice)
        self.with_invoice.setChecked(True)

        self.invoice_numbers = QLineEdit(self)
        self.invoice_numbers.setObjectName("invoice_numbers")
        self.invoice_numbers.setPlaceholderText(
            self.tr("Invoice numbers of this customer, separated by commas or spaces")
        )
        self.known_invoices = QLabel(self)
        self.known_invoices.setObjectName("known_invoices")
        self.known_invoices.setWordWrap(True)
        self.with_box = QWidget(self)
        with_form = QFormLayout(self.with_box)
        with_form.setContentsMargins(24, 0, 0, 0)
        with_form.addRow(self.tr("&Invoice numbers"), self.invoice_numbers)
        with_form.addRow("", self.known_invoices)

        self.reason = QComboBox(self)
        self.reason.setObjectName("voucher_reason")
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        reason_edit = self.reason.lineEdit()
        assert reason_edit is not None  # editable above
        reason_edit.setMaxLength(200)
        self.reference_docs = QLineEdit(self)
        self.reference_docs.setObjectName("reference_docs")
        self.reference_docs.setMaxLength(200)
        self.reference_docs.setPlaceholderText(self.tr("Contract, order or delivery note numbers"))
        self.invoice_expected = QCheckBox(self.tr("An invoice is still &expected"), self)
        self.invoice_expected.setObjectName("invoice_expected")
        self.invoice_expected.setChecked(True)
        self.without_box = QWidget(self)
        without_form = QFormLayout(self.without_box)
        without_form.setContentsMargins(24, 0, 0, 0)
        without_form.addRow(self.tr("Rea&son"), self.reason)
        without_form.addRow(self.tr("Reference &documents"), self.reference_docs)
        without_form.addRow("", self.invoice_expected)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self, self.tr("4 · Invoice")))
        layout.addWidget(self.with_invoice)
        layout.addWidget(self.with_box)
        layout.addWidget(self.without_invoice)
        layout.addWidget(self.without_box)
        layout.addStretch(1)
        self.with_invoice.toggled.connect(self._show_kind)
        self._show_kind()

    def _show_kind(self) -> None:
        with_invoice = self.with_invoice.isChecked()
        self.with_box.setVisible(with_invoice)
        self.without_box.setVisible(not with_invoice)


class SummaryPage(QWidget):
    """Step 5: what will happen, whether approval is needed and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_summary")
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.approval = QLabel(self)
        self.approval.setObjectName("approval")
        self.approval.setTextFormat(Qt.TextFormat.PlainText)
        self.approval.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self, self.tr("5 · Check and submit")))
        layout.addWidget(self.summary)
        layout.addWidget(self.approval)
        layout.addStretch(1)


class ResultPage(QWidget):
    """Step 6: posted or waiting for approval, the numbers, the notice PDF and a new settlement."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_result")
        self.status = QLabel(self)
        self.status.setObjectName("result_status")
        font = self.status.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.status.setFont(font)
        self.details = QLabel(self)
        self.details.setObjectName("result_details")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_button = QPushButton(self.tr("Settlement &notice PDF…"), self)
        self.notice_button.setObjectName("notice_pdf")
        self.notice_button.setToolTip(
            self.tr("Save the notice for the customer and open it (Ctrl+P)")
        )
        self.new_button = QPushButton(self.tr("New &settlement"), self)
        self.new_button.setObjectName("new_settlement")
        self.new_button.setToolTip(self.tr("Start again with another customer (Ctrl+N)"))
        self.notice_button.setAutoDefault(True)
        self.new_button.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self, self.tr("6 · Result")))
        layout.addWidget(self.status)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addStretch(1)
