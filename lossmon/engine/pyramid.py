"""Multi-resolution summaries of a growing array, so that a chart frame costs the same at 1k and
at 1M points.

Level k summarises blocks of ``FAN ** (k + 1)`` consecutive points by their finite min, max and
sum, their last value and how many non-finite points they hold. Levels grow as points are appended
(each point is summarised once per level: O(1) amortized).

A query for N buckets over any index window cuts the window into N near-equal buckets whose inner
edges are moved to block boundaries of the coarsest level that still has ``MIN_BLOCKS_PER_BUCKET``
blocks per bucket (so an edge moves by less than a quarter of a bucket), and reduces whole blocks.
The window's own two edges stay exact: the partial blocks there are reduced through the finer
levels, then at most a few raw points. The cost depends on N, not on the window.
"""

from __future__ import annotations

import numpy as np

from lossmon.engine.arrays import GrowableArray
from lossmon.engine.downsample import Buckets, decimate, mean_of

FAN = 16
MIN_BLOCKS_PER_BUCKET = 4


class _Level:
    __slots__ = ("block", "low", "high", "total", "last", "nonfinite")

    def __init__(self, block: int) -> None:
        self.block = block  # points per block
        self.low = GrowableArray(np.float64)
        self.high = GrowableArray(np.float64)
        self.total = GrowableArray(np.float64)  # sum of the finite values
        self.last = GrowableArray(np.float64)
        self.nonfinite = GrowableArray(np.int64)

    def __len__(self) -> int:
        return len(self.last)

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self.low, self.high, self.total, self.last, self.nonfinite))

    def extend(self, low, high, total, last, nonfinite) -> None:
        self.low.extend(low)
        self.high.extend(high)
        self.total.extend(total)
        self.last.extend(last)
        self.nonfinite.extend(nonfinite)


def _summarise_raw(chunk: np.ndarray):
    """(low, high, finite sum, last, non-finite count) of each row of raw points."""
    finite = np.isfinite(chunk)
    if finite.all():  # the usual case: the same figures without the masked copies
        return chunk.min(axis=1), chunk.max(axis=1), chunk.sum(axis=1), chunk[:, -1], np.zeros(len(chunk), np.int64)
    masked = np.where(finite, chunk, np.nan)
    # fmin/fmax skip NaN: a block is NaN only when it holds no finite value at all.
    return (
        np.fmin.reduce(masked, axis=1),
        np.fmax.reduce(masked, axis=1),
        np.where(finite, chunk, 0.0).sum(axis=1),
        chunk[:, -1],
        (~finite).sum(axis=1),
    )


class _Span:
    """Finite min, max and sum, and non-finite count of a span, accumulated piece by piece."""

    __slots__ = ("low", "high", "total", "nonfinite", "read")

    def __init__(self) -> None:
        self.low, self.high, self.total, self.nonfinite, self.read = np.nan, np.nan, 0.0, 0, 0

    def add_blocks(self, level: _Level, first: int, last: int) -> None:
        self.low = np.fmin(self.low, np.fmin.reduce(level.low.view[first:last]))
        self.high = np.fmax(self.high, np.fmax.reduce(level.high.view[first:last]))
        self.total += float(level.total.view[first:last].sum())
        self.nonfinite += int(level.nonfinite.view[first:last].sum())
        self.read += last - first

    def add_raw(self, raw: np.ndarray) -> None:
        finite = raw[np.isfinite(raw)]
        if len(finite):
            self.low = np.fmin(self.low, finite.min())
            self.high = np.fmax(self.high, finite.max())
            self.total += float(finite.sum())
        self.nonfinite += len(raw) - len(finite)
        self.read += len(raw)


class Pyramid:
    def __init__(self) -> None:
        self.levels: list[_Level] = []

    @property
    def nbytes(self) -> int:
        return sum(level.nbytes for level in self.levels)

    # Sums of values near float max overflow to inf (a bucket then has no finite mean): expected,
    # so numpy must not warn about it on the user's terminal.
    @np.errstate(over="ignore", invalid="ignore")
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
                        below.total.view[lo:hi].reshape(-1, FAN).sum(axis=1),
                        below.last.view[lo:hi].reshape(-1, FAN)[:, -1],
                        below.nonfinite.view[lo:hi].reshape(-1, FAN).sum(axis=1),
                    )
            below = level

    @np.errstate(over="ignore", invalid="ignore")  # as update()
    def buckets(self, steps: np.ndarray, values: np.ndarray, start: int, end: int, count: int) -> Buckets:
        """At most ``count`` buckets over points ``[start, end)`` of ``values``, the array this
        pyramid summarises (the points added since the last read are summarised first);
        ``steps`` gives each bucket the step of its last point."""
        self.update(values)
        end = min(end, len(values))
        start = max(0, min(start, end))
        size = end - start
        depth = self._depth_for(size, count)
        if depth is None:
            buckets = decimate(steps[start:end], values[start:end], count)
            buckets.ends += start
            return buckets
        level = self.levels[depth]
        b = level.block
        edges = start + (np.arange(count, dtype=np.int64) * size) // count
        edges[1:] = (edges[1:] // b) * b  # inner edges on block boundaries: buckets of whole blocks
        first_block, last_block = -(-start // b), end // b
        offsets = edges // b - first_block
        offsets[0] = 0
        window = slice(first_block, last_block)
        low = np.fmin.reduceat(level.low.view[window], offsets)
        high = np.fmax.reduceat(level.high.view[window], offsets)
        total = np.add.reduceat(level.total.view[window], offsets)
        nonfinite = np.add.reduceat(level.nonfinite.view[window], offsets)
        read = last_block - first_block
        # The window's edges: the partial blocks before the first and after the last whole one.
        for bucket, (a, z) in ((0, (start, first_block * b)), (-1, (last_block * b, end))):
            if z > a:
                part = self._span(values, a, z, depth)
                low[bucket] = np.fmin(low[bucket], part.low)
                high[bucket] = np.fmax(high[bucket], part.high)
                total[bucket] += part.total
                nonfinite[bucket] += part.nonfinite
                read += part.read
        ends = np.append(edges[1:], end) - 1
        mean = mean_of(total, np.diff(np.append(start - 1, ends)) - nonfinite)
        return Buckets(steps[ends], low, high, mean, values[ends], nonfinite, ends, read)

    def _depth_for(self, size: int, count: int) -> int | None:
        """The coarsest level with MIN_BLOCKS_PER_BUCKET whole blocks in every bucket."""
        depth = None
        for index, level in enumerate(self.levels):
            if size // count >= MIN_BLOCKS_PER_BUCKET * level.block:
                depth = index
        return depth

    def _span(self, values: np.ndarray, a: int, z: int, depth: int) -> _Span:
        """Exact summary of points [a, z), a span shorter than a block of level ``depth``: whole
        blocks of each finer level where they fit, raw points for the rest (at most 2 * 15 entries
        per level)."""
        result = _Span()
        pieces = [(a, z)]
        for level in reversed(self.levels[:depth]):
            b, rest = level.block, []
            for p, q in pieces:
                first, last = -(-p // b), q // b
                if last <= first:
                    rest.append((p, q))
                    continue
                result.add_blocks(level, first, last)
                rest += [(x, y) for x, y in ((p, first * b), (last * b, q)) if y > x]
            pieces = rest
        for p, q in pieces:
            result.add_raw(values[p:q])
        return result
