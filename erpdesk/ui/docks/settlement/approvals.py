"""Approvals tab: settlements waiting for approval, with Approve and Reject (a comment is required to
reject). The service refuses self-approval and wrong states; its message is shown under the list.

Enter opens the selected settlement in the wizard's result page; Alt+A approves, Alt+J rejects, F5
reloads. The list reloads by itself whenever a settlement changes (``AppEvents``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from erpdesk.domain.money import format_money
from erpdesk.services.settlement_dto import SettlementResult, SettlementView
from erpdesk.ui import jobs
from erpdesk.ui.dialogs.common import MessageLabel
from erpdesk.ui.docks.settlement import labels
from erpdesk.ui.docks.settlement.dialogs import CommentDialog
from erpdesk.ui.docks.settlement.table_rows import fill, key_at, list_model
from erpdesk.ui.events import AppEvents
from erpdesk.ui.prompts import error_text
from erpdesk.ui.widgets.shortcuts import dock_shortcuts
from erpdesk.ui.widgets.tables import read_only_table

WATCHED = frozenset({"settlement", "receipt", "receivable_item"})


class ApprovalsView(QWidget):
    """Widgets of the approvals tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settlement_approvals")
        self.list = read_only_table(self, "pending")
        self.details = QLabel(self)
        self.details.setObjectName("pending_details")
        self.details.setWordWrap(True)
        self.message = MessageLabel(self)
        self.approve_button = QPushButton(self.tr("&Approve"), self)
        self.approve_button.setObjectName("approve")
        self.approve_button.setToolTip(self.tr("Approve and post the selected settlement"))
        self.reject_button = QPushButton(self.tr("Re&ject…"), self)
        self.reject_button.setObjectName("reject")
        self.reject_button.setToolTip(self.tr("Reject with a comment"))
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("open")
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("refresh")
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        self.export_button.setObjectName("export")
        self.export_button.setToolTip(self.tr("Write this list to an Excel file"))
        self.count = QLabel(self)
        self.count.setObjectName("count")
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        for button in (
            self.open_button,
            self.approve_button,
            self.reject_button,
            self.refresh_button,
            self.export_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addLayout(buttons)


class ApprovalsController(QObject):
    """Drives an ``ApprovalsView`` over ``services.settlements``; ``open_requested(id)`` asks the dock
    to show a settlement in the wizard."""

    open_requested = Signal(int)

    def __init__(self, services: Any, view: ApprovalsView) -> None:
        super().__init__(view)
        self._services = services
        self.view = view
        self.pending: dict[int, SettlementView] = {}
        self.model = list_model(
            self,
            view.list,
            [
                self.tr("Settlement"),
                self.tr("Voucher"),
                self.tr("Customer"),
                self.tr("Amount"),
                self.tr("Kind"),
                self.tr("Submitted by"),
                self.tr("Submitted"),
            ],
            (140, 140, 220, 100, 180, 100, 130),
        )
        self.last_job: jobs.Job | None = None
        self._generation = 0
        view.approve_button.clicked.connect(lambda: self.approve())
        view.reject_button.clicked.connect(lambda: self.reject())
        view.open_button.clicked.connect(self.open_current)
        view.refresh_button.clicked.connect(lambda: self.refresh())
        view.list.activated.connect(lambda _i: self.open_current())
        view.list.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_details())
        dock_shortcuts(view, [(QKeySequence(Qt.Key.Key_F5), self.refresh)])
        AppEvents.instance().changed.connect(self._changed)
        AppEvents.instance().reset.connect(self.refresh)
        self.refresh()

    def refresh(self) -> jobs.Job:
        self._generation += 1
        generation = self._generation
        settlements = self._services.settlements
        self.last_job = jobs.run_query(
            self.view,
            settlements.pending_approvals,
            lambda rows: self._show(generation, rows),
            lambda exc: self.view.message.show_error(error_text(exc)),
        )
        return self.last_job

    def _show(self, generation: int, rows: tuple[SettlementView, ...]) -> None:
        if generation != self._generation:
            return
        keep = self.current_id()
        self.pending = {s.id: s for s in rows}
        fill(
            self.model,
            (
                (
                    s.id,
                    (
                        s.number,
                        s.voucher_number or "",
                        f"{s.customer_code}  {s.customer_name}",
                        format_money(s.amount, symbol=False),
                        labels.kind_name(s.kind),
                        s.submitted_by,
                        f"{s.submitted_at.astimezone():%Y-%m-%d %H:%M}",
                    ),
                )
                for s in rows
            ),
            right=frozenset({3}),
        )
        self.view.count.setText(self.tr("{0} waiting for approval").format(len(rows)))
        ids = [s.id for s in rows]
        if ids:
            row = ids.index(keep) if keep in ids else 0
            self.view.list.selectRow(row)
        self._show_details()

    def current_id(self) -> int | None:
        index = self.view.list.currentIndex()
        key = key_at(self.model, index.row()) if index.isValid() else None
        return int(key) if key is not None else None

    def select(self, settlement_id: int) -> bool:
        ids = list(self.pending)
        if settlement_id not in ids:
            return False
        self.view.list.selectRow(ids.index(settlement_id))
        return True

    def _show_details(self) -> None:
        current = self.pending.get(self.current_id() or -1)
        has = current is not None
        for button in (self.view.approve_button, self.view.reject_button, self.view.open_button):
            button.setEnabled(has)
        if current is None:
            self.view.details.clear()
            return
        parts = [
            self.tr("Settles {0} · advance {1}").format(
                format_money(current.allocated), format_money(current.advance)
            )
        ]
        parts += [f"{line.doc_number} {format_money(line.amount)}" for line in current.lines]
        if current.voucher_reason:
            parts.append(self.tr("Reason: {0}").format(current.voucher_reason))
        if current.reference_docs:
            parts.append(self.tr("Reference documents: {0}").format(current.reference_docs))
        self.view.details.setText(" · ".join(parts))

    def approve(self) -> jobs.Job | None:
        current = self.pending.get(self.current_id() or -1)
        if current is None:
            return None
        comment = CommentDialog.ask(
            self.view,
            self.tr("Approve settlement"),
            self.tr("Approve {0} for {1}? It posts at once. Comment (optional):").format(
                current.number, format_money(current.amount)
            ),
            False,
        )
        if comment is None:
            return None
        settlements = self._services.settlements
        return self._command(
            lambda: settlements.approve(current.id, comment, seen_version=current.version),
            self.tr("{0} approved and posted."),
        )

    def reject(self) -> jobs.Job | None:
        current = self.pending.get(self.current_id() or -1)
        if current is None:
            return None
        comment = CommentDialog.ask(
            self.view,
            self.tr("Reject settlement"),
            self.tr("Why is {0} rejected? (required)").format(current.number),
            True,
        )
        if not comment:
            return None
        settlements = self._services.settlements
        return self._command(
            lambda: settlements.reject(current.id, comment, seen_version=current.version),
            self.tr("{0} rejected."),
        )

    def _command(self, call: Any, done_text: str) -> jobs.Job:
        def done(result: SettlementResult) -> None:
            self.view.message.show_note(done_text.format(result.settlement.number))

        self.last_job = jobs.run_command(
            self.view, call, done, lambda exc: self.view.message.show_error(error_text(exc))
        )
        return self.last_job

    def open_current(self) -> None:
        settlement_id = self.current_id()
        if settlement_id is not None:
            self.open_requested.emit(settlement_id)

    def _changed(self, changes: Mapping[str, Any]) -> None:
        if WATCHED & changes.keys():
            self.refresh()
