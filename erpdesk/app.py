"""Composition root of the desktop app: settings → file log → Qt + translators → window → database → user.

The main window is shown at once, before the database is opened, so the clerk sees the program start
within a second; opening and upgrading the database (a verified backup first) runs in a worker thread.
SQLAlchemy and alembic are imported only there (they cost more start-up time than Qt itself). Errors the
user can act on (a newer schema, a network path, a bad address) are shown translated, and the exit status
is then 2.

``ERPDESK_STARTUP_PROBE=1`` prints ``STARTUP_PROBE_MARKER`` and quits as soon as the window is shown
(used by ``benchmarks/startup.py``); ``ERPDESK_SCREENSHOT=FILE`` saves a picture of the window once it is
live and quits (used to refresh the README screenshot).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from erpdesk import settings as app_settings
from erpdesk.ui import i18n, jobs, prefs
from erpdesk.ui.main_window import MainWindow
from erpdesk.ui.prompts import error_text

if TYPE_CHECKING:
    from erpdesk.db.engine import Database
    from erpdesk.services.container import Services
    from erpdesk.services.context import Actor
    from erpdesk.services.credentials import DbCredential

log = logging.getLogger("erpdesk")

STARTUP_PROBE_MARKER = "ERPDESK-WINDOW-SHOWN"
EXIT_USER_ERROR = 2
_log_handler: logging.Handler | None = None


LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5


def rotate_log(log_file: Path, *, max_bytes: int = LOG_MAX_BYTES, keep: int = LOG_BACKUPS) -> None:
    """Start a new log when the current one passed ``max_bytes``: erpdesk.log → .1 → … → .``keep``.

    Rotating at start-up rather than while running keeps ``logging.handlers`` (and the socket and
    pickle modules it pulls in) out of the start-up, and never renames a file another window has open.
    """
    try:
        if log_file.stat().st_size < max_bytes:
            return
    except FileNotFoundError:
        return
    for index in range(keep - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{index}")
        if older.exists():
            os.replace(older, log_file.with_name(f"{log_file.name}.{index + 1}"))
    os.replace(log_file, log_file.with_name(f"{log_file.name}.1"))


def setup_logging(log_file: Path) -> None:
    """Log INFO and above to ``log_file`` in the data folder, rotated at start-up (5 × 1 MB kept)."""
    global _log_handler
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # another ERPDesk window holds it (Windows): append
        rotate_log(log_file)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if _log_handler is not None:  # a second run in one process (tests) replaces the first log file
        root.removeHandler(_log_handler)
        _log_handler.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _log_handler = handler


def create_application() -> QApplication:
    """The QApplication (or the existing one), named so QSettings are per user and per app."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(prefs.ORGANIZATION)
    app.setApplicationName(prefs.APPLICATION)
    from erpdesk import __version__

    app.setApplicationVersion(__version__)
    return app


# ------------------------------------------------------------------------------------ log-in step


def authenticate(window: MainWindow, database: Database) -> Actor | None:
    """LOG-IN STEP: who is using the app; ``None`` when the user gives up (the app then quits).

    An empty database runs the first-run set-up (company profile, first admin, recovery codes), which
    leaves the new admin logged in; otherwise the login dialog. When the policy requires two-step
    sign-in and the user has none yet, enrolment is part of logging in.
    """
    from erpdesk.services.auth import AuthService
    from erpdesk.services.users import UserService
    from erpdesk.ui.dialogs.login import LoginDialog
    from erpdesk.ui.dialogs.setup_wizard import SetupWizard
    from erpdesk.ui.dialogs.totp_enrolment import TotpEnrolmentDialog

    auth = AuthService(database)
    if auth.needs_setup():
        setup = SetupWizard.ask(window, auth)
        return setup.login.actor if setup is not None else None
    result = LoginDialog.ask(window, auth)
    if result is None:
        return None
    actor = result.actor
    if result.totp_required:
        users = UserService(database, actor)
        if not TotpEnrolmentDialog.ask(
            window, users.enrol_totp(), users.confirm_totp, required=True
        ):
            return None
    return actor


# -------------------------------------------------------------------------------------- start-up


def _open_database(url: str, backup_dir: Path) -> Database:
    """Worker thread: open (create) the database and upgrade it to this program's schema."""
    from erpdesk.services import database as database_service

    database = database_service.open_db(url, application_name="erpdesk-gui")
    try:
        database_service.upgrade(database, backup_dir=backup_dir)
    except BaseException:
        database.dispose()
        raise
    return database


class Bootstrap(QObject):
    """Shows the window, opens the database off the GUI thread, logs the user in, attaches services.

    Signals:
        ready(object): the ``Services`` the window was attached to.
        failed(int): start-up stopped (error shown, or log-in abandoned); the exit status.
    """

    ready = Signal(object)
    failed = Signal(int)

    def __init__(self, settings: app_settings.AppSettings) -> None:
        super().__init__()
        self.settings = settings
        self.window: MainWindow | None = None
        self.database: Database | None = None
        self.services: Services | None = None
        self.exit_code = 0
        self._url = settings.database_url
        self._credential: DbCredential | None = None
        self._password: str | None = None
        self._remember = False
        self._from_keyring = False

    def show_window(self) -> MainWindow:
        window = MainWindow(backup_dir=self.settings.backup_dir)
        window.show()
        self.window = window
        return window

    def start(self) -> MainWindow:
        """Show the window now; the database opens in a worker."""
        window = self.show_window()
        if self._url.startswith("postgres"):
            from erpdesk.services.credentials import credential_for

            self._credential = credential_for(self._url)
            self._use_remembered_password()
        self._open()
        return window

    def _open(self) -> None:
        url = self._url
        if self._password is not None:
            from erpdesk.services.credentials import with_password

            url = with_password(url, self._password)
        jobs.run_query(
            None,
            lambda: _open_database(url, self.settings.backup_dir),
            self._opened,
            self._failed,
        )

    def _use_remembered_password(self) -> None:
        """PostgreSQL: take the password from the system keyring when the user chose to remember it."""
        from erpdesk.services.credentials import load_db_password

        if self._credential is None:
            return
        loaded = load_db_password(self._credential)
        if loaded.password is not None:
            self._password, self._from_keyring = loaded.password, True

    def _ask_password(self, exc: BaseException) -> bool:
        """Ask for the database password after a refusal; False when the user cancelled."""
        from erpdesk.services.credentials import forget_db_password, keyring_usable
        from erpdesk.ui.dialogs.db_password import DatabasePasswordDialog

        assert self.window is not None
        assert self._credential is not None
        if self._from_keyring:
            forget_db_password(self._credential)  # remembered, but the server refuses it now
            self._from_keyring = False
        answer = DatabasePasswordDialog.ask(
            self.window,
            f"{self._credential.role}@{self._credential.host}/{self._credential.database}",
            keyring_available=keyring_usable(),
            error=error_text(exc) if self._password is not None else "",
        )
        if answer is None:
            return False
        self._password, self._remember = answer.password, answer.remember
        return True

    def _opened(self, database: Database) -> None:
        self.database = database
        if self._remember and self._credential is not None and self._password is not None:
            from erpdesk.services.credentials import store_db_password

            store_db_password(self._credential, self._password)
        try:
            self._log_in(database)
        except Exception as exc:
            self._failed(exc)

    def _log_in(self, database: Database) -> None:
        from erpdesk.services.container import Services

        assert self.window is not None
        if database.cloud_sync_service:
            from erpdesk.domain.messages import render

            self.window.show_error(
                render(
                    "db.cloud_folder",
                    i18n.current_language(),
                    path=database.label(),
                    service=database.cloud_sync_service,
                )
            )
        self.window.waiting_for_sign_in(database.label())
        actor = authenticate(self.window, database)
        if actor is None:
            self.exit_code = 0
            self.failed.emit(0)
            self.window.close()
            return
        self.services = Services(database, actor)
        self.window.attach(self.services)
        log.info("opened %s as %s", database.label(), actor.username)
        self.ready.emit(self.services)

    def _failed(self, exc: BaseException) -> None:
        from erpdesk.domain.errors import DomainError

        password_refused = isinstance(exc, DomainError) and exc.msg_id == "db.password_required"
        if password_refused and self._credential is not None:
            if self._ask_password(exc):
                self._open()
            else:
                assert self.window is not None
                self.failed.emit(0)
                self.window.close()
            return
        if not isinstance(exc, DomainError):
            log.error("opening the database failed", exc_info=exc)
        else:
            log.warning("opening the database refused: %s", exc)
        assert self.window is not None
        self.window.database_failed(error_text(exc))
        self.exit_code = EXIT_USER_ERROR
        self.failed.emit(EXIT_USER_ERROR)

    def close(self) -> None:
        """Wait for background work, then release the database."""
        jobs.wait_for_all()
        if self.database is not None:
            self.database.dispose()
            self.database = None


class FirstPaintProbe(QObject):
    """Prints ``STARTUP_PROBE_MARKER`` and quits when the watched window paints for the first time."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            print(STARTUP_PROBE_MARKER, flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def _take_screenshot(window: MainWindow, target: str, app: QApplication) -> None:
    def grab() -> None:
        window.grab().save(target)
        app.quit()

    QTimer.singleShot(1500, grab)


def run_gui(*, db_url: str | None, language: str | None) -> int:
    """Run the desktop app until the main window closes; returns the process exit status."""
    settings = app_settings.load(db_url, language)
    setup_logging(settings.log_file)
    if os.environ.get("ERPDESK_HOME"):
        prefs.use_folder(settings.data_dir / "ui")  # portable install: nothing in the registry
    app = create_application()
    lang = i18n.install_translators(app, i18n.choose_language(settings.language))
    log.info("starting, language %s", lang)
    boot = Bootstrap(settings)
    if os.environ.get("ERPDESK_STARTUP_PROBE") == "1":
        probe = FirstPaintProbe(app)
        window = boot.show_window()
        window.installEventFilter(probe)
        app.exec()
        window.close()
        return 0
    boot.failed.connect(lambda code: app.exit(code))
    screenshot = os.environ.get("ERPDESK_SCREENSHOT")
    if screenshot:
        boot.ready.connect(lambda _services: _take_screenshot(boot.window, screenshot, app))  # type: ignore[arg-type]
    window = boot.start()
    status: Any = app.exec()
    if window.isVisible():
        window.close()
    boot.close()
    return int(status if status is not None else boot.exit_code)
