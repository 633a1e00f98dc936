"""Multi-resolution summaries of a growing array, so that a chart frame costs the same at 1k and
at 1M points.

Level k summarises blocks of ``FAN ** (k + 1)`` consecutive points by their finite min and max,
their last value and how many non-finite points they hold. Levels grow as points are appended
(each point is summarised once per level: O(1) amortized). A query for N buckets over any index
window reads whole blocks from the coarsest level that still gives N or more of them, plus at
most two partial blocks of raw points at the edges: its cost depends on N, not on the window.
"""

from __future__ import annotations

import numpy as np

from lossmon.engine.arrays import GrowableArray
from lossmon.engine.downsample import Buckets, decimate

FAN = 16


class _Level:
    __slots__ = ("block", "low", "high", "last", "nonfinite")

    def __init__(self, block: int) -> None:
        self.block = block  # points per block
        self.low = GrowableArray(np.float64)
        self.high = GrowableArray(np.float64)
        self.last = GrowableArray(np.float64)
        self.nonfinite = GrowableArray(np.int64)

    def __len__(self) -> int:
        return len(self.last)

    def extend(self, low, high, last, nonfinite) -> None:
        self.low.extend(low)
        self.high.extend(high)
        self.last.extend(last)
        self.nonfinite.extend(nonfinite)


def _summarise_raw(chunk: np.ndarray):
    """(low, high, last, non-finite count) of each row of raw points."""
    finite = np.isfinite(chunk)
    masked = np.where(finite, chunk, np.nan)
    # fmin/fmax skip NaN: a block is NaN only when it holds no finite value at all.
    return np.fmin.reduce(masked, axis=1), np.fmax.reduce(masked, axis=1), chunk[:, -1], (~finite).sum(axis=1)


class Pyramid:
    def __init__(self) -> None:
        self.levels: list[_Level] = []

    @property
    def nbytes(self) -> int:
        return sum(l.low.nbytes + l.high.nbytes + l.last.nbytes + l.nonfinite.nbytes for l in self.levels)

    def update(self, values: np.ndarray) -> None:
        """Summarise the blocks completed so far by ``values`` (the whole array)."""
        below: _Level | None = None
        for depth in range(64):
            block = FAN ** (depth + 1)
            total = len(values) // block
            if total == 0:
                return
            if depth == len(self.levels):
                self.levels.append(_Level(block))
            level = self.levels[depth]
            done = len(level)
            if total > done:
                lo, hi = done * FAN, total * FAN
                if below is None:
                    level.extend(*_summarise_raw(values[done * block : total * block].reshape(-1, FAN)))
                else:
                    level.extend(
                        np.fmin.reduce(below.low.view[lo:hi].reshape(-1, FAN), axis=1),
                        np.fmax.reduce(below.high.view[lo:hi].reshape(-1, FAN), axis=1),
                        below.last.view[lo:hi].reshape(-1, FAN)[:, -1],
                        below.nonfinite.view[lo:hi].reshape(-1, FAN).sum(axis=1),
                    )
            below = level

    def buckets(self, steps: np.ndarray, values: np.ndarray, start: int, end: int, count: int) -> Buckets:
        """At most ``count`` buckets over points ``[start, end)`` of ``values``, the array this
        pyramid summarises; ``steps`` gives each bucket the step of its last point."""
        end = min(end, len(values))
        start = max(0, min(start, end))
        size = end - start
        coarse = [level for level in self.levels if size // level.block >= count]
        if size <= count * FAN or not coarse:
            return decimate(steps[start:end], values[start:end], count)
        level = coarse[-1]
        b = level.block
        first_block, last_block = -(-start // b), min(end // b, len(level))
        head_end, tail_start = first_block * b, max(last_block * b, first_block * b)
        entries = []  # (low, high, last, nonfinite, index of first point) per entry
        if head_end > start:
            entries.append((*_summarise_raw(values[start:head_end][None, :]), np.array([start])))
        if last_block > first_block:
            window = slice(first_block, last_block)
            entries.append((
                level.low.view[window], level.high.view[window], level.last.view[window],
                level.nonfinite.view[window], np.arange(first_block, last_block, dtype=np.int64) * b,
            ))
        if end > tail_start:
            entries.append((*_summarise_raw(values[tail_start:end][None, :]), np.array([tail_start])))
        low, high, last, bad, first_point = (np.concatenate(column) for column in zip(*entries))
        last_point = np.append(first_point[1:], end) - 1
        bucket = ((first_point - start) * count) // size
        opens = np.flatnonzero(np.diff(bucket, prepend=-1))
        closes = np.append(opens[1:], len(bucket)) - 1
        return Buckets(
            steps[last_point[closes]],
            np.fmin.reduceat(low, opens),
            np.fmax.reduceat(high, opens),
            last[closes],
            np.add.reduceat(bad, opens),
            (head_end - start) + (last_block - first_block) + (end - tail_start),
        )
