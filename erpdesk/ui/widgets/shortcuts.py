"""``dock_shortcuts``: a dock's own keys, active while the focus is anywhere inside the dock."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def dock_shortcuts(
    view: QWidget, bindings: Iterable[tuple[QKeySequence, Callable[[], object]]]
) -> list[QShortcut]:
    """One shortcut per (keys, slot), scoped to ``view`` and its children so docks never clash."""
    shortcuts: list[QShortcut] = []
    for sequence, slot in bindings:
        shortcut = QShortcut(sequence, view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        shortcuts.append(shortcut)
    return shortcuts
