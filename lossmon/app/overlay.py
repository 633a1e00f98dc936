"""The overlay chart: the primary losses of several runs on one chart, each run in its colour.

Training losses share the top panel and validation losses a panel below it, on the same x axis.
Why two panels: each run already takes a colour, so on a single chart train and val of one run
would differ only by a dash, and 2N lines of N colours cross each other where runs are close
(which is when they are compared). Val losses are also logged sparsely, on their own scale. A
chart too short for two panels keeps one, val dashed.

Every run is drawn from its own min/max summaries (``build_traces``: per-bucket extremes of the
engine's pyramid), so no spike of any run is lost, and a frame reads O(runs x chart width)
entries whatever the history. Without colour (NO_COLOR, --ascii) each run's line ends on its
letter, its finding marks are that letter, and the legend pairs letters with names.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from lossmon.app.charting.frame import Marker, Run, Trace
from lossmon.app.charting.traces import SeriesArrays, build_traces
from lossmon.app.palette import run_style
from lossmon.app.scene import (
    SPLIT_MIN_HEIGHT,
    ChartPlan,
    Snapshot,
    _drawn,
    _label,
    _shared_x_range,
    charted_findings,
    fit_legend,
)
from lossmon.app.view_state import VIEW_SEPARATOR, ViewState
from lossmon.charts.axis_ticks import format_number
from lossmon.charts.spec import BUCKETS_PER_COLUMN, log_axis
from lossmon.engine.alignment import AxisMap

MARKS_PER_RUN = 40  # each run's latest findings marked
FINE_UP_TO = 3  # runs drawn at the single view's resolution


def run_letter(index: int) -> str:
    """a..z, then A..Z, then digits: the run's name on the chart when colour is not there."""
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return letters[index % len(letters)]


@dataclass(slots=True)
class OverlayRun:
    """One run to draw: ``index`` (its place among the open runs) gives its colour and letter;
    ``axis`` maps its steps to the chosen x axis (None: the run lacks that axis); see
    overlay_axes.py."""

    index: int
    label: str
    snapshot: Snapshot
    axis: AxisMap | None


def _step_span(runs: list[OverlayRun]) -> tuple[float, float] | None:
    firsts, lasts = [], []
    for run in runs:
        for name in (run.snapshot.primary_train, run.snapshot.primary_val):
            series = run.snapshot.series.get(name) if name else None
            if series is not None and len(series.steps) > series.segment_start:
                firsts.append(float(series.steps[series.segment_start]))
                lasts.append(float(series.steps[-1]))
    return (min(firsts), max(lasts)) if lasts else None


def buckets_per_column(runs: int) -> int:
    """Up to FINE_UP_TO runs get a bucket per dot column (2 per cell), as in the single view; past
    that, one per cell column: every bucket's extremes are still drawn (no spike is lost), and
    the frame's cost stays near that of a few runs, whatever their number."""
    return BUCKETS_PER_COLUMN if runs <= FINE_UP_TO else 1


def _traces(series: SeriesArrays, run: OverlayRun, part: str, view: ViewState, width: int, step_range, per_column: int) -> list[Trace]:
    to_x = run.axis.to_x
    traces = build_traces(
        series,
        columns=width,
        per_column=per_column,
        smoothing=view.smoothing,
        step_range=step_range,
        style=run_style(run.index, part),
        x_axis=lambda s, indices: to_x(s.steps[indices]),
    )
    line = run_style(run.index, part)
    for trace in traces:
        if trace.style == line:
            trace.tag = run_letter(run.index)
    return traces


def _marks(run: OverlayRun, step_range) -> list[Marker]:
    findings = charted_findings(run.snapshot)[-MARKS_PER_RUN:]
    steps = np.array([f.step for f in findings if step_range is None or step_range[0] <= f.step <= step_range[1]])
    if not len(steps):
        return []
    style, letter = run_style(run.index, "mark"), run_letter(run.index)
    return [Marker(float(x), style, letter) for x in run.axis.to_x(steps)]


def _last(series: SeriesArrays | None) -> str:
    if series is None or len(series.values) <= series.segment_start:
        return "-"
    return format_number(float(series.values[-1]))


def run_legend(run: OverlayRun, ascii: bool) -> list[Run]:
    """``a━ adamw 3.28``: the run's letter and line in its colour, its name, its last train loss."""
    line = "-" if ascii else "━"
    snapshot = run.snapshot
    train = snapshot.series.get(snapshot.primary_train) if snapshot.primary_train else None
    return [
        (f"{run_letter(run.index)}{line} ", run_style(run.index)),
        (_label(run.label, 40, ascii), "legend"),
        (f" {_last(train)}", "value"),
        ("  ", None),
    ]


def overlay_chart(
    runs: list[OverlayRun], view: ViewState, width: int, height: int, ascii: bool = False, left_out: int = 0
) -> ChartPlan:
    """The overlay's plan. Call with every run's lock held (the traces read the engine's series).
    ``left_out``: shown runs not drawn (past the limit), said in the legend."""
    drawn = [run for run in runs if run.axis is not None]
    if drawn:  # samples and tokens do not share an axis: runs in the first run's unit
        unit = drawn[0].axis.unit
        drawn = [run for run in drawn if run.axis.unit == unit]
    span = _step_span(drawn)
    step_range = view.step_range(*span) if span is not None else None
    train: list[Trace] = []
    val: list[Trace] = []
    train_marks: list[Marker] = []
    val_marks: list[Marker] = []
    per_column = buckets_per_column(len(drawn))
    for run in drawn:
        snapshot = run.snapshot
        if snapshot.primary_train in snapshot.series:
            train += _traces(snapshot.series[snapshot.primary_train], run, "", view, width, step_range, per_column)
        if snapshot.primary_val in snapshot.series:
            val += _traces(snapshot.series[snapshot.primary_val], run, "val", view, width, step_range, per_column)
        marks = _marks(run, step_range)
        (train_marks if snapshot.primary_train else val_marks).extend(marks)
    axis_name = view.x_axis if drawn else "step"
    x_range = step_range if step_range is not None and axis_name == "step" else None
    split = bool(train and val) and height >= SPLIT_MIN_HEIGHT
    plan = _panel(train if split else train + val, train_marks if split else train_marks + val_marks, view, x_range, axis_name, width, height)
    if split:
        below = _panel(val, val_marks, view, x_range, axis_name, width, height)
        if plan.x_range is None:  # both panels on the same x axis
            plan.x_range = below.x_range = _shared_x_range(plan.traces + below.traces)
        plan.below = below
        plan.below_title = fit_legend(
            [("val loss", "legend"), (" (dashed)", "view"),
             (VIEW_SEPARATOR[ascii] + "own scale" + (VIEW_SEPARATOR[ascii] + "log" if below.log_y else ""), "view")],
            width, ascii,
        )
    for run in drawn:
        plan.legend += run_legend(run, ascii)
    plan.legend.append((_describe(view, plan.log_y, drawn, runs, ascii, left_out), "view"))
    plan.legend = fit_legend(plan.legend, width, ascii)
    return plan


def _panel(traces, markers, view: ViewState, x_range, axis_name: str, width: int, height: int) -> ChartPlan:
    auto = log_axis(_drawn(traces))
    log_y = auto if view.log_y is None else view.log_y
    return ChartPlan(traces, markers, x_range, axis_name, log_y, auto, width, height, [])


def _describe(view: ViewState, log_y: bool, drawn: list[OverlayRun], runs: list[OverlayRun], ascii: bool, left_out: int) -> str:
    """The view's words, with what the x axis is (from the runs' maps) and which runs lack it."""
    sep = VIEW_SEPARATOR[ascii]
    words = replace(view, x_axis="step", pinned_step=None).describe(log_y, ascii)
    label = drawn[0].axis.label if drawn else "step"
    missing = [run_letter(run.index) for run in runs if run not in drawn]
    parts = [f"x {label}"] if drawn else []
    if missing:  # not drawn: the run lacks the axis (or counts samples where the others count tokens)
        parts.append(f"no {view.x_axis}: {','.join(missing)}")
    if left_out:
        parts.append(f"+{left_out} runs not drawn (/ filters)")
    return sep.join(parts) + sep + words
