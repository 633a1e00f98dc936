"""The overlay chart's plan: several runs on one chart, each from its own min/max summaries."""

import numpy as np
import pytest

from lossmon.app.live_log import LiveLog
from lossmon.app.overlay import OverlayRun, overlay_chart, run_letter
from lossmon.app.overlay_axes import RunAxes
from lossmon.app.palette import run_style
from lossmon.app.scene import take_snapshot
from lossmon.app.view_state import ViewState
from lossmon.engine import Monitor
from lossmon.engine.records import Column, RecordBatch
from tests.app.conftest import recorded_reads
from tests.conftest import ManualClock


def _log(name: str, n: int, *, scale: float = 1.0, spike_at: int | None = None, val_every: int = 0,
         epochs_per_step: float | None = None, tokens_per_step: float | None = None, ms_per_step: float | None = None,
         seed: int = 0) -> LiveLog:
    rng = np.random.default_rng(seed)
    steps = np.arange(1, n + 1, dtype=np.float64)
    loss = scale * (2.0 + 8.0 * (steps + 100) ** -0.3) * np.exp(0.02 * rng.standard_normal(n))
    if spike_at is not None:
        loss[spike_at] = 1e4
    rows = np.arange(n)
    columns = {"loss": Column(rows, loss)}
    if epochs_per_step is not None:
        columns["epoch"] = Column(rows, steps * epochs_per_step)
    if ms_per_step is not None:  # modded-nanogpt's train_time, in ms since the start
        columns["train_time"] = Column(rows, (steps - 1) * ms_per_step)
    if tokens_per_step is not None:  # Hugging Face Trainer's cumulative counter
        columns["num_input_tokens_seen"] = Column(rows, steps * tokens_per_step)
    monitor = Monitor(name, detectors=())
    monitor.feed_records(RecordBatch(np.arange(1, n + 1), steps, columns))
    if val_every:
        at = np.arange(val_every - 1, n, val_every)
        monitor.feed_records(RecordBatch(at + n + 1, steps[at], {"eval_loss": Column(np.arange(len(at)), 1.1 * loss[at])}))
    return LiveLog(name, monitor)


def _runs(logs, axis: str = "step", labels=None):
    axes = RunAxes()
    return [
        OverlayRun(index, (labels or [l.name for l in logs])[index], take_snapshot(log), axes.get(index, log, axis))
        for index, log in enumerate(logs)
    ]


def test_each_run_has_its_colour_letter_and_legend_entry():
    logs = [_log("runs/a/train.log", 500, val_every=50), _log("runs/b/train.log", 300, scale=1.2, val_every=50)]
    plan = overlay_chart(_runs(logs, labels=["a", "b"]), ViewState(), 120, 30)
    styles = {t.style for t in plan.traces}
    assert {run_style(0), run_style(1)} <= styles  # each run's train line in its colour
    assert {t.style for t in plan.below.traces} >= {run_style(0, "val"), run_style(1, "val")}  # val below
    tags = {t.tag for t in plan.traces if t.tag}
    assert tags == {"a", "b"}
    legend = "".join(text for text, _ in plan.legend)
    assert legend.startswith("a━ a ") and "b━ b " in legend and "x step" in legend
    assert (f"a━ ", run_style(0)) in plan.legend
    frame = plan.draw()
    text = frame.plain()
    assert "a" in text and "b" in text  # the letters end the lines: runs told apart without colour
    assert any(style == run_style(1) for row in frame.rows for _, style in row)


def test_a_short_chart_keeps_one_panel_with_val_dashed():
    logs = [_log("a", 500, val_every=50), _log("b", 300, val_every=50)]
    plan = overlay_chart(_runs(logs), ViewState(), 80, 6)
    assert plan.below is None
    assert run_style(1, "val") in {t.style for t in plan.traces}


def test_findings_are_marked_with_their_runs_letter_and_colour():
    from lossmon.engine import check_file  # noqa: F401 - a real monitor with detectors
    logs = [_log("a", 400), _log("b", 400)]
    bad = Monitor("c")
    steps = np.arange(1, 401, dtype=np.float64)
    values = np.where(steps < 300, 3.0 - steps / 400, np.exp((steps - 300) / 10.0))
    bad.feed_records(RecordBatch(np.arange(1, 401), steps, {"loss": Column(np.arange(400), values)}))
    assert bad.findings
    logs.append(LiveLog("c", bad))
    plan = overlay_chart(_runs(logs), ViewState(), 100, 30)
    marks = [m for m in plan.markers if m.style == run_style(2, "mark")]
    assert marks and all(m.glyph == "c" for m in marks)
    top = "".join(text for text, _ in plan.draw().rows[0])
    assert "c" in top


def test_smoothing_scale_and_window_apply_to_every_run():
    logs = [_log("a", 5_000), _log("b", 5_000, scale=3.0), _log("c", 3_000)]
    runs = _runs(logs)
    plan = overlay_chart(runs, ViewState(window=1_000, smoothing=0.9), 100, 30)
    assert plan.x_range == (4_000, 5_000)  # the last 1k steps of the longest run, for every run
    for index in (0, 1):
        line = [t for t in plan.traces if t.style == run_style(index)]
        assert line and all(np.nanmin(t.x) >= 4_000 for t in line)
        assert line[0].band_style == run_style(index, "raw")  # smoothed: raw values faint beneath
    assert run_style(2) not in {t.style for t in plan.traces}  # c stopped at step 3,000
    raw = overlay_chart(runs, ViewState(smoothing=0.0), 100, 30)
    assert {t.band_style for t in raw.traces} == {run_style(0), run_style(1), run_style(2)}  # every point, bold
    assert overlay_chart(runs, ViewState(log_y=True), 100, 30).log_y is True
    assert overlay_chart(runs, ViewState(log_y=False), 100, 30).log_y is False


def test_no_spike_of_any_run_is_lost_at_a_million_points():
    logs = [_log("a", 1_000_000, seed=1), _log("b", 1_000_000, spike_at=654_321, seed=2)]
    plan = overlay_chart(_runs(logs), ViewState(smoothing=0.99), 120, 30)
    band = [t for t in plan.traces if t.style == run_style(1) and t.high is not None]
    assert band and np.nanmax(band[0].high) == 1e4  # the band of per-bucket extremes keeps it
    other = [t for t in plan.traces if t.style == run_style(0) and t.high is not None]
    assert np.nanmax(other[0].high) < 100


def test_each_run_is_placed_on_its_own_epoch_axis():
    logs = [_log("a", 1000, epochs_per_step=0.01), _log("b", 1000, epochs_per_step=0.002), _log("c", 1000)]
    runs = _runs(logs, axis="epoch")
    assert runs[2].axis is None  # c logs no epoch
    plan = overlay_chart(runs, ViewState(x_axis="epoch", smoothing=0.0), 200, 30)
    ends = {t.style: float(np.nanmax(t.x)) for t in plan.traces if t.style in (run_style(0), run_style(1))}
    assert ends[run_style(0)] == pytest.approx(10.0) and ends[run_style(1)] == pytest.approx(2.0)
    legend = "".join(text for text, _ in plan.legend)
    assert "x epoch" in legend and "no epoch: c" in legend
    assert run_style(2) not in {t.style for t in plan.traces}


def test_a_runs_axis_map_is_built_again_only_on_news_after_a_while_or_at_the_end_of_loading():
    clock = ManualClock()
    axes = RunAxes(clock=clock, refresh=5.0)
    log = _log("a", 1000, epochs_per_step=0.01)
    log.total_bytes, log.bytes_read = 100, 50  # still loading its history
    first = axes.get(0, log, "epoch")
    assert first.to_x([500.0])[0] == pytest.approx(5.0) and axes.built == 1
    assert axes.get(0, log, "epoch") is first  # no news
    log.took(0, position=60)
    clock.now = 1.0
    assert axes.get(0, log, "epoch") is first and axes.built == 1  # news, but too soon
    log.took(0, position=100)  # the history is read: built again at once
    assert axes.get(0, log, "epoch") is not first and axes.built == 2
    log.took(0)
    clock.now = 2.0
    axes.get(0, log, "epoch")
    assert axes.built == 2
    clock.now = 6.5
    axes.get(0, log, "epoch")
    assert axes.built == 3
    assert axes.get(0, log, "tokens") is None and axes.built == 4  # another axis: at once


def test_runs_with_other_batch_sizes_line_up_on_tokens():
    """b takes twice the tokens per step: on the tokens axis its 1,000 steps end where a's 2,000 do."""
    logs = [_log("a", 2000, tokens_per_step=4096), _log("b", 1000, tokens_per_step=8192), _log("c", 1000)]
    plan = overlay_chart(_runs(logs, axis="tokens"), ViewState(x_axis="tokens", smoothing=0.0), 200, 30)
    ends = {t.style: float(np.nanmax(t.x)) for t in plan.traces if t.style in (run_style(0), run_style(1))}
    assert ends[run_style(0)] == ends[run_style(1)] == 2000 * 4096
    legend = "".join(text for text, _ in plan.legend)
    assert "x tokens" in legend and "no tokens: c" in legend


def test_a_faster_run_ends_earlier_on_the_time_axis():
    logs = [_log("a", 1000, ms_per_step=100.0), _log("b", 1000, ms_per_step=50.0)]
    plan = overlay_chart(_runs(logs, axis="time"), ViewState(x_axis="time", smoothing=0.0), 200, 30)
    ends = {t.style: float(np.nanmax(t.x)) for t in plan.traces if t.style in (run_style(0), run_style(1))}
    assert ends[run_style(0)] == pytest.approx(99.9) and ends[run_style(1)] == pytest.approx(49.95)
    assert "x time since first record" in "".join(text for text, _ in plan.legend)
    ticks = plan.draw().rows[-1][0][0].split()
    assert ticks[:2] == ["10s", "20s"] and ticks[-1] == "1m30"  # tick labels are durations


def test_an_axis_no_run_has_says_so():
    logs = [_log("a", 100), _log("b", 100)]
    plan = overlay_chart(_runs(logs, axis="epoch"), ViewState(x_axis="epoch"), 100, 20)
    legend = "".join(text for text, _ in plan.legend)
    assert legend.startswith("no epoch: a,b") and "x step" not in legend


def test_letters_name_runs_past_the_alphabet():
    assert [run_letter(i) for i in (0, 1, 25, 26)] == ["a", "b", "z", "A"]


def test_a_ten_run_frame_reads_a_bounded_number_of_entries(monkeypatch):
    """10 runs x 1M points: the overlay reads what 10 single-run charts read, whatever the history
    (untimed; the timings are in benchmarks/perf.py)."""
    reads = recorded_reads(monkeypatch)
    totals = {}
    for n in (100_000, 1_000_000):
        runs = _runs([_log(f"r{k}", n, seed=k) for k in range(10)])
        view = ViewState()
        overlay_chart(runs, view, 190, 50)  # the first frame smooths each history once
        reads.clear()
        overlay_chart(runs, view, 190, 50).draw()
        totals[n] = sum(reads)
    per_run = 2 * (2 * 190 * 16 + 2 * 16**3)  # raw band and smoothed line: the single-run guard's bound
    assert totals[1_000_000] <= 10 * per_run
    assert totals[1_000_000] <= 2 * totals[100_000]
