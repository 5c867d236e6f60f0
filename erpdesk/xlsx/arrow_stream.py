"""An Arrow C stream that passes another one through, counting rows, honouring Cancel, reading ahead.

The export writer (rustpy-xlsxwriter) pulls an Arrow stream straight from the database driver, in
native code, with no Python object per cell. ``WatchedStream`` sits between the two: each batch the
writer takes is counted and reported to ``progress``, and when ``cancelled()`` turns True the next
request fails with ``ECANCELED``, which ends the write. A thread fetches the next batches from the
source while the writer formats the current one (both run without the GIL: ctypes releases it around
the driver's call, the writer releases it while it writes), so reading the database costs almost no
time of its own. No library offers this for the Arrow C stream interface without a large dependency
(pyarrow's ``RecordBatchReader.from_batches``), so it is written here against the interface's
specification (https://arrow.apache.org/docs/format/CStreamInterface.html), with ``ctypes``.

Ownership follows the specification: the source stream is *moved* into this object (its ``release``
is cleared in the capsule it came from), and the stream this object exports is moved out by its
consumer, which calls ``release`` once when done; that releases the source.
"""

from __future__ import annotations

import ctypes
import errno
import queue
import threading
from collections.abc import Callable
from typing import Any

_CAPSULE_NAME = b"arrow_array_stream"


class _ArrowArray(ctypes.Structure):
    # Only the leading fields are read: the row count, and ``release`` (NULL marks the end).
    _fields_ = (
        ("length", ctypes.c_int64),
        ("null_count", ctypes.c_int64),
        ("offset", ctypes.c_int64),
        ("n_buffers", ctypes.c_int64),
        ("n_children", ctypes.c_int64),
        ("buffers", ctypes.c_void_p),
        ("children", ctypes.c_void_p),
        ("dictionary", ctypes.c_void_p),
        ("release", ctypes.c_void_p),
        ("private_data", ctypes.c_void_p),
    )


_ReleaseArray = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
_READ_AHEAD = 3  # batches fetched ahead of the writer (each a few MB at most)
_GetSchema = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_GetNext = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(_ArrowArray))
_GetLastError = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p)
_Release = ctypes.CFUNCTYPE(None, ctypes.c_void_p)


class _ArrowArrayStream(ctypes.Structure):
    _fields_ = (
        ("get_schema", _GetSchema),
        ("get_next", _GetNext),
        ("get_last_error", _GetLastError),
        ("release", _Release),
        ("private_data", ctypes.c_void_p),
    )


_capsule_get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
_capsule_get_pointer.restype = ctypes.c_void_p
_capsule_get_pointer.argtypes = (ctypes.py_object, ctypes.c_char_p)
_capsule_new = ctypes.pythonapi.PyCapsule_New
_capsule_new.restype = ctypes.py_object
_capsule_new.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p)


class WatchedStream:
    """``source`` (anything with ``__arrow_c_stream__``) as a stream that reports its rows.

    ``progress(rows)`` is called after each batch with the rows passed so far; ``cancelled()`` is
    asked before each batch. ``rows`` and ``was_cancelled`` tell afterwards what happened. Keep the
    object alive until the consumer has finished with the stream (the writer call returns), then
    ``close`` it.
    """

    def __init__(
        self,
        source: Any,
        *,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.rows = 0
        self.was_cancelled = False
        self.failure: BaseException | None = None
        self._progress, self._cancelled = progress, cancelled
        capsule = source.__arrow_c_stream__()
        pointer = _capsule_get_pointer(capsule, _CAPSULE_NAME)
        self._source = _ArrowArrayStream()
        ctypes.memmove(ctypes.addressof(self._source), pointer, ctypes.sizeof(_ArrowArrayStream))
        ctypes.memset(pointer, 0, ctypes.sizeof(_ArrowArrayStream))  # moved: the capsule is empty
        self._source_address = ctypes.addressof(self._source)
        self._cancelled_text = ctypes.create_string_buffer(b"cancelled")
        self._failed_text = ctypes.create_string_buffer(b"failed in a callback")
        self._source_text: Any = None  # the source's last error, copied by the reading thread
        self._batches: queue.Queue[tuple[int, _ArrowArray | None]] = queue.Queue(_READ_AHEAD)
        self._stop = threading.Event()
        self._reader: threading.Thread | None = None
        self._finished = False
        # The callbacks must outlive the consumer's last call: they are attributes of self.
        self._callbacks = (
            _GetSchema(self._get_schema),
            _GetNext(self._get_next),
            _GetLastError(self._get_last_error),
            _Release(self._release),
        )
        self._exported = _ArrowArrayStream(*self._callbacks, None)
        self._released = False

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        if requested_schema is not None:
            raise NotImplementedError("a requested schema is not supported")
        # No destructor: the struct belongs to this object, and the consumer moves it out and
        # calls its ``release``; an unconsumed stream is released by ``close``.
        return _capsule_new(ctypes.addressof(self._exported), _CAPSULE_NAME, None)

    def close(self) -> None:
        """Stop reading ahead and release the source (if the consumer has not already)."""
        self._release(None)

    def _read_ahead(self) -> None:
        """The reading thread: batches from the source into the queue until the end or Stop."""
        while not self._stop.is_set():
            batch = _ArrowArray()
            code = int(self._source.get_next(self._source_address, ctypes.byref(batch)))
            if code != 0:
                message = self._source.get_last_error(self._source_address)
                text = ctypes.string_at(message) if message else b"the source failed"
                self._source_text = ctypes.create_string_buffer(text)
            ended = code != 0 or not batch.release
            while not self._stop.is_set():
                try:
                    self._batches.put((code, None if ended else batch), timeout=0.1)
                    break
                except queue.Full:
                    continue
            else:
                if not ended:
                    _ReleaseArray(batch.release)(ctypes.addressof(batch))
            if ended:
                return

    def _get_schema(self, _stream: int | None, out: int | None) -> int:
        return int(self._source.get_schema(self._source_address, out))

    def _get_next(self, _stream: int | None, out: Any) -> int:
        try:
            if self._cancelled is not None and self._cancelled():
                self.was_cancelled = True
                self._stop.set()
                return errno.ECANCELED
            if self._finished:
                out.contents.release = None
                return 0
            if self._reader is None:
                self._reader = threading.Thread(target=self._read_ahead, daemon=True)
                self._reader.start()
            code, batch = self._batches.get()
            if code != 0:
                return code
            if batch is None:  # the end of the stream
                self._finished = True
                out.contents.release = None
                return 0
            ctypes.memmove(out, ctypes.addressof(batch), ctypes.sizeof(_ArrowArray))  # moved
            self.rows += int(batch.length)
            if self._progress is not None:
                self._progress(self.rows)
            return 0
        except BaseException as exc:  # an exception cannot cross into native code
            self.failure = exc
            self._stop.set()
            return errno.EIO

    def _get_last_error(self, _stream: int | None) -> int | None:
        if self.was_cancelled:
            return ctypes.addressof(self._cancelled_text)
        if self.failure is not None:
            return ctypes.addressof(self._failed_text)
        if self._source_text is not None:
            return ctypes.addressof(self._source_text)
        return None

    def _release(self, _stream: int | None) -> None:
        if self._released:
            return
        self._released = True
        self._stop.set()
        if self._reader is not None:
            self._reader.join()
        while not self._batches.empty():
            _code, batch = self._batches.get_nowait()
            if batch is not None and batch.release:
                _ReleaseArray(batch.release)(ctypes.addressof(batch))
        if self._source.release:
            self._source.release(self._source_address)
