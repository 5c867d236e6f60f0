"""``erpdesk self-test``: prove that an installed (or frozen) ERPDesk has every part it needs.

A frozen Windows build loses things silently — data files, entry points, fonts, hidden imports — and
the first user to notice is the accountant whose statement does not print. Each check here exercises
the real component end to end in a temporary folder (never the user's database) and says what failed.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from erpdesk import paths


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check: its name, whether it passed and a one-line detail (what was found, or the error)."""

    name: str
    ok: bool
    detail: str
    warning: bool = False  # passed, but something the admin should know (e.g. no keyring)


def _database(folder: Path) -> str:
    from erpdesk.services import database as database_service

    database = database_service.open_db(f"sqlite:///{(folder / 'selftest.db').as_posix()}")
    try:
        upgraded = database_service.upgrade(database, backup_dir=None)
        checked = database_service.check(database)
        if not checked.ok:
            raise RuntimeError(f"db check found {len(checked.problems)} problem(s)")
        return f"schema {', '.join(upgraded.new)}"
    finally:
        database.dispose()


def _messages(_folder: Path) -> str:
    from erpdesk.domain.messages import catalogue

    merged = catalogue()
    empty = [key for key, (en, zh) in merged.items() if not en.strip() or not zh.strip()]
    if empty:
        raise RuntimeError(f"untranslated messages: {', '.join(sorted(empty)[:5])}")
    return f"{len(merged)} messages in English and Chinese"


def _translations(_folder: Path) -> str:
    qm = paths.i18n_dir() / "erpdesk_zh_CN.qm"
    if not qm.is_file() or qm.stat().st_size < 1024:
        raise RuntimeError(f"missing or empty {qm}")
    return f"{qm.name} ({qm.stat().st_size // 1024} KiB)"


def _excel(folder: Path) -> str:
    import openpyxl.xml

    from erpdesk.xlsx.reader import raw_rows
    from erpdesk.xlsx.writer import DATE, MONEY, ExportColumn, write_xlsx

    if not openpyxl.xml.DEFUSEDXML:
        raise RuntimeError("defusedxml is not active for openpyxl")
    target = folder / "selftest.xlsx"
    columns = [ExportColumn("名称"), ExportColumn("金额", MONEY), ExportColumn("日期", DATE)]
    write_xlsx(target, "Sheet1", columns, [("=1+1 华鑫", Decimal("1234.50"), date(2025, 5, 3))])
    rows = list(raw_rows(target, "Sheet1"))
    if rows[1][0] != "=1+1 华鑫" or Decimal(str(rows[1][1])) != Decimal("1234.5"):
        raise RuntimeError(f"read back {rows[1]!r}")
    arrow_rows = _arrow_export(folder, columns[:2])
    if arrow_rows[1][0] != "=1+1 华鑫" or Decimal(str(arrow_rows[1][1])) != Decimal("1234.5"):
        raise RuntimeError(f"Arrow export read back {arrow_rows[1]!r}")
    return "written (rows and Arrow), read back; formulas neutralised; defusedxml active"


def _arrow_export(folder: Path, columns: list[Any]) -> list[Any]:
    """An export through the SQLite Arrow driver (its native library must be in the build)."""
    from sqlalchemy import text

    from erpdesk.db.arrow_read import arrow_rows
    from erpdesk.db.engine import open_database
    from erpdesk.xlsx.reader import raw_rows
    from erpdesk.xlsx.writer import write_xlsx_arrow

    database = open_database("sqlite:///" + (folder / "selftest.db").as_posix())
    target = folder / "selftest-arrow.xlsx"
    try:
        with database.engine.connect() as conn:  # creates the file the driver opens read-only
            conn.exec_driver_sql("SELECT 1")
        query = text("SELECT '=1+1 华鑫' AS 名称, 1234.5 AS 金额")
        with arrow_rows(database, query, {}) as stream:
            write_xlsx_arrow(target, "Sheet1", columns, stream, [("=1+1 华鑫", 1234.5)])
    finally:
        database.dispose()
    return list(raw_rows(target, "Sheet1"))


def _pdf(folder: Path) -> str:
    from reportlab.platypus import Spacer

    from erpdesk.pdf.barcodes import Code128Flowable
    from erpdesk.pdf.document import a4_document, build
    from erpdesk.pdf.fonts import pdf_fonts
    from erpdesk.pdf.styles import styles
    from erpdesk.pdf.text import paragraph

    fonts = pdf_fonts()
    out = io.BytesIO()
    doc = a4_document(out, title="ERPDesk self-test", author="ERPDesk")
    style = styles("zh_CN")
    pages = build(
        doc,
        [paragraph("对账单 自检 <ok>", style.title), Spacer(1, 12), Code128Flowable("KH00001")],
        lang="zh_CN",
    )
    data = out.getvalue()
    if not data.startswith(b"%PDF") or pages != 1:
        raise RuntimeError("the PDF was not written")
    if not fonts.embedded:
        raise RuntimeError(f"no CJK font to embed (fallback {fonts.source}); install one")
    # Printing renders pages with PDFium: a frozen build without its native library fails here.
    from erpdesk.services.pdf_pages import render_pages

    target = folder / "selftest.pdf"
    target.write_bytes(data)
    page = next(iter(render_pages([target], dpi=36)))
    if page.width < 200 or set(page.pixels) == {255}:
        raise RuntimeError("the PDF page rendered blank")
    return f"{len(data) // 1024} KiB, rendered for printing, CJK font {fonts.source}"


def _keyring(_folder: Path) -> str:
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if "fail" in name.lower() or "null" in name.lower():
        raise _Warning("selftest.no_keyring", backend=name)
    return name


class _Warning(Exception):
    """A check that passed with something to report: a message id and its parameters."""

    def __init__(self, msg_id: str, /, **params: object) -> None:
        super().__init__(msg_id)
        self.msg_id, self.params = msg_id, params


CHECKS: tuple[tuple[str, Callable[[Path], str]], ...] = (
    ("database", _database),
    ("messages", _messages),
    ("translations", _translations),
    ("excel", _excel),
    ("pdf", _pdf),
    ("keyring", _keyring),
)


def run_checks(lang: str = "en") -> list[CheckResult]:
    """Run every check in its own temporary folder; a failing check never stops the others."""
    from erpdesk.domain.messages import render

    results: list[CheckResult] = []
    for name, check in CHECKS:
        with tempfile.TemporaryDirectory(prefix="erpdesk-selftest-") as folder:
            try:
                results.append(CheckResult(name, True, check(Path(folder))))
            except _Warning as warning:
                detail = render(warning.msg_id, lang, **warning.params)
                results.append(CheckResult(name, True, detail, warning=True))
            except Exception as exc:  # the point is to report every broken part, whatever it is
                results.append(CheckResult(name, False, f"{type(exc).__name__}: {exc}"))
    return results
