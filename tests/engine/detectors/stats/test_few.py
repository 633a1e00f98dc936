"""few.median: statistics.median's value, bit for bit, without importing statistics."""

import random
import statistics

import pytest

from lossmon.engine.detectors.stats.few import median, theil_sen


def test_median_is_statistics_median_bit_for_bit():
    rng = random.Random(8)
    for size in (1, 2, 3, 4, 5, 6, 9, 10):
        for _ in range(200):
            values = [rng.choice([rng.uniform(-1e3, 1e3), rng.gauss(0, 1e-8), 0.1 * rng.randint(-9, 9)]) for _ in range(size)]
            assert median(values).hex() == float(statistics.median(values)).hex()
    assert median([3, 1, 2]) == 2 and median([1.0, float("inf")]) == float("inf")


def test_median_of_nothing_is_a_value_error():
    with pytest.raises(ValueError):
        median([])


def test_theil_sen_is_the_median_of_pairwise_slopes_and_ignores_one_outlier():
    assert theil_sen([1.0, 2.0, 3.0, 4.0]) == (1.0, 0.0)
    slope, scatter = theil_sen([0.0, 1.0, 9.0, 3.0, 4.0])  # one wild value among a line of slope 1
    assert slope == 1.0 and scatter == 0.0
    slope, scatter = theil_sen([1.0, 1.2, 0.8, 1.0])  # a scatter about a level: more scatter than slope
    assert abs(slope) < 0.06 and scatter > 2 * abs(slope)
