"""Learning-rate awareness: where the logged lr rises (warm-up, warm restarts), a higher loss or
a flat stretch is the schedule's doing, so trend rules keep quiet there and a while after."""

from __future__ import annotations

import math

import numpy as np

from lossmon.engine.detectors.vector import previous, since_last

QUIET_POINTS = 50  # points after the last lr rise that stay quiet


class LrWatch:
    def __init__(self, quiet_points: int = QUIET_POINTS) -> None:
        self.quiet_points = quiet_points
        self._lr = math.nan
        self._since_rise = math.inf

    def quiet(self, lr: np.ndarray) -> np.ndarray:
        """True at points within ``quiet_points`` of a rise of the lr (NaN lr: never quiet)."""
        rising = lr > previous(lr, self._lr) * (1.0 + 1e-6)
        since = since_last(rising, self._since_rise)
        if len(lr):
            finite = lr[~np.isnan(lr)]
            if len(finite):
                self._lr = float(finite[-1])
            self._since_rise = float(since[-1])
        return since < self.quiet_points
