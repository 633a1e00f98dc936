import numpy as np

from lossmon.engine.downsample import decimate


def test_a_single_spike_survives_decimation():
    values = np.full(1_000_000, 2.0)
    values[654_321] = 500.0
    buckets = decimate(np.arange(1_000_000, dtype=np.float64), values, 200)
    assert len(buckets.high) == 200
    assert buckets.high.max() == 500.0
    assert (buckets.low == 2.0).all()


def test_buckets_keep_min_max_last_and_count_non_finite():
    steps = np.arange(10, dtype=np.float64)
    values = np.array([5, 1, 9, 4, np.nan, 3, 8, np.inf, 2, 6], dtype=np.float64)
    buckets = decimate(steps, values, 2)
    np.testing.assert_array_equal(buckets.low, [1, 2])
    np.testing.assert_array_equal(buckets.high, [9, 8])
    np.testing.assert_array_equal(buckets.last, [np.nan, 6])
    np.testing.assert_array_equal(buckets.steps, [4, 9])
    np.testing.assert_array_equal(buckets.nonfinite, [1, 1])


def test_few_points_are_returned_as_they_are():
    steps = np.array([1.0, 2.0, 3.0])
    values = np.array([0.5, np.nan, 0.25])
    buckets = decimate(steps, values, 100)
    np.testing.assert_array_equal(buckets.steps, steps)
    np.testing.assert_array_equal(buckets.last, values)
    np.testing.assert_array_equal(buckets.nonfinite, [0, 1, 0])
