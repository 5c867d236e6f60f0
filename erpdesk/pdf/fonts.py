"""Find one CJK font on this machine and register it with reportlab once per process.

Order: ``ERPDESK_PDF_FONT`` (a .ttf/.ttc/.otf path) → Windows fonts (微软雅黑 with its bold file, 黑体, 宋体) →
Linux (WenQuanYi, Noto Sans CJK under the usual font roots) → macOS (PingFang, STHeiti) → reportlab's
``STSong-Light`` CID font, which is not embedded (a warning is logged: a reader without the Adobe Asian font
pack substitutes glyphs, so customer-facing PDFs should never rely on it). The font is embedded as a subset,
so a PDF opens the same on every reader. Without a separate bold file the bold name is the regular font.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

_log = logging.getLogger(__name__)

REGULAR = "ERPDesk-CJK"
BOLD = "ERPDesk-CJK-Bold"
FALLBACK_CID = "STSong-Light"

# (regular file, bold file or None) in order of preference, per platform.
_WINDOWS = (
    ("msyh.ttc", "msyhbd.ttc"),
    ("msyh.ttf", "msyhbd.ttf"),
    ("simhei.ttf", None),
    ("simsun.ttc", None),
)
_LINUX = (
    ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"),
    ("NotoSansCJKsc-Regular.otf", "NotoSansCJKsc-Bold.otf"),
    ("wqy-microhei.ttc", None),
    ("wqy-zenhei.ttc", None),
)
_MACOS = (("PingFang.ttc", None), ("STHeiti Light.ttc", "STHeiti Medium.ttc"))
_LINUX_ROOTS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
_MACOS_ROOTS = ("/System/Library/Fonts", "/Library/Fonts", "~/Library/Fonts")


@dataclass(frozen=True)
class PdfFonts:
    """Registered reportlab font names and where they came from."""

    regular: str
    bold: str
    embedded: bool
    source: str  # font file path, or "STSong-Light"


@cache
def pdf_fonts() -> PdfFonts:
    """Return the process's CJK fonts, registering them with reportlab on the first call."""
    for regular, bold in _candidates():
        try:
            _register(REGULAR, regular)
            bold_name = REGULAR
            if bold is not None:
                try:
                    _register(BOLD, bold)
                    bold_name = BOLD
                except Exception:  # a broken bold file only costs the bold weight
                    _log.warning("PDF bold font %s could not be loaded; using regular", bold)
            # <b> in Paragraph markup needs the family mapping (labels use it; user text is escaped).
            registerFontFamily(
                REGULAR, normal=REGULAR, bold=bold_name, italic=REGULAR, boldItalic=bold_name
            )
            return PdfFonts(regular=REGULAR, bold=bold_name, embedded=True, source=str(regular))
        except Exception:
            _log.warning("PDF font %s could not be loaded; trying the next one", regular)
    _log.warning("No CJK TrueType font found; PDFs use the non-embedded %s", FALLBACK_CID)
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID))
    registerFontFamily(FALLBACK_CID, normal=FALLBACK_CID, bold=FALLBACK_CID)
    return PdfFonts(regular=FALLBACK_CID, bold=FALLBACK_CID, embedded=False, source=FALLBACK_CID)


def _register(name: str, path: Path) -> None:
    # A .ttc holds several faces; the first is the proportional one in every file listed above.
    index = 0 if path.suffix.lower() == ".ttc" else None
    font = (
        TTFont(name, str(path), subfontIndex=index)
        if index is not None
        else TTFont(name, str(path))
    )
    pdfmetrics.registerFont(font)


def _candidates() -> Iterator[tuple[Path, Path | None]]:
    override = os.environ.get("ERPDESK_PDF_FONT", "").strip()
    if override:
        path = Path(override).expanduser()
        if path.is_file():
            yield path, None
        else:
            _log.warning("ERPDESK_PDF_FONT=%s is not a file; ignored", override)
    if sys.platform == "win32":
        fonts_dir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        yield from _pairs(_WINDOWS, lambda name: _existing(fonts_dir / name))
    elif sys.platform == "darwin":
        found = _index(_MACOS_ROOTS)
        yield from _pairs(_MACOS, found.get)
    else:
        found = _index(_LINUX_ROOTS)
        yield from _pairs(_LINUX, found.get)


def _pairs(
    table: Iterable[tuple[str, str | None]], locate: Callable[[str], Path | None]
) -> Iterator[tuple[Path, Path | None]]:
    for regular_name, bold_name in table:
        regular = locate(regular_name)
        if regular is not None:
            yield regular, locate(bold_name) if bold_name else None


def _existing(path: Path) -> Path | None:
    return path if path.is_file() else None


def _index(roots: Iterable[str]) -> dict[str, Path]:
    """Font file name → first path found under ``roots`` (only the names we look for)."""
    wanted = {name for pair in (*_LINUX, *_MACOS) for name in pair if name}
    found: dict[str, Path] = {}
    for root in roots:
        base = Path(root).expanduser()
        if not base.is_dir():
            continue
        for path in base.rglob("*"):
            if path.name in wanted and path.name not in found:
                found[path.name] = path
    return found
