"""``AppEvents``: the one hub through which docks learn that data changed (table → ids).

A command run with ``jobs.run_command`` publishes the ``changes`` of its result here, in the GUI thread;
every dock connects to ``AppEvents.instance().changed`` and decides for itself whether to drop cached rows
for those ids and repaint, or to re-run its search. Later the PostgreSQL change feed (other clerks'
commits) is relayed into the same signal, so a dock never needs to know where a change came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

ChangeSet = dict[str, frozenset[str]]
"""What a transaction touched: table name → primary keys as strings (``{"customer": {"12", "15"}}``)."""


def normalise_changes(changes: Mapping[str, Iterable[Any]] | None) -> ChangeSet:
    """Turn a ``table → keys`` mapping (sets, lists, ints or str) into a ``ChangeSet``; drop empty tables."""
    if not changes:
        return {}
    result: ChangeSet = {}
    for table, keys in changes.items():
        ids = frozenset(str(key) for key in keys)
        if ids:
            result[str(table)] = ids
    return result


class AppEvents(QObject):
    """Application-wide signals; get the shared instance with ``AppEvents.instance()``.

    Signals:
        changed(dict): a ``ChangeSet`` (``dict[str, frozenset[str]]``), table name → ids changed.
            Publish from the GUI thread (``jobs.run_command`` does), so slots may touch widgets.
        reset(): the whole database was replaced (restore); every dock reloads what it shows.
    """

    changed = Signal(object)
    reset = Signal()
    """Everything may have changed (the database was restored): drop caches and reload."""

    _instance: ClassVar[AppEvents | None] = None

    @classmethod
    def instance(cls) -> AppEvents:
        """The shared hub (created on first use, owned by the QApplication, so it lives in the GUI thread)."""
        if cls._instance is None:
            cls._instance = cls(QCoreApplication.instance())
        return cls._instance

    def publish(self, changes: Mapping[str, Iterable[Any]] | None) -> ChangeSet:
        """Emit ``changed`` with ``changes`` normalised to a ``ChangeSet``; nothing is emitted when empty.

        Returns:
            The ``ChangeSet`` that was emitted (``{}`` when nothing was).
        """
        change_set = normalise_changes(changes)
        if change_set:
            self.changed.emit(change_set)
        return change_set
