"""The import wizard offers products and sales orders: a clerk of the books picks the kind, checks the
file, sees each row's outcome and imports it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from erpdesk.db.engine import Database
from erpdesk.db.models.product import Product
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.ui.dialogs.import_wizard import ImportWizard
from erpdesk.ui.prompts import Prompts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
from test_product_import import BAD_ROWS, _fixed_rows, product_book


def _count(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Product)).scalar_one())


def _run(qtbot, job) -> None:  # type: ignore[no-untyped-def]
    assert job is not None
    with qtbot.waitSignal(job.settled, timeout=60_000):
        pass


def test_products_are_checked_and_imported_through_the_wizard(
    qtbot, sqlite_db: Database, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Prompts, "inform", classmethod(lambda cls, *a, **k: None))
    services = Services(
        sqlite_db, Actor(username="kuaiji", roles=frozenset({Role.ACCOUNTANT})), clock
    )
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    kinds = [wizard.kind_combo.itemData(i) for i in range(wizard.kind_combo.count())]
    assert kinds == ["customers", "contacts", "products", "orders", "opening-balances", "receipts"]
    wizard.kind_combo.setCurrentIndex(kinds.index("products"))
    assert wizard.kind == "products"

    wizard.path_edit.setText(str(product_book(tmp_path / "bad.xlsx", BAD_ROWS)))
    _run(qtbot, wizard.check())
    assert "4 with errors" in wizard.summary.text()
    assert not wizard.import_button.isEnabled()

    wizard.path_edit.setText(str(product_book(tmp_path / "ok.xlsx", _fixed_rows())))
    _run(qtbot, wizard.check())
    assert "5 new" in wizard.summary.text()
    _run(qtbot, wizard.commit())
    assert "Imported: 5 new" in wizard.summary.text()
    assert _count(sqlite_db) == 5
