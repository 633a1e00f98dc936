"""A fake clock so that timestamps and timings in the demo logs are reproducible."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np


class FakeClock:
    """Seconds since ``start``, advanced by the scenario as work 'takes time'.

    Durations get multiplicative jitter from the clock's own generator, so the
    timing noise never changes the training run's random stream.
    """

    def __init__(self, start: datetime, seed: int):
        self.start = start
        self.now = 0.0
        self.rng = np.random.default_rng(seed)

    def advance(self, seconds: float, jitter: float = 0.0) -> float:
        """Move forward by ``seconds`` (times 1 ± ``jitter``); return the duration."""
        duration = seconds * (1.0 + jitter * float(self.rng.uniform(-1.0, 1.0)))
        self.now += duration
        return duration

    def datetime(self) -> datetime:
        return self.start + timedelta(seconds=self.now)
