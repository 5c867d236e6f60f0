"""Builders of real test files: hostile zips, messy customer lists, and a peak-memory probe."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>客户编码</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>客户名称</t></is></c></row>'
)


def data_row(number: int, code: str, name: str) -> str:
    return (
        f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>{code}</t></is></c>'
        f'<c r="B{number}" t="inlineStr"><is><t>{name}</t></is></c></row>'
    )


def sheet_xml(body: str, *, dimension: str = "A1:B2") -> str:
    return f'{SHEET_HEAD}<dimension ref="{dimension}"/><sheetData>{body}</sheetData></worksheet>'


def write_workbook(path: Path, sheet: str, extra: dict[str, str] | None = None) -> Path:
    """A minimal valid .xlsx with one worksheet part (``sheet`` is its XML)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, text in (extra or {}).items():
            archive.writestr(name, text)
    return path


def zip_bomb(path: Path, inflated: int) -> Path:
    """A valid workbook whose sheet part inflates to ``inflated`` bytes (spaces inside sheetData)."""
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            part.write((SHEET_HEAD + "<sheetData>").encode())
            for _ in range(inflated // len(chunk)):
                part.write(chunk)
            part.write(b"</sheetData></worksheet>")
    return path


def lie_about_size(path: Path, member: str, declared: int) -> None:
    """Rewrite the declared uncompressed size of ``member`` in both zip headers."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    pos = 0
    while True:
        pos = data.find(b"PK\x03\x04", pos)
        if pos < 0:
            break
        n_len = struct.unpack("<H", data[pos + 26 : pos + 28])[0]
        if data[pos + 30 : pos + 30 + n_len] == name:
            data[pos + 22 : pos + 26] = struct.pack("<I", declared)
        pos += 4
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        n_len = struct.unpack("<H", data[pos + 28 : pos + 30])[0]
        if data[pos + 46 : pos + 46 + n_len] == name:
            data[pos + 24 : pos + 28] = struct.pack("<I", declared)
        pos += 4
    path.write_bytes(bytes(data))


PROBE = """
import json, resource, sys
from pathlib import Path
from erpdesk.xlsx import reader, safety
from erpdesk.xlsx.columns import CUSTOMERS
import python_calamine, openpyxl  # loaded before the baseline
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
outcome = {"status": "ok"}
try:
    result = reader.read_table(Path(sys.argv[1]), CUSTOMERS)
    outcome["rows"] = len(result.rows)
except safety.FileRefused as exc:
    outcome = {"status": "refused", "msg_id": exc.msg_id}
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
outcome["peak_growth_mib"] = (after - before) / 1024
print(json.dumps(outcome))
"""


def probe(path: Path) -> dict[str, object]:
    """Read ``path`` in a fresh interpreter; report the outcome and how much its peak RSS grew."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ------------------------------------------------------------------------------ customer lists

MESSY_HEADER = ["联系人", "手机", "客户名称", "邮箱", "客户编码", "信用额度", "备注", "微信号"]


def messy_customers(path: Path, *, fixed: bool = False) -> Path:
    """The customer list of an office moving to ERPDesk, with the usual problems (see the tests)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "客户"
    ws["B1"] = "2024 年客户资料表"  # a title row above the header, not in column A
    # row 2 blank
    for col, text in enumerate(MESSY_HEADER, start=2):  # the table starts in column B
        ws.cell(row=3, column=col, value=text)
    rows = [
        # 4: a phone number stored as a number
        [
            "张三",
            13812345678,
            "上海明达贸易有限公司",
            "zs@example.com",
            "KH001",
            50000,
            "老客户",
            "zs_wx",
        ],
        None,  # 5: blank row
        # 6: full-width digits and letters, an amount with one decimal
        [
            "李四",
            "１３９１２３４５６７８",
            "北京华信科技有限公司",
            "ls@example.com",
            "ＫＨ００２",
            12000.5,
            "",
            "",
        ],
        # 7: an invalid e-mail
        [
            "王五",
            13712345678,
            "广州南方物流有限公司",
            "ls@example.com" if fixed else "wangwu@",
            "KH003",
            None,
            "",
            "",
        ],
        # 8: a code used in row 4 already
        [
            "赵六",
            "136 1234 5678",
            "深圳前海电子有限公司",
            "zl@example.com",
            "KH004" if fixed else "KH001",
            "",
            "",
            "",
        ],
        # 9: a formula without a cached value (openpyxl never stores one)
        [
            "钱七",
            15012345678 if fixed else "=1+1",
            "杭州西湖茶业有限公司",
            "",
            "KH005",
            3000,
            "",
            "",
        ],
        # 10: no code: the code rule gives one
        [
            "孙八",
            18612345678,
            "成都天府餐饮管理有限公司",
            " sb@example.com ",
            None,
            "2,500.00",
            "",
            "",
        ],
    ]
    for offset, values in enumerate(rows):
        if values is None:
            continue
        for col, value in enumerate(values, start=2):
            ws.cell(row=4 + offset, column=col, value=value)
    book.save(path)
    return path


MESSY_ERRORS = {
    (7, "E", "customer.email_invalid"),
    (8, "F", "cell.duplicate_in_file"),
    (9, "C", "cell.formula_no_value"),
}


def customer_rows(count: int) -> list[list[object]]:
    return [
        [
            f"KH{i:06d}",
            f"测试客户{i}号贸易有限公司",
            f"联系人{i % 1000}",
            f"138{i:08d}",
            f"c{i}@example.com",
            f"上海市浦东新区测试路{i}号",
            (i % 997) * 100 + 0.5,
            30,
        ]
        for i in range(count)
    ]


CUSTOMER_HEADER = ["客户编码", "客户名称", "联系人", "手机", "邮箱", "地址", "信用额度", "账期天数"]


def customer_book(path: Path, count: int) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("客户")
    ws.write_row(0, 0, CUSTOMER_HEADER)
    for index, row in enumerate(customer_rows(count), start=1):
        ws.write_row(index, 0, row)
    book.close()
    return path
