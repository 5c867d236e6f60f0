"""Small dialogs of the settlement dock: a decision comment (required to reject), the next action date
with a note, and invoice numbers to match. Each opens through an ``ask`` classmethod that tests patch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui.dialogs.common import MessageLabel, add_ok_cancel


class CommentDialog(QDialog):
    """Asks for the comment of an approval (optional) or a rejection (required)."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, required: bool) -> None:
        super().__init__(parent)
        self.setObjectName("comment_dialog")
        self.setWindowTitle(title)
        self._required = required
        self.comment = QLineEdit(self)
        self.comment.setObjectName("comment")
        self.comment.setMaxLength(500)
        self.message = MessageLabel(self)
        layout = QVBoxLayout(self)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.comment)
        layout.addWidget(self.message)
        add_ok_cancel(self, layout, self._submit)

    def _submit(self) -> None:
        if self._required and not self.comment.text().strip():
            self.message.show_error(self.tr("A comment is required."))
            self.comment.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str, required: bool) -> str | None:
        """The comment ("" allowed when not required), or None when cancelled."""
        dialog = cls(parent, title, prompt, required)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.comment.text().strip()


@dataclass(frozen=True, slots=True)
class NextAction:
    """``on`` None clears the date."""

    on: date | None
    note: str


class NextActionDialog(QDialog):
    """The next follow-up date (or none) and a short note."""

    def __init__(
        self, parent: QWidget | None, today: date, current: date | None, note: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("next_action_dialog")
        self.setWindowTitle(self.tr("Next action"))
        self.on = QDateEdit(self)
        self.on.setObjectName("next_action_on")
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        start = current or today
        self.on.setDate(QDate(start.year, start.month, start.day))
        self.no_date = QCheckBox(self.tr("No date"), self)
        self.no_date.setObjectName("no_date")
        self.no_date.toggled.connect(lambda on: self.on.setEnabled(not on))
        self.note = QLineEdit(note, self)
        self.note.setObjectName("note")
        self.note.setMaxLength(200)
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.on)
        form.addRow("", self.no_date)
        form.addRow(self.tr("&Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        add_ok_cancel(self, layout, self.accept)

    @classmethod
    def ask(
        cls, parent: QWidget | None, today: date, current: date | None, note: str
    ) -> NextAction | None:
        dialog = cls(parent, today, current, note)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        on = None if dialog.no_date.isChecked() else dialog.on.date().toPython()
        return NextAction(on=on, note=dialog.note.text().strip())  # type: ignore[arg-type]


class InvoiceNumbersDialog(QDialog):
    """Invoice numbers that arrived for a settlement without an invoice."""

    def __init__(self, parent: QWidget | None, document: str) -> None:
        super().__init__(parent)
        self.setObjectName("invoice_numbers_dialog")
        self.setWindowTitle(self.tr("Match invoice"))
        self.numbers = QLineEdit(self)
        self.numbers.setObjectName("invoice_numbers")
        self.numbers.setPlaceholderText(self.tr("Separated by commas or spaces"))
        self.message = MessageLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Invoice numbers for {0}").format(document), self))
        layout.addWidget(self.numbers)
        layout.addWidget(self.message)
        add_ok_cancel(self, layout, self._submit)

    def _submit(self) -> None:
        if not self.numbers.text().strip():
            self.message.show_error(self.tr("Enter at least one invoice number."))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, document: str) -> str | None:
        dialog = cls(parent, document)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.numbers.text().strip()
