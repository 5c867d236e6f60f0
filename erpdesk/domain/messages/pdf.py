"""Messages shared by every PDF document: page footer and common labels."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "pdf.page_x_of_n": ("Page {page} of {pages}", "第 {page} 页 / 共 {pages} 页"),
    "pdf.printed_at": ("Printed {day}", "打印日期 {day}"),
}
