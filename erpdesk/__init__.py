"""ERPDesk: a desktop ERP for small offices (customers, orders, settlements, statements, stocktake)."""

from __future__ import annotations

__version__ = "0.1.0"
