"""A whole chart (plot area, axes, tick labels) as rows of (text, style) runs.

``draw_chart`` is a pure function of already-decimated traces and the chart size: it never sees
more points than the chart has dot columns, so its cost does not depend on the length of the log.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from lossmon.app.charting.canvas import Canvas
from lossmon.charts.axis_ticks import format_number
from lossmon.charts.spec import x_tick_count, x_ticks, y_tick_count, y_ticks

Run = tuple[str, "str | None"]


@dataclass(slots=True)
class Trace:
    """One series, ready to draw: a line through ``y`` and, when decimated, a band low..high."""

    x: np.ndarray
    y: np.ndarray
    style: str
    low: np.ndarray | None = None
    high: np.ndarray | None = None
    band_style: str | None = None
    nonfinite: np.ndarray | None = None  # non-finite points per entry, drawn as marks on top
    points: bool = False  # mark each point (a sparse series: the points are the data)
    tag: str | None = None  # a letter drawn at the line's last point (the overlay's run, without colour)


@dataclass(slots=True)
class Marker:
    x: float
    style: str
    glyph: str | None = None  # instead of ▾ (the overlay marks a finding with its run's letter)


@dataclass(slots=True)
class ChartFrame:
    rows: list[list[Run]]
    width: int
    height: int
    y_range: tuple[float, float] | None = None
    x_range: tuple[float, float] | None = None
    notes: list[str] = field(default_factory=list)
    plot_left: int = 0  # the first column of the plot area (after the y labels and the axis)
    plot_width: int = 0

    def plain(self) -> str:
        return "\n".join("".join(text for text, _ in row) for row in self.rows)


# An axis from -1e308 to 1e308 spans more than float max: its pixels come out inf or NaN, which
# the canvas skips; numpy must not warn about it.
@np.errstate(over="ignore", invalid="ignore")
def draw_chart(
    traces: list[Trace],
    width: int,
    height: int,
    *,
    markers: list[Marker] | None = None,
    x_range: tuple[float, float] | None = None,
    log_y: bool = False,
    ascii: bool = False,
    x_format: Callable[[float], str] = format_number,
    x_labels: bool = True,
    min_margin: int = 0,
    cursor: float | None = None,
) -> ChartFrame:
    """``x_labels``: False for a panel stacked above another that has them; ``min_margin``:
    y labels at least this wide (stacked panels line up); ``cursor``: an x drawn as a line
    (the value readout)."""
    width, height = max(width, 8), max(height, 3)
    markers = markers or []
    ys = [_transform(t.y, log_y) for t in traces]
    lows = [_transform(t.low, log_y) if t.low is not None else None for t in traces]
    highs = [_transform(t.high, log_y) if t.high is not None else None for t in traces]
    y_low, y_high = _y_range(ys, lows, highs)
    x_low, x_high = x_range if x_range is not None else _x_range(traces)
    if y_low is None or x_low is None:
        return _empty(width, height, "waiting for data" if not traces else "no finite values here")

    axis_row = x_labels and height >= 12
    plot_height = height - int(x_labels) - int(axis_row)
    y_axis = y_ticks(y_low, y_high, y_tick_count(plot_height), log_y)
    margin = max(max((len(label) for label in y_axis.labels), default=1) + 1, min_margin)
    plot_width = width - margin - 1
    if plot_width < 4:
        return _empty(width, height, "too narrow")

    canvas = Canvas(plot_width, plot_height, ascii)
    x_scale = (canvas.pixel_width - 1) / (x_high - x_low) if x_high > x_low else 0.0
    y_scale = (canvas.pixel_height - 1) / (y_high - y_low)

    def px(x):
        return (np.asarray(x, dtype=np.float64) - x_low) * x_scale

    def py(y):
        return (y_high - np.asarray(y, dtype=np.float64)) * y_scale

    for marker in markers:  # a focused finding gets a full line, drawn under the data
        if marker.style == "marker.focus" and x_low <= marker.x <= x_high:
            style = canvas.style_id(marker.style, under=True)
            canvas.vlines(px([marker.x]), [0.0], [canvas.pixel_height - 1.0], style)
    if cursor is not None and x_low <= cursor <= x_high:
        canvas.vlines(px([cursor]), [0.0], [canvas.pixel_height - 1.0], canvas.style_id("cursor", under=True))
    for trace, low, high in zip(traces, lows, highs):
        if low is not None and high is not None and trace.band_style:
            canvas.vlines(px(trace.x), py(low), py(high), canvas.style_id(trace.band_style, under=_faint(trace.band_style)))
    # Sparse series (marked points) first, so the dense lines stay whole where they cross;
    # their points go on top of everything, last.
    lines = sorted(zip(traces, ys), key=lambda pair: not pair[0].points)
    for trace, y in lines:
        # The validation line is dashed: told from the training line without colour (NO_COLOR).
        dashed = trace.style == "val" or trace.style.endswith(".val")
        canvas.polyline(px(trace.x), py(y), canvas.style_id(trace.style, under=_faint(trace.style)), dashed)
    for trace, y in lines:
        if trace.points:
            canvas.points(px(trace.x), py(y), canvas.style_id(trace.style))
    for trace, y in lines:
        if trace.tag:
            _tag_line_end(canvas, trace, px(trace.x), py(y))
    plot_rows = canvas.rows()
    _mark_top_row(plot_rows, _top_marks(traces, markers, px, canvas, ascii, (x_low, x_high)))

    tick_rows = {}
    for tick, label in zip(y_axis.at, y_axis.labels):
        row = int(round(float(py(tick)))) // canvas.dots_y
        if 0 <= row < plot_height and row not in tick_rows:
            tick_rows[row] = label
    vertical, tee, corner, horizontal, down = ("|", "+", "+", "-", "+") if ascii else ("│", "┤", "└", "─", "┬")
    rows: list[list[Run]] = []
    for row, runs in enumerate(plot_rows):
        label = tick_rows.get(row)
        left = (label.rjust(margin - 1) + " " + tee) if label else " " * margin + vertical
        rows.append([(left, "axis"), *runs])

    x_axis = x_ticks(x_low, x_high, x_tick_count(plot_width), x_format)
    columns = [int(round(float(px(t)))) // canvas.dots_x for t in x_axis.at]
    if axis_row:
        line = [horizontal] * plot_width
        for column in columns:
            if 0 <= column < plot_width:
                line[column] = down
        rows.append([(" " * margin + corner + "".join(line), "axis")])
    labels = [" "] * (width)
    free_from = 0
    for text, column in zip(x_axis.labels, columns):
        start = min(max(margin + 1 + column - len(text) // 2, free_from), width - len(text))
        if start < free_from or start < 0:
            continue
        labels[start : start + len(text)] = list(text)
        free_from = start + len(text) + 1
    if x_labels:
        rows.append([("".join(labels), "axis")])
    return ChartFrame(rows, width, height, (y_low, y_high), (x_low, x_high), plot_left=margin + 1, plot_width=plot_width)


@np.errstate(over="ignore", invalid="ignore")
def label_margin(traces: list[Trace], height: int, *, log_y: bool = False, x_labels: bool = True) -> int:
    """The columns ``draw_chart`` gives these traces' y labels (0: no axis drawn), known before
    drawing: panels stacked on one x axis are each drawn once, lined up on the wider margin."""
    height = max(height, 3)
    y_low, y_high = _y_range(
        [_transform(t.y, log_y) for t in traces],
        [_transform(t.low, log_y) if t.low is not None else None for t in traces],
        [_transform(t.high, log_y) if t.high is not None else None for t in traces],
    )
    if y_low is None:
        return 0
    plot_height = height - int(x_labels) - int(x_labels and height >= 12)
    return max((len(label) for label in y_ticks(y_low, y_high, y_tick_count(plot_height), log_y).labels), default=1) + 1


def _tag_line_end(canvas: Canvas, trace: Trace, x: np.ndarray, y: np.ndarray) -> None:
    """The trace's letter on its last point inside the plot (where its line ends)."""
    inside = np.flatnonzero(
        np.isfinite(x) & np.isfinite(y) & (x >= 0) & (x <= canvas.pixel_width - 1) & (y >= 0) & (y <= canvas.pixel_height - 1)
    )
    if len(inside):
        last = inside[-1]
        canvas.points(x[last : last + 1], y[last : last + 1], canvas.style_id(trace.style), glyph=trace.tag)


def _faint(style: str) -> bool:
    """Raw values drawn faint (``train.raw``) go under the lines."""
    return style.endswith(".raw")


def _transform(values: np.ndarray | None, log_y: bool) -> np.ndarray | None:
    if values is None:
        return None
    values = np.asarray(values, dtype=np.float64)
    if not log_y:
        return np.where(np.isfinite(values), values, np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((values > 0) & np.isfinite(values), np.log10(values), np.nan)


def _y_range(ys, lows, highs) -> tuple[float | None, float | None]:
    low, high = math.inf, -math.inf
    for arrays in (ys, lows, highs):
        for array in arrays:
            if array is not None and len(array) and np.isfinite(array).any():
                low = min(low, float(np.nanmin(array)))
                high = max(high, float(np.nanmax(array)))
    if not math.isfinite(low):
        return None, None
    if high - low < 1e-12 * max(1.0, abs(high)):
        # A flat series: centred, with a margin its own size; a series flat at 0 (recall stuck at
        # 0) gets ticks of -1, 0, 1 rather than of a made-up scale (±1e-06).
        pad = abs(high) * 0.05 if high else 1.0
        return low - pad, high + pad
    pad = (high - low) * 0.03
    return low - pad, high + pad


def _x_range(traces: list[Trace]) -> tuple[float | None, float | None]:
    xs = [t.x[np.isfinite(t.x)] for t in traces if len(t.x)]
    xs = [x for x in xs if len(x)]
    if not xs:
        return None, None
    low = min(float(x[0]) for x in xs)
    high = max(float(x[-1]) for x in xs)
    return (low, high) if high > low else (low - 0.5, high + 0.5)


_MARK_PRIORITY = {"marker.info": 1, "marker.warn": 2, "marker.alert": 3, "marker.focus": 4, "nan": 5}


def _top_marks(traces, markers, px, canvas: Canvas, ascii: bool, x_range) -> dict[int, tuple[str, str]]:
    """Glyphs for the top row: a mark above each finding, and above every entry holding NaN or
    inf (so none goes unseen); the more urgent mark wins a shared column."""
    marks: dict[int, tuple[str, str]] = {}

    def put(columns, glyph: str, style: str) -> None:
        for column in columns:
            held = marks.get(column)
            if 0 <= column < canvas.width and (held is None or _MARK_PRIORITY.get(style, 1) > _MARK_PRIORITY.get(held[1], 1)):
                marks[column] = (glyph, style)

    for marker in markers:
        if x_range[0] <= marker.x <= x_range[1]:
            put([int(round(float(px(marker.x)))) // canvas.dots_x], marker.glyph or ("v" if ascii else "▾"), marker.style)
    for trace in traces:
        if trace.nonfinite is None or not len(trace.nonfinite):
            continue
        bad = np.flatnonzero(trace.nonfinite > 0)
        if len(bad):
            columns = np.unique((np.rint(px(trace.x[bad])) // canvas.dots_x).astype(np.int64))
            put(columns.tolist(), "x" if ascii else "×", "nan")
    return marks


def _mark_top_row(rows: list[list[Run]], marks: dict[int, tuple[str, str]]) -> None:
    if not marks or not rows:
        return
    chars: list[str] = []
    styles: list[str | None] = []
    for text, style in rows[0]:
        chars.extend(text)
        styles.extend([style] * len(text))
    for column, (glyph, style) in marks.items():
        if column < len(chars):
            chars[column], styles[column] = glyph, style
    runs: list[Run] = []
    for char, style in zip(chars, styles):
        if runs and runs[-1][1] == style:
            runs[-1] = (runs[-1][0] + char, style)
        else:
            runs.append((char, style))
    rows[0] = runs


def _empty(width: int, height: int, note: str) -> ChartFrame:
    rows = [[(" " * width, None)] for _ in range(height)]
    text = note[:width].center(width)
    rows[height // 2] = [(text, "note")]
    return ChartFrame(rows, width, height, notes=[note])
