"""Read an untrusted .xlsx (python-calamine) or .csv (UTF-8 with or without BOM, else GBK) into clean rows.

Order of work: ``safety.check_file`` (size, zip, XML pre-scan), then the shape caps while reading (sheets,
rows, columns, 1,000 consecutive empty rows end a sheet), then the header (first 10 rows, either language,
synonyms, any order), then every mapped cell is cleaned by its column type. Problems are collected with
their coordinates instead of raised, so one pass reports every bad cell. Nothing here knows business
rules: the importer validates the cleaned values with the service's own rules.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from erpdesk.xlsx import safety
from erpdesk.xlsx.columns import (
    ASCII,
    CLEAR_MARK,
    DATE,
    INT,
    MONEY,
    TEXT,
    Column,
    KindSpec,
    header_key,
    header_words,
)

MAX_SHEETS = 20
MAX_ROWS = 200_000
MAX_COLUMNS = 256
MAX_EMPTY_RUN = 1000
HEADER_SCAN_ROWS = 10
MAX_CELL_CHARS = 32_767
SINK_BATCH = 5000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Full-width digits and letters (and the ideographic space) for ordinary text.
_WIDTH_TEXT = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_WIDTH_TEXT.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})
_WIDTH_TEXT.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})
_WIDTH_TEXT[0x3000] = 0x20
# Every full-width ASCII form, for codes, phones, e-mails and numbers.
_WIDTH_ALL = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_ALL[0x3000] = 0x20
_ESCAPED = ("=", "+", "-", "@", "\t", "\r")
_EXCEL_EPOCH = date(1899, 12, 30)
_CENT = Decimal("0.01")
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONEY_NOISE = re.compile(r"[¥,\s]|CNY|RMB|元")


@dataclass(frozen=True, slots=True)
class CellProblem:
    """A bad cell (``column`` 1-based) or, with ``column`` 0, a whole-row problem; ``row`` is 1-based."""

    sheet: str
    row: int
    column: int
    field: str | None
    msg_id: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(slots=True)
class ReadRow:
    """One data row: its sheet row number (1-based) and the cleaned value of each mapped field.

    ``values``: a blank cell is ``None``; ``#清空`` is ``CLEAR_MARK``; fields with a problem are left
    out. Stored as a tuple beside the sheet's shared field names: a dict per row would double the
    memory of a 100,000-row file.
    """

    number: int
    fields: tuple[str, ...]
    cells: tuple[Any, ...]

    @property
    def values(self) -> dict[str, Any]:
        return {f: v for f, v in zip(self.fields, self.cells, strict=True) if v is not Missing}

    def __reduce__(self) -> tuple[type[ReadRow], tuple[int, tuple[str, ...], tuple[Any, ...]]]:
        # Rows cross from the reading child as constructor arguments: a third of the unpickling
        # time of the default slots state, and the shared ``fields`` tuple is sent once per batch.
        return (ReadRow, (self.number, self.fields, self.cells))


class Missing:
    """Marks a cell the reader rejected (a class, so it keeps its identity through pickling)."""


@dataclass(slots=True)
class ReadResult:
    """Everything the reader found in a file."""

    file_kind: str
    sheet: str
    header_row: int  # 1-based
    columns: dict[str, int]  # field -> 1-based column
    headers: dict[str, str]  # field -> header text as found in the file
    unknown: tuple[str, ...]
    rows: list[ReadRow]
    problems: list[CellProblem]
    width: int


Sink = Callable[[list[ReadRow], list[CellProblem]], None]

# ------------------------------------------------------------------------------ cell cleaning


def _number_text(value: float) -> str:
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(Decimal(str(value)))


class _Problem(Exception):
    def __init__(self, msg_id: str, **params: Any) -> None:
        super().__init__(msg_id)
        self.msg_id = msg_id
        self.params = params


def _text(value: Any, table: dict[int, int]) -> str:
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise _Problem("cell.not_finite", value=str(value))
        text = _number_text(value)
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, datetime):
        text = (
            value.date().isoformat()
            if value.time() == datetime.min.time()
            else value.isoformat(" ")
        )
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    if not text.isascii():
        text = text.translate(table)
    # Only spaces are trimmed: a leading tab or CR is data (see the export escape).
    return text.strip(" ")


def _decimal(text: str) -> Decimal:
    cleaned = _MONEY_NOISE.sub("", text)
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise _Problem("cell.not_a_number", value=text[:50]) from None
    if not number.is_finite():
        raise _Problem("cell.not_finite", value=text[:50])
    return number


def _money(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise _Problem("cell.not_a_number", value=str(value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _Problem("cell.not_finite", value=str(value))
        number = Decimal(str(value))
    elif isinstance(value, int):
        number = Decimal(value)
    else:
        number = _decimal(_text(value, _WIDTH_ALL))
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        try:
            exact = number == number.quantize(_CENT)
        except InvalidOperation:
            exact = False
        if not exact:
            raise _Problem("cell.too_precise", value=str(number))
    return number


def _int(value: Any) -> int:
    number = _money(value) if not isinstance(value, str) else _decimal(_text(value, _WIDTH_ALL))
    if number != number.to_integral_value():
        raise _Problem("cell.not_integer", value=str(number))
    return int(number)


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float | int) and not isinstance(value, bool):
        if not (1 <= value < 2958466):
            raise _Problem("cell.not_a_date", value=str(value))
        return _EXCEL_EPOCH + timedelta(days=int(value))
    text = _text(value, _WIDTH_ALL)
    match = _DATE_TEXT.match(text) or _DATE_COMPACT.match(text)
    if match is None:
        raise _Problem("cell.not_a_date", value=text[:50])
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise _Problem("cell.not_a_date", value=text[:50]) from None


def clean_cell(value: Any, column: Column) -> Any:
    """The cleaned value of one non-blank cell for ``column``; raises ``_Problem``."""
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARS:
            raise _Problem("cell.too_long", length=len(value), limit=MAX_CELL_CHARS)
        bad = _CONTROL.search(value)
        if bad is not None:
            raise _Problem("cell.control_char", code=f"U+{ord(bad.group()):04X}")
        if value.strip() == CLEAR_MARK:
            return CLEAR_MARK
    kind = column.kind
    if kind == MONEY:
        return _money(value)
    if kind == INT:
        return _int(value)
    if kind == DATE:
        return _date(value)
    text = _text(value, _WIDTH_ALL if kind == ASCII else _WIDTH_TEXT)
    return text or None


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _blank_row(row: list[Any]) -> bool:
    for value in row:
        if value is None or value == "":
            continue
        if type(value) is not str or value.strip():
            return False
    return True


_FULL_WIDTH = re.compile("[\u3000\uff01-\uff5e]")
_SAFE_INT = 2**53  # floats below this are whole numbers that print exactly


def cell_cleaner(column: Column) -> Callable[[Any], Any]:
    """``clean_cell`` for one column, answering the commonest cells directly.

    A file's cells are mostly printable text and plain Excel numbers; those get the value
    ``clean_cell`` gives without its general path (which took a third of a 100,000-row read).
    Anything else goes through ``clean_cell``; a property test compares both on generated cells.
    """
    kind = column.kind
    if kind in (TEXT, ASCII):
        table = _WIDTH_ALL if kind == ASCII else _WIDTH_TEXT

        def clean_text(value: Any) -> Any:
            # Printable: no control character, and no blank but " " (so a #清空 needs no check:
            # trimmed it is itself).
            if type(value) is str and value.isprintable() and len(value) <= MAX_CELL_CHARS:
                if not value.isascii() and _FULL_WIDTH.search(value) is not None:
                    value = value.translate(table)
                return value.strip(" ") or None
            return clean_cell(value, column)

        return clean_text
    if kind == MONEY:

        def clean_money(value: Any) -> Any:
            if type(value) is float:
                text = repr(value)  # what _money reads (str and repr agree for floats)
                dot = text.find(".")
                if "e" not in text and "n" not in text and (dot < 0 or len(text) - dot <= 3):
                    return Decimal(text)  # at most two decimals: nothing to refuse
            return clean_cell(value, column)

        return clean_money
    if kind == INT:

        def clean_int(value: Any) -> Any:
            if type(value) is float and value.is_integer() and -_SAFE_INT < value < _SAFE_INT:
                return int(value)
            return clean_cell(value, column)

        return clean_int
    return lambda value: clean_cell(value, column)


# ------------------------------------------------------------------------------ raw rows


def _csv_text(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise safety.FileRefused("xlsx.csv_encoding")


def _csv_rows(path: Path) -> Iterator[list[Any]]:
    text = _csv_text(path)
    if "\x00" in text:
        raise safety.FileRefused("xlsx.csv_broken", reason="NUL")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            # Undo our own export escape: a leading apostrophe in front of = + - @ tab CR.
            yield [
                cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in _ESCAPED else cell
                for cell in row
            ]
    except csv.Error as exc:
        raise safety.FileRefused("xlsx.csv_broken", reason=str(exc)[:200]) from None


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet part name, from workbook.xml and its relationships."""
    from defusedxml import ElementTree

    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    result: dict[str, str] = {}
    for sheet in book.iter(f"{ns_main}sheet"):
        target = targets.get(sheet.get(f"{ns_rel}id"), "")
        if target:
            result[sheet.get("name", "")] = safety.part_name(target)
    return result


def _column_number(ref: str) -> tuple[int, int]:
    letters = ref.rstrip("0123456789")
    col = 0
    for ch in letters:
        col = col * 26 + (ord(ch.upper()) - 64)
    return int(ref[len(letters) :] or 0), col


def formula_cells(path: Path, part: str) -> dict[tuple[int, int], tuple[str, dict[str, Any]]]:
    """(row, column) -> problem for formula cells without a cached value and cells holding an error."""
    from defusedxml import ElementTree

    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    found: dict[tuple[int, int], tuple[str, dict[str, Any]]] = {}
    with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
        for _event, elem in ElementTree.iterparse(stream, events=("end",)):
            if elem.tag != f"{ns}c":
                if elem.tag == f"{ns}row":
                    elem.clear()
                continue
            ref = elem.get("r", "")
            formula = elem.find(f"{ns}f")
            cached = elem.find(f"{ns}v")
            if elem.get("t") == "e":
                found[_column_number(ref)] = (
                    "cell.error_value",
                    {"value": (cached.text or "") if cached is not None else ""},
                )
            elif formula is not None and (cached is None or not (cached.text or "")):
                found[_column_number(ref)] = ("cell.formula_no_value", {})
    return found


def _xlsx_sheets(path: Path) -> Iterator[tuple[str, Iterator[list[Any]], str | None]]:
    from python_calamine import CalamineError, CalamineWorkbook

    with zipfile.ZipFile(path) as archive:
        parts = _sheet_parts(archive)
    try:
        book = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise safety.FileRefused("xlsx.not_a_workbook", reason=str(exc)[:200]) from None
    with book:
        names = book.sheet_names
        if len(names) > MAX_SHEETS:
            raise safety.FileRefused("xlsx.too_many_sheets", count=len(names), limit=MAX_SHEETS)
        for name in names:
            try:
                sheet = book.get_sheet_by_name(name)
            except (CalamineError, ValueError) as exc:
                raise safety.FileRefused("xlsx.not_a_workbook", reason=str(exc)[:200]) from None
            start = sheet.start
            offset_cols = start[1] if start else 0
            if sheet.width + offset_cols > MAX_COLUMNS:
                raise safety.FileRefused("xlsx.too_many_columns", sheet=name, limit=MAX_COLUMNS)
            rows = sheet.iter_rows()
            yield name, _offset(rows, offset_cols), parts.get(name)


def _offset(rows: Iterator[list[Any]], skip_cols: int) -> Iterator[list[Any]]:
    """calamine's rows start at row 1 but at the first used column; put the columns back."""
    pad = [""] * skip_cols
    for row in rows:
        yield pad + row if skip_cols else row


# ------------------------------------------------------------------------------ header


def _match_header(
    row: list[Any], words: dict[str, str]
) -> tuple[dict[str, int], dict[str, str], list[str], list[tuple[str, int, int]]]:
    columns: dict[str, int] = {}
    texts: dict[str, str] = {}
    unknown: list[str] = []
    duplicates: list[tuple[str, int, int]] = []
    for index, cell in enumerate(row[:MAX_COLUMNS], start=1):
        if not isinstance(cell, str) or not cell.strip():
            continue
        key = header_key(cell)
        field_name = words.get(key)
        if field_name is None:
            unknown.append(cell.strip())
        elif field_name in columns:
            duplicates.append((cell.strip(), columns[field_name], index))
        else:
            columns[field_name] = index
            texts[field_name] = cell.strip()
    return columns, texts, unknown, duplicates


def _words(spec: KindSpec) -> dict[str, str]:
    words: dict[str, str] = {}
    for column in spec.columns:
        for word in header_words(spec.kind, column):
            words.setdefault(word, column.field)
    return words


# ------------------------------------------------------------------------------ reading


def _read_sheet(
    sheet: str,
    rows: Iterator[list[Any]],
    spec: KindSpec,
    words: dict[str, str],
    file_kind: str,
    formula_problems: dict[tuple[int, int], tuple[str, dict[str, Any]]] | None,
    sink: Sink | None = None,
    on_header: Callable[[ReadResult], None] | None = None,
) -> ReadResult | None:
    header: tuple[dict[str, int], dict[str, str], list[str], list[tuple[str, int, int]]] | None = (
        None
    )
    header_row = 0
    minimum = min(2, len(spec.columns))
    for number, row in enumerate(rows, start=1):
        candidate = _match_header(row, words)
        if len(candidate[0]) >= minimum:
            header, header_row = candidate, number
            break
        if number >= HEADER_SCAN_ROWS:
            return None
    if header is None:
        return None
    columns, texts, unknown, duplicates = header
    if duplicates:
        text, first, second = duplicates[0]
        raise safety.FileRefused(
            "xlsx.duplicate_column", sheet=sheet, column=text, first=first, second=second
        )
    missing = [c.field for c in spec.columns if c.required and c.field not in columns]
    if missing:
        from erpdesk.xlsx.columns import header_text

        raise safety.FileRefused(
            "xlsx.missing_columns",
            sheet=sheet,
            columns=", ".join(
                f"{header_text(spec.kind, f, 'zh_CN')} / {header_text(spec.kind, f, 'en')}"
                for f in missing
            ),
        )
    mapped = [(spec.column(f), index - 1) for f, index in columns.items()]
    fields = tuple(column.field for column, _index in mapped)
    cleaners = [(cell_cleaner(column), index) for column, index in mapped]
    if on_header is not None:
        on_header(_result(file_kind, sheet, header_row, columns, texts, unknown, [], [], 0))
    result: list[ReadRow] = []
    count = 0
    problems: list[CellProblem] = []
    empty_run = 0
    width = 0
    for number, row in enumerate(rows, start=header_row + 1):
        if len(row) > MAX_COLUMNS:
            if any(not is_blank(v) for v in row[MAX_COLUMNS:]):
                raise safety.FileRefused("xlsx.too_many_columns", sheet=sheet, limit=MAX_COLUMNS)
            row = row[:MAX_COLUMNS]
        formula_here = formula_problems is not None and any(
            (number, col) in formula_problems for col in range(1, len(row) + 1)
        )
        if not formula_here and _blank_row(row):
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                break
            continue
        empty_run = 0
        if count >= MAX_ROWS:
            raise safety.FileRefused("xlsx.too_many_rows", sheet=sheet, limit=MAX_ROWS)
        width = max(width, len(row))
        length = len(row)
        if not formula_here:
            try:
                cells = tuple(
                    None
                    if (value := row[index] if index < length else None) is None or value == ""
                    else clean(value)
                    for clean, index in cleaners
                )
            except _Problem:
                pass  # the row again, cell by cell, to record each problem
            else:
                result.append(ReadRow(number, fields, cells))
                count += 1
                if sink is not None and len(result) >= SINK_BATCH:
                    sink(result, problems)
                    result, problems = [], []
                continue
        values: list[Any] = []
        for column, index in mapped:
            if formula_here:
                assert formula_problems is not None
                bad = formula_problems.get((number, index + 1))
                if bad is not None:
                    problems.append(
                        CellProblem(sheet, number, index + 1, column.field, bad[0], bad[1])
                    )
                    values.append(Missing)
                    continue
            value = row[index] if index < length else None
            if value is None or value == "":
                values.append(None)
                continue
            try:
                values.append(clean_cell(value, column))
            except _Problem as problem:
                values.append(Missing)
                problems.append(
                    CellProblem(
                        sheet, number, index + 1, column.field, problem.msg_id, problem.params
                    )
                )
        result.append(ReadRow(number, fields, tuple(values)))
        count += 1
        if sink is not None and len(result) >= SINK_BATCH:
            sink(result, problems)
            result, problems = [], []
    width = max(width, max(columns.values(), default=0))
    return _result(file_kind, sheet, header_row, columns, texts, unknown, result, problems, width)


def _result(
    file_kind: str,
    sheet: str,
    header_row: int,
    columns: dict[str, int],
    texts: dict[str, str],
    unknown: list[str],
    rows: list[ReadRow],
    problems: list[CellProblem],
    width: int,
) -> ReadResult:
    return ReadResult(
        file_kind=file_kind,
        sheet=sheet,
        header_row=header_row,
        columns=columns,
        headers=texts,
        unknown=tuple(unknown),
        rows=rows,
        problems=problems,
        width=width,
    )


def read_table(
    path: Path,
    spec: KindSpec,
    sink: Sink | None = None,
    on_header: Callable[[ReadResult], None] | None = None,
) -> ReadResult:
    """Check and read ``path`` for ``spec``; raises ``FileRefused`` for unusable files.

    With ``sink``, rows are handed over in batches as they are read, each with the problems found in
    its rows (the result keeps only the last partial batch), so a child process can stream them to
    its parent in bounded memory and the parent can check them while the rest is read. ``on_header``
    gets the sheet's header (a result without rows) before the first batch.
    """
    kind, scan = safety.check_file(path)
    words = _words(spec)
    sheets: Iterable[tuple[str, Iterator[list[Any]], str | None]]
    if kind == "csv":
        sheets = [(path.stem[:31] or "CSV", _csv_rows(path), None)]
    else:
        sheets = _xlsx_sheets(path)
    for name, rows, part in sheets:
        formula_problems = None
        if scan is not None and part is not None and part in scan.formula_parts:
            formula_problems = formula_cells(path, part)
        result = _read_sheet(name, rows, spec, words, kind, formula_problems, sink, on_header)
        if result is not None:
            return result
    from erpdesk.xlsx.columns import header_text

    required = [c.field for c in spec.columns if c.required]
    raise safety.FileRefused(
        "xlsx.no_header",
        rows=HEADER_SCAN_ROWS,
        required=", ".join(
            f"{header_text(spec.kind, f, 'zh_CN')} / {header_text(spec.kind, f, 'en')}"
            for f in required
        ),
    )


def raw_rows(path: Path, sheet: str) -> Iterator[list[Any]]:
    """Every row of one sheet as read (for the error workbook); only for files ``read_table`` accepted."""
    if safety.file_kind(path) == "csv":
        yield from _csv_rows(path)
        return
    for name, rows, _part in _xlsx_sheets(path):
        if name == sheet:
            empty_run = 0
            for row in rows:
                empty_run = empty_run + 1 if all(is_blank(v) for v in row) else 0
                if empty_run >= MAX_EMPTY_RUN:
                    return
                yield row[:MAX_COLUMNS]
            return


__all__ = [
    "CellProblem",
    "ReadResult",
    "ReadRow",
    "clean_cell",
    "formula_cells",
    "raw_rows",
    "read_table",
]
