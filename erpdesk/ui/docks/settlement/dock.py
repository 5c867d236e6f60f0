"""Factory of the settlement dock's content: the wizard, the approvals list (for those who may approve)
and the follow-up list, as tabs (Ctrl+1 / Ctrl+2 / Ctrl+3), with Export receipts… in the tab bar.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTabWidget, QToolButton, QWidget

from erpdesk.domain.permissions import Permission
from erpdesk.ui.docks.settlement.approvals import ApprovalsController, ApprovalsView
from erpdesk.ui.docks.settlement.exports import SettlementExports
from erpdesk.ui.docks.settlement.follow_ups import FollowUpsController, FollowUpsView
from erpdesk.ui.docks.settlement.wizard import WizardController
from erpdesk.ui.docks.settlement.wizard_view import WizardView
from erpdesk.ui.widgets.shortcuts import dock_shortcuts


class SettlementDock(QTabWidget):
    """The tabs; ``wizard``, ``approvals`` (None without the approval right) and ``follow_ups`` are
    the controllers."""

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settlement")
        self.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+1…3 switch; Tab stays in fields
        self.wizard_view = WizardView(self)
        self.wizard = WizardController(services, self.wizard_view)
        self.addTab(self.wizard_view, self.tr("Settle"))
        self.approvals: ApprovalsController | None = None
        self.approvals_view: ApprovalsView | None = None
        if services.actor.may(Permission.APPROVE_SETTLEMENT):
            self.approvals_view = ApprovalsView(self)
            self.approvals = ApprovalsController(services, self.approvals_view)
            self.approvals.open_requested.connect(self.open_settlement)
            self.addTab(self.approvals_view, self.tr("Approvals"))
        self.follow_ups_view = FollowUpsView(self)
        self.follow_ups = FollowUpsController(services, self.follow_ups_view)
        self.follow_ups.open_requested.connect(self.open_settlement)
        self.follow_ups.settle_requested.connect(self.settle_customer)
        self.addTab(self.follow_ups_view, self.tr("Follow-ups"))
        self._add_exports(services)
        dock_shortcuts(
            self,
            [
                (
                    QKeySequence(Qt.Modifier.CTRL | Qt.Key(Qt.Key.Key_1 + number)),
                    partial(self.setCurrentIndex, number),
                )
                for number in range(self.count())
            ],
        )

    def _add_exports(self, services: Any) -> None:
        """Export receipts… in the tab bar's corner; Export… under the Follow-ups and Approvals lists."""
        self.exports = SettlementExports(services, self)
        may = services.actor.may(Permission.EXPORT)
        self.receipts_button = QToolButton(self)
        self.receipts_button.setObjectName("export_receipts")
        self.receipts_button.setText(self.tr("Expor&t receipts…"))
        self.receipts_button.setToolTip(self.tr("Write the receipts of a date range to Excel"))
        self.receipts_button.setAutoRaise(True)
        self.receipts_button.setEnabled(may)
        self.receipts_button.clicked.connect(lambda: self.exports.export_receipts())
        self.setCornerWidget(self.receipts_button, Qt.Corner.TopRightCorner)
        follow_ups = self.follow_ups
        self.follow_ups_view.export_button.setEnabled(may)
        self.follow_ups_view.export_button.clicked.connect(
            lambda: self.exports.export_follow_ups(follow_ups.kinds())
        )
        if self.approvals_view is not None:
            self.approvals_view.export_button.setEnabled(may)
            self.approvals_view.export_button.clicked.connect(
                lambda: self.exports.export_approvals()
            )

    def open_settlement(self, settlement_id: int) -> None:
        self.setCurrentWidget(self.wizard_view)
        self.wizard.open_settlement(settlement_id)

    def settle_customer(self, customer_id: int, label: str) -> None:
        self.setCurrentWidget(self.wizard_view)
        self.wizard.start_for_customer(customer_id, label)


def build(services: Any, parent: QWidget | None = None) -> SettlementDock:
    """The settlement dock content (the main window's ``settlementDock``)."""
    return SettlementDock(services, parent)
