"""Login timing (RELIABILITY.md A2, A4): unknown user vs wrong password, and one argon2id verification.

On a fresh SQLite file with the default argon2id parameters (t=3, m=64 MiB, p=4), alternates a login with
an unknown name and one with a known name and a wrong password (each name tried at most four times, then a
fresh name, so no lock interferes). Prints the median of each, the gap (target ≤ 50 ms), and the raw
``PasswordHasher.verify`` median measured in the same run (target 100–500 ms) with the ratio of a whole
failed login to it.

Usage: python benchmarks/login_timing.py [--tries N]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
import time
from pathlib import Path

from argon2 import PasswordHasher

from erpdesk.db.engine import open_database
from erpdesk.db.migrate import upgrade
from erpdesk.domain.permissions import Role
from erpdesk.services.auth import AuthService
from erpdesk.services.auth_dto import CompanyProfile, LoginFailed
from erpdesk.services.users import UserService

GAP_TARGET_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tries", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database("sqlite:///" + (Path(folder) / "bench.db").as_posix())
        upgrade(database)
        service = AuthService(database)
        setup = service.first_run_setup(CompanyProfile(name="Bench"), "boss", "Adm1n-Secret!x")
        users = UserService(database, setup.login.actor)
        known = [f"user{i}" for i in range(args.tries // 4 + 1)]
        for name in known:
            users.add(name, [Role.CLERK])
        hasher = PasswordHasher()
        stored = hasher.hash("x")
        raw, unknown, wrong = [], [], []
        for i in range(args.tries):
            start = time.perf_counter()
            with contextlib.suppress(Exception):
                hasher.verify(stored, "y")
            raw.append(time.perf_counter() - start)
            for name, sink in ((f"ghost{i // 4}", unknown), (known[i // 4], wrong)):
                start = time.perf_counter()
                with contextlib.suppress(LoginFailed):
                    service.login(name, "Wrong#pass1")
                sink.append(time.perf_counter() - start)
        database.dispose()
    ms = 1000.0
    m_raw, m_unknown, m_wrong = (statistics.median(v) * ms for v in (raw, unknown, wrong))
    gap = abs(m_unknown - m_wrong)
    print(f"argon2id verify (raw baseline): median {m_raw:.1f} ms (target 100–500 ms)")
    print(
        f"failed login, unknown user:     median {m_unknown:.1f} ms ({m_unknown / m_raw:.2f}× raw)"
    )
    print(f"failed login, wrong password:   median {m_wrong:.1f} ms ({m_wrong / m_raw:.2f}× raw)")
    verdict = "OK" if gap <= GAP_TARGET_MS else "TOO LARGE"
    print(f"gap: {gap:.1f} ms (target ≤ {GAP_TARGET_MS:.0f} ms) {verdict}")


if __name__ == "__main__":
    main()
