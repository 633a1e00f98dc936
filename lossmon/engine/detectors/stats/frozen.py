"""Frozen values: a series that repeats one value to its last logged digit, record after record.

A loss computed on fresh batches differs from batch to batch in its last digits, even when the
model has converged. One that repeats the same full-precision value (Lightning's CSVLogger writing
train_loss_batch 16.74222755432129 in 74 records, steps 1299-4949) does not depend on the batch or
on the weights: a zero learning rate, frozen weights, a dead output stuck at a clamp. Only values
with enough significant digits count: a loss printed with 4 digits (0.6931) or read as 0 repeats by
rounding alone. A value repeated inside one later epoch may be the last epoch's figure carried
forward on every step, so a run within one epoch counts only in the segment's first epoch (no
epoch had ended yet) or when it spans an epoch boundary.

O(1) state: the last value, its run length, the step and epoch where the run started.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from lossmon.engine.detectors.stats.vector import previous, run_lengths

MIN_DIGITS = 6  # significant digits a repeated value needs to be no rounding artefact


class FrozenRuns:
    """Per point: how many records in a row (this one included) carry exactly its value, and
    whether that run counts as frozen (module docstring)."""

    def __init__(self) -> None:
        self.value = math.nan
        self.repeats = 0  # records of the current run after its first
        self.start_step = math.nan
        self.start_epoch = math.nan
        self.first_epoch = math.nan  # the segment's first logged epoch

    def update(self, values: np.ndarray, steps: np.ndarray, epochs: np.ndarray):
        """Returns, at each point: the length of its run of one value, True where that run is
        frozen so far, and the step where the run began."""
        count = len(values)
        if not count:
            return np.empty(0, np.int64), np.empty(0, bool), np.empty(0)
        same = (values == previous(values, self.value)) & np.isfinite(values)
        repeats = run_lengths(same, self.repeats)
        starts = np.maximum.accumulate(np.where(same, -1, np.arange(count)))  # -1: began before
        start_step = np.where(starts >= 0, steps[np.maximum(starts, 0)], self.start_step)
        start_epoch = np.where(starts >= 0, epochs[np.maximum(starts, 0)], self.start_epoch)
        logged = np.isfinite(epochs)
        if math.isnan(self.first_epoch) and logged.any():
            self.first_epoch = float(epochs[logged][0])
        self.value, self.repeats = float(values[-1]), int(repeats[-1])
        self.start_step, self.start_epoch = float(start_step[-1]), float(start_epoch[-1])
        with np.errstate(invalid="ignore"):
            epoch_ok = ~logged | (np.floor(epochs) != np.floor(start_epoch)) | (np.floor(start_epoch) <= self.first_epoch)
        frozen = (repeats > 0) & (steps > start_step) & epoch_ok & (values != 0.0)
        where = np.flatnonzero(frozen)  # rare: the digits are read only there
        if len(where):
            frozen[where] = [significant_digits(v) >= MIN_DIGITS for v in values[where].tolist()]
        return repeats + 1, frozen, start_step


@lru_cache(maxsize=256)
def significant_digits(value: float) -> int:
    """Significant digits of the shortest text that reads back as ``value`` (0.6931 -> 4,
    16.74222755432129 -> 16, 2.5e-05 -> 2)."""
    mantissa = repr(abs(value)).lower().split("e")[0].replace(".", "")
    return len(mantissa.strip("0"))
