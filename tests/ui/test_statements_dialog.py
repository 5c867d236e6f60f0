"""The batch statements dialog on a real SQLite database: one PDF per customer into a folder through a
background job, the list's selection as the filter, Cancel leaving no file behind, and printing the
batch through a QPrinter set to write a PDF (page count read back with pypdf)."""

from __future__ import annotations

import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

import receivables_ui_support
from aging_support import Seeded, deliver
from order_support import services_for

from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Clock
from erpdesk.services.customer_dto import CustomerInput
from erpdesk.ui.dialogs.pdf_printing import print_files
from erpdesk.ui.dialogs.statements import StatementsDialog
from erpdesk.ui.jobs import JobCancelled

aging_template = receivables_ui_support.aging_template
seeded_sqlite = receivables_ui_support.seeded_sqlite
sqlite_db = receivables_ui_support.sqlite_db
seeded = receivables_ui_support.seeded


@pytest.fixture
def accountant(sqlite_db: Database, clock: Clock, seeded: Seeded) -> Services:
    return services_for(sqlite_db, clock, Role.ACCOUNTANT, name="li.kuaiji")


def _codes(services: Services, *ids: int) -> list[str]:
    return sorted(services.customers.get(i).code for i in ids)


def _dialog(qtbot, services: Services, **kwargs) -> StatementsDialog:
    dialog = StatementsDialog(services, **kwargs)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    return dialog


def _run(qtbot, dialog: StatementsDialog):
    job = dialog.run()
    assert job is not None
    with qtbot.waitSignal(job.settled, timeout=60_000):
        pass
    assert job.error is None, job.error
    return dialog.batch


def test_one_pdf_per_customer_with_a_balance(
    qtbot, accountant: Services, seeded: Seeded, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, accountant)
    assert dialog.as_of.date().toString("yyyy-MM-dd") == "2025-05-03"
    dialog.per_customer.setChecked(True)
    folder = tmp_path / "statements"
    dialog.target.setText(str(folder))
    result = _run(qtbot, dialog)
    assert result.statements == 3
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"{code}.pdf" for code in _codes(accountant, seeded.a, seeded.b, seeded.c)]
    text = PdfReader(folder / names[0]).pages[0].extract_text()
    assert names[0].removesuffix(".pdf") in text
    assert "3 statements" in dialog.message.text()
    assert dialog.print_button.isEnabled()
    assert dialog.open_button.isEnabled()


def test_the_list_selection_as_the_filter(
    qtbot, accountant: Services, seeded: Seeded, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, accountant, selected_ids=(seeded.b,), search="")
    assert not dialog.scope_search.isEnabled()
    dialog.scope_selection.setChecked(True)
    dialog.per_customer.setChecked(True)
    dialog.target.setText(str(tmp_path / "one"))
    result = _run(qtbot, dialog)
    assert [p.name for p in result.files] == [f"{_codes(accountant, seeded.b)[0]}.pdf"]


def test_cancel_removes_the_files_already_written(
    qtbot, accountant: Services, seeded: Seeded, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, accountant)
    dialog.per_customer.setChecked(True)
    folder = tmp_path / "cancelled"
    dialog.target.setText(str(folder))
    work = dialog.make_work()
    assert work is not None
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 1:  # the first statement is on disk: cancel now
            assert len(list(folder.iterdir())) == 1
            cancel.set()

    result = work(progress, cancel)
    assert result.cancelled
    assert result.files == ()
    assert (1, 3) in seen
    assert list(folder.iterdir()) == []
    dialog.show_result(result)
    assert "no statement files were kept" in dialog.message.text()
    assert not dialog.print_button.isEnabled()


def test_printing_to_a_pdf_printer_prints_every_page(
    qtbot, accountant: Services, seeded: Seeded, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    dialog = _dialog(qtbot, accountant)
    assert dialog.one_file.isChecked()
    dialog.target.setText(str(tmp_path / "all.pdf"))
    result = _run(qtbot, dialog)
    assert result.files == (tmp_path / "all.pdf",)
    assert len(PdfReader(tmp_path / "all.pdf").pages) == result.pages >= 3
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    job = dialog.print_to(printer)
    with qtbot.waitSignal(job.settled, timeout=60_000):
        pass
    assert job.error is None, job.error
    assert job.result == result.pages
    assert f"{result.pages} pages sent to the printer." in dialog.message.text()
    reader = PdfReader(printed)
    assert len(reader.pages) == result.pages
    # The page is the statement's picture, not blank: the painted image is in the page's resources.
    assert reader.pages[0].images
    # Printing directly (smaller resolution) and cancelling after the first page.
    again = tmp_path / "again.pdf"
    printer.setOutputFileName(str(again))
    assert print_files(result.files, printer, dpi=72) == result.pages
    assert len(PdfReader(again).pages) == result.pages
    pages_seen: list[int] = []
    with pytest.raises(JobCancelled):
        print_files(
            result.files,
            printer,
            dpi=72,
            progress=pages_seen.append,
            cancelled=lambda: bool(pages_seen),
        )
    assert pages_seen == [1]


def test_missing_target_is_said(qtbot, accountant: Services) -> None:
    dialog = _dialog(qtbot, accountant)
    dialog.target.setText("  ")
    assert dialog.run() is None
    assert dialog.message.text() == "Choose where to save the statements."


def _add_customer(services: Services, name: str, region: str) -> int:
    manager = services_for(services.database, services.clock, Role.MANAGER, name="setup")
    return manager.customers.save(
        CustomerInput(name=name, region=region, payment_terms_days=30, settlement_method="monthly"),
        ack={"duplicates"},
        reason="test",
    ).id


def _settle_count(qtbot, dialog: StatementsDialog) -> int:
    """Wait for the debounced count the last change asked for; returns the number shown."""
    qtbot.waitUntil(lambda: dialog.count.value is not None, timeout=10_000)
    assert dialog.count.text() == f"{dialog.count.value} customers"
    return dialog.count.value


def test_choosing_a_region_changes_the_count_and_the_batch(
    qtbot, accountant: Services, seeded: Seeded, tmp_path: Path
) -> None:
    clerk = services_for(accountant.database, accountant.clock, Role.CLERK, name="wang.li")
    canton = _add_customer(accountant, "广州南粤五金有限公司", "广东")
    _add_customer(accountant, "深圳无欠款贸易有限公司", "广东")  # owes nothing
    _add_customer(accountant, "杭州西湖茶叶有限公司", "浙江")
    deliver(clerk, canton, "88.00", date(2025, 4, 28))

    dialog = _dialog(qtbot, accountant)
    with qtbot.waitSignal(dialog.filters.lookup_job.settled, timeout=10_000):
        pass
    regions = [dialog.filters.region.itemText(i) for i in range(dialog.filters.region.count())]
    assert regions[1:] == ["广东", "浙江"]
    assert _settle_count(qtbot, dialog) == 4  # A, B, C of the seed and the Canton customer owe
    assert not dialog.filters.moved.isEnabled()  # as of a day: there is no period to move in

    dialog.filters.region.setCurrentIndex(dialog.filters.region.findData("广东"))
    assert dialog.count.value is None  # recounting
    assert _settle_count(qtbot, dialog) == 1
    dialog.with_balance.setChecked(False)
    assert _settle_count(qtbot, dialog) == 2
    dialog.with_balance.setChecked(True)
    assert _settle_count(qtbot, dialog) == 1

    dialog.per_customer.setChecked(True)
    folder = tmp_path / "canton"
    dialog.target.setText(str(folder))
    result = _run(qtbot, dialog)
    assert result.statements == 1
    assert [p.name for p in folder.iterdir()] == [f"{_codes(accountant, canton)[0]}.pdf"]
    text = PdfReader(result.files[0]).pages[0].extract_text()
    assert "广州南粤五金有限公司" in text

    # A period offers "moved in the period": in April A, B and the Canton customer had deliveries;
    # with the region still 广东, the Canton customer alone.
    dialog.period_radio.setChecked(True)
    dialog.date_from.setDate(QDate(2025, 4, 1))
    dialog.date_to.setDate(QDate(2025, 4, 30))
    assert dialog.filters.moved.isEnabled()
    dialog.with_balance.setChecked(False)
    dialog.filters.moved.setChecked(True)
    assert _settle_count(qtbot, dialog) == 1
    dialog.filters.region.setCurrentIndex(0)
    assert _settle_count(qtbot, dialog) == 3
