"""Derived data that several detectors of one series need, computed once per run of points
(see base.py: ``Detector.feature``)."""

from __future__ import annotations

import numpy as np

from lossmon.engine.detectors.base import Feature, Points
from lossmon.engine.detectors.blocks import BlockStats
from lossmon.engine.detectors.schedule import LrWatch
from lossmon.engine.detectors.vector import log_values

BLOCK_POINTS, HISTORY_BLOCKS = 20, 16  # blocks for the trend rules (plateau, not converging)


def finite_logs(points: Points) -> tuple[np.ndarray, np.ndarray]:
    """(log of the finite positive values, their indices), computed once per run of points."""
    found = points.cache.get("logs")
    if found is None:
        logs = log_values(points.values)
        where = np.flatnonzero(~np.isnan(logs))
        found = points.cache["logs"] = (logs[where], where)
    return found


class LrQuiet(Feature):
    """True at points near a rise of the learning rate (context role ``lr``)."""

    def __init__(self) -> None:
        self.watch = LrWatch()

    def process(self, points: Points) -> np.ndarray:
        return self.watch.quiet(points.ctx("lr"))


class TrendBlocks(Feature):
    """Block statistics of log values and their windows (blocks.py)."""

    def __init__(self) -> None:
        self.stats = BlockStats(BLOCK_POINTS, HISTORY_BLOCKS)

    def process(self, points: Points):
        logs, where = finite_logs(points)
        blocks = self.stats.add(logs, where)
        return blocks, self.stats.windows(blocks)
