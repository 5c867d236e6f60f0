"""The credit dialog (warn: a reason; approve: a manager's password or the approvers' queue) and the
reason dialog for cancel / reopen. Each opens through an ``ask`` classmethod that tests patch.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True, slots=True)
class CreditAnswer:
    """``choice``: ``confirm`` (warn), ``approve`` (with ``approver`` and ``password``), ``submit``."""

    choice: str
    reason: str
    approver: str = ""
    password: str = ""


class CreditDialog(QDialog):
    """Shows the service's credit message and asks how to go on."""

    def __init__(
        self,
        parent: QWidget | None,
        key: str,
        text: str,
        may_approve: bool,
        allow_submit: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("credit_dialog")
        self.setWindowTitle(self.tr("Credit limit"))
        self.answer: CreditAnswer | None = None
        self._key = key
        message = QLabel(text, self)
        message.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        self.approver = QLineEdit(self)
        self.approver.setObjectName("approver")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        if key == "credit.warn":
            go = QPushButton(self.tr("Confirm anyway"), self)
            go.clicked.connect(lambda: self._finish("confirm"))
            buttons.addButton(go, QDialogButtonBox.ButtonRole.AcceptRole)
        else:
            form.addRow(self.tr("Approver (manager or accountant)"), self.approver)
            form.addRow(self.tr("Approver's password"), self.password)
            approve = QPushButton(self.tr("Approve now"), self)
            approve.clicked.connect(lambda: self._finish("approve"))
            submit = QPushButton(self.tr("Send for approval"), self)
            submit.clicked.connect(lambda: self._finish("submit"))
            buttons.addButton(approve, QDialogButtonBox.ButtonRole.AcceptRole)
            if allow_submit:
                buttons.addButton(submit, QDialogButtonBox.ButtonRole.ActionRole)
            else:
                submit.hide()
            if may_approve:
                self.approver.setPlaceholderText(self.tr("empty: approve as yourself"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _finish(self, choice: str) -> None:
        if choice != "submit" and not self.reason.text().strip():
            self.reason.setFocus()
            return
        self.answer = CreditAnswer(
            choice=choice,
            reason=self.reason.text().strip(),
            approver=self.approver.text().strip(),
            password=self.password.text(),
        )
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        key: str,
        text: str,
        may_approve: bool,
        allow_submit: bool = True,
    ) -> CreditAnswer | None:
        """Open the dialog; ``allow_submit`` False (at delivery) hides "Send for approval"."""
        dialog = cls(parent, key, text, may_approve, allow_submit)
        dialog.exec()
        return dialog.answer


class ReasonDialog(QDialog):
    """Asks for the reason of a cancel, reopen or close."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Reason"), self))
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> str | None:
        dialog = cls(parent, title)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.reason.text().strip():
            return None
        return dialog.reason.text().strip()
