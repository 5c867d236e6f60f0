"""Messages of barcode label sheets (issue 9): layout names and errors."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "labels.layout.a4_3x8_70x36": (
        "A4, 3 × 8 labels, 70 × 36 mm",
        "A4，3 × 8 张标签，70 × 36 毫米",
    ),
    "labels.layout.a4_3x7_63x38": (
        "A4, 3 × 7 labels, 63.5 × 38.1 mm (L7160)",
        "A4，3 × 7 张标签，63.5 × 38.1 毫米（L7160）",
    ),
    "labels.layout.a4_2x7_99x38": (
        "A4, 2 × 7 labels, 99.1 × 38.1 mm (L7163)",
        "A4，2 × 7 张标签，99.1 × 38.1 毫米（L7163）",
    ),
    "labels.layout.a4_4x10_48x25": (
        "A4, 4 × 10 labels, 48.5 × 25.4 mm",
        "A4，4 × 10 张标签，48.5 × 25.4 毫米",
    ),
    "labels.unknown_layout": ("Unknown label layout {layout}.", "未知的标签版式 {layout}。"),
    "labels.bad_start": (
        "The start position must be from 1 to {per_sheet}.",
        "起始位置必须在 1 到 {per_sheet} 之间。",
    ),
    "labels.bad_copies": (
        "Copies must be from 1 to {limit}.",
        "份数必须在 1 到 {limit} 之间。",
    ),
    "labels.nothing_to_print": ("There is nothing to print.", "没有可打印的标签。"),
    "labels.too_many": (
        "{count} labels are too many for one file (at most {limit}).",
        "一个文件最多 {limit} 张标签，当前为 {count} 张。",
    ),
    "labels.code_not_printable": (
        "Code {code} cannot be printed as a Code 128 barcode (only ASCII letters, digits and signs).",
        "编码 {code} 无法打印为 Code 128 条码（只能包含 ASCII 字母、数字和符号）。",
    ),
    "labels.title": ("Barcode labels", "条码标签"),
}
