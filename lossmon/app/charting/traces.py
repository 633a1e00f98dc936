"""From a series' arrays to chart traces: window selection, decimation, smoothing.

The window is found by binary search and the decimation reads the overview, so building a trace
costs O(buckets) whatever the number of points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lossmon.app.charting.frame import Trace
from lossmon.app.charting.series_cache import SeriesCache


@dataclass(slots=True)
class SeriesArrays:
    """A consistent view of one series (taken under the log's lock)."""

    name: str
    steps: np.ndarray
    values: np.ndarray
    lines: np.ndarray
    segment_start: int  # index of the first point of the current segment

    @classmethod
    def of(cls, series) -> "SeriesArrays":
        n = min(len(series.steps), len(series.values), len(series.lines))
        start = series.segment_starts[-1] if series.segment_starts else 0
        return cls(series.name, series.steps[:n], series.values[:n], series.lines[:n], min(start, n))


# Maps point indices of a series to x-axis positions (step, epoch or time).
XAxis = Callable[[SeriesArrays, np.ndarray], np.ndarray]


def by_step(series: SeriesArrays, indices: np.ndarray) -> np.ndarray:
    return series.steps[indices]


def window_indices(series: SeriesArrays, step_range: tuple[float, float] | None) -> tuple[int, int]:
    """[start, stop) of the current segment's points whose step lies in ``step_range``."""
    start, stop = series.segment_start, len(series.values)
    if step_range is None or stop <= start:
        return start, stop
    steps = series.steps[start:stop]
    lo = start + int(np.searchsorted(steps, step_range[0], side="left"))
    hi = start + int(np.searchsorted(steps, step_range[1], side="right"))
    return lo, hi


def build_traces(
    series: SeriesArrays,
    cache: SeriesCache,
    *,
    buckets: int,
    smoothing: float,
    step_range: tuple[float, float] | None,
    style: str,
    x_axis: XAxis = by_step,
) -> list[Trace]:
    """The faint raw trace (band when decimated) and the bold smoothed line of one series."""
    lo, hi = window_indices(series, step_range)
    n = hi - lo
    if n <= 0:
        return []
    values = series.values
    cache.overview.update(values)
    smoothed = cache.smoothed(values, smoothing, series.segment_start)
    offset = series.segment_start
    if n <= buckets:
        index = np.arange(lo, hi)
        x = x_axis(series, index)
        raw = values[lo:hi]
        nonfinite = (~np.isfinite(raw)).astype(np.int64)
        line = smoothed[lo - offset : hi - offset]
        if smoothing <= 0:
            return [Trace(x, raw, style, nonfinite=nonfinite)]
        return [Trace(x, raw, f"{style}.raw"), Trace(x, line, style, nonfinite=nonfinite)]
    starts = lo + (np.arange(buckets, dtype=np.int64) * n) // buckets
    ends = np.append(starts[1:], hi) - 1
    extremes = cache.overview.extremes(values, starts, hi)
    x = x_axis(series, ends)
    return [
        Trace(
            x,
            smoothed[ends - offset],
            style,
            low=extremes.low,
            high=extremes.high,
            band_style=f"{style}.raw",
            nonfinite=extremes.nonfinite,
        )
    ]
