"""What the screen shows for one log, as pure functions of a snapshot and the view state.

``take_snapshot`` takes (views of) what a frame needs, and ``main_chart``/``metric_chart`` plan
a chart from the engine's decimated and smoothed series: call them with the log's lock held.
Drawing a plan (``ChartPlan.draw``) needs no lock and no terminal, so it can be tested and
benchmarked; its cost depends on the chart's size, not on the log's length.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from lossmon.app.charting.frame import ChartFrame, Marker, Run, Trace, draw_chart
from lossmon.app.charting.ticks import format_number
from lossmon.app.charting.traces import SeriesArrays, XAxis, build_traces, by_step
from lossmon.app.live_log import LiveLog
from lossmon.app.safe_text import clean
from lossmon.app.view_state import ViewState
from lossmon.engine.downsample import wants_log_axis
from lossmon.engine.findings import Finding

GRID_DEFAULT = 6  # metrics charted when the user has not picked any
_KIND_ORDER = {"metric": 0, "loss": 1, "lr": 2, "grad_norm": 3, "other": 4}
_MAX_MARKERS = 200


@dataclass(slots=True)
class Snapshot:
    name: str
    format_id: str | None
    records: int
    primary_train: str | None
    primary_val: str | None
    series: dict[str, SeriesArrays]
    kinds: dict[str, str]
    findings: list[Finding]
    status: dict[str, Finding]
    epoch: str | None = None
    arrival: object = None  # LiveLog.arrival_map(), for the time axis
    segment_findings: int = 0  # findings before the file's current segment (charted: the rest)
    charted: list[Finding] | None = None  # those on the chart, found once (charted_findings)

    @property
    def last_step(self) -> float | None:
        name = self.primary_train or next(iter(self.series), None)
        if name is None or not len(self.series[name].steps):
            return None
        return float(self.series[name].steps[-1])


def take_snapshot(log: LiveLog) -> Snapshot:
    """Call with ``log.lock`` held."""
    monitor = log.monitor
    store = monitor.store
    series = {s.name: SeriesArrays.of(s) for s in store}
    epoch = monitor.roles.get("epoch", [])
    return Snapshot(
        log.name,
        monitor.format_id,
        monitor.records,
        store.primary_train,
        store.primary_val,
        series,
        {s.name: s.kind for s in store},
        list(monitor.findings),
        monitor.status(),
        epoch[0] if epoch else None,
        log.arrival_map(),
        log.segment_findings,
    )


def grid_names(snapshot: Snapshot, shown: frozenset[str] | None) -> list[str]:
    """The series for the metric grid: the user's pick, or the first few by kind."""
    others = [
        name
        for name in snapshot.series
        if name not in (snapshot.primary_train, snapshot.primary_val) and name != snapshot.epoch
    ]
    if shown is not None:
        return [name for name in others if name in shown]
    others.sort(key=lambda name: _KIND_ORDER.get(snapshot.kinds.get(name, "other"), 9))
    return others[:GRID_DEFAULT]


def pickable_names(snapshot: Snapshot) -> list[tuple[str, str]]:
    return [
        (name, snapshot.kinds.get(name, "other"))
        for name in snapshot.series
        if name not in (snapshot.primary_train, snapshot.primary_val)
    ]


def x_axis_for(snapshot: Snapshot, axis: str) -> tuple[XAxis, str]:
    """The mapping for the chosen x axis, and its name (step when the log lacks the other)."""
    if axis == "epoch" and snapshot.epoch:
        epoch = snapshot.series[snapshot.epoch]
        e_steps, e_values = epoch.steps[epoch.segment_start :], epoch.values[epoch.segment_start :]
        if len(e_steps):

            def by_epoch(series: SeriesArrays, indices: np.ndarray) -> np.ndarray:
                return np.interp(series.steps[indices], e_steps, e_values)

            return by_epoch, "epoch"
    if axis == "time" and snapshot.arrival is not None:
        arrival = snapshot.arrival

        def by_time(series: SeriesArrays, indices: np.ndarray) -> np.ndarray:
            return arrival(series.lines[indices])

        return by_time, "time"
    return by_step, "step"


def format_seconds(value: float) -> str:
    value = max(0.0, value)
    if value < 60:
        return f"{value:.0f}s"
    if value < 3600:
        return f"{value // 60:.0f}m{value % 60:02.0f}"
    return f"{value // 3600:.0f}h{(value % 3600) // 60:02.0f}"


def _finding_x(finding: Finding, snapshot: Snapshot, axis: XAxis, axis_name: str) -> float:
    if axis_name == "step":
        return finding.step
    series = snapshot.series.get(finding.series)
    if series is None or not len(series.steps):
        return float("nan")
    index = min(int(np.searchsorted(series.lines, finding.line)), len(series.steps) - 1)
    return float(axis(series, np.array([index]))[0])


def _step_range(snapshot: Snapshot, names: list[str], view: ViewState):
    firsts, lasts = [], []
    for name in names:
        s = snapshot.series[name]
        if len(s.steps) > s.segment_start:
            firsts.append(float(s.steps[s.segment_start]))
            lasts.append(float(s.steps[-1]))
    if not lasts:
        return None
    return view.step_range(min(firsts), max(lasts))


def is_charted(snapshot: Snapshot, index: int, finding: Finding) -> bool:
    """Whether finding number ``index`` belongs to the segment on the chart: after the file's
    last restart (truncation, replacement), and not before the first line of its series' current
    segment (a resumed run appended to the same file)."""
    if index < snapshot.segment_findings:
        return False
    series = snapshot.series.get(finding.series)
    return series is None or series.segment_start == 0 or finding.line >= series.lines[series.segment_start]


def restarts(snapshot: Snapshot) -> tuple:
    """Changes whenever a finding may stop being charted (the file or a series restarted)."""
    return snapshot.segment_findings, tuple(s.segment_start for s in snapshot.series.values())


def charted_findings(snapshot: Snapshot, series_name: str | None = None) -> list[Finding]:
    """The latest findings of the segment on the chart (of one series, if named). Every chart of
    a frame asks: the findings are sorted out once per snapshot."""
    if snapshot.charted is None:
        start = snapshot.segment_findings
        snapshot.charted = [
            finding
            for index, finding in enumerate(snapshot.findings[start:], start)
            if is_charted(snapshot, index, finding)
        ]
    kept = snapshot.charted
    if series_name is not None:
        kept = [finding for finding in kept if finding.series == series_name]
    return kept[-_MAX_MARKERS:]


def wants_log_scale(traces: list[Trace]) -> bool:
    """Whether the traces' values call for a log axis (see engine.downsample.wants_log_axis)."""
    low, high = math.inf, -math.inf
    for trace in traces:
        for values in (trace.y, trace.low, trace.high):
            if values is not None and len(values):
                finite = values[np.isfinite(values)]
                if len(finite):
                    low, high = min(low, float(finite.min())), max(high, float(finite.max()))
    return wants_log_axis(low, high)


@dataclass(slots=True)
class ChartPlan:
    """A chart's data, read from the engine under the lock; ``draw`` renders it without it."""

    traces: list[Trace]
    markers: list[Marker]
    x_range: tuple[float, float] | None
    axis_name: str
    log_y: bool  # the scale drawn
    auto_log: bool  # the scale lossmon would choose (what ``l`` toggles back to)
    width: int
    height: int
    legend: list[Run]

    def draw(self, ascii: bool = False) -> ChartFrame:
        return draw_chart(
            self.traces,
            self.width,
            self.height,
            markers=self.markers,
            x_range=self.x_range,
            log_y=self.log_y,
            ascii=ascii,
            x_format=format_seconds if self.axis_name == "time" else format_number,
        )


def _plan(
    snapshot: Snapshot,
    names_styles: list[tuple[str, str]],
    view: ViewState,
    width: int,
    height: int,
    markers_for: list[Finding],
    auto_log: bool,
) -> ChartPlan:
    names = [name for name, _ in names_styles if name in snapshot.series]
    axis, axis_name = x_axis_for(snapshot, view.x_axis)
    step_range = _step_range(snapshot, names, view)
    traces = []
    for name, style in names_styles:
        if name in snapshot.series:
            traces.extend(
                build_traces(
                    snapshot.series[name],
                    columns=width,
                    buckets=max(8, 2 * width),
                    smoothing=view.smoothing,
                    step_range=step_range,
                    style=style,
                    x_axis=axis,
                )
            )
    markers = []
    for finding in markers_for:
        if step_range is None or step_range[0] <= finding.step <= step_range[1]:
            markers.append(Marker(_finding_x(finding, snapshot, axis, axis_name), f"marker.{finding.severity}"))
    if view.pinned_step is not None:
        pinned = [f for f in markers_for if f.step == view.pinned_step]
        x = _finding_x(pinned[0], snapshot, axis, axis_name) if pinned else view.pinned_step
        markers.append(Marker(x, "marker.focus"))
    x_range = step_range if step_range is not None and axis_name == "step" else None
    auto = auto_log and wants_log_scale(traces)
    log_y = auto if view.log_y is None else view.log_y
    return ChartPlan(traces, markers, x_range, axis_name, log_y, auto, width, height, [])


def _last_value(series: SeriesArrays) -> str:
    return format_number(float(series.values[-1])) if len(series.values) else "-"


def main_chart(snapshot: Snapshot, view: ViewState, width: int, height: int, ascii: bool = False) -> ChartPlan:
    """Primary train and val losses overlaid, with markers at findings."""
    pairs = [(n, s) for n, s in ((snapshot.primary_train, "train"), (snapshot.primary_val, "val")) if n]
    losses = bool(pairs)
    if not pairs:  # no loss recognised: chart the first series rather than nothing
        pairs = [(name, "train") for name in list(snapshot.series)[:1]]
    plan = _plan(snapshot, pairs, view, width, height, charted_findings(snapshot), auto_log=losses)
    line = "-" if ascii else "━"
    for name, style in pairs:
        plan.legend += [(f"{line} ", style), (clean(name, 40), "legend"), (f" {_last_value(snapshot.series[name])}  ", "axis")]
    describe = view.describe(plan.log_y)
    if plan.axis_name != view.x_axis:
        describe += f" (no {view.x_axis}: step)"
    plan.legend.append((describe, "axis"))
    return plan


def metric_chart(snapshot: Snapshot, name: str, view: ViewState, width: int, height: int) -> ChartPlan:
    related = charted_findings(snapshot, name)
    plan = _plan(snapshot, [(name, "metric")], view, width, height, related, auto_log=snapshot.kinds.get(name) == "loss")
    plan.legend = [(clean(name, 60), "legend"), (f" {_last_value(snapshot.series[name])}", "axis")]
    if plan.log_y:
        plan.legend.append((" log", "axis"))
    return plan
