"""Composition root of the desktop app (filled in by the UI shell): settings → Qt → database → window."""

from __future__ import annotations


def run_gui(*, db_url: str | None, language: str | None) -> int:
    raise NotImplementedError("the main window lands with the UI shell")
