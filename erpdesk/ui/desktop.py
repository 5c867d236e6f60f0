"""Where the user's documents go and how they are opened: the system's Documents folder (the one
Windows reports, also when OneDrive has moved it) and the viewer the system associates with a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices


def documents_folder() -> Path:
    """The user's Documents folder, or the home folder when there is none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def open_document(path: Path) -> bool:
    """Open ``path`` (a file or a folder) with the program the system associates with it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
