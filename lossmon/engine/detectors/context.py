"""Context for detectors: the values of another series aligned with a detector's points.

Rows are record numbers counted over the whole log, so alignment is the same whatever the batch
boundaries: a log read in one piece and the same log followed line by line give equal results.
"""

from __future__ import annotations

import numpy as np

from lossmon.engine.detectors.base import LAST, MEAN_SINCE_PREVIOUS
from lossmon.engine.detectors.stats.vector import run_lengths


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
        if self.mode == LAST and len(rows) and len(rows) == len(driver_rows) and np.array_equal(rows, driver_rows):
            # Carried by the driver's own records (a Trainer dict's loss and learning rate): the
            # values themselves, as a float64 copy (what indexing them after the last one gives).
            self._last = float(values[-1])
            return values.astype(np.float64)
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


class ChangeTrack:
    """Carries several context series (a role played by many, mode HELD_BEFORE_CHANGE) across
    batches: at each driver row, for how many driver points the series that changed there (its
    latest value, a whole number, differs from the whole number at the previous driver point) had
    held its value before; 0 where none changed. A first value is no change."""

    def __init__(self) -> None:
        self._tracks: dict[str, ContextTrack] = {}
        self._previous: dict[str, float] = {}  # each series' value at the last driver point
        self._held: dict[str, int] = {}  # driver points since its current value's first, up to the last
        self._measured: set[str] = set()  # series that took a value that is not whole: no schedule

    def align(self, driver_rows: np.ndarray, sources: dict[str, tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        """``sources``: name → this batch's (rows, values) of each series playing the role."""
        out = np.zeros(len(driver_rows))
        empty = (np.empty(0, np.int64), np.empty(0))
        for name, (_, values) in sources.items():
            finite = values[np.isfinite(values)]
            if (finite != np.round(finite)).any():  # a measurement, not a schedule: never again
                self._measured.add(name)
                self._tracks.pop(name, None)
        for name in (set(self._tracks) | set(sources)) - self._measured:
            track = self._tracks.setdefault(name, ContextTrack(LAST))
            aligned = track.align(driver_rows, *sources.get(name, empty))
            if not len(aligned):
                continue
            before = np.concatenate(([self._previous.get(name, np.nan)], aligned[:-1]))
            # A run of one value starts at each change (or the first value); a schedule steps
            # between whole values (K = 1 -> 7, a stage, a length, a batch size): a measurement
            # logged with few digits (mfu 0.79 -> 0.80) is no schedule, even before it first
            # shows a fraction.
            starts = (aligned != before) & ~np.isnan(aligned)
            whole = (aligned == np.round(aligned)) & (before == np.round(before))
            carried = self._held.get(name, 0)
            run = run_lengths(~starts, carried)  # points since the run of this value started
            held = np.concatenate(([carried], run[:-1])) + 1  # points the previous value was held
            out = np.maximum(out, np.where(starts & whole, held, 0))
            self._previous[name] = float(aligned[-1])
            self._held[name] = int(run[-1])
        return out
def _upto(driver_rows: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """For each driver row, how many context rows are at or before it. Rows are record numbers,
    each record once, increasing: where the context is carried by the same records as the driver
    (a Trainer dict's loss and learning rate), that is 1, 2, 3 ..., without a search."""
    if len(rows) == len(driver_rows) and np.array_equal(rows, driver_rows):
        return np.arange(1, len(rows) + 1)
    return np.searchsorted(rows, driver_rows, side="right")
