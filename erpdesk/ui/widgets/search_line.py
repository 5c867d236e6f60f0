"""``SearchLine``: a search box that reports its text once typing pauses (debounce).

Each keystroke restarts a short single-shot timer; ``search_changed`` fires when it runs out, or at
once on Enter. Escape clears the box. It only reports text; the dock decides what to query.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchLine(QLineEdit):
    """A line edit with a debounced ``search_changed(text)`` signal."""

    search_changed = Signal(str)
    return_pressed_now = Signal()

    def __init__(self, parent: QWidget | None = None, *, delay_ms: int = 200) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._last = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._fire)
        self.textChanged.connect(lambda _text: self._timer.start())

    def flush(self) -> None:
        """Report the current text now if it differs from the last report."""
        self._timer.stop()
        self._fire()

    def _fire(self) -> None:
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.search_changed.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.flush()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            self.return_pressed_now.emit()
            return
        super().keyPressEvent(event)
