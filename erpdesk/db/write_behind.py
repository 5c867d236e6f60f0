"""One thread that runs a transaction's batches on its connection, in order, while the caller
prepares the next ones.

The SQLite and PostgreSQL drivers release the GIL while the database works, so a bulk write's Python
work (building rows, converting values, encoding audit entries) overlaps the database's (inserting
into the table and its indexes, full-text indexing). The caller hands over closures and must not
touch the connection until ``drain`` returns or the ``with`` block ends. At most ``depth`` batches
wait, so memory stays bounded. An error in a batch is raised in the caller's thread at its next
``submit`` or at ``drain``, and the batches after it are skipped; when the caller fails, batches not
yet started are dropped and the running one is waited for, so the transaction rolls back with no
thread still using its connection.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType


class WriteBehind:
    """Batches run in submission order on one thread; ``done(rows)`` reports rows written so far
    (called in the caller's thread)."""

    def __init__(self, *, depth: int = 2, done: Callable[[int], None] | None = None) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="write-behind")
        self._pending: deque[tuple[Future[None], int]] = deque()
        self._depth = depth
        self._done = done
        self._rows = 0
        self._failed = False

    def submit(self, work: Callable[[], None], rows: int = 0) -> None:
        """Queue ``work`` (which writes ``rows`` rows), first waiting while ``depth`` are queued."""
        while len(self._pending) >= self._depth:
            self._settle()
        self._pending.append((self._pool.submit(self._run, work), rows))

    def _run(self, work: Callable[[], None]) -> None:
        if self._failed:
            return  # an earlier batch failed: the transaction is rolled back anyway
        try:
            work()
        except BaseException:
            self._failed = True
            raise

    def _settle(self) -> None:
        future, rows = self._pending.popleft()
        future.result()
        self._rows += rows
        if self._done is not None:
            self._done(self._rows)

    def drain(self) -> None:
        """Wait for every queued batch; raises the first batch's error."""
        while self._pending:
            self._settle()

    def __enter__(self) -> WriteBehind:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                self.drain()
        finally:
            self._failed = self._failed or exc_type is not None
            self._pool.shutdown(wait=True, cancel_futures=True)
