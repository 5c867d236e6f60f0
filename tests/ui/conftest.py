"""UI test isolation: QSettings in the test's own data folder, English unless a test switches, pools drained.

The zh_CN translation is compiled from the committed .ts when it is missing or stale (as ``dev.py``
does), so ``pytest tests/ui`` works without running ``dev.py`` first.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_ui(_isolated_home: Path, qapp: object) -> Iterator[None]:
    from erpdesk.ui import i18n, jobs, prefs

    prefs.use_folder(_isolated_home / "qsettings")
    yield
    jobs.wait_for_all(10_000)
    if i18n.current_language() != "en":
        from PySide6.QtCore import QCoreApplication

        i18n.install_translators(QCoreApplication.instance(), "en")  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _no_unexpected_error_box(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """An error box nobody expected fails the test at once with its text, instead of blocking the
    run on a modal dialog until the timeout. Tests that expect errors patch ``Prompts.show_error``."""
    from erpdesk.ui.prompts import Prompts

    shown: list[str] = []
    monkeypatch.setattr(
        Prompts, "show_error", classmethod(lambda cls, parent, title, text: shown.append(text))
    )
    yield shown
    if shown:
        pytest.fail("unexpected error message: " + " | ".join(shown))


@pytest.fixture(scope="session")
def compiled_translations() -> Path:
    """Path of erpdesk_zh_CN.qm, (re)built from the .ts when needed."""
    from erpdesk.paths import i18n_dir

    ts = i18n_dir() / "erpdesk_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
        assert tool, "pyside6-lrelease not found next to the interpreter"
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


@pytest.fixture
def chinese(qapp, compiled_translations: Path) -> Iterator[str]:
    """Switch the UI to Simplified Chinese for one test (English again afterwards)."""
    from erpdesk.ui import i18n

    yield i18n.install_translators(qapp, "zh_CN")
    i18n.install_translators(qapp, "en")
