import numpy as np

from lossmon.engine.detectors.stats.frozen import FrozenRuns, significant_digits


def test_significant_digits_of_the_shortest_text():
    assert significant_digits(0.6931) == 4
    assert significant_digits(16.74222755432129) == 16
    assert significant_digits(2.5e-05) == 2
    assert significant_digits(2.472458871627874e27) == 16
    assert significant_digits(100.0) == 1


def test_a_run_is_frozen_over_distinct_steps_and_across_calls():
    runs = FrozenRuns()
    value = 16.74222755432129
    length, frozen, since = runs.update(np.array([1.5, value, value]), np.array([1.0, 2.0, 3.0]), np.full(3, np.nan))
    assert length.tolist() == [1, 1, 2] and frozen.tolist() == [False, False, True] and since[-1] == 2.0
    length, frozen, since = runs.update(np.array([value, 1.25]), np.array([4.0, 5.0]), np.full(2, np.nan))
    assert length.tolist() == [3, 1] and frozen.tolist() == [True, False] and since.tolist() == [2.0, 5.0]
    # Records that share one step are not a run over time.
    _, frozen, _ = FrozenRuns().update(np.full(4, value), np.full(4, 7.0), np.full(4, np.nan))
    assert not frozen.any()
