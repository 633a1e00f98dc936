"""Chart plans from a log's engine state: automatic log scale, sparse series, markers."""

import numpy as np

from lossmon.app.live_log import LiveLog
from lossmon.app.scene import charted_findings, main_chart, take_snapshot
from lossmon.app.view_state import ViewState
from lossmon.engine import Monitor

from .conftest import trainer_lines


def _log(data: bytes, path="train.log") -> LiveLog:
    log = LiveLog(path, Monitor(path))
    log.took(log.monitor.feed(data).records)
    log.took(log.monitor.finish().records)
    return log


def _lines(lines) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def test_a_loss_that_collapses_over_decades_gets_a_log_axis(real_logs):
    # gpt-lab: the loss falls from 10.8 to ~0.03 within ~100 steps, then is flat on a linear axis.
    log = _log((real_logs / "gpt-lab-diffusion-train.log").read_bytes())
    snapshot = take_snapshot(log)
    plan = main_chart(snapshot, ViewState(), 80, 30)
    assert plan.log_y and plan.auto_log
    assert "log (auto)" in "".join(text for text, _ in plan.legend)
    frame = plan.draw()
    assert frame.y_range[1] - frame.y_range[0] > 2  # decades, in log10 units
    linear = main_chart(snapshot, ViewState().toggle_log(plan.log_y, plan.auto_log), 80, 30)
    assert not linear.log_y and linear.auto_log  # l: linear, and back to automatic after that
    assert ViewState().toggle_log(True, True).toggle_log(False, True).log_y is None


def test_a_loss_within_a_decade_stays_linear():
    plan = main_chart(take_snapshot(_log(_lines(trainer_lines(600)))), ViewState(), 80, 30)
    assert not plan.log_y and not plan.auto_log


def test_sparse_evals_are_drawn_raw_with_their_points_next_to_the_smoothed_train_loss():
    # 7,000 train steps and an eval every 1,000 (nanoGPT prints).
    lines = [f"iter {s}: loss {3.0 * np.exp(-s / 2000) + 0.1 * np.sin(s):.4f}, time 10.00ms, mfu 1.00%" for s in range(7000)]
    for s in range(1000, 7001, 1000):
        lines.insert(s, f"step {s}: train loss {3.0 * np.exp(-s / 2000):.4f}, val loss {3.1 * np.exp(-s / 2000) + 0.05:.4f}")
    snapshot = take_snapshot(_log(_lines(lines)))
    plan = main_chart(snapshot, ViewState(), 100, 30)
    train, val = plan.traces
    assert train.band_style == "train.raw" and not train.points  # decimated, smoothed
    assert val.points and val.style == "val" and len(val.y) == 7
    np.testing.assert_array_equal(val.y, snapshot.series[snapshot.primary_val].values)
    assert plan.draw().plain().count("•") == 7


def test_findings_of_a_file_before_it_was_truncated_are_not_charted():
    log = _log(_lines(trainer_lines(600, nan_at=560)))
    assert charted_findings(take_snapshot(log))  # the NaN
    log.monitor.restart()
    log.event("truncated", "train.log: truncated")
    log.took(log.monitor.feed(_lines(trainer_lines(300))).records)
    snapshot = take_snapshot(log)
    assert snapshot.findings and not charted_findings(snapshot)
    assert not main_chart(snapshot, ViewState(), 80, 30).markers


def test_legends_shorten_names_and_drop_words_but_never_cut_a_number():
    from lossmon.app.scene import fit_legend

    runs = [("━ ", "train"), ("train_epoch_perplexity", "legend"), (" 39.93", "value"), ("  ", None),
            ("pinned 1,987 (esc) · smooth 0.6 · last 10k", "view")]
    for width in (80, 50, 40, 30, 20):
        text = "".join(t for t, _ in fit_legend(runs, width))
        assert len(text) <= width and text.startswith("━ train_") and " 39.93" in text
    assert "".join(t for t, _ in fit_legend(runs, 50)).endswith("pinned 1,987 (esc)")  # the pin stays longest
    assert "…" in "".join(t for t, _ in fit_legend(runs, 20))
    assert "~" in "".join(t for t, _ in fit_legend(runs, 20, ascii=True))


def test_time_ticks_under_a_second_are_told_apart():
    from lossmon.app.scene import format_seconds

    assert [format_seconds(t) for t in (0.0, 0.25, 0.5, 1.5, 42, 185, 7800)] == ["0s", "0.25s", "0.5s", "1.5s", "42s", "3m05", "2h10"]


def test_no_epoch_series_says_so_first():
    lines = [f"step {s} loss {1 / s:.4f}" for s in range(1, 200)]
    plan = main_chart(take_snapshot(_log(_lines(lines))), ViewState(x_axis="epoch"), 44, 20)
    legend = "".join(text for text, _ in plan.legend)
    assert "no epoch: x step" in legend and len(legend) <= 44


def test_the_whisper_eval_loss_gets_a_panel_of_its_own(real_logs):
    snapshot = take_snapshot(_log((real_logs / "whisper-trainer_state.json").read_bytes(), "trainer_state.json"))
    plan = main_chart(snapshot, ViewState(), 100, 30)
    assert plan.log_y and plan.below is not None and not plan.below.log_y
    assert {m.style for m in plan.below.markers} == {"marker.warn", "marker.alert"}  # overfitting: on eval_loss
    frame = plan.draw()
    assert len(frame.rows) == 30 and plan.x_range == plan.below.x_range
    title = "".join(text for text, _ in frame.rows[30 - 1 - max(4, 29 * 2 // 5)])
    assert title.startswith("• eval_loss 0.42") and "own scale" in title
