"""One log as the app sees it: its Monitor, a lock, and what the header shows (progress, rate).

A feed thread writes to the Monitor while the app reads it, so both hold ``lock`` (the feed for
one batch at a time, the app while it copies what a frame needs).
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable

import numpy as np

from lossmon.engine import Monitor, Update
from lossmon.engine.store import GrowableArray

_RATE_WINDOW = 5.0  # seconds of arrivals behind "records/s"


class LiveLog:
    def __init__(self, path: str, monitor: Monitor, clock: Callable[[], float] = time.monotonic) -> None:
        self.path = path
        self.name = os.path.basename(path) or path
        self.monitor = monitor
        self.lock = threading.RLock()
        self.clock = clock
        self.opened = clock()
        self.total_bytes: int | None = _size_of(path)
        self.bytes_read = 0
        self.loading = True  # reading history (or replaying)
        self.live = False  # following new lines after the history
        self.error: str | None = None
        self.version = 0  # bumped whenever the monitor changed: a cheap "anything new?" check
        self._arrival_lines = GrowableArray(np.int64)  # last line read by each batch...
        self._arrival_times = GrowableArray(np.float64)  # ...and when it arrived
        self._recent: deque[tuple[float, int]] = deque()

    # Written by the feed thread (under the lock) ----------------------------------------------

    def took(self, update: Update, nbytes: int = 0) -> None:
        """Note a batch fed to the monitor."""
        now = self.clock()
        self.bytes_read += nbytes
        if update.records:
            self._arrival_lines.extend(np.array([self.monitor.lines], dtype=np.int64))
            self._arrival_times.extend(np.array([now - self.opened]))
            self._recent.append((now, update.records))
        self.version += 1

    # Read by the app ---------------------------------------------------------------------------

    def arrival_times(self, lines: np.ndarray) -> np.ndarray:
        """Seconds since the log was opened at which each of these source lines was read."""
        ends = self._arrival_lines.view
        times = self._arrival_times.view
        n = min(len(ends), len(times))
        if not n:
            return np.zeros(len(lines))
        index = np.minimum(np.searchsorted(ends[:n], lines, side="left"), n - 1)
        return times[:n][index]

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
        return self.clock() - self.opened

    @property
    def progress(self) -> float | None:
        """Fraction of the file read, while loading a file of known size."""
        if not self.loading or not self.total_bytes:
            return None
        return min(1.0, self.bytes_read / self.total_bytes)


def _size_of(path: str) -> int | None:
    try:
        return os.path.getsize(path) if path != "-" and os.path.isfile(path) else None
    except OSError:
        return None
