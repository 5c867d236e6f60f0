"""Language of the user interface: pick it, install the Qt translators, remember which one is active.

The translators (ERPDesk's own ``erpdesk_<lang>.qm`` from ``resources/i18n`` and Qt's ``qtbase_<lang>.qm``
for standard buttons such as 确定/取消) must be installed before any widget is built, because widgets
translate their texts when they are created.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from erpdesk.domain.messages import normalise_language
from erpdesk.paths import i18n_dir

log = logging.getLogger(__name__)

_current = "en"
_installed: list[QTranslator] = []
_initial_locale: QLocale | None = None


def system_language() -> str:
    """The catalogue language (``en`` or ``zh_CN``) of the system locale."""
    return normalise_language(QLocale.system().name())


def choose_language(requested: str | None) -> str:
    """``requested`` (``--lang`` or settings) if given, else the system locale's language."""
    return normalise_language(requested) if requested else system_language()


def current_language() -> str:
    """The language installed by ``install_translators`` (``en`` until then)."""
    return _current


def install_translators(app: QCoreApplication, language: str) -> str:
    """Install the translators for ``language`` into ``app`` (replacing earlier ones); returns the language.

    English needs no translator (the sources are English). A missing .qm file is logged, not fatal: the
    app then shows English texts rather than refusing to start.
    """
    global _current, _initial_locale
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = normalise_language(language)
    _current = language
    if _initial_locale is None:
        _initial_locale = QLocale()
    # Chinese UI: Chinese dates and numbers; English UI: whatever the system uses (en_GB stays en_GB).
    QLocale.setDefault(QLocale("zh_CN") if language == "zh_CN" else _initial_locale)
    if language == "en":
        return language
    sources = (
        ("erpdesk_" + language, str(i18n_dir())),
        ("qtbase_" + language, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return language
