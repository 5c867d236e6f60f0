"""The customer docks' questions: duplicates, conflicts, code change, unsaved changes, deactivate, delete.

Each dialog opens through one classmethod ``ask(...)`` that blocks and returns a plain answer, so tests
replace that one method instead of clicking through a modal window. Dialogs only ask; the controllers
decide what to do with the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.services.customer_dto import DuplicateMatch
from erpdesk.ui.widgets import CodeEdit


class DuplicateAction(Enum):
    OPEN = "open"
    SAVE_ANYWAY = "save_anyway"
    CANCEL = "cancel"


@dataclass(frozen=True, slots=True)
class DuplicateAnswer:
    action: DuplicateAction
    customer_id: int | None = None
    reason: str = ""


class DuplicateDialog(QDialog):
    """Lists customers that look like the one being saved: open one, save anyway (reason), cancel."""

    def __init__(self, parent: QWidget | None, matches: Sequence[DuplicateMatch]) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.duplicates")
        self.setWindowTitle(self.tr("Possible duplicate"))
        self._matches = tuple(matches)
        self.answer = DuplicateAnswer(DuplicateAction.CANCEL)
        intro = QLabel(self.tr("These customers look like the one you are saving:"), self)
        self.list = QListWidget(self)
        self.list.setObjectName("matches")
        for match in self._matches:
            self.list.addItem(self.describe(match))
        if self._matches:
            self.list.setCurrentRow(0)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why is this a different customer?"))
        form = QFormLayout()
        form.addRow(self.tr("Reason to save anyway"), self.reason)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(
            self.tr("Open existing"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button = buttons.addButton(
            self.tr("Save anyway"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.save_button.setEnabled(bool(t.strip())))
        self.open_button.clicked.connect(self._open)
        self.save_button.clicked.connect(self._save)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def describe(self, match: DuplicateMatch) -> str:
        signals = {
            "tax_number": self.tr("same tax number"),
            "phone": self.tr("same phone"),
            "email": self.tr("same e-mail"),
            "name": self.tr("similar name"),
        }
        why = ", ".join(signals.get(s, s) for s in match.signals)
        text = f"{match.code}  {match.name}  ({why})"
        if match.detail:
            text += "  " + match.detail
        if not match.active:
            text += "  " + self.tr("[deactivated]")
        return text

    def _open(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._matches):
            self.answer = DuplicateAnswer(DuplicateAction.OPEN, self._matches[row].customer_id)
            self.accept()

    def _save(self) -> None:
        reason = self.reason.text().strip()
        if reason:
            self.answer = DuplicateAnswer(DuplicateAction.SAVE_ANYWAY, reason=reason)
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, matches: Sequence[DuplicateMatch]) -> DuplicateAnswer:
        dialog = cls(parent, matches)
        dialog.exec()
        return dialog.answer


class ConflictChoice(Enum):
    MERGE = "merge"
    KEEP = "keep"


class ConflictDialog(QDialog):
    """Another clerk saved first: who, which fields they changed, which you changed, which both."""

    def __init__(
        self,
        parent: QWidget | None,
        user: str,
        theirs: Sequence[str],
        mine: Sequence[str],
        both: Sequence[str],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.conflict")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.choice = ConflictChoice.KEEP
        lines = [self.tr("{0} saved this customer after you opened it.").format(user or "?")]
        if theirs:
            lines.append(self.tr("They changed: {0}").format(", ".join(theirs)))
        if mine:
            lines.append(self.tr("You changed: {0}").format(", ".join(mine)))
        if both:
            lines.append(
                self.tr("Both of you changed: {0} (your values are kept)").format(", ".join(both))
            )
        lines.append(
            self.tr("Your draft is kept. Take their changes into your draft, then save again?")
        )
        text = QLabel("\n".join(lines), self)
        text.setObjectName("text")
        text.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        merge = buttons.addButton(
            self.tr("Take their changes"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        keep = buttons.addButton(self.tr("Keep editing"), QDialogButtonBox.ButtonRole.RejectRole)
        merge.clicked.connect(self._merge)
        keep.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)

    def _merge(self) -> None:
        self.choice = ConflictChoice.MERGE
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        user: str,
        theirs: Sequence[str],
        mine: Sequence[str],
        both: Sequence[str],
    ) -> ConflictChoice:
        dialog = cls(parent, user, theirs, mine, both)
        dialog.exec()
        return dialog.choice


@dataclass(frozen=True, slots=True)
class CodeChange:
    new_code: str  # empty: the next code of the rule
    reason: str


class CodeChangeDialog(QDialog):
    """变更编码: a new code (or empty for the rule's next one) and a required reason."""

    def __init__(self, parent: QWidget | None, current: str) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.change_code")
        self.setWindowTitle(self.tr("Change customer code"))
        self.result_value: CodeChange | None = None
        self.code = CodeEdit(self)
        self.code.setObjectName("new_code")
        self.code.setPlaceholderText(self.tr("Empty: next code of the rule"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        form = QFormLayout()
        form.addRow(self.tr("Current code"), QLabel(current, self))
        form.addRow(self.tr("New code"), self.code)
        form.addRow(self.tr("Reason"), self.reason)
        note = QLabel(self.tr("The old code stays searchable and is never given out again."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _ok(self) -> None:
        if self.reason.text().strip():
            self.result_value = CodeChange(self.code.code(), self.reason.text().strip())
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, current: str) -> CodeChange | None:
        dialog = cls(parent, current)
        dialog.exec()
        return dialog.result_value


class UnsavedChoice(Enum):
    DISCARD = "discard"
    KEEP_EDITING = "keep"


class UnsavedDialog:
    """Asks before unsaved changes would be lost (closing the form or opening another customer)."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> UnsavedChoice:
        box = QMessageBox(parent)
        box.setObjectName("dialog.unsaved")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("CustomerDialogs", "Unsaved changes"))
        box.setText(
            QCoreApplication.translate(
                "CustomerDialogs", "The changes to {0} are not saved."
            ).format(name or QCoreApplication.translate("CustomerDialogs", "the new customer"))
        )
        discard = box.addButton(
            QCoreApplication.translate("CustomerDialogs", "Discard changes"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        keep = box.addButton(
            QCoreApplication.translate("CustomerDialogs", "Keep editing"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(keep)
        box.exec()
        return (
            UnsavedChoice.DISCARD if box.clickedButton() is discard else UnsavedChoice.KEEP_EDITING
        )


class DeactivateDialog(QDialog):
    """停用 needs a reason; returns it, or None when cancelled."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.deactivate")
        self.setWindowTitle(self.tr("Deactivate customer"))
        self.reason_value: str | None = None
        text = QLabel(
            self.tr(
                "{0} has history, so it cannot be deleted. Deactivate it? It will be hidden from "
                "lists and pickers and can be restored later."
            ).format(name),
            self,
        )
        text.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(self)
        ok: QPushButton = buttons.addButton(
            self.tr("Deactivate"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _ok(self) -> None:
        if self.reason.text().strip():
            self.reason_value = self.reason.text().strip()
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str | None:
        dialog = cls(parent, name)
        dialog.exec()
        return dialog.reason_value


class DeleteDialog:
    """Confirms deleting a customer without history (its codes stay reserved)."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> bool:
        box = QMessageBox(parent)
        box.setObjectName("dialog.delete")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("CustomerDialogs", "Delete customer"))
        box.setText(
            QCoreApplication.translate(
                "CustomerDialogs", "Delete {0}? It has no orders or notes. This cannot be undone."
            ).format(name)
        )
        delete = box.addButton(
            QCoreApplication.translate("CustomerDialogs", "Delete"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        keep = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is delete
