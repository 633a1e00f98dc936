"""Context for detectors: the values of another series aligned with a detector's points.

Rows are record numbers counted over the whole log, so alignment is the same whatever the batch
boundaries: a log read in one piece and the same log followed line by line give equal results.
"""

from __future__ import annotations

import numpy as np

from lossmon.engine.detectors.base import LAST, MEAN_SINCE_PREVIOUS


class ContextTrack:
    """Carries one context series across batches and aligns it with the driver's rows."""

    def __init__(self, mode: str) -> None:
        if mode not in (LAST, MEAN_SINCE_PREVIOUS):
            raise ValueError(f"unknown context mode {mode!r}")
        self.mode = mode
        self._last = np.nan  # LAST: the latest value; MEAN: the latest interval mean
        self._sum = 0.0  # MEAN: finite values since the previous driver point
        self._count = 0

    def align(self, driver_rows: np.ndarray, rows: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Context value at each driver row, given this batch's context points (rows, values)."""
        upto = _upto(driver_rows, rows)
        if self.mode == LAST:
            return self._align_last(upto, values)
        return self._align_mean(upto, driver_rows, values)

    def _align_last(self, upto, values) -> np.ndarray:
        taken = np.concatenate(([self._last], values))
        aligned = taken[upto]
        if len(values):
            self._last = float(values[-1])
        return aligned

    def _align_mean(self, upto, driver_rows, values) -> np.ndarray:
        finite = np.isfinite(values)
        sums = np.concatenate(([0.0], np.cumsum(np.where(finite, values, 0.0))))
        counts = np.concatenate(([0], np.cumsum(finite)))
        if not len(driver_rows):
            self._sum += sums[-1]
            self._count += int(counts[-1])
            return np.empty(0)
        since = np.concatenate(([0], upto[:-1]))
        interval_sum = sums[upto] - sums[since]
        interval_count = (counts[upto] - counts[since]).astype(np.float64)
        interval_sum[0] += self._sum
        interval_count[0] += self._count
        with np.errstate(invalid="ignore", divide="ignore"):
            means = np.where(interval_count > 0, interval_sum / interval_count, np.nan)
        # No context point in an interval: keep the previous interval's mean.
        filled = np.concatenate(([self._last], means))
        valid = ~np.isnan(filled)
        index = np.maximum.accumulate(np.where(valid, np.arange(len(filled)), 0))
        means = filled[index][1:]
        self._last = float(means[-1])
        self._sum = float(sums[-1] - sums[upto[-1]])
        self._count = int(counts[-1] - counts[upto[-1]])
        return means


def _upto(driver_rows: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """For each driver row, how many context rows are at or before it. Rows are record numbers,
    each record once, increasing: where the context is carried by the same records as the driver
    (a Trainer dict's loss and learning rate), that is 1, 2, 3 ..., without a search."""
    if len(rows) == len(driver_rows) and np.array_equal(rows, driver_rows):
        return np.arange(1, len(rows) + 1)
    return np.searchsorted(rows, driver_rows, side="right")
