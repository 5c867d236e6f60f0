"""Hostile and broken spreadsheets are refused with a clear message in bounded memory (RELIABILITY X1–X5)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl.xml
import pytest
from excel_files import (
    HEADER_ROW,
    data_row,
    lie_about_size,
    probe,
    sheet_xml,
    write_workbook,
    zip_bomb,
)

from erpdesk.domain.messages import render
from erpdesk.xlsx import safety
from erpdesk.xlsx.columns import CUSTOMERS
from erpdesk.xlsx.reader import read_table
from erpdesk.xlsx.sandbox import read_isolated


def _refused(path: Path) -> str:
    with pytest.raises(safety.FileRefused) as info:
        read_table(path, CUSTOMERS)
    return info.value.msg_id


def test_defusedxml_is_active() -> None:
    assert openpyxl.xml.DEFUSEDXML is True
    safety.assert_defused()


def test_a_valid_minimal_workbook_reads(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "ok.xlsx", sheet_xml(HEADER_ROW + data_row(2, "KH1", "甲")))
    result = read_table(path, CUSTOMERS)
    assert [r.values for r in result.rows] == [{"code": "KH1", "name": "甲"}]


def test_x1_a_200_mb_file_is_refused_before_unzipping(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as handle:  # sparse: no disk, no time
        handle.truncate(200 * 1024 * 1024)
    outcome = probe(path)
    assert outcome["status"] == "refused"
    assert outcome["msg_id"] == "xlsx.too_big"
    assert float(outcome["peak_growth_mib"]) <= 16  # type: ignore[arg-type]
    assert "20 MB" in render("xlsx.too_big", "en", size_mb="200.0", limit_mb=20)


def test_x2_a_1_mb_file_inflating_to_1_gib_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    path = zip_bomb(tmp_path / "bomb.xlsx", 1 << 30)
    assert path.stat().st_size < 2 * 1024 * 1024
    outcome = probe(path)
    assert outcome["status"] == "refused"
    assert outcome["msg_id"] in {"xlsx.ratio_too_high", "xlsx.inflates_too_much"}
    assert float(outcome["peak_growth_mib"]) <= 64  # type: ignore[arg-type]

    # Declared sizes lie (small): zipfile stops at the declared size and the CRC no longer matches.
    liar = tmp_path / "liar.xlsx"
    shutil.copyfile(path, liar)
    lie_about_size(liar, "xl/worksheets/sheet1.xml", 5000)
    outcome = probe(liar)
    assert outcome["status"] == "refused"
    assert float(outcome["peak_growth_mib"]) <= 64  # type: ignore[arg-type]


def test_x2_per_entry_and_total_caps_count_streamed_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = zip_bomb(tmp_path / "bomb.xlsx", 8 << 20)
    monkeypatch.setattr(safety, "MAX_RATIO", 10**9)
    monkeypatch.setattr(safety, "MAX_ENTRY_BYTES", 4 << 20)
    assert _refused(path) == "xlsx.inflates_too_much"
    monkeypatch.setattr(safety, "MAX_ENTRY_BYTES", 100 << 20)
    monkeypatch.setattr(safety, "MAX_TOTAL_BYTES", 6 << 20)
    assert _refused(path) == "xlsx.total_too_much"


def test_x3_too_many_entries_is_refused(tmp_path: Path) -> None:
    extra = {f"xl/media/pad{i}.bin": "x" for i in range(1001)}
    path = write_workbook(tmp_path / "many.xlsx", sheet_xml(HEADER_ROW), extra)
    assert _refused(path) == "xlsx.too_many_entries"


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/evil.xml", "C:/evil.xml", "xl/..\\evil.xml"])
def test_x3_unsafe_entry_names_are_refused(tmp_path: Path, name: str) -> None:
    path = write_workbook(tmp_path / "names.xlsx", sheet_xml(HEADER_ROW), {name: "<x/>"})
    assert _refused(path) == "xlsx.bad_entry_name"


def test_x3_encrypted_entries_are_refused(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "enc.xlsx", sheet_xml(HEADER_ROW))
    data = bytearray(path.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:  # set the "encrypted" flag bit in every central directory entry
        data[pos + 8] |= 0x01
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    assert _refused(path) == "xlsx.encrypted"


def test_x4_billion_laughs_in_shared_strings_is_refused(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
            for i in range(1, 10)
        )
        + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<si><t>&lol9;</t></si></sst>"
    )
    path = write_workbook(
        tmp_path / "laughs.xlsx", sheet_xml(HEADER_ROW), {"xl/sharedStrings.xml": laughs}
    )
    outcome = probe(path)
    assert outcome == {**outcome, "status": "refused", "msg_id": "xlsx.doctype"}
    assert float(outcome["peak_growth_mib"]) <= 64  # type: ignore[arg-type]


def test_x4_external_entity_in_workbook_xml_is_refused(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "xxe.xlsx", sheet_xml(HEADER_ROW))
    rebuilt = tmp_path / "xxe2.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rebuilt, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/workbook.xml":
                data = data.replace(
                    b"<workbook",
                    b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook',
                    1,
                )
            dst.writestr(info, data)
    assert _refused(rebuilt) == "xlsx.doctype"


def test_x4_utf16_parts_cannot_hide_a_doctype(tmp_path: Path) -> None:
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x []><sst/>'.encode("utf-16")
    path = tmp_path / "utf16.xlsx"
    write_workbook(path, sheet_xml(HEADER_ROW))
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", utf16)
    assert _refused(path) == "xlsx.bad_encoding"


def test_x5_declared_huge_dimension_and_a_million_formatted_empty_rows(tmp_path: Path) -> None:
    empty_rows = "".join(f'<row r="{n}" s="1" customFormat="1"/>' for n in range(3, 1_048_577))
    body = HEADER_ROW + data_row(2, "KH1", "甲") + empty_rows
    path = write_workbook(tmp_path / "wide.xlsx", sheet_xml(body, dimension="A1:XFD1048576"))
    outcome = probe(path)
    assert outcome["status"] == "ok"
    assert outcome["rows"] == 1
    assert float(outcome["peak_growth_mib"]) <= 300  # type: ignore[arg-type]


def test_x5_a_cell_far_right_is_refused_not_allocated(tmp_path: Path) -> None:
    far = '<row r="3"><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row>'
    path = write_workbook(
        tmp_path / "far.xlsx", sheet_xml(HEADER_ROW + data_row(2, "K", "甲") + far)
    )
    assert _refused(path) == "xlsx.too_many_columns"


def test_not_a_zip_and_legacy_xls_are_refused(tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"this is not a workbook")
    assert _refused(fake) == "xlsx.not_a_workbook"
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert _refused(old) == "xlsx.bad_type"


def test_the_child_reader_reports_refusals_and_memory_exhaustion(tmp_path: Path) -> None:
    ok = write_workbook(tmp_path / "ok.xlsx", sheet_xml(HEADER_ROW + data_row(2, "KH1", "甲")))
    assert len(read_isolated(ok, "customers").rows) == 1
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(safety.FileRefused) as info:
        read_isolated(fake, "customers")
    assert info.value.msg_id == "xlsx.not_a_workbook"
    # A tiny memory cap makes the child fail: the file is refused, the caller lives on.
    with pytest.raises(safety.FileRefused) as info:
        read_isolated(ok, "customers", memory=8 * 1024 * 1024)
    assert info.value.msg_id == "xlsx.reader_crashed"
