"""Both renderers draw the specification's decisions: for the same log, the app's braille chart
and the plotext chart of check --plot agree on the log axis, the validation loss's own panel, the
ticks and the marks."""

from __future__ import annotations

import math

from lossmon.app.live_log import LiveLog
from lossmon.app.scene import main_chart, take_snapshot
from lossmon.app.view_state import ViewState
from lossmon.charts.axis_ticks import format_number
from lossmon.charts.spec import finite_range, marked, y_tick_count, y_ticks
from lossmon.engine import check_file
from lossmon.plot import loss_chart


def _app_plan(monitor, width=100, height=22):
    log = LiveLog(monitor.path, monitor)
    with log.lock:
        return main_chart(take_snapshot(log), ViewState(smoothing=0.0), width, height)


def _plot_y_labels(chart: str) -> list[str]:
    return [line.split("┤")[0].strip() for line in chart.splitlines() if "┤" in line]


def _app_y_labels(frame) -> list[str]:
    return [row[0][0].rstrip("┤").strip() for row in frame.rows if row and row[0][0].endswith("┤")]


def test_a_collapsing_loss_is_on_a_log_axis_with_the_same_ticks_in_both(real_logs):
    monitor = check_file(str(real_logs / "gpt-lab-diffusion-train.log"))
    plan = _app_plan(monitor)
    assert plan.log_y and plan.auto_log and plan.below is None
    frame = plan.draw()
    drawn = [v for t in plan.traces for v in (t.y, t.low, t.high)]
    low, high = (math.log10(v) for v in finite_range(drawn))
    assert low < frame.y_range[0] + 0.1 and high > frame.y_range[1] - 0.1  # padded, on the log scale
    expected = y_ticks(*frame.y_range, y_tick_count(len(frame.rows) - 2), log=True)
    assert _app_y_labels(frame) == [label for label in reversed(expected.labels)][: len(_app_y_labels(frame))]

    chart = loss_chart(monitor, width=100, height=22)
    powers = {format_number(10.0**k) for k in range(-8, 9)}
    plot_labels = _plot_y_labels(chart)
    assert len(plot_labels) >= 2 and set(plot_labels) <= powers  # the spec's log ticks, as in the app
    assert set(_app_y_labels(frame)) <= powers and len(_app_y_labels(frame)) >= 2


def test_a_squeezed_val_loss_gets_its_own_panel_in_both(real_logs):
    monitor = check_file(str(real_logs / "whisper-trainer_state.json"))
    plan = _app_plan(monitor, height=30)
    assert plan.below is not None  # the app: a panel under the training loss
    assert len(loss_chart(monitor, width=100, height=30).split("└")) == 3  # plotext: two frames


def test_the_marks_are_the_specs_in_both(real_logs):
    monitor = check_file(str(real_logs / "whisper-trainer_state.json"))
    plan = _app_plan(monitor, height=30)
    app_marks = plan.markers + plan.below.markers
    findings = [f for f in monitor.findings if f.series in (monitor.store.primary_train, monitor.store.primary_val)]
    assert len(app_marks) == len(marked(findings[-200:], plan.x_range))
    chart = loss_chart(monitor, width=100, height=30)
    warned = marked(monitor.findings, None, least="warn")
    assert warned and "step (lines: warnings and alerts)" in chart
