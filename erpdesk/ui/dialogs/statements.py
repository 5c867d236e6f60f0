"""Batch statements (对账单, issue 8): choose the period, the customers, one PDF or one file per
customer and the language; the batch runs in the background with progress and Cancel; then Open,
Show folder or Print.

Customers: all, the customer list's selection or its search text, narrowed by category, region,
salesperson, 月结 only, with a balance and/or moved in the period (``statement_filters``), with a live
count of what the batch will print. The PDFs come from ``services.statements.render_batch``. Printing
goes through the system print dialog and ``pdf_printing.print_files``. Opened from File → Statements…
(Ctrl+Shift+S) and from the Receivables dock; the customer list's selection and search text are
offered as filters when the list is open.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.services.statement_dto import BatchFilter, BatchResult, StatementRequest
from erpdesk.ui import jobs
from erpdesk.ui.desktop import documents_folder, open_document
from erpdesk.ui.dialogs.common import MessageLabel, error_text
from erpdesk.ui.dialogs.pdf_printing import print_files
from erpdesk.ui.dialogs.statement_filters import BatchCount, Chosen, StatementFilters
from erpdesk.ui.i18n import current_language

LIST_DOCK = "customerListDock"


def _date_edit(parent: QWidget, name: str, day: QDate) -> QDateEdit:
    edit = QDateEdit(day, parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    day: date = edit.date().toPython()  # type: ignore[assignment]
    return day


class StatementsDialog(QDialog):
    """Statements for many customers at once; ``batch`` holds the last finished batch."""

    def __init__(
        self,
        services: Any,
        parent: QWidget | None = None,
        *,
        selected_ids: Sequence[int] = (),
        search: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statementsDialog")
        self.setWindowTitle(self.tr("Statements"))
        self._services = services
        self._selected = tuple(selected_ids)
        self._search = search.strip()
        self.batch: BatchResult | None = None
        self.job: jobs.Job | None = None
        self.print_job: jobs.Job | None = None
        self._printer: Any = None
        today = QDate(services.clock.today())

        # ------------------------------------------------------------ period
        period = QGroupBox(self.tr("Period"), self)
        self.as_of_radio = QRadioButton(self.tr("&As of"), period)
        self.as_of_radio.setObjectName("mode_as_of")
        self.as_of_radio.setChecked(True)
        self.period_radio = QRadioButton(self.tr("&From"), period)
        self.period_radio.setObjectName("mode_period")
        self.as_of = _date_edit(period, "as_of", today)
        self.date_from = _date_edit(period, "date_from", QDate(today.year(), today.month(), 1))
        self.date_to = _date_edit(period, "date_to", today)
        grid = QGridLayout(period)
        grid.addWidget(self.as_of_radio, 0, 0)
        grid.addWidget(self.as_of, 0, 1)
        grid.addWidget(self.period_radio, 1, 0)
        grid.addWidget(self.date_from, 1, 1)
        grid.addWidget(self.date_to, 1, 2)

        # ------------------------------------------------------------ customers
        who = QGroupBox(self.tr("Customers"), self)
        self.scope_all = QRadioButton(self.tr("All &customers"), who)
        self.scope_all.setObjectName("scope_all")
        self.scope_all.setChecked(True)
        self.scope_selection = QRadioButton(
            self.tr("The customer list's &selection ({0})").format(len(self._selected)), who
        )
        self.scope_selection.setObjectName("scope_selection")
        self.scope_selection.setEnabled(bool(self._selected))
        self.scope_search = QRadioButton(
            self.tr("Customers matching the &search “{0}”").format(self._search), who
        )
        self.scope_search.setObjectName("scope_search")
        self.scope_search.setEnabled(bool(self._search))
        self.with_balance = QCheckBox(self.tr("Only customers with a &balance"), who)
        self.with_balance.setObjectName("with_balance")
        self.with_balance.setChecked(True)
        scopes = QButtonGroup(self)
        for scope in (self.scope_all, self.scope_selection, self.scope_search):
            scopes.addButton(scope)
        self.filters = StatementFilters(services, who)
        self.count = BatchCount(services.statements, self.chosen, who)
        who_layout = QVBoxLayout(who)
        for widget in (
            self.scope_all,
            self.scope_selection,
            self.scope_search,
            self.filters,
            self.with_balance,
            self.filters.moved,
            self.count,
        ):
            who_layout.addWidget(widget)

        # ------------------------------------------------------------ output
        output = QGroupBox(self.tr("Output"), self)
        self.one_file = QRadioButton(self.tr("One &PDF for all"), output)
        self.one_file.setObjectName("one_file")
        self.one_file.setChecked(True)
        self.per_customer = QRadioButton(self.tr("One file per customer (&folder)"), output)
        self.per_customer.setObjectName("per_customer")
        self.target = QLineEdit(output)
        self.target.setObjectName("target")
        stem = self.tr("Statements {0}").format(today.toString("yyyy-MM-dd"))
        self.target.setText(str(documents_folder() / f"{stem}.pdf"))
        self.browse = QPushButton(self.tr("&Browse…"), output)
        self.browse.setObjectName("browse")
        self.language = QComboBox(output)
        self.language.setObjectName("language")
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.browse)
        form = QFormLayout(output)
        modes = QHBoxLayout()
        modes.addWidget(self.one_file)
        modes.addWidget(self.per_customer)
        form.addRow(modes)
        form.addRow(self.tr("Save to"), target_row)
        form.addRow(self.tr("&Language"), self.language)

        # ------------------------------------------------------------ foot
        self.message = MessageLabel(self)
        self.run_button = QPushButton(self.tr("&Create statements"), self)
        self.run_button.setObjectName("run")
        self.run_button.setDefault(True)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("open")
        self.folder_button = QPushButton(self.tr("Show fol&der"), self)
        self.folder_button.setObjectName("show_folder")
        self.print_button = QPushButton(self.tr("P&rint…"), self)
        self.print_button.setObjectName("print")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close")
        foot = QHBoxLayout()
        foot.addWidget(self.run_button)
        foot.addStretch(1)
        for button in (self.open_button, self.folder_button, self.print_button):
            button.setEnabled(False)
            foot.addWidget(button)
        foot.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(period)
        layout.addWidget(who)
        layout.addWidget(output)
        layout.addWidget(self.message)
        layout.addLayout(foot)

        self.as_of_radio.toggled.connect(self._mode_changed)
        self.one_file.toggled.connect(self._output_changed)
        self.browse.clicked.connect(self._browse)
        self.run_button.clicked.connect(self.run)
        self.open_button.clicked.connect(self.open_result)
        self.folder_button.clicked.connect(self.show_folder)
        self.print_button.clicked.connect(self.print_result)
        self.close_button.clicked.connect(self.reject)
        for toggle in (self.as_of_radio, self.scope_all, self.scope_selection, self.with_balance):
            toggle.toggled.connect(lambda _on: self.count.schedule())
        for edit in (self.as_of, self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _day: self.count.schedule())
        self.filters.changed.connect(self.count.schedule)
        self._mode_changed()
        self.filters.load()
        self.count.schedule()

    # ------------------------------------------------------------------ choices

    def _mode_changed(self, _checked: bool = False) -> None:
        as_of = self.as_of_radio.isChecked()
        self.as_of.setEnabled(as_of)
        self.date_from.setEnabled(not as_of)
        self.date_to.setEnabled(not as_of)
        self.filters.set_period(not as_of)

    def _output_changed(self, _checked: bool = False) -> None:
        text = self.target.text().strip()
        if not text:
            return
        path = Path(text)
        if self.one_file.isChecked() and path.suffix.lower() != ".pdf":
            self.target.setText(str(path.with_name(path.name + ".pdf")))
        elif not self.one_file.isChecked() and path.suffix.lower() == ".pdf":
            self.target.setText(str(path.with_suffix("")))

    def _browse(self) -> None:
        current = self.target.text().strip()
        if self.one_file.isChecked():
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the statements as"), current, "PDF (*.pdf)"
            )
        else:
            name = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the statements"), current
            )
        if name:
            self.target.setText(name)

    def request_template(self) -> StatementRequest:
        """The period or as-of date chosen (customer 0: the batch fills in each one)."""
        if self.as_of_radio.isChecked():
            return StatementRequest(customer_id=0, as_of=_day(self.as_of))
        return StatementRequest(
            customer_id=0,
            date_from=_day(self.date_from),
            date_to=_day(self.date_to),
        )

    def batch_filter(self) -> BatchFilter:
        with_balance = self.with_balance.isChecked()
        if self.scope_selection.isChecked():
            base = BatchFilter(with_balance=with_balance, customer_ids=self._selected)
        elif self.scope_search.isChecked():
            base = BatchFilter(with_balance=with_balance, search=self._search)
        else:
            base = BatchFilter(with_balance=with_balance)
        return self.filters.apply(base)

    def chosen(self) -> Chosen:
        """The filter, the balance day and the period's start (None: as of) now shown."""
        return self.batch_filter(), self.balance_day(), self.request_template().date_from

    def balance_day(self) -> date:
        """The day the balance is taken: the as-of date, or the period's end."""
        return _day(self.as_of if self.as_of_radio.isChecked() else self.date_to)

    # ------------------------------------------------------------------ running

    def make_work(self) -> Callable[[jobs.Progress, threading.Event], BatchResult] | None:
        """The batch as a job function for the choices now shown; None (and said) when incomplete."""
        text = self.target.text().strip()
        if not text:
            self.message.show_error(self.tr("Choose where to save the statements."))
            return None
        target = Path(text)
        one_file = self.one_file.isChecked()
        if one_file and target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        statements = self._services.statements
        request = self.request_template()
        chosen, day, since = self.chosen()
        lang = str(self.language.currentData())

        def work(progress: jobs.Progress, cancelled: threading.Event) -> BatchResult:
            ids = statements.customers_for_batch(chosen, day, since=since)
            progress(0, len(ids))
            return statements.render_batch(  # type: ignore[no-any-return]
                ids,
                request_template=request,
                target=target,
                one_file=one_file,
                lang=lang,
                progress=progress,
                cancelled=cancelled.is_set,
            )

        return work

    def run(self) -> jobs.Job | None:
        """Create the statements in the background (progress and Cancel after half a second)."""
        work = self.make_work()
        if work is None:
            return None
        self.message.clear_message()
        self.run_button.setEnabled(False)
        for button in (self.open_button, self.folder_button, self.print_button):
            button.setEnabled(False)
        self.job = jobs.run_job(
            self,
            self.tr("Creating statements…"),
            work,
            self.show_result,
            self._failed,
            on_cancelled=lambda: self.show_result(None),
        )
        return self.job

    def show_result(self, result: BatchResult | None) -> None:
        self.run_button.setEnabled(True)
        if result is None or result.cancelled:
            self.batch = None
            self.message.show_note(self.tr("Cancelled: no statement files were kept."))
            return
        self.batch = result
        if not result.files:
            self.message.show_note(self.tr("No customer matches: no statement was created."))
            return
        self.message.show_note(
            self.tr("{0} statements, {1} pages written to {2}").format(
                result.statements, result.pages, self._place(result)
            )
        )
        for button in (self.open_button, self.folder_button, self.print_button):
            button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.message.show_error(error_text(exc))

    @staticmethod
    def _place(result: BatchResult) -> Path:
        first = result.files[0]
        return first if len(result.files) == 1 else first.parent

    # ------------------------------------------------------------------ afterwards

    def open_result(self) -> None:
        """Open the PDF (one file) or the folder (one file per customer) with the system viewer."""
        if self.batch is not None and self.batch.files:
            open_document(self._place(self.batch))

    def show_folder(self) -> None:
        if self.batch is not None and self.batch.files:
            open_document(self.batch.files[0].parent)

    def print_result(self) -> jobs.Job | None:
        """The system print dialog, then every page of the batch to the chosen printer."""
        if self.batch is None or not self.batch.files:
            return None
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Statements"))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.print_to(printer)

    def print_to(self, printer: Any) -> jobs.Job | None:
        """Print the last batch on ``printer`` (a ``QPrinter``) in the background, with Cancel."""
        if self.batch is None or not self.batch.files:
            return None
        files, total = self.batch.files, self.batch.pages
        self._printer = printer  # kept alive until the job is over

        def work(progress: jobs.Progress, cancelled: threading.Event) -> int:
            return print_files(
                files,
                printer,
                progress=lambda done: progress(done, total),
                cancelled=cancelled.is_set,
            )

        def done(pages: int) -> None:
            self.message.show_note(self.tr("{0} pages sent to the printer.").format(pages))

        self.print_job = jobs.run_job(
            self,
            self.tr("Printing statements…"),
            work,
            done,
            self._failed,
            on_cancelled=lambda: self.message.show_note(self.tr("Printing cancelled.")),
        )
        return self.print_job


def list_context(window: QWidget | None) -> tuple[tuple[int, ...], str]:
    """The customer list's selected customer ids and search text, when the list dock is open."""
    if window is None:
        return (), ""
    from erpdesk.ui.main_window import dock_widget

    view = dock_widget(window, LIST_DOCK)  # type: ignore[arg-type]
    controller = getattr(view, "controller", None)
    if view is None or controller is None:
        return (), ""
    selected: list[int] = []
    table = getattr(view, "table", None)
    model = getattr(controller, "model", None)
    if table is not None and model is not None and table.selectionModel() is not None:
        for index in table.selectionModel().selectedRows():
            customer_id = model.id_at(index.row())
            if customer_id is not None:
                selected.append(int(customer_id))
    if not selected:
        current = controller.current_id() if hasattr(controller, "current_id") else None
        if current is not None:
            selected.append(int(current))
    search = getattr(view, "search", None)
    return tuple(selected), search.text() if search is not None else ""


def open_statements(origin: QWidget | None, services: Any) -> StatementsDialog:
    """Show the batch dialog for ``services`` (non-modal), filled from the customer list if open."""
    window = origin.window() if origin is not None else None
    selected, search = list_context(window)
    dialog = StatementsDialog(services, window, selected_ids=selected, search=search)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def install_action(window: Any, services: Any) -> Any:
    """File → Statements… (Ctrl+Shift+S) on the main window ``window`` for ``services``; once per
    window (a second ``attach`` after signing in again only re-targets it)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction, QKeySequence

    from erpdesk.domain.permissions import Permission

    action = window.findChild(QAction, "actionStatements")
    if action is None:
        action = QAction(QCoreApplication.translate("StatementsDialog", "&Statements…"), window)
        action.setObjectName("actionStatements")
        action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        action.setStatusTip(
            QCoreApplication.translate("StatementsDialog", "Print or save customer statements")
        )
        window.file_menu.insertAction(window._module_actions_end, action)
    else:
        action.triggered.disconnect()
    action.triggered.connect(lambda: open_statements(window, services))
    action.setEnabled(services.actor.may(Permission.PRINT_STATEMENT))
    return action
