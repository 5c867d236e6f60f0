"""Handheld sync methods of ``StocktakeService``: the count sheet written for a handheld and its results
counted back.

``StocktakeService`` inherits them, so callers see one service; the file work itself (sheet layout,
reading, row keys, counting a file once) is in ``stocktake_handheld``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.db.models.stocktake import StocktakeFile
from erpdesk.db.uow import UnitOfWork
from erpdesk.domain import stocktake as rules
from erpdesk.domain.permissions import Permission
from erpdesk.domain.stocktake import StocktakeAction
from erpdesk.services import stocktake_handheld as handheld
from erpdesk.services import stocktake_scans as scans
from erpdesk.services.area import AreaService
from erpdesk.services.stocktake_dto import HandheldImportResult
from erpdesk.services.stocktake_handheld import HandheldImportCancelled
from erpdesk.xlsx.writer import ExportCancelled


class HandheldSyncMixin(AreaService):
    """``export_count_sheet`` and ``import_handheld`` for ``StocktakeService``."""

    lang: str

    if TYPE_CHECKING:  # provided by StocktakeService

        def _head(self, u: UnitOfWork, session_id: int, *, lock: bool = True) -> scans.Head: ...
        def _entry(
            self, code: str, quantity: Decimal, source: str, **extra: Any
        ) -> scans.Entry: ...

    def export_count_sheet(
        self,
        session_id: int,
        target: Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """The count sheet (.xlsx) for a handheld: code, name, unit, expected (not if blind), counted.

        ``progress(done, total)`` reports the rows written; ``cancelled()`` is checked before each.

        Raises:
            ExportCancelled: ``cancelled()`` turned True; no file is left (a file already at
                ``target`` is kept as it was).
        """
        self.actor.require(Permission.COUNT_STOCK)
        watch = handheld.Watch(progress, cancelled, ExportCancelled)

        def work(u: UnitOfWork) -> tuple[bool, list[handheld.SheetRow]]:
            head = self._head(u, session_id, lock=False)
            shown = rules.expected_visible(head.blind, head.status)
            return not shown, handheld.sheet_rows(u.connection, head, shown)

        watch.check()
        blind, rows = self._read(work)
        return handheld.write_sheet(target, self.lang, rows, blind=blind, watch=watch)

    def import_handheld(
        self,
        session_id: int,
        source: Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> HandheldImportResult:
        """Count a handheld's results file; the same file, or the same rows, never count twice.

        ``progress(done, total)`` reports the file's rows checked; ``cancelled()`` is checked while
        reading, before each row and last just before the commit.

        Raises:
            HandheldImportCancelled: ``cancelled()`` turned True; the session is unchanged (nothing
                counted, the file not recorded, so it can be imported later).
        """
        self.actor.require(Permission.COUNT_STOCK)
        watch = handheld.Watch(progress, cancelled, HandheldImportCancelled)
        data = handheld.read_results(source, self.clock.tz, self.lang, watch)

        def work(u: UnitOfWork) -> HandheldImportResult:
            head = self._head(u, session_id)
            rules.next_status(head.status, StocktakeAction.SCAN)

            def entry(row: handheld.HandheldRow) -> scans.Entry:
                return self._entry(
                    row.code,
                    row.quantity,
                    "handheld",
                    device=row.device,
                    at=row.at,
                    row_key=row.key,
                )

            result = handheld.count_file(u.connection, head, data, entry, watch)
            if not result.already_imported:
                u.session.add(
                    StocktakeFile(
                        stocktake_id=session_id,
                        sha256=data.sha256,
                        file_name=data.name[:255],
                        rows=result.rows,
                        counted=result.counted,
                        imported_at=self.clock.utc(),
                        imported_by=self.actor.username,
                    )
                )
                u.session.flush()
            watch.check()  # the last moment a cancel undoes everything: the commit follows
            return result

        result = self._write(work)[0]
        watch.finish()
        return result
