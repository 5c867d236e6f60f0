"""User management for admins: list users, add one, change roles, reset a password, unlock, disable.

Everything goes through ``UserService`` (which checks the admin permission and audits); this dialog only
lists ``UserRow`` values and asks for input. A new user or a reset produces a one-time password that is
shown once in ``TemporaryPasswordDialog`` for the admin to hand over; the user must change it at the
next login. The list is small (an office's staff), so a plain table model is enough.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.auth_dto import TemporaryPassword, UserRow
from erpdesk.ui.dialogs.common import MessageLabel, add_ok_cancel, error_text
from erpdesk.ui.prompts import Prompts

if TYPE_CHECKING:
    from erpdesk.services.users import UserService

_ROLE_ORDER = (Role.CLERK, Role.ACCOUNTANT, Role.MANAGER, Role.ADMIN)


def role_label(role: Role) -> str:
    """The translated name of a role."""
    labels = {
        Role.ADMIN: QCoreApplication.translate("Roles", "Administrator"),
        Role.CLERK: QCoreApplication.translate("Roles", "Clerk"),
        Role.ACCOUNTANT: QCoreApplication.translate("Roles", "Accountant"),
        Role.MANAGER: QCoreApplication.translate("Roles", "Manager"),
    }
    return labels[role]


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


class UserTableModel(QAbstractTableModel):
    """Read-only rows of ``UserRow``."""

    COLUMNS = ("username", "display_name", "roles", "status", "totp")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[UserRow, ...] = ()

    def set_rows(self, rows: Sequence[UserRow]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> UserRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, username: str) -> int:
        key = username.casefold()
        for index, row in enumerate(self._rows):
            if row.username.casefold() == key:
                return index
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("User name"),
            self.tr("Full name"),
            self.tr("Roles"),
            self.tr("Status"),
            self.tr("Two-step sign-in"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "username":
            return row.username
        if column == "display_name":
            return row.display_name
        if column == "roles":
            return ", ".join(role_label(r) for r in _ROLE_ORDER if r in row.roles)
        if column == "status":
            return self.status_text(row)
        return self.tr("On") if row.totp_enrolled else self.tr("Off")

    def status_text(self, row: UserRow) -> str:
        if not row.active:
            return self.tr("Disabled")
        if row.locked_until is not None:
            return self.tr("Locked until {time}").format(time=_local(row.locked_until))
        if row.must_change_password:
            return self.tr("Active, must change password")
        return self.tr("Active")


class RolesEditor(QWidget):
    """One check box per role."""

    def __init__(self, roles: Iterable[Role] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        chosen = set(roles)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in _ROLE_ORDER:
            box = QCheckBox(role_label(role), self)
            box.setObjectName(f"role.{role.value}")
            box.setChecked(role in chosen)
            layout.addWidget(box)
            self.boxes[role] = box

    def roles(self) -> tuple[Role, ...]:
        return tuple(role for role, box in self.boxes.items() if box.isChecked())


class AddUserDialog(QDialog):
    """User name, full name and roles of a new user; the service creates it on OK."""

    def __init__(
        self,
        create: Callable[[str, tuple[Role, ...], str], TemporaryPassword],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.add_user")
        self.setWindowTitle(self.tr("Add user"))
        self._create = create
        self.created: TemporaryPassword | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.username.setObjectName("add_user.username")
        self.username.setMaxLength(64)
        form.addRow(self.tr("User name:"), self.username)
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("add_user.display_name")
        self.display_name.setMaxLength(100)
        form.addRow(self.tr("Full name:"), self.display_name)
        self.roles = RolesEditor((Role.CLERK,), self)
        form.addRow(self.tr("Roles:"), self.roles)
        layout.addLayout(form)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        self.ok_button = add_ok_cancel(self, layout, self._submit, self.tr("Add"))

    def _submit(self) -> None:
        roles = self.roles.roles()
        if not self.username.text().strip():
            self.message.show_error(self.tr("Enter a user name."))
            return
        if not roles:
            self.message.show_error(self.tr("Choose at least one role."))
            return
        try:
            self.created = self._create(
                self.username.text().strip(), roles, self.display_name.text().strip()
            )
        except DomainError as exc:
            self.message.show_error(error_text(exc))
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        create: Callable[[str, tuple[Role, ...], str], TemporaryPassword],
    ) -> TemporaryPassword | None:
        dialog = cls(create, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.created


class RolesDialog(QDialog):
    """Change the roles of one user."""

    def __init__(self, username: str, roles: Iterable[Role], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dialog.roles")
        self.setWindowTitle(self.tr("Roles of {user}").format(user=username))
        layout = QVBoxLayout(self)
        self.roles = RolesEditor(roles, self)
        layout.addWidget(self.roles)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        add_ok_cancel(self, layout, self._submit)

    def _submit(self) -> None:
        if not self.roles.roles():
            self.message.show_error(self.tr("Choose at least one role."))
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, username: str, roles: Iterable[Role]
    ) -> tuple[Role, ...] | None:
        dialog = cls(username, roles, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.roles.roles()


class TemporaryPasswordDialog(QDialog):
    """Shows a one-time password once, for the admin to hand to the user."""

    def __init__(self, temporary: TemporaryPassword, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.temporary_password")
        self.setWindowTitle(self.tr("One-time password"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Give this one-time password to {user}. It is shown only now; {user} must choose a "
                "new password when logging in with it."
            ).format(user=temporary.username),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.password = QLineEdit(temporary.password, self)
        self.password.setObjectName("temporary.password")
        self.password.setReadOnly(True)
        font = QFont("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.password.setFont(font)
        layout.addWidget(self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(temporary.password))
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, temporary: TemporaryPassword) -> None:
        cls(temporary, parent).exec()


class UsersDialog(QDialog):
    """The list of users with the admin's actions on the selected one."""

    def __init__(self, users: UserService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.users")
        self.setWindowTitle(self.tr("Users"))
        self.resize(760, 420)
        self._users = users
        layout = QVBoxLayout(self)
        self.model = UserTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("users.table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = self._button(row, "users.add", self.tr("Add…"), self.add_user)
        self.roles_button = self._button(
            row, "users.roles", self.tr("Change roles…"), self.change_roles
        )
        self.reset_button = self._button(
            row, "users.reset", self.tr("Reset password"), self.reset_password
        )
        self.unlock_button = self._button(row, "users.unlock", self.tr("Unlock"), self.unlock)
        self.disable_button = self._button(
            row, "users.disable", self.tr("Disable"), self.toggle_active
        )
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def _button(
        self, row: QHBoxLayout, name: str, text: str, slot: Callable[[], object]
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    # ------------------------------------------------------------------ list

    def refresh(self, select: str | None = None) -> None:
        selected = self.selected()
        current = select or (selected.username if selected is not None else None)
        try:
            rows = self._users.list()
        except DomainError as exc:
            self._error(exc)
            rows = ()
        self.model.set_rows(rows)
        index = self.model.find(current) if current else -1
        if index >= 0:
            self.select_row(index)
        self._update_buttons()

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def select_user(self, username: str) -> None:
        index = self.model.find(username)
        if index >= 0:
            self.select_row(index)

    def selected(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.roles_button, self.reset_button, self.disable_button):
            button.setEnabled(row is not None)
        self.unlock_button.setEnabled(
            row is not None and (row.locked_until is not None or row.failed_logins > 0)
        )
        self.disable_button.setText(
            self.tr("Enable") if row is not None and not row.active else self.tr("Disable")
        )

    def _error(self, exc: DomainError) -> None:
        Prompts.show_error(self, self.tr("Users"), error_text(exc))

    # ------------------------------------------------------------------ actions

    def add_user(self) -> None:
        created = AddUserDialog.ask(
            self,
            lambda name, roles, display: self._users.add(name, roles, display_name=display),
        )
        if created is None:
            return
        self.refresh(select=created.username)
        TemporaryPasswordDialog.ask(self, created)

    def change_roles(self) -> None:
        row = self.selected()
        if row is None:
            return
        roles = RolesDialog.ask(self, row.username, row.roles)
        if roles is None:
            return
        try:
            self._users.change_roles(row.username, roles, version=row.version)
        except DomainError as exc:
            self._error(exc)
        self.refresh(select=row.username)

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not Prompts.ask(
            self,
            self.tr("Reset password"),
            self.tr(
                "Give {user} a new one-time password? The current password stops working."
            ).format(user=row.username),
        ):
            return
        try:
            temporary = self._users.reset_password(row.username)
        except DomainError as exc:
            self._error(exc)
            return
        self.refresh(select=row.username)
        TemporaryPasswordDialog.ask(self, temporary)

    def unlock(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            self._users.unlock(row.username)
        except DomainError as exc:
            self._error(exc)
        self.refresh(select=row.username)

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            if row.active:
                if not Prompts.ask(
                    self,
                    self.tr("Disable user"),
                    self.tr("{user} will no longer be able to log in. Continue?").format(
                        user=row.username
                    ),
                ):
                    return
                self._users.disable(row.username)
            else:
                self._users.enable(row.username)
        except DomainError as exc:
            self._error(exc)
        self.refresh(select=row.username)

    @classmethod
    def ask(cls, parent: QWidget | None, users: UserService) -> None:
        """Open the user management dialog (modal) until the admin closes it."""
        cls(users, parent).exec()
