import numpy as np

from lossmon.app.charting.frame import draw_chart
from lossmon.app.charting.traces import SeriesArrays, build_traces, window_indices
from lossmon.engine.smoothing import smooth
from lossmon.engine.store import Series
from tests.app.conftest import recorded_reads


def _series(n, spike_at=None, name="loss"):
    series = Series(name)
    steps = np.arange(n, dtype=float)
    values = 3 * np.exp(-steps / max(n, 1) * 4) + 0.2
    if spike_at is not None:
        values[spike_at] = 50.0
    series.extend(steps, values, np.arange(n) + 1)
    return series


def _traces(series, columns=100, smoothing=0.6, step_range=None):
    return build_traces(
        SeriesArrays.of(series),
        columns=columns,
        smoothing=smoothing,
        step_range=step_range,
        style="train",
    )


def test_decimated_smoothed_line_averages_the_debiased_ema_of_every_raw_point_per_bucket():
    series = _series(5000)
    (trace,) = _traces(series, columns=50, smoothing=0.9)
    summary = series.buckets(0, 5000, 100)
    expected = smooth(series.values, 0.9)
    firsts = np.append(0, summary.ends[:-1] + 1)
    np.testing.assert_allclose(trace.y, [expected[a : z + 1].mean() for a, z in zip(firsts, summary.ends)])
    np.testing.assert_array_equal(trace.x, series.steps[summary.ends])
    assert summary.ends[-1] == 4999  # the line reaches the last point
    assert trace.band_style == "train.raw" and np.array_equal(trace.high, summary.high)


def test_without_smoothing_a_decimated_series_is_its_band_drawn_bold():
    series = _series(5000, spike_at=2500)
    (trace,) = _traces(series, columns=50, smoothing=0.0)
    assert trace.band_style == trace.style == "train" and np.nanmax(trace.high) == 50.0


def test_decimation_keeps_a_single_spike_among_a_million_points():
    series = _series(1_000_000, spike_at=654_321)
    (trace,) = _traces(series, columns=200)
    assert len(trace.x) == 400
    assert np.nanmax(trace.high) == 50.0


def test_dense_series_are_drawn_raw_and_smoothed():
    traces = _traces(_series(150), columns=100)
    assert [t.style for t in traces] == ["train.raw", "train"] and not any(t.points for t in traces)
    off = _traces(_series(150), columns=100, smoothing=0.0)
    assert [t.style for t in off] == ["train"]


def test_a_sparse_series_is_drawn_raw_with_its_points_whatever_the_smoothing():
    # 8 evals across a 7,000-step run: fewer points than the chart has columns.
    series = Series("val_loss")
    steps = np.linspace(875, 7000, 8)
    values = np.array([3.1, 2.2, 1.9, 1.7, 1.65, 1.6, 1.62, 1.58])
    series.extend(steps, values, np.arange(8) * 100 + 1)
    (trace,) = _traces(series, columns=100, smoothing=0.99)
    assert trace.points and trace.style == "train"
    np.testing.assert_array_equal(trace.y, values)  # the values logged, not an average
    np.testing.assert_array_equal(trace.x, steps)


def test_smoothing_starts_again_in_a_new_segment():
    series = _series(300)
    series.extend(np.arange(300, dtype=float), np.full(300, 9.0), np.arange(300) + 400)  # resumed run
    (_, smoothed) = _traces(series, columns=200, smoothing=0.99)
    np.testing.assert_allclose(smoothed.y, 9.0)  # not dragged down by the previous run's values


def test_window_selects_steps_of_the_current_segment():
    series = _series(100)
    series.extend(np.arange(10, dtype=float), np.ones(10), np.arange(10) + 200)  # a restart
    arrays = SeriesArrays.of(series)
    assert window_indices(arrays, None) == (100, 110)
    assert window_indices(arrays, (5.0, 7.0)) == (105, 108)


def _frame_builder(n: int):
    series = _series(n, spike_at=n // 2)
    arrays = SeriesArrays.of(series)

    def frame():
        traces = build_traces(arrays, columns=190, smoothing=0.6, step_range=None, style="train")
        return draw_chart(traces, 200, 50)

    frame()  # the first frame computes the smoothed values over the history
    return frame


def test_a_frame_reads_a_bounded_number_of_points_whatever_the_history(monkeypatch):
    """The frame's cost depends on its size, not on the history (timings: benchmarks/perf.py)."""
    reads = recorded_reads(monkeypatch)
    totals = {}
    for n in (1_000, 100_000, 1_000_000):
        frame = _frame_builder(n)
        reads.clear()
        frame()
        totals[n] = sum(reads)
    assert totals[1_000_000] <= 2 * (2 * 190 * 16 + 2 * 16**3)  # raw line and smoothed line
    assert totals[1_000_000] <= 2 * totals[100_000]
