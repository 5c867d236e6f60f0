"""Every modal question or message the app shows goes through ``Prompts``, so tests patch one place.

Tests replace a classmethod (``monkeypatch.setattr(Prompts, "show_error", ...)``) instead of leaving a
modal dialog open; widgets never call ``QMessageBox``/``QFileDialog`` directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.ui.i18n import current_language

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# QMessageBox and QFileDialog are imported where used: creating their Python types costs start-up time.


def error_text(exc: BaseException) -> str:
    """The user-facing text of ``exc``: a ``DomainError`` in the UI language, anything else generic."""
    if isinstance(exc, DomainError):
        return render(exc.msg_id, current_language(), **exc.params)
    return QCoreApplication.translate("Prompts", "An unexpected error occurred: {0}").format(
        f"{type(exc).__name__}: {exc}"
    )


class Prompts:
    """Modal dialogs; each classmethod blocks until the user answers."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        """Ask a yes/no question; ``True`` when the user chose Yes (No is the default button)."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def show_error(cls, parent: QWidget | None, title: str, text: str) -> None:
        """Show an error message with an OK button."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(parent, title, text)

    @classmethod
    def inform(cls, parent: QWidget | None, title: str, text: str) -> None:
        """Show an information message with an OK button."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    @classmethod
    def choose(
        cls, parent: QWidget | None, title: str, label: str, items: list[tuple[str, str]]
    ) -> str | None:
        """Let the user pick one of ``items`` (key, shown text); the key, or ``None`` when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        texts = [text for _key, text in items]
        text, accepted = QInputDialog.getItem(parent, title, label, texts, 0, False)
        if not accepted:
            return None
        return items[texts.index(text)][0]

    @classmethod
    def open_file(
        cls, parent: QWidget | None, title: str, folder: Path | None = None, filters: str = ""
    ) -> Path | None:
        """Let the user pick an existing file; ``None`` when cancelled."""
        from PySide6.QtWidgets import QFileDialog

        name, _selected = QFileDialog.getOpenFileName(
            parent, title, str(folder) if folder else "", filters
        )
        return Path(name) if name else None

    @classmethod
    def save_file(
        cls, parent: QWidget | None, title: str, suggested: Path | None = None, filters: str = ""
    ) -> Path | None:
        """Let the user choose where to write a file; ``None`` when cancelled."""
        from PySide6.QtWidgets import QFileDialog

        name, _selected = QFileDialog.getSaveFileName(
            parent, title, str(suggested) if suggested else "", filters
        )
        return Path(name) if name else None
