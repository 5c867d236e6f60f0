"""Types shared by every area's DTOs (kept free of storage imports: the UI imports DTO modules)."""

from __future__ import annotations

from collections.abc import Mapping

# What a write touched: table name → the keys of the rows it inserted, updated or deleted.
Changes = Mapping[str, frozenset[str]]
