"""Each run's own x axis in the overlay: a map between its steps and x (step, epoch, time).

Runs are aligned by mapping every run's steps to a shared quantity; the map is per run (one run
logs 3.2 epochs at step 1,000, another 1.6). A map has ``label`` (what the axis says),
and vectorised, monotone ``to_x(steps)`` and ``to_step(xs)``: the interface of the engine's
``lossmon.engine.alignment.AxisMap``, so that its maps (wall time from the log's timestamps,
tokens) plug in beside these. Build a map with the run's lock held: it keeps views of its arrays.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from lossmon.app.charting.traces import SeriesArrays

AxisFor = Callable[[object, object, str], object]  # (monitor, snapshot, axis) -> a map or None


class StepAxis:
    """The identity: runs aligned by their logged step."""

    label = "step"

    def to_x(self, steps: np.ndarray) -> np.ndarray:
        return np.asarray(steps, dtype=np.float64)

    def to_step(self, xs: np.ndarray) -> np.ndarray:
        return np.asarray(xs, dtype=np.float64)


class PiecewiseAxis:
    """A monotone map known at some steps (the steps at which epoch was logged), linear between
    them and flat beyond them."""

    def __init__(self, label: str, steps: np.ndarray, xs: np.ndarray) -> None:
        self.label = label
        self._steps, self._xs = steps, xs

    def to_x(self, steps: np.ndarray) -> np.ndarray:
        return np.interp(np.asarray(steps, dtype=np.float64), self._steps, self._xs)

    def to_step(self, xs: np.ndarray) -> np.ndarray:
        return np.interp(np.asarray(xs, dtype=np.float64), self._xs, self._steps)


STEP = StepAxis()


def _epoch_axis(snapshot) -> PiecewiseAxis | None:
    if not snapshot.epoch or snapshot.epoch not in snapshot.series:
        return None
    epoch = snapshot.series[snapshot.epoch]
    steps, values = epoch.steps[epoch.segment_start :], epoch.values[epoch.segment_start :]
    keep = np.isfinite(steps) & np.isfinite(values)
    if not keep.any():
        return None
    return PiecewiseAxis("epoch", steps[keep], np.maximum.accumulate(values[keep]))


def _read_time_axis(snapshot) -> PiecewiseAxis | None:
    """Seconds since the run's first record was read (while following: when its lines arrived).
    Sampled at the primary loss's points, at most a few thousand of them (a bounded cost)."""
    name = snapshot.primary_train
    if snapshot.arrival is None or not name or name not in snapshot.series:
        return None
    series: SeriesArrays = snapshot.series[name]
    start, stop = series.segment_start, len(series.steps)
    if stop <= start:
        return None
    index = np.unique(np.linspace(start, stop - 1, min(stop - start, 2048)).astype(np.int64))
    seconds = np.maximum.accumulate(snapshot.arrival(series.lines[index]).astype(np.float64))
    return PiecewiseAxis("time", series.steps[index], seconds - seconds[0])


def run_axis(monitor, snapshot, axis: str):
    """The run's map for ``axis``, or None when the run does not have that axis."""
    if axis == "step":
        return STEP
    if axis == "epoch":
        return _epoch_axis(snapshot)
    if axis == "time":
        return _read_time_axis(snapshot)
    return None
