import numpy as np
import pytest

from lossmon.engine.detectors.stats.vector import (
    ewm,
    lindley,
    log_values,
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


def test_log_values_marks_what_has_no_log():
    logs = log_values(np.array([1.0, 0.0, -1.0, np.nan, np.inf, np.e]))
    assert logs[0] == 0.0 and logs[-1] == pytest.approx(1.0)
    assert np.isnan(logs[1:5]).all()
