"""Where ERPDesk keeps its files and which database it opens, from the command line, environment or file.

Order of precedence for the database: ``--db URL``, then ``ERPDESK_DB``, then ``database`` in
``settings.toml`` in the data folder, then an SQLite file in the data folder. ``ERPDESK_HOME`` moves the
data folder (portable installs, tests). Company rules live in the database, not here; UI preferences
(geometry, dock layout, column widths) live in QSettings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "ERPDesk"
SETTINGS_FILE = "settings.toml"


def data_dir() -> Path:
    override = os.environ.get("ERPDESK_HOME")
    if override:
        return Path(override)
    # Imported here: the desktop app reads settings before its first paint, and every millisecond shows.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, roaming=True)


@dataclass(frozen=True, slots=True)
class AppSettings:
    """Settings of this PC: data folder, database address, language, backup folder."""

    data_dir: Path
    database_url: str
    language: str | None
    backup_dir: Path

    @property
    def log_file(self) -> Path:
        return self.data_dir / "logs" / "erpdesk.log"


def _read_file(folder: Path) -> dict[str, object]:
    path = folder / SETTINGS_FILE
    if not path.is_file():
        return {}
    import tomllib

    with open(path, "rb") as handle:
        return tomllib.load(handle)


def default_database_url(folder: Path) -> str:
    return "sqlite:///" + (folder / "erpdesk.db").as_posix()


def load(db_url: str | None = None, language: str | None = None) -> AppSettings:
    """Resolve the settings for this run; arguments (from the command line) win."""
    folder = data_dir()
    stored = _read_file(folder)
    url = (
        db_url
        or os.environ.get("ERPDESK_DB")
        or str(stored.get("database") or "")
        or default_database_url(folder)
    )
    lang = (
        language
        or os.environ.get("ERPDESK_LANG")
        or (str(stored["language"]) if "language" in stored else None)
    )
    backups = Path(str(stored["backup_dir"])) if stored.get("backup_dir") else folder / "backups"
    return AppSettings(data_dir=folder, database_url=url, language=lang, backup_dir=backups)


def save_database_url(url: str) -> Path:
    """Remember ``url`` as this PC's database in settings.toml (never a password)."""
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stored = _read_file(folder)
    stored["database"] = url
    lines = [f"{key} = {_toml_string(str(value))}" for key, value in sorted(stored.items())]
    path = folder / SETTINGS_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
