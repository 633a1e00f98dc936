"""What the screen shows for one log, as pure functions of a snapshot and the view state.

``take_snapshot`` takes (views of) what a frame needs, and ``main_chart``/``metric_chart`` plan
a chart from the engine's decimated and smoothed series: call them with the log's lock held.
Drawing a plan (``ChartPlan.draw``) needs no lock and no terminal, so it can be tested and
benchmarked; its cost depends on the chart's size, not on the log's length.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lossmon.app.charting.frame import ChartFrame, Marker, Run, Trace, draw_chart, label_margin
from lossmon.app.charting.traces import SeriesArrays, XAxis, build_traces, by_step
from lossmon.app.live_log import LiveLog
from lossmon.app.safe_text import clean
from lossmon.app.view_state import VIEW_SEPARATOR, ViewState
from lossmon.charts.axis_ticks import format_number
from lossmon.charts.spec import log_axis, marked, own_panel
from lossmon.engine.findings import Finding, format_step

GRID_DEFAULT = 6  # metrics charted when the user has not picked any
_KIND_ORDER = {"metric": 0, "loss": 1, "lr": 2, "grad_norm": 3, "other": 4}
_MAX_MARKERS = 200


@dataclass(slots=True, kw_only=True)
class Snapshot:
    """What a frame needs of one log, taken under its lock by ``take_snapshot``."""

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
        name=log.name,
        format_id=monitor.format_id,
        records=monitor.records,
        primary_train=store.primary_train,
        primary_val=store.primary_val,
        series=series,
        kinds={s.name: s.kind for s in store},
        findings=list(monitor.findings),
        status=monitor.status(),
        epoch=epoch[0] if epoch else None,
        arrival=log.arrival_map(),
        segment_findings=log.segment_findings,
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
    """0.25s, 42s, 3m05, 2h10: a history read in a second has ticks under a second."""
    value = max(0.0, value)
    if value < 10 and abs(value - round(value)) > 1e-6:
        return f"{value:.2g}s"
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


def _drawn(traces: list[Trace]) -> list[np.ndarray | None]:
    """The values a chart draws: lines and bands."""
    return [values for trace in traces for values in (trace.y, trace.low, trace.high)]


@dataclass(slots=True)
class Readout:
    """The value readout: where it is, and for each series charted the point nearest to it."""

    x: float
    values: list[tuple[str, str, float, float]]  # (series name, style, x of the point, value)


@dataclass(slots=True)
class ChartPlan:
    """A chart's data, read from the engine under the lock; ``draw`` renders it without it.
    ``below``: a second panel under this one, sharing its x axis (a validation loss on its own
    scale), with ``below_title`` on the row between them."""

    traces: list[Trace]
    markers: list[Marker]
    x_range: tuple[float, float] | None
    axis_name: str
    log_y: bool  # the scale drawn
    auto_log: bool  # the scale lossmon would choose (what ``l`` toggles back to)
    width: int
    height: int
    legend: list[Run]
    below: "ChartPlan | None" = None
    below_title: list[Run] | None = None
    cursor_x: float | None = None

    def draw(self, ascii: bool = False) -> ChartFrame:
        if self.below is None:
            return self._draw(self.height, ascii)
        below_height = max(4, (self.height - 1) * 2 // 5)
        top_height = self.height - 1 - below_height
        # The panels line up on the wider y labels, known before drawing: each is drawn once.
        margin = max(
            label_margin(self.traces, top_height, log_y=self.log_y, x_labels=False),
            label_margin(self.below.traces, below_height, log_y=self.below.log_y),
        )
        top = self._draw(top_height, ascii, x_labels=False, min_margin=margin)
        bottom = self.below._draw(below_height, ascii, min_margin=margin)
        title = fit_legend(self.below_title or [], self.width, ascii)
        rows = [*top.rows, title, *bottom.rows]
        return ChartFrame(rows, self.width, self.height, top.y_range, top.x_range, plot_left=top.plot_left, plot_width=top.plot_width)

    def _draw(self, height: int, ascii: bool, x_labels: bool = True, min_margin: int = 0) -> ChartFrame:
        return draw_chart(
            self.traces,
            self.width,
            height,
            markers=self.markers,
            x_range=self.x_range,
            log_y=self.log_y,
            ascii=ascii,
            x_format=format_seconds if self.axis_name == "time" else format_number,
            x_labels=x_labels,
            min_margin=min_margin,
            cursor=self.cursor_x,
        )


def _plan(
    snapshot: Snapshot,
    names_styles: list[tuple[str, str]],
    view: ViewState,
    width: int,
    height: int,
    markers_for: list[Finding],
    auto_log: bool,
    step_names: list[str] | None = None,
) -> ChartPlan:
    """``step_names``: the series whose steps set the window (all the panels of a chart)."""
    names = [name for name, _ in names_styles if name in snapshot.series]
    axis, axis_name = x_axis_for(snapshot, view.x_axis)
    step_range = _step_range(snapshot, step_names or names, view)
    traces = []
    for name, style in names_styles:
        if name in snapshot.series:
            traces.extend(
                build_traces(
                    snapshot.series[name],
                    columns=width,
                    smoothing=view.smoothing,
                    step_range=step_range,
                    style=style,
                    x_axis=axis,
                )
            )
    markers = [
        Marker(_finding_x(finding, snapshot, axis, axis_name), f"marker.{finding.severity}")
        for finding in marked(markers_for, step_range)
    ]
    if view.pinned_step is not None:
        pinned = [f for f in markers_for if f.step == view.pinned_step]
        x = _finding_x(pinned[0], snapshot, axis, axis_name) if pinned else view.pinned_step
        markers.append(Marker(x, "marker.focus"))
    x_range = step_range if step_range is not None and axis_name == "step" else None
    auto = auto_log and log_axis(_drawn(traces))
    log_y = auto if view.log_y is None else view.log_y
    return ChartPlan(traces, markers, x_range, axis_name, log_y, auto, width, height, [])


def _last_value(series: SeriesArrays) -> str:
    return format_number(float(series.values[-1])) if len(series.values) else "-"


SPLIT_MIN_HEIGHT = 8  # rows: below this the two panels would be too flat to read


def _series_legend(name: str, style: str, snapshot: Snapshot, ascii: bool) -> list[Run]:
    line = "-" if ascii else "━"
    if style == "val":
        line = "o" if ascii else "•"  # told apart without colour, too
    return [(f"{line} ", style), (_label(name, 40, ascii), "legend"), (f" {_last_value(snapshot.series[name])}", "value"), ("  ", None)]


def main_chart(snapshot: Snapshot, view: ViewState, width: int, height: int, ascii: bool = False) -> ChartPlan:
    """Primary train and val losses overlaid, with markers at findings; the val loss in a panel
    of its own, below, when the scales are too far apart to read both on one."""
    pairs = [(n, s) for n, s in ((snapshot.primary_train, "train"), (snapshot.primary_val, "val")) if n]
    losses = bool(pairs)
    if not pairs:  # no loss recognised: chart the first series rather than nothing
        pairs = [(name, "train") for name in list(snapshot.series)[:1]]
    findings = charted_findings(snapshot)
    names = [name for name, _ in pairs]
    plan = _plan(snapshot, pairs, view, width, height, findings, auto_log=losses)
    # The panels are planned only when the overlaid traces show the val loss squeezed.
    if len(pairs) == 2 and height >= SPLIT_MIN_HEIGHT and own_panel(
        _drawn([t for t in plan.traces if t.style.split(".")[0] == "train"]),
        _drawn([t for t in plan.traces if t.style.split(".")[0] == "val"]),
        plan.log_y,
    ):
        val_name = pairs[1][0]
        top = _plan(snapshot, pairs[:1], view, width, height, [f for f in findings if f.series != val_name], True, names)
        below = _plan(snapshot, pairs[1:], view, width, height, [f for f in findings if f.series == val_name], True, names)
        if top.x_range is None:  # both panels on the same x axis
            top.x_range = below.x_range = _shared_x_range(top.traces + below.traces)
        top.below = below
        top.below_title = _series_legend(val_name, "val", snapshot, ascii) + [
            ("own scale" + (VIEW_SEPARATOR[ascii] + "log" if below.log_y else ""), "view")
        ]
        plan = top
        pairs = pairs[:1]
    for name, style in pairs:
        plan.legend += _series_legend(name, style, snapshot, ascii)
    describe = view.describe(plan.log_y, ascii)
    if plan.axis_name != view.x_axis:
        describe = f"no {view.x_axis}: x step{VIEW_SEPARATOR[ascii]}{describe}"  # kept when words drop
    plan.legend.append((describe, "view"))
    _add_readout(plan, snapshot, view, names if plan.below is None else names, ascii)
    plan.legend = fit_legend(plan.legend, width, ascii)
    return plan


def _shared_x_range(traces: list[Trace]) -> tuple[float, float] | None:
    xs = [t.x[np.isfinite(t.x)] for t in traces if len(t.x)]
    xs = [x for x in xs if len(x)]
    if not xs:
        return None
    low, high = min(float(x.min()) for x in xs), max(float(x.max()) for x in xs)
    return (low, high) if high > low else (low - 0.5, high + 0.5)


def metric_chart(snapshot: Snapshot, name: str, view: ViewState, width: int, height: int, ascii: bool = False) -> ChartPlan:
    related = charted_findings(snapshot, name)
    plan = _plan(snapshot, [(name, "metric")], view, width, height, related, auto_log=snapshot.kinds.get(name) == "loss")
    plan.legend = [(_label(name, 60, ascii), "legend"), (f" {_last_value(snapshot.series[name])}", "value")]
    if plan.log_y:
        plan.legend.append((" log", "view"))
    _add_readout(plan, snapshot, view, [name], ascii)
    plan.legend = fit_legend(plan.legend, width, ascii)
    return plan


def _add_readout(plan: ChartPlan, snapshot: Snapshot, view: ViewState, names: list[str], ascii: bool) -> None:
    """With the readout on: a line at it, and the legend says the step and each series' value
    there (the raw point nearest to it, not a smoothed one)."""
    if view.cursor is None:
        return
    x_range = plan.x_range or _shared_x_range(plan.traces + (plan.below.traces if plan.below else []))
    if x_range is None:
        return
    x = x_range[0] + view.cursor * (x_range[1] - x_range[0])
    plan.cursor_x = x
    if plan.below is not None:
        plan.below.cursor_x = x
    readout = read_values(snapshot, names, view, x)
    if readout is None:
        return
    if plan.axis_name == "time":
        label = format_seconds(readout.x)
    else:  # the logged step itself (2,087), not a tick label (2.09k)
        label = format_step(readout.x) if plan.axis_name == "step" else format_number(readout.x)
    sep = " | " if ascii else " │ "
    runs: list[Run] = [(f"{plan.axis_name} {label}", "value")]
    for name, style, _, value in readout.values:
        runs += [(sep, "view"), (f"{_label(name, 40, ascii)} ", "legend"), (format_number(value), "value")]
    runs.append(("  esc", "view"))
    plan.legend = runs


def read_values(snapshot: Snapshot, names: list[str], view: ViewState, x: float) -> Readout | None:
    """For each series, its logged point nearest to ``x`` on the chosen x axis."""
    axis, _ = x_axis_for(snapshot, view.x_axis)
    values = []
    nearest_x = None
    for name in names:
        series = snapshot.series.get(name)
        if series is None or len(series.steps) <= series.segment_start:
            continue
        index = np.arange(series.segment_start, len(series.steps))
        xs = axis(series, index) if view.x_axis != "step" else series.steps[series.segment_start :]
        at = int(np.searchsorted(xs, x))
        candidates = [i for i in (at - 1, at) if 0 <= i < len(xs)]
        best = min(candidates, key=lambda i: abs(float(xs[i]) - x))
        point_x = float(xs[best])
        values.append((name, "", point_x, float(series.values[series.segment_start + best])))
        if nearest_x is None or abs(point_x - x) < abs(nearest_x - x):
            nearest_x = point_x
    if not values:
        return None
    return Readout(nearest_x if nearest_x is not None else x, values)


def _label(text: str, limit: int, ascii: bool) -> str:
    """Log text for a legend; cut with ``~`` in --ascii (whose screen is pure ASCII)."""
    label = clean(text, limit)
    return label[:-1] + "~" if ascii and len(label) == limit and label.endswith("…") else label


def fit_legend(runs: list[Run], width: int, ascii: bool = False) -> list[Run]:
    """The legend in ``width`` cells, numbers never cut: series names are shortened to 12
    characters (``train_epoc… 39.93``), then the view's words dropped from the end, then names
    shortened to 6, then whole series entries dropped from the end."""
    def size(items):
        return sum(len(text) for text, _ in items)

    runs = [run for run in runs if run[0]]
    while runs and runs[-1][1] is None:
        runs.pop()
    if size(runs) <= width:
        return runs
    runs = list(runs)
    ellipsis = "~" if ascii else "…"
    names = [i for i, (_, style) in enumerate(runs) if style == "legend"]

    def shorten(keep_at_least: int) -> None:
        for i in names:
            over = size(runs) - width
            if over <= 0:
                return
            text = runs[i][0]
            keep = max(keep_at_least, len(text) - over)
            if keep < len(text):
                runs[i] = (text[: keep - 1] + ellipsis, runs[i][1])

    shorten(12)  # names stay readable while the view's words go
    while size(runs) > width and runs and runs[-1][1] == "view":
        text = runs[-1][0]
        parts = text.rsplit(VIEW_SEPARATOR[ascii], 1)
        if len(parts) == 2:
            runs[-1] = (parts[0], "view")
        else:
            runs.pop()
        while runs and runs[-1][1] is None:
            runs.pop()
    shorten(6)
    while size(runs) > width and len(runs) > 1:  # drop entries from the end, whole
        runs.pop()
        while runs and runs[-1][1] in (None, "view"):
            runs.pop()
    if size(runs) > width:
        return [(runs[0][0][:width], runs[0][1])] if runs else []
    return runs
