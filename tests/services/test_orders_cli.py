"""``erpdesk order list|show|confirm``: orders without the GUI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from order_support import make_customer, make_order, make_product, services_for

from erpdesk.cli import main
from erpdesk.db.engine import Database
from erpdesk.domain.permissions import Role
from erpdesk.services.context import Clock


@pytest.fixture
def db_url(sqlite_db: Database, clock: Clock) -> str:
    clerk = services_for(sqlite_db, clock, Role.CLERK, name="wang.li")
    customer = make_customer(clerk)
    paper = make_product(clerk)
    order = make_order(clerk, customer, (paper.id, "2", "25.00"))
    clerk.orders.confirm(order.id, order.version)
    make_order(clerk, customer, (paper.id, "1", "25.00"))
    return "sqlite:///" + Path(str(sqlite_db.url.database)).as_posix()


def test_list_and_show(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "order", "list", "--status", "confirmed", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["number"] for r in rows] == ["XS20250503-0001"]
    assert rows[0]["total"] == "50.00"
    assert main(["--db", db_url, "order", "show", "xs20250503-0001"]) == 0
    out = capsys.readouterr().out
    assert "A4 复印纸" in out
    assert "total 50.00" in out


def test_confirming_needs_a_user_who_takes_orders(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db_url, "--lang", "zh_CN", "order", "confirm", "XS20250503-0002"]) == 2
    assert capsys.readouterr().err.strip()
    assert main(["--db", db_url, "order", "show", "XS20250503-0009"]) == 2
    assert "No order XS20250503-0009" in capsys.readouterr().err
