"""``CustomerPicker``: turns a line edit into a customer picker (code, old code, name or pinyin initials).

Typing searches ``services.customers.find`` after a short pause and offers the hits in a completer;
Enter takes the top hit (waiting for the search when it is still running), choosing a hit takes that
one. The order dock and the settlement wizard both use it, so clerks type the same way everywhere.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from erpdesk.services.customer_dto import CustomerHit
from erpdesk.ui import jobs

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CustomerPicker(QObject):
    """Signals: ``picked(int)`` a customer id; ``not_found()`` Enter found no active customer."""

    picked = Signal(int)
    not_found = Signal()

    def __init__(self, services: Any, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._customers = services.customers
        self.edit = edit
        self.hits = QStandardItemModel(self)
        self.completer = QCompleter(self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setModel(self.hits)
        edit.setCompleter(self.completer)
        self.last_job: jobs.Job | None = None
        self._found: tuple[CustomerHit, ...] = ()
        self._found_for = ""
        self._generation = 0
        self._take_top_when_found = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._find)
        edit.textEdited.connect(self._typed)
        edit.returnPressed.connect(self._enter)
        self.completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]

    def hit(self, customer_id: int) -> CustomerHit | None:
        """The listed hit with ``customer_id`` (its code and name), if it is listed."""
        return next((h for h in self._found if h.id == customer_id), None)

    def _typed(self, text: str) -> None:
        self._take_top_when_found = False
        if text.strip():
            self._timer.start()

    def _find(self) -> jobs.Job | None:
        text = self.edit.text().strip()
        if not text:
            return None
        self._generation += 1
        generation = self._generation
        customers = self._customers
        self.last_job = jobs.run_query(
            self.edit,
            lambda: customers.find(text, limit=12, include_inactive=False),
            lambda hits: self._show(generation, text, hits),
        )
        return self.last_job

    def _show(self, generation: int, text: str, hits: tuple[CustomerHit, ...]) -> None:
        if generation != self._generation:
            return
        self._found, self._found_for = hits, text
        self.hits.clear()
        for hit in hits:
            item = QStandardItem(f"{hit.code}  {hit.name}")
            item.setData(hit.id, ID_ROLE)
            self.hits.appendRow(item)
        if self._take_top_when_found:
            self._take_top_when_found = False
            self._take_top()
        elif hits and self.edit.hasFocus():
            self.completer.complete()

    def _enter(self) -> None:
        text = self.edit.text().strip()
        if not text:
            return
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            popup.hide()
        if self._found_for == text and not self._timer.isActive():
            self._take_top()
        else:
            self._timer.stop()
            self._take_top_when_found = True
            self._find()

    def _take_top(self) -> None:
        if self._found:
            self.picked.emit(self._found[0].id)
        else:
            self.not_found.emit()

    def _chosen(self, index: QModelIndex) -> None:
        customer_id = index.data(ID_ROLE)
        if customer_id is not None:
            self.picked.emit(int(customer_id))
