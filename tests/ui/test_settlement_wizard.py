"""The settlement dock driven by the keyboard: an accountant settles a customer with an invoice (posted at
once) and prints the notice PDF; a settlement without an invoice waits for approval, its submitter is
refused when approving it, a manager approves it; the follow-up list tracks the missing invoice."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from order_support import make_customer
from settlement_support import deliver, invoice, people

from erpdesk.domain.messages import render
from erpdesk.domain.settlements import FollowUpKind, InvoiceStatus, SettlementStatus
from erpdesk.services.auth_dto import CompanyProfile
from erpdesk.ui.docks.settlement import dialogs, notice
from erpdesk.ui.docks.settlement.dialogs import NextAction
from erpdesk.ui.docks.settlement.dock import build
from erpdesk.ui.docks.settlement.wizard_view import INVOICE, ITEMS, RECEIPT, RESULT, SUMMARY
from erpdesk.ui.prompts import Prompts
from tests.io.pdf_support import pdf_text

D = Decimal


def _keys(text: str) -> None:
    for char in text:
        QTest.keyClick(QApplication.focusWidget(), char)
        QApplication.processEvents()


def _key(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
    QApplication.processEvents()


def _dock(qtbot, services):  # type: ignore[no-untyped-def]
    dock = build(services)
    qtbot.addWidget(dock)
    dock.resize(1100, 760)
    dock.show()
    dock.activateWindow()
    qtbot.waitUntil(lambda: dock.follow_ups.last_job is not None and dock.follow_ups.last_job.done)
    return dock


@pytest.fixture
def who(sqlite_db, clock):  # type: ignore[no-untyped-def]
    who = people(sqlite_db, clock)
    who["admin"].users.set_company_profile(
        CompanyProfile(
            name="示范商贸有限公司",
            address="上海市浦东新区世纪大道 100 号",
            phone="021-55556666",
            bank_name="招商银行上海分行",
            bank_account="6214830012345678",
        )
    )
    return who


@pytest.fixture
def no_dialogs(monkeypatch):  # type: ignore[no-untyped-def]
    def unexpected(cls, *args):  # type: ignore[no-untyped-def]
        raise AssertionError(f"unexpected dialog: {args[1:]}")

    for name in ("show_error", "ask", "save_file"):
        monkeypatch.setattr(Prompts, name, classmethod(unexpected))
    opened: list[Path] = []
    monkeypatch.setattr(notice, "open_document", lambda path: opened.append(path) or True)
    return opened


def _customer(who, name: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    customer_id = make_customer(who["clerk"], name)
    return customer_id, who["clerk"].customers.get(customer_id).code


def test_accountant_settles_with_invoice_by_keyboard_and_prints_the_notice(
    qtbot, who, no_dialogs, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    customer, _code = _customer(who, "上海华鑫贸易有限公司")
    _customer(who, "北京远方科技有限公司")
    first = deliver(who["clerk"], customer, "300.00", on=date(2025, 4, 1))
    second = deliver(who["clerk"], customer, "200.00", on=date(2025, 4, 10))
    invoice(who["acct"], customer, "25312000000012345678", "400.00")
    dock = _dock(qtbot, who["acct"])
    view, wizard = dock.wizard_view, dock.wizard

    assert QApplication.focusWidget() is view.customer_page.customer
    _keys("shhx")  # pinyin initials of 上海华鑫
    _key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.page() == ITEMS)
    assert wizard.customer_id == customer
    assert wizard.open_items.rowCount() == 2
    assert "balance ¥500.00" in view.items_page.balance.text()

    _key(Qt.Key.Key_Return)  # on to the receipt
    assert view.page() == RECEIPT
    assert QApplication.focusWidget() is view.receipt_page.amount
    _keys("450")
    _key(Qt.Key.Key_Return)  # FIFO proposal: 300 + 150
    qtbot.waitUntil(lambda: wizard.allocations.allocated() == D("450.00"))
    assert [r.amount for r in wizard.allocations.rows] == [D("300.00"), D("150.00")]
    assert QApplication.focusWidget() is view.receipt_page.notes
    _keys("May payment")
    _key(Qt.Key.Key_Return)  # into the grid, on the first item
    assert QApplication.focusWidget() is view.receipt_page.allocations
    _key(Qt.Key.Key_Return)  # keep 300.00, next item
    _keys("100")  # only 100 of the second item
    _key(Qt.Key.Key_Return)  # commits; past the last item the wizard moves on
    qtbot.waitUntil(lambda: view.page() == INVOICE)
    assert [r.amount for r in wizard.allocations.rows] == [D("300.00"), D("100.00")]
    assert "left as advance ¥50.00" in view.receipt_page.totals.text()

    assert QApplication.focusWidget() is view.invoice_page.invoice_numbers
    _keys("25312000000012345678")
    _key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.page() == SUMMARY)
    summary = view.summary_page.summary.text()
    assert "Receipt: ¥450.00 on 2025-05-03 by Bank transfer" in summary
    assert "settles" in summary
    assert "Settled ¥400.00 · left as advance ¥50.00" in summary
    assert "Balance before ¥500.00 · after ¥50.00" in summary
    assert "No approval needed" in view.summary_page.approval.text()

    _key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # submit
    qtbot.waitUntil(lambda: view.page() == RESULT)
    settled = wizard.result
    assert settled is not None
    assert settled.status is SettlementStatus.POSTED
    assert settled.number == "JS20250503-0001"
    assert view.result_page.status.text() == "Posted: settlement JS20250503-0001"
    assert settled.receipt_number
    assert settled.receipt_number in view.result_page.details.text()
    balance = who["acct"].receivables.balance(customer)
    assert (balance.open_items, balance.advances) == (D("100.00"), D("50.00"))
    opens = {i.id: i.open_amount for i in who["acct"].receivables.open_items(customer)}
    assert first not in opens
    assert opens[second] == D("100.00")

    target = tmp_path / "notice.pdf"
    monkeypatch.setattr(Prompts, "save_file", classmethod(lambda cls, *a: target))
    _key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: no_dialogs == [target], timeout=10_000)
    text = pdf_text(target)
    flat = "".join(text.split())
    for expected in (
        "Settlement notice",
        "上海华鑫贸易有限公司",
        "JS20250503-0001",
        settled.receipt_number,
        "¥450.00",
        "肆佰伍拾元整",
        "300.00",
        "100.00",
        "¥50.00",
        "25312000000012345678",
        "招商银行上海分行",
    ):
        assert "".join(expected.split()) in flat, expected
    assert "Notice saved" in view.message.text()

    _key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.page() == 0
    assert view.customer_page.customer.text() == ""


def test_without_invoice_waits_for_a_manager_who_approves_it(
    qtbot, who, no_dialogs, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    customer, code = _customer(who, "北京远方科技有限公司")
    deliver(who["clerk"], customer, "300.00")
    accountant = _dock(qtbot, who["acct"])
    view, wizard = accountant.wizard_view, accountant.wizard

    _keys(code)  # the customer code works as well as pinyin
    _key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.page() == ITEMS)
    _key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _keys("200")
    _key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # proposal, then on
    qtbot.waitUntil(lambda: view.page() == INVOICE)
    assert wizard.allocations.allocated() == D("200.00")
    _key(Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # "Without invoice" (an animated click)
    qtbot.waitUntil(view.invoice_page.without_invoice.isChecked)
    assert QApplication.focusWidget() in (
        view.invoice_page.reason,
        view.invoice_page.reason.lineEdit(),
    )
    _key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # an empty reason is refused
    assert view.page() == INVOICE
    assert "reason" in view.message.text()
    view.invoice_page.reason.lineEdit().selectAll()
    _keys("Invoice next month")
    _key(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.invoice_page.reference_docs
    _keys("HT-2025-018")
    _key(Qt.Key.Key_Return)
    _key(Qt.Key.Key_Return)  # invoice expected stays ticked
    qtbot.waitUntil(lambda: view.page() == SUMMARY)
    approval = view.summary_page.approval.text()
    assert "Needs approval" in approval
    assert render("settlements.reason_voucher", "en") in approval

    _key(Qt.Key.Key_Return)  # Enter on the focused Submit button
    qtbot.waitUntil(lambda: view.page() == RESULT)
    pending = wizard.result
    assert pending is not None
    assert pending.status is SettlementStatus.PENDING_APPROVAL
    assert pending.voucher_number == "LS20250503-0001"
    assert view.result_page.status.text().startswith("Waiting for approval")
    assert "LS20250503-0001" in view.result_page.details.text()
    assert who["acct"].receivables.balance(customer).open_items == D("300.00")  # nothing posted

    # the submitter tries to approve it himself
    approvals = accountant.approvals
    assert approvals is not None
    qtbot.waitUntil(lambda: approvals.model.rowCount() == 1)
    monkeypatch.setattr(dialogs.CommentDialog, "ask", classmethod(lambda cls, *a: "ok"))
    accountant.setCurrentWidget(accountant.approvals_view)
    job = approvals.approve()
    assert job is not None
    qtbot.waitUntil(lambda: job.done)
    refusal = accountant.approvals_view.message.text()
    assert refusal == render(
        "settlements.self_approval", "en", user="li.kuaiji", number=pending.number
    )
    assert who["acct"].settlements.get(pending.id).status is SettlementStatus.PENDING_APPROVAL

    # a manager approves it in his own Approvals view
    manager = _dock(qtbot, who["manager"])
    assert manager.approvals is not None
    qtbot.waitUntil(lambda: manager.approvals.model.rowCount() == 1)
    assert pending.number in manager.approvals.model.item(0, 0).text()
    assert "Invoice next month" in manager.approvals_view.details.text()
    job = manager.approvals.approve()
    assert job is not None
    qtbot.waitUntil(lambda: job.done)
    assert "approved" in manager.approvals_view.message.text()
    posted = who["manager"].settlements.get(pending.id)
    assert posted.status is SettlementStatus.POSTED
    assert posted.decided_by == "chen.jingli"
    assert who["acct"].receivables.balance(customer).open_items == D("100.00")
    qtbot.waitUntil(lambda: manager.approvals.model.rowCount() == 0)
    # the submitter's result page follows the change
    qtbot.waitUntil(lambda: view.result_page.status.text().startswith("Posted"))


def test_follow_up_list_sets_the_next_action_and_matches_the_invoice(
    qtbot, who, no_dialogs, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from settlement_support import voucher

    customer, _code = _customer(who, "北京远方科技有限公司")
    deliver(who["clerk"], customer, "300.00")
    pending = who["acct"].settlements.submit(voucher(customer, "300.00")).settlement
    who["manager"].settlements.approve(pending.id)
    invoice(who["acct"], customer, "25312000000077770001", "300.00")
    dock = _dock(qtbot, who["acct"])
    follow_ups = dock.follow_ups
    qtbot.waitUntil(lambda: any(r.kind is FollowUpKind.AWAITING_INVOICE for r in follow_ups.rows))
    assert follow_ups.select_document(pending.voucher_number or pending.number)
    row = follow_ups.current()
    assert row is not None
    assert row.kind is FollowUpKind.AWAITING_INVOICE
    assert dock.follow_ups_view.match_button.isEnabled()

    monkeypatch.setattr(
        dialogs.NextActionDialog,
        "ask",
        classmethod(lambda cls, *a: NextAction(on=date(2025, 5, 10), note="call Mr Zhang")),
    )
    job = follow_ups.set_next_action()
    assert job is not None
    qtbot.waitUntil(lambda: job.done)
    qtbot.waitUntil(lambda: any(r.next_action_on == date(2025, 5, 10) for r in follow_ups.rows))
    assert "call Mr Zhang" in [
        follow_ups.model.item(n, 7).text() for n in range(follow_ups.model.rowCount())
    ]

    document = pending.voucher_number or pending.number
    # the notice went out: the row waits for the customer's confirmation
    follow_ups.select_document(document)
    job = follow_ups.mark_sent()
    assert job is not None
    qtbot.waitUntil(lambda: any(r.kind is FollowUpKind.NOTICE_UNCONFIRMED for r in follow_ups.rows))
    unconfirmed = next(
        n for n, r in enumerate(follow_ups.rows) if r.kind is FollowUpKind.NOTICE_UNCONFIRMED
    )
    dock.follow_ups_view.list.selectRow(unconfirmed)
    assert dock.follow_ups_view.confirmed_button.isEnabled()
    assert not dock.follow_ups_view.match_button.isEnabled()
    follow_ups.open_current()  # Enter / Open: the settlement in the wizard's result page
    qtbot.waitUntil(lambda: dock.wizard_view.page() == RESULT)
    assert dock.wizard.result is not None
    assert dock.wizard.result.id == pending.id
    assert dock.currentWidget() is dock.wizard_view
    job = follow_ups.confirm()
    assert job is not None
    qtbot.waitUntil(
        lambda: not any(r.kind is FollowUpKind.NOTICE_UNCONFIRMED for r in follow_ups.rows)
    )
    assert who["acct"].settlements.get(pending.id).notice_confirmed_on == date(2025, 5, 3)

    # the invoice arrived: matched, the settlement leaves the list
    assert follow_ups.select_document(document)
    monkeypatch.setattr(
        dialogs.InvoiceNumbersDialog, "ask", classmethod(lambda cls, *a: "25312000000077770001")
    )
    job = follow_ups.match_invoice()
    assert job is not None
    qtbot.waitUntil(lambda: job.done)
    assert who["acct"].settlements.get(pending.id).invoice_status is InvoiceStatus.INVOICED
    qtbot.waitUntil(lambda: not any(r.settlement_id == pending.id for r in follow_ups.rows))


def test_manager_rejects_with_a_comment_and_the_submitter_sees_it(
    qtbot, who, no_dialogs, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from settlement_support import voucher

    customer, _code = _customer(who, "北京远方科技有限公司")
    deliver(who["clerk"], customer, "300.00")
    pending = who["acct"].settlements.submit(voucher(customer, "120.00")).settlement
    accountant = _dock(qtbot, who["acct"])
    accountant.open_settlement(pending.id)
    qtbot.waitUntil(lambda: accountant.wizard_view.page() == RESULT)
    manager = _dock(qtbot, who["manager"])
    approvals = manager.approvals
    assert approvals is not None
    qtbot.waitUntil(lambda: approvals.model.rowCount() == 1)

    monkeypatch.setattr(dialogs.CommentDialog, "ask", classmethod(lambda cls, *a: None))
    assert approvals.reject() is None  # cancelled: nothing happens
    asked: list[bool] = []

    def ask(cls, parent, title, prompt, required):  # type: ignore[no-untyped-def]
        asked.append(required)
        return "客户要求先开票"

    monkeypatch.setattr(dialogs.CommentDialog, "ask", classmethod(ask))
    job = approvals.reject()
    assert job is not None
    qtbot.waitUntil(lambda: job.done)
    assert asked == [True]  # a rejection always asks for a comment
    rejected = who["acct"].settlements.get(pending.id)
    assert rejected.status is SettlementStatus.REJECTED
    assert rejected.decision_comment == "客户要求先开票"
    qtbot.waitUntil(lambda: approvals.model.rowCount() == 0)
    status = accountant.wizard_view.result_page
    qtbot.waitUntil(lambda: status.status.text() == f"Rejected: settlement {pending.number}")
    assert "Comment: 客户要求先开票" in status.details.text()


def test_the_comment_dialog_will_not_reject_without_a_comment(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    dialog = dialogs.CommentDialog(None, "Reject settlement", "Why?", True)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.isVisible()
    assert dialog.message.text() == "A comment is required."
    dialog.comment.setText("wrong amount")
    ok.click()
    assert dialog.result() == dialogs.CommentDialog.DialogCode.Accepted


def test_an_overdue_item_in_the_follow_ups_starts_a_settlement_for_its_customer(
    qtbot, who, no_dialogs
) -> None:  # type: ignore[no-untyped-def]
    customer, _code = _customer(who, "北京远方科技有限公司")
    deliver(who["clerk"], customer, "300.00", on=date(2025, 3, 1))  # due 2025-03-31
    dock = _dock(qtbot, who["acct"])
    follow_ups = dock.follow_ups
    qtbot.waitUntil(lambda: any(r.kind is FollowUpKind.OVERDUE_ITEM for r in follow_ups.rows))
    row = next(n for n, r in enumerate(follow_ups.rows) if r.kind is FollowUpKind.OVERDUE_ITEM)
    dock.follow_ups_view.list.selectRow(row)
    assert follow_ups.model.item(row, 0).foreground().color().name() == "#c62828"  # red
    assert not dock.follow_ups_view.sent_button.isEnabled()  # no settlement yet
    dock.setCurrentWidget(dock.follow_ups_view)
    dock.follow_ups_view.list.setFocus()
    _key(Qt.Key.Key_Return)  # Enter opens: a new settlement for the customer
    qtbot.waitUntil(lambda: dock.wizard_view.page() == ITEMS)
    assert dock.currentWidget() is dock.wizard_view
    assert dock.wizard.customer_id == customer
    assert "北京远方科技有限公司" in dock.wizard_view.items_page.customer.text()
