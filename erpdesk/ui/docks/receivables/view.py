"""Layout of the Receivables dock: the as-of date and actions on top, then two tabs — Aging (bucket
editor, per-customer table with a total row, Export) and Summary (per-customer table, Export).

Widgets only; ``controller.py`` wires them. Object names are stable ASCII.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui.widgets.tables import read_only_table


class ReceivablesView(QWidget):
    """Widgets of the Receivables dock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receivables")

        self.as_of = QDateEdit(self)
        self.as_of.setObjectName("as_of")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setDate(QDate.currentDate())
        self.as_of.setToolTip(self.tr("Figures as they stood at the end of this day"))
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.setToolTip(self.tr("Run the report again (F5)"))
        self.statements_button = QPushButton(self.tr("&Statements…"), self)
        self.statements_button.setObjectName("statements")
        self.statements_button.setToolTip(
            self.tr("Print or save customer statements (Ctrl+Shift+S)")
        )
        top = QHBoxLayout()
        as_of_label = QLabel(self.tr("&As of"), self)
        as_of_label.setBuddy(self.as_of)
        top.addWidget(as_of_label)
        top.addWidget(self.as_of)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.statements_button)

        # ------------------------------------------------------------------ Aging
        aging = QWidget(self)
        self.buckets = QLineEdit(aging)
        self.buckets.setObjectName("buckets")
        self.buckets.setPlaceholderText("30,60,90")
        self.buckets.setToolTip(
            self.tr(
                "Upper bounds in days past due, separated by commas: 30,60,90 gives not yet due, 1–30, 31–60, 61–90 and over 90 days"
            )
        )
        buckets_label = QLabel(self.tr("&Buckets (days)"), aging)
        buckets_label.setBuddy(self.buckets)
        self.bucket_error = QLabel(aging)
        self.bucket_error.setObjectName("bucket_error")
        self.bucket_error.setStyleSheet("color: #b00020;")
        self.bucket_error.setWordWrap(True)
        self.aging_export = QPushButton(self.tr("&Export to Excel…"), aging)
        self.aging_export.setObjectName("aging_export")
        bar = QHBoxLayout()
        bar.addWidget(buckets_label)
        bar.addWidget(self.buckets)
        bar.addWidget(self.bucket_error, 1)
        bar.addWidget(self.aging_export)
        self.aging_table = read_only_table(
            aging, "aging_table", stretch_last=False, alternating=True
        )
        self.aging_count = QLabel(aging)
        self.aging_count.setObjectName("aging_count")
        aging_layout = QVBoxLayout(aging)
        aging_layout.addLayout(bar)
        aging_layout.addWidget(self.aging_table, 1)
        aging_layout.addWidget(self.aging_count)

        # ------------------------------------------------------------------ Summary
        summary = QWidget(self)
        self.summary_export = QPushButton(self.tr("E&xport to Excel…"), summary)
        self.summary_export.setObjectName("summary_export")
        self.summary_table = read_only_table(
            summary, "summary_table", stretch_last=False, alternating=True
        )
        self.summary_count = QLabel(summary)
        self.summary_count.setObjectName("summary_count")
        summary_bar = QHBoxLayout()
        summary_bar.addWidget(self.summary_count, 1)
        summary_bar.addWidget(self.summary_export)
        summary_layout = QVBoxLayout(summary)
        summary_layout.addLayout(summary_bar)
        summary_layout.addWidget(self.summary_table, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(aging, self.tr("A&ging"))
        self.tabs.addTab(summary, self.tr("S&ummary"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
