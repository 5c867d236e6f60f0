"""Output helpers the CLI commands share: service results as JSON."""

from __future__ import annotations

import json
from decimal import Decimal
from enum import Enum
from typing import Any


def json_ready(value: Any) -> Any:
    """``value`` with dataclasses as dicts, enums as their values, money as text (no float rounding)
    and dates/times as ISO 8601, ready for ``json.dumps``."""
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: json_ready(getattr(value, k)) for k in value.__dataclass_fields__}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def print_json(value: Any) -> None:
    """Print ``value`` (see ``json_ready``) as indented JSON, Chinese text as is."""
    print(json.dumps(json_ready(value), ensure_ascii=False, indent=1))
