"""One log as the app sees it: its Monitor, the lock that guards it, and what the header shows
(loading progress, rate, what happened to the file).

The follower's thread changes the Monitor while the app reads it, so both hold ``lock`` (the
``Follower.lock``: the follower for one batch at a time, the app while it reads what a frame needs).
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable

import numpy as np

from lossmon.engine import Monitor
from lossmon.engine.arrays import GrowableArray
from lossmon.engine.sources.targets import STDIN, is_compressed

_RATE_WINDOW = 5.0  # seconds of arrivals behind "records/s"
FILE_STATES = ("waiting", "deleted", "moved")  # the path names no file being followed
_NEW_SEGMENT = ("truncated", "rotated", "recreated")


class LiveLog:
    def __init__(
        self,
        path: str,
        monitor: Monitor,
        lock: threading.RLock | None = None,
        clock: Callable[[], float] = time.monotonic,
        *,
        reads_to_end: bool = False,
    ) -> None:
        self.path = path
        self.name = "stdin" if path == STDIN else (os.path.basename(path) or path)
        self.monitor = monitor
        self.lock = lock if lock is not None else threading.RLock()
        self.clock = clock
        self.opened = clock()
        # Loading: a file is loading until the bytes it had when opened are read; an input read
        # once to its end (a compressed log, a replay) until that end.
        self.reads_to_end = reads_to_end or is_compressed(path)
        self.total_bytes: int | None = None if self.reads_to_end else _size_of(path)
        self.bytes_read = 0
        self.finished = False  # read to an end that no more data can follow (stdin closed, .gz)
        self.finished_at: float | None = None  # (the elapsed time stops there: nothing more will come)
        self.file_state: str | None = None  # one of FILE_STATES, or None while the file is there
        self.error: str | None = None
        self.segment_findings = 0  # findings before the file's current segment
        self.version = 0  # bumped whenever something changed: a cheap "anything new?" check
        self._arrival_lines = GrowableArray(np.int64)  # last line read by each batch...
        self._arrival_times = GrowableArray(np.float64)  # ...and when it arrived
        self._recent: deque[tuple[float, int]] = deque()

    # Written by the follower's thread (under the lock) --------------------------------------------

    def took(self, records: int, position: int | None = None) -> None:
        """Note that ``records`` were parsed and ``position`` bytes of the input are read."""
        now = self.clock()
        if position is not None:
            self.bytes_read = position
        if records:
            lines = self.monitor.lines
            if len(self._arrival_lines) and lines < self._arrival_lines.view[-1]:
                self._reset_arrivals()  # a new segment counts its lines from 1 again
            self._arrival_lines.extend(np.array([lines], dtype=np.int64))
            self._arrival_times.extend(np.array([now - self.opened]))
            self._recent.append((now, records))
        self.version += 1

    def event(self, kind: str, message: str) -> None:
        """A file event from the follower (see lossmon.engine.updates.EVENT_KINDS)."""
        if kind in FILE_STATES:
            self.file_state = kind
        elif kind in ("opened", *_NEW_SEGMENT):
            self.file_state = None
            self.error = None
        if kind in _NEW_SEGMENT:
            self.total_bytes = None  # what follows is live, not history to load
            self.segment_findings = len(self.monitor.findings)  # the chart shows those after
        if kind == "finished" and not self.finished:
            self.finished = True
            self.finished_at = self.clock()
        if kind == "error":
            self.error = message
        self.version += 1

    def _reset_arrivals(self) -> None:
        self._arrival_lines = GrowableArray(np.int64)
        self._arrival_times = GrowableArray(np.float64)

    # Read by the app ---------------------------------------------------------------------------

    def arrival_map(self) -> Callable[[np.ndarray], np.ndarray]:
        """Source lines → seconds since the log was opened at which each was read (take it with
        the lock held: it keeps the arrivals as they are now)."""
        ends, times = self._arrival_lines.view, self._arrival_times.view

        def arrival_times(lines: np.ndarray) -> np.ndarray:
            if not len(ends):
                return np.zeros(len(lines))
            return times[np.minimum(np.searchsorted(ends, lines, side="left"), len(ends) - 1)]

        return arrival_times

    def records_per_second(self) -> float:
        now = self.clock()
        while self._recent and now - self._recent[0][0] > _RATE_WINDOW:
            self._recent.popleft()
        if not self._recent:
            return 0.0
        span = max(now - self._recent[0][0], 1.0)
        return sum(count for _, count in self._recent) / span

    @property
    def elapsed(self) -> float:
        """Seconds since the log was opened, until it finished."""
        return (self.finished_at if self.finished_at is not None else self.clock()) - self.opened

    @property
    def loading(self) -> bool:
        """Reading the history (what the input held when it was opened)."""
        if self.finished:
            return False
        if self.reads_to_end:
            return True
        return self.total_bytes is not None and self.bytes_read < self.total_bytes

    @property
    def progress(self) -> float | None:
        """Fraction of the history read, while loading a file of known size."""
        if not self.loading or not self.total_bytes:
            return None
        return min(1.0, self.bytes_read / self.total_bytes)


def _size_of(path: str) -> int | None:
    try:
        return os.path.getsize(path) if path != STDIN and os.path.isfile(path) else None
    except OSError:
        return None
