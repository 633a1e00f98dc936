"""What every input is to the follower: a *source* that reports what it reads to a *sink*.

A source (a followed file, a pipe, a compressed log, a run kept in several files, a replay) is
polled by the follower's thread with a byte budget, and calls its sink:

- ``data(bytes)``: new bytes, in order;
- ``end()``: the input read so far is complete (it ended, or was replaced and read to its end);
- ``restart()``: what follows is a new segment, from the first byte of a file;
- ``event(kind, message)``: one of :data:`lossmon.engine.updates.EVENT_KINDS`, one readable line.
"""

from __future__ import annotations

from typing import Protocol


class Sink(Protocol):
    def data(self, chunk: bytes) -> None: ...
    def end(self) -> None: ...
    def restart(self) -> None: ...
    def event(self, kind: str, message: str) -> None: ...


class Source(Protocol):
    path: str
    done: bool  # read to an end that no more data can follow

    @property
    def position(self) -> int: ...
    def poll(self, sink: Sink, budget: int) -> bool:
        """Report what changed, reading at most ``budget`` bytes; True when more is ready now."""
        ...
    def close(self) -> None: ...


def finish(source: Source, sink: Sink, how: str) -> None:
    """``source`` has reached an end no data can follow: what it read is complete (``end``, which
    reads a last line without its newline), then it says so (``finished``, ``how`` it ended)."""
    source.done = True
    sink.end()
    sink.event("finished", f"{source.path}: {how}")
