"""Find the bundled resources (icons, fonts, translations, demo data) in a checkout and a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
