"""Learning-rate awareness: while the logged lr warms up at the start of a segment, and right
after it jumps up (a warm restart), a higher loss or a flat stretch is the schedule's doing, so
trend rules keep quiet there and for ``quiet_points`` after (after a warm-up: as many points as
it lasted, up to ``quiet_points``). A cyclic lr that keeps rising and
falling is not excused: a loss that bounces with it is exactly what not_converging reports."""

from __future__ import annotations

import math

import numpy as np

from lossmon.engine.detectors.stats.vector import previous, since_last

QUIET_POINTS = 50  # points after the warm-up or a restart that stay quiet
RESTART_JUMP = 1.5  # the lr at least 1.5x its previous value in one point: a warm restart


class LrWatch:
    def __init__(self, quiet_points: int = QUIET_POINTS, restarts_only: bool = False) -> None:
        self.quiet_points = quiet_points
        self.restarts_only = restarts_only  # the warm-up at the start is not counted
        self._lr = math.nan
        self._warming = True  # the lr has only risen so far
        self._since = math.inf  # points since the last restart
        self._since_warm = math.inf  # points since the last point of the warm-up
        self._warm_points = 0  # points of the warm-up

    def quiet(self, lr: np.ndarray) -> np.ndarray:
        """True at points of the warm-up and as many points after it (at most ``quiet_points``:
        an epoch-level log that warms up for 3 epochs is quiet for 3 more, not for 50), and at a
        restart and ``quiet_points`` after (NaN lr: never)."""
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
        # A jump of the lr while it warms up (1e-4 -> 2e-4 in its first epochs) is the warm-up.
        restart = known & (lr > 0) & (lr >= before * RESTART_JUMP) & ~warming
        since = since_last(restart, self._since)
        since_warm = since_last(warming, self._since_warm)
        warm_points = self._warm_points + np.cumsum(warming)
        finite = lr[known]
        if len(finite):
            self._lr = float(finite[-1])
        self._since, self._since_warm = float(since[-1]), float(since_warm[-1])
        self._warm_points = int(warm_points[-1])
        quiet = since < self.quiet_points
        if not self.restarts_only:
            quiet |= since_warm < np.minimum(self.quiet_points, np.maximum(warm_points, 1))
        return quiet
