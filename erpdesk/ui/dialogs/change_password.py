"""Choosing a new password: the live strength hint and the change-password dialog.

``PasswordStrengthHint`` shows a meter and the rules the typed password still breaks, from a ``checker``
the caller supplies (the auth service's policy check, which knows the blocklist and the company name).
``ChangePasswordDialog`` is used for the forced change after a first login or an admin reset (no current
password asked: the login already proved it) and from the menu (current password asked). The service
has the last word; its refusal is shown under the fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.passwords import PolicyCheck, Strength
from erpdesk.ui.dialogs.common import MessageLabel, add_ok_cancel, error_text, password_edit
from erpdesk.ui.i18n import current_language

PasswordChecker = Callable[[str], PolicyCheck]

_STRENGTH_COLOURS = {
    Strength.VERY_WEAK: "#c62828",
    Strength.WEAK: "#ef6c00",
    Strength.FAIR: "#f9a825",
    Strength.GOOD: "#7cb342",
    Strength.STRONG: "#2e7d32",
}


class PasswordStrengthHint(QWidget):
    """A meter and a short list of broken rules, updated on every keystroke of ``edit``."""

    def __init__(self, edit: QLineEdit, checker: PasswordChecker, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("password.hint")
        self._checker = checker
        self._check: PolicyCheck | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.meter = QProgressBar(self)
        self.meter.setObjectName("password.meter")
        self.meter.setRange(0, int(Strength.STRONG) + 1)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        layout.addWidget(self.meter)
        self.label = QLabel(self)
        self.label.setObjectName("password.strength")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label)
        edit.textChanged.connect(self.update_hint)
        self.update_hint(edit.text())

    @property
    def check(self) -> PolicyCheck | None:
        """The result for the current text (``None`` while the field is empty)."""
        return self._check

    def update_hint(self, password: str) -> None:
        if not password:
            self._check = None
            self.meter.setValue(0)
            self.label.setText(
                self.tr(
                    "Use at least 8 characters with letters, digits and a symbol, or a long passphrase."
                )
            )
            return
        result = self._checker(password)
        self._check = result
        lang = current_language()
        level = Strength(result.strength)
        self.meter.setValue(int(level) + 1)
        self.meter.setStyleSheet(
            f"QProgressBar::chunk {{ background: {_STRENGTH_COLOURS[level]}; }}"
        )
        lines = [self.tr("Strength: {level}").format(level=render(level.msg_id, lang))]
        lines.extend("• " + text for text in result.texts(lang))
        self.label.setText("\n".join(lines))


class ChangePasswordDialog(QDialog):
    """Ask for a new password twice (and the current one unless ``ask_current`` is False).

    ``submit(current_or_None, new)`` does the change and returns whatever the caller needs next (for
    the login, the next ``LoginResult``); a ``DomainError`` keeps the dialog open with its message.
    """

    def __init__(
        self,
        submit: Callable[[str | None, str], Any],
        checker: PasswordChecker,
        *,
        ask_current: bool,
        reason: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.change_password")
        self.setWindowTitle(self.tr("Change password"))
        self._submit_fn = submit
        self.outcome: Any = None
        layout = QVBoxLayout(self)
        if reason:
            note = QLabel(reason, self)
            note.setObjectName("change_password.reason")
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.current = password_edit(self, "change_password.current")
        if ask_current:
            form.addRow(self.tr("Current password:"), self.current)
        else:
            self.current.hide()
        self._ask_current = ask_current
        self.new = password_edit(self, "change_password.new")
        form.addRow(self.tr("New password:"), self.new)
        self.hint = PasswordStrengthHint(self.new, checker, self)
        form.addRow("", self.hint)
        self.repeat = password_edit(self, "change_password.repeat")
        form.addRow(self.tr("Repeat new password:"), self.repeat)
        layout.addLayout(form)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.ok_button = add_ok_cancel(self, layout, self._submit, self.tr("Change password"))

    def _submit(self) -> None:
        new = self.new.text()
        if self._ask_current and not self.current.text():
            self.message.show_error(self.tr("Enter your current password."))
            return
        if new != self.repeat.text():
            self.message.show_error(self.tr("The two new passwords are not the same."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        check = self.hint.check
        if check is not None and not check.ok:
            self.message.show_error("\n".join(check.texts(current_language())))
            return
        try:
            self.outcome = self._submit_fn(self.current.text() if self._ask_current else None, new)
        except DomainError as exc:
            self.message.show_error(error_text(exc))
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        submit: Callable[[str | None, str], Any],
        checker: PasswordChecker,
        *,
        ask_current: bool = True,
        reason: str = "",
    ) -> Any:
        """Run the dialog; the value ``submit`` returned, or ``None`` when cancelled."""
        dialog = cls(submit, checker, ask_current=ask_current, reason=reason, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.outcome if dialog.outcome is not None else True
