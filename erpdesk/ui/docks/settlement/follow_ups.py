"""Follow-ups tab: settlements awaiting approval or an invoice, notices not yet confirmed by the customer,
and overdue items, each with who, since when and the next action date (past dates in red).

Actions on the selected row: next action date and note, notice sent, notice confirmed, match invoice
numbers, open (a settlement in the wizard's result page; an overdue item starts a settlement for its
customer). The list reloads whenever settlements, receipts or items change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from erpdesk.domain.money import format_money
from erpdesk.domain.permissions import Permission
from erpdesk.domain.settlements import FollowUpKind
from erpdesk.services.settlement_dto import FollowUpRow, SettlementResult
from erpdesk.ui import jobs
from erpdesk.ui.dialogs.common import MessageLabel
from erpdesk.ui.docks.settlement import labels
from erpdesk.ui.docks.settlement.dialogs import InvoiceNumbersDialog, NextActionDialog
from erpdesk.ui.docks.settlement.draft_form import split_numbers
from erpdesk.ui.docks.settlement.table_rows import fill, key_at, list_model
from erpdesk.ui.events import AppEvents
from erpdesk.ui.prompts import error_text
from erpdesk.ui.widgets.shortcuts import dock_shortcuts
from erpdesk.ui.widgets.tables import read_only_table

WATCHED = frozenset({"settlement", "settlement_invoice", "receipt", "receivable_item"})


class FollowUpsView(QWidget):
    """Widgets of the follow-ups tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settlement_follow_ups")
        self.kind = QComboBox(self)
        self.kind.setObjectName("follow_up_kind")
        self.count = QLabel(self)
        self.count.setObjectName("count")
        top = QHBoxLayout()
        show = QLabel(self.tr("S&how"), self)
        show.setBuddy(self.kind)
        top.addWidget(show)
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.count)
        self.list = read_only_table(self, "follow_ups")
        self.message = MessageLabel(self)
        self.next_action_button = self._button("next_action", self.tr("Ne&xt action…"))
        self.sent_button = self._button("notice_sent", self.tr("Notice &sent"))
        self.confirmed_button = self._button("notice_confirmed", self.tr("Notice &confirmed"))
        self.match_button = self._button("match_invoice", self.tr("&Match invoice…"))
        self.open_button = self._button("open", self.tr("&Open"))
        self.export_button = self._button("export", self.tr("Ex&port…"))
        self.export_button.setToolTip(self.tr("Write this list to an Excel file"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        for button in (
            self.open_button,
            self.next_action_button,
            self.sent_button,
            self.confirmed_button,
            self.match_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        return button


class FollowUpsController(QObject):
    """Drives a ``FollowUpsView`` over ``services.settlements.follow_ups``.

    Signals: ``open_requested(int)`` a settlement id; ``settle_requested(int, str)`` a customer id and
    its label, for an overdue item.
    """

    open_requested = Signal(int)
    settle_requested = Signal(int, str)

    def __init__(self, services: Any, view: FollowUpsView) -> None:
        super().__init__(view)
        self._services = services
        self.view = view
        self.rows: tuple[FollowUpRow, ...] = ()
        self.may_edit = services.actor.may(Permission.CREATE_SETTLEMENT)
        self.model = list_model(
            self,
            view.list,
            [
                self.tr("Kind"),
                self.tr("Customer"),
                self.tr("Document"),
                self.tr("Amount"),
                self.tr("Who"),
                self.tr("Since"),
                self.tr("Next action"),
                self.tr("Note"),
            ],
            (150, 220, 140, 100, 90, 90, 100),
        )
        view.kind.addItem(self.tr("Everything"), None)
        for kind in FollowUpKind:
            view.kind.addItem(labels.follow_up_name(kind), kind.value)
        self.last_job: jobs.Job | None = None
        self._generation = 0
        view.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        view.list.activated.connect(lambda _i: self.open_current())
        view.list.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        view.open_button.clicked.connect(self.open_current)
        view.next_action_button.clicked.connect(lambda: self.set_next_action())
        view.sent_button.clicked.connect(lambda: self.mark_sent())
        view.confirmed_button.clicked.connect(lambda: self.confirm())
        view.match_button.clicked.connect(lambda: self.match_invoice())
        dock_shortcuts(view, [(QKeySequence(Qt.Key.Key_F5), self.refresh)])
        AppEvents.instance().changed.connect(self._changed)
        AppEvents.instance().reset.connect(self.refresh)
        self.refresh()

    def kinds(self) -> frozenset[FollowUpKind] | None:
        """The kinds the list is showing; None = everything."""
        value = self.view.kind.currentData()
        return frozenset({FollowUpKind(value)}) if value else None

    def refresh(self) -> jobs.Job:
        self._generation += 1
        generation = self._generation
        kinds = self.kinds()
        settlements = self._services.settlements
        self.last_job = jobs.run_query(
            self.view,
            lambda: settlements.follow_ups(kinds=kinds),
            lambda rows: self._show(generation, rows),
            lambda exc: self.view.message.show_error(error_text(exc)),
        )
        return self.last_job

    def _show(self, generation: int, rows: tuple[FollowUpRow, ...]) -> None:
        if generation != self._generation:
            return
        keep = self.current()
        self.rows = rows
        today = self._services.clock.today()
        fill(
            self.model,
            (
                (
                    number,
                    (
                        labels.follow_up_name(row.kind),
                        f"{row.customer_code}  {row.customer_name}",
                        row.document,
                        format_money(row.amount, symbol=False),
                        row.who,
                        row.since.isoformat(),
                        row.next_action_on.isoformat() if row.next_action_on else "",
                        row.note,
                    ),
                )
                for number, row in enumerate(rows)
            ),
            right=frozenset({3}),
            red=(
                row.kind is FollowUpKind.OVERDUE_ITEM
                or (row.next_action_on is not None and row.next_action_on <= today)
                for row in rows
            ),
        )
        self.view.count.setText(self.tr("{0} to follow up").format(len(rows)))
        if rows:
            same = [n for n, r in enumerate(rows) if keep is not None and _same(r, keep)]
            self.view.list.selectRow(same[0] if same else 0)
        self._update_buttons()

    def current(self) -> FollowUpRow | None:
        index = self.view.list.currentIndex()
        key = key_at(self.model, index.row()) if index.isValid() else None
        return self.rows[int(key)] if key is not None and int(key) < len(self.rows) else None

    def select_document(self, document: str) -> bool:
        for number, row in enumerate(self.rows):
            if row.document == document:
                self.view.list.selectRow(number)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.current()
        view = self.view
        is_settlement = self.may_edit and row is not None and row.settlement_id is not None
        kind = row.kind if row is not None and self.may_edit else None
        view.open_button.setEnabled(row is not None)
        view.next_action_button.setEnabled(is_settlement)
        view.sent_button.setEnabled(is_settlement)
        view.confirmed_button.setEnabled(kind is FollowUpKind.NOTICE_UNCONFIRMED)
        view.match_button.setEnabled(kind is FollowUpKind.AWAITING_INVOICE)

    # ------------------------------------------------------------------ actions

    def set_next_action(self) -> jobs.Job | None:
        row = self.current()
        if row is None or row.settlement_id is None:
            return None
        answer = NextActionDialog.ask(
            self.view, self._services.clock.today(), row.next_action_on, row.note
        )
        if answer is None:
            return None
        sid, settlements = row.settlement_id, self._services.settlements
        return self._command(lambda: settlements.set_next_action(sid, answer.on, answer.note))

    def mark_sent(self) -> jobs.Job | None:
        row = self.current()
        if row is None or row.settlement_id is None:
            return None
        sid, settlements = row.settlement_id, self._services.settlements
        return self._command(lambda: settlements.mark_notice_sent(sid))

    def confirm(self) -> jobs.Job | None:
        row = self.current()
        if row is None or row.settlement_id is None:
            return None
        sid, settlements = row.settlement_id, self._services.settlements
        return self._command(lambda: settlements.confirm_notice(sid))

    def match_invoice(self) -> jobs.Job | None:
        row = self.current()
        if row is None or row.settlement_id is None:
            return None
        text = InvoiceNumbersDialog.ask(self.view, row.document)
        if not text:
            return None
        numbers = split_numbers(text)
        sid, settlements = row.settlement_id, self._services.settlements
        return self._command(lambda: settlements.match_invoice(sid, numbers))

    def _command(self, call: Callable[[], SettlementResult]) -> jobs.Job:
        def done(result: SettlementResult) -> None:
            self.view.message.show_note(self.tr("{0} updated.").format(result.settlement.number))

        self.last_job = jobs.run_command(
            self.view, call, done, lambda exc: self.view.message.show_error(error_text(exc))
        )
        return self.last_job

    def open_current(self) -> None:
        row = self.current()
        if row is None:
            return
        if row.settlement_id is not None:
            self.open_requested.emit(row.settlement_id)
        else:
            self.settle_requested.emit(row.customer_id, f"{row.customer_code}  {row.customer_name}")

    def _changed(self, changes: Mapping[str, Any]) -> None:
        if WATCHED & changes.keys():
            self.refresh()


def _same(a: FollowUpRow, b: FollowUpRow) -> bool:
    return (a.kind, a.settlement_id, a.item_id) == (b.kind, b.settlement_id, b.item_id)
