"""Handheld sync: the count sheet written for a handheld or another PC, and its scanned results read back.

The sheet lists code, name, the expected quantity (left out of a blind count) and an empty counted
column. Results come back as .xlsx or .csv (UTF-8 or GBK) with code, quantity, time and device columns,
headed in Chinese or English, through the Excel reader and its safety caps. A file counts once: its
SHA-256 is kept per session, and each row has a key (device, time, code, row number) so a re-exported
file that grew by a few rows adds only the new ones. A row without a quantity column counts one; a blank
quantity in a file that has the column (an untouched count sheet row) is skipped.

Both directions take the caller's ``progress(done, total)`` and ``cancelled()`` (the dock's progress
dialog and its Cancel). A cancelled export raises ``ExportCancelled`` and leaves no file: the sheet is
written under a temporary name beside the target and moved into place only when complete, so a file
already at the target stays as it was. A cancelled import raises ``HandheldImportCancelled`` inside the
write transaction, which rolls back: nothing counted and the file's hash not kept, so it can be
imported later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, select

from erpdesk import atomic_write
from erpdesk.db.models.product import Product
from erpdesk.db.models.stocktake import StocktakeFile, StocktakeLine, StocktakeScan
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.stocktake import StocktakeKind, normalise_scan_code, parse_quantity
from erpdesk.services import stocktake_scans as scans
from erpdesk.services.stocktake_dto import HandheldImportResult
from erpdesk.xlsx.columns import ASCII, TEXT, Column, KindSpec
from erpdesk.xlsx.writer import NUMBER, ExportCancelled, ExportColumn, write_xlsx

Progress = Callable[[int, int], None]
"""``progress(done, total)``: rows written to the sheet, or rows of a results file checked."""
Cancelled = Callable[[], bool]

KIND = "stocktake"
SPEC = KindSpec(
    kind=KIND,
    columns=(
        Column(
            "code",
            ASCII,
            True,
            ("编码", "条码", "条形码", "商品编码", "客户编码", "Barcode", "Code", "SKU"),
        ),
        Column(
            "quantity",
            TEXT,
            synonyms=(
                "数量",
                "实盘数量",
                "盘点数量",
                "实盘",
                "Qty",
                "Quantity",
                "Counted",
                "Count",
            ),
        ),
        Column(
            "time",
            TEXT,
            synonyms=("时间", "扫描时间", "日期时间", "Time", "Scan time", "Timestamp"),
        ),
        Column(
            "device", TEXT, synonyms=("设备", "设备号", "终端", "Device", "Device ID", "Scanner")
        ),
        Column("name", TEXT, synonyms=("名称", "商品名称", "客户名称", "Name")),
    ),
)
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y%m%d%H%M%S", "%Y-%m-%d")
_PROGRESS_STEPS = 100  # reports per file at most: enough for a smooth bar, few queued GUI signals


class HandheldImportCancelled(DomainError):
    """The user cancelled a handheld import; nothing was counted."""

    def __init__(self) -> None:
        super().__init__("stocktake.import_cancelled")


class Watch:
    """The caller's progress and cancel callbacks over ``total`` rows, checked once per row."""

    def __init__(
        self,
        progress: Progress | None,
        cancelled: Cancelled | None,
        stop: Callable[[], Exception],
    ) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self._stop = stop
        self.total = 0
        self._step = 1

    def start(self, total: int) -> None:
        self.total = total
        self._step = max(1, total // _PROGRESS_STEPS)

    def check(self) -> None:
        """Raise the stop exception when the caller cancelled."""
        if self._cancelled is not None and self._cancelled():
            raise self._stop()

    def row(self, done: int) -> None:
        """Row ``done`` (1-based) is finished: report it now and then."""
        if self._progress is not None and done % self._step == 0 and done < self.total:
            self._progress(done, self.total)

    def finish(self) -> None:
        if self._progress is not None:
            self._progress(self.total, self.total)


@dataclass(frozen=True, slots=True)
class HandheldRow:
    """One result row, cleaned: where it was in the file and what it counts."""

    row: int
    code: str
    quantity: Decimal
    device: str
    at: datetime | None  # UTC; None when the file has no time
    key: str


@dataclass(frozen=True, slots=True)
class HandheldFile:
    sha256: str
    name: str
    rows: tuple[HandheldRow, ...]
    skipped_blank: int


def sheet_columns(lang: str, *, with_expected: bool) -> list[ExportColumn]:
    """The count sheet's headers in ``lang``."""

    def head(field: str) -> str:
        return render(f"col.{KIND}.{field}", lang)

    columns = [ExportColumn(head("code")), ExportColumn(head("name")), ExportColumn(head("unit"))]
    if with_expected:
        columns.append(ExportColumn(head("expected"), NUMBER))
    columns.append(ExportColumn(head("counted"), NUMBER))
    return columns


SheetRow = tuple[str, str, str, Decimal | None]  # code, name, unit, expected


def sheet_rows(conn: Connection, head: scans.Head, shown: bool) -> list[SheetRow]:
    """The lines of the scope by code; ``expected`` None unless ``shown``."""
    columns: list[Any] = [StocktakeLine.code, StocktakeLine.name, StocktakeLine.expected]
    if head.kind is StocktakeKind.PRODUCTS:
        unit = select(Product.unit).where(Product.id == StocktakeLine.target_id)
        columns.append(unit.scalar_subquery())
    rows = conn.execute(
        select(*columns)
        .where(StocktakeLine.stocktake_id == head.id, StocktakeLine.in_scope)
        .order_by(StocktakeLine.code)
    ).all()
    return [(r[0], r[1], (r[3] or "") if len(r) > 3 else "", r[2] if shown else None) for r in rows]


def write_sheet(
    target: Path,
    lang: str,
    rows: Sequence[SheetRow],
    *,
    blind: bool,
    watch: Watch | None = None,
) -> int:
    """Write the count sheet; ``rows`` are (code, name, unit, expected). Returns rows written.

    Raises:
        ExportCancelled: the watch's ``cancelled()`` turned True; no file, not even a temporary one.
        DomainError: ``xlsx.cannot_write`` when the file cannot be written or moved into place.
    """
    columns = sheet_columns(lang, with_expected=not blind)
    watch = watch or Watch(None, None, ExportCancelled)
    watch.start(len(rows))

    def cells() -> Iterator[list[Any]]:
        for done, (code, name, unit, expected) in enumerate(rows, start=1):
            watch.check()
            values: list[Any] = [code, name, unit]
            if not blind:
                values.append(float(expected) if expected is not None else None)
            values.append(None)
            yield values
            watch.row(done)  # the writer took the row

    watch.check()
    with atomic_write.beside_then_replace(
        target, prefix=".~", suffix=target.suffix, failed=partial(_cannot_write, target)
    ) as temp:
        try:
            stats = write_xlsx(temp, render("stocktake.sheet_name", lang), columns, cells())
        except DomainError as exc:
            if exc.msg_id != "xlsx.cannot_write":
                raise
            # name the file the user chose, not the temporary one
            raise DomainError("xlsx.cannot_write", **{**exc.params, "path": str(target)}) from None
        watch.check()  # the last moment a cancel leaves nothing: the sheet is complete, not yet in place
    watch.finish()
    return stats.rows


def _cannot_write(target: Path, exc: OSError) -> DomainError:
    return DomainError("xlsx.cannot_write", path=str(target), reason=str(exc))


def _time(text: str, sheet: str, row: int, tz: ZoneInfo) -> datetime:
    cleaned = text.strip().replace("/", "-").replace("T", " ")
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        for pattern in _TIME_FORMATS:
            try:
                parsed = datetime.strptime(cleaned, pattern)
                break
            except ValueError:
                continue
    if parsed is None:
        raise DomainError("stocktake.bad_time", sheet=sheet, row=row, value=text[:50])
    if parsed.tzinfo is None:  # a handheld's clock shows the company's local time
        parsed = parsed.replace(tzinfo=tz)
    return parsed.astimezone(ZoneInfo("UTC"))


def row_key(device: str, at: datetime | None, code: str, row: int) -> str:
    """The identity of a handheld row across re-exports of the same device's data."""
    stamp = at.isoformat() if at is not None else ""
    text = "\x1f".join((device, stamp, code, str(row)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_results(source: Path, tz: ZoneInfo, lang: str, watch: Watch | None = None) -> HandheldFile:
    """Check, hash and read a results file; raises ``FileRefused`` / ``DomainError`` with the place.

    The watch's cancel is checked before the file is parsed and once per row after.
    """
    from erpdesk.xlsx.reader import read_table

    if source.suffix.lower() not in (".xlsx", ".csv", ".txt", ".xlsm"):
        raise DomainError("stocktake.file_type", name=source.name)
    if watch is not None:
        watch.check()
    result = read_table(source, SPEC)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    if result.problems:
        first = result.problems[0]
        raise DomainError(
            "stocktake.bad_cell",
            sheet=first.sheet,
            row=first.row,
            column=first.column,
            value=first.field or "",
            problem=render(first.msg_id, lang, **first.params),
        )
    has_quantity = "quantity" in result.columns
    rows: list[HandheldRow] = []
    blank = 0
    for read in result.rows:
        if watch is not None:
            watch.check()
        values = read.values
        raw_code = values.get("code")
        raw_qty = values.get("quantity")
        if raw_code is None and raw_qty is None:
            continue
        if raw_code is None:
            raise DomainError("stocktake.row_code_missing", sheet=result.sheet, row=read.number)
        if has_quantity and raw_qty is None:
            blank += 1
            continue
        try:
            quantity = parse_quantity(str(raw_qty)) if has_quantity else Decimal(1)
        except DomainError:
            raise DomainError(
                "stocktake.row_bad_quantity", sheet=result.sheet, row=read.number, quantity=raw_qty
            ) from None
        code = normalise_scan_code(str(raw_code))
        device = str(values.get("device") or "").strip()[:50]
        raw_time = values.get("time")
        at = _time(str(raw_time), result.sheet, read.number, tz) if raw_time else None
        rows.append(
            HandheldRow(
                row=read.number,
                code=code,
                quantity=quantity,
                device=device,
                at=at,
                key=row_key(device, at, code, read.number),
            )
        )
    return HandheldFile(sha256=digest, name=source.name, rows=tuple(rows), skipped_blank=blank)


def count_file(
    conn: Connection,
    head: scans.Head,
    data: HandheldFile,
    entry: Callable[[HandheldRow], scans.Entry],
    watch: Watch | None = None,
) -> HandheldImportResult:
    """Count the rows not counted before (by file hash, then by row key) into the session.

    The watch reports each row checked (counted or skipped) and stops the loop on a cancel by
    raising; the caller's transaction then rolls back whatever was counted.
    """
    watch = watch or Watch(None, None, HandheldImportCancelled)
    watch.start(len(data.rows))
    watch.check()
    seen_file = conn.execute(
        select(StocktakeFile.id).where(
            StocktakeFile.stocktake_id == head.id, StocktakeFile.sha256 == data.sha256
        )
    ).first()
    if seen_file is not None:
        return HandheldImportResult(
            file_sha256=data.sha256,
            rows=len(data.rows),
            counted=0,
            unknown=0,
            already_imported=True,
            skipped=len(data.rows),
        )
    keys = set(
        conn.execute(
            select(StocktakeScan.row_key).where(
                StocktakeScan.stocktake_id == head.id, StocktakeScan.row_key.is_not(None)
            )
        ).scalars()
    )
    targets: dict[str, scans.Target | None] = {}
    counted = unknown = skipped = 0
    for done, row in enumerate(data.rows, start=1):
        watch.check()
        if row.key in keys:
            skipped += 1
        else:
            keys.add(row.key)
            if row.code not in targets:
                targets[row.code] = scans.resolve(conn, head.kind, row.code)
            result = scans.apply(conn, head, entry(row), targets[row.code])
            counted += 1
            unknown += result.target_id is None
        watch.row(done)
    return HandheldImportResult(
        file_sha256=data.sha256,
        rows=len(data.rows),
        counted=counted,
        unknown=unknown,
        already_imported=False,
        skipped=skipped,
    )
