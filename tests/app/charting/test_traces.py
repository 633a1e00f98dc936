import time

import numpy as np

from lossmon.app.charting.frame import draw_chart
from lossmon.app.charting.series_cache import ChartCache
from lossmon.app.charting.traces import SeriesArrays, build_traces, window_indices
from lossmon.engine.smoothing import smooth
from lossmon.engine.store import Series


def _series(n, spike_at=None):
    series = Series("loss")
    steps = np.arange(n, dtype=float)
    values = 3 * np.exp(-steps / max(n, 1) * 4) + 0.2
    if spike_at is not None:
        values[spike_at] = 50.0
    series.extend(steps, values, np.arange(n) + 1)
    return series


def test_smoothed_line_is_the_debiased_ema_of_every_raw_point():
    series = _series(5000)
    arrays = SeriesArrays.of(series)
    traces = build_traces(arrays, ChartCache()["loss"], buckets=100, smoothing=0.9, step_range=None, style="train")
    (trace,) = traces
    expected = smooth(series.values, 0.9)
    ends = np.append((np.arange(1, 100) * 5000) // 100, 5000) - 1
    np.testing.assert_allclose(trace.y, expected[ends])
    np.testing.assert_array_equal(trace.x, series.steps[ends])


def test_decimation_keeps_a_single_spike_among_a_million_points():
    series = _series(1_000_000, spike_at=654_321)
    (trace,) = build_traces(
        SeriesArrays.of(series), ChartCache()["loss"], buckets=400, smoothing=0.6, step_range=None, style="train"
    )
    assert len(trace.x) == 400
    assert np.nanmax(trace.high) == 50.0


def test_small_series_are_drawn_raw_and_smoothed():
    traces = build_traces(SeriesArrays.of(_series(50)), ChartCache()["loss"], buckets=100, smoothing=0.6, step_range=None, style="train")
    assert [t.style for t in traces] == ["train.raw", "train"]
    off = build_traces(SeriesArrays.of(_series(50)), ChartCache()["loss"], buckets=100, smoothing=0.0, step_range=None, style="train")
    assert [t.style for t in off] == ["train"]


def test_window_selects_steps_of_the_current_segment():
    series = _series(100)
    series.extend(np.arange(10, dtype=float), np.ones(10), np.arange(10) + 200)  # a restart
    arrays = SeriesArrays.of(series)
    assert window_indices(arrays, None) == (100, 110)
    assert window_indices(arrays, (5.0, 7.0)) == (105, 108)


def _frame_builder(n: int):
    series = _series(n, spike_at=n // 2)
    cache = ChartCache()
    arrays = SeriesArrays.of(series)

    def frame():
        traces = build_traces(arrays, cache["loss"], buckets=2 * 190, smoothing=0.6, step_range=None, style="train")
        return draw_chart(traces, 200, 50)

    frame()  # the first frame builds the caches
    return frame


def test_a_frame_costs_the_same_at_a_thousand_and_a_million_points():
    small, large = _frame_builder(1_000), _frame_builder(1_000_000)
    best = {small: float("inf"), large: float("inf")}
    for _ in range(15):  # interleaved, best of 15: robust to other work on the machine
        for frame in (small, large):
            start = time.perf_counter()
            frame()
            best[frame] = min(best[frame], time.perf_counter() - start)
    assert best[large] < 0.030, f"200x50 frame at 1M points took {best[large] * 1000:.1f} ms"
    assert best[large] / best[small] < 1.5, f"1M/1k frame time ratio {best[large] / best[small]:.2f}"
