"""``ScanField``: the line a keyboard-wedge scanner types into.

It takes no input method (codes are ASCII). Enter hands the text over at once (``scanned``) and clears the line, so the next code can follow within
milliseconds; Enter on an empty line is ``confirmed`` (it confirms the census panel). Esc clears. Ctrl+Z
asks to undo the last scan instead of undoing typing. ``flash()`` turns it red for a moment (an unknown
code). It decides nothing about scans.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

FLASH_STYLE = "QLineEdit { background: #ef5350; color: white; }"


class ScanField(QLineEdit):
    """A large line edit that emits each Enter-terminated code."""

    scanned = Signal(str)
    confirmed = Signal()
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.setFont(font)
        self.setMaxLength(200)
        # With a Chinese input method switched on, a scanner's letters would land in the IME's
        # composition window instead of the field: codes are ASCII, so the field takes no IME.
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.flashing = False
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(600)
        self._flash_timer.timeout.connect(self._end_flash)

    def flash(self) -> None:
        """Red for 0.6 s: the last code was not recognised."""
        self.flashing = True
        self.setStyleSheet(FLASH_STYLE)
        self._flash_timer.start()

    def _end_flash(self) -> None:
        self.flashing = False
        self.setStyleSheet("")

    def event(self, event: QEvent) -> bool:
        # QLineEdit claims Ctrl+Z for its own text undo; here it means "undo the last scan".
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.text()
            self.clear()
            if text.strip():
                self.scanned.emit(text)
            else:
                self.confirmed.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.clear()
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return
        super().keyPressEvent(event)
