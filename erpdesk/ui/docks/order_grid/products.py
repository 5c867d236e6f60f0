"""``ProductsDialog``: the product list (search by code, barcode or name) and a form to add or change
a product (code, name, specification, unit, category, price, tax rate, barcodes, active).

Opened from the order dock. Reads and writes go through ``services.products`` off the GUI thread;
the service numbers new products and checks barcodes, and its messages are shown under the form.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.services.order_dto import BarcodeInput, ProductInput, ProductRow, ProductSaved
from erpdesk.ui import jobs
from erpdesk.ui.models import IdListTableModel
from erpdesk.ui.models.columns import RIGHT, Column, attr, money, plain
from erpdesk.ui.prompts import error_text
from erpdesk.ui.widgets import SearchLine


class ProductsDialog(QDialog):
    """Product list and form."""

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("products_dialog")
        self.setWindowTitle(self.tr("Products"))
        self.resize(900, 600)
        self._products = services.products
        self.current: ProductRow | None = None
        self.version: int | None = None
        self.last_job: jobs.Job | None = None

        self.search = SearchLine(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search code, barcode or name"))
        columns: tuple[Column[ProductRow], ...] = (
            Column("code", self.tr("Code"), attr("code"), width=90),
            Column("name", self.tr("Name"), attr("name"), width=200),
            Column("spec", self.tr("Specification"), attr("spec"), width=120),
            Column("unit", self.tr("Unit"), attr("unit"), width=50),
            Column("price", self.tr("Price"), attr("price"), money, align=RIGHT, width=90),
            Column("stock", self.tr("Stock"), attr("stock"), plain, align=RIGHT, width=80),
            Column("barcodes", self.tr("Barcodes"), lambda r: ", ".join(r.barcodes), width=160),
        )
        self.model: IdListTableModel[ProductRow] = IdListTableModel(
            columns, self._products.rows, muted=lambda r: not r.active, parent=self
        )
        self.table = QTableView(self)
        self.table.setObjectName("products")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for number, spec in enumerate(columns):
            self.table.setColumnWidth(number, spec.width)

        self.code = self._edit("code", self.tr("empty: next number"))
        self.name = self._edit("name")
        self.spec = self._edit("spec")
        self.unit = self._edit("unit")
        self.category = self._edit("category")
        self.price = self._edit("price")
        self.tax_rate = self._edit("tax_rate")
        self.barcodes = self._edit("barcodes", self.tr("several separated by commas"))
        self.active = QCheckBox(self.tr("Active"), self)
        self.active.setObjectName("active")
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Specification"), self.spec)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Price incl. tax"), self.price)
        form.addRow(self.tr("Tax %"), self.tax_rate)
        form.addRow(self.tr("Barcodes"), self.barcodes)
        form.addRow("", self.active)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&New"), self)
        self.new_button.setObjectName("new")
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("save")
        close = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.message)
        side.addStretch(1)
        side.addLayout(buttons)
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(side, 2)

        self.search.search_changed.connect(lambda _t: self.refresh())
        self.table.clicked.connect(lambda index: self._show(self.model.row_data(index.row())))
        self.table.activated.connect(lambda index: self._show(self.model.row_data(index.row())))
        self.new_button.clicked.connect(self.new_product)
        self.save_button.clicked.connect(lambda: self.save())
        close.clicked.connect(self.accept)
        self.new_product()
        self.refresh()

    def _edit(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def refresh(self) -> jobs.Job:
        text = self.search.text()
        products = self._products
        self.last_job = jobs.run_query(
            self,
            lambda: products.search_ids(text, include_inactive=True),
            self.model.set_ids,
        )
        return self.last_job

    def new_product(self) -> None:
        self.current, self.version = None, None
        for edit in (self.code, self.name, self.spec, self.unit, self.category, self.barcodes):
            edit.clear()
        self.price.setText("0.00")
        self.tax_rate.setText("13")
        self.active.setChecked(True)
        self.code.setReadOnly(False)
        self.message.clear()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show(self, row: ProductRow | None) -> None:
        if row is None:
            return
        self.current = row
        self.code.setText(row.code)
        self.code.setReadOnly(True)
        self.name.setText(row.name)
        self.spec.setText(row.spec)
        self.unit.setText(row.unit)
        self.category.setText(row.category)
        self.price.setText(f"{row.price:.2f}")
        self.tax_rate.setText(format(row.tax_rate.normalize(), "f"))
        self.barcodes.setText(", ".join(row.barcodes))
        self.active.setChecked(row.active)
        self.message.clear()
        self.version = None  # the service checks the row as stored when saving

    def draft(self) -> ProductInput | None:
        try:
            price = Decimal(self.price.text().strip() or "0")
            tax = Decimal(self.tax_rate.text().strip() or "0")
        except InvalidOperation:
            self.message.setText(self.tr("Price and tax rate must be numbers."))
            return None
        codes = [c.strip() for c in self.barcodes.text().replace("，", ",").split(",")]
        return ProductInput(
            id=self.current.id if self.current else None,
            version=self.version,
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            spec=self.spec.text().strip(),
            unit=self.unit.text().strip(),
            category=self.category.text().strip(),
            price=price,
            tax_rate=tax,
            barcodes=tuple(BarcodeInput(barcode=c) for c in codes if c),
            active=self.active.isChecked(),
        )

    def save(self) -> jobs.Job | None:
        draft = self.draft()
        if draft is None:
            return None
        products = self._products

        def done(saved: ProductSaved) -> None:
            self.message.setText(self.tr("Saved as {0}.").format(saved.code))
            self.code.setText(saved.code)
            self.refresh()
            self.last_job = jobs.run_query(
                self, lambda: products.get(saved.id), lambda row: setattr(self, "current", row)
            )

        self.last_job = jobs.run_command(
            self,
            lambda: products.save(draft),
            done,
            lambda exc: self.message.setText(error_text(exc)),
        )
        return self.last_job

    @classmethod
    def show_for(cls, services: Any, parent: QWidget | None) -> None:
        cls(services, parent).exec()
