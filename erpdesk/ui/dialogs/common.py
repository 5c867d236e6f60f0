"""Small helpers the dialogs share: error text in the UI language, message labels, password fields,
the OK / Cancel foot.

Errors from services carry a message id; ``error_text`` (from ``ui.prompts``) renders it in the UI language.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from erpdesk.ui.prompts import error_text

__all__ = ["MessageLabel", "add_ok_cancel", "error_text", "password_edit"]


class MessageLabel(QLabel):
    """A word-wrapped label for errors and notes under a form; hidden while empty."""

    def __init__(self, parent: QWidget | None = None, *, object_name: str = "message") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_error(self, text: str) -> None:
        self.setStyleSheet("color: #b00020;")
        self.setText(text)
        self.setVisible(bool(text))

    def show_note(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.setVisible(False)


def password_edit(parent: QWidget | None, object_name: str) -> QLineEdit:
    """A password field that never echoes and never offers its text to input-method history."""
    edit = QLineEdit(parent)
    edit.setObjectName(object_name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
    )
    edit.setMaxLength(128)
    return edit


def add_ok_cancel(
    dialog: QDialog, layout: QBoxLayout, submit: Callable[[], None], ok_text: str = ""
) -> QPushButton:
    """OK / Cancel at the foot of ``layout``: OK runs ``submit`` (which accepts once the input is
    good), Cancel rejects. Returns the OK button, relabelled with ``ok_text`` when given."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok_text:
        ok_button.setText(ok_text)
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return ok_button
