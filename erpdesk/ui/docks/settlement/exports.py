"""Exports of the settlement dock: receipts (收款单) of a date range, and the Follow-ups and Approvals
lists as the tabs show them. Each asks for a file, then writes it in the background with Cancel.

The date range is asked by ``ReceiptRangeDialog.ask`` (tests patch it); it proposes the current month.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QVBoxLayout, QWidget

from erpdesk.domain.settlements import FollowUpKind
from erpdesk.ui import jobs
from erpdesk.ui.dialogs.common import MessageLabel, add_ok_cancel
from erpdesk.ui.exporting import run_export


class ReceiptRangeDialog(QDialog):
    """From and to dates (both included) of the receipts to export."""

    def __init__(self, parent: QWidget | None, today: date) -> None:
        super().__init__(parent)
        self.setObjectName("receipt_range_dialog")
        self.setWindowTitle(self.tr("Export receipts"))
        self.date_from = self._date("receipts_from", today.replace(day=1))
        self.date_to = self._date("receipts_to", today)
        self.message = MessageLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("&From"), self.date_from)
        form.addRow(self.tr("&To"), self.date_to)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        add_ok_cancel(self, layout, self._submit)

    def _date(self, name: str, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def range(self) -> tuple[date, date]:
        start: date = self.date_from.date().toPython()  # type: ignore[assignment]
        end: date = self.date_to.date().toPython()  # type: ignore[assignment]
        return start, end

    def _submit(self) -> None:
        start, end = self.range()
        if end < start:
            self.message.show_error(self.tr("The end date is before the start date."))
            self.date_to.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, today: date) -> tuple[date, date] | None:
        """(from, to), or None when cancelled."""
        dialog = cls(parent, today)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.range()


class SettlementExports(QObject):
    """The dock's export actions over ``services.list_exports``; ``parent`` hosts the dialogs."""

    def __init__(self, services: Any, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._parent = parent

    def export_receipts(
        self,
        target: Path | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> jobs.Job | None:
        """Receipts dated ``date_from``..``date_to`` (asked when not given) to Excel."""
        if date_from is None or date_to is None:
            chosen = ReceiptRangeDialog.ask(self._parent, self._services.clock.today())
            if chosen is None:
                return None
            date_from, date_to = chosen
        exports = self._services.list_exports

        def export(out: Path, **options: Any) -> Any:
            return exports.receipts(out, date_from=date_from, date_to=date_to, **options)

        return run_export(
            self._parent,
            target,
            self.tr("Export receipts"),
            self.tr("receipts {0} to {1}").format(date_from, date_to),
            self.tr("Exporting receipts…"),
            export,
        )

    def export_follow_ups(
        self, kinds: frozenset[FollowUpKind] | None, target: Path | None = None
    ) -> jobs.Job | None:
        """The follow-up list of ``kinds`` (None = everything), as the tab shows it, to Excel."""
        exports = self._services.list_exports

        def export(out: Path, **options: Any) -> Any:
            return exports.follow_ups(out, kinds=kinds, **options)

        return run_export(
            self._parent,
            target,
            self.tr("Export the follow-up list"),
            self.tr("follow-ups {0}").format(self._services.clock.today()),
            self.tr("Exporting the follow-up list…"),
            export,
        )

    def export_approvals(self, target: Path | None = None) -> jobs.Job | None:
        """The settlements awaiting approval, oldest first, to Excel."""
        return run_export(
            self._parent,
            target,
            self.tr("Export the settlements awaiting approval"),
            self.tr("awaiting approval {0}").format(self._services.clock.today()),
            self.tr("Exporting the settlements awaiting approval…"),
            self._services.list_exports.approvals,
        )
