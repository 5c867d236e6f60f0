"""The PDF foundation read back: embedded CJK font, literal user text, Code 128 decoded, page X of N."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table

from erpdesk.pdf import fonts as fonts_module
from erpdesk.pdf.barcodes import Code128Flowable, code128_modules, draw_code128
from erpdesk.pdf.document import PageGroup, a4_document, build
from erpdesk.pdf.fonts import pdf_fonts
from erpdesk.pdf.styles import styles
from erpdesk.pdf.text import escape, paragraph
from tests.io.pdf_support import decode_barcodes, pdf_page_texts, pdf_text, render_page_png

HOSTILE = 'ACME <img src="http://10.0.0.1/x.png"/> & Sons <b>bold</b> &amp;'


def _pdf(story: list, *, lang: str = "en", footer_left: str = "") -> tuple[bytes, int]:
    buffer = io.BytesIO()
    doc = a4_document(buffer, title="t", author="a")
    pages = build(doc, story, lang=lang, footer_left=footer_left)
    return buffer.getvalue(), pages


def test_cjk_font_is_embedded_and_chinese_text_reads_back() -> None:
    fonts = pdf_fonts()
    assert fonts.embedded, f"no CJK TrueType font found, fell back to {fonts.source}"
    data, _ = _pdf(
        [paragraph("客户对账单 广州市天河区 ¥1,234.50", styles("zh_CN").body)], lang="zh_CN"
    )
    text = pdf_text(data)
    assert "客户对账单" in text
    assert "广州市天河区" in text
    assert "第 1 页 / 共 1 页" in text


def test_env_font_comes_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    font = tmp_path / "company.ttf"
    font.write_bytes(b"not really a font")
    monkeypatch.setenv("ERPDESK_PDF_FONT", str(font))
    assert next(fonts_module._candidates()) == (font, None)


def test_user_markup_prints_literally() -> None:
    assert escape("a<b>&c\nd") == "a&lt;b&gt;&amp;c<br/>d"
    data, _ = _pdf([paragraph(HOSTILE, styles("en").body)])
    text = pdf_text(data)
    assert HOSTILE in text


def test_code128_flowable_and_canvas_drawing_decode() -> None:
    class Drawn(Spacer):
        def draw(self) -> None:
            draw_code128(self.canv, "DRAW-42", 0, 0, height=30)

    story = [
        Table([[Code128Flowable("C00012", height=30), ""]]),
        Spacer(1, 40),
        Drawn(200, 50),
    ]
    data, _ = _pdf(story)
    found = decode_barcodes(render_page_png(data, scale=3))
    assert sorted(found) == ["C00012", "DRAW-42"]
    assert "C00012" in pdf_text(data)  # human-readable line under the bars


def test_code128_modules_rejects_empty_and_ends_with_stop_pattern() -> None:
    assert code128_modules("A1").endswith("1100011101011")
    with pytest.raises(ValueError, match="needs a value"):
        code128_modules("")
    with pytest.raises(ValueError, match="cannot be encoded as Code 128"):
        code128_modules("客户1")


def test_page_groups_number_each_document_on_its_own() -> None:
    body = styles("en").body
    story: list = [PageGroup("Customer A")]
    story += [Paragraph(f"A line {n}", body) for n in range(120)]  # more than one page
    story += [PageBreak(), PageGroup("Customer B"), Paragraph("B only line", body)]
    data, pages = _pdf(story, footer_left="default")
    texts = pdf_page_texts(data)
    assert pages == len(texts) >= 3
    first_group = pages - 1
    for number, text in enumerate(texts[:first_group], start=1):
        assert f"Page {number} of {first_group}" in text
        assert "Customer A" in text
    assert "Page 1 of 1" in texts[-1]
    assert "Customer B" in texts[-1]
