"""The run list's model: filters, incremental figures, the throttled comparison with a baseline."""

import numpy as np

from lossmon.app.badge_board import BadgeBoard
from lossmon.app.live_log import LiveLog
from lossmon.app.runs_state import BaselineGaps, LossFigures, RunsState, RunTable, drawn_runs, listed, run_matcher
from lossmon.engine import Monitor, check_file
from lossmon.engine.compare import compare
from lossmon.engine.records import Column, RecordBatch
from lossmon.report import verdict
from tests.conftest import ManualClock


def test_filters_are_globs_or_regular_expressions():
    assert run_matcher("*adam*")("runs/modded-nanogpt-adamw.log")
    assert not run_matcher("*adam*")("llmc-main.log")
    assert run_matcher("lr=3e-4")("sweep/lr=3e-4/train.log")
    assert run_matcher("seed[12]")("seed2") and not run_matcher("seed[12]")("seed3")
    assert run_matcher("ADAM|llmc")("llmc-main.log") and run_matcher("ADAM|llmc")("adamw")
    assert run_matcher("(unclosed")("a (unclosed paren")  # not a regex: matched literally
    assert run_matcher("")("anything")


def _feed(monitor: Monitor, steps, values) -> None:
    steps = np.asarray(steps, dtype=np.float64)
    rows = np.arange(len(steps))
    monitor.feed_records(RecordBatch(rows + monitor.lines + 1, steps, {"loss": Column(rows, np.asarray(values, dtype=np.float64))}))


def test_best_loss_is_kept_from_the_new_points_only():
    monitor = Monitor("run.log", detectors=())
    _feed(monitor, [1, 2, 3], [3.0, 2.0, 2.5])
    figures = LossFigures()
    figures.update(monitor)
    assert (figures.last, figures.best, figures.step, figures.seen) == (2.5, 2.0, 3.0, 3)
    _feed(monitor, [4, 5], [float("nan"), 1.5])
    figures.update(monitor)
    assert (figures.last, figures.best, figures.step, figures.seen) == (1.5, 1.5, 5.0, 5)
    _feed(monitor, [1, 2], [9.0, 8.0])  # the run restarted: a new segment, its own best
    figures.update(monitor)
    assert figures.best == 8.0 and figures.last == 8.0


class _View:
    def __init__(self, log):
        self.log, self.board = log, BadgeBoard()


def _read(path) -> LiveLog:
    """A log whose history is read."""
    log = LiveLog(str(path), check_file(str(path)))
    log.took(0, position=log.total_bytes)
    return log


def test_the_baseline_comparison_is_the_engines_and_runs_only_on_news_and_on_a_throttle(real_logs):
    clock = ManualClock()
    logs = [LiveLog(str(real_logs / name), check_file(str(real_logs / name))) for name in ("modded-nanogpt-adamw.log", "llmc-main.log")]
    gaps = BaselineGaps(clock=clock, interval=5.0)
    assert gaps.update(logs, 1) is None and gaps.computed == 0  # the histories are loading
    for log in logs:
        log.took(0, position=log.total_bytes)
    result = gaps.update(logs, 1)
    expected = compare([log.monitor for log in logs], [verdict(log.monitor) for log in logs], 1)
    assert result.runs[0].speedup == expected.runs[0].speedup and result.runs[0].gap_ratio == expected.runs[0].gap_ratio
    assert result.findings == expected.findings and gaps.computed == 1
    clock.now = 100.0
    gaps.update(logs, 1)
    assert gaps.computed == 1  # nothing new: not again
    logs[0].took(0)  # news
    clock.now = 101.0
    gaps.update(logs, 1)
    assert gaps.computed == 2
    logs[0].took(0)
    clock.now = 102.0  # news, but within the interval
    gaps.update(logs, 1)
    assert gaps.computed == 2
    clock.now = 106.5
    gaps.update(logs, 1)
    assert gaps.computed == 3
    gaps.update(logs, 0)  # another baseline: at once
    assert gaps.computed == 4 and gaps.result.baseline == 0
    gaps.update(logs, 0, "tokens")  # another axis: at once (these logs count no tokens: on step)
    assert gaps.computed == 5 and gaps.result.axis == "step"
    assert gaps.update(logs, None) is None


def test_a_slow_baseline_comparison_runs_less_often_than_the_interval(real_logs):
    """A comparison that takes 1 s (each reading of the clock is a second later: the one after
    it sees the second it took) is kept to COMPARE_SHARE of the time: the next one 20 s on."""
    from lossmon.app.runs_state import COMPARE_SHARE

    clock = ManualClock(step=1.0)
    logs = [_read(real_logs / name) for name in ("modded-nanogpt-adamw.log", "llmc-main.log")]
    gaps = BaselineGaps(clock=clock, interval=5.0)
    gaps.update(logs, 1)  # read at 1 s, took 1 s
    assert gaps.computed == 1 and 1.0 / COMPARE_SHARE == 20.0
    logs[0].took(0)  # news, well past the interval
    clock.advance(10.0)
    gaps.update(logs, 1)
    assert gaps.computed == 1  # the slow comparison's share holds it back
    clock.advance(10.0)
    gaps.update(logs, 1)
    assert gaps.computed == 2


def test_rows_carry_labels_figures_and_the_filter(real_logs):
    paths = [str(real_logs / name) for name in ("modded-nanogpt-adamw.log", "llmc-main.log")]
    views = [_View(_read(p)) for p in paths]
    state = RunsState(baseline=paths[0])
    rows = RunTable().rows(views, 1, state)
    assert [row.label for row in rows] == ["modded-nanogpt-adamw.log", "llmc-main.log"]
    assert rows[0].baseline and not rows[1].baseline and rows[1].current
    assert rows[1].figures.step == 19559 and rows[1].gap.speedup is not None
    state.pattern = "llmc"
    assert [row.label for row in listed(rows, state)] == [r.label for r in rows]  # the baseline stays
    state.baseline = None
    rows = RunTable().rows(views, 0, state)
    assert [row.label for row in listed(rows, state)] == ["llmc-main.log"]


def test_past_the_limit_the_overlay_keeps_the_baseline_then_the_best():
    from lossmon.app.runs_state import RunRow

    def row(index, best, baseline=False, visible=True):
        return RunRow(index, f"r{index}", f"r{index}", None, LossFigures(best=best), visible, baseline, False)

    rows = [row(0, 5.0, baseline=True), row(1, 1.0), row(2, 3.0), row(3, 2.0, visible=False), row(4, None)]
    assert [r.index for r in drawn_runs(rows, RunsState(), limit=3)] == [0, 1, 2]
    assert [r.index for r in drawn_runs(rows, RunsState(), limit=10)] == [0, 1, 2, 4]


def _tokens_run(name: str, steps: int, tokens_per_step: int) -> LiveLog:
    """A loss that is a function of the tokens seen, and the Trainer's cumulative token counter."""
    step = np.arange(1, steps + 1, dtype=np.float64)
    tokens = step * tokens_per_step
    rows = np.arange(steps)
    monitor = Monitor(name, detectors=())
    columns = {"loss": Column(rows, 1.0 + 3.0 * np.exp(-tokens / 2e6)), "num_input_tokens_seen": Column(rows, tokens)}
    monitor.feed_records(RecordBatch(rows + 1, step, columns))
    return LiveLog(name, monitor)


def test_with_the_overlay_on_tokens_runs_are_compared_at_equal_tokens():
    """b sees twice the tokens per step: it reaches a's final loss in half a's steps, but with as
    many tokens."""
    views = [_View(_tokens_run("runs/a/log", 2000, 4096)), _View(_tokens_run("runs/b/log", 2000, 8192))]
    state = RunsState(baseline="runs/a/log")
    by_step = RunTable().rows(views, 0, state, "step")[1].gap
    assert by_step.speedup > 1.5  # on steps b looks nearly twice as fast (the EMA lags a little)
    rows = RunTable().rows(views, 0, state, "tokens")
    assert rows[1].gap_axis == "tokens" and 0.9 < rows[1].gap.speedup < 1.1  # on tokens: no faster
