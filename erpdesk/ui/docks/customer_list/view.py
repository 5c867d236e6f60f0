"""Layout of the customer list dock: search box, filters, the lazy grid and a count line.

Only widgets and their arrangement live here; ``controller.py`` fills the filters, runs the queries
and reacts to the keyboard. Object names are stable ASCII so tests and saved layouts can find them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui.widgets import SearchLine


class CustomerListView(QWidget):
    """Widgets of the customer list; no behaviour beyond layout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_list")

        self.search = SearchLine(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            self.tr("Search code, old code, name, mnemonic, phone or contact (Ctrl+F)")
        )
        self.new_button = QPushButton(self.tr("&New"), self)
        self.new_button.setObjectName("new")
        self.new_button.setToolTip(self.tr("New customer (Ctrl+N)"))
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("open")
        self.open_button.setToolTip(self.tr("Open the selected customer (Enter)"))
        self.remove_button = QPushButton(self.tr("Deactivate / delete"), self)
        self.remove_button.setObjectName("remove")
        self.remove_button.setToolTip(
            self.tr("Deactivate, or delete a customer without history (Del)")
        )
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setObjectName("restore")
        self.restore_button.setToolTip(self.tr("Make a deactivated customer active again"))
        self.labels_button = QPushButton(self.tr("Print &labels…"), self)
        self.labels_button.setObjectName("labels")
        self.labels_button.setToolTip(self.tr("Barcode labels for the customers listed"))

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        top.addWidget(self.remove_button)
        top.addWidget(self.restore_button)
        top.addWidget(self.labels_button)

        self.category = self._combo("filter_category")
        self.level = self._combo("filter_level")
        self.region = self._combo("filter_region")
        self.salesperson = self._combo("filter_salesperson")
        self.status = self._combo("filter_status")
        self.follow_ups = QCheckBox(self.tr("Follow-ups due"), self)
        self.follow_ups.setObjectName("filter_follow_ups")

        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Category"), self.category),
            (self.tr("Level"), self.level),
            (self.tr("Region"), self.region),
            (self.tr("Salesperson"), self.salesperson),
            (self.tr("Status"), self.status),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.follow_ups)
        filters.addStretch(1)

        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)

        self.count = QLabel(self)
        self.count.setObjectName("count")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo
