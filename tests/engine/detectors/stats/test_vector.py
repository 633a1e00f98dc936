import numpy as np
import pytest

from lossmon.engine.detectors.stats.vector import (
    array_median,
    ewm,
    lindley,
    log_values,
    row_medians,
    row_nanmedians,
    run_lengths,
    segmented_running_min,
    since_last,
)


def test_ewm_matches_the_recurrence_across_blocks():
    rng = np.random.default_rng(1)
    x = rng.standard_normal(50_000)
    w, last, expected = 0.995, 0.3, np.empty(len(x))
    for i, value in enumerate(x):
        last = w * last + (1 - w) * value
        expected[i] = last
    got, final = ewm(x, w, 0.3)
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)
    assert final == pytest.approx(expected[-1])


def test_lindley_is_the_one_sided_cusum():
    x = np.array([1.0, -3.0, 2.0, 2.0, -1.0, -5.0, 0.5])
    s, expected = 0.5, []
    for value in x:
        s = max(0.0, s + value)
        expected.append(s)
    np.testing.assert_allclose(lindley(x, 0.5), expected)


def test_segmented_running_min_restarts_at_resets_and_continues_the_carried_run():
    values = np.array([5.0, 4.0, 3.0, 4.0, 5.0, 2.0, 3.0])
    resets = np.array([False, False, False, False, True, False, False])
    np.testing.assert_allclose(segmented_running_min(values, resets, 3.5), [3.5, 3.5, 3.0, 3.0, 5.0, 2.0, 2.0])
    np.testing.assert_allclose(segmented_running_min(values, np.zeros(7, bool), np.inf), [5, 4, 3, 3, 3, 2, 2])


def test_run_lengths_and_since_last_carry_state_between_calls():
    flags = np.array([True, True, False, True, True, True])
    np.testing.assert_array_equal(run_lengths(flags, 4), [5, 6, 0, 1, 2, 3])
    np.testing.assert_array_equal(since_last(np.array([False, True, False, False]), 10.0), [11, 0, 1, 2])


def test_run_lengths_and_since_last_without_any_flag_count_on_from_the_carried_state():
    none = np.zeros(4, bool)
    assert run_lengths(none, 7).tolist() == [0, 0, 0, 0] and run_lengths(none, 7).dtype == np.int64
    np.testing.assert_array_equal(since_last(none, 10.0), [11, 12, 13, 14])
    assert np.isinf(since_last(none, np.inf)).all() and len(since_last(none[:0], 3.0)) == 0


@pytest.mark.parametrize("width", [1, 2, 7, 16, 20, 64, 65, 300])
def test_row_medians_are_np_medians_bits(width):
    rng = np.random.default_rng(width)
    rows = rng.lognormal(size=(40, width)) * 10.0 ** rng.integers(-300, 300, size=(40, 1))
    rows[3, 0] = np.nan  # a row with a NaN has a NaN median, as np.median says
    rows[5] = 1.0  # ties
    expected = np.median(rows, axis=1)
    got = row_medians(rows)
    assert got.tobytes() == expected.tobytes()
    assert row_medians(rows[:0]).shape == (0,)


@pytest.mark.parametrize("width", [1, 2, 3, 5])
def test_row_nanmedians_are_np_nanmedians_bits(width):
    rng = np.random.default_rng(width)
    rows = rng.lognormal(size=(200, width)) * 10.0 ** rng.integers(-300, 300, size=(200, 1))
    rows[rng.random(rows.shape) < 0.3] = np.nan
    rows[0] = np.nan  # a row of NaN only: NaN (np.nanmedian also warns)
    rows[1, 0] = np.inf
    with pytest.warns(RuntimeWarning):
        expected = np.nanmedian(rows, axis=1)
    assert row_nanmedians(rows).tobytes() == expected.tobytes()
    assert row_nanmedians(rows[:0]).shape == (0,)


@pytest.mark.parametrize("size", [1, 2, 3, 6, 7, 320, 321, 4097])
def test_array_median_is_np_medians_bits(size):
    rng = np.random.default_rng(size)
    for scale in (1e-300, 1.0, 1e300):
        values = rng.lognormal(size=size) * scale * np.where(rng.random(size) < 0.3, -1.0, 1.0)
        assert np.float64(array_median(values)).tobytes() == np.median(values).tobytes()
        values[size // 2] = np.inf  # inf is a value like any other
        assert np.float64(array_median(values)).tobytes() == np.median(values).tobytes()
        values[-1] = np.nan  # a NaN anywhere: NaN, as np.median says
        assert np.isnan(array_median(values)) and np.isnan(np.median(values))
    ties = np.repeat([0.5, 2.0, 0.25], size)
    assert array_median(ties) == np.median(ties)


def test_log_values_marks_what_has_no_log():
    logs = log_values(np.array([1.0, 0.0, -1.0, np.nan, np.inf, np.e]))
    assert logs[0] == 0.0 and logs[-1] == pytest.approx(1.0)
    assert np.isnan(logs[1:5]).all()
