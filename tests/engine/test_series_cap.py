"""Distinct series per file are capped: a log that writes a new metric name on every line keeps
the first --max-series of them (losses have a reserve), counts the rest, and says so."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from lossmon.engine.monitor import DEFAULT_MAX_SERIES, Monitor


def feed_jsonl(monitor: Monitor, rows: list[dict], chunk: int = 7) -> None:
    lines = [json.dumps(row) for row in rows]
    for start in range(0, len(lines), chunk):  # several batches: the cap holds across them
        monitor.feed(("\n".join(lines[start : start + chunk]) + "\n").encode())
    monitor.finish()


@settings(max_examples=25, deadline=None)
@given(distinct=st.integers(1, 120), cap=st.integers(1, 40), chunk=st.integers(1, 50))
def test_the_first_names_are_kept_and_the_rest_counted(distinct, cap, chunk):
    rows = [{"step": i, "loss": 1.0, f"metric_{i:04d}": 0.5} for i in range(distinct)]
    monitor = Monitor("run.jsonl", max_series=cap)
    feed_jsonl(monitor, rows, chunk)
    names = [series.name for series in monitor.store]
    kept = min(distinct + 1, cap)  # "loss" first, then metric_0000, metric_0001...
    assert names == ["loss", *(f"metric_{i:04d}" for i in range(kept - 1))]
    assert monitor.dropped_series == distinct + 1 - kept
    assert monitor.records == distinct  # records are kept, only the extra names are not
    assert len(monitor.store["loss"]) == distinct
    warning = monitor.series_warning()
    assert (warning is None) == (monitor.dropped_series == 0)
    if warning:
        assert warning == (
            f"run.jsonl: more than {cap:,} distinct metric names; {distinct + 1 - kept:,} more were not kept "
            "(raise the limit with --max-series N)"
        )


def test_a_val_loss_after_the_cap_is_still_kept():
    rows = [{"step": 1, **{f"layer{i}/grad": 1.0 for i in range(30)}, "loss": 2.0}]
    rows += [{"step": s, "loss": 2.0 - s / 100, "val_loss": 2.1} for s in range(2, 10)]
    monitor = Monitor("run.jsonl", max_series=10)
    feed_jsonl(monitor, rows, chunk=1)  # the first line alone fills the room
    assert "val_loss" in monitor.store and "loss" in monitor.store
    assert monitor.store.primary_val == "val_loss"
    assert len(monitor.store) == 12 and monitor.dropped_series == 20


def test_losses_have_a_bounded_reserve():
    rows = [{"step": i, f"loss_{i}": 1.0} for i in range(100)]
    monitor = Monitor("run.jsonl", max_series=10)
    feed_jsonl(monitor, rows)
    assert len(monitor.store) == 20 and monitor.dropped_series == 80


def test_the_default_cap_holds_for_a_new_name_on_every_line():
    rows = [{"step": i, "loss": 1.0, f"m_{i:x}": 0.5} for i in range(DEFAULT_MAX_SERIES + 500)]
    monitor = Monitor("run.jsonl")
    feed_jsonl(monitor, rows, chunk=400)
    assert len(monitor.store) == DEFAULT_MAX_SERIES
    assert monitor.dropped_series == 501
