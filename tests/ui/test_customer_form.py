"""The customer form dock driven as a clerk would: typing, Save, and the dialogs the service triggers."""

from __future__ import annotations

from dataclasses import replace

import pytest
from customer_ui_support import clerk_services, form_dock, no_modal_prompts, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor
from erpdesk.services.customer_dto import CustomerFilter, StatusFilter
from erpdesk.ui.docks.customer_form.dialogs import (
    CodeChange,
    CodeChangeDialog,
    ConflictChoice,
    ConflictDialog,
    DuplicateAction,
    DuplicateAnswer,
    DuplicateDialog,
    UnsavedChoice,
    UnsavedDialog,
)
from erpdesk.ui.docks.customer_form.dock import build as build_form
from erpdesk.ui.docks.customer_form.navigator import CustomerNavigator

NAME = "上海明远机械有限公司"


@pytest.fixture
def services(sqlite_db, clock) -> Services:
    return clerk_services(sqlite_db, clock)


@pytest.fixture(autouse=True)
def told(monkeypatch) -> list[str]:
    return no_modal_prompts(monkeypatch)


def new_form(qtbot, services):
    view, controller = form_dock(qtbot, services)
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.new_customer()
    return view, controller


def fill_contact(qtbot, view, row: int, name: str, mobile: str) -> None:
    """After "Add contact" the cursor is in the new row's name: name, Tab ×3, mobile, Enter."""
    assert view.contacts.currentRow() == row
    type_text(qtbot, QApplication.focusWidget(), name)
    for _column in ("position", "phone", "mobile"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), mobile)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def save(qtbot, controller) -> None:
    with qtbot.waitSignal(controller.saved, timeout=10_000):
        qtbot.keyClick(controller.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def create_customer(qtbot, services, name: str = NAME, contacts=(("张伟", "13800138000"),)):
    view, controller = new_form(qtbot, services)
    type_text(qtbot, view.name, name)
    for row, (contact, mobile) in enumerate(contacts):
        qtbot.mouseClick(view.add_contact_button, Qt.MouseButton.LeftButton)
        fill_contact(qtbot, view, row, contact, mobile)
    save(qtbot, controller)
    return view, controller


def test_clerk_creates_a_customer_with_two_contacts(qtbot, services) -> None:
    view, controller = new_form(qtbot, services)
    proposed = view.code.text()
    assert proposed  # the code is proposed as soon as the form opens
    type_text(qtbot, view.name, NAME)
    assert view.mnemonic.text().startswith("SHMY")  # pinyin initials follow the name
    qtbot.mouseClick(view.add_contact_button, Qt.MouseButton.LeftButton)
    fill_contact(qtbot, view, 0, "张伟", "13800138000")
    qtbot.mouseClick(view.add_contact_button, Qt.MouseButton.LeftButton)
    fill_contact(qtbot, view, 1, "李娜", "13900139000")
    assert controller.is_dirty()

    save(qtbot, controller)

    detail = controller.detail
    assert detail is not None
    assert detail.code == proposed
    stored = services.customers.get(detail.id)
    assert stored.name == NAME
    assert sorted((c.name, c.mobile) for c in stored.contacts) == [
        ("张伟", "13800138000"),
        ("李娜", "13900139000"),
    ]
    assert [c.is_primary for c in stored.contacts].count(True) == 1
    assert view.heading.text().startswith(proposed)
    assert not controller.is_dirty()


def test_a_missing_name_is_marked_under_the_field(qtbot, services) -> None:
    view, controller = new_form(qtbot, services)
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    job = controller.last_job
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert view.fields.message("name")
    assert view.fields.messages["name"].isVisibleTo(view)
    assert len(services.customers.search_ids("", CustomerFilter(status=StatusFilter.ALL))) == 0


def test_similar_name_warns_of_a_duplicate_and_save_anyway_asks_a_reason(
    qtbot, services, monkeypatch
) -> None:
    _view, first = create_customer(qtbot, services)
    existing = first.detail
    asked = []

    def answer(parent, matches):
        asked.append(matches)
        return DuplicateAnswer(DuplicateAction.SAVE_ANYWAY, reason="另一家同名公司")

    monkeypatch.setattr(DuplicateDialog, "ask", classmethod(lambda cls, p, m: answer(p, m)))
    view, controller = new_form(qtbot, services)
    type_text(qtbot, view.name, "上海明远机械")
    save(qtbot, controller)

    assert [m.customer_id for m in asked[0]] == [existing.id]
    assert "name" in asked[0][0].signals
    assert controller.detail.id != existing.id
    reasons = [h.reason for h in controller.detail.history if h.action == "save_anyway"]
    assert reasons == ["另一家同名公司"]


def test_duplicate_warning_can_open_the_existing_customer(qtbot, services, monkeypatch) -> None:
    _view, first = create_customer(qtbot, services)
    existing = first.detail
    monkeypatch.setattr(
        DuplicateDialog,
        "ask",
        classmethod(lambda cls, p, m: DuplicateAnswer(DuplicateAction.OPEN, m[0].customer_id)),
    )
    view, controller = new_form(qtbot, services)
    qtbot.mouseClick(view.add_contact_button, Qt.MouseButton.LeftButton)
    fill_contact(qtbot, view, 0, "Zhang", "138-0013-8000")  # the same mobile
    type_text(qtbot, view.name, "明远")
    with qtbot.waitSignal(controller.loaded, timeout=10_000) as opened:
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert opened.args == [existing.id]
    assert view.name.text() == NAME
    assert len(services.customers.search_ids("", CustomerFilter(status=StatusFilter.ALL))) == 1


def test_a_hand_typed_code_that_clashes_is_refused_on_the_code_field(qtbot, services) -> None:
    _view, first = create_customer(qtbot, services)
    taken = first.detail.code
    view, controller = new_form(qtbot, services)
    assert not view.code.isReadOnly()  # a manager may type a code
    view.code.selectAll()
    qtbot.keyClicks(view.code, taken.lower())  # typed in lowercase, stored uppercase
    assert view.code.text() == taken
    type_text(qtbot, view.name, "Harbour Trading Co., Ltd.")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    job = controller.last_job
    qtbot.waitUntil(lambda: job.done, timeout=10_000)

    assert taken in view.fields.message("code")
    assert view.fields.messages["code"].isVisibleTo(view)
    assert controller.detail is None  # still the unsaved new customer
    assert len(services.customers.search_ids("", CustomerFilter(status=StatusFilter.ALL))) == 1


def test_a_plain_clerk_cannot_type_the_code(qtbot, sqlite_db, clock) -> None:
    clerk = Services(sqlite_db, Actor(username="li", roles=frozenset({Role.CLERK})), clock)
    view, _controller = new_form(qtbot, clerk)
    assert view.code.isReadOnly()
    assert not view.change_code_button.isVisibleTo(view)


def test_code_change_needs_a_reason_and_shows_in_history(qtbot, services, monkeypatch) -> None:
    view, controller = create_customer(qtbot, services)
    old = controller.detail.code
    monkeypatch.setattr(
        CodeChangeDialog,
        "ask",
        classmethod(lambda cls, parent, current: CodeChange("HD-0001", "按华东区重新编码")),
    )
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        qtbot.mouseClick(view.change_code_button, Qt.MouseButton.LeftButton)

    assert controller.detail.code == "HD-0001"
    assert view.code.text() == "HD-0001"
    assert old in view.old_codes.text()
    assert "按华东区重新编码" in view.old_codes.text()
    history = view.history
    reasons = [history.item(r, 5).text() for r in range(history.rowCount())]
    assert "按华东区重新编码" in reasons


def test_code_change_cancelled_changes_nothing(qtbot, services, monkeypatch) -> None:
    view, controller = create_customer(qtbot, services)
    old = controller.detail.code
    monkeypatch.setattr(CodeChangeDialog, "ask", classmethod(lambda cls, parent, current: None))
    qtbot.mouseClick(view.change_code_button, Qt.MouseButton.LeftButton)
    assert services.customers.get(controller.detail.id).code == old


def test_switching_customer_with_unsaved_changes_asks_first(qtbot, services, monkeypatch) -> None:
    _v, first = create_customer(qtbot, services)
    first_id = first.detail.id
    view, controller = create_customer(qtbot, services, "Harbour Trading Co., Ltd.", ())
    type_text(qtbot, view.notes, "VIP")
    answers = [UnsavedChoice.KEEP_EDITING, UnsavedChoice.DISCARD]
    asked = []

    def ask(cls, parent, name):
        asked.append(name)
        return answers.pop(0)

    monkeypatch.setattr(UnsavedDialog, "ask", classmethod(ask))
    CustomerNavigator.instance().open_requested.emit(first_id)
    assert asked == ["Harbour Trading Co., Ltd."]
    assert view.notes.toPlainText() == "VIP"  # kept editing
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        CustomerNavigator.instance().open_requested.emit(first_id)
    assert controller.detail.id == first_id


def test_another_clerks_save_is_named_and_their_changes_merge_into_the_draft(
    qtbot, services, sqlite_db, clock, monkeypatch
) -> None:
    view, controller = create_customer(qtbot, services)
    customer_id = controller.detail.id
    other = clerk_services(sqlite_db, clock, username="zhao.min")
    theirs = controller._input_of(other.customers.get(customer_id))
    other.customers.save(replace(theirs, region="华东"))
    # this clerk, still on the version read before, adds a note and saves
    type_text(qtbot, view.notes, "月底对账")
    seen = []

    def ask(cls, parent, user, their_fields, mine, both):
        seen.append((user, their_fields, mine, both))
        return ConflictChoice.MERGE

    monkeypatch.setattr(ConflictDialog, "ask", classmethod(ask))
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    job = controller.last_job
    qtbot.waitUntil(lambda: job.done, timeout=10_000)

    user, their_fields, mine, both = seen[0]
    assert user == "zhao.min"
    assert view.fields.captions["region"] in their_fields
    assert view.fields.captions["notes"] in mine
    assert both == []
    assert view.region.text() == "华东"
    assert view.notes.toPlainText() == "月底对账"
    save(qtbot, controller)
    stored = services.customers.get(customer_id)
    assert (stored.region, stored.notes) == ("华东", "月底对账")


def test_interactions_are_added_with_a_follow_up_date(qtbot, services) -> None:
    view, controller = create_customer(qtbot, services)
    view.tabs.setCurrentIndex(4)
    type_text(qtbot, view.interaction_note, "电话确认五月订单")
    view.follow_up_on.setFocus()
    qtbot.keyClick(view.follow_up_on, Qt.Key.Key_Space)
    view.follow_up_date.setDate(view.follow_up_date.date().addDays(7))
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        qtbot.mouseClick(view.add_interaction_button, Qt.MouseButton.LeftButton)
    table = view.interactions
    assert table.rowCount() == 1
    assert table.item(0, 3).text() == "电话确认五月订单"
    assert table.item(0, 5).text() == "2025-05-10"
    assert controller.detail.next_follow_up.isoformat() == "2025-05-10"


def test_relationships_show_from_both_sides(qtbot, services, monkeypatch) -> None:
    monkeypatch.setattr(
        DuplicateDialog,
        "ask",
        classmethod(
            lambda cls, p, m: DuplicateAnswer(DuplicateAction.SAVE_ANYWAY, reason="分公司")
        ),
    )
    _v, parent_form = create_customer(qtbot, services, "华东集团有限公司", ())
    parent = parent_form.detail
    view, controller = create_customer(qtbot, services, "华东集团苏州分公司", ())
    view.tabs.setCurrentIndex(3)
    view.relation_kind.setCurrentIndex(view.relation_kind.findData("parent"))
    qtbot.keyClicks(view.relation_other, parent.code)
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        qtbot.mouseClick(view.add_relation_button, Qt.MouseButton.LeftButton)
    assert view.relationships.item(0, 1).text() == parent.code
    assert view.relationships.item(0, 0).text() == controller.labels.role("parent")
    with qtbot.waitSignal(parent_form.loaded, timeout=10_000):
        parent_form.open_customer(parent.id)
    assert parent_form.view.relationships.item(0, 0).text() == controller.labels.role("branch")


def test_closing_the_dock_or_window_with_unsaved_changes_asks_first(
    qtbot, services, monkeypatch
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = QDockWidget("Customer details", window)
    dock.setObjectName("customerFormDock")
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    view = build_form(services, dock)
    dock.setWidget(view)
    window.show()
    controller = view.controller
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.new_customer()
    type_text(qtbot, view.name, "Harbour Trading")
    answers = [UnsavedChoice.KEEP_EDITING, UnsavedChoice.KEEP_EDITING, UnsavedChoice.DISCARD]
    monkeypatch.setattr(UnsavedDialog, "ask", classmethod(lambda cls, p, name: answers.pop(0)))

    assert not window.close()  # kept editing
    assert window.isVisible()
    dock.close()
    assert dock.isVisible()  # kept editing
    dock.close()
    assert not dock.isVisible()  # discarded
    assert answers == []


def test_chinese_form_marks_fields_in_chinese(qtbot, services, chinese) -> None:
    view, controller = new_form(qtbot, services)
    assert view.tabs.tabText(0) == "基本"
    assert view.save_button.text() == "保存(&S)"
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    job = controller.last_job
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    assert view.fields.message("name") == "客户名称不能为空。"


def test_credit_limit_typed_with_full_width_digits_is_saved_exactly(qtbot, services) -> None:
    view, controller = new_form(qtbot, services)
    type_text(qtbot, view.name, "Harbour Trading Co., Ltd.")
    view.tabs.setCurrentIndex(2)
    view.credit_limit.selectAll()  # as when tabbing into the field
    type_text(qtbot, view.credit_limit, "１２,０００.５")
    qtbot.keyClick(view.credit_limit, Qt.Key.Key_Tab)
    assert view.credit_limit.text() == "12,000.50"
    save(qtbot, controller)
    assert str(services.customers.get(controller.detail.id).credit_limit) == "12000.50"
