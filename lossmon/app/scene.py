"""What the screen shows for one log, as pure functions of a snapshot and the view state.

``take_snapshot`` copies (views of) what a frame needs while holding the log's lock; everything
else here runs without the lock and without a terminal, so it can be tested and benchmarked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from lossmon.app.charting.frame import ChartFrame, Marker, Run, draw_chart
from lossmon.app.charting.series_cache import ChartCache
from lossmon.app.charting.ticks import format_number
from lossmon.app.charting.traces import SeriesArrays, XAxis, build_traces, by_step
from lossmon.app.live_log import LiveLog
from lossmon.app.safe_text import clean
from lossmon.app.view_state import ViewState
from lossmon.engine.findings import Finding
from lossmon.engine.roles import resolve_roles

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
    notes: list[str] = field(default_factory=list)

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
    epoch = resolve_roles(store)["epoch"] if len(store) else []
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
    if axis == "epoch" and snapshot.epoch and len(snapshot.series[snapshot.epoch].steps) >= 1:
        epoch = snapshot.series[snapshot.epoch]
        finite = np.isfinite(epoch.values)
        e_steps, e_values = epoch.steps[finite], epoch.values[finite]
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


def _chart(
    snapshot: Snapshot,
    names_styles: list[tuple[str, str]],
    view: ViewState,
    cache: ChartCache,
    width: int,
    height: int,
    ascii: bool,
    markers_for: list[Finding],
) -> tuple[ChartFrame, str]:
    names = [name for name, _ in names_styles if name in snapshot.series]
    axis, axis_name = x_axis_for(snapshot, view.x_axis)
    step_range = _step_range(snapshot, names, view)
    buckets = max(8, 2 * width)
    traces = []
    for name, style in names_styles:
        if name in snapshot.series:
            traces.extend(
                build_traces(
                    snapshot.series[name],
                    cache[name],
                    buckets=buckets,
                    smoothing=view.smoothing,
                    step_range=step_range,
                    style=style,
                    x_axis=axis,
                )
            )
    markers = []
    for finding in markers_for[-_MAX_MARKERS:]:
        if step_range is None or step_range[0] <= finding.step <= step_range[1]:
            markers.append(Marker(_finding_x(finding, snapshot, axis, axis_name), f"marker.{finding.severity}"))
    if view.pinned_step is not None:
        pinned = [f for f in markers_for if f.step == view.pinned_step]
        x = _finding_x(pinned[0], snapshot, axis, axis_name) if pinned else view.pinned_step
        markers.append(Marker(x, "marker.focus"))
    x_range = None
    if step_range is not None and axis_name == "step":
        x_range = step_range
    frame = draw_chart(
        traces,
        width,
        height,
        markers=markers,
        x_range=x_range,
        log_y=view.log_y,
        ascii=ascii,
        x_format=format_seconds if axis_name == "time" else format_number,
    )
    return frame, axis_name


def _last_value(series: SeriesArrays) -> str:
    return format_number(float(series.values[-1])) if len(series.values) else "-"


def main_chart(
    snapshot: Snapshot, view: ViewState, cache: ChartCache, width: int, height: int, ascii: bool = False
) -> tuple[ChartFrame, list[Run]]:
    """Primary train and val losses overlaid, with markers at findings."""
    pairs = [(n, s) for n, s in ((snapshot.primary_train, "train"), (snapshot.primary_val, "val")) if n]
    if not pairs:  # no loss recognised: chart the first series rather than nothing
        pairs = [(name, "train") for name in list(snapshot.series)[:1]]
    frame, axis_name = _chart(snapshot, pairs, view, cache, width, height, ascii, snapshot.findings)
    line = "-" if ascii else "━"
    legend: list[Run] = []
    for name, style in pairs:
        legend += [(f"{line} ", style), (clean(name, 40), "legend"), (f" {_last_value(snapshot.series[name])}  ", "axis")]
    describe = view.describe() if axis_name == view.x_axis else view.describe() + f" (no {view.x_axis}: step)"
    legend.append((describe, "axis"))
    return frame, legend


def metric_chart(
    snapshot: Snapshot, name: str, view: ViewState, cache: ChartCache, width: int, height: int, ascii: bool = False
) -> tuple[ChartFrame, list[Run]]:
    related = [f for f in snapshot.findings if f.series == name]
    frame, _ = _chart(snapshot, [(name, "metric")], view, cache, width, height, ascii, related)
    legend: list[Run] = [(clean(name, 60), "legend"), (f" {_last_value(snapshot.series[name])}", "axis")]
    return frame, legend
