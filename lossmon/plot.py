"""A text chart of a log's primary losses, for `lossmon check --plot` (and its markdown report).

Drawn by plotext, from the store's decimated buckets (so it costs the same at 1k and 1M points),
with a vertical line at every warning or alert. The live app draws with its own braille canvas
instead: a frame there must take a few milliseconds, and plotext needs ~100 ms for a 200x50
figure on a slow machine; for a report printed once, that cost does not matter.

What the chart shows is the chart specification's (lossmon.charts.spec), shared with the app:
a series decimated when it has more points than room (a line through each bucket's mean), a log
axis for a loss falling over decades, round ticks with short labels (0.4, 1.2k, 1e308), and a
panel of its own for the validation loss when on the training loss's scale it would be a flat line
(the series an overfitting finding names must be legible on the chart that marks it). The only
choices made here are plotext's: colours, point markers, and ticks for its cell geometry.
"""

from __future__ import annotations

import math

import numpy as np

from lossmon.charts.spec import finite_range, log_axis, marked, own_panel, series_drawing, x_ticks, y_ticks
from lossmon.engine.monitor import Monitor
from lossmon.engine.safe_text import printable

_COLORS = {"train": "cyan", "val": "orange", "warn": "yellow", "alert": "red"}
_MARKERS = {"train": "braille", "val": "•"}  # told apart in the legend without colour, too
_TICKS = 5  # per axis: plotext's labels need more room than the app's


def loss_chart(monitor: Monitor, width: int = 100, height: int = 22, color: bool = False) -> str | None:
    """The chart as text (with ANSI colours when ``color``), or None when there is no loss."""
    import plotext as plt  # only `check --plot` pays for the import

    store = monitor.store
    traces = []
    for role, name in (("train", store.primary_train), ("val", store.primary_val)):
        if name is None:
            continue
        series = store[name]
        start, end = series.segment_bounds()  # the current run, as the app shows it
        drawing = series_drawing(end - start, width)
        buckets = series.buckets(start, end, drawing.buckets)
        y = buckets.mean if drawing.dense else buckets.last
        shown = np.isfinite(y)
        if shown.any():
            traces.append((role, name, buckets.steps[shown], y[shown]))
    if not traces:
        return None
    x_low = min(float(x[0]) for _, _, x, _ in traces)
    x_high = max(float(x[-1]) for _, _, x, _ in traces)
    marks = [(f.step, f.severity, f.series) for f in marked(monitor.findings, (x_low, x_high), least="warn")]
    log = log_axis([y for *_, y in traces])
    panels = [traces]
    if len(traces) == 2 and height >= 16 and own_panel([traces[0][3]], [traces[1][3]], log):
        panels = [traces[:1], traces[1:]]
    panel_ticks = [_y_ticks([y for *_, y in panel]) for panel in panels]
    label_width = max((len(label) for _, labels, _ in panel_ticks for label in labels), default=1)
    bottom = max(7, height * 2 // 5)
    heights = [height] if len(panels) == 1 else [height - bottom, bottom]
    val_name = traces[1][1] if len(panels) == 2 else None
    charts = []
    for number, (panel, ticks, rows) in enumerate(zip(panels, panel_ticks, heights), 1):
        # Each panel is a figure of its own, stacked (plotext's subplots keep state between
        # charts); the lower one marks the findings of its series, the upper the rest.
        shown = [m for m in marks if len(panels) == 1 or (m[2] == val_name) == (number == 2)]
        plt.clf()
        plt.plotsize(width, rows)
        _draw_panel(plt, panel, shown, color, (x_low, x_high), ticks, label_width, number == len(panels))
        try:
            charts.append(plt.build())
        except (ArithmeticError, ValueError):
            # plotext's tick maths fails on axes spanning ~600 decades (1e-320 to 1e308): no chart
            # rather than a traceback; the series table above still has every number.
            return None
        finally:
            plt.clf()
    chart = charts[0] if len(charts) == 1 else "\n".join(part.rstrip("\n") for part in charts)
    return chart if color else plt.uncolorize(chart)


def _y_ticks(values: list[np.ndarray]) -> tuple[list[float], list[str], bool]:
    """The spec's ticks and labels for the values, and whether the axis is logarithmic."""
    log = log_axis(values)
    low, high = finite_range(values)
    if log:
        low, high = math.log10(low), math.log10(high)
    ticks = y_ticks(low, high, _TICKS, log)
    return ticks.values, ticks.labels, log


def _draw_panel(plt, traces, marks, color: bool, x_range, y_axis, label_width: int, last: bool) -> None:
    plt.theme("pro" if color else "clear")
    for role, name, x, y in traces:
        plt.plot(x.tolist(), y.tolist(), label=printable(name), marker=_MARKERS[role], color=_COLORS[role])
    ticks, labels, log = y_axis
    if log:
        plt.yscale("log")
    if ticks:  # labels of one width: stacked panels line up
        plt.yticks(ticks, [label.rjust(label_width) for label in labels])
    plt.xlim(*x_range)
    x_axis = x_ticks(x_range[0], x_range[1], _TICKS)
    plt.xticks(x_axis.values, x_axis.labels if last else [""] * len(x_axis.values))
    for step, severity, _ in marks:
        plt.vline(step, _COLORS[severity])
    if last:
        plt.xlabel("step (lines: warnings and alerts)")
