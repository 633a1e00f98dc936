import numpy as np
import pytest

from lossmon.engine.pyramid import Pyramid
from lossmon.engine.store import Series


def make_series(n: int, seed: int = 0) -> Series:
    rng = np.random.default_rng(seed)
    values = np.exp(rng.normal(0, 0.3, n))
    values[rng.integers(0, n, 20)] = np.nan
    values[rng.integers(0, n, 5)] = 1e6  # spikes
    series = Series("loss")
    # Arrive in uneven chunks, as a follower delivers them.
    edges = np.unique(np.concatenate(([0, n], rng.integers(0, n, 40))))
    for a, b in zip(edges[:-1], edges[1:]):
        series.extend(np.arange(a, b, dtype=np.float64), values[a:b], np.arange(a, b) + 1)
    return series


@pytest.mark.parametrize("window", [(0, 300_000), (12_345, 299_999), (70_000, 70_400), (299_000, 300_000), (5, 6)])
def test_buckets_keep_extremes_nonfinite_and_last_of_any_window(window):
    series = make_series(300_000)
    start, end = window
    buckets = series.buckets(start, end, 200)
    chunk = series.values[start:end]
    assert len(buckets.last) <= 200
    assert np.nanmax(buckets.high) == np.nanmax(chunk)
    assert np.nanmin(buckets.low) == np.nanmin(chunk)
    assert buckets.nonfinite.sum() == np.count_nonzero(~np.isfinite(chunk))
    assert buckets.last[-1] == chunk[-1] or (np.isnan(buckets.last[-1]) and np.isnan(chunk[-1]))
    assert buckets.steps[-1] == series.steps[end - 1]
    assert np.all(np.diff(buckets.steps) > 0)


@pytest.mark.parametrize("window", ["all", "last 10k"])
def test_a_frame_reads_a_bounded_number_of_entries_whatever_the_history(window):
    reads = {}
    for n in (1_000, 100_000, 1_000_000):
        series = Series("loss")
        series.extend(np.arange(n, dtype=np.float64), np.random.default_rng(n).random(n), np.arange(n))
        start = 0 if window == "all" else max(0, n - 10_000)
        reads[n] = series.buckets(start, n, 200).read
    # Whole blocks (< 16 per bucket) plus two partial blocks at the edges, at any history length.
    assert max(reads.values()) <= 200 * 16 + 2 * 16**3
    assert reads[1_000_000] <= 2 * reads[100_000]


def test_smoothed_values_follow_new_points():
    series = make_series(10_000)
    smoothed = series.smoothed(0.9)
    before = len(smoothed.values)
    series.extend(np.array([10_000.0]), np.array([2.0]), np.array([10_001]))
    assert len(smoothed.values) == before + 1
    from lossmon.engine.smoothing import smooth

    np.testing.assert_allclose(smoothed.values, smooth(series.values, 0.9), rtol=1e-9)
    buckets = smoothed.buckets(series.steps, 0, len(series), 100)
    assert len(buckets.last) <= 100
