"""Save a settlement notice PDF where the user chooses, then open it with the system's PDF viewer.

The PDF is written by ``services.settlement_notices.notice_pdf`` in a worker (it reads the database and
renders with reportlab); only the file dialog and opening the file happen in the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from erpdesk.ui import jobs
from erpdesk.ui.desktop import documents_folder, open_document
from erpdesk.ui.i18n import current_language
from erpdesk.ui.prompts import Prompts


def suggested_path(number: str) -> Path:
    """``<Documents>/<settlement number>.pdf`` (home when there is no Documents folder)."""
    return documents_folder() / f"{number}.pdf"


def save_notice(
    parent: QWidget,
    services: Any,
    settlement_id: int,
    number: str,
    on_saved: Callable[[Path], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> jobs.Job | None:
    """Ask where to save, write the notice in the UI language off the GUI thread, then open it.

    Returns the job, or None when the user cancelled the file dialog.
    """
    target = Prompts.save_file(
        parent,
        QCoreApplication.translate("SettlementNotice", "Save the settlement notice"),
        suggested_path(number),
        QCoreApplication.translate("SettlementNotice", "PDF files (*.pdf)"),
    )
    if target is None:
        return None
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    notices = services.settlement_notices
    lang = current_language()

    def written(_pages: int) -> None:
        open_document(target)
        if on_saved is not None:
            on_saved(target)

    return jobs.run_query(
        parent, lambda: notices.notice_pdf(settlement_id, target, lang), written, on_error
    )
