"""What a CLI command needs: settings, the user's language, the open database and the acting user.

The database is opened (and upgraded) on first use, so ``erpdesk --version`` and ``--help`` stay instant.
"""

from __future__ import annotations

import getpass
import sys
from dataclasses import dataclass, field

from erpdesk import settings as app_settings
from erpdesk.db.engine import Database
from erpdesk.domain.messages import render
from erpdesk.services import database as database_service
from erpdesk.services.context import Actor, system_actor


@dataclass
class CliContext:
    """Per-invocation state of a command; ``close`` releases the database."""

    db_url: str | None
    lang: str
    username: str | None = None
    _database: Database | None = field(default=None, init=False)

    @property
    def settings(self) -> app_settings.AppSettings:
        return app_settings.load(self.db_url, self.lang)

    def database(
        self, *, upgrade: bool = True, probe: bool = True, create: bool = True
    ) -> Database:
        """Open the database; upgrade it to this program's schema unless told not to.

        ``probe=False`` skips the first connection (a restore must work over a damaged file);
        ``create=False`` refuses a missing SQLite file instead of creating an empty one.
        """
        if self._database is None:
            self._database = database_service.open_db(
                self.settings.database_url,
                application_name=f"erpdesk-cli:{self.os_user()}",
                probe=probe,
                create=create,
            )
            service = self._database.cloud_sync_service
            if service:
                self.warn("db.cloud_folder", path=self._database.label(), service=service)
            if upgrade:
                database_service.upgrade(self._database, backup_dir=self.settings.backup_dir)
        return self._database

    def actor(self) -> Actor:
        """The acting user: ``--user NAME`` logs in (password from ERPDESK_PASSWORD or a prompt) and
        acts with that user's roles; without it, maintenance runs as the operating-system user."""
        if self.username:
            return _login_actor(self, self.username)
        return system_actor(f"system:{self.os_user()}")

    @staticmethod
    def os_user() -> str:
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown"

    def say(self, msg_id: str, /, **params: object) -> None:
        print(render(msg_id, self.lang, **params))

    def warn(self, msg_id: str, /, **params: object) -> None:
        print(render(msg_id, self.lang, **params), file=sys.stderr)

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
            self._database = None


def _login_actor(ctx: CliContext, username: str) -> Actor:
    from erpdesk.cli.users import login_actor

    return login_actor(ctx, username)
