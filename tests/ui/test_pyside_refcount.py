"""Regression guard for the PySide6 6.12.0 reference leak on Python 3.11 (why pyproject pins 6.11.3).

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` each time a C++ method returning ``void``
is called from Python. ``None`` is immortal only from Python 3.12 on; on 3.11 its count eventually
reaches zero after a few thousand calls and the interpreter aborts ("deallocating None"), which in the
app looked like a random crash while scrolling a grid. ``QWidget.update()`` is such a void call; after
1,000 of them a healthy build leaves the count of ``None`` where it was (give or take the few
references the interpreter itself takes meanwhile), a leaking build leaves it about 1,000 lower.
The bound of 100 separates the two without depending on interpreter noise.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_calls_do_not_leak_references_to_none(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    update = widget.update
    update()  # warm up caches so they do not count
    before = sys.getrefcount(None)
    for _ in range(1000):
        update()
    after = sys.getrefcount(None)
    assert before - after < 100, f"None lost {before - after} references in 1,000 void calls"
