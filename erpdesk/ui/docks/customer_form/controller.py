"""Wiring of the customer form: load into a local draft, save, and answer what the service raises.

The form edits a draft (``CustomerInput``) that is only sent on Save; no database lock is held while it
is open. ``ValidationError`` marks fields inline, ``ConfirmRequired('duplicates')`` opens the duplicate
dialog, ``ConflictError`` names who changed which fields and can take their changes into the draft,
which is never thrown away. The code is proposed when a new form opens and may be typed by hand only
with the permission. Unsaved changes are guarded when switching customer or closing the dock.
Reads run in ``jobs.run_query``, writes in ``jobs.run_command``; the widgets are touched only here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import fields as dc_fields
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QComboBox, QDockWidget, QTableWidgetItem, QWidget

from erpdesk.domain.customers import (
    RELATION_ROLES,
    CustomerType,
    InteractionKind,
    RelationRole,
    SettlementMethod,
)
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Permission
from erpdesk.services.customer_dto import (
    ContactInput,
    CustomerDetail,
    CustomerInput,
    CustomerSaved,
    InteractionInput,
    RelationshipInput,
)
from erpdesk.services.errors import ConfirmRequired, ConflictError, ValidationError
from erpdesk.ui import jobs
from erpdesk.ui.docks.customer_form.dialogs import (
    CodeChangeDialog,
    ConflictChoice,
    ConflictDialog,
    DuplicateAction,
    DuplicateDialog,
    UnsavedChoice,
    UnsavedDialog,
)
from erpdesk.ui.docks.customer_form.labels import CustomerLabels
from erpdesk.ui.docks.customer_form.navigator import CustomerNavigator
from erpdesk.ui.docks.customer_form.view import CustomerFormView
from erpdesk.ui.events import AppEvents
from erpdesk.ui.i18n import current_language
from erpdesk.ui.prompts import Prompts, error_text

_CONTACT_FIELD = re.compile(r"contacts\[(\d+)\]\.(\w+)")
_TEXT_FIELDS = [
    "name",
    "short_name",
    "mnemonic",
    "region",
    "industry",
    "company_size",
    "source",
    "province",
    "city",
    "district",
    "address",
    "postcode",
    "phone",
    "email",
    "website",
    "tax_number",
    "bank_name",
    "bank_account",
    "invoice_title",
    "invoice_address_phone",
]
_BASIC = {"code", "name", "short_name", "mnemonic", "customer_type", "category_id", "level_id"}
_BASIC |= {"salesperson_id", "region", "industry", "company_size", "source", "province", "city"}
_BASIC |= {"district", "address", "postcode", "phone", "email", "website", "notes"}


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class CustomerFormController(QObject):
    """Drives a ``CustomerFormView`` over ``services.customers``.

    Signals:
        loaded(int): a customer (id, 0 for a new one) is shown with a clean draft.
        saved(int): the customer with this id was saved.
    """

    loaded = Signal(int)
    saved = Signal(int)

    def __init__(self, services: Any, view: CustomerFormView) -> None:
        super().__init__(view)
        self._customers = services.customers
        self._actor = services.actor
        self._clock = services.clock
        self.view = view
        self.labels = CustomerLabels()
        self.detail: CustomerDetail | None = None
        self._baseline: CustomerInput | None = None
        self._proposal = ""
        self._mnemonic_manual = False
        self._busy = False
        self._dock: QDockWidget | None = None
        self._window: QWidget | None = None
        self.last_job: jobs.Job | None = None
        self._fill_static_choices()
        self._wire()
        self._set_enabled(False)
        view.heading.setText(self.tr("No customer open"))
        navigator = CustomerNavigator.instance()
        navigator.open_requested.connect(self.open_customer)
        navigator.new_requested.connect(self.new_customer)
        pending = navigator.take_pending()
        if pending is None:
            self.new_customer()
        elif pending is not False:
            self.open_customer(int(pending))

    # ------------------------------------------------------------------ set-up

    def _wire(self) -> None:
        view = self.view
        view.save_button.clicked.connect(lambda: self.save())
        view.cancel_button.clicked.connect(self.cancel)
        view.change_code_button.clicked.connect(self.change_code)
        view.add_contact_button.clicked.connect(self.add_contact)
        view.remove_contact_button.clicked.connect(self.remove_contact)
        view.contacts.itemChanged.connect(self._contact_changed)
        view.add_relation_button.clicked.connect(self.add_relationship)
        view.remove_relation_button.clicked.connect(self.remove_relationship)
        view.add_interaction_button.clicked.connect(self.add_interaction)
        view.mnemonic.textEdited.connect(self._mnemonic_edited)
        view.name.textEdited.connect(self._names_edited)
        view.short_name.textEdited.connect(self._names_edited)
        save = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_S), view)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.save())
        view.installEventFilter(self)
        AppEvents.instance().changed.connect(self._changed)
        may_edit = self._actor.may(Permission.EDIT_CUSTOMER) or self._actor.may(
            Permission.CREATE_CUSTOMER
        )
        view.save_button.setVisible(may_edit)

    def _fill_static_choices(self) -> None:
        view, labels = self.view, self.labels
        for kind in CustomerType:
            view.customer_type.addItem(labels.customer_type(kind), kind.value)
        view.settlement_method.addItem("", "")
        for method in SettlementMethod:
            view.settlement_method.addItem(labels.settlement(method), method.value)
        for way in InteractionKind:
            if way is not InteractionKind.SYSTEM:
                view.interaction_kind.addItem(labels.interaction(way), way.value)
        for role in RelationRole:
            view.relation_kind.addItem(labels.role(role), role.value)
        for combo in (view.category_id, view.level_id, view.salesperson_id):
            combo.addItem("", None)

    def _fill_lookups(self, lookups: tuple[Any, Any, Any]) -> None:
        categories, levels, salespeople = lookups
        view = self.view
        self._refill(view.category_id, [("  " * c.depth + c.name, c.id) for c in categories])
        self._refill(view.level_id, [(level.name, level.id) for level in levels])
        self._refill(view.salesperson_id, [(p.name, p.id) for p in salespeople])

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in items:
            combo.addItem(text, data)
        combo.blockSignals(False)

    def _lookups(self) -> tuple[Any, Any, Any]:
        customers = self._customers
        return customers.categories(), customers.levels(), customers.salespeople()

    # ------------------------------------------------------------------ open

    def is_dirty(self) -> bool:
        return self._baseline is not None and self.collect() != self._baseline

    def can_leave(self) -> bool:
        """True when nothing unsaved would be lost, or the clerk chose to discard it."""
        if not self.is_dirty():
            return True
        name = self.detail.name if self.detail is not None else self.view.name.text()
        return UnsavedDialog.ask(self.view, name) is UnsavedChoice.DISCARD

    def open_customer(self, customer_id: int) -> jobs.Job | None:
        same = self.detail is not None and self.detail.id == customer_id
        if not same and not self.can_leave():
            return None
        if same and self.is_dirty():
            self._reveal()
            return None
        customers = self._customers
        self.last_job = jobs.run_query(
            self.view,
            lambda: (self._lookups(), customers.get(customer_id)),
            self._show_loaded,
        )
        return self.last_job

    def new_customer(self) -> jobs.Job | None:
        if not self.can_leave():
            return None
        customers = self._customers
        self.last_job = jobs.run_query(
            self.view,
            lambda: (self._lookups(), customers.new_draft()),
            self._show_new,
        )
        return self.last_job

    def _show_loaded(self, result: tuple[Any, CustomerDetail]) -> None:
        lookups, detail = result
        self._fill_lookups(lookups)
        self.show_detail(detail)

    def _show_new(self, result: tuple[Any, CustomerInput]) -> None:
        lookups, draft = result
        self._fill_lookups(lookups)
        self.detail = None
        self._proposal = draft.code
        self._mnemonic_manual = False
        self._clear_messages()
        self._fill(draft)
        self._fill_side(None)
        self._baseline = self.collect()
        self._set_enabled(True)
        self._apply_permissions()
        self.view.heading.setText(self.tr("New customer"))
        self.view.status.setText(self.tr("Code proposed: {0}").format(draft.code))
        self.view.tabs.setCurrentIndex(0)
        self.view.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self._reveal()
        self.loaded.emit(0)

    def show_detail(self, detail: CustomerDetail, *, keep_notice: bool = False) -> None:
        self.detail = detail
        self._proposal = ""
        self._mnemonic_manual = detail.mnemonic_manual
        if not keep_notice:
            self._clear_messages()
        else:
            self.view.fields.clear()
        self._fill(self._input_of(detail))
        self._fill_side(detail)
        self._baseline = self.collect()
        self._set_enabled(True)
        self._apply_permissions()
        self.view.heading.setText(f"{detail.code}  {detail.name}")
        self.view.status.setText(
            self.labels.status(detail.active)
            + (f" · {detail.deactivation_reason}" if not detail.active else "")
        )
        self._reveal()
        self.loaded.emit(detail.id)

    def _reveal(self) -> None:
        dock = self._find_dock()
        if dock is not None:
            dock.show()
            dock.raise_()

    def _apply_permissions(self) -> None:
        view = self.view
        new = self.detail is None
        manual = self._actor.may(Permission.CHANGE_CUSTOMER_CODE)
        view.code.setReadOnly(not (new and manual))
        view.code.setToolTip(
            self.tr("Proposed from the code rule; you may type another code")
            if new and manual
            else self.tr("Allocated from the code rule when saved")
            if new
            else self.tr("Use Change code… to give the customer a new code")
        )
        view.change_code_button.setVisible(not new and manual)
        for widget in (view.add_relation_button, view.remove_relation_button):
            widget.setEnabled(not new)
        view.add_interaction_button.setEnabled(not new)

    def _set_enabled(self, enabled: bool) -> None:
        self.view.tabs.setEnabled(enabled)
        self.view.save_button.setEnabled(enabled)
        self.view.cancel_button.setEnabled(enabled)

    # ------------------------------------------------------------------ draft ⇄ widgets

    @staticmethod
    def _input_of(detail: CustomerDetail) -> CustomerInput:
        values = {
            f.name: getattr(detail, f.name)
            for f in dc_fields(CustomerInput)
            if f.name not in {"contacts", "code_manual"} and hasattr(detail, f.name)
        }
        contacts = tuple(
            ContactInput(
                id=c.id,
                name=c.name,
                position=c.position,
                phone=c.phone,
                mobile=c.mobile,
                email=c.email,
                im=c.im,
                notes=c.notes,
                is_primary=c.is_primary,
            )
            for c in detail.contacts
        )
        return CustomerInput(**values, contacts=contacts)

    def _fill(self, draft: CustomerInput) -> None:
        view = self.view
        view.code.setText(draft.code)
        for name in _TEXT_FIELDS:
            getattr(view, name).setText(getattr(draft, name))
        view.notes.setPlainText(draft.notes)
        self._select(view.customer_type, draft.customer_type.value)
        self._select(view.category_id, draft.category_id)
        self._select(view.level_id, draft.level_id)
        self._select(view.salesperson_id, draft.salesperson_id)
        self._select(view.settlement_method, draft.settlement_method)
        view.credit_limit.set_value(draft.credit_limit)
        view.payment_terms_days.setValue(draft.payment_terms_days)
        table = view.contacts
        table.blockSignals(True)
        table.setRowCount(0)
        for contact in draft.contacts:
            self._append_contact(contact)
        table.blockSignals(False)

    @staticmethod
    def _select(combo: QComboBox, data: Any) -> None:
        index = combo.findData(data)
        combo.setCurrentIndex(max(index, 0))

    def collect(self) -> CustomerInput:
        """The draft as the widgets show it now (a contact cell still being typed in included)."""
        view = self.view
        editor = QApplication.focusWidget()
        if editor is not None and view.contacts.viewport().isAncestorOf(editor):
            view.contacts.commitData(editor)  # Ctrl+S straight from a cell, without Enter
        detail = self.detail
        code = view.code.code()
        text = {name: getattr(view, name).text().strip() for name in _TEXT_FIELDS}
        mnemonic_manual = self._mnemonic_manual and bool(text["mnemonic"])
        return CustomerInput(
            id=detail.id if detail else None,
            version=detail.version if detail else None,
            code=code,
            code_manual=detail is None and bool(code) and code != self._proposal,
            mnemonic_manual=mnemonic_manual,
            customer_type=CustomerType(view.customer_type.currentData() or "company"),
            category_id=view.category_id.currentData(),
            level_id=view.level_id.currentData(),
            salesperson_id=view.salesperson_id.currentData(),
            settlement_method=view.settlement_method.currentData() or "",
            credit_limit=view.credit_limit.value() or Decimal("0"),
            payment_terms_days=view.payment_terms_days.value(),
            notes=view.notes.toPlainText().strip(),
            contacts=self._collect_contacts(),
            **text,
        )

    # ------------------------------------------------------------------ contacts

    def _append_contact(self, contact: ContactInput) -> None:
        table = self.view.contacts
        row = table.rowCount()
        table.insertRow(row)
        for column, name in enumerate(self.view.CONTACT_COLUMNS[:-1]):
            item = QTableWidgetItem(getattr(contact, name))
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, contact.id)
            table.setItem(row, column, item)
        primary = QTableWidgetItem()
        primary.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        primary.setCheckState(
            Qt.CheckState.Checked if contact.is_primary else Qt.CheckState.Unchecked
        )
        table.setItem(row, len(self.view.CONTACT_COLUMNS) - 1, primary)

    def _collect_contacts(self) -> tuple[ContactInput, ...]:
        table = self.view.contacts
        names = self.view.CONTACT_COLUMNS
        contacts = []
        for row in range(table.rowCount()):
            values: dict[str, Any] = {}
            for column, name in enumerate(names[:-1]):
                item = table.item(row, column)
                values[name] = item.text().strip() if item is not None else ""
            first = table.item(row, 0)
            contact_id = first.data(Qt.ItemDataRole.UserRole) if first is not None else None
            primary = table.item(row, len(names) - 1)
            checked = primary is not None and primary.checkState() == Qt.CheckState.Checked
            if contact_id is None and not any(values.values()):
                continue  # an empty row the clerk added and never filled
            contacts.append(ContactInput(id=contact_id, is_primary=checked, **values))
        return tuple(contacts)

    def add_contact(self) -> None:
        table = self.view.contacts
        table.blockSignals(True)
        self._append_contact(ContactInput(is_primary=table.rowCount() == 0))
        table.blockSignals(False)
        row = table.rowCount() - 1
        table.setCurrentCell(row, 0)
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        first = table.item(row, 0)
        if first is not None:
            table.editItem(first)

    def remove_contact(self) -> None:
        table = self.view.contacts
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)

    def _contact_changed(self, item: QTableWidgetItem) -> None:
        primary_column = len(self.view.CONTACT_COLUMNS) - 1
        if item.column() != primary_column or item.checkState() != Qt.CheckState.Checked:
            return
        table = self.view.contacts
        table.blockSignals(True)
        for row in range(table.rowCount()):
            other = table.item(row, primary_column)
            if row != item.row() and other is not None:
                other.setCheckState(Qt.CheckState.Unchecked)
        table.blockSignals(False)

    # ------------------------------------------------------------------ mnemonic

    def _mnemonic_edited(self, text: str) -> None:
        self._mnemonic_manual = bool(text.strip())

    def _names_edited(self, _text: str) -> None:
        if self._mnemonic_manual:
            return
        view = self.view
        view.mnemonic.setText(
            self._customers.suggest_mnemonic(
                view.name.text().strip(), view.short_name.text().strip()
            )
        )

    # ------------------------------------------------------------------ save

    def save(self, ack: frozenset[str] = frozenset(), reason: str = "") -> jobs.Job | None:
        if self._baseline is None or self._busy:
            return None
        draft = self.collect()
        self._clear_messages()
        self._busy = True
        customers = self._customers
        self.last_job = jobs.run_command(
            self.view,
            lambda: customers.save(draft, ack=ack, reason=reason),
            self._saved,
            lambda exc: self._save_failed(exc, draft, ack),
        )
        return self.last_job

    def _saved(self, result: CustomerSaved) -> None:
        notes = []
        if result.proposal_differed:
            notes.append(
                self.tr("Saved as {0}: {1} was taken by another clerk meanwhile.").format(
                    result.code, result.proposed_code
                )
            )
        else:
            notes.append(self.tr("Saved {0}.").format(result.code))
        for issue in result.warnings:
            self._mark(issue.field, render(issue.msg_id, current_language(), **issue.params))
        self._notice(" ".join(notes))
        customers = self._customers

        def reload() -> Any:
            return customers.get(result.id)

        def shown(detail: CustomerDetail) -> None:
            self._busy = False
            self.show_detail(detail, keep_notice=True)
            for issue in result.warnings:
                self._mark(issue.field, render(issue.msg_id, current_language(), **issue.params))
            self.saved.emit(result.id)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._notice(error_text(exc), error=True)

        self.last_job = jobs.run_query(self.view, reload, shown, failed)

    def _save_failed(self, exc: BaseException, draft: CustomerInput, ack: frozenset[str]) -> None:
        self._busy = False
        if isinstance(exc, ValidationError):
            self._show_validation(exc)
        elif isinstance(exc, ConfirmRequired) and exc.key == "duplicates":
            self._ask_duplicates(exc, ack)
        elif isinstance(exc, ConfirmRequired):
            if Prompts.ask(self.view, self.tr("Please confirm"), error_text(exc)):
                self.save(ack | {exc.key})
        elif isinstance(exc, ConflictError):
            self._resolve_conflict(exc, draft)
        elif isinstance(exc, DomainError):
            text = error_text(exc)
            if exc.msg_id.startswith("code."):
                self._mark("code", text)
            else:
                self._notice(text, error=True)
        else:
            Prompts.show_error(self.view, self.tr("Customer"), error_text(exc))

    def _show_validation(self, exc: ValidationError) -> None:
        first: str | None = None
        for field, (msg_id, params) in exc.fields.items():
            self._mark(field, render(msg_id, current_language(), **dict(params)))
            first = first or field
        if first is not None:
            self._go_to(first)
        self._notice(self.tr("Not saved: please correct the marked fields."), error=True)

    def _mark(self, field: str, text: str) -> None:
        view = self.view
        match = _CONTACT_FIELD.fullmatch(field)
        if match:
            row, name = int(match.group(1)), match.group(2)
            names = view.CONTACT_COLUMNS
            column = names.index(name) if name in names else 0
            item = view.contacts.item(row, column)
            if item is not None:
                item.setBackground(Qt.GlobalColor.yellow)
                item.setToolTip(text)
            caption = self.labels.contact_field(name)
            line = self.tr("Contact {0}, {1}: {2}").format(row + 1, caption, text)
            current = view.contact_messages.text()
            view.contact_messages.setText(f"{current}\n{line}" if current else line)
            view.contact_messages.setVisible(True)
            return
        if not view.fields.show(field, text):
            self._notice(text, error=True)

    def _go_to(self, field: str) -> None:
        view = self.view
        if field.startswith("contacts"):
            view.tabs.setCurrentIndex(1)
            return
        view.tabs.setCurrentIndex(0 if field in _BASIC else 2)
        editor = view.fields.editors.get(field)
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ask_duplicates(self, exc: ConfirmRequired, ack: frozenset[str]) -> None:
        matches = tuple(exc.params.get("matches", ()))
        answer = DuplicateDialog.ask(self.view, matches)
        if answer.action is DuplicateAction.SAVE_ANYWAY:
            self.save(ack | {"duplicates"}, answer.reason)
        elif answer.action is DuplicateAction.OPEN and answer.customer_id is not None:
            self._baseline = None  # the clerk chose the existing customer over this draft
            self.open_customer(answer.customer_id)
        else:
            self._notice(self.tr("Not saved."))

    def _resolve_conflict(self, exc: ConflictError, draft: CustomerInput) -> None:
        current = exc.params.get("current")
        user = str(exc.params.get("user", ""))
        theirs = [str(f) for f in exc.params.get("fields", ())]
        baseline = self._baseline or draft
        mine = [
            f.name
            for f in dc_fields(CustomerInput)
            if f.name not in {"version", "code_manual"}
            and getattr(draft, f.name) != getattr(baseline, f.name)
        ]
        both = [f for f in mine if f in theirs]
        caption = self.labels.field_caption
        choice = ConflictDialog.ask(
            self.view,
            user,
            [caption(f, self.view.fields.captions) for f in theirs],
            [caption(f, self.view.fields.captions) for f in mine if f not in both],
            [caption(f, self.view.fields.captions) for f in both],
        )
        self._notice(
            self.tr("Not saved: {0} changed this customer meanwhile.").format(user or "?"),
            error=True,
        )
        if choice is not ConflictChoice.MERGE or not isinstance(current, CustomerDetail):
            return
        theirs_input = self._input_of(current)
        merged = replace(theirs_input, **{f: getattr(draft, f) for f in mine})
        self.detail = current
        self._fill(theirs_input)
        self._fill_side(current)
        self._baseline = self.collect()
        self._fill(merged)
        self._notice(
            self.tr("Their changes are in your draft now; check it and save again."), error=False
        )

    def _discard(self) -> None:
        """Forget unsaved edits: back to the saved record, or no customer at all."""
        if self.detail is not None:
            self.show_detail(self.detail)
        else:
            self._baseline = None
            self._set_enabled(False)
            self.view.heading.setText(self.tr("No customer open"))

    def cancel(self) -> None:
        """Throw the draft away: back to the saved customer (or a fresh new one)."""
        if self.detail is not None:
            self.show_detail(self.detail)
        elif self._baseline is not None:
            self._baseline = None
            self.new_customer()

    # ------------------------------------------------------------------ code change

    def change_code(self) -> jobs.Job | None:
        detail = self.detail
        if detail is None:
            return None
        if self.is_dirty():
            self._notice(
                self.tr("Save or cancel your changes before changing the code."), error=True
            )
            return None
        answer = CodeChangeDialog.ask(self.view, detail.code)
        if answer is None:
            return None
        customers = self._customers
        self._busy = True
        self.last_job = jobs.run_command(
            self.view,
            lambda: customers.change_code(
                detail.id, detail.version, answer.new_code, answer.reason
            ),
            lambda done: self._after_command(
                detail.id, self.tr("Code changed to {0}.").format(done.code)
            ),
            self._command_failed,
        )
        return self.last_job

    def _after_command(self, customer_id: int, note: str) -> None:
        customers = self._customers

        def shown(detail: CustomerDetail) -> None:
            self._busy = False
            if self.is_dirty():
                self._fill_side(detail)
            else:
                self.show_detail(detail)
            self._notice(note)

        self.last_job = jobs.run_query(
            self.view, lambda: customers.get(customer_id), shown, self._command_failed
        )

    def _command_failed(self, exc: BaseException) -> None:
        self._busy = False
        text = error_text(exc)
        if isinstance(exc, DomainError) and exc.msg_id.startswith("code."):
            self._mark("code", text)
        self._notice(text, error=True)

    # ------------------------------------------------------------------ side tabs

    def _fill_side(self, detail: CustomerDetail | None) -> None:
        view, labels = self.view, self.labels
        relationships = detail.relationships if detail else ()
        table = view.relationships
        table.setRowCount(len(relationships))
        for row, link in enumerate(relationships):
            cells = [
                labels.role(link.role),
                link.other_code,
                link.other_name,
                link.note,
                link.start_date.isoformat() if link.start_date else "",
                link.end_date.isoformat() if link.end_date else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(Qt.ItemDataRole.UserRole, link.id)
                table.setItem(row, column, item)
        self._fill_interactions(detail.interactions if detail else ())
        history = detail.history if detail else ()
        table = view.history
        table.setRowCount(len(history))
        for row, entry in enumerate(history):
            what = labels.history_action(entry.entity, entry.action)
            if entry.label:
                what += f" ({entry.label})"
            change = f"{entry.old} → {entry.new}" if entry.old or entry.new else ""
            cells = [
                entry.at.astimezone(self._clock.tz).strftime("%Y-%m-%d %H:%M"),
                entry.user,
                what,
                labels.field_caption(entry.field, view.fields.captions) if entry.field else "",
                change,
                entry.reason,
            ]
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        old = detail.old_codes if detail else ()
        view.old_codes.setText(
            self.tr("Old codes: {0}").format(
                "; ".join(
                    f"{o.code} ({o.reason}, {o.changed_by}, "
                    f"{o.changed_at.astimezone(self._clock.tz):%Y-%m-%d})"
                    for o in old
                )
            )
            if old
            else ""
        )
        view.interaction_date.setDate(_qdate(self._clock.today()))
        view.follow_up_date.setDate(_qdate(self._clock.today()))

    def _fill_interactions(self, entries: Any) -> None:
        table = self.view.interactions
        table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [
                entry.on.isoformat(),
                self.labels.interaction(entry.kind),
                entry.contact_name,
                entry.note,
                entry.next_step,
                entry.follow_up_date.isoformat() if entry.follow_up_date else "",
                entry.author,
            ]
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))

    def add_relationship(self) -> jobs.Job | None:
        detail = self.detail
        view = self.view
        other_code = view.relation_other.code()
        if detail is None or not other_code:
            return None
        role = RelationRole(view.relation_kind.currentData())
        note = view.relation_note.text().strip()
        customers = self._customers

        def link() -> Any:
            other = customers.get_by_code(other_code)
            for kind, (role_from, role_to) in RELATION_ROLES.items():
                if role_from is role:  # the other is seen from `from` as `role`: we are `from`
                    return customers.add_relationship(
                        RelationshipInput(from_id=detail.id, to_id=other.id, kind=kind, note=note)
                    )
                if role_to is role:
                    return customers.add_relationship(
                        RelationshipInput(from_id=other.id, to_id=detail.id, kind=kind, note=note)
                    )
            raise ValueError(role)

        def done(_result: Any) -> None:
            view.relation_other.clear()
            view.relation_note.clear()
            self._after_command(detail.id, self.tr("Linked."))

        self.last_job = jobs.run_command(view, link, done, self._command_failed)
        return self.last_job

    def remove_relationship(self) -> jobs.Job | None:
        detail = self.detail
        table = self.view.relationships
        item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
        if detail is None or item is None:
            return None
        link_id = int(item.data(Qt.ItemDataRole.UserRole))
        customers = self._customers
        self.last_job = jobs.run_command(
            self.view,
            lambda: customers.remove_relationship(link_id),
            lambda _r: self._after_command(detail.id, self.tr("Link removed.")),
            self._command_failed,
        )
        return self.last_job

    def add_interaction(self) -> jobs.Job | None:
        detail = self.detail
        view = self.view
        if detail is None:
            return None
        note = view.interaction_note.text().strip()
        if not note:
            view.interaction_message.setText(self.tr("Write what was said or agreed."))
            view.interaction_message.setVisible(True)
            return None
        view.interaction_message.setVisible(False)
        entry = InteractionInput(
            customer_id=detail.id,
            on=_pydate(view.interaction_date.date()),
            kind=InteractionKind(view.interaction_kind.currentData()),
            contact_name=view.interaction_contact.text().strip(),
            note=note,
            next_step=view.interaction_next.text().strip(),
            follow_up_date=_pydate(view.follow_up_date.date())
            if view.follow_up_on.isChecked()
            else None,
        )
        customers = self._customers

        def done(_result: Any) -> None:
            for edit in (view.interaction_note, view.interaction_next, view.interaction_contact):
                edit.clear()
            view.follow_up_on.setChecked(False)
            self._after_command(detail.id, self.tr("Note added."))

        def failed(exc: BaseException) -> None:
            view.interaction_message.setText(error_text(exc))
            view.interaction_message.setVisible(True)

        self.last_job = jobs.run_command(
            view, lambda: customers.save_interaction(entry), done, failed
        )
        return self.last_job

    # ------------------------------------------------------------------ messages, events

    def _notice(self, text: str, *, error: bool = False) -> None:
        notice = self.view.notice
        notice.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        notice.setText(text)
        notice.setVisible(bool(text))

    def notice_text(self) -> str:
        return self.view.notice.text() if self.view.notice.isVisibleTo(self.view) else ""

    def _clear_messages(self) -> None:
        view = self.view
        view.fields.clear()
        view.contact_messages.clear()
        view.contact_messages.setVisible(False)
        view.notice.clear()
        view.notice.setVisible(False)
        table = view.contacts
        table.blockSignals(True)
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None and item.toolTip():
                    item.setBackground(Qt.GlobalColor.transparent)
                    item.setToolTip("")
        table.blockSignals(False)

    def _changed(self, changes: Mapping[str, Any]) -> None:
        detail = self.detail
        if detail is None or self._busy:
            return
        if str(detail.id) not in changes.get("customer", ()):
            return
        if not self.is_dirty():
            self.open_customer(detail.id)
        else:
            self._notice(
                self.tr("Someone else changed this customer; saving will show what they changed."),
                error=True,
            )

    def _find_dock(self) -> QDockWidget | None:
        widget = self.view.parentWidget()
        while widget is not None and not isinstance(widget, QDockWidget):
            widget = widget.parentWidget()
        if widget is not None and widget is not self._dock:
            self._dock = widget
            widget.installEventFilter(self)
        window = self.view.window()
        if window is not self.view and window is not self._window:
            self._window = window  # closing the main window asks about unsaved changes too
            window.installEventFilter(self)
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show:
            self._find_dock()
        elif watched in (self._window, self._dock) and event.type() == QEvent.Type.Close:
            if not self.can_leave():
                event.ignore()
                return True
            self._discard()
        return False
