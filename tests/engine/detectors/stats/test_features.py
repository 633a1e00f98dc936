"""ShortTrend's statistics, kept from sorted lists as the values arrive, have the bits of the
numpy medians they stand for (np.median over the values so far, at every point)."""

import math

import numpy as np
import pytest

from lossmon.engine.detectors.base import Points
from lossmon.engine.detectors.stats.blocks import MAD_TO_SIGMA
from lossmon.engine.detectors.stats.features import OPENING, ShortTrend, SortedValues


def _expected(logs: np.ndarray, minimum: int, limit: int) -> list[tuple]:
    """Each statistic recomputed from all the values so far with np.median."""
    rows, best, rises = [], math.inf, 0
    for n in range(1, min(len(logs), limit) + 1):
        x = logs[:n]
        rises = rises + 1 if n > 1 and x[-1] > x[-2] else 0
        if n >= 3:
            best = min(best, float(np.median(x[-3:])))
        if n < minimum:
            continue
        half = n // 2
        early, late = float(np.median(x[:half])), float(np.median(x[n - half:]))
        jitter = float(np.median(np.abs(x[:-2] - 2.0 * x[1:-1] + x[2:]))) * MAD_TO_SIGMA / math.sqrt(6.0)
        spread = float(np.median(np.abs(x - np.median(x)))) * MAD_TO_SIGMA
        rows.append((n - 1, n, float(np.median(x[:3])), float(np.median(x[:OPENING])), early - late, late, best,
                     float(np.median(x[-3:])), float(np.median(x[-6:-3])), rises, jitter, spread))
    return rows


def _rows(stats) -> list[tuple]:
    columns = (stats.index, stats.count, stats.start, stats.opening, stats.progress, stats.recent, stats.best,
               stats.level, stats.level_before, stats.rises, stats.jitter, stats.spread)
    return [tuple(float(c[k]) for c in columns) for k in range(len(stats))]


SERIES = {
    # a Keras run's epoch losses as printed (4 digits): ties in every window
    "rounded epochs": np.round(np.exp(-np.linspace(0, 3, 120)) + 0.01 * np.sin(np.arange(120)), 4),
    "noisy batches": np.abs(np.random.default_rng(7).normal(1.0, 0.3, 400)) + 0.01,
    "flat": np.full(60, 0.6931),
    "two levels": np.where(np.arange(90) % 2, 2.0, 0.5),
}


@pytest.mark.parametrize("name", list(SERIES))
@pytest.mark.parametrize("chunk", [1, 7, 1000])
def test_short_trend_is_np_median_of_the_values_so_far(name, chunk):
    values = SERIES[name]
    trend = ShortTrend()
    got = []
    for start in range(0, len(values), chunk):
        part = values[start:start + chunk]
        steps = np.arange(start, start + len(part), dtype=np.float64)
        stats = trend.process(Points("loss", steps, part, steps))
        got += [(row[0] + start, *row[1:]) for row in _rows(stats)]
    want = _expected(np.log(values), trend.minimum, trend.limit)
    assert len(got) == len(want) > 0
    for row, expected in zip(got, want):
        assert row == expected  # the same bits, not merely close


def test_deviation_median_is_the_median_of_absolute_deviations_whatever_the_centre():
    rng = np.random.default_rng(3)
    for _ in range(300):
        values = np.round(rng.normal(0, 1, int(rng.integers(1, 40))), int(rng.integers(0, 3)))
        kept = SortedValues()
        for value in values.tolist():
            kept.add(value)
        for centre in (float(np.median(values)), float(values[0]), 10.0, -10.0):
            assert kept.deviation_median(centre) == float(np.median(np.abs(values - centre)))
