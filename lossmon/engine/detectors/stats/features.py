"""Derived data that several detectors of one series need, computed once per run of points
(see base.py: ``Detector.feature``)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from lossmon.engine.detectors.base import Feature, Points
from lossmon.engine.detectors.stats.blocks import MAD_TO_SIGMA, BlockStats
from lossmon.engine.detectors.stats.schedule import QUIET_POINTS, LrWatch
from lossmon.engine.detectors.stats.vector import array_median, log_values
from lossmon.engine.detectors.stats.few import median

BLOCK_POINTS, HISTORY_BLOCKS = 20, 16  # blocks for the trend rules (plateau, not converging)
SHORT_MIN = 10  # the short-run statistics start at this many points ...
SHORT_LIMIT = BLOCK_POINTS * HISTORY_BLOCKS  # ... and stop where the block windows can speak
OPENING = 5  # points whose median is where a short run started


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


class AfterRestart(Feature):
    """True at points whose trend window (the last SHORT_LIMIT points) reaches back to a warm
    restart of the lr, or to the quiet stretch after it: the loss there rose with the lr."""

    def __init__(self) -> None:
        self.watch = LrWatch(QUIET_POINTS + SHORT_LIMIT, restarts_only=True)

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


@dataclass(slots=True)
class ShortStats:
    """Per point of a call whose count of finite values n is in [SHORT_MIN, SHORT_LIMIT): robust
    statistics of all the log values so far (see ShortTrend)."""

    index: np.ndarray  # the point's index in the call
    count: np.ndarray  # n
    start: np.ndarray  # median of the first 3 values
    opening: np.ndarray  # median of the first OPENING values: where the run started, less noisy
    progress: np.ndarray  # median of the first half minus median of the second half
    recent: np.ndarray  # median of the second half
    best: np.ndarray  # lowest running median of 3 so far
    level: np.ndarray  # median of the last 3 values
    level_before: np.ndarray  # median of the 3 values before those
    rises: np.ndarray  # values in a row, up to this one, each above the one before
    jitter: np.ndarray  # point-to-point noise about a local line, from second differences
    spread: np.ndarray  # robust spread of all the values about their median (noise and trend)

    def __len__(self) -> int:
        return len(self.index)


class ShortTrend(Feature):
    """Statistics of a short series (an epoch-level log: Keras, Lightning epoch CSVs, YOLO,
    timm: 10-300 points), where blocks of 20 points cannot be formed. Every statistic is a median,
    so one lucky or unlucky point moves none of them, and the noise comes from second
    differences, which a steady trend does not inflate. Python work per point, but only for the
    first SHORT_LIMIT points of a segment (each costs O(SHORT_LIMIT)): O(1) amortized."""

    def __init__(self, minimum: int = SHORT_MIN, limit: int = SHORT_LIMIT) -> None:
        self.minimum, self.limit = minimum, limit  # statistics for n in [minimum, limit)
        self.values: list[float] = []
        self.best = math.inf
        self.rises = 0

    def process(self, points: Points) -> ShortStats:
        logs, where = finite_logs(points)
        room = self.limit - len(self.values)
        rows: list[tuple] = []
        for k, value in enumerate(logs[: max(room, 0)].tolist()):
            self.rises = self.rises + 1 if self.values and value > self.values[-1] else 0
            self.values.append(value)
            n = len(self.values)
            if n >= 3:
                self.best = min(self.best, median(self.values[-3:]))
            if n < self.minimum:
                continue
            x = np.asarray(self.values)
            half = n // 2
            early, late = array_median(x[:half]), array_median(x[n - half :])
            second = np.abs(x[:-2] - 2.0 * x[1:-1] + x[2:])
            jitter = array_median(second) * MAD_TO_SIGMA / math.sqrt(6.0)
            spread = array_median(np.abs(x - array_median(x))) * MAD_TO_SIGMA
            rows.append((
                int(where[k]), n, array_median(x[:3]), array_median(x[:OPENING]), early - late, late,
                self.best, array_median(x[-3:]), array_median(x[-6:-3]), self.rises, jitter, spread,
            ))
        columns = list(zip(*rows)) if rows else [()] * 12
        index, count, *stats = (np.asarray(c) for c in columns)
        return ShortStats(index.astype(np.int64), count.astype(np.int64), *stats)


def starts_fresh(steps: np.ndarray, epochs: np.ndarray | None = None) -> bool:
    """Does the segment start at the start of training? A run resumed from a checkpoint (or a
    log joined midway) starts late, at a loss that already made its progress. So does a step
    counter that restarts each epoch ('Epoch 2/2, step 10/542'): a logged epoch past the first
    (above 1, for 0- or 1-based counters) says the training started before this segment."""
    first = float(steps[0])
    spacing = float(steps[1] - steps[0]) if len(steps) > 1 else 1.0
    if epochs is not None and len(epochs) and float(epochs[0]) > 1.0:  # NaN (no epoch logged): unknown
        return False
    return first <= max(100.0, 10.0 * spacing)
