"""From a series to chart traces: window selection, decimation, smoothing.

Decimation and smoothing are the engine's (``Series.buckets``: per-bucket min/max/last from its
pyramid; ``Series.smoothed``: EMA kept current as points arrive), so building a trace costs
O(buckets) whatever the number of points. Call ``build_traces`` with the log's lock held: it
reads those engine structures, which the follower's thread extends.

How a series is drawn (raw or decimated, points marked, smoothed or not) is the chart
specification's decision (lossmon.charts.spec.series_drawing), shared with ``check --plot``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from lossmon.app.charting.frame import Trace
from lossmon.charts.spec import BUCKETS_PER_COLUMN, series_drawing
from lossmon.engine.store import Series


@dataclass(slots=True)
class SeriesArrays:
    """A consistent view of one series (taken under the log's lock): its arrays as long as they
    were then, and the engine series itself for decimation and smoothing."""

    name: str
    steps: np.ndarray
    values: np.ndarray
    lines: np.ndarray
    segment_start: int  # index of the first point of the current segment
    source: Series

    @classmethod
    def of(cls, series: Series) -> "SeriesArrays":
        n = min(len(series.steps), len(series.values), len(series.lines))
        start = series.segment_starts[-1] if series.segment_starts else 0
        return cls(series.name, series.steps[:n], series.values[:n], series.lines[:n], min(start, n), series)


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
    *,
    columns: int,
    smoothing: float,
    step_range: tuple[float, float] | None,
    style: str,
    x_axis: XAxis = by_step,
    per_column: int = BUCKETS_PER_COLUMN,
) -> list[Trace]:
    """The traces of one series in a chart ``columns`` cells wide. A sparse series: raw, with its
    points marked when they are far enough apart. A dense one: raw, faint, under the bold smoothed line; decimated to
    the spec's buckets (``per_column`` a column), the raw points become a band of each bucket's extremes and the smoothed line
    goes through each bucket's mean of the smoothed values (what a line through every point
    averages to there). Smoothing off, the band is drawn bold: that is what every point is."""
    lo, hi = window_indices(series, step_range)
    n = hi - lo
    if n <= 0:
        return []
    drawing = series_drawing(n, columns, smoothing, per_column)
    smoothed = series.source.smoothed(smoothing) if drawing.smoothed else None
    if not drawing.dense:
        index = np.arange(lo, hi)
        x = x_axis(series, index)
        raw = series.values[lo:hi]
        nonfinite = (~np.isfinite(raw)).astype(np.int64)
        if smoothed is None:
            return [Trace(x, raw, style, nonfinite=nonfinite, points=drawing.marked)]
        return [Trace(x, raw, f"{style}.raw"), Trace(x, smoothed.values[lo:hi], style, nonfinite=nonfinite)]
    summary = series.source.buckets(lo, hi, drawing.buckets)
    x = x_axis(series, summary.ends)
    if smoothed is None:
        line, band_style = summary.last, style
    else:
        line, band_style = smoothed.buckets(series.steps, lo, hi, drawing.buckets).mean, f"{style}.raw"
    return [Trace(x, line, style, low=summary.low, high=summary.high, band_style=band_style, nonfinite=summary.nonfinite)]
