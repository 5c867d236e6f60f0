"""Running a list export from the GUI: ask where to save (unless a target is given), write the file in
the background with progress and Cancel, then say in the status bar how many rows went where.

The export itself is a service call ``export(target, lang=, progress=, cancelled=)``; Cancel makes it
raise ``ExportCancelled``, which leaves no file and ends the job quietly. Errors are shown by
``jobs.run_job`` in the UI language.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from erpdesk.domain.messages import render
from erpdesk.ui import jobs
from erpdesk.ui.desktop import documents_folder
from erpdesk.ui.i18n import current_language
from erpdesk.ui.prompts import Prompts

EXCEL_FILTER = "Excel (*.xlsx);;CSV (*.csv)"


def run_export(
    parent: QWidget,
    target: Path | None,
    caption: str,
    file_stem: str,
    busy_text: str,
    export: Callable[..., Any],
    on_done: Callable[[Any], None] | None = None,
) -> jobs.Job | None:
    """Ask for a file (``file_stem``.xlsx in Documents is proposed) unless ``target`` is given, then
    run ``export`` as a cancellable job; ``None`` when the user chose no file."""
    target = target or Prompts.save_file(
        parent, caption, documents_folder() / (file_stem + ".xlsx"), EXCEL_FILTER
    )
    if target is None:
        return None
    lang = current_language()

    def work(progress: jobs.Progress, cancelled: threading.Event) -> Any:
        # Imported here: the export code (and its Excel writer) loads only when a file is written.
        from erpdesk.services.list_exports import ExportCancelled

        try:
            return export(
                target,
                lang=lang,
                progress=lambda done: progress(done, 0),
                cancelled=cancelled.is_set,
            )
        except ExportCancelled:
            raise jobs.JobCancelled from None

    def done(result: Any) -> None:
        text = render("export.done", lang, count=result.rows, path=result.path)
        status = getattr(parent.window(), "statusBar", None)
        if callable(status):
            status().showMessage(text, 10000)
        if on_done is not None:
            on_done(result)

    return jobs.run_job(parent, busy_text, work, done)
