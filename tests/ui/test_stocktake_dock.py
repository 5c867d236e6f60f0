"""The stocktake dock with the real service on a real SQLite file: a keyboard-wedge scanner's burst is
counted exactly once and in order, the scan field keeps the focus, undo / unknown / census / review /
posting / hand-held files work from the dock as a clerk would use them, and a Cancel in a hand-held
file's progress dialog leaves no file and counts nothing."""

from __future__ import annotations

import csv
import sqlite3
import sys
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from order_support import make_customer, make_product
from stocktake_support import MANAGER, MANAGER_PASSWORD, with_users

from erpdesk.db.models.stocktake import StocktakeScan
from erpdesk.domain.stocktake import CensusStatus, StocktakeKind, StocktakeStatus
from erpdesk.services.stocktake_dto import StocktakeInput, StocktakeScope
from erpdesk.ui import jobs
from erpdesk.ui.docks.stocktake import dialogs
from erpdesk.ui.docks.stocktake.dock import build
from erpdesk.ui.docks.stocktake.models import RED
from erpdesk.ui.docks.stocktake.scan_queue import ScanState
from erpdesk.ui.prompts import Prompts

D = Decimal
PRODUCT_CODES = ("P-PAPER", "P-PEN", "P-TONER", "P-CLIP", "P-TAPE", "P-GLUE", "P-FILE")


@pytest.fixture
def shop(sqlite_db, clock):  # type: ignore[no-untyped-def]
    return with_users(sqlite_db, clock)


@pytest.fixture
def told(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Informational prompts are collected; an error prompt fails the test instead of blocking."""
    messages: list[str] = []

    def unexpected(cls, parent, title, text):  # type: ignore[no-untyped-def]
        raise AssertionError(f"unexpected error dialog: {title}: {text}")

    monkeypatch.setattr(Prompts, "show_error", classmethod(unexpected))
    monkeypatch.setattr(
        Prompts, "inform", classmethod(lambda cls, p, t, text: messages.append(text))
    )
    return messages


@pytest.fixture
def beeps(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    heard: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: heard.append(1)))
    return heard


def _products(clerk) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {
        code: make_product(clerk, f"商品{n}", code=code, stock="10").id
        for n, code in enumerate(PRODUCT_CODES)
    }


def _session(clerk, kind: StocktakeKind, *, start: bool = True):  # type: ignore[no-untyped-def]
    created = clerk.stocktake.create(
        StocktakeInput(name="月末盘点", scope=StocktakeScope(kind=kind))
    )
    return clerk.stocktake.start_counting(created.id) if start else created


def _dock(qtbot, services):  # type: ignore[no-untyped-def]
    view = build(services)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.activateWindow()
    controller = view.controller
    qtbot.waitUntil(lambda: controller.loaded >= 1)
    return view, controller


def _scan(view, text: str) -> None:  # type: ignore[no-untyped-def]
    """What a keyboard-wedge scanner does: the characters and Enter, with no pause at all."""
    QTest.keyClicks(view.scan, text)
    QTest.keyClick(view.scan, Qt.Key.Key_Return)


def _drain(qtbot, controller, timeout: int = 60_000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: controller.queue.idle(), timeout=timeout)


def _settled(qtbot, job) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: job.done, timeout=10_000)


def _counted(clerk, session_id: int) -> dict[str, Decimal]:  # type: ignore[no-untyped-def]
    """Code → counted quantity of the lines counted so far."""
    return {line.code: line.counted for line in clerk.stocktake.lines(session_id) if line.counted}


def test_a_thousand_fast_scans_are_each_counted_once_in_order(qtbot, shop, told) -> None:
    clerk = shop.clerk
    _products(clerk)
    session = _session(clerk, StocktakeKind.PRODUCTS)
    view, controller = _dock(qtbot, clerk)
    typed: list[tuple[str, Decimal]] = []
    for n in range(1000):
        code = PRODUCT_CODES[(n * 3) % len(PRODUCT_CODES)]
        quantity = D(n % 5 + 2) if n % 10 == 0 else D(1)
        _scan(view, f"{quantity}*{code}" if quantity != 1 else code.lower())
        typed.append((code, quantity))

    # All 1,000 were queued at once (nothing waited for the database), then drain in order.
    assert len(controller.scans.items()) == 500  # the list shows the newest 500
    _drain(qtbot, controller)

    with shop.database.engine.connect() as conn:
        journal = conn.execute(
            select(StocktakeScan.seq, StocktakeScan.code, StocktakeScan.quantity)
            .where(StocktakeScan.stocktake_id == session.id)
            .order_by(StocktakeScan.seq)
        ).all()
    assert [(code, quantity) for _seq, code, quantity in journal] == typed
    assert [seq for seq, _c, _q in journal] == list(range(1, 1001))
    expected: dict[str, Decimal] = {}
    for code, quantity in typed:
        expected[code] = expected.get(code, D(0)) + quantity
    assert _counted(clerk, session.id) == expected
    newest = controller.scans.item_at(0)
    assert newest.result.seq == 1000
    assert newest.result.client_seq == newest.seq == 1000
    assert view.pending.text() == "To save: 0"
    assert view.scan.hasFocus()
    assert view.scan.text() == ""


def test_scans_while_another_program_holds_the_database_are_all_counted_in_order(
    qtbot, shop, told
) -> None:
    """RELIABILITY S1: the database is busy (another writer holds SQLite's write lock) while the
    scanner keeps going; every scan waits in the queue and is saved, once and in order, afterwards."""
    clerk = shop.clerk
    _products(clerk)
    session = _session(clerk, StocktakeKind.PRODUCTS)
    view, controller = _dock(qtbot, clerk)
    other = sqlite3.connect(shop.database.sqlite_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # what a long import or a backup tool on this PC would do
    typed = [PRODUCT_CODES[n % len(PRODUCT_CODES)] for n in range(200)]
    try:
        for code in typed:
            _scan(view, code)
        qtbot.wait(1500)
        assert controller.queue.pending() > 0  # waiting for the lock, not lost
        assert view.scan.text() == ""  # the clerk can go on scanning
        assert view.scan.hasFocus()
    finally:
        other.execute("COMMIT")
        other.close()
    _drain(qtbot, controller)
    assert not controller.queue.failed_scans()
    with shop.database.engine.connect() as conn:
        journal = conn.execute(
            select(StocktakeScan.seq, StocktakeScan.code)
            .where(StocktakeScan.stocktake_id == session.id)
            .order_by(StocktakeScan.seq)
        ).all()
    assert [code for _seq, code in journal] == typed
    assert [seq for seq, _code in journal] == list(range(1, 201))


def test_the_scan_field_gets_the_focus_back_after_a_click_or_a_dialog(
    qtbot, shop, told, monkeypatch
) -> None:
    clerk = shop.clerk
    ids = _products(clerk)
    _session(clerk, StocktakeKind.PRODUCTS)
    view, controller = _dock(qtbot, clerk)
    qtbot.waitUntil(view.scan.hasFocus)
    _scan(view, "P-PEN")
    _drain(qtbot, controller)

    QTest.mouseClick(view.scans.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.scan.hasFocus)
    QTest.keyClicks(view.scan, "half-typed")
    QTest.keyClick(view.scan, Qt.Key.Key_Escape)
    assert view.scan.text() == ""
    # a Chinese input method must not swallow the scanner's letters
    assert not view.scan.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)

    monkeypatch.setattr(
        dialogs.AddByHandDialog,
        "ask",
        classmethod(
            lambda cls, parent, search, products: dialogs.HandPick(ids["P-GLUE"], "P-GLUE", D(4))
        ),
    )
    view.add_button.click()
    _drain(qtbot, controller)
    qtbot.waitUntil(view.scan.hasFocus)
    assert _counted(clerk, controller.session.id)["P-GLUE"] == D(4)


def test_undo_last_scan_and_unknown_codes(qtbot, shop, told, beeps) -> None:
    clerk = shop.clerk
    _products(clerk)
    session = _session(clerk, StocktakeKind.PRODUCTS)
    view, controller = _dock(qtbot, clerk)
    for text in ("P-PEN", "P-PEN", "5*P-PEN"):
        _scan(view, text)
    QTest.keyClick(view.scan, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # before saving
    _drain(qtbot, controller)
    assert _counted(clerk, session.id)["P-PEN"] == D(2)
    undone = controller.scans.item_at(1)
    assert undone.text == "5*P-PEN"
    assert undone.undone
    assert controller.scans.data(controller.scans.index(1, 2)) == "Undone"

    assert beeps == []
    _scan(view, "NO-SUCH-CODE")
    _drain(qtbot, controller)
    assert controller.unknown.stringList() == ["NO-SUCH-CODE"]
    assert view.scan.flashing
    assert beeps == [1]
    row = controller.scans.index(0, 2)
    assert controller.scans.data(row) == "Unknown"
    assert controller.scans.data(row, Qt.ItemDataRole.ForegroundRole) == RED
    assert "NO-SUCH-CODE" in view.last.text()


def test_a_refused_scan_is_red_kept_and_the_queue_goes_on(qtbot, shop, told, beeps) -> None:
    clerk = shop.clerk
    _products(clerk)
    session = _session(clerk, StocktakeKind.PRODUCTS)
    view, controller = _dock(qtbot, clerk)
    too_long = "X" * 70  # the service refuses codes over 64 characters
    for text in ("P-PEN", too_long, "P-TAPE"):
        _scan(view, text)
    _drain(qtbot, controller)

    failed = controller.queue.failed_scans()
    assert [item.text for item in failed] == [too_long]
    assert failed[0].state is ScanState.FAILED
    row = controller.scans.index(1, 2)
    assert controller.scans.data(row).startswith("Not saved")
    assert controller.scans.data(row, Qt.ItemDataRole.ForegroundRole) == RED
    assert view.retry_button.isVisibleTo(view)
    assert _counted(clerk, session.id) == {"P-PEN": D(1), "P-TAPE": D(1)}


def test_a_customer_card_scan_opens_the_census_panel_to_confirm_or_correct(
    qtbot, shop, told
) -> None:
    clerk = shop.clerk
    first = make_customer(clerk, "上海华鑫贸易有限公司")
    second = make_customer(clerk, "北京明远科技有限公司")
    codes = {i: clerk.customers.get(i).code for i in (first, second)}
    session = _session(clerk, StocktakeKind.CUSTOMERS)
    view, controller = _dock(qtbot, clerk)
    panel = view.census

    _scan(view, codes[first])
    _drain(qtbot, controller)
    qtbot.waitUntil(lambda: panel.isVisible() and codes[first] in panel.customer.text())
    assert panel.address.text() == "世纪大道 100 号"
    panel.phone.setFocus()
    panel.phone.setText("021-55556666")
    QTest.keyClick(panel.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.state.text() == "Saved")
    assert view.scan.hasFocus()
    assert clerk.customers.get(first).phone == "021-55556666"

    _scan(view, codes[second])
    _drain(qtbot, controller)
    qtbot.waitUntil(lambda: codes[second] in panel.customer.text())
    QTest.keyClick(view.scan, Qt.Key.Key_Return)  # Enter on the empty scan field confirms
    qtbot.waitUntil(lambda: panel.state.text() == "Confirmed")
    status = {line.target_id: line.census_status for line in clerk.stocktake.lines(session.id)}
    assert status == {first: CensusStatus.CONFIRMED.value, second: CensusStatus.CONFIRMED.value}


def test_review_correction_and_posting_with_a_managers_password(
    qtbot, shop, told, monkeypatch
) -> None:
    clerk = shop.clerk
    ids = _products(clerk)
    _session(clerk, StocktakeKind.PRODUCTS)
    view, controller = _dock(qtbot, clerk)
    for text in ("12*P-PAPER", "P-PEN"):
        _scan(view, text)
    _drain(qtbot, controller)
    view.scans.selectRow(1)  # the paper line
    monkeypatch.setattr(
        dialogs.CorrectLineDialog,
        "ask",
        classmethod(lambda cls, parent, label, counted: dialogs.Correction(D(11), "破损一箱")),
    )
    view.correct_button.click()
    _settled(qtbot, controller.last_job)

    view.review_button.click()
    qtbot.waitUntil(lambda: controller.session.status is StocktakeStatus.REVIEW, timeout=10_000)
    qtbot.waitUntil(lambda: controller.review is not None and controller.lines.rowCount() > 0)
    paper = next(line for line in controller.review.lines if line.code == "P-PAPER")
    assert paper.counted == D(11)
    assert paper.reason == "破损一箱"
    assert paper.difference == D(1)
    assert {line.code for line in controller.review.missing} == set(PRODUCT_CODES) - {
        "P-PAPER",
        "P-PEN",
    }

    # A missing product gets its reason on the Review page (count stays 0).
    view.review_tabs.setCurrentWidget(view.missing)
    toner = next(n for n, line in enumerate(controller.missing.lines()) if line.code == "P-TONER")
    view.missing.selectRow(toner)
    monkeypatch.setattr(
        dialogs.CorrectLineDialog,
        "ask",
        classmethod(lambda cls, parent, label, counted: dialogs.Correction(counted, "丢失")),
    )
    view.review_correct_button.click()
    qtbot.waitUntil(
        lambda: any(
            line.code == "P-TONER" and line.reason == "丢失" for line in controller.missing.lines()
        ),
        timeout=10_000,
    )

    answers = iter(
        [dialogs.Approval(MANAGER, "wrong-password"), dialogs.Approval(MANAGER, MANAGER_PASSWORD)]
    )
    asked: list[str] = []

    def ask(cls, parent, summary, error=""):  # type: ignore[no-untyped-def]
        asked.append(error)
        return next(answers)

    monkeypatch.setattr(dialogs.PostDialog, "ask", classmethod(ask))
    view.post_button.click()
    qtbot.waitUntil(lambda: controller.session.status is StocktakeStatus.POSTED, timeout=10_000)
    assert asked[0] == ""
    assert asked[1] != ""  # the wrong password was refused and the dialog asked again
    assert clerk.products.stock(ids["P-PAPER"])["默认仓库"] == D(11)


def _handheld_file(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code", "quantity", "time", "device"])
        writer.writerow(["P-PAPER", "7", "2025-05-03 09:00:01", "PDA-1"])
        writer.writerow(["P-TONER", "2", "2025-05-03 09:00:05", "PDA-1"])
        writer.writerow(["UNKNOWN-9", "1", "2025-05-03 09:00:09", "PDA-1"])
    return path


def test_importing_the_same_handheld_file_twice_counts_it_once(
    qtbot, shop, told, monkeypatch, tmp_path: Path
) -> None:
    clerk = shop.clerk
    _products(clerk)
    session = _session(clerk, StocktakeKind.PRODUCTS)
    view, controller = _dock(qtbot, clerk)
    source = _handheld_file(tmp_path / "pda.csv")
    monkeypatch.setattr(Prompts, "open_file", classmethod(lambda cls, *a, **k: source))

    view.import_button.click()
    qtbot.waitUntil(lambda: len(told) == 1, timeout=10_000)
    view.import_button.click()
    qtbot.waitUntil(lambda: len(told) == 2, timeout=10_000)

    assert _counted(clerk, session.id) == {"P-PAPER": D(7), "P-TONER": D(2)}
    assert told[0] == "3 rows read: 3 recorded (1 with unknown codes), 0 skipped."
    qtbot.waitUntil(lambda: controller.unknown.stringList() == ["UNKNOWN-9"])
    assert "imported before" in told[1]


def _press_cancel(qtbot, job) -> None:  # type: ignore[no-untyped-def]
    """What the clerk does: wait for the progress dialog (it shows after half a second), click Cancel."""
    dialog = job.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    button = dialog.findChild(QPushButton)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_cancelling_a_handheld_import_counts_nothing(
    qtbot, shop, told, monkeypatch, tmp_path: Path
) -> None:
    clerk = shop.clerk
    _products(clerk)
    session = _session(clerk, StocktakeKind.PRODUCTS)
    view, controller = _dock(qtbot, clerk)
    source = _handheld_file(tmp_path / "pda.csv")
    monkeypatch.setattr(Prompts, "open_file", classmethod(lambda cls, *a, **k: source))
    # The write queue is busy (a scan burst being saved), so the import waits and its dialog shows.
    gate = threading.Event()
    busy = jobs.run_command(None, lambda: gate.wait(20))

    view.import_button.click()
    job = controller.last_job
    assert job is not None
    _press_cancel(qtbot, job)
    gate.set()
    _settled(qtbot, busy)
    _settled(qtbot, job)

    assert isinstance(job.error, jobs.JobCancelled)
    assert _counted(clerk, session.id) == {}
    assert clerk.stocktake.get(session.id).counted_count == 0
    assert told == ["Import cancelled: nothing was counted; the file can be imported again."]
    assert view.last.text() == told[0]
    assert controller.unknown.stringList() == []

    view.import_button.click()  # the same file later: counted once, as a new file
    qtbot.waitUntil(lambda: len(told) == 2, timeout=10_000)
    assert told[1] == "3 rows read: 3 recorded (1 with unknown codes), 0 skipped."
    assert _counted(clerk, session.id) == {"P-PAPER": D(7), "P-TONER": D(2)}


def test_cancelling_a_count_sheet_export_writes_no_file(
    qtbot, shop, told, monkeypatch, tmp_path: Path
) -> None:
    clerk = shop.clerk
    _products(clerk)
    _session(clerk, StocktakeKind.PRODUCTS)
    view, controller = _dock(qtbot, clerk)
    folder = tmp_path / "sheets"
    folder.mkdir()
    monkeypatch.setattr(
        Prompts, "save_file", classmethod(lambda cls, *a, **k: folder / "sheet.xlsx")
    )
    # The export reads the session on the read pool; hold every read thread so the job waits.
    gate = threading.Event()
    held = [
        jobs.run_query(None, lambda: gate.wait(20))
        for _ in range(jobs.read_pool().maxThreadCount())
    ]

    view.export_button.click()
    job = controller.last_job
    assert job is not None
    _press_cancel(qtbot, job)
    gate.set()
    for holder in held:
        _settled(qtbot, holder)
    _settled(qtbot, job)

    assert isinstance(job.error, jobs.JobCancelled)
    assert list(folder.iterdir()) == []
    assert told == ["Export cancelled: no count sheet was written."]


def test_print_labels_from_the_dock_writes_decodable_labels(
    qtbot, shop, told, monkeypatch, tmp_path: Path
) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
    from pdf_support import decode_barcodes, render_page_png

    from erpdesk.ui.dialogs import labels as labels_dialog

    clerk = shop.clerk
    _products(clerk)
    _session(clerk, StocktakeKind.PRODUCTS)
    view, _controller = _dock(qtbot, clerk)
    target = tmp_path / "labels.pdf"
    monkeypatch.setattr(Prompts, "save_file", classmethod(lambda cls, *a, **k: target))
    monkeypatch.setattr(
        labels_dialog.LabelsDialog,
        "ask",
        classmethod(
            lambda cls, parent, layouts, count: labels_dialog.LabelRequest("a4-4x10-48x25", 0, 1)
        ),
    )
    view.labels_button.click()
    qtbot.waitUntil(lambda: len(told) == 1, timeout=20_000)

    assert "7 labels" in told[0]
    found = decode_barcodes(render_page_png(target, 0, scale=4))
    assert set(found) <= set(PRODUCT_CODES)
    assert len(set(found)) >= 4  # one decoder pass may skip a twin on a row; every code is ASCII


def test_missing_customers_get_keep_deactivate_or_investigate_at_review(qtbot, shop, told) -> None:
    clerk = shop.clerk
    found = make_customer(clerk, "上海华鑫贸易有限公司")
    gone = make_customer(clerk, "北京明远科技有限公司")
    unsure = make_customer(clerk, "广州南方商贸有限公司")
    session = _session(clerk, StocktakeKind.CUSTOMERS)
    view, controller = _dock(qtbot, clerk)
    _scan(view, clerk.customers.get(found).code)
    _drain(qtbot, controller)
    view.review_button.click()
    qtbot.waitUntil(lambda: controller.session.status is StocktakeStatus.REVIEW, timeout=10_000)
    qtbot.waitUntil(lambda: controller.missing.rowCount() == 2)
    rows = {line.target_id: n for n, line in enumerate(controller.missing.lines())}

    controller.select_missing([rows[gone]])
    view.deactivate_button.click()
    _settled(qtbot, controller.last_job)
    controller.select_missing([rows[unsure]])
    view.investigate_button.click()
    _settled(qtbot, controller.last_job)

    status = {line.target_id: line.census_status for line in clerk.stocktake.lines(session.id)}
    assert status[gone] == CensusStatus.DEACTIVATE.value
    assert status[unsure] == CensusStatus.INVESTIGATE.value
    qtbot.waitUntil(
        lambda: (
            {line.census_status for line in controller.missing.lines()}
            == {CensusStatus.DEACTIVATE.value, CensusStatus.INVESTIGATE.value}
        )
    )


def test_print_labels_from_the_customer_list(qtbot, shop, told, monkeypatch, tmp_path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
    from customer_ui_support import list_dock
    from pdf_support import decode_barcodes, render_page_png

    from erpdesk.ui.dialogs import labels as labels_dialog

    clerk = shop.clerk
    ids = [make_customer(clerk, name) for name in ("上海华鑫贸易有限公司", "北京明远科技有限公司")]
    codes = {clerk.customers.get(i).code for i in ids}
    view, _controller = list_dock(qtbot, clerk)
    target = tmp_path / "customer-labels.pdf"
    monkeypatch.setattr(Prompts, "save_file", classmethod(lambda cls, *a, **k: target))
    monkeypatch.setattr(
        labels_dialog.LabelsDialog,
        "ask",
        classmethod(
            lambda cls, parent, layouts, count: labels_dialog.LabelRequest("a4-2x7-99x38", 2, 1)
        ),
    )
    view.labels_button.click()
    qtbot.waitUntil(lambda: len(told) == 1, timeout=20_000)

    assert told[0].startswith("2 labels on 1 pages")
    image = render_page_png(target, 0, scale=4)
    assert set(decode_barcodes(image)) == codes


def test_the_dock_speaks_chinese(qtbot, shop, told, chinese) -> None:
    clerk = shop.clerk
    _products(clerk)
    _session(clerk, StocktakeKind.PRODUCTS)
    view, controller = _dock(qtbot, clerk)
    assert view.pending.text() == "待保存 0"
    _scan(view, "NO-SUCH")
    _drain(qtbot, controller)
    assert view.last.text() == "未识别编码：NO-SUCH"
    assert controller.scans.data(controller.scans.index(0, 2)) == "未识别"


def test_a_clerk_creates_starts_exports_and_cancels_a_session_from_the_dock(
    qtbot, shop, told, monkeypatch, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    clerk = shop.clerk
    _products(clerk)
    view, controller = _dock(qtbot, clerk)
    assert view.status.text() == "No open session"
    assert not view.start_button.isEnabled()
    monkeypatch.setattr(
        dialogs.NewSessionDialog,
        "ask",
        classmethod(
            lambda cls, parent, choices: StocktakeInput(
                name="五月盘点", scope=StocktakeScope(kind=StocktakeKind.PRODUCTS), blind=True
            )
        ),
    )
    view.new_button.click()
    qtbot.waitUntil(lambda: controller.session is not None, timeout=10_000)
    assert controller.session.status is StocktakeStatus.OPEN
    assert "五月盘点" in view.session.currentText()
    assert view.start_button.isEnabled()

    view.start_button.click()
    qtbot.waitUntil(lambda: controller.session.status is StocktakeStatus.COUNTING, timeout=10_000)
    qtbot.waitUntil(lambda: view.scan.hasFocus())
    assert view.status.text() == "Counting: 0 of 7 counted, 0 unknown"

    sheet = tmp_path / "sheet.xlsx"
    monkeypatch.setattr(Prompts, "save_file", classmethod(lambda cls, *a, **k: sheet))
    view.export_button.click()
    qtbot.waitUntil(lambda: len(told) == 1, timeout=10_000)
    rows = list(load_workbook(sheet, read_only=True).active.iter_rows(values_only=True))
    codes = {row[0] for row in rows}
    assert set(PRODUCT_CODES) <= codes
    assert told[0].startswith("7 rows written")

    monkeypatch.setattr(
        dialogs.CancelReasonDialog, "ask", classmethod(lambda cls, parent, title, label: "重复建单")
    )
    view.cancel_button.click()
    qtbot.waitUntil(lambda: controller.session.status is StocktakeStatus.CANCELLED, timeout=10_000)
    assert clerk.stocktake.sessions() == ()
    assert not view.start_button.isEnabled()
    assert not view.cancel_button.isEnabled()


def test_the_labels_dialog_counts_sheets_from_the_start_position(qtbot, shop) -> None:
    from erpdesk.ui.dialogs.labels import LabelsDialog

    dialog = LabelsDialog(None, shop.clerk.labels.layouts("en"), count=30)
    qtbot.addWidget(dialog)
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("a4-3x7-63x38"))
    assert dialog.start.maximum() == 21
    dialog.start.setValue(20)  # 19 labels of the first sheet are used up
    assert dialog.summary.text() == "30 labels on 3 sheets"
    dialog.copies.setValue(2)
    assert dialog.summary.text() == "60 labels on 4 sheets"
    dialog._submit()
    assert dialog.answer is not None
    assert (dialog.answer.layout, dialog.answer.start, dialog.answer.copies) == (
        "a4-3x7-63x38",
        19,
        2,
    )


def test_scans_still_queued_when_the_app_quits_are_saved_in_order(qtbot, shop, told) -> None:
    clerk = shop.clerk
    _products(clerk)
    session = _session(clerk, StocktakeKind.PRODUCTS)
    view, controller = _dock(qtbot, clerk)
    for n in range(60):
        _scan(view, PRODUCT_CODES[n % 3])
    assert controller.queue.pending() == 60  # the event loop has not run: nothing answered yet

    saved = controller.queue.finish()  # what QApplication.aboutToQuit triggers

    assert saved == 59  # the first scan left at once (the queue was idle) and ended first
    assert controller.queue.pending() == 1  # its answer arrives with the next turn of the loop
    _drain(qtbot, controller)
    with shop.database.engine.connect() as conn:
        codes = conn.execute(
            select(StocktakeScan.code)
            .where(StocktakeScan.stocktake_id == session.id)
            .order_by(StocktakeScan.seq)
        ).scalars()
        assert list(codes) == [PRODUCT_CODES[n % 3] for n in range(60)]
