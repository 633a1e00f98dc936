"""Per-series min/max summaries at a few coarser resolutions, kept up to date as the series grows.

A chart asks for the min, max and non-finite count of ~2 buckets per column over a window that may
hold a million points. Reducing the raw points on every frame would cost O(points); instead the
overview keeps, for blocks of 16, 128, ... 65536 points, each block's finite min and max and its
count of non-finite values, appended block by block as points arrive (O(1) amortized per point).
A query reduces the coarsest level that still has several blocks per bucket (at most 32), and
the points after that level's last complete block through the finer levels, so its cost depends
on the number of buckets only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BLOCK_SIZES = (16, 128, 1024, 8192, 65536)
_MIN_BLOCKS_PER_BUCKET = 4  # a bucket edge moves by less than a quarter bucket when snapped to blocks


@dataclass(slots=True)
class Extremes:
    """One entry per bucket."""

    low: np.ndarray  # finite min (NaN when the bucket holds no finite value)
    high: np.ndarray  # finite max
    nonfinite: np.ndarray  # count of NaN/inf points


class _Level:
    __slots__ = ("size", "low", "high", "nonfinite", "blocks")

    def __init__(self, size: int) -> None:
        self.size = size
        self.low = np.empty(0)
        self.high = np.empty(0)
        self.nonfinite = np.empty(0, np.int64)
        self.blocks = 0  # complete blocks summarized

    def extend(self, values: np.ndarray) -> None:
        complete = len(values) // self.size
        if complete <= self.blocks:
            return
        fresh = values[self.blocks * self.size : complete * self.size].reshape(-1, self.size)
        finite = np.isfinite(fresh)
        masked = np.where(finite, fresh, np.nan)
        self.low = _append(self.low, np.fmin.reduce(masked, axis=1), complete)
        self.high = _append(self.high, np.fmax.reduce(masked, axis=1), complete)
        self.nonfinite = _append(self.nonfinite, (~finite).sum(axis=1), complete)
        self.blocks = complete


def _append(array: np.ndarray, fresh: np.ndarray, size: int) -> np.ndarray:
    """Append with capacity doubling; returns an array whose first ``size`` entries are valid."""
    start = size - len(fresh)
    if size > len(array):
        grown = np.empty(max(size, 2 * len(array)), dtype=fresh.dtype)
        grown[:start] = array[:start]
        array = grown
    array[start:size] = fresh
    return array


class Overview:
    """Min/max/non-finite summaries of one growing array of values."""

    def __init__(self) -> None:
        self.levels = [_Level(size) for size in BLOCK_SIZES]
        self.length = 0

    def update(self, values: np.ndarray) -> None:
        """Catch up with ``values`` (the series' values, which only ever grow at the end)."""
        if len(values) < self.length:  # a different array: start again
            self.__init__()
        for level in self.levels:
            level.extend(values)
        self.length = len(values)

    def extremes(self, values: np.ndarray, starts: np.ndarray, stop: int) -> Extremes:
        """Reduce ``values[starts[i]:starts[i+1]]`` (the last bucket ends at ``stop``).

        ``values`` must be the array last given to ``update`` (or a longer version of it)."""
        count = len(starts)
        span = stop - int(starts[0]) if count else 0
        level = self._level_for(span, count, int(starts[0]) if count else 0, stop)
        if level is None:
            return _reduce_raw(values, starts, stop)
        size = level.size
        # Buckets snapped to block boundaries; the points after the last block that ends before
        # ``stop`` are reduced raw and folded into the last bucket.
        first_block = int(starts[0]) // size
        last_block = min(stop // size, level.blocks)
        block_starts = np.maximum(starts // size, first_block)
        block_starts = np.minimum(block_starts, last_block - 1)
        block_starts = np.maximum.accumulate(block_starts)
        low = np.fmin.reduceat(level.low[:last_block], block_starts)
        high = np.fmax.reduceat(level.high[:last_block], block_starts)
        nonfinite = np.add.reduceat(level.nonfinite[:last_block], block_starts)
        # reduceat gives a single element where consecutive starts are equal: such buckets are
        # empty after snapping; they inherit the neighbour's values, which are the true extremes
        # of the block they fall in.
        tail_start = last_block * size
        if tail_start < stop:
            tail = self._range(values, max(tail_start, int(starts[-1])), stop)
            low[-1] = np.fmin(low[-1], tail.low[0])
            high[-1] = np.fmax(high[-1], tail.high[0])
            nonfinite[-1] += tail.nonfinite[0]
        return Extremes(low, high, nonfinite)

    def _range(self, values: np.ndarray, start: int, stop: int) -> Extremes:
        """Extremes of one range, from the coarsest blocks that fit, then finer ones, then raw."""
        low, high, nonfinite = np.nan, np.nan, 0
        for level in reversed(self.levels):
            if start % level.size:
                continue
            end = min(stop // level.size, level.blocks)
            first = start // level.size
            if end > first:
                low = np.fmin(low, np.fmin.reduce(level.low[first:end]))
                high = np.fmax(high, np.fmax.reduce(level.high[first:end]))
                nonfinite += int(level.nonfinite[first:end].sum())
                start = end * level.size
        if start < stop:
            raw = _reduce_raw(values, np.array([start]), stop)
            low, high = np.fmin(low, raw.low[0]), np.fmax(high, raw.high[0])
            nonfinite += int(raw.nonfinite[0])
        return Extremes(np.array([low]), np.array([high]), np.array([nonfinite]))

    def _level_for(self, span: int, buckets: int, start: int, stop: int) -> _Level | None:
        """The coarsest level with several complete blocks per bucket inside the window."""
        chosen = None
        for level in self.levels:
            blocks = min(stop // level.size, level.blocks) - start // level.size
            if span >= _MIN_BLOCKS_PER_BUCKET * level.size * buckets and blocks >= buckets:
                chosen = level
        return chosen


def _reduce_raw(values: np.ndarray, starts: np.ndarray, stop: int) -> Extremes:
    window = values[int(starts[0]) : stop]
    local = starts - starts[0]
    finite = np.isfinite(window)
    masked = np.where(finite, window, np.nan)
    return Extremes(
        np.fmin.reduceat(masked, local),
        np.fmax.reduceat(masked, local),
        np.add.reduceat((~finite).astype(np.int64), local),
    )
