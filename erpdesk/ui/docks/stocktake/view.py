"""Layout of the stocktake dock: the session bar on top, then a Count page and a Review page.

Count: the large scan field, the last scans (newest first), the Unknown list and the compact census
panel. Review: expected against counted, missing and unexpected lines, unknown codes, the hand-held
file buttons. Widgets only; ``controller.py`` wires them. Object names are stable ASCII.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui.docks.stocktake.scan_field import ScanField
from erpdesk.ui.widgets.tables import read_only_table


def _table(parent: QWidget, name: str) -> QTableView:
    """A read-only grid whose rows can be selected several at a time (one decision for many lines)."""
    table = read_only_table(parent, name)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setWordWrap(False)
    return table


class CensusPanel(QGroupBox):
    """The found customer's phone / address / contact, to confirm (Enter) or correct (edit, Save)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("census")
        self.setTitle(self.tr("Customer census"))
        self.customer = QLabel(self)
        self.customer.setObjectName("census_customer")
        self.customer.setTextFormat(Qt.TextFormat.PlainText)
        self.phone = QLineEdit(self)
        self.phone.setObjectName("census_phone")
        self.address = QLineEdit(self)
        self.address.setObjectName("census_address")
        self.contact = QLineEdit(self)
        self.contact.setObjectName("census_contact")
        self.confirm_button = QPushButton(self.tr("Confirm (Enter)"), self)
        self.confirm_button.setObjectName("census_confirm")
        self.save_button = QPushButton(self.tr("Save corrections"), self)
        self.save_button.setObjectName("census_save")
        self.state = QLabel(self)
        self.state.setObjectName("census_state")
        self.state.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Contact"), self.contact)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addLayout(buttons)


class StocktakeDockView(QWidget):
    """Widgets of the stocktake dock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stocktake")

        # ------------------------------------------------------------ session bar
        self.session = QComboBox(self)
        self.session.setObjectName("session")
        self.session.setMinimumContentsLength(28)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.new_button = self._button("new_session", self.tr("&New session…"))
        self.start_button = self._button("start", self.tr("Start &counting"))
        self.review_button = self._button("to_review", self.tr("To re&view"))
        self.post_button = self._button("post", self.tr("&Post…"))
        self.cancel_button = self._button("cancel_session", self.tr("Cancel session…"))
        self.labels_button = self._button("labels", self.tr("Print &labels…"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Session"), self))
        bar.addWidget(self.session, 1)
        bar.addWidget(self.status)
        for button in (
            self.new_button,
            self.start_button,
            self.review_button,
            self.post_button,
            self.cancel_button,
            self.labels_button,
        ):
            bar.addWidget(button)

        # ------------------------------------------------------------ count page
        count_page = QWidget(self)
        count_page.setObjectName("count_page")
        self.scan = ScanField(count_page)
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(self.tr("Scan or type a code, Enter (12*CODE counts 12)"))
        self.pending = QLabel(count_page)
        self.pending.setObjectName("pending")
        self.last = QLabel(count_page)
        self.last.setObjectName("last")
        self.last.setTextFormat(Qt.TextFormat.PlainText)
        big = self.last.font()
        big.setPointSizeF(big.pointSizeF() * 1.4)
        self.last.setFont(big)
        self.undo_button = self._button("undo", self.tr("&Undo last scan (Ctrl+Z)"), count_page)
        self.correct_button = self._button("correct", self.tr("Co&rrect line…"), count_page)
        self.add_button = self._button("add_by_hand", self.tr("&Add by hand…"), count_page)
        self.retry_button = self._button("retry", self.tr("Retry failed scans"), count_page)
        self.retry_button.setVisible(False)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.pending)
        actions = QHBoxLayout()
        actions.addWidget(self.last, 1)
        actions.addWidget(self.retry_button)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.correct_button)
        actions.addWidget(self.add_button)

        self.scans = _table(count_page, "scans")
        self.scans.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        unknown_box = QGroupBox(self.tr("Unknown"), count_page)
        unknown_box.setObjectName("unknown_box")
        self.unknown = QListView(unknown_box)
        self.unknown.setObjectName("unknown")
        self.unknown.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unknown.setStyleSheet("color: #c62828")
        unknown_layout = QVBoxLayout(unknown_box)
        unknown_layout.addWidget(self.unknown)
        self.census = CensusPanel(count_page)
        self.census.setVisible(False)
        side = QWidget(count_page)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.census)
        side_layout.addWidget(unknown_box, 1)
        split = QSplitter(Qt.Orientation.Horizontal, count_page)
        split.addWidget(self.scans)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        count_layout = QVBoxLayout(count_page)
        count_layout.addLayout(scan_row)
        count_layout.addLayout(actions)
        count_layout.addWidget(split, 1)
        self.count_page = count_page

        # ------------------------------------------------------------ review page
        review_page = QWidget(self)
        review_page.setObjectName("review_page")
        self.review_tabs = QTabWidget(review_page)
        self.review_tabs.setObjectName("review_tabs")
        self.lines = _table(review_page, "lines")
        self.missing = _table(review_page, "missing")
        self.unexpected = _table(review_page, "unexpected")
        self.unknown_codes = QListView(review_page)
        self.unknown_codes.setObjectName("unknown_codes")
        self.unknown_codes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.review_tabs.addTab(self.lines, self.tr("Expected vs counted"))
        self.review_tabs.addTab(self.missing, self.tr("Missing"))
        self.review_tabs.addTab(self.unexpected, self.tr("Unexpected"))
        self.review_tabs.addTab(self.unknown_codes, self.tr("Unknown codes"))
        self.refresh_button = self._button("refresh", self.tr("Re&fresh"), review_page)
        self.keep_button = self._button("keep", self.tr("Keep"), review_page)
        self.deactivate_button = self._button("deactivate", self.tr("Deactivate"), review_page)
        self.investigate_button = self._button("investigate", self.tr("Investigate"), review_page)
        self.export_button = self._button(
            "export_sheet", self.tr("&Export count sheet…"), review_page
        )
        self.import_button = self._button(
            "import_handheld", self.tr("&Import handheld file…"), review_page
        )
        self.review_correct_button = self._button(
            "review_correct", self.tr("Correct / give a reason…"), review_page
        )
        self.summary = QLabel(review_page)
        self.summary.setObjectName("summary")
        self.missing_label = QLabel(self.tr("Missing customers:"), review_page)
        review_actions = QHBoxLayout()
        review_actions.addWidget(self.summary, 1)
        review_actions.addWidget(self.review_correct_button)
        review_actions.addWidget(self.missing_label)
        review_actions.addWidget(self.keep_button)
        review_actions.addWidget(self.deactivate_button)
        review_actions.addWidget(self.investigate_button)
        file_actions = QHBoxLayout()
        file_actions.addStretch(1)
        file_actions.addWidget(self.refresh_button)
        file_actions.addWidget(self.export_button)
        file_actions.addWidget(self.import_button)
        review_layout = QVBoxLayout(review_page)
        review_layout.addLayout(file_actions)
        review_layout.addWidget(self.review_tabs, 1)
        review_layout.addLayout(review_actions)
        self.review_page = review_page

        self.pages = QTabWidget(self)
        self.pages.setObjectName("pages")
        self.pages.addTab(count_page, self.tr("Count"))
        self.pages.addTab(review_page, self.tr("Review"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)

    def _button(self, name: str, text: str, parent: QWidget | None = None) -> QPushButton:
        button = QPushButton(text, parent or self)
        button.setObjectName(name)
        # Buttons never keep the focus: the scan field must get every keystroke of the scanner.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button
