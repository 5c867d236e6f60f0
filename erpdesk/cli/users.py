"""``erpdesk user add|list|unlock|reset-password``: user administration from the command line.

Run with ``--user NAME`` these act as that user (an admin); without it they run as the operating-system
user with direct access to the database, which is how a locked-out last admin gets back in.
One-time passwords are printed once; they are never logged.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from erpdesk.cli.context import CliContext
from erpdesk.domain.errors import DomainError
from erpdesk.domain.messages import render
from erpdesk.domain.permissions import Role
from erpdesk.services.container import Services
from erpdesk.services.context import Actor

PASSWORD_VARIABLE = "ERPDESK_PASSWORD"
TOTP_VARIABLE = "ERPDESK_TOTP"


def register(commands: Any) -> None:
    user = commands.add_parser("user", help="add, list, unlock users or reset a password")
    sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add a user; prints a one-time password")
    add.add_argument("name")
    add.add_argument(
        "--role",
        action="append",
        required=True,
        choices=[r.value for r in Role],
        help="role (repeat for several)",
    )
    add.add_argument("--display-name", default="", metavar="TEXT", help="name shown in the app")
    add.set_defaults(handler=add_user)
    sub.add_parser("list", help="list users, roles and locks").set_defaults(handler=list_users)
    unlock = sub.add_parser("unlock", help="lift a lockout after failed logins")
    unlock.add_argument("name")
    unlock.set_defaults(handler=unlock_user)
    reset = sub.add_parser("reset-password", help="give a user a new one-time password")
    reset.add_argument("name")
    reset.set_defaults(handler=reset_password)


def _services(ctx: CliContext) -> Services:
    return Services(ctx.database(), ctx.actor())


def add_user(args: argparse.Namespace, ctx: CliContext) -> int:
    created = _services(ctx).users.add(
        args.name, [Role(r) for r in args.role], display_name=args.display_name
    )
    ctx.say("user.added", user=created.username, password=created.password)
    return 0


def list_users(_args: argparse.Namespace, ctx: CliContext) -> int:
    services = _services(ctx)
    rows = services.users.list()
    ctx.say("user.list_header")
    for row in rows:
        roles = ", ".join(render(f"role.{r.value}", ctx.lang) for r in row.roles)
        active = render("user.yes" if row.active else "user.no", ctx.lang)
        locked = ""
        if row.locked_until is not None:
            locked = row.locked_until.astimezone(services.clock.tz).strftime("%Y-%m-%d %H:%M")
        print("\t".join((row.username, row.display_name, roles, active, locked)))
    return 0


def unlock_user(args: argparse.Namespace, ctx: CliContext) -> int:
    detail = _services(ctx).users.unlock(args.name)
    ctx.say("user.unlocked", user=detail.username)
    return 0


def reset_password(args: argparse.Namespace, ctx: CliContext) -> int:
    temporary = _services(ctx).users.reset_password(args.name)
    ctx.say("user.password_reset", user=temporary.username, password=temporary.password)
    return 0


def _secret(ctx: CliContext, variable: str, prompt_id: str, user: str) -> str:
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise DomainError("auth.no_password", user=user)
    return getpass.getpass(render(prompt_id, ctx.lang, user=user))


def login_actor(ctx: CliContext, username: str) -> Actor:
    """Log ``username`` in for one command: password from ERPDESK_PASSWORD or a prompt.

    A TOTP code comes from ERPDESK_TOTP or a prompt. Failures are counted and audited like the
    app's; a user who must change the password is sent to the app first.
    """
    from erpdesk.services.auth import AuthService
    from erpdesk.services.auth_dto import LoginStep

    service = AuthService(ctx.database())
    result = service.login(
        username, _secret(ctx, PASSWORD_VARIABLE, "auth.password_prompt", username)
    )
    if result.step is LoginStep.TOTP and result.ticket:
        code = _secret(ctx, TOTP_VARIABLE, "auth.totp_prompt", username)
        result = service.verify_totp(result.ticket, code)
    if result.step is LoginStep.CHANGE_PASSWORD:
        raise DomainError("auth.cli_must_change", user=result.username)
    return result.actor
