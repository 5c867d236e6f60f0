"""``erpdesk self-test``: check that this installation can migrate, translate, read and write Excel,
print PDFs with Chinese text and reach the password store; exit 1 if any part is broken."""

from __future__ import annotations

import argparse
from typing import Any

from erpdesk.cli.context import CliContext


def register(commands: Any) -> None:
    commands.add_parser(
        "self-test", help="check every part of this installation (database, PDF, Excel, fonts…)"
    ).set_defaults(handler=self_test)


def self_test(_args: argparse.Namespace, ctx: CliContext) -> int:
    from erpdesk.services.self_test import run_checks

    results = run_checks(ctx.lang)
    for result in results:
        mark = "ok" if result.ok and not result.warning else ("warn" if result.ok else "FAIL")
        ctx.say("selftest.line", mark=mark, name=result.name, detail=result.detail)
    failed = [r.name for r in results if not r.ok]
    if failed:
        ctx.say("selftest.failed", names=", ".join(failed))
        return 1
    ctx.say("selftest.passed", count=len(results))
    return 0
