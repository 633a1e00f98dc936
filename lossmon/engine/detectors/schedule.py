"""Learning-rate awareness: while the logged lr warms up at the start of a segment, and right
after it jumps up (a warm restart), a higher loss or a flat stretch is the schedule's doing, so
trend rules keep quiet there and for ``quiet_points`` after. A cyclic lr that keeps rising and
falling is not excused: a loss that bounces with it is exactly what not_converging reports."""

from __future__ import annotations

import math

import numpy as np

from lossmon.engine.detectors.vector import previous, since_last

QUIET_POINTS = 50  # points after the warm-up or a restart that stay quiet
RESTART_JUMP = 1.5  # the lr at least 1.5x its previous value in one point: a warm restart


class LrWatch:
    def __init__(self, quiet_points: int = QUIET_POINTS, restarts_only: bool = False) -> None:
        self.quiet_points = quiet_points
        self.restarts_only = restarts_only  # the warm-up at the start is not counted
        self._lr = math.nan
        self._warming = True  # the lr has only risen so far
        self._since = math.inf  # points since the warm-up ended or the last restart

    def quiet(self, lr: np.ndarray) -> np.ndarray:
        """True at points of the warm-up, of a restart, and ``quiet_points`` after (NaN lr: never)."""
        if not len(lr):
            return np.zeros(0, dtype=bool)
        before = previous(lr, self._lr)
        known = ~np.isnan(lr)
        rising = known & (lr > before * (1.0 + 1e-6))
        warming = np.zeros(len(lr), dtype=bool)
        if self._warming:
            stops = np.flatnonzero(known & ~np.isnan(before) & ~rising)
            end = int(stops[0]) if len(stops) else len(lr)
            warming[:end] = rising[:end]  # a warm-up is where the lr rises from the start
            self._warming = end == len(lr)
        restart = known & (lr > 0) & (lr >= before * RESTART_JUMP)
        since = since_last(restart if self.restarts_only else warming | restart, self._since)
        finite = lr[known]
        if len(finite):
            self._lr = float(finite[-1])
        self._since = float(since[-1])
        return since < self.quiet_points
