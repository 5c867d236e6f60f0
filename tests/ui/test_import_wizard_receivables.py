"""The import wizard offers opening balances and receipts: an accountant picks the kind, checks the file,
sees each row's allocation in the preview and imports it; the customer's balance follows."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.ui.dialogs.import_wizard import ImportWizard
from erpdesk.ui.prompts import Prompts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
from test_opening_balance_import import opening_book
from test_receipt_import import _fixed_rows, _setup, receipt_book


def _run(qtbot, job) -> None:  # type: ignore[no-untyped-def]
    assert job is not None
    with qtbot.waitSignal(job.settled, timeout=60_000):
        pass


def test_receipts_are_previewed_with_their_allocations_and_imported(
    qtbot, sqlite_db: Database, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Prompts, "inform", classmethod(lambda cls, *a, **k: None))
    _accountant, ids, c = _setup(sqlite_db, clock, tmp_path)
    services = Services(
        sqlite_db, Actor(username="kuaiji", roles=frozenset({Role.ACCOUNTANT})), clock
    )
    wizard = ImportWizard(services, kind="receipts")
    qtbot.addWidget(wizard)
    assert wizard.kind_combo.currentData() == "receipts"
    assert wizard.kind == "receipts"

    bad = receipt_book(
        tmp_path / "bad.xlsx", [[100, "KH999", date(2025, 1, 20), "现金", None, None, None]]
    )
    wizard.path_edit.setText(str(bad))
    _run(qtbot, wizard.check())
    assert "1 with errors" in wizard.summary.text()
    assert not wizard.import_button.isEnabled()

    wizard.path_edit.setText(str(receipt_book(tmp_path / "ok.xlsx", _fixed_rows(c))))
    _run(qtbot, wizard.check())
    assert "4 new" in wizard.summary.text()
    details = [
        wizard.model.index(row, wizard.model.columnCount() - 1).data()
        for row in range(wizard.model.rowCount())
    ]
    assert "QC-1 ¥700.00, QC-2 ¥800.00" in details[0]
    assert "¥600.00" in details[2]
    _run(qtbot, wizard.commit())
    assert "Imported: 4 new" in wizard.summary.text()
    assert services.receivables.balance(ids["a"]).balance == Decimal("-600.00")


def test_opening_balances_kind_is_offered_and_imports(
    qtbot, sqlite_db: Database, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Prompts, "inform", classmethod(lambda cls, *a, **k: None))
    _accountant, ids, c = _setup(sqlite_db, clock, tmp_path)
    services = Services(
        sqlite_db, Actor(username="kuaiji", roles=frozenset({Role.ACCOUNTANT})), clock
    )
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    kinds = [wizard.kind_combo.itemData(i) for i in range(wizard.kind_combo.count())]
    wizard.kind_combo.setCurrentIndex(kinds.index("opening-balances"))
    assert wizard.kind == "opening-balances"
    before = services.receivables.balance(ids["a"]).balance
    path = opening_book(
        tmp_path / "期初.xlsx", [[date(2024, 12, 31), c["a"], "250.25", "QC-50", None, None]]
    )
    wizard.path_edit.setText(str(path))
    _run(qtbot, wizard.check())
    assert "1 new" in wizard.summary.text()
    _run(qtbot, wizard.commit())
    assert services.receivables.balance(ids["a"]).balance == before + Decimal("250.25")
