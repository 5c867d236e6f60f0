"""The import wizard: check first, see each row's outcome, save the error workbook, import, cancel."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from erpdesk.db.engine import Database
from erpdesk.db.models.customer import Customer
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.ui import jobs
from erpdesk.ui.dialogs.import_wizard import ExcelActions, ImportWizard
from erpdesk.ui.prompts import Prompts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
from excel_files import messy_customers


def _services(database: Database, clock: Clock, role: Role = Role.ACCOUNTANT) -> Services:
    return Services(database, Actor(username="kuaiji", roles=frozenset({role})), clock)


def _count(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Customer)).scalar_one())


def _check(qtbot, wizard: ImportWizard, path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard.path_edit.setText(str(path))
    job = wizard.check()
    assert job is not None
    with qtbot.waitSignal(job.settled, timeout=60_000):
        pass


def _cell(wizard: ImportWizard, row: int, column: int) -> str:
    return str(wizard.model.data(wizard.model.index(row, column), Qt.ItemDataRole.DisplayRole))


def test_errors_are_shown_and_nothing_can_be_imported(
    qtbot, sqlite_db: Database, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = ImportWizard(_services(sqlite_db, clock))
    qtbot.addWidget(wizard)
    assert not wizard.check_button.isEnabled()
    _check(qtbot, wizard, messy_customers(tmp_path / "客户.xlsx"))

    assert wizard.plan is not None
    assert "3 with errors" in wizard.summary.text()
    assert "微信号" in wizard.notes.text()
    # Errors first, each with the column and the reason.
    assert [_cell(wizard, i, 0) for i in range(3)] == ["7", "8", "9"]
    assert _cell(wizard, 0, 1) == "error"
    assert "邮箱" in _cell(wizard, 0, 4)
    assert "e-mail" in _cell(wizard, 0, 4)
    assert "row 4" in _cell(wizard, 1, 4)
    assert _cell(wizard, 3, 1) == "new"
    assert not wizard.import_button.isEnabled()
    assert wizard.errors_button.isEnabled()

    target = tmp_path / "errors.xlsx"
    monkeypatch.setattr(Prompts, "save_file", classmethod(lambda cls, *a, **k: target))
    assert wizard.save_errors() == target
    assert target.exists()
    assert _count(sqlite_db) == 0


def test_a_clean_file_is_imported_after_the_check(
    qtbot, sqlite_db: Database, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Prompts, "inform", classmethod(lambda cls, *a, **k: None))
    wizard = ImportWizard(_services(sqlite_db, clock))
    qtbot.addWidget(wizard)
    _check(qtbot, wizard, messy_customers(tmp_path / "ok.xlsx", fixed=True))
    assert "6 new" in wizard.summary.text()
    assert _count(sqlite_db) == 0  # checking writes nothing
    assert wizard.import_button.isEnabled()
    job = wizard.commit()
    assert job is not None
    with qtbot.waitSignal(job.settled, timeout=60_000):
        pass
    assert _count(sqlite_db) == 6
    assert "Imported: 6 new" in wizard.summary.text()
    assert not wizard.import_button.isEnabled()  # not twice


def test_cancel_during_the_import_leaves_the_database_unchanged(
    qtbot, sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    wizard = ImportWizard(_services(sqlite_db, clock))
    qtbot.addWidget(wizard)
    _check(qtbot, wizard, messy_customers(tmp_path / "ok.xlsx", fixed=True))
    original = jobs.Job._start

    def start_cancelled(self, pool, work):  # type: ignore[no-untyped-def]
        self.cancel()  # as if Cancel was pressed before the first chunk
        return original(self, pool, work)

    jobs.Job._start = start_cancelled  # type: ignore[method-assign]
    try:
        job = wizard.commit()
        assert job is not None
        with qtbot.waitSignal(job.settled, timeout=60_000):
            pass
    finally:
        jobs.Job._start = original  # type: ignore[method-assign]
    assert _count(sqlite_db) == 0
    assert "nothing was written" in wizard.summary.text()


def test_contacts_are_imported_through_the_same_wizard(
    qtbot, sqlite_db: Database, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    monkeypatch.setattr(Prompts, "inform", classmethod(lambda cls, *a, **k: None))
    services = _services(sqlite_db, clock)
    services.imports.commit(
        services.imports.dry_run("customers", messy_customers(tmp_path / "c.xlsx", fixed=True))
    )
    book = openpyxl.Workbook()
    book.active.append(["客户编码", "姓名", "手机"])
    book.active.append(["KH001", "周九", "13512345678"])
    path = tmp_path / "contacts.xlsx"
    book.save(path)
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.kind_combo.setCurrentIndex(wizard.kind_combo.findData("contacts"))
    _check(qtbot, wizard, path)
    assert _cell(wizard, 0, 1) == "new"
    assert _cell(wizard, 0, 2) == "KH001"
    job = wizard.commit()
    assert job is not None
    with qtbot.waitSignal(job.settled, timeout=60_000):
        pass
    names = {c.name for c in services.customers.get_by_code("KH001").contacts}
    assert names == {"张三", "周九"}


def test_clerks_can_check_but_not_import(
    qtbot, sqlite_db: Database, clock: Clock, tmp_path: Path
) -> None:
    wizard = ImportWizard(_services(sqlite_db, clock, Role.CLERK))
    qtbot.addWidget(wizard)
    _check(qtbot, wizard, messy_customers(tmp_path / "ok.xlsx", fixed=True))
    assert wizard.plan is not None
    assert wizard.plan.ok
    assert not wizard.import_button.isEnabled()


def test_file_menu_actions_follow_permissions(
    qtbot, sqlite_db: Database, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    actions = ExcelActions(window)
    assert not any(a.isEnabled() for a in actions.actions)
    actions.attach(_services(sqlite_db, clock, Role.ADMIN))
    assert actions.export_action.isEnabled()
    assert not actions.import_action.isEnabled()
    actions.attach(_services(sqlite_db, clock, Role.ACCOUNTANT))
    assert all(a.isEnabled() for a in actions.actions)

    template = tmp_path / "t.xlsx"
    offered: list[list[str]] = []

    def choose(cls, parent, title, label, items):  # type: ignore[no-untyped-def]
        offered.append([key for key, _text in items])
        return "products"

    monkeypatch.setattr(Prompts, "choose", classmethod(choose))
    monkeypatch.setattr(Prompts, "save_file", classmethod(lambda cls, *a, **k: template))
    job = actions.download_template()
    assert job is not None
    with qtbot.waitSignal(job.settled, timeout=60_000):
        pass
    assert offered == [
        ["customers", "contacts", "products", "orders", "opening-balances", "receipts"]
    ]
    from openpyxl import load_workbook

    headers = [c.value for c in next(load_workbook(template).worksheets[0].iter_rows(max_row=1))]
    assert any("商品" in str(h) or "Product" in str(h) for h in headers), headers
    out = tmp_path / "customers.xlsx"
    monkeypatch.setattr(Prompts, "save_file", classmethod(lambda cls, *a, **k: out))
    job = actions.export_customers()
    assert job is not None
    with qtbot.waitSignal(job.settled, timeout=60_000):
        pass
    assert out.exists()
