"""Decimation for charts: per-bucket min, max, mean and last, so that no spike disappears."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(slots=True)
class Buckets:
    """One entry per bucket: the step of its last point, its finite min, max and mean, its last
    value, how many non-finite points it holds (to mark NaN on a chart), and the index of its
    last point (to place it on another x axis). ``read`` counts the array entries read to build
    them: the cost of a chart frame."""

    steps: np.ndarray
    low: np.ndarray
    high: np.ndarray
    mean: np.ndarray  # NaN where the bucket holds no finite value
    last: np.ndarray
    nonfinite: np.ndarray
    ends: np.ndarray
    read: int = 0


def decimate(steps: np.ndarray, values: np.ndarray, buckets: int) -> Buckets:
    """Group consecutive points into at most ``buckets`` buckets of near-equal size."""
    n = len(values)
    if n <= buckets:
        finite = np.isfinite(values)
        shown = np.where(finite, values, np.nan)
        ends = np.arange(n, dtype=np.int64)
        nonfinite = (~finite).astype(np.int64)
        return Buckets(steps.copy(), shown, shown.copy(), shown.copy(), values.copy(), nonfinite, ends, n)
    starts = (np.arange(buckets, dtype=np.int64) * n) // buckets
    ends = np.append(starts[1:], n) - 1
    finite = np.isfinite(values)
    masked = np.where(finite, values, np.nan)
    # fmin/fmax skip NaN: a bucket is NaN only when it holds no finite value at all.
    low = np.fmin.reduceat(masked, starts)
    high = np.fmax.reduceat(masked, starts)
    nonfinite = np.add.reduceat((~finite).astype(np.int64), starts)
    with np.errstate(over="ignore", invalid="ignore"):  # values near float max: an inf mean, not a warning
        total = np.add.reduceat(np.where(finite, values, 0.0), starts)
    mean = mean_of(total, np.diff(np.append(starts, n)) - nonfinite)
    return Buckets(steps[ends], low, high, mean, values[ends], nonfinite, ends, n)


def mean_of(total: np.ndarray, count: np.ndarray) -> np.ndarray:
    """total / count, NaN where count is 0."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


