"""A form row with its inline message: the field widget and a red label under it, hidden while empty.

``FieldRows`` keeps them by the ``CustomerInput`` attribute name, so the controller can mark the fields a
``ValidationError`` names and clear them all before the next save. Only presentation lives here.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class FieldRows:
    """Field name → (editor, message label) for one form."""

    def __init__(self) -> None:
        self.editors: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.captions: dict[str, str] = {}

    def add(self, form: QFormLayout, field: str, caption: str, editor: W) -> W:
        holder = QWidget(form.parentWidget())
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(editor)
        message = QLabel(holder)
        message.setObjectName(f"error_{field}")
        message.setStyleSheet("color: #b00020;")
        message.setWordWrap(True)
        message.setVisible(False)
        box.addWidget(message)
        editor.setObjectName(field)
        label = QLabel(caption, form.parentWidget())
        label.setBuddy(editor)
        form.addRow(label, holder)
        self.editors[field] = editor
        self.messages[field] = message
        self.captions[field] = caption
        return editor

    def show(self, field: str, text: str) -> bool:
        """Show ``text`` under ``field``; False when the form has no such field."""
        message = self.messages.get(field)
        if message is None:
            return False
        message.setText(text)
        message.setVisible(bool(text))
        return True

    def clear(self) -> None:
        for message in self.messages.values():
            message.clear()
            message.setVisible(False)

    def message(self, field: str) -> str:
        label = self.messages.get(field)
        return label.text() if label is not None else ""
