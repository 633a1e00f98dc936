"""Vectorized building blocks shared by the detectors.

Detectors see a run of points at a time and must cost O(1) amortized per point with no Python
work per point, so the recurrences they need (EWMA, CUSUM, running extremes with resets, run
lengths) are written here as whole-array numpy operations that carry their state across calls.
"""

from __future__ import annotations

import math

import numpy as np

from lossmon.engine.smoothing import ewm  # noqa: F401  (re-exported: detectors import it from here)


__all__ = [
    "ewm",
    "lindley",
    "log_values",
    "previous",
    "row_medians",
    "run_lengths",
    "segmented_running_min",
    "since_last",
]


def log_values(values: np.ndarray) -> np.ndarray:
    """log of each value; NaN where the value is not a finite positive number."""
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.log(values)
    logs[~np.isfinite(logs)] = np.nan
    return logs


def previous(values: np.ndarray, before: float) -> np.ndarray:
    """The value before each element: ``before`` for the first one."""
    out = np.empty_like(values)
    if len(values):
        out[0] = before
        out[1:] = values[:-1]
    return out


def lindley(increments: np.ndarray, start: float) -> np.ndarray:
    """The one-sided CUSUM ``S_t = max(0, S_{t-1} + x_t)`` for all t, from ``S_0 = start >= 0``.

    Closed form: with ``C_t = S_0 + x_1 + ... + x_t``, ``S_t = C_t - min(0, min_{j<=t} C_j)``.
    """
    if not len(increments):
        return np.empty(0)
    c = start + np.cumsum(increments)
    return c - np.minimum(np.minimum.accumulate(c), 0.0)


def segmented_running_min(values: np.ndarray, resets: np.ndarray, start: float) -> np.ndarray:
    """Running minimum of ``values`` that restarts at each True of ``resets`` (the reset point's own
    value starts the new run); the run in progress before the first point has minimum ``start``.

    Later runs are shifted down by a constant larger than the data's range, so one
    ``minimum.accumulate`` cannot carry an earlier run's minimum into a later run.
    """
    if not len(values):
        return np.empty(0)
    if not resets.any():
        return np.minimum.accumulate(np.minimum(values, start) if math.isfinite(start) else values)
    run = np.cumsum(resets)
    finite_start = start if math.isfinite(start) else float(values.max())
    spread = float(max(values.max(), finite_start) - min(values.min(), finite_start)) + 1.0
    shifted = values - spread * run
    shifted[0] = min(shifted[0], finite_start) if not resets[0] else shifted[0]
    return np.minimum.accumulate(shifted) + spread * run


def run_lengths(flags: np.ndarray, carried: int) -> np.ndarray:
    """For each element, how many consecutive True flags end there (0 where False); a run in
    progress before the first element had length ``carried``."""
    n = len(flags)
    if not n:
        return np.empty(0, np.int64)
    if not flags.any():  # the common case (no run): the same zeros, without the passes below
        return np.zeros(n, np.int64)
    index = np.arange(1, n + 1)
    last_false = np.maximum.accumulate(np.where(flags, 0, index))
    lengths = index - last_false
    lengths[last_false == 0] += carried  # the run started before this call
    return np.where(flags, lengths, 0)


def since_last(flags: np.ndarray, carried: float) -> np.ndarray:
    """For each element, the number of elements since the latest True flag (0 at a True one);
    ``carried`` is that count just before the first element (inf when never)."""
    n = len(flags)
    index = np.arange(n, dtype=np.float64)
    if not flags.any():  # the common case (no flag in this run): counting on from ``carried``
        return carried + index + 1
    last = np.maximum.accumulate(np.where(flags, index, -np.inf))
    return np.where(np.isfinite(last), index - last, carried + index + 1)


_SORTED_ROW_LIMIT = 64  # rows this short: one sort is cheaper than np.median's partitions


def array_median(values: np.ndarray) -> float:
    """``float(np.median(values))`` of a 1-D array, the same bits (the middle value, or
    ``(a + b) / 2`` of the two middle ones; NaN when one is NaN), by one sort. np.median costs
    ~20 us of argument handling per call, and its NaN check imports numpy.ma (20-40 ms of every
    ``lossmon check`` that takes a median): the short-run rules take eight medians per point of
    a run's first 320."""
    count = len(values)
    if not count:
        return float(np.median(values))  # (NaN, and numpy's warning)
    ordered = np.sort(values)  # NaN sorts last
    if ordered[-1] != ordered[-1]:
        return math.nan
    half = count // 2
    return float(ordered[half]) if count % 2 else float((ordered[half - 1] + ordered[half]) / 2)


def row_medians(rows: np.ndarray) -> np.ndarray:
    """``np.median(rows, axis=1)``, the same bits (the middle value, or ``(a + b) / 2`` of the
    two middle ones; NaN for a row holding a NaN), by one sort of short rows: the detectors take
    the medians of hundreds of blocks of 16-20 points per batch. Longer rows are partitioned
    around their middle, as np.median does, without its NaN check (which imports numpy.ma)."""
    count = rows.shape[1] if rows.ndim == 2 else 0
    if not count or not len(rows):
        return np.median(rows, axis=1)
    half = count // 2
    if count <= _SORTED_ROW_LIMIT:
        ordered = np.sort(rows, axis=1)  # NaN sorts last
        holes = np.isnan(ordered[:, -1])
    else:
        ordered = np.partition(rows, [half - 1, half] if count % 2 == 0 else [half], axis=1)
        holes = np.isnan(rows).any(axis=1)
    out = ordered[:, half].copy() if count % 2 else (ordered[:, half - 1] + ordered[:, half]) / 2
    if holes.any():
        out[holes] = np.nan
    return out


def row_nanmedians(rows: np.ndarray) -> np.ndarray:
    """``np.nanmedian(rows, axis=1)`` of short rows (the median of each row's values that are not
    NaN; NaN for a row of NaN only), by one sort, without np.nanmedian's import of numpy.ma and
    without its warning for an all-NaN row."""
    if not rows.size:
        return np.full(len(rows), np.nan)
    ordered = np.sort(rows, axis=1)  # NaN sorts last
    present = rows.shape[1] - np.isnan(rows).sum(axis=1)
    low = np.maximum(present - 1, 0) // 2
    high = present // 2
    at = np.arange(len(rows))
    top = rows.shape[1] - 1
    a, b = ordered[at, np.minimum(low, top)], ordered[at, np.minimum(high, top)]
    with np.errstate(all="ignore"):
        out = np.where(low == high, a, (a + b) / 2)
    out[present == 0] = np.nan
    return out
