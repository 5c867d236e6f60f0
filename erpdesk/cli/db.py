"""``erpdesk db upgrade|check|backup|restore``: database administration from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from erpdesk.cli.context import CliContext
from erpdesk.domain.messages import render
from erpdesk.services import database as database_service


def register(commands: Any) -> None:
    db = commands.add_parser("db", help="upgrade, check, back up or restore the database")
    sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    sub.add_parser(
        "upgrade", help="upgrade the schema (a verified backup is taken first)"
    ).set_defaults(handler=upgrade)
    sub.add_parser(
        "check", help="integrity, foreign keys and audit chain; exit 1 on problems"
    ).set_defaults(handler=check)
    backup_parser = sub.add_parser("backup", help="write a verified backup")
    backup_parser.add_argument(
        "--to", metavar="FILE", type=Path, help="backup file (default: backup folder)"
    )
    backup_parser.set_defaults(handler=backup)
    restore_parser = sub.add_parser(
        "restore", help="replace the database with a verified backup file"
    )
    restore_parser.add_argument("file", type=Path)
    restore_parser.set_defaults(handler=restore)


def upgrade(_args: argparse.Namespace, ctx: CliContext) -> int:
    database = ctx.database(upgrade=False)
    result = database_service.upgrade(database, backup_dir=ctx.settings.backup_dir)
    if result.backup is not None:
        ctx.say("backup.done", path=str(result.backup))
    if result.changed:
        ctx.say("db.upgraded", old=", ".join(result.old) or "-", new=", ".join(result.new))
    else:
        ctx.say("db.up_to_date", rev=", ".join(result.new))
    return 0


def check(_args: argparse.Namespace, ctx: CliContext) -> int:
    result = database_service.check(ctx.database(upgrade=False, create=False))
    if result.ok:
        ctx.say("db.check_ok", rows=result.audit_rows)
        return 0
    for msg_id, params in result.problems:
        shown = dict(params)
        if "reason" in shown:
            shown["reason"] = render(str(shown["reason"]), ctx.lang)
        ctx.say(msg_id, **shown)
    return 1


def backup(args: argparse.Namespace, ctx: CliContext) -> int:
    # No upgrade first: a backup must be possible of any database, even one this program cannot open.
    database = ctx.database(upgrade=False, create=False)
    target = args.to or database_service.default_backup_target(database, ctx.settings.backup_dir)
    written = database_service.backup(database, ctx.actor(), target)
    ctx.say("backup.done", path=str(written))
    return 0


def restore(args: argparse.Namespace, ctx: CliContext) -> int:
    database = ctx.database(upgrade=False, probe=False)
    if database.is_sqlite and not database.sqlite_path.exists():
        database_service.upgrade(database, backup_dir=None)  # a new PC: restore over an empty one
    kept = database_service.restore(database, ctx.actor(), args.file, ctx.settings.backup_dir)
    database_service.upgrade(database, backup_dir=None)
    ctx.say("restore.done", source=str(args.file), kept=str(kept))
    return 0
