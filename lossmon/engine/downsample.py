"""Decimation for charts: per-bucket min, max and last, so that no spike disappears."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(slots=True)
class Buckets:
    """One entry per bucket: the step of its last point, its finite min and max, its last value,
    and how many non-finite points it holds (to mark NaN on a chart). ``read`` counts the array
    entries read to build them: the cost of a chart frame."""

    steps: np.ndarray
    low: np.ndarray
    high: np.ndarray
    last: np.ndarray
    nonfinite: np.ndarray
    read: int = 0


def decimate(steps: np.ndarray, values: np.ndarray, buckets: int) -> Buckets:
    """Group consecutive points into at most ``buckets`` buckets of near-equal size."""
    n = len(values)
    if n <= buckets:
        finite = np.isfinite(values)
        shown = np.where(finite, values, np.nan)
        return Buckets(steps.copy(), shown, shown.copy(), values.copy(), (~finite).astype(np.int64), n)
    starts = (np.arange(buckets, dtype=np.int64) * n) // buckets
    ends = np.append(starts[1:], n) - 1
    finite = np.isfinite(values)
    masked = np.where(finite, values, np.nan)
    # fmin/fmax skip NaN: a bucket is NaN only when it holds no finite value at all.
    low = np.fmin.reduceat(masked, starts)
    high = np.fmax.reduceat(masked, starts)
    nonfinite = np.add.reduceat((~finite).astype(np.int64), starts)
    return Buckets(steps[ends], low, high, values[ends], nonfinite, n)
