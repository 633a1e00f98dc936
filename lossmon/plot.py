"""A text chart of a log's primary losses, for `lossmon check --plot` (and its markdown report).

Drawn by plotext, from the store's decimated buckets (so it costs the same at 1k and 1M points),
with a vertical line at every warning or alert. The live app draws with its own braille canvas
instead: a frame there must take a few milliseconds, and plotext needs ~100 ms for a 200x50
figure on a slow machine; for a report printed once, that cost does not matter.
"""

from __future__ import annotations

import numpy as np

from lossmon.engine.downsample import wants_log_axis
from lossmon.engine.monitor import Monitor
from lossmon.engine.safe_text import printable

_COLORS = {"train": "cyan", "val": "orange", "warn": "yellow", "alert": "red"}


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
        buckets = series.buckets(start, end, 2 * width)
        dense = end - start > 2 * width
        y = buckets.mean if dense else buckets.last
        shown = np.isfinite(y)
        if shown.any():
            traces.append((role, name, buckets.steps[shown], y[shown]))
    if not traces:
        return None
    plt.clf()
    plt.plotsize(width, height)
    plt.theme("pro" if color else "clear")
    for role, name, x, y in traces:
        plt.plot(x.tolist(), y.tolist(), label=printable(name), marker="braille", color=_COLORS[role])
    values = np.concatenate([y for *_, y in traces])
    if wants_log_axis(float(values.min()), float(values.max())):
        plt.yscale("log")
    first, last = min(float(x[0]) for _, _, x, _ in traces), max(float(x[-1]) for _, _, x, _ in traces)
    for finding in monitor.findings:
        if finding.severity in ("warn", "alert") and first <= finding.step <= last:
            plt.vline(finding.step, _COLORS[finding.severity])
    plt.xlabel("step (lines: warnings and alerts)")
    try:
        chart = plt.build()
    except (ArithmeticError, ValueError):
        # plotext's tick maths fails on axes spanning ~600 decades (1e-320 to 1e308): no chart
        # rather than a traceback; the series table above still has every number.
        return None
    finally:
        plt.clf()
    return chart if color else plt.uncolorize(chart)
