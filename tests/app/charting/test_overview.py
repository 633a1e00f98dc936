import numpy as np
import pytest

from lossmon.app.charting.overview import Overview, _reduce_raw


def _buckets(n, k, lo=0):
    return lo + (np.arange(k, dtype=np.int64) * (n - lo)) // k


@pytest.mark.parametrize("n", [10, 1_000, 100_003, 1_000_000])
def test_extremes_keep_every_spike_and_nan(n):
    rng = np.random.default_rng(n)
    values = rng.normal(size=n)
    spike, hole = n // 3, (2 * n) // 3
    values[spike] = 1e9
    values[hole] = np.nan
    overview = Overview()
    overview.update(values[: n // 2])  # grows in two steps, as a followed log does
    overview.update(values)
    starts = _buckets(n, min(400, n))
    got = overview.extremes(values, starts, n)
    assert np.nanmax(got.high) == 1e9
    assert got.nonfinite.sum() == 1
    assert np.nanmin(got.low) == np.nanmin(values)
    # The bucket holding the spike is the one whose range contains it, give or take one bucket.
    bucket = int(np.searchsorted(starts, spike, side="right")) - 1
    assert 1e9 in got.high[max(0, bucket - 1) : bucket + 2]


def test_window_inside_a_long_series_matches_raw_reduction_at_the_edges():
    values = np.arange(200_000, dtype=np.float64)
    overview = Overview()
    overview.update(values)
    starts = _buckets(150_000, 100, lo=50_000)
    got = overview.extremes(values, starts, 150_000)
    raw = _reduce_raw(values, starts, 150_000)
    # Snapping to blocks moves a bucket edge by less than a quarter of a bucket.
    bucket = (150_000 - 50_000) / 100
    assert np.all(np.abs(got.low - raw.low) <= bucket / 4)
    assert got.high[-1] == raw.high[-1] == 149_999


def test_a_replaced_array_starts_over():
    overview = Overview()
    overview.update(np.ones(5000))
    overview.update(np.zeros(100))
    got = overview.extremes(np.zeros(100), _buckets(100, 10), 100)
    assert np.all(got.high == 0)
