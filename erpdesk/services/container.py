"""``Services``: the use-case services for one logged-in actor, built by ``app.py`` or ``cli``.

Each area service is created on first use (lazy imports keep start-up fast). Add an area by adding a
``cached_property`` here; services never build each other's engines, they share this container's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from erpdesk.db.engine import Database
from erpdesk.services.context import Actor, Clock


@dataclass
class Services:
    """Everything the GUI or CLI may ask of the business layer, for ``actor``."""

    database: Database
    actor: Actor
    clock: Clock = field(default_factory=Clock)
