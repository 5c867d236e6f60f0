"""The customer filters of the batch statements dialog (DOMAIN.md §9) and its live count.

``StatementFilters``: 客户分类 (with its sub-categories), 地区 and 业务员 from the same lookups as the
customer list, "monthly settlement (月结) only" and "a delivery or receipt in the period" (only offered
for a period: an as-of statement has none). ``BatchCount``: "N customers", what the batch will print,
counted by the service in a worker once the choices have been still for a moment; a count overtaken by
a newer one is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from erpdesk.services.statement_dto import BatchFilter
from erpdesk.ui import jobs
from erpdesk.ui.dialogs.common import error_text

COUNT_DELAY_MS = 250

Chosen = tuple[BatchFilter, date, date | None]  # the filter, the balance day, the period's start


class StatementFilters(QWidget):
    """Category, region, salesperson, 月结 only and moved in the period; ``changed`` on any edit.

    The ``moved`` check box is left for the owner to place (next to its "with a balance" box)."""

    changed = Signal()

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._customers = services.customers
        self.lookup_job: jobs.Job | None = None
        self.category = self._combo("filter_category")
        self.region = self._combo("filter_region")
        self.salesperson = self._combo("filter_salesperson")
        self.monthly_only = QCheckBox(self.tr("Only customers settled &monthly (月结)"), self)
        self.monthly_only.setObjectName("monthly_only")
        self.moved = QCheckBox(self.tr("With a deli&very or receipt in the period"), self)
        self.moved.setObjectName("moved_in_period")
        self.moved.setToolTip(
            self.tr(
                "Together with “Only customers with a balance”: customers with a balance or with "
                "a delivery or receipt in the period. Needs a period, not an as-of date."
            )
        )
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        for text, combo in (
            (self.tr("Ca&tegory"), self.category),
            (self.tr("Re&gion"), self.region),
            (self.tr("Salesperso&n"), self.salesperson),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(combo)
            form.addRow(caption, combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.monthly_only)
        # ``moved`` is laid out by the dialog, under its "with a balance" box: ticked together they
        # mean either of the two.
        for box in (self.monthly_only, self.moved):
            box.toggled.connect(lambda _on: self.changed.emit())

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(self.tr("(any)"), None)
        combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        return combo

    def load(self) -> jobs.Job:
        """Fill the boxes from the customer service (the customer list's lookups), in a worker."""
        customers = self._customers

        def fetch() -> tuple[Any, Any, Any]:
            return customers.categories(), customers.regions(), customers.salespeople()

        self.lookup_job = jobs.run_query(self, fetch, self._show)
        return self.lookup_job

    def _show(self, lookups: tuple[Any, Any, Any]) -> None:
        categories, regions, salespeople = lookups
        _fill(self.category, [("  " * (c.depth - 1) + c.name, c.id) for c in categories])
        _fill(self.region, [(region, region) for region in regions])
        _fill(self.salesperson, [(person.name, person.id) for person in salespeople])

    def set_period(self, has_period: bool) -> None:
        """Offer "moved in the period" only when a period (not an as-of date) is chosen."""
        self.moved.setEnabled(has_period)

    def apply(self, base: BatchFilter) -> BatchFilter:
        """``base`` (scope and balance) narrowed by these choices."""
        return replace(
            base,
            category_id=self.category.currentData(),
            region=self.region.currentData() or "",
            salesperson_id=self.salesperson.currentData(),
            monthly_only=self.monthly_only.isChecked(),
            moved_in_period=self.moved.isEnabled() and self.moved.isChecked(),
        )


def _fill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
    """Replace all but "(any)", keeping the current choice when it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    if current is not None and index < 0:
        combo.currentIndexChanged.emit(0)


class BatchCount(QLabel):
    """ "N customers": the batch's customers for ``chosen()``, recounted shortly after ``schedule()``."""

    def __init__(self, statements: Any, chosen: Callable[[], Chosen], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("batch_count")
        self._statements = statements
        self._chosen = chosen
        self._generation = 0
        self.value: int | None = None
        self.job: jobs.Job | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNT_DELAY_MS)
        self._timer.timeout.connect(self.count_now)

    def schedule(self) -> None:
        self._generation += 1  # a count still running is for choices no longer shown
        self.value = None
        self.setText(self.tr("Counting customers…"))
        self._timer.start()

    def count_now(self) -> jobs.Job:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        statements = self._statements
        chosen, as_of, since = self._chosen()

        def count() -> int:
            return len(statements.customers_for_batch(chosen, as_of, since=since))

        def done(found: int) -> None:
            if generation == self._generation:
                self.value = found
                self.setText(self.tr("{0} customers").format(found))

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.value = None
                self.setText(error_text(exc))

        self.job = jobs.run_query(self, count, done, failed)
        return self.job
