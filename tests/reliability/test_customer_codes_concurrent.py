"""Two clerks' PCs saving new customers at the same moment get distinct codes with no gaps.

Two OS processes each save 500 customers with automatic codes through ``CustomerService.save`` on the
same database (SQLite file, then PostgreSQL); the codes must be exactly KH00001…KH01000.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from erpdesk.db.engine import Database
from erpdesk.db.models.customer import Customer

PER_PROCESS = 500

WORKER = r"""
import sys, time
from pathlib import Path
from erpdesk.db.engine import open_database
from erpdesk.domain.permissions import Role
from erpdesk.services.context import Actor
from erpdesk.services.customer_dto import ContactInput, CustomerInput
from erpdesk.services.customers import CustomerService

url, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
database = open_database(url)
service = CustomerService(database, Actor(name, frozenset({Role.CLERK})))
service.search_ids("")  # connect before the start signal
while not go.exists():
    time.sleep(0.005)
for i in range(count):
    service.save(
        CustomerInput(
            name=f"{name} 客户 {i:04d} 有限公司",
            contacts=(ContactInput(name=f"联系人{i}", mobile=f"139{i:04d}{len(name):04d}"),),
        ),
        ack={"duplicates"},
        reason="load test",
    )
    time.sleep(0.002)  # SQLite's busy handler is not fair: a writer in a tight loop starves the other
database.dispose()
"""


def _url(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def test_two_processes_saving_at_once_get_consecutive_codes(
    backend: Database, tmp_path: Path
) -> None:
    go = tmp_path / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, _url(backend), name, str(PER_PROCESS), str(go)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("clerk_a", "clerk_b")
    ]
    time.sleep(1.0)
    go.touch()
    for worker in workers:
        _out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err
    with backend.engine.connect() as conn:
        rows = conn.execute(select(Customer.code, Customer.created_by)).all()
    codes = sorted(code for code, _by in rows)
    assert codes == [f"KH{n:05d}" for n in range(1, 2 * PER_PROCESS + 1)]
    by_user = {user: sum(1 for _c, by in rows if by == user) for user in ("clerk_a", "clerk_b")}
    assert by_user == {"clerk_a": PER_PROCESS, "clerk_b": PER_PROCESS}
    interleaved = [by for _code, by in sorted(rows)]
    switches = sum(1 for a, b in itertools.pairwise(interleaved) if a != b)
    assert switches > 10  # the two writers really ran at the same time
