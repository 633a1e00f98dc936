"""What a loss chart shows, decided once for its two renderers: the app's braille canvas
(lossmon.app.charting) and the plotext chart of ``lossmon check --plot`` (lossmon.plot).

- how a series is drawn in a window: raw points (marked when they are far apart) or, when it has
  more points than the chart has room for, decimated into buckets (a band of each bucket's
  extremes and a line through it); smoothing only where it cannot invent values;
- whether the y axis is logarithmic (a loss falling over decades);
- where the ticks go and what they say (round values, short labels);
- whether the validation loss needs a panel of its own (squeezed flat on the training scale);
- which findings get a mark.

No terminal, no Textual, no plotext here: numbers in, decisions out.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from lossmon.charts.axis_ticks import format_number, log_ticks, nice_ticks
from lossmon.engine.findings import Finding, severity_rank

MIN_BUCKETS = 8
BUCKETS_PER_COLUMN = 2  # decimated to two buckets a column: no spike falls between them
POINTS_APART = 2  # columns per point, on average, from which each point gets a mark
LOG_AXIS_DECADES = 2.0  # a log axis for positive values spanning more powers of ten than this
# A panel of its own for the validation loss when, on a scale shared with the training loss, it
# would span less than this share of the height (an eval loss of 0.32 -> 0.42 beside a train
# loss falling to 1e-4 on a log axis: a flat line squeezed into the top row).
SHARED_SCALE_MIN_SHARE = 0.25


@dataclass(frozen=True, slots=True, kw_only=True)
class SeriesDrawing:
    """How ``points`` points of a series are drawn on ``columns`` columns."""

    buckets: int  # at most this many entries are drawn
    dense: bool  # more points than buckets: decimated (band of extremes, line through each bucket)
    marked: bool  # sparse and a few columns apart: each point gets a mark (the points are the data)
    smoothed: bool  # the smoothed line is drawn (never over fewer points than columns: it would
    # draw a line that invents values between evaluations)


def series_drawing(points: int, columns: int, smoothing: float = 0.0, per_column: int = BUCKETS_PER_COLUMN) -> SeriesDrawing:
    """``per_column``: buckets per column (the overlay of many runs takes one: see app/overlay.py)."""
    buckets = max(MIN_BUCKETS, per_column * columns)
    return SeriesDrawing(
        buckets=buckets,
        dense=points > buckets,
        marked=points <= buckets and points <= columns // POINTS_APART,
        smoothed=smoothing > 0 and points >= columns,
    )


def finite_range(arrays: Iterable[np.ndarray | None]) -> tuple[float, float] | None:
    """(lowest, highest) finite value of the arrays, or None if they hold none."""
    low, high = math.inf, -math.inf
    for values in arrays:
        if values is None or not len(values):
            continue
        finite = np.asarray(values, dtype=np.float64)
        finite = finite[np.isfinite(finite)]
        if len(finite):
            low, high = min(low, float(finite.min())), max(high, float(finite.max()))
    return (low, high) if math.isfinite(low) else None


def wants_log_axis(low: float, high: float) -> bool:
    """Whether positive values from ``low`` to ``high`` span more than LOG_AXIS_DECADES powers of
    ten: a loss that collapses from 10.8 to 0.03 is a flat line on a linear axis."""
    return 0 < low < high and math.log10(high / low) > LOG_AXIS_DECADES


def log_axis(arrays: Iterable[np.ndarray | None]) -> bool:
    """Whether the values drawn (lines and bands) call for a log y axis."""
    span = finite_range(arrays)
    return span is not None and wants_log_axis(*span)


def axis_span(arrays: Iterable[np.ndarray | None], log: bool) -> tuple[float, float] | None:
    """The finite range of the values on the axis's scale (log10 of the positive ones on a log
    axis), or None."""
    if not log:
        return finite_range(arrays)
    logs = []
    for values in arrays:
        if values is None or not len(values):
            continue
        values = np.asarray(values, dtype=np.float64)
        positive = values[values > 0]
        if len(positive):
            logs.append(np.log10(positive))
    return finite_range(logs)


def squeezed(train: tuple[float, float], val: tuple[float, float]) -> bool:
    """Whether ``val`` (low, high, on the axis's scale: log10 values for a log axis) would be
    squeezed flat beside ``train`` on one axis."""
    low, high = min(train[0], val[0]), max(train[1], val[1])
    if not high > low:
        return False
    return (val[1] - val[0]) / (high - low) < SHARED_SCALE_MIN_SHARE


def own_panel(train: Iterable[np.ndarray | None], val: Iterable[np.ndarray | None], log: bool) -> bool:
    """Whether the validation loss gets a panel of its own, under the training loss."""
    train_span, val_span = axis_span(train, log), axis_span(val, log)
    return train_span is not None and val_span is not None and squeezed(train_span, val_span)


@dataclass(frozen=True, slots=True, kw_only=True)
class Ticks:
    """An axis's ticks: ``at`` on the axis's scale (log10 values on a log axis), ``values`` in
    the data's units, ``labels`` as printed."""

    at: list[float]
    values: list[float]
    labels: list[str]


def y_ticks(low: float, high: float, count: int, log: bool) -> Ticks:
    """About ``count`` round ticks from ``low`` to ``high``, given on the axis's scale (log10
    values on a log axis: whole powers of ten when the range holds some)."""
    at = (log_ticks if log else nice_ticks)(low, high, count)
    values = [10**t if log else t for t in at]
    kept = [(a, v) for a, v in zip(at, values) if math.isfinite(v)]
    return Ticks(at=[a for a, _ in kept], values=[v for _, v in kept], labels=[format_number(v) for _, v in kept])


def x_ticks(low: float, high: float, count: int, label: Callable[[float], str] = format_number) -> Ticks:
    at = nice_ticks(low, high, count)
    return Ticks(at=at, values=at, labels=[label(t) for t in at])


def y_tick_count(rows: int) -> int:
    """A tick every three rows, at least two."""
    return max(2, rows // 3)


def x_tick_count(columns: int) -> int:
    """A tick every fourteen columns (room for a label such as 12.5k), at least two."""
    return max(2, columns // 14)


def marked(findings: Iterable[Finding], x_range: tuple[float, float] | None, least: str = "info") -> list[Finding]:
    """The findings that get a mark: at ``least`` this severe, and at a step in ``x_range``
    (None: every step)."""
    floor = severity_rank(least)
    return [
        f
        for f in findings
        if severity_rank(f.severity) >= floor and (x_range is None or x_range[0] <= f.step <= x_range[1])
    ]
