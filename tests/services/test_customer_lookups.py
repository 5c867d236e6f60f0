"""Admin lists (customer levels, categories): renaming keeps the row, a stale edit is refused."""

from __future__ import annotations

import pytest

from erpdesk.db.engine import Database
from erpdesk.domain.errors import DomainError
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor, Clock
from erpdesk.services.customer_dto import CategoryInput, LevelInput
from erpdesk.services.errors import ConflictError


@pytest.fixture
def admin(backend: Database, clock: Clock) -> Services:
    return Services(backend, Actor(username="root", roles=frozenset({Role.ADMIN})), clock)


def test_a_level_is_renamed_in_place_and_a_stale_edit_is_refused(admin: Services) -> None:
    vip = admin.customers.save_level(LevelInput(name="VIP", sort_order=1))
    renamed = admin.customers.save_level(
        LevelInput(id=vip.id, version=vip.version, name="VIP 客户", sort_order=1)
    )
    assert (renamed.id, renamed.name) == (vip.id, "VIP 客户")
    assert renamed.version == vip.version + 1
    assert [level.name for level in admin.customers.levels()] == ["VIP 客户"]
    with pytest.raises(ConflictError):
        admin.customers.save_level(LevelInput(id=vip.id, version=vip.version, name="Old view"))
    with pytest.raises(DomainError) as missing:
        admin.customers.save_level(LevelInput(id=vip.id + 99, name="Ghost"))
    assert missing.value.msg_id == "customer.unknown_level"


def test_renaming_a_category_keeps_its_level_code(admin: Services) -> None:
    east = admin.customers.save_category(CategoryInput(name="华东区"))
    renamed = admin.customers.save_category(
        CategoryInput(id=east.id, version=east.version, name="华东大区", prefix=east.prefix)
    )
    assert (renamed.id, renamed.code, renamed.name) == (east.id, east.code, "华东大区")
    with pytest.raises(ConflictError):
        admin.customers.save_category(CategoryInput(id=east.id, version=east.version, name="X"))
