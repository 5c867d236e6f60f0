"""Dialogs of the stocktake dock: new session, manager approval to post, cancel reason, line correction
and add by hand. Each opens through an ``ask`` classmethod that tests patch; none calls a service
itself except the add-by-hand search, which goes through ``jobs.run_query``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.domain.stocktake import StocktakeKind, parse_quantity
from erpdesk.services.stocktake_dto import StocktakeInput, StocktakeScope
from erpdesk.ui import jobs
from erpdesk.ui.dialogs.common import MessageLabel, add_ok_cancel, password_edit
from erpdesk.ui.prompts import error_text


@dataclass(frozen=True, slots=True)
class ScopeChoices:
    """What the new-session dialog offers: (text, id) of categories and salespeople, regions."""

    categories: Sequence[tuple[str, int]] = ()
    regions: Sequence[str] = ()
    salespeople: Sequence[tuple[str, int]] = ()


class NewSessionDialog(QDialog):
    """Name, kind, scope and blind mode of a new stocktake session."""

    def __init__(self, parent: QWidget | None, choices: ScopeChoices) -> None:
        super().__init__(parent)
        self.setObjectName("new_session_dialog")
        self.setWindowTitle(self.tr("New stocktake session"))
        self.result_input: StocktakeInput | None = None
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.name.setMaxLength(100)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Customers (census)"), StocktakeKind.CUSTOMERS.value)
        self.kind.addItem(self.tr("Products"), StocktakeKind.PRODUCTS.value)
        self.category = self._combo("category", [(t, i) for t, i in choices.categories])
        self.region = self._combo("region", [(r, r) for r in choices.regions])
        self.salesperson = self._combo("salesperson", [(t, i) for t, i in choices.salespeople])
        self.product_category = QLineEdit(self)
        self.product_category.setObjectName("product_category")
        self.product_category.setPlaceholderText(self.tr("(all)"))
        self.blind = QCheckBox(
            self.tr("Blind count (counters do not see expected quantities)"), self
        )
        self.blind.setObjectName("blind")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Counts"), self.kind)
        form.addRow(self.tr("Customer category"), self.category)
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("Salesperson"), self.salesperson)
        form.addRow(self.tr("Product category"), self.product_category)
        form.addRow("", self.blind)
        self._form = form
        self.message = MessageLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        add_ok_cancel(self, layout, self._submit, self.tr("Create"))
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()

    def _combo(self, name: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(self.tr("(all)"), None)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _kind_changed(self) -> None:
        customers = self.kind.currentData() == StocktakeKind.CUSTOMERS.value
        for widget, show in (
            (self.category, customers),
            (self.region, customers),
            (self.salesperson, customers),
            (self.product_category, not customers),
        ):
            self._form.setRowVisible(widget, show)

    def _submit(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.message.show_error(self.tr("Give the session a name."))
            self.name.setFocus()
            return
        kind = StocktakeKind(self.kind.currentData())
        if kind is StocktakeKind.CUSTOMERS:
            scope = StocktakeScope(
                kind=kind,
                category_id=self.category.currentData(),
                region=self.region.currentData() or "",
                salesperson_id=self.salesperson.currentData(),
            )
        else:
            scope = StocktakeScope(kind=kind, product_category=self.product_category.text().strip())
        self.result_input = StocktakeInput(name=name, scope=scope, blind=self.blind.isChecked())
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, choices: ScopeChoices) -> StocktakeInput | None:
        dialog = cls(parent, choices)
        dialog.exec()
        return dialog.result_input


@dataclass(frozen=True, slots=True)
class Approval:
    approver: str
    password: str


class PostDialog(QDialog):
    """A manager types name and password at the clerk's PC to approve posting (like a credit override)."""

    def __init__(self, parent: QWidget | None, summary: str, error: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("post_dialog")
        self.setWindowTitle(self.tr("Post stocktake"))
        self.answer: Approval | None = None
        note = QLabel(summary, self)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        self.approver = QLineEdit(self)
        self.approver.setObjectName("approver")
        self.password = password_edit(self, "password")
        form = QFormLayout()
        form.addRow(self.tr("Manager"), self.approver)
        form.addRow(self.tr("Manager's password"), self.password)
        self.message = MessageLabel(self)
        if error:
            self.message.show_error(error)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        add_ok_cancel(self, layout, self._submit, self.tr("Approve and post"))

    def _submit(self) -> None:
        if not self.approver.text().strip() or not self.password.text():
            self.message.show_error(self.tr("Enter the manager's name and password."))
            return
        self.answer = Approval(self.approver.text().strip(), self.password.text())
        self.password.clear()
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, summary: str, error: str = "") -> Approval | None:
        dialog = cls(parent, summary, error)
        dialog.exec()
        return dialog.answer


class CancelReasonDialog(QDialog):
    """A required reason (cancelling a session)."""

    def __init__(self, parent: QWidget | None, title: str, label: str) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(200)
        self.message = MessageLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label, self))
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        add_ok_cancel(self, layout, self._submit)

    def _submit(self) -> None:
        if not self.reason.text().strip():
            self.message.show_error(self.tr("A reason is required."))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str) -> str | None:
        dialog = cls(parent, title, label)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.text().strip()


@dataclass(frozen=True, slots=True)
class Correction:
    counted: Decimal
    reason: str


class CorrectLineDialog(QDialog):
    """New counted quantity of one line and the reason (both required)."""

    def __init__(self, parent: QWidget | None, label: str, counted: Decimal) -> None:
        super().__init__(parent)
        self.setObjectName("correct_dialog")
        self.setWindowTitle(self.tr("Correct a count"))
        self.answer: Correction | None = None
        title = QLabel(label, self)
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.counted = QLineEdit(f"{counted.normalize():f}", self)
        self.counted.setObjectName("counted")
        self.counted.selectAll()
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Damaged, lost, entry error, not booked, other…"))
        form = QFormLayout()
        form.addRow(self.tr("Counted"), self.counted)
        form.addRow(self.tr("Reason"), self.reason)
        self.message = MessageLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        add_ok_cancel(self, layout, self._submit)

    def _submit(self) -> None:
        try:
            counted = parse_quantity(self.counted.text())
        except DomainError as exc:
            self.message.show_error(error_text(exc))
            self.counted.setFocus()
            return
        if not self.reason.text().strip():
            self.message.show_error(self.tr("A reason is required."))
            self.reason.setFocus()
            return
        self.answer = Correction(counted, self.reason.text().strip())
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, label: str, counted: Decimal) -> Correction | None:
        dialog = cls(parent, label, counted)
        dialog.exec()
        return dialog.answer


@dataclass(frozen=True, slots=True)
class HandPick:
    target_id: int
    label: str
    quantity: Decimal


TARGET_ROLE = Qt.ItemDataRole.UserRole + 1

Search = Callable[[str], Sequence[tuple[int, str]]]
"""Runs in a worker: text → (id, shown text) of matching customers or products."""


class AddByHandDialog(QDialog):
    """Find a customer or product without a barcode by code, name or pinyin initials and add it."""

    def __init__(self, parent: QWidget | None, search: Search, *, products: bool) -> None:
        super().__init__(parent)
        self.setObjectName("add_dialog")
        self.setWindowTitle(self.tr("Add by hand"))
        self.answer: HandPick | None = None
        self._search = search
        self._generation = 0
        self.query = QLineEdit(self)
        self.query.setObjectName("query")
        self.query.setPlaceholderText(self.tr("Code, name or pinyin initials"))
        self.hits = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setObjectName("hits")
        self.list.setModel(self.hits)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quantity = QDoubleSpinBox(self)
        self.quantity.setObjectName("quantity")
        self.quantity.setDecimals(3)
        self.quantity.setRange(0.001, 1_000_000)
        self.quantity.setValue(1)
        self.quantity.setEnabled(products)
        self.message = MessageLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("Find"), self.query)
        form.addRow(self.tr("Quantity"), self.quantity)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        add_ok_cancel(self, layout, self._submit, self.tr("Add"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.search_now)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.list.doubleClicked.connect(lambda _i: self._submit())
        self.last_job: jobs.Job | None = None

    def search_now(self) -> jobs.Job | None:
        text = self.query.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self.hits.clear()
            return None
        search = self._search
        self.last_job = jobs.run_query(
            self, lambda: search(text), lambda hits: self._show(generation, hits)
        )
        return self.last_job

    def _show(self, generation: int, hits: Sequence[tuple[int, str]]) -> None:
        if generation != self._generation:
            return
        self.hits.clear()
        for target_id, text in hits:
            item = QStandardItem(text)
            item.setData(target_id, TARGET_ROLE)
            self.hits.appendRow(item)
        if hits:
            self.list.setCurrentIndex(self.hits.index(0, 0))

    def _submit(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            self.message.show_error(self.tr("Find and choose one first."))
            return
        self.answer = HandPick(
            target_id=int(index.data(TARGET_ROLE)),
            label=str(index.data(Qt.ItemDataRole.DisplayRole)),
            quantity=Decimal(str(round(self.quantity.value(), 3))),
        )
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, search: Search, *, products: bool) -> HandPick | None:
        dialog = cls(parent, search, products=products)
        dialog.exec()
        return dialog.answer
