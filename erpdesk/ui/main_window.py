"""The main window: five docks from the registry, menus, toolbar, status bar, saved layout.

The window is shown before the database is open (the status bar says so); ``attach(services)`` then makes
it live: the status bar shows the database and the user, and each dock with a factory builds its widget
(on first show). The dock layout and the window geometry are saved in QSettings on close and restored on
start; ``LAYOUT_VERSION`` is bumped whenever docks are added or renamed so an old layout is not applied.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QToolBar,
    QWidget,
)

from erpdesk import __version__
from erpdesk.ui import jobs, prefs
from erpdesk.ui.docks.registry import DOCKS, DockSpec
from erpdesk.ui.events import AppEvents
from erpdesk.ui.prompts import Prompts

if TYPE_CHECKING:
    from pathlib import Path

    from erpdesk.services.container import Services

log = logging.getLogger(__name__)

LAYOUT_VERSION = 2  # 2: the Receivables dock (issue 8); an older saved layout is not applied
GEOMETRY_KEY = "mainWindow/geometry"
STATE_KEY = "mainWindow/state"


def _placeholder(text: str, object_name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setMargin(24)
    label.setStyleSheet("color: palette(dark);")
    return label


class MainWindow(QMainWindow):
    """ERPDesk's main window.

    Signals:
        services_attached(object): after ``attach`` made the window live (carries the ``Services``).
    """

    services_attached = Signal(object)

    def __init__(self, *, backup_dir: Path | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("ERPDesk"))
        self.setDockNestingEnabled(True)  # with the default animated, tabbed docks
        self.services: Services | None = None
        self.backup_dir = backup_dir
        self.docks: dict[str, QDockWidget] = {}
        self._specs: dict[str, DockSpec] = {}
        self._built: set[str] = set()
        self._build_actions()
        self._build_docks()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.resize(1280, 800)
        self._default_sizes()
        self._default_state = self.saveState(LAYOUT_VERSION)
        self._layout_restored = self.restore_layout()

    # ------------------------------------------------------------------------------ construction

    def _build_actions(self) -> None:
        self.backup_action = QAction(self.tr("&Back up now…"), self)
        self.backup_action.setObjectName("actionBackup")
        self.backup_action.setStatusTip(self.tr("Write a verified copy of the database"))
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("&Restore…"), self)
        self.restore_action.setObjectName("actionRestore")
        self.restore_action.setStatusTip(self.tr("Replace the database with a backup file"))
        self.restore_action.triggered.connect(self.restore_backup)
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(False)  # until the database is open and the user may do it
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("actionQuit")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # StandardKey.Quit is empty on Windows
        self.quit_action.triggered.connect(self.close)
        self.reset_layout_action = QAction(self.tr("Reset &layout"), self)
        self.reset_layout_action.setObjectName("actionResetLayout")
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.about_action = QAction(self.tr("&About ERPDesk"), self)
        self.about_action.setObjectName("actionAbout")
        self.about_action.triggered.connect(self.show_about)

    def _build_docks(self) -> None:
        bottom: list[QDockWidget] = []
        for spec in DOCKS:
            dock = QDockWidget(spec.translated_title(), self)
            dock.setObjectName(spec.object_name)
            if spec.factory is None:
                text = self.tr("The “{0}” module is not built yet.").format(spec.translated_title())
            else:
                text = self.tr("Opening database…")
            dock.setWidget(_placeholder(text, "placeholder"))
            self.addDockWidget(spec.area, dock)
            dock.visibilityChanged.connect(self._dock_visibility_changed)
            self.docks[spec.object_name] = dock
            self._specs[spec.object_name] = spec
            if spec.area == Qt.DockWidgetArea.BottomDockWidgetArea:
                bottom.append(dock)
        for later in bottom[1:]:
            self.tabifyDockWidget(bottom[0], later)
        if bottom:
            bottom[0].raise_()

    def _default_sizes(self) -> None:
        """Customers get most of the room: list and form on top, the other modules tabbed below."""
        names = ("customerListDock", "customerFormDock", "orderGridDock")
        if not all(name in self.docks for name in names):
            return
        customer_list, customer_form, orders = (self.docks[name] for name in names)
        self.resizeDocks([customer_list, customer_form], [760, 520], Qt.Orientation.Horizontal)
        self.resizeDocks([customer_list, orders], [520, 220], Qt.Orientation.Vertical)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("menuFile")
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        # Modules add their File actions here in ``attach`` (after the window is shown: their imports
        # reach services and SQLAlchemy, which must not slow the start-up).
        self._module_actions_end = file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu
        self.excel_actions: Any = None
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("menuView")
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self.reset_layout_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menuHelp")
        help_menu.addAction(self.about_action)
        self.view_menu = view_menu

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for dock in self.docks.values():
            toolbar.addAction(dock.toggleViewAction())
        toolbar.addSeparator()
        toolbar.addAction(self.backup_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.database_label = QLabel(self.tr("No database"))
        self.database_label.setObjectName("statusDatabase")
        self.user_label = QLabel("")
        self.user_label.setObjectName("statusUser")
        status.addPermanentWidget(self.database_label)
        status.addPermanentWidget(self.user_label)
        status.showMessage(self.tr("Opening database…"))

    # -------------------------------------------------------------------------------- going live

    def attach(self, services: Services) -> None:
        """Make the window live for ``services``: status bar, permitted actions, dock widgets."""
        from erpdesk.domain.permissions import Permission

        self.services = services
        self.database_label.setText(
            self.tr("Database: {0}").format(services.admin.database_label())
        )
        self.database_label.setToolTip(services.admin.database_label())
        self.user_label.setText(self.tr("User: {0}").format(services.actor.username))
        self.backup_action.setEnabled(services.actor.may(Permission.BACKUP))
        self.restore_action.setEnabled(
            services.actor.may(Permission.RESTORE) and services.admin.is_sqlite
        )
        self.statusBar().showMessage(self.tr("Ready"), 5000)
        for name, dock in self.docks.items():
            if self._specs[name].factory is not None and not dock.visibleRegion().isEmpty():
                self._build_dock(name)
        if not self._layout_restored:
            # The real dock widgets are far taller than their placeholders; size again once they are in.
            QTimer.singleShot(0, self._settle_default_layout)
        if self.excel_actions is None:
            from erpdesk.ui.dialogs.import_wizard import ExcelActions  # issue 5

            self.excel_actions = ExcelActions(self)
            self.file_menu.insertActions(self._module_actions_end, list(self.excel_actions.actions))
        self.excel_actions.attach(services)
        from erpdesk.ui.session import SessionControls  # Account menu + idle lock (issue 4)

        self.session = SessionControls.install(self, services)
        from erpdesk.ui.dialogs.statements import install_action  # File → Statements… (issue 8)

        install_action(self, services)
        self.services_attached.emit(services)

    def _dock_visibility_changed(self, visible: bool) -> None:
        dock = self.sender()
        if visible and isinstance(dock, QDockWidget):
            self._build_dock(dock.objectName())

    def _build_dock(self, name: str) -> None:
        """Build the real widget of dock ``name`` the first time it is shown after ``attach``."""
        spec = self._specs[name]
        if spec.factory is None or self.services is None or name in self._built:
            return
        self._built.add(name)
        dock = self.docks[name]
        try:
            widget = spec.factory(self.services, dock)
        except Exception as exc:
            log.exception("building dock %s failed", name)
            from erpdesk.ui.prompts import error_text

            dock.setWidget(_placeholder(error_text(exc), "dockError"))
            return
        # A module's editor may need more height than a small screen leaves its dock; it scrolls then,
        # instead of squeezing every other dock.
        holder = QScrollArea(dock)
        holder.setObjectName("dockScroll")
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(widget)
        old = dock.widget()
        dock.setWidget(holder)
        if old is not None:
            old.deleteLater()

    def show_error(self, text: str) -> None:
        """A message box titled ERPDesk (start-up warnings and errors)."""
        Prompts.show_error(self, self.tr("ERPDesk"), text)

    def waiting_for_sign_in(self, database_label: str) -> None:
        """The database is open; the log-in dialog is up."""
        self.statusBar().showMessage(self.tr("Database open — please sign in"))
        self.database_label.setText(self.tr("Database: {0}").format(database_label))
        for name, dock in self.docks.items():
            if self._specs[name].factory is not None and name not in self._built:
                dock.setWidget(_placeholder(self.tr("Sign in to start."), "placeholder"))

    def database_failed(self, text: str) -> None:
        """Start-up could not open the database: say so in the status bar and in a message box."""
        self.statusBar().showMessage(self.tr("The database could not be opened."))
        self.database_label.setText(self.tr("No database"))
        self.show_error(text)

    # ------------------------------------------------------------------------------------ layout

    def restore_layout(self) -> bool:
        """Apply the saved geometry and dock layout; ``False`` when none fits this version."""
        store = prefs.settings()
        geometry = store.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = store.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            return bool(self.restoreState(state, LAYOUT_VERSION))
        return False

    def save_layout(self) -> None:
        store = prefs.settings()
        store.setValue(GEOMETRY_KEY, self.saveGeometry())
        store.setValue(STATE_KEY, self.saveState(LAYOUT_VERSION))
        store.sync()

    def _settle_default_layout(self) -> None:
        self._default_sizes()
        self._default_state = self.saveState(LAYOUT_VERSION)

    def reset_layout(self) -> None:
        """Back to the layout the program ships with (every dock shown)."""
        self.restoreState(self._default_state, LAYOUT_VERSION)
        self._default_sizes()
        for dock in self.docks.values():
            if dock.isHidden() and not dock.isFloating():
                dock.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)

    # ----------------------------------------------------------------------------- file actions

    def back_up_now(self) -> None:
        """File → Back up now…: choose a file (suggested in the backup folder), then write it."""
        services = self.services
        if services is None:
            return
        folder = self.backup_dir
        suggested = services.admin.default_backup_target(folder) if folder else None
        target = Prompts.save_file(self, self.tr("Back up the database"), suggested)
        if target is None:
            return

        def work(progress: jobs.Progress, _cancelled: object) -> Path:
            return services.admin.backup(target, progress=progress)

        def done(path: Path) -> None:
            self.statusBar().showMessage(self.tr("Backup written to {0}").format(path), 10000)
            Prompts.inform(
                self,
                self.tr("Backup"),
                self.tr("The backup was written and verified:\n{0}").format(path),
            )

        self.backup_job = jobs.run_job(self, self.tr("Backing up the database…"), work, done)

    def restore_backup(self) -> None:
        """File → Restore…: pick a backup, confirm, replace the database, reload every dock."""
        services = self.services
        if services is None or self.backup_dir is None:
            return
        keep_dir = self.backup_dir
        source = Prompts.open_file(
            self,
            self.tr("Restore a backup"),
            keep_dir,
            self.tr("ERPDesk backups (*.db);;All files (*)"),
        )
        if source is None:
            return
        question = self.tr(
            "Replace the current database with the backup\n{0}?\n\n"
            "The current database is kept as a verified copy in\n{1}"
        ).format(source, keep_dir)
        if not Prompts.ask(self, self.tr("Restore"), question):
            return

        def work(_progress: jobs.Progress, _cancelled: object) -> object:
            return services.admin.restore(source, keep_dir)

        def done(result: object) -> None:
            AppEvents.instance().reset.emit()
            Prompts.inform(
                self,
                self.tr("Restore"),
                self.tr(
                    "The database was restored from\n{0}\n\nThe previous one was kept as\n{1}"
                ).format(source, getattr(result, "kept", "")),
            )

        self.restore_job = jobs.run_job(
            self, self.tr("Restoring the database…"), work, done, write=True
        )

    def show_about(self) -> None:
        Prompts.inform(
            self,
            self.tr("About ERPDesk"),
            self.tr(
                "ERPDesk {0}\nCustomers, orders, settlements, statements and stocktake."
            ).format(__version__),
        )


def dock_widget(window: QMainWindow, object_name: str) -> QWidget | None:
    """The content widget of the dock ``object_name`` (tests and other docks use it)."""
    dock = window.findChild(QDockWidget, object_name)
    if dock is None:
        return None
    content = dock.widget()
    return content.widget() if isinstance(content, QScrollArea) else content
