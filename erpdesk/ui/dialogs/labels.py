"""The "Print labels…" dialog (label stock, first free position on a partly used sheet, copies) and
``print_labels_for``, which collects the ids, asks, picks the file and writes the PDF in a background
job through ``Services.labels``. Used by the stocktake dock and the customer list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui import jobs
from erpdesk.ui.dialogs.common import add_ok_cancel
from erpdesk.ui.i18n import current_language
from erpdesk.ui.prompts import Prompts, error_text

PDF_FILTER = "PDF (*.pdf)"


@dataclass(frozen=True, slots=True)
class LabelRequest:
    layout: str
    start: int  # 0-based position on the first sheet
    copies: int


class LabelsDialog(QDialog):
    """Choose the label stock, where to start on the first sheet, and copies per item."""

    def __init__(self, parent: QWidget | None, layouts: Sequence[Any], count: int) -> None:
        super().__init__(parent)
        self.setObjectName("labels_dialog")
        self.setWindowTitle(self.tr("Print labels"))
        self.answer: LabelRequest | None = None
        self._layouts = list(layouts)
        self.layout_combo = QComboBox(self)
        self.layout_combo.setObjectName("layout")
        for item in self._layouts:
            self.layout_combo.addItem(item.title, item.key)
        self.start = QSpinBox(self)
        self.start.setObjectName("start")
        self.copies = QSpinBox(self)
        self.copies.setObjectName("copies")
        self.copies.setRange(1, 100)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self._count = count
        form = QFormLayout()
        form.addRow(self.tr("Label sheet"), self.layout_combo)
        form.addRow(self.tr("Start at label"), self.start)
        form.addRow(self.tr("Copies of each"), self.copies)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        add_ok_cancel(self, layout, self._submit, self.tr("Print…"))
        self.layout_combo.currentIndexChanged.connect(lambda _i: self._update())
        self.start.valueChanged.connect(lambda _v: self._update())
        self.copies.valueChanged.connect(lambda _v: self._update())
        self._update()

    def _update(self) -> None:
        index = self.layout_combo.currentIndex()
        if index < 0:
            return
        chosen = self._layouts[index]
        self.start.setRange(1, chosen.per_sheet)
        self.start.setToolTip(
            self.tr("Labels are numbered row by row from the top left (1 to {0}).").format(
                chosen.per_sheet
            )
        )
        total = self._count * self.copies.value()
        used = self.start.value() - 1 + total
        pages = max(1, -(-used // chosen.per_sheet))
        self.summary.setText(self.tr("{0} labels on {1} sheets").format(total, pages))

    def _submit(self) -> None:
        self.answer = LabelRequest(
            layout=str(self.layout_combo.currentData()),
            start=self.start.value() - 1,
            copies=self.copies.value(),
        )
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, layouts: Sequence[Any], count: int) -> LabelRequest | None:
        dialog = cls(parent, layouts, count)
        dialog.exec()
        return dialog.answer


class LabelPrint:
    """Handles of one "Print labels…" run: ``collect_job`` (ids and layouts), then ``write_job``."""

    def __init__(self) -> None:
        self.collect_job: jobs.Job | None = None
        self.write_job: jobs.Job | None = None


def print_labels_for(
    parent: QWidget,
    services: Any,
    kind: str,
    collect: Callable[[], Sequence[int]],
    *,
    suggested: str = "labels.pdf",
) -> LabelPrint:
    """Collect ids (in a worker), ask layout / start / copies, ask the file, write the PDF in a job.

    ``kind`` is ``"customers"`` or ``"products"``; ``collect`` runs in a worker and returns the ids.
    Returns handles of the jobs (the writing job shows progress and Cancel).
    """
    labels = services.labels
    handles = LabelPrint()
    lang = current_language()

    def fetch() -> tuple[Sequence[Any], list[int]]:
        return labels.layouts(lang), list(collect())

    def chosen(found: tuple[Sequence[Any], list[int]]) -> None:
        layouts, ids = found
        if not ids:
            Prompts.inform(
                parent,
                QCoreApplication.translate("LabelsDialog", "Print labels"),
                QCoreApplication.translate("LabelsDialog", "There is nothing to print."),
            )
            return
        request = LabelsDialog.ask(parent, layouts, len(ids))
        if request is None:
            return
        target = Prompts.save_file(
            parent,
            QCoreApplication.translate("LabelsDialog", "Save labels"),
            Path(suggested),
            PDF_FILTER,
        )
        if target is None:
            return

        def work(progress: Any, cancelled: Any) -> Any:
            if kind == "customers":
                return labels.customer_labels(
                    ids,
                    layout=request.layout,
                    target=target,
                    start=request.start,
                    copies=request.copies,
                    lang=lang,
                    progress=progress,
                    cancelled=cancelled,
                )
            return labels.product_labels(
                ids,
                request.layout,
                target=target,
                start=request.start,
                copies=request.copies,
                lang=lang,
                progress=progress,
                cancelled=cancelled,
            )

        def done(result: Any) -> None:
            Prompts.inform(
                parent,
                QCoreApplication.translate("LabelsDialog", "Print labels"),
                QCoreApplication.translate(
                    "LabelsDialog", "{0} labels on {1} pages written to {2}."
                ).format(result.labels, result.pages, str(result.path)),
            )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, InterruptedError):
                return  # cancelled: the partial file is gone
            Prompts.show_error(
                parent, QCoreApplication.translate("LabelsDialog", "Print labels"), error_text(exc)
            )

        handles.write_job = jobs.run_job(
            parent,
            QCoreApplication.translate("LabelsDialog", "Writing labels…"),
            work,
            done,
            failed,
        )

    handles.collect_job = jobs.run_query(parent, fetch, chosen)
    return handles
