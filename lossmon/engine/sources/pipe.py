"""A pipe, read once to its end rather than followed by name: standard input (``ssh gpu1 tail -F
train.log | lossmon -``), a named pipe or a process substitution (``lossmon <(ssh gpu1 tail -F
train.log)``). It reports to the same sink as :class:`lossmon.engine.sources.tail.FileTail`.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from typing import BinaryIO

from lossmon.engine.sources.protocols import Sink, finish

# At most this much a read (a pipe gives 64 KiB a read anyway): with the queue below, what a lagging
# follower holds of a pipe stays a few MiB, whatever the history block size.
READ_BYTES = 1 << 20
_PIPE_CHUNKS = 4  # chunks read ahead from a pipe; past that the writer upstream waits


class PipeStream:
    """A pipe read by its own thread, so that a blocking read never holds the follower. The
    hand-over queue is small: when the follower lags, this thread stops reading and the pipe's
    writer blocks, so nothing is dropped and nothing piles up in memory."""

    def __init__(self, name: str, stream: BinaryIO | Callable[[], BinaryIO], on_ready: Callable[[], None]) -> None:
        """``stream``, or a function that opens it (on the reading thread: opening a FIFO waits
        for its writer)."""
        self.path = name
        self.position = 0
        self.done = False
        self._stream = stream
        self._on_ready = on_ready
        self._chunks: queue.Queue[bytes | Exception] = queue.Queue(_PIPE_CHUNKS)
        self._thread = threading.Thread(target=self._read_all, name=f"lossmon-read-{name}", daemon=True)
        self._started = False

    def poll(self, sink: Sink, budget: int) -> bool:
        if not self._started:
            self._started = True
            self._thread.start()
            what = "reading standard input" if self.path == "-" else "a pipe: reading it to its end"
            sink.event("opened", f"{self.path}: {what}")
        got = 0
        while got < budget and not self.done:
            try:
                chunk = self._chunks.get_nowait()
            except queue.Empty:
                return False
            if isinstance(chunk, Exception):
                self.done = True
                sink.event("error", f"{self.path}: read failed ({chunk})")
            elif not chunk:
                finish(self, sink, "end of input")
            else:
                self.position += len(chunk)
                got += len(chunk)
                sink.data(chunk)
        return not self.done and not self._chunks.empty()

    def close(self) -> None:
        """The reading thread is a daemon: a read blocked on an idle pipe cannot be interrupted."""

    def _read_all(self) -> None:
        try:
            stream = self._stream() if callable(self._stream) else self._stream
        except OSError as error:
            self._chunks.put(error)
            self._on_ready()
            return
        read = _reader(stream)
        while True:
            try:
                chunk: bytes | Exception = read(READ_BYTES)
            except (OSError, ValueError) as error:
                chunk = error
            if (not chunk or isinstance(chunk, Exception)) and callable(self._stream):
                stream.close()  # opened here (a named pipe), so closed here; a given stream is its owner's
            self._chunks.put(chunk)
            self._on_ready()
            if not chunk or isinstance(chunk, Exception):
                return


def _reader(stream: BinaryIO) -> Callable[[int], bytes]:
    """What is there, up to n bytes (not n bytes). Straight from the descriptor when there is one:
    a daemon thread blocked inside a buffered reader holds its lock, and at exit the interpreter
    aborts ("could not acquire lock for <stdin> at interpreter shutdown"). Nothing has read the
    stream before (its buffer is empty)."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return getattr(stream, "read1", stream.read)
    return lambda n: os.read(fd, n)
