"""Idle lock: after N minutes without input the window's content is covered and the password asked again.

``IdleLock`` is an event filter on the ``QApplication``: every key, click, wheel or mouse move resets the
idle time, and a timer compares it with the limit (the clock is injected so tests need not wait). When
locked, each visible top-level window gets an opaque cover; the one that can take input (the active
modal dialog, else the main window) also holds the unlock panel. Input to anything outside that panel is
swallowed, floating docks are hidden, and nothing is closed or reset, so unsaved drafts stay in memory.
Twelve hours after the last password the window locks even while in use.
Checking the password (and TOTP code) is the caller's ``unlock`` callable, which raises ``DomainError``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMargins, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Permission
from erpdesk.ui.dialogs.common import MessageLabel, error_text, password_edit

if TYPE_CHECKING:
    from erpdesk.services.container import Services

log = logging.getLogger(__name__)

DEFAULT_IDLE_MINUTES = 15
SESSION_HOURS = 12  # RELIABILITY.md §5: after this the password is needed again even while busy

UnlockFn = Callable[[str, str | None], object]
"""``unlock(password, totp_code_or_None)``: returns on success, raises ``DomainError`` otherwise."""

_E = QEvent.Type
_ACTIVITY = frozenset(
    {
        _E.KeyPress,
        _E.MouseButtonPress,
        _E.MouseButtonDblClick,
        _E.MouseMove,
        _E.Wheel,
        _E.TouchBegin,
        _E.InputMethod,
    }
)
_BLOCKED_WHILE_LOCKED = _ACTIVITY | frozenset(
    {
        _E.KeyRelease,
        _E.MouseButtonRelease,
        _E.Shortcut,
        _E.ShortcutOverride,
        _E.ContextMenu,
        _E.TouchUpdate,
        _E.TouchEnd,
        _E.Drop,
        _E.DragEnter,
        _E.DragMove,
    }
)

_NOT_COVERED = frozenset(
    {Qt.WindowType.ToolTip, Qt.WindowType.Popup, Qt.WindowType.SplashScreen, Qt.WindowType.Desktop}
)


class LockPanel(QFrame):
    """The password (and code) prompt shown in the middle of the cover."""

    def __init__(self, parent: QWidget, *, username: str, needs_totp: bool) -> None:
        super().__init__(parent)
        self.setObjectName("lock.panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setMaximumWidth(420)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("ERPDesk is locked"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        note = QLabel(
            self.tr(
                "The window was locked after a period without use. Your unsaved work is kept. "
                "Enter the password of {user} to continue."
            ).format(user=username),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("Password:"), self))
        self.password = password_edit(self, "lock.password")
        layout.addWidget(self.password)
        self.totp = QLineEdit(self)
        self.totp.setObjectName("lock.totp")
        self.totp.setMaxLength(8)
        self.totp.setPlaceholderText(self.tr("6-digit code from your authenticator app"))
        self.totp_label = QLabel(self.tr("Authenticator code:"), self)
        layout.addWidget(self.totp_label)
        layout.addWidget(self.totp)
        self.totp.setVisible(needs_totp)
        self.totp_label.setVisible(needs_totp)
        self.message = MessageLabel(self, object_name="lock.message")
        layout.addWidget(self.message)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setObjectName("lock.unlock")
        self.unlock_button.setDefault(True)
        layout.addWidget(self.unlock_button)


class LockCover(QWidget):
    """An opaque child covering a whole top-level window, optionally holding the unlock panel."""

    def __init__(self, target: QWidget, panel: LockPanel | None = None) -> None:
        super().__init__(target)
        self.setObjectName("lock.cover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        if panel is not None:
            panel.setParent(self)
            layout.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.panel = panel
        self.fit()

    def fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()


class IdleLock(QObject):
    """Locks ``window`` after ``minutes`` without input; ``unlock`` checks the password.

    Args:
        window: the main window whose content is covered.
        unlock: ``unlock(password, totp)``; raise ``DomainError`` to refuse.
        username: shown on the lock panel.
        needs_totp: ask for an authenticator code as well.
        minutes: idle time before locking (0 or less: never lock by itself).
        clock: monotonic seconds; tests pass a fake.
        poll_ms: how often the idle time is compared with the limit.
        session_hours: after this long since the last password, lock even while in use.
    """

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QWidget,
        unlock: UnlockFn,
        *,
        username: str,
        needs_totp: bool = False,
        minutes: float = DEFAULT_IDLE_MINUTES,
        clock: Callable[[], float] = time.monotonic,
        poll_ms: int = 5000,
        session_hours: float = SESSION_HOURS,
    ) -> None:
        super().__init__(window)
        self.setObjectName("session.idle_lock")
        self._session_limit = float(session_hours) * 3600.0
        self._session_start = clock()
        self._window = window
        self._unlock = unlock
        self._username = username
        self._needs_totp = needs_totp
        self._limit = float(minutes) * 60.0
        self._clock = clock
        self._last_input = clock()
        self._covers: list[LockCover] = []
        self._hidden_docks: list[QDockWidget] = []
        self._resized: tuple[QWidget, QSize] | None = None
        self._panel: LockPanel | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)
        self._installed = False

    # ------------------------------------------------------------------ lifecycle

    def install(self) -> IdleLock:
        """Start watching input on the whole application and start the idle timer."""
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._last_input = self._clock()
        self._timer.start()
        return self

    def uninstall(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def set_minutes(self, minutes: float) -> None:
        self._limit = float(minutes) * 60.0

    @property
    def needs_totp(self) -> bool:
        return self._needs_totp

    def set_needs_totp(self, needs_totp: bool) -> None:
        """Ask for the authenticator code from the next lock on (after enrolling)."""
        self._needs_totp = needs_totp

    @property
    def is_locked(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> LockPanel | None:
        return self._panel

    def idle_seconds(self) -> float:
        return self._clock() - self._last_input

    # ------------------------------------------------------------------ watching

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._covers:
            if kind == _E.Resize and isinstance(watched, QWidget):
                for cover in self._covers:
                    if cover.parentWidget() is watched:
                        cover.fit()
            elif kind in _BLOCKED_WHILE_LOCKED and self._blocks(watched, kind):
                return True
            elif kind == _E.FocusIn and self._panel is not None and self._blocks(watched, kind):
                # Tab must not walk out of the panel into the hidden forms.
                QTimer.singleShot(0, self._refocus)
        elif kind in _ACTIVITY:
            self._last_input = self._clock()
        return False

    def _blocks(self, watched: QObject, kind: QEvent.Type) -> bool:
        # Input reaches a QWindow first and is then re-sent to the widget, so only widgets are
        # filtered; shortcuts, though, go straight to their QAction and must be stopped there.
        if not isinstance(watched, QWidget):
            return kind == _E.Shortcut
        panel = self._panel
        return panel is None or not (watched is panel or panel.isAncestorOf(watched))

    def _refocus(self) -> None:
        if self._panel is not None:
            self._panel.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def poll(self) -> None:
        """Lock when the idle limit has passed (called by the timer; tests may call it)."""
        if self.is_locked:
            return
        if (self._limit > 0 and self.idle_seconds() >= self._limit) or (
            self._session_limit > 0 and self._clock() - self._session_start >= self._session_limit
        ):
            self.lock()

    # ------------------------------------------------------------------ lock / unlock

    def lock(self) -> None:
        """Cover every window now and ask for the password."""
        if self.is_locked:
            return
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            next_popup = QApplication.activePopupWidget()
            popup = None if next_popup is popup else next_popup
        self._hidden_docks = []
        if isinstance(self._window, QMainWindow):
            for dock in self._window.findChildren(QDockWidget):
                if dock.isFloating() and dock.isVisible():
                    dock.hide()
                    self._hidden_docks.append(dock)
        modal = QApplication.activeModalWidget()
        holder = modal if modal is not None and modal.isVisible() else self._window
        panel = LockPanel(holder, username=self._username, needs_totp=self._needs_totp)
        panel.unlock_button.clicked.connect(self._try_unlock)
        panel.password.returnPressed.connect(self._try_unlock)
        panel.totp.returnPressed.connect(self._try_unlock)
        self._panel = panel
        targets = [self._window]
        for widget in QApplication.topLevelWidgets():
            if (
                widget is not self._window
                and widget.isVisible()
                and widget.windowType() not in _NOT_COVERED
            ):
                targets.append(widget)
        self._resized = None
        wanted = panel.sizeHint().grownBy(QMargins(24, 24, 24, 24))
        if holder is not self._window and (
            holder.width() < wanted.width() or holder.height() < wanted.height()
        ):
            # A small dialog (a message box) must grow so the password field fits inside it.
            self._resized = (holder, holder.size())
            holder.resize(holder.size().expandedTo(wanted))
        for target in targets:
            cover = LockCover(target, panel if target is holder else None)
            cover.show()
            self._covers.append(cover)
        panel.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.locked_changed.emit(True)

    def _try_unlock(self) -> None:
        panel = self._panel
        if panel is None:
            return
        password = panel.password.text()
        code = panel.totp.text().strip() if self._needs_totp else None
        if not password:
            panel.message.show_error(self.tr("Enter your password."))
            return
        try:
            self._unlock(password, code)
        except DomainError as exc:
            panel.password.clear()
            panel.totp.clear()
            panel.message.show_error(error_text(exc))
            panel.password.setFocus()
            return
        self._release()

    def _release(self) -> None:
        panel = self._panel
        self._panel = None
        if panel is not None:
            panel.password.clear()
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._covers = []
        resized, self._resized = self._resized, None
        if resized is not None:
            resized[0].resize(resized[1])
        for dock in self._hidden_docks:
            dock.show()
        self._hidden_docks = []
        self._last_input = self._session_start = self._clock()
        self.locked_changed.emit(False)


class SessionControls(QObject):
    """The Account menu (Lock, Change password…, Two-step sign-in…, Users… for admins) and the idle lock.

    Built by the main window when it is attached to a logged-in user's ``Services``; attaching again
    (another user, a restored database) replaces the previous controls.
    """

    def __init__(
        self,
        window: QMainWindow,
        services: Services,
        *,
        clock: Callable[[], float] = time.monotonic,
        minutes: float | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("session.controls")
        self._window = window
        self._services = services
        actor = services.actor
        # A window must still open when the policy cannot be read: then the defaults apply.
        try:
            if minutes is None:
                minutes = services.auth.idle_lock_minutes()
            needs_totp = services.users.get(actor.username).totp_enrolled
        except Exception:
            log.warning("reading the session policy failed; using defaults", exc_info=True)
            minutes = DEFAULT_IDLE_MINUTES if minutes is None else minutes
            needs_totp = False
        self.idle_lock = IdleLock(
            window,
            lambda password, code: services.auth.reauthenticate(password, code),
            username=actor.username,
            needs_totp=needs_totp,
            minutes=minutes,
            clock=clock,
        )
        self.lock_action = QAction(self.tr("&Lock"), window)
        self.lock_action.setObjectName("actionLock")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setStatusTip(self.tr("Cover the window until your password is entered"))
        self.lock_action.triggered.connect(self.idle_lock.lock)
        self.password_action = QAction(self.tr("Change &password…"), window)
        self.password_action.setObjectName("actionChangePassword")
        self.password_action.triggered.connect(self.change_password)
        self.totp_action = QAction(self.tr("&Two-step sign-in…"), window)
        self.totp_action.setObjectName("actionTotp")
        self.totp_action.setStatusTip(self.tr("Ask for a code from your phone when you log in"))
        self.totp_action.triggered.connect(self.enrol_totp)
        self.users_action = QAction(self.tr("&Users…"), window)
        self.users_action.setObjectName("actionUsers")
        self.users_action.setStatusTip(self.tr("Add users, change roles, reset passwords"))
        self.users_action.triggered.connect(self.manage_users)
        self.users_action.setVisible(actor.may(Permission.MANAGE_USERS))
        self.users_action.setEnabled(actor.may(Permission.MANAGE_USERS))
        self.company_action = QAction(self.tr("Company &profile…"), window)
        self.company_action.setObjectName("actionCompanyProfile")
        self.company_action.setStatusTip(
            self.tr("What statements print, the approval threshold and the aging buckets")
        )
        self.company_action.triggered.connect(self.edit_company_profile)
        self.company_action.setVisible(actor.may(Permission.MANAGE_SETTINGS))
        self.menu = QMenu(self.tr("&Account"), window)
        self.menu.setObjectName("menuAccount")
        self.menu.addAction(self.lock_action)
        self.menu.addAction(self.password_action)
        self.menu.addAction(self.totp_action)
        self.menu.addSeparator()
        self.menu.addAction(self.users_action)
        self.menu.addAction(self.company_action)
        bar = window.menuBar()
        help_menu = window.findChild(QMenu, "menuHelp")
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)
        window.addAction(self.lock_action)

    @classmethod
    def install(cls, window: QMainWindow, services: Services) -> SessionControls:
        """Replace any earlier controls on ``window`` with ones for ``services`` and start the timer."""
        for old in window.findChildren(SessionControls):
            old.dispose()
        controls = cls(window, services)
        controls.idle_lock.install()
        return controls

    def dispose(self) -> None:
        self.idle_lock.uninstall()
        self._window.menuBar().removeAction(self.menu.menuAction())
        self._window.removeAction(self.lock_action)
        self.menu.deleteLater()
        self.setParent(None)
        self.deleteLater()

    # ------------------------------------------------------------------ actions

    def change_password(self) -> bool:
        from erpdesk.ui.dialogs.change_password import ChangePasswordDialog

        auth = self._services.auth
        username = self._services.actor.username
        done = ChangePasswordDialog.ask(
            self._window,
            lambda current, new: auth.change_password(username, current or "", new),
            lambda pw: auth.check_password(pw, username=username),
            ask_current=True,
        )
        if done is not None:
            self._window.statusBar().showMessage(self.tr("Your password was changed."), 8000)
        return done is not None

    def enrol_totp(self) -> bool:
        from erpdesk.ui.dialogs.totp_enrolment import TotpEnrolmentDialog
        from erpdesk.ui.prompts import Prompts

        users = self._services.users
        try:
            enrolment = users.enrol_totp()
        except DomainError as exc:
            Prompts.show_error(self._window, self.tr("Two-step sign-in"), error_text(exc))
            return False
        done = TotpEnrolmentDialog.ask(self._window, enrolment, users.confirm_totp)
        if done:
            self.idle_lock.set_needs_totp(True)
            self._window.statusBar().showMessage(self.tr("Two-step sign-in is on."), 8000)
        return done

    def edit_company_profile(self) -> bool:
        from erpdesk.ui.dialogs.company_profile import CompanyProfileDialog

        saved = CompanyProfileDialog.ask(self._window, self._services.users)
        if saved is not None:
            self._window.statusBar().showMessage(self.tr("The company profile was saved."), 8000)
        return saved is not None

    def manage_users(self) -> bool:
        from erpdesk.ui.dialogs.reauth import ReauthDialog
        from erpdesk.ui.dialogs.users import UsersDialog

        auth = self._services.auth
        if not ReauthDialog.ask(
            self._window,
            lambda password, code: auth.reauthenticate(password, code),
            action=self.tr("user management"),
            needs_totp=self.idle_lock.needs_totp,
        ):
            return False
        UsersDialog.ask(self._window, self._services.users)
        return True
