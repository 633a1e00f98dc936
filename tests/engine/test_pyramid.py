import numpy as np
import pytest

from lossmon.engine.smoothing import smooth
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


@pytest.mark.parametrize("n", [100, 5_000, 70_001, 1_000_000])
def test_each_bucket_holds_exactly_the_extremes_of_its_own_points(n):
    rng = np.random.default_rng(n)
    series = Series("loss")
    values = rng.normal(size=n)
    values[rng.integers(0, n, 30)] = np.nan
    values[rng.integers(0, n, 3)] = 1e9
    series.extend(np.arange(n, dtype=np.float64), values, np.arange(n) + 1)
    for start, end, count in ((0, n, 400), (n // 7, n - n // 11, 123), (n // 3, n // 3 + 1, 10)):
        buckets = series.buckets(start, end, count)
        firsts = np.append(start, buckets.ends[:-1] + 1)
        assert buckets.ends[-1] == end - 1 and np.all(np.diff(buckets.ends) > 0)
        for first, last, low, high, bad in zip(firsts, buckets.ends, buckets.low, buckets.high, buckets.nonfinite):
            chunk = values[first : last + 1]
            finite = chunk[np.isfinite(chunk)]
            assert bad == len(chunk) - len(finite)
            if len(finite):
                assert (low, high) == (finite.min(), finite.max())
        means = [np.nanmean(np.where(np.isfinite(c), c, np.nan)) if np.isfinite(c).any() else np.nan
                 for c in np.split(values[start:end], buckets.ends[:-1] + 1 - start)]
        np.testing.assert_allclose(buckets.mean, means, rtol=1e-9)
        np.testing.assert_array_equal(buckets.last, values[buckets.ends])
        # Near-equal buckets: an inner edge moves by less than a quarter of a bucket.
        sizes = np.diff(np.append(start - 1, buckets.ends))
        if len(sizes) == count:
            assert sizes.max() <= 1.5 * (end - start) / count + 1


@pytest.mark.parametrize("window", ["all", "last 10k"])
def test_a_frame_reads_a_bounded_number_of_entries_whatever_the_history(window):
    reads = {}
    for n in (1_000, 100_000, 1_000_000):
        series = Series("loss")
        series.extend(np.arange(n, dtype=np.float64), np.random.default_rng(n).random(n), np.arange(n))
        start = 0 if window == "all" else max(0, n - 10_000)
        reads[n] = series.buckets(start, n, 200).read
    # Whole blocks (fewer than 4 * 16 per bucket) plus the exact edges (at most 2 * 15 entries
    # per level, and 2 * 15 raw points), at any history length.
    assert max(reads.values()) <= 200 * 64 + 2 * 15 * 6
    assert reads[1_000_000] <= 2 * reads[100_000]


def test_smoothed_values_follow_new_points():
    series = make_series(10_000)
    smoothed = series.smoothed(0.9)
    before = len(smoothed.values)
    series.extend(np.array([10_000.0]), np.array([2.0]), np.array([10_001]))
    assert len(smoothed.values) == before + 1
    np.testing.assert_allclose(smoothed.values, smooth(series.values, 0.9), rtol=1e-9)
    raw, line = series.buckets(123, 10_001, 100), smoothed.buckets(series.steps, 123, 10_001, 100)
    np.testing.assert_array_equal(line.ends, raw.ends)  # the same buckets, to draw them together
    np.testing.assert_allclose(line.last, smoothed.values[raw.ends])


@pytest.mark.parametrize("first_call", ["before", "after"])
def test_smoothing_starts_again_at_each_segment(first_call):
    series = Series("loss")
    weight = 0.9
    if first_call == "before":
        series.smoothed(weight)  # kept current as the segments arrive
    series.extend(np.arange(100.0), np.linspace(5, 1, 100), np.arange(100) + 1)
    series.extend(np.arange(50.0, 80.0), np.full(30, 3.0), np.arange(30) + 101)  # resumed from step 50
    series.extend(np.arange(80.0, 90.0), np.full(10, 2.0), np.arange(10) + 131)
    series.extend(np.arange(10.0), np.full(10, 7.0), np.arange(10) + 141)  # and again, at a batch's start
    values = series.smoothed(weight).values
    assert series.segment_starts == [0, 100, 140]
    np.testing.assert_allclose(values[:100], smooth(series.values[:100], weight))
    np.testing.assert_allclose(values[100:140], smooth(series.values[100:140], weight))
    np.testing.assert_allclose(values[140:], 7.0)
