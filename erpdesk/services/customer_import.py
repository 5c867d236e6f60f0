"""Customer import: turn cleaned rows into validated customers (dry run), then write them in one go.

The work is split by job: ``customer_import_data`` (lookups, stored customers by code, ids, the
planned row ``Prepared``), ``customer_import_check`` (the dry run: outcomes, problems, duplicate
warnings; ``plan``), which checks plain new rows column by column (``customer_import_plain``) and
runs the field rules on the others through ``customer_import_rules`` (``check_drafts``), and
``customer_import_commit`` (the bulk write with its audit entries; ``write``). This module is the
importer ``ImportService`` calls (``plan``, or ``plan_batches`` while the file is still being read,
``write``, ``copy_prepared``) and keeps the names the other importers share.
"""

from __future__ import annotations

from erpdesk.services.customer_import_check import plan, plan_batches, warm_up
from erpdesk.services.customer_import_commit import write
from erpdesk.services.customer_import_data import (
    CHUNK,
    KIND,
    Existing,
    ImportCancelled,
    Lookups,
    Prepared,
    _chunks,
    _insert_many,
    choice_lists,
    copy_prepared,
    issued_codes,
    load_existing,
    load_lookups,
    new_ids,
)

__all__ = [
    "CHUNK",
    "KIND",
    "Existing",
    "ImportCancelled",
    "Lookups",
    "Prepared",
    "_chunks",
    "_insert_many",
    "choice_lists",
    "copy_prepared",
    "issued_codes",
    "load_existing",
    "load_lookups",
    "new_ids",
    "plan",
    "plan_batches",
    "warm_up",
    "write",
]
