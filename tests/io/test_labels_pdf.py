"""Barcode label sheets read back like a user would: every Code 128 symbol decoded by zxing-cpp from the
page rendered by PDFium sits inside its label, for customers with Chinese names and for products, on
two label stocks; a partly used first sheet is honoured; long names never leave their label."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from order_support import make_customer, make_product, services_for
from pdf_support import decode_barcodes, pdf_pages, pdf_text, render_page_png

from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.pdf.fonts import pdf_fonts
from erpdesk.pdf.labels import LAYOUTS, LINE_GAP, fit_name
from erpdesk.services.customer_dto import CustomerFilter

SCALE = 4.0
CHINESE_NAMES = [
    "上海华鑫贸易有限公司",
    "北京市朝阳区东三环中路建国门外大街国际贸易中心写字楼三期有限责任公司",
    "深圳前海微众（香港）科技股份有限公司",
    "杭州西湖龙井茶叶专业合作社",
    "广州白云区 ABC 电子商行",
]


def _label_codes(path: Path, page: int, layout_key: str) -> dict[int, list[str]]:
    """Position → the Code 128 texts decoded from that label's area of the rendered page.

    Each label is cropped and decoded on its own: that proves where a symbol is printed, and a
    decoder scanning the whole page may report only one of two identical symbols on one row.
    """
    image = render_page_png(path, page, scale=SCALE)
    found: dict[int, list[str]] = {}
    for position in range(LAYOUTS[layout_key].per_sheet):
        left, bottom, right, top = _box(layout_key, position)
        crop = image.crop(
            (
                int(left * SCALE),
                int((A4[1] - top) * SCALE),
                int(right * SCALE),
                int((A4[1] - bottom) * SCALE),
            )
        )
        texts = decode_barcodes(crop)
        if texts:
            found[position] = texts
    return found


def _box(layout_key: str, position: int) -> tuple[float, float, float, float]:
    sheet = LAYOUTS[layout_key]
    x, y = sheet.origin(position)
    return x, y, x + sheet.width * mm, y + sheet.height * mm


@pytest.fixture
def clerk(sqlite_db, clock):  # type: ignore[no-untyped-def]
    return services_for(sqlite_db, clock, Role.CLERK, name="wang.li")


@pytest.mark.parametrize("layout_key", ["a4-3x7-63x38", "a4-4x10-48x25"])
def test_customer_card_labels_decode_to_their_codes_inside_their_labels(
    clerk, tmp_path: Path, layout_key: str
) -> None:
    ids = [make_customer(clerk, name) for name in CHINESE_NAMES]
    codes = [clerk.customers.get(i).code for i in ids]
    target = tmp_path / "customers.pdf"

    result = clerk.labels.customer_labels(ids, layout=layout_key, target=target, start=3)

    assert result.labels == len(ids)
    assert result.pages == 1
    assert result.positions == tuple((0, 3 + n) for n in range(len(ids)))
    assert _label_codes(target, 0, layout_key) == {
        3 + n: [code] for n, code in enumerate(codes)
    }  # positions 0-2 (used up) stay empty
    text = "".join(pdf_text(target).split())  # names may wrap onto a second line
    for name in CHINESE_NAMES:
        assert "".join(name.split()) in text


def test_product_labels_with_copies_run_onto_a_second_sheet(clerk, tmp_path: Path) -> None:
    products = [
        make_product(clerk, "A4 复印纸 70g", stock="0"),
        make_product(clerk, "得力 0.5mm 黑色中性笔（12支/盒）", stock="0"),
        make_product(clerk, "Staples 订书钉 24/6", stock="0"),
    ]
    target = tmp_path / "products.pdf"
    layout_key = "a4-2x7-99x38"  # 14 a sheet

    result = clerk.labels.product_labels(
        [p.id for p in products], layout_key, target=target, copies=4, start=10
    )

    assert result.labels == 12
    assert result.pages == 2
    assert pdf_pages(target) == 2
    # positions 10..13 fill the first sheet, the other 8 start at the top of the second
    assert result.positions[:4] == ((0, 10), (0, 11), (0, 12), (0, 13))
    assert result.positions[4:] == tuple((1, n) for n in range(8))
    first, second = products[0].code, products[1].code
    third = products[2].code
    assert _label_codes(target, 0, layout_key) == {n: [first] for n in range(10, 14)}
    assert _label_codes(target, 1, layout_key) == {
        **{n: [second] for n in range(4)},
        **{n: [third] for n in range(4, 8)},
    }
    assert "中性笔" in "".join(pdf_text(target).split())


def test_customer_labels_for_a_filter_print_every_listed_customer(clerk, tmp_path: Path) -> None:
    ids = [make_customer(clerk, name) for name in CHINESE_NAMES[:3]]
    target = tmp_path / "all.pdf"

    result = clerk.labels.customer_labels(
        filter=CustomerFilter(), layout="a4-3x8-70x36", target=target
    )

    codes = {clerk.customers.get(i).code for i in ids}
    assert result.labels == 3
    assert {t for texts in _label_codes(target, 0, "a4-3x8-70x36").values() for t in texts} == codes


def test_a_long_name_shrinks_then_wraps_and_never_leaves_its_label() -> None:
    font = pdf_fonts().regular

    width, height = 40 * mm, 8 * mm
    short_size, short_lines = fit_name("上海华鑫", width, height, font)
    assert short_lines == ["上海华鑫"]
    assert short_size == 10.0
    size, lines = fit_name(CHINESE_NAMES[1] * 3, width, height, font)
    assert size == 6.0  # the smallest size, and still cut
    assert len(lines) > 1
    assert len(lines) * size * LINE_GAP <= height
    assert lines[-1].endswith("…")
    assert all(stringWidth(line, font, size) <= width for line in lines)


def test_bad_requests_are_refused_with_a_reason(clerk, tmp_path: Path) -> None:
    product = make_product(clerk, "复印纸", stock="0")
    with pytest.raises(DomainError) as bad_start:
        clerk.labels.product_labels(
            [product.id], "a4-3x7-63x38", target=tmp_path / "x.pdf", start=21
        )
    assert bad_start.value.msg_id == "labels.bad_start"
    with pytest.raises(DomainError) as unknown:
        clerk.labels.product_labels([product.id], "letter-5x2", target=tmp_path / "x.pdf")
    assert unknown.value.msg_id == "labels.unknown_layout"
    with pytest.raises(DomainError) as nothing:
        clerk.labels.product_labels([], target=tmp_path / "x.pdf")
    assert nothing.value.msg_id == "labels.nothing_to_print"
    assert not (tmp_path / "x.pdf").exists()
