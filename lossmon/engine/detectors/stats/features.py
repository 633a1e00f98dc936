"""Derived data that several detectors of one series need, computed once per run of points
(see base.py: ``Detector.feature``)."""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from dataclasses import dataclass

import numpy as np

from lossmon.engine.detectors.base import Feature, Points
from lossmon.engine.detectors.stats.blocks import MAD_TO_SIGMA, BlockStats
from lossmon.engine.detectors.stats.schedule import QUIET_POINTS, LrWatch
from lossmon.engine.detectors.stats.vector import log_values
from lossmon.engine.detectors.stats.few import median, middle

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
    differences, which a steady trend does not inflate. Only for the first SHORT_LIMIT points of a
    segment; the medians come from sorted lists kept as the values arrive (an insertion each), the
    same bits as sorting every time (np.median's), so each point costs O(log n) comparisons and an
    O(n) memmove: O(1) amortized."""

    def __init__(self, minimum: int = SHORT_MIN, limit: int = SHORT_LIMIT) -> None:
        self.minimum, self.limit = minimum, limit  # statistics for n in [minimum, limit)
        self.values: list[float] = []
        self.best = math.inf
        self.rises = 0
        self._all = SortedValues()  # every value
        self._early = SortedValues()  # the first half: values[:n // 2]
        self._late = SortedValues()  # the second half: values[n - n // 2:]
        self._second = SortedValues()  # |second differences|

    def process(self, points: Points) -> ShortStats:
        logs, where = finite_logs(points)
        room = self.limit - len(self.values)
        rows: list[tuple] = []
        values = self.values
        for k, value in enumerate(logs[: max(room, 0)].tolist()):
            self.rises = self.rises + 1 if values and value > values[-1] else 0
            self._add(value)
            n = len(values)
            if n >= 3:
                self.best = min(self.best, median(values[-3:]))
            if n < self.minimum:
                continue
            late = self._late.median()
            jitter = self._second.median() * MAD_TO_SIGMA / math.sqrt(6.0)
            spread = self._all.deviation_median(self._all.median()) * MAD_TO_SIGMA
            rows.append((
                int(where[k]), n, list_median(values[:3]), list_median(values[:OPENING]), self._early.median() - late, late,
                self.best, list_median(values[-3:]), list_median(values[-6:-3]), self.rises, jitter, spread,
            ))
        columns = list(zip(*rows)) if rows else [()] * 12
        index, count, *stats = (np.asarray(c) for c in columns)
        return ShortStats(index.astype(np.int64), count.astype(np.int64), *stats)

    def _add(self, value: float) -> None:
        values = self.values
        values.append(value)
        n = len(values)
        self._all.add(value)
        if n % 2 == 0:  # the first half gained its last value ...
            self._early.add(values[n // 2 - 1])
        self._late.add(value)
        if n % 2:  # ... or the second half starts one later
            self._late.remove(values[(n - 1) // 2])
        if n >= 3:
            self._second.add(abs(values[-3] - 2.0 * values[-2] + value))


def list_median(values: list[float]) -> float:
    """array_median of a short list (NaN when empty)."""
    return median(values) if values else math.nan


class SortedValues:
    """A multiset of finite floats kept sorted, for medians of a growing window."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[float] = []

    def add(self, value: float) -> None:
        insort(self.items, value)

    def remove(self, value: float) -> None:
        del self.items[bisect_left(self.items, value)]

    def median(self) -> float:
        """np.median's bits: the middle value, or (a + b) / 2 of the two middle ones."""
        return middle(self.items) if self.items else math.nan

    def deviation_median(self, centre: float) -> float:
        """The median of |value - centre| over the values, without forming them: the deviations
        below the centre (centre - v, read outwards) and above it (v - centre) are two sorted
        runs, and the k-th smallest of two sorted runs is found by bisection."""
        items = self.items
        count = len(items)
        if not count:
            return math.nan
        split = bisect_left(items, centre)

        def below(i: int) -> float:  # the i-th smallest deviation below the centre
            return centre - items[split - 1 - i]

        def above(j: int) -> float:
            return items[split + j] - centre

        half = count // 2
        if count % 2:
            return _kth_of_two(below, split, above, count - split, half)
        return (_kth_of_two(below, split, above, count - split, half - 1)
                + _kth_of_two(below, split, above, count - split, half)) / 2


def _kth_of_two(first, first_count: int, second, second_count: int, k: int) -> float:
    """The k-th smallest (from 0) of two ascending runs read through ``first(i)``, ``second(j)``."""
    wanted = k + 1  # how many to take from the two runs together
    low, high = max(0, wanted - second_count), min(first_count, wanted)
    while low < high:  # the number i taken from the first run: the smallest i that is enough
        i = (low + high) // 2
        if first(i) < second(wanted - i - 1):
            low = i + 1
        else:
            high = i
    i, j = low, wanted - low
    if i == 0:
        return second(j - 1)
    if j == 0:
        return first(i - 1)
    return max(first(i - 1), second(j - 1))


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
