"""A finished log played back at ``speed`` records per second, so the detectors fire as it goes
(``lossmon app --replay``). Paced by an injected clock: tests drive it with a fake one.

A :class:`ReplaySource` is a source like the others (see protocols.py): each ``poll`` hands its
sink the whole lines that are due by now. The follower drives it as it drives a followed file
(``Follower(paths, replay_speed=N)``, polling it every ``REPLAY_TICK`` of its clock), so a replay's
records and findings reach the faces the way a followed file's do. Several logs are replayed one
after the other: each waits for the one before it (``after``) to end.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from lossmon.engine.errors import LossmonError
from lossmon.engine.sources.files import read_chunks
from lossmon.engine.sources.protocols import Sink, finish


class ReplaySource:
    def __init__(
        self,
        path: str,
        speed: float,
        records: Callable[[], int],
        clock: Callable[[], float] = time.monotonic,
        after: ReplaySource | None = None,
    ) -> None:
        """``records``: how many records the sink's monitor holds (lines per record varies, with
        headers and warnings: the pace is estimated from what was fed); ``after``: the replay
        this one waits for (its time starts when that one has ended)."""
        if speed <= 0:
            raise LossmonError(f"--speed must be positive, not {speed:g}")
        self.path = path
        self.speed = speed
        self.done = False
        self.position = 0  # bytes handed over
        self._records = records
        self._clock = clock
        self._data: bytes | None = None
        self._ends = np.empty(0, np.int64)  # the byte just after each line
        self._line = 0  # lines handed over
        self._lines_per_record = 1.0
        self._played = 0.0  # seconds of replay (paused time does not count)
        self._last: float | None = None
        self._paused = False
        self._after = after

    @property
    def paused(self) -> bool:
        return self._paused

    @paused.setter
    def paused(self, value: bool) -> None:
        if not value and self._paused:
            self._last = self._clock()  # the pause does not count as played time
        self._paused = value

    def poll(self, sink: Sink, budget: int) -> bool:
        """Hand over the lines due by now (at most ``budget`` bytes more than one line); False:
        nothing more is due before the clock moves on."""
        if self.done or (self._after is not None and not self._after.done):
            return False
        if self._data is None:
            try:
                self._load()
            except LossmonError as error:
                sink.event("error", str(error))
                finish(self, sink, "could not be replayed")  # over all the same: the next one's turn
                return False
            sink.event("opened", f"{self.path}: replaying at {self.speed:g} records/s")
        now = self._clock()
        if self._paused:
            return False
        self._played += now - (self._last if self._last is not None else now)
        self._last = now
        wanted = int(self._played * self.speed) - self._records()
        if wanted > 0 and self._line < len(self._ends):
            take = max(1, min(int(wanted * self._lines_per_record), len(self._ends) - self._line))
            end = int(self._ends[self._line + take - 1])
            if end - self.position > budget:  # a burst: at most a budget's worth of whole lines
                take = max(1, int(np.searchsorted(self._ends, self.position + budget, side="right")) - self._line)
                end = int(self._ends[self._line + take - 1])
            chunk = self._data[self.position : end]
            self.position = end  # (before the sink: a chunk it cannot digest is not handed again)
            self._line += take
            sink.data(chunk)
            records = self._records()
            if records:
                self._lines_per_record = max(1.0, self._line / records)
        if self._line >= len(self._ends):
            finish(self, sink, "replayed")
            self.close()  # the next log's replay needs the memory more (the follower goes on)
        return False

    def close(self) -> None:
        """Let go of the log's bytes (read whole at the start)."""
        if self._data is not None:
            self._data, self._ends = b"", self._ends[:0]

    def _load(self) -> None:
        data = b"".join(read_chunks(self.path))
        ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10) + 1
        if not len(ends) or ends[-1] != len(data):
            ends = np.append(ends, len(data))  # the last line, without its newline
        self._data, self._ends = data, ends
