"""Asking for the PostgreSQL password when it is not in the system's password store.

The password is kept only by the system keyring (Windows Credential Manager) and only when the user
ticks "Remember"; where no keyring exists (headless Linux) the box is disabled and the dialog explains
that the password is asked each time. The dialog never writes anything: the caller stores the answer
through the credentials service.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui.dialogs.common import MessageLabel, add_ok_cancel, password_edit


@dataclass(frozen=True, slots=True, kw_only=True)
class DatabasePassword:
    password: str
    remember: bool


class DatabasePasswordDialog(QDialog):
    """Password for ``database`` (shown as ``user@host/db``), optionally remembered in the keyring."""

    def __init__(
        self,
        database: str,
        *,
        keyring_available: bool,
        error: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.db_password")
        self.setWindowTitle(self.tr("Database password"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("ERPDesk needs the password of the database {db}.").format(db=database), self
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.password = password_edit(self, "db_password.password")
        form.addRow(self.tr("Password:"), self.password)
        layout.addLayout(form)
        self.remember = QCheckBox(
            self.tr("Remember on this PC (in the system's password store)"), self
        )
        self.remember.setObjectName("db_password.remember")
        self.remember.setEnabled(keyring_available)
        layout.addWidget(self.remember)
        if not keyring_available:
            note = QLabel(
                self.tr(
                    "This computer has no password store, so ERPDesk asks for the database "
                    "password each time it starts. It is never written to a file."
                ),
                self,
            )
            note.setObjectName("db_password.no_keyring")
            note.setWordWrap(True)
            layout.addWidget(note)
        self.message = MessageLabel(self)
        if error:
            self.message.show_error(error)
        layout.addWidget(self.message)
        add_ok_cancel(self, layout, self._submit)

    def _submit(self) -> None:
        if not self.password.text():
            self.message.show_error(self.tr("Enter the password."))
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        database: str,
        *,
        keyring_available: bool,
        error: str = "",
    ) -> DatabasePassword | None:
        """The password typed (and whether to remember it), or ``None`` when cancelled."""
        dialog = cls(database, keyring_available=keyring_available, error=error, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return DatabasePassword(
            password=dialog.password.text(),
            remember=dialog.remember.isChecked() and keyring_available,
        )
