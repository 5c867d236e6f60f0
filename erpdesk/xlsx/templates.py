"""Import templates: a data sheet with localized headers (required ones red), typed columns and drop-downs
fed from a hidden list sheet, plus a 填表说明 sheet with meanings, allowed values and example rows.

Written with XlsxWriter (small files; it supports list validation against another sheet, hidden sheets
and per-cell formats). Strings always go through ``write_string``: nothing from the database can become
a formula. The data sheet comes first so the importer finds its header before the instructions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from erpdesk.domain.messages import catalogue, render
from erpdesk.xlsx.columns import CLEAR_MARK, DATE, INT, MONEY, KindSpec, header_text

_DATA_ROWS = 5000  # rows covered by formats and drop-downs


def _col(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def write_template(
    path: Path,
    spec: KindSpec,
    lang: str,
    choices: Mapping[str, Sequence[str]],
) -> None:
    """Write the template of ``spec`` in ``lang``; ``choices`` maps a column's choices key to values."""
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_numbers": False}
    )
    try:
        data_name = render(f"kind.{spec.kind}", lang)[:31]
        data = book.add_worksheet(data_name)
        info = book.add_worksheet(render("book.instructions", lang)[:31])
        lists = book.add_worksheet(render("book.lists", lang)[:31])
        lists.hide()

        header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        required = book.add_format(
            {"bold": True, "font_color": "#C00000", "bg_color": "#DDEBF7", "border": 1}
        )
        text = book.add_format({"num_format": "@"})
        money = book.add_format({"num_format": "¥#,##0.00"})
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        whole = book.add_format({"num_format": "0"})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        bold = book.add_format({"bold": True})

        list_col = 0
        for index, column in enumerate(spec.columns):
            title = header_text(spec.kind, column.field, lang)
            if column.required:
                title = "*" + title
            data.write_string(0, index, title, required if column.required else header)
            cell_format = {MONEY: money, DATE: day, INT: whole}.get(column.kind, text)
            width = max(12, min(40, len(title) * 2 + 4))
            data.set_column(index, index, width, cell_format)
            values = list(choices.get(column.choices_key or "", ()))
            if values:
                lists.write_string(0, list_col, title)
                for row, value in enumerate(values, start=1):
                    lists.write_string(row, list_col, value)
                letter = _col(list_col)
                source = f"='{lists.name}'!${letter}$2:${letter}${len(values) + 1}"
                data.data_validation(
                    1, index, _DATA_ROWS, index, {"validate": "list", "source": source}
                )
                list_col += 1
        data.freeze_panes(1, 0)
        data.autofilter(0, 0, 0, len(spec.columns) - 1)

        info.set_column(0, 0, 22)
        info.set_column(1, 1, 10)
        info.set_column(2, 2, 80, wrap)
        info.set_row(0, 75)
        intro = render("book.intro", lang, sheet=data_name, clear=CLEAR_MARK)
        info.merge_range(0, 0, 0, 2, "", wrap)
        info.write_string(0, 0, intro, wrap)
        row = 2
        for index, label in enumerate(("book.col_column", "book.col_required", "book.col_meaning")):
            info.write_string(row, index, render(label, lang), bold)
        for column in spec.columns:
            row += 1
            meaning = render(f"book.type.{column.kind}", lang)
            values = list(choices.get(column.choices_key or "", ()))
            if values:
                meaning += "; " + render("book.allowed", lang, values=" / ".join(values[:30]))
            if column.field == "code" and spec.kind == "customers":
                meaning += "; " + render("book.code_note", lang)
            note = f"book.note.{spec.kind}.{column.field}"  # a column's own explanation, if any
            if note in catalogue():
                meaning += "; " + render(note, lang)
            info.write_string(row, 0, header_text(spec.kind, column.field, lang))
            info.write_string(row, 1, render("book.yes" if column.required else "book.no", lang))
            info.write_string(row, 2, meaning)
        row += 2
        info.write_string(row, 0, render("book.examples", lang), bold)
        row += 1
        for index, column in enumerate(spec.columns):
            info.write_string(row, index, header_text(spec.kind, column.field, lang), bold)
            example = column.example
            if column.choices_key and not example:
                example = next(iter(choices.get(column.choices_key, ())), "")
            if example:
                info.write_string(row + 1, index, example)
        data.activate()
    finally:
        book.close()
