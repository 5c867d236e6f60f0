"""The customer list dock driven from the keyboard: search as you type, filters, sorting, columns,
opening in the form, deactivate / restore / delete."""

from __future__ import annotations

import pytest
from customer_ui_support import (
    clerk_services,
    form_dock,
    list_dock,
    listed_ids,
    no_modal_prompts,
    type_text,
    wait_list,
)
from PySide6.QtCore import QPoint, Qt

from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor
from erpdesk.services.customer_dto import ContactInput, CustomerInput, InteractionInput
from erpdesk.ui import jobs
from erpdesk.ui.docks.customer_form.dialogs import (
    CodeChange,
    CodeChangeDialog,
    DeactivateDialog,
    DeleteDialog,
)
from erpdesk.ui.docks.customer_list.dock import build as build_list


@pytest.fixture
def services(sqlite_db, clock) -> Services:
    return clerk_services(sqlite_db, clock)


@pytest.fixture(autouse=True)
def told(monkeypatch) -> list[str]:
    return no_modal_prompts(monkeypatch)


def add(services, name: str, mobile: str = "", **fields) -> int:
    draft = services.customers.new_draft()
    contacts = (ContactInput(name="联系人", mobile=mobile, is_primary=True),) if mobile else ()
    saved = services.customers.save(
        CustomerInput(**{**_draft_values(draft), "name": name, "contacts": contacts, **fields}),
        ack={"duplicates"},
        reason="test data",
    )
    return saved.id


def _draft_values(draft: CustomerInput) -> dict:
    return {name: getattr(draft, name) for name in ("code", "code_manual", "customer_type")}


def search(qtbot, view, controller, text: str) -> list[int]:
    view.search.clear()
    type_text(qtbot, view.search, text)
    view.search.flush()
    wait_list(qtbot, controller)
    return listed_ids(controller)


def test_search_as_you_type_by_name_code_mnemonic_and_phone(qtbot, services) -> None:
    chongqing = add(services, "重庆银行股份有限公司", "13512345678")
    harbour = add(services, "Harbour Trading Co., Ltd.", "13900001111")
    view, controller = list_dock(qtbot, services)
    assert sorted(listed_ids(controller)) == sorted([chongqing, harbour])
    assert view.count.text().startswith("2")

    assert search(qtbot, view, controller, "重庆") == [chongqing]
    assert search(qtbot, view, controller, "harbour") == [harbour]
    assert search(qtbot, view, controller, "CQYH") == [chongqing]  # 重庆 → CQ, 银行 → YH
    assert search(qtbot, view, controller, "12345678") == [chongqing]
    code = services.customers.get(harbour).code
    assert search(qtbot, view, controller, code) == [harbour]


def test_typing_in_the_grid_goes_to_the_search_box(qtbot, services) -> None:
    add(services, "重庆银行股份有限公司")
    harbour = add(services, "Harbour Trading Co., Ltd.")
    view, controller = list_dock(qtbot, services)
    view.table.setFocus()
    qtbot.keyClicks(view.table, "harb")
    assert view.search.hasFocus()
    assert view.search.text() == "harb"
    qtbot.waitUntil(lambda: listed_ids(controller) == [harbour], timeout=10_000)


def test_enter_opens_the_customer_in_the_form_and_ctrl_n_starts_a_new_one(qtbot, services) -> None:
    harbour = add(services, "Harbour Trading Co., Ltd.")
    form_view, form = form_dock(qtbot, services)
    view, _controller = list_dock(qtbot, services)
    view.table.setFocus()
    with qtbot.waitSignal(form.loaded, timeout=10_000) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [harbour]
    assert form_view.name.text() == "Harbour Trading Co., Ltd."

    with qtbot.waitSignal(form.loaded, timeout=10_000) as started:
        qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert started.args == [0]
    assert form_view.name.text() == ""


def test_enter_in_the_search_box_opens_the_first_hit(qtbot, services) -> None:
    add(services, "重庆银行股份有限公司")
    harbour = add(services, "Harbour Trading Co., Ltd.")
    _form_view, form = form_dock(qtbot, services)
    view, _controller = list_dock(qtbot, services)
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "HARB")
    with qtbot.waitSignal(form.loaded, timeout=10_000) as opened:
        qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert opened.args == [harbour]


def test_header_click_sorts_in_sql(qtbot, services) -> None:
    ids = [add(services, name) for name in ("Beta Ltd.", "Alpha Ltd.", "Gamma Ltd.")]
    view, controller = list_dock(qtbot, services)
    assert listed_ids(controller) == ids  # by code, as allocated
    name_column = [c.key for c in controller.columns].index("name")
    header = view.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(name_column) + 5, 5),
    )
    wait_list(qtbot, controller)
    names = [controller.model.row_data(r).name for r in range(3)]
    assert names in (sorted(names), sorted(names, reverse=True))
    assert names[0] != "Beta Ltd."


def test_chosen_columns_are_remembered(qtbot, services) -> None:
    _view, controller = list_dock(qtbot, services)
    assert "region" in controller.chooser.visible_keys()
    menu = controller.chooser.build_menu()
    region = next(a for a in menu.actions() if a.data() == "region")
    region.trigger()  # unticked
    assert "region" not in controller.chooser.visible_keys()

    again = build_list(services)
    qtbot.addWidget(again)
    wait_list(qtbot, again.controller)
    assert "region" not in again.controller.chooser.visible_keys()
    assert "name" in again.controller.chooser.visible_keys()


def test_deactivated_customers_hide_then_show_greyed_and_can_be_restored(
    qtbot, services, monkeypatch
) -> None:
    keep = add(services, "Alpha Ltd.")
    old = add(services, "Beta Ltd.")
    services.customers.save_interaction(InteractionInput(customer_id=old, note="拜访"))
    view, controller = list_dock(qtbot, services)
    controller.select_row(controller.model.row_of(old))
    reasons = []
    monkeypatch.setattr(
        DeactivateDialog,
        "ask",
        classmethod(lambda cls, p, name: reasons.append(name) or "不再合作"),
    )
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: listed_ids(controller) == [keep], timeout=10_000)
    assert "Beta Ltd." in reasons[0]
    assert not services.customers.get(old).active

    view.status.setCurrentIndex(view.status.findData("all"))
    wait_list(qtbot, controller)
    row = controller.model.row_of(old)
    assert controller.model.data(controller.model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
    controller.select_row(row)
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.customers.get(old).active, timeout=10_000)
    view.status.setCurrentIndex(view.status.findData("active"))
    qtbot.waitUntil(lambda: sorted(listed_ids(controller)) == sorted([keep, old]), timeout=10_000)
    assert controller.current_id() == old  # the selection stays on the same customer


def test_a_customer_without_history_is_deleted_after_confirmation(
    qtbot, services, monkeypatch
) -> None:
    keep = add(services, "Alpha Ltd.")
    gone = add(services, "Typo Ltd.")
    view, controller = list_dock(qtbot, services)
    controller.select_row(controller.model.row_of(gone))
    answers = [False, True]
    monkeypatch.setattr(DeleteDialog, "ask", classmethod(lambda cls, p, name: answers.pop(0)))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: controller.last_job.done, timeout=10_000)
    assert sorted(listed_ids(controller)) == sorted([keep, gone])  # declined: nothing happened
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: listed_ids(controller) == [keep], timeout=10_000)


def test_follow_ups_due_filter(qtbot, services, clock) -> None:
    add(services, "Alpha Ltd.")
    due = add(services, "Beta Ltd.")
    services.customers.save_interaction(
        InteractionInput(customer_id=due, note="回访", follow_up_date=clock.today())
    )
    view, controller = list_dock(qtbot, services)
    qtbot.mouseClick(view.follow_ups, Qt.MouseButton.LeftButton)
    wait_list(qtbot, controller)
    assert listed_ids(controller) == [due]


def test_list_follows_saves_made_elsewhere_and_keeps_the_selection(qtbot, services) -> None:
    first = add(services, "Alpha Ltd.")
    _view, controller = list_dock(qtbot, services)
    controller.select_row(controller.model.row_of(first))
    job = jobs.run_command(
        None,
        lambda: services.customers.save(
            CustomerInput(**_draft_values(services.customers.new_draft()), name="Zeta Ltd.")
        ),
    )
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    wait_list(qtbot, controller)
    qtbot.waitUntil(lambda: len(listed_ids(controller)) == 2, timeout=10_000)
    assert controller.current_id() == first


def test_search_finds_a_customer_by_its_old_code_and_pinyin_after_a_code_change(
    qtbot, services, monkeypatch
) -> None:
    customer_id = add(services, "重庆银行股份有限公司")
    old = services.customers.get(customer_id).code
    form_view, form = form_dock(qtbot, services)
    with qtbot.waitSignal(form.loaded, timeout=10_000):
        form.open_customer(customer_id)
    view, controller = list_dock(qtbot, services)
    monkeypatch.setattr(
        CodeChangeDialog,
        "ask",
        classmethod(lambda cls, p, current: CodeChange("CQ-0001", "重新编码")),
    )
    with qtbot.waitSignal(form.loaded, timeout=10_000):
        qtbot.mouseClick(form_view.change_code_button, Qt.MouseButton.LeftButton)

    assert search(qtbot, view, controller, old) == [customer_id]
    assert controller.model.row_data(0).code == "CQ-0001"  # found by the old, shown with the new
    assert search(qtbot, view, controller, "cqyh") == [customer_id]
    assert search(qtbot, view, controller, "CQ-0001") == [customer_id]


def test_chinese_list_headers_and_filters(qtbot, services, chinese) -> None:
    view, controller = list_dock(qtbot, services)
    titles = [controller.model.headerData(i, Qt.Orientation.Horizontal) for i in range(3)]
    assert titles == ["编码", "名称", "简称"]
    assert view.status.currentText() == "启用"
    assert view.follow_ups.text() == "待跟进"


@pytest.mark.pg
def test_on_postgresql_pages_load_in_a_worker_behind_placeholders(qtbot, pg_db, clock) -> None:
    services = clerk_services(pg_db, clock)
    add(services, "上海明远机械有限公司")
    _view, controller = list_dock(qtbot, services)
    model = controller.model
    name = [c.key for c in controller.columns].index("name")
    qtbot.waitUntil(
        lambda: model.data(model.index(0, name)) == "上海明远机械有限公司", timeout=10_000
    )
    assert model.fetch_calls == 0  # the first page came with the search, already loaded
    customer_id = model.id_at(0)
    assert customer_id is not None
    model.invalidate([customer_id])  # as when another clerk saves it
    assert model.data(model.index(0, name)) == "…"
    qtbot.waitUntil(
        lambda: model.data(model.index(0, name)) == "上海明远机械有限公司", timeout=10_000
    )
    assert model.fetch_calls == 1


def test_a_plain_clerk_gets_no_deactivate_or_delete(qtbot, sqlite_db, clock) -> None:
    manager = clerk_services(sqlite_db, clock)
    customer_id = add(manager, "Alpha Ltd.")
    clerk = Services(sqlite_db, Actor(username="li", roles=frozenset({Role.CLERK})), clock)
    view, controller = list_dock(qtbot, clerk)
    assert not view.remove_button.isVisibleTo(view)
    assert not view.restore_button.isVisibleTo(view)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)  # nothing to ask, nothing happens
    assert manager.customers.get(customer_id).active
    assert listed_ids(controller) == [customer_id]
