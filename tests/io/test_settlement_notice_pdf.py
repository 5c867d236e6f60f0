"""The settlement notice PDF read back: Chinese and English layouts, amounts, 大写, invoice state, bank
details, approval state, and a hostile customer name printed literally; then through the service on a
real database (a posted settlement with invoice, a voucher waiting for approval)."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from order_support import make_customer
from settlement_support import deliver, invoice, people, voucher, with_invoice

from erpdesk.domain.settlements import InvoiceStatus, SettlementKind, SettlementStatus
from erpdesk.pdf.settlement_notice import NoticeCompany, render_notice
from erpdesk.services.auth_dto import CompanyProfile
from erpdesk.services.settlement_dto import SettlementLineView, SettlementView
from tests.io.pdf_support import pdf_pages, pdf_text

D = Decimal
HOSTILE = "ACME <b>&amp; Sons</b> 贸易"
COMPANY = NoticeCompany(
    name="示范商贸有限公司",
    address="上海市浦东新区世纪大道 100 号",
    phone="021-55556666",
    tax_number="91310000MA1FL0XX1X",
    payee_account_name="示范商贸有限公司收款户",
    bank_name="招商银行上海分行",
    bank_account="6214 8300 1234 5678",
)


def _view(**changes: object) -> SettlementView:
    values: dict[str, object] = {
        "id": 7,
        "number": "JS20250503-0001",
        "voucher_number": None,
        "kind": SettlementKind.WITH_INVOICE,
        "status": SettlementStatus.POSTED,
        "invoice_status": InvoiceStatus.INVOICED,
        "invoice_numbers": ("25312000000012345678",),
        "customer_id": 1,
        "customer_code": "C000123",
        "customer_name": "上海华鑫贸易有限公司",
        "customer_contact": "张伟",
        "customer_phone": "13812345678",
        "customer_address": "上海市浦东新区世纪大道 100 号",
        "receipt_date": date(2025, 5, 3),
        "method": "bank_transfer",
        "reference": "CMB-778899",
        "notes": "",
        "amount": D("10005.30"),
        "allocated": D("9000.00"),
        "advance": D("1005.30"),
        "lines": (
            SettlementLineView(
                item_id=1,
                doc_number="SH20250401-0001",
                doc_date=date(2025, 4, 1),
                due_date=date(2025, 5, 1),
                open_before=D("6000.00"),
                amount=D("6000.00"),
            ),
            SettlementLineView(
                item_id=2,
                doc_number="SH20250410-0003",
                doc_date=date(2025, 4, 10),
                due_date=date(2025, 5, 10),
                open_before=D("4500.00"),
                amount=D("3000.00"),
            ),
        ),
        "voucher_reason": "",
        "reference_docs": "",
        "needs_approval": False,
        "submitted_by": "li.kuaiji",
        "submitted_at": datetime(2025, 5, 3, 2, 0, tzinfo=UTC),
        "decided_by": None,
        "decided_at": None,
        "decision_comment": "",
        "receipt_id": 3,
        "receipt_number": "SK20250503-0001",
        "notice_sent_on": None,
        "notice_confirmed_on": None,
        "next_action_on": None,
        "follow_up_note": "",
        "version": 1,
    }
    values.update(changes)
    return SettlementView(**values)  # type: ignore[arg-type]


def _render(tmp_path: Path, view: SettlementView, lang: str) -> str:
    target = tmp_path / f"notice-{lang}.pdf"
    pages = render_notice(
        target, view, COMPANY, lang=lang, printed_on=date(2025, 5, 3), printed_by="li.kuaiji"
    )
    assert pages == pdf_pages(target) == 1
    return pdf_text(target)


def _squash(text: str) -> str:
    return "".join(text.split())


def test_chinese_notice_shows_header_customer_amounts_items_invoice_and_bank(
    tmp_path: Path,
) -> None:
    text = _render(tmp_path, _view(), "zh_CN")
    flat = _squash(text)
    for expected in (
        "示范商贸有限公司",
        "021-55556666",
        "91310000MA1FL0XX1X",
        "结算通知书",
        "上海华鑫贸易有限公司",
        "C000123",
        "JS20250503-0001",
        "SK20250503-0001",
        "2025-05-03",
        "银行转账",
        "CMB-778899",
        "¥10,005.30",
        "壹万零伍元叁角",
        "SH20250401-0001",
        "SH20250410-0003",
        "4,500.00",
        "3,000.00",
        "9,000.00",
        "¥1,005.30",
        "开票",
        "25312000000012345678",
        "招商银行上海分行",
        "62148300",
        "示范商贸有限公司收款户",
        "无需审批",
        "签字（盖章）",
        "本通知不作为发票",
        "第1页/共1页",
    ):
        assert _squash(expected) in flat, expected
    assert "临时凭证号" not in text  # no voucher: no voucher line


def test_english_notice_of_a_voucher_awaiting_approval(tmp_path: Path) -> None:
    view = _view(
        voucher_number="LS20250503-0002",
        kind=SettlementKind.WITHOUT_INVOICE,
        status=SettlementStatus.PENDING_APPROVAL,
        invoice_status=InvoiceStatus.AWAITING,
        invoice_numbers=(),
        voucher_reason="Invoice to follow next month",
        reference_docs="HT-2025-018",
        needs_approval=True,
        receipt_id=None,
        receipt_number=None,
        method="wechat",
    )
    text = _render(tmp_path, view, "en")
    for expected in (
        "Settlement notice",
        "Temporary voucher No.",
        "LS20250503-0002",
        "Waiting for approval",
        "No invoice yet · to be issued",
        "Invoice to follow next month",
        "HT-2025-018",
        "WeChat Pay",
        "10,005.30",
        "Signature / company seal",
        "This notice is not an invoice.",
        "Page 1 of 1",
    ):
        assert expected in text, expected
    assert "结算通知书" not in text
    assert "Receipt No." not in text  # nothing posted yet


def test_no_invoice_expected_and_approval_by_someone_else(tmp_path: Path) -> None:
    view = _view(
        kind=SettlementKind.WITHOUT_INVOICE,
        invoice_status=InvoiceStatus.NOT_EXPECTED,
        invoice_numbers=(),
        voucher_number="LS20250503-0003",
        voucher_reason="小额零星",
        needs_approval=True,
        decided_by="chen.jingli",
        decided_at=datetime(2025, 5, 4, 10, 0, tzinfo=UTC),
    )
    flat = _squash(_render(tmp_path, view, "zh_CN"))
    assert "不开票" in flat
    assert _squash("已由 chen.jingli 于 2025-05-04 审批通过") in flat
    assert "小额零星" in flat


def test_user_text_prints_literally(tmp_path: Path) -> None:
    view = _view(
        customer_name=HOSTILE,
        customer_address="<img src='x.png'/> 路 & 号",
        reference="A&B<1>",
    )
    for lang in ("en", "zh_CN"):
        text = _render(tmp_path, view, lang)
        assert _squash(HOSTILE) in _squash(text), lang
        assert _squash("<img src='x.png'/> 路 & 号") in _squash(text), lang
        assert "A&B<1>" in text


def test_the_service_writes_the_notice_of_a_real_settlement(backend, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    who = people(backend, clock)
    who["admin"].users.set_company_profile(
        CompanyProfile(
            name="示范商贸有限公司",
            phone="021-55556666",
            bank_name="招商银行上海分行",
            bank_account="6214830012345678",
            payee_account_name="示范商贸收款户",
        )
    )
    customer = make_customer(who["clerk"], "北京远方科技有限公司")
    deliver(who["clerk"], customer, "300.00")
    deliver(who["clerk"], customer, "200.00")
    invoice(who["acct"], customer, "25312000000099990001", "500.00")
    posted = (
        who["acct"]
        .settlements.submit(
            with_invoice(customer, "450.00", "25312000000099990001", reference="CMB-1")
        )
        .settlement
    )
    assert posted.status is SettlementStatus.POSTED

    target = tmp_path / "通知" / "notice.pdf"
    target.parent.mkdir()
    pages = who["acct"].settlement_notices.notice_pdf(posted.id, target, "zh_CN")
    assert pages == 1
    assert not list(target.parent.glob("*.part"))
    flat = _squash(pdf_text(target))
    for expected in (
        "北京远方科技有限公司",
        posted.number,
        posted.receipt_number or "?",
        "¥450.00",
        "肆佰伍拾元整",
        "300.00",
        "150.00",
        "25312000000099990001",
        "示范商贸收款户",
        "6214830012345678",
    ):
        assert _squash(expected) in flat, expected

    pending = who["acct"].settlements.submit(voucher(customer, "50.00")).settlement
    target = tmp_path / "voucher.pdf"
    who["manager"].settlement_notices.notice_pdf(pending.id, target, "en")
    text = pdf_text(target)
    assert pending.voucher_number
    assert pending.voucher_number in text
    assert "Waiting for approval" in text
    assert "HT-2025-018" in text


def test_notice_of_a_missing_settlement_is_refused(sqlite_db, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from erpdesk.domain.errors import DomainError

    who = people(sqlite_db, clock)
    with pytest.raises(DomainError) as refused:
        who["acct"].settlement_notices.notice_pdf(999, tmp_path / "x.pdf", "en")
    assert refused.value.msg_id == "settlements.not_found"
    assert not (tmp_path / "x.pdf").exists()
