"""``EnterMovesOn``: Enter in a form field moves to the next field; on the last one it calls ``on_last``.

Clerks fill the wizard pages with the number pad and Enter. Tab keeps its usual meaning. Widgets with
their own Enter handling (the allocation grid) are listed in ``own_enter``: Enter moves *to* them but
they handle Enter themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget


class EnterMovesOn(QObject):
    """Event filter over ``fields`` (in order)."""

    def __init__(
        self,
        parent: QObject,
        fields: Sequence[QWidget],
        on_last: Callable[[], object],
        *,
        own_enter: Sequence[QWidget] = (),
    ) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.on_last = on_last
        for field in self.fields:
            if field in own_enter:
                continue
            field.installEventFilter(self)
            line_edit = field.lineEdit() if isinstance(field, QComboBox) else None
            if line_edit is not None:
                line_edit.installEventFilter(self)

    def _owner(self, watched: QObject) -> QWidget | None:
        for field in self.fields:
            if watched is field or (isinstance(field, QComboBox) and watched is field.lineEdit()):
                return field
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False  # Ctrl+Enter is the wizard's "Next"
        field = self._owner(watched)
        if field is None:
            return False
        if isinstance(field, QComboBox) and field.view().isVisible():
            return False  # Enter chooses in the open list
        if isinstance(field, QAbstractButton) and field.isCheckable() and field.autoExclusive():
            field.setChecked(True)  # Enter on a radio button chooses it, then moves on
        self.move_from(field)
        return True

    def move_from(self, field: QWidget) -> None:
        following = [f for f in self.fields[self.fields.index(field) + 1 :] if _usable(f)]
        if following:
            following[0].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.on_last()


def _usable(widget: QWidget) -> bool:
    return widget.isVisibleTo(widget.window()) and widget.isEnabled()
