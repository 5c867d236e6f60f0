"""Import wizard and the File menu's Excel actions (issue 5).

The wizard always checks first: the file is read and every row validated off the GUI thread
(``jobs.run_job`` with progress and Cancel); the preview grid then shows each row's outcome (new, update,
unchanged, error with its reason). Only a plan without errors can be imported, in one transaction, again
as a job with Cancel (which leaves the database unchanged). With errors the clerk saves the error
workbook, fixes it in Excel and checks it again. ``ExcelActions`` adds Import customers…, Export
customers…, Export contacts… and Download template… to the File menu.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Permission
from erpdesk.services.import_dto import (
    ImportMode,
    ImportPlan,
    ImportResult,
    Outcome,
    PreviewRow,
    RowProblem,
)
from erpdesk.ui import jobs
from erpdesk.ui.i18n import current_language
from erpdesk.ui.prompts import Prompts

if TYPE_CHECKING:
    from erpdesk.services.container import Services

_Index = QModelIndex | QPersistentModelIndex
EXCEL_FILTER = "Excel (*.xlsx *.xlsm);;CSV (*.csv)"
_COLOURS = {
    Outcome.NEW: "#e8f5e9",
    Outcome.UPDATE: "#e3f2fd",
    Outcome.UNCHANGED: "#f5f5f5",
    Outcome.ERROR: "#ffebee",
}


def problem_text(problem: RowProblem, lang: str) -> str:
    """The reason of a row problem in ``lang`` (the import service itself is loaded only when used,
    so building the File menu does not pull the Excel and validation libraries into start-up)."""
    return render(problem.msg_id, lang, **dict(problem.params))


def outcome_text(outcome: Outcome) -> str:
    return render(f"outcome.{outcome.value}", current_language())


class PreviewModel(QAbstractTableModel):
    """The dry run's rows: sheet row, outcome, code, name, reasons (or what an update changes)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[PreviewRow, ...] = ()
        self.lang = current_language()

    def set_rows(self, rows: tuple[PreviewRow, ...]) -> None:
        self.beginResetModel()
        # Errors first: they are what the clerk must look at.
        self.rows = tuple(sorted(rows, key=lambda r: (r.outcome is not Outcome.ERROR, r.row)))
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            self.tr("Row"),
            self.tr("Outcome"),
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Reason or changes"),
        )[section]

    def reason(self, row: PreviewRow) -> str:
        if row.problems:
            return "; ".join(
                (f"{p.header}: " if p.header else "") + problem_text(p, self.lang)
                for p in row.problems
            )
        parts = []
        if row.old_code:
            parts.append(render("import.old_code", self.lang, code=row.old_code))
        if row.changed:
            parts.append(", ".join(row.changed))
        parts.extend(problem_text(w, self.lang) for w in row.warnings)
        return "; ".join(parts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return row.row
            if column == 1:
                return outcome_text(row.outcome)
            if column == 2:
                return row.code or self.tr("(from the code rule)")
            if column == 3:
                return row.name
            return self.reason(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(_COLOURS[row.outcome]))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return self.reason(row)
        return None


class ImportWizard(QDialog):
    """Choose a file and a mode, check it, look at the preview, then import or save the error book."""

    def __init__(
        self, services: Services, parent: QWidget | None = None, kind: str = "customers"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import from Excel"))
        self.services = services
        self.kind = kind
        self.plan: ImportPlan | None = None
        self.imported: ImportResult | None = None
        self.job: jobs.Job | None = None
        self.lang = current_language()

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(self.tr("Excel or CSV file"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self.browse)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("importKind")
        self.kind_combo.addItem(self.tr("Customers"), "customers")
        self.kind_combo.addItem(self.tr("Contacts (keyed by customer code)"), "contacts")
        self.kind_combo.addItem(self.tr("Products (keyed by product code)"), "products")
        self.kind_combo.addItem(self.tr("Sales orders (one row per order line)"), "orders")
        self.kind_combo.addItem(
            self.tr("Opening balances (owed or paid in advance)"), "opening-balances"
        )
        self.kind_combo.addItem(self.tr("Receipts (allocated oldest due first)"), "receipts")
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.insert_radio = QRadioButton(self.tr("Add new rows only"), self)
        self.insert_radio.setObjectName("modeInsert")
        self.upsert_radio = QRadioButton(
            self.tr(
                "Add new rows and update existing ones (customers by code or old code, "
                "contacts by name)"
            ),
            self,
        )
        self.upsert_radio.setObjectName("modeUpsert")
        self.insert_radio.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.insert_radio)
        modes.addButton(self.upsert_radio)
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.check_button.setObjectName("importCheck")
        self.check_button.clicked.connect(self.check)

        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.notes = QLabel(self)
        self.notes.setObjectName("importNotes")
        self.notes.setWordWrap(True)
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("importPreview")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setVisible(False)

        buttons = QDialogButtonBox(self)
        self.errors_button = buttons.addButton(
            self.tr("Save &error workbook…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.errors_button.setObjectName("importSaveErrors")
        self.errors_button.clicked.connect(self.save_errors)
        self.import_button = buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importCommit")
        self.import_button.clicked.connect(self.commit)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.kind_combo)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.insert_radio)
        layout.addWidget(self.upsert_radio)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self._update_buttons()

    # ------------------------------------------------------------------ state

    @property
    def mode(self) -> ImportMode:
        return ImportMode.UPSERT if self.upsert_radio.isChecked() else ImportMode.INSERT

    def _update_buttons(self) -> None:
        plan = self.plan
        busy = self.job is not None
        self.check_button.setEnabled(not busy and bool(self.path_edit.text().strip()))
        self.errors_button.setEnabled(not busy and plan is not None and not plan.ok)
        self.import_button.setEnabled(
            not busy
            and plan is not None
            and plan.ok
            and self.imported is None
            and any(r.outcome in (Outcome.NEW, Outcome.UPDATE) for r in plan.rows)
            and self.services.actor.may(Permission.IMPORT)
        )

    def _kind_changed(self) -> None:
        self.kind = str(self.kind_combo.currentData())
        self.plan = None
        self.model.set_rows(())
        self.summary.clear()
        self.notes.clear()
        self._update_buttons()

    def browse(self) -> None:
        path = Prompts.open_file(self, self.tr("Choose the file to import"), None, EXCEL_FILTER)
        if path is not None:
            self.path_edit.setText(str(path))
            self.plan = None
            self._update_buttons()

    # ------------------------------------------------------------------ check

    def check(self) -> jobs.Job | None:
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text)
        mode = self.mode
        services = self.services
        lang = self.lang
        kind = self.kind
        self.plan = None
        self.imported = None
        self.model.set_rows(())
        self.summary.setText(self.tr("Checking…"))
        self.notes.clear()

        def work(progress: jobs.Progress, cancelled: threading.Event) -> ImportPlan:
            try:
                return services.imports.dry_run(
                    kind,
                    path,
                    mode=mode,
                    lang=lang,
                    progress=lambda done: progress(done, 0),
                    cancelled=cancelled.is_set,
                )
            except DomainError as exc:
                if exc.msg_id == "import.cancelled":
                    raise jobs.JobCancelled from None
                raise

        self.job = jobs.run_job(
            self,
            self.tr("Checking {0}…").format(path.name),
            work,
            self._checked,
            self._failed,
            on_cancelled=self._cancelled,
        )
        self.job.settled.connect(self._settled)
        self._update_buttons()
        return self.job

    def _checked(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.model.set_rows(plan.rows)
        self.table.resizeColumnsToContents()
        self.summary.setText(
            render(
                "import.summary",
                self.lang,
                file=plan.file_name,
                new=plan.count(Outcome.NEW),
                update=plan.count(Outcome.UPDATE),
                unchanged=plan.count(Outcome.UNCHANGED),
                error=plan.count(Outcome.ERROR),
            )
        )
        notes = []
        if plan.problems:
            notes.append(render("import.rejected", self.lang, count=plan.count(Outcome.ERROR)))
        if plan.unknown_columns:
            notes.append(
                render("import.unknown_columns", self.lang, columns=", ".join(plan.unknown_columns))
            )
        if plan.previous is not None:
            notes.append(
                render(
                    "import.same_file",
                    self.lang,
                    sha=plan.sha256[:12],
                    at=plan.previous.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    user=plan.previous.user,
                )
            )
        self.notes.setText("\n".join(notes))

    def _failed(self, exc: BaseException) -> None:
        from erpdesk.ui.prompts import error_text

        self.summary.setText(error_text(exc))
        Prompts.show_error(self, self.windowTitle(), error_text(exc))

    def _cancelled(self) -> None:
        self.summary.setText(render("import.cancelled", self.lang))

    def _settled(self) -> None:
        self.job = None
        self._update_buttons()

    # ------------------------------------------------------------------ commit

    def commit(self) -> jobs.Job | None:
        plan = self.plan
        if plan is None or not plan.ok:
            return None
        if plan.previous is not None and not Prompts.ask(
            self,
            self.windowTitle(),
            render(
                "import.same_file",
                self.lang,
                sha=plan.sha256[:12],
                at=plan.previous.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                user=plan.previous.user,
            )
            + "\n"
            + self.tr("Import it again?"),
        ):
            return None
        services = self.services
        total = plan.count(Outcome.NEW) + plan.count(Outcome.UPDATE)

        def work(progress: jobs.Progress, cancelled: threading.Event) -> ImportResult:
            try:
                return services.imports.commit(
                    plan, progress=lambda done: progress(done, total), cancelled=cancelled.is_set
                )
            except DomainError as exc:
                if exc.msg_id == "import.cancelled":
                    raise jobs.JobCancelled from None
                raise

        self.job = jobs.run_job(
            self,
            self.tr("Importing {0}…").format(plan.file_name),
            work,
            self._committed,
            self._failed,
            write=True,
            on_cancelled=self._cancelled,
        )
        self.job.settled.connect(self._settled)
        self._update_buttons()
        return self.job

    def _committed(self, result: ImportResult) -> None:
        self.imported = result
        text = render("import.done", self.lang, new=result.created, update=result.updated)
        self.summary.setText(text)
        Prompts.inform(self, self.windowTitle(), text)

    # ------------------------------------------------------------------ error workbook

    def save_errors(self) -> Path | None:
        plan = self.plan
        if plan is None or plan.ok:
            return None
        source = Path(plan.path)
        suggested = source.with_name(source.stem + self.tr("-errors") + ".xlsx")
        target = Prompts.save_file(
            self, self.tr("Save the error workbook"), suggested, "Excel (*.xlsx)"
        )
        if target is None:
            return None
        try:
            self.services.imports.write_error_book(plan, target, self.lang)
        except Exception as exc:
            self._failed(exc)
            return None
        self.notes.setText(render("import.errors_written", self.lang, path=str(target)))
        return target


class ExcelActions(QObject):
    """File → Import from Excel…, Export customers…, Export contacts…, Download template… (enabled
    by permission)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.services: Services | None = None
        self.import_action = QAction(self.tr("&Import from Excel…"), window)
        self.import_action.setObjectName("actionImportCustomers")
        self.import_action.triggered.connect(self.import_customers)
        self.export_action = QAction(self.tr("&Export customers…"), window)
        self.export_action.setObjectName("actionExportCustomers")
        self.export_action.triggered.connect(lambda: self.export_customers())
        self.export_contacts_action = QAction(self.tr("Export c&ontacts…"), window)
        self.export_contacts_action.setObjectName("actionExportContacts")
        self.export_contacts_action.triggered.connect(lambda: self.export_contacts())
        self.template_action = QAction(self.tr("Download &template…"), window)
        self.template_action.setObjectName("actionDownloadTemplate")
        self.template_action.triggered.connect(self.download_template)
        self.actions = (
            self.import_action,
            self.export_action,
            self.export_contacts_action,
            self.template_action,
        )
        for action in self.actions:
            action.setEnabled(False)
        self.wizard: ImportWizard | None = None
        self.job: jobs.Job | None = None

    def attach(self, services: Services) -> None:
        self.services = services
        may = services.actor.may
        self.import_action.setEnabled(may(Permission.IMPORT_DRY_RUN))
        self.template_action.setEnabled(may(Permission.IMPORT_DRY_RUN))
        self.export_action.setEnabled(may(Permission.EXPORT))
        self.export_contacts_action.setEnabled(may(Permission.EXPORT))

    def import_customers(self) -> ImportWizard | None:
        if self.services is None:
            return None
        self.wizard = ImportWizard(self.services, self.window)
        self.wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard.show()
        return self.wizard

    def download_template(self) -> jobs.Job | None:
        services = self.services
        if services is None:
            return None
        lang = current_language()
        kinds = [
            ("customers", self.tr("Customers")),
            ("contacts", self.tr("Contacts")),
            ("products", self.tr("Products")),
            ("orders", self.tr("Sales orders")),
            ("opening-balances", self.tr("Opening balances")),
            ("receipts", self.tr("Receipts")),
        ]
        kind = Prompts.choose(
            self.window, self.tr("Download template"), self.tr("Template for:"), kinds
        )
        if kind is None:
            return None
        target = Prompts.save_file(
            self.window,
            self.tr("Save the import template"),
            Path(kind + "-template.xlsx"),
            "Excel (*.xlsx)",
        )
        if target is None:
            return None

        def work(_progress: jobs.Progress, _cancelled: threading.Event) -> Path:
            return services.imports.template(kind, target, lang)

        self.job = jobs.run_job(
            self.window,
            self.tr("Writing the template…"),
            work,
            lambda path: self.window.statusBar().showMessage(
                render("template.done", lang, path=str(path)), 10000
            ),
        )
        return self.job

    def _list_state(self) -> tuple[str, Any, Any]:
        """The customer list's search text, filter and sort, when the list dock is open."""
        from erpdesk.ui.main_window import dock_widget

        for name in getattr(self.window, "docks", {}):
            controller = getattr(dock_widget(self.window, name), "controller", None)
            if controller is not None and hasattr(controller, "current_filter"):
                return (
                    str(getattr(controller, "_query", "")),
                    controller.current_filter(),
                    getattr(controller, "_sort", None),
                )
        from erpdesk.services.customer_dto import CustomerFilter, StatusFilter

        return "", CustomerFilter(status=StatusFilter.ALL), None

    def export_customers(self, target: Path | None = None) -> jobs.Job | None:
        """The customers the customer list shows (its search, filters and sort) to Excel."""
        services = self.services
        if services is None:
            return None
        query, filter_, sort = self._list_state()
        return self._export(
            target,
            self.tr("Export customers"),
            self.tr("customers"),
            self.tr("Exporting customers…"),
            partial(services.exports.customers, query=query, filter=filter_, sort=sort),
        )

    def export_contacts(self, target: Path | None = None) -> jobs.Job | None:
        """The contacts of the customers the customer list shows, in the contact import's columns."""
        services = self.services
        if services is None:
            return None
        query, filter_, sort = self._list_state()
        return self._export(
            target,
            self.tr("Export contacts"),
            self.tr("contacts"),
            self.tr("Exporting contacts…"),
            partial(services.list_exports.contacts, query=query, filter=filter_, sort=sort),
        )

    def _export(self, target: Path | None, *args: Any) -> jobs.Job | None:
        from erpdesk.ui.exporting import run_export

        self.job = run_export(self.window, target, *args)
        return self.job
