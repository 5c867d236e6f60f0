"""A PostgreSQL server that refuses who we are gets a plain message naming why, never a traceback.

Wrong or missing passwords (``db.password_required``, which makes the app ask) cannot be produced by
the trust-auth test server; the app's prompt flow is covered in tests/ui/test_db_password_prompt.py.
"""

from __future__ import annotations

import pytest

from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.services import database as database_service


@pytest.mark.pg
def test_an_unknown_role_is_reported_by_name(pg_url: str) -> None:
    server = pg_url.rsplit("/", 1)[0].split("@", 1)[1]
    with pytest.raises(DomainError) as refused:
        database_service.open_db(f"postgresql://no_such_role_7x@{server}/test")
    assert refused.value.msg_id == "db.connect_failed"
    assert 'role "no_such_role_7x" does not exist' in render(
        refused.value.msg_id, "en", **refused.value.params
    )
