"""A compressed log (.gz, .bz2, .xz): a finished file, decompressed and read once to its end. It
reports to the same sink as :class:`lossmon.engine.sources.tail.FileTail`."""

from __future__ import annotations

from collections.abc import Generator

from lossmon.engine.errors import LossmonError
from lossmon.engine.sources.files import BLOCK_BYTES, read_chunks
from lossmon.engine.sources.protocols import Sink, finish


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
            self._chunks = read_chunks(self.path, BLOCK_BYTES)
            sink.event("opened", f"{self.path}: reading a finished (compressed) log")
        got = 0
        try:
            while got < budget:
                chunk = next(self._chunks, None)
                if chunk is None:
                    finish(self, sink, "read to its end")
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
