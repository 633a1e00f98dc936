"""Inputs that are read once to their end rather than followed by name: standard input (a pipe
such as ``ssh gpu1 tail -F train.log | lossmon -``), a named pipe or a process substitution
(``lossmon <(ssh gpu1 tail -F train.log)``), and compressed logs (.gz, .bz2, .xz), which are
finished files. Both report to the same sink as :class:`lossmon.engine.tail.FileTail`.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Generator
from typing import BinaryIO

from lossmon.engine.errors import LossmonError
from lossmon.engine.sources import CHUNK_BYTES, read_chunks
from lossmon.engine.tail import Sink

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
                self.done = True
                sink.end()
                sink.event("finished", f"{self.path}: end of input")
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
                chunk: bytes | Exception = read(CHUNK_BYTES)
            except (OSError, ValueError) as error:
                chunk = error
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


class FinishedFile:
    """A compressed log: decompressed and read once to its end, a chunk at a time."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.position = 0
        self.done = False
        self._chunks: Generator[bytes, None, None] | None = None

    def poll(self, sink: Sink, budget: int) -> bool:
        if self.done:
            return False
        if self._chunks is None:
            self._chunks = read_chunks(self.path, CHUNK_BYTES)
            sink.event("opened", f"{self.path}: reading a finished (compressed) log")
        got = 0
        try:
            while got < budget:
                chunk = next(self._chunks, None)
                if chunk is None:
                    self.done = True
                    sink.end()
                    sink.event("finished", f"{self.path}: read to its end")
                    return False
                self.position += len(chunk)
                got += len(chunk)
                sink.data(chunk)
        except LossmonError as error:
            self.done = True
            sink.event("error", str(error))
            return False
        return True

    def close(self) -> None:
        if self._chunks is not None:
            self._chunks.close()  # closes the file (the generator's finally)
