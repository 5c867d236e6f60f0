"""Parse an untrusted file in a child process with a memory cap and a time limit (RELIABILITY §6).

The child runs ``reader.read_table`` and sends back the result (or the refusal) through a pipe. On Linux
the child limits its address space with ``RLIMIT_AS``; on Windows the cap is not applied yet (a Job Object
is the planned mechanism) and only the time limit holds. A child that dies (out of memory in calamine,
a crash in native code) or runs past the limit is killed and the file is refused with a message; the
caller's process never parses the file itself. ``cancelled`` is polled so the GUI's Cancel stops it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from erpdesk.xlsx.columns import KINDS
from erpdesk.xlsx.reader import ReadResult, ReadRow, read_table
from erpdesk.xlsx.safety import FileRefused

MEMORY_CAP = 512 * 1024 * 1024
TIME_LIMIT = 120.0


class ReadCancelled(Exception):
    """The caller cancelled while the child was reading."""


def _limit_memory(limit: int) -> None:
    if sys.platform.startswith("linux"):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _child(conn: Connection, path: str, kind: str, limit: int) -> None:
    try:
        _limit_memory(limit)
        result = read_table(Path(path), KINDS[kind], sink=lambda rows: conn.send(("rows", rows)))
        conn.send(("ok", result))
    except FileRefused as exc:
        conn.send(("refused", exc.msg_id, dict(exc.params)))
    except MemoryError:
        conn.send(("crashed", "MemoryError"))
    except BaseException as exc:  # anything else in a hostile file: report, never hang
        with contextlib.suppress(Exception):
            conn.send(("crashed", f"{type(exc).__name__}: {str(exc)[:200]}"))
    finally:
        conn.close()


def read_isolated(
    path: Path,
    kind: str,
    *,
    memory: int = MEMORY_CAP,
    seconds: float = TIME_LIMIT,
    cancelled: Callable[[], bool] | None = None,
) -> ReadResult:
    """``read_table`` in a child process; raises ``FileRefused`` or ``ReadCancelled``."""
    context = multiprocessing.get_context("spawn")
    parent_end, child_end = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(child_end, str(path), kind, memory), daemon=True)
    process.start()
    child_end.close()
    deadline = time.monotonic() + seconds
    message: Any = None
    received: list[ReadRow] = []
    try:
        while True:
            if parent_end.poll(0.05):
                try:
                    message = parent_end.recv()
                except (EOFError, OSError):
                    message = ("crashed", "no result")
                if message[0] == "rows":
                    received.extend(message[1])
                    message = None
                    continue
                break
            if not process.is_alive() and not parent_end.poll(0):
                message = ("crashed", f"exit {process.exitcode}")
                break
            if cancelled is not None and cancelled():
                raise ReadCancelled
            if time.monotonic() > deadline:
                message = ("crashed", "time limit")
                break
    finally:
        if process.is_alive():
            process.join(timeout=0.5 if message is not None else 0)
        if process.is_alive():
            process.kill()
            process.join()
        parent_end.close()
    status = message[0]
    if status == "ok":
        result: ReadResult = message[1]
        received.extend(result.rows)
        result.rows = received
        return result
    if status == "refused":
        raise FileRefused(message[1], **message[2])
    raise FileRefused("xlsx.reader_crashed", limit_mb=memory // (1024 * 1024), seconds=int(seconds))
