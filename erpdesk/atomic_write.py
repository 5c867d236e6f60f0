"""Write a file under a temporary name beside its target, then move it into place in one rename.

A half-written export, statement or count sheet must never stand under the name the user chose: the
file is written next to the target (same folder, so the move is a rename on one volume), moved onto
it when the writing completes, and removed when anything fails or is cancelled. Every ``OSError`` on
the way (creating the temporary file, writing, moving) reaches the caller as ``failed(exc)``, the
caller's own translated message naming the target.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def beside_then_replace(
    target: Path, *, prefix: str, suffix: str, failed: Callable[[OSError], Exception]
) -> Iterator[Path]:
    """A new empty file next to ``target`` to write in, moved onto ``target`` when the block
    completes, removed otherwise; an ``OSError`` is raised as ``failed(exc)``."""
    try:
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
    except OSError as exc:
        raise failed(exc) from exc
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, target)
    except OSError as exc:
        raise failed(exc) from exc
    finally:
        temp.unlink(missing_ok=True)
