"""Context alignment: a context series' value at each driver point, the same however it is found;
and a role played by several series: where a schedule variable changes."""

import numpy as np
import pytest

from lossmon.engine.detectors.base import LAST, MEAN_SINCE_PREVIOUS
from lossmon.engine.detectors import context
from lossmon.engine.detectors.context import ChangeTrack, ContextTrack


@pytest.mark.parametrize("mode", [LAST, MEAN_SINCE_PREVIOUS])
def test_context_on_the_same_records_as_the_driver_is_each_records_own_value(mode):
    """A Trainer dict carries the loss and the learning rate on the same records: the context at
    each loss point is that record's learning rate (LAST), or the mean of the one value since the
    previous point (MEAN), with a NaN keeping the previous interval's mean."""
    rows = np.arange(100, 110)
    values = np.linspace(1.0, 2.0, 10)
    values[4] = np.nan
    track = ContextTrack(mode)
    track.align(np.array([90]), np.array([90]), np.array([0.5]))  # an earlier batch
    aligned = track.align(rows, rows.copy(), values)
    expected = values.copy()
    if mode == MEAN_SINCE_PREVIOUS:
        expected[4] = values[3]
    np.testing.assert_allclose(aligned, expected, rtol=1e-12)  # (a mean is a difference of running sums)


@pytest.mark.parametrize("mode", [LAST, MEAN_SINCE_PREVIOUS])
def test_equal_rows_align_exactly_as_the_search_does(mode, monkeypatch):
    """Context rows equal to the driver's are not searched: the answer and the state carried to
    the next batch are bit for bit those of the search."""
    rng = np.random.default_rng(4)
    batches, first = [], 0
    for size, same in ((5, True), (1, True), (300, True), (4, False), (17, True), (6, False)):
        rows = first + np.arange(size)
        context_rows = rows.copy() if same else rows[::2] + 1
        values = rng.normal(size=len(context_rows))
        values[rng.random(len(values)) < 0.2] = np.nan
        batches.append((rows, context_rows, values))
        first += size + 3

    def aligned_all() -> list[np.ndarray]:
        track = ContextTrack(mode)
        return [track.align(*batch) for batch in batches]

    fast = aligned_all()
    monkeypatch.setattr(context, "_upto", lambda driver, rows: np.searchsorted(rows, driver, side="right"))
    for got, searched in zip(fast, aligned_all()):
        np.testing.assert_array_equal(got, searched)


def rows(*values):
    return np.arange(len(values), dtype=np.int64), np.array(values, dtype=np.float64)


def test_a_whole_value_held_then_changed_reports_how_long_it_held():
    track = ChangeTrack()
    driver = np.arange(8, dtype=np.int64)
    held = track.align(driver, {"K": rows(1, 1, 1, 1, 1, 7, 7, 7)})
    assert held.tolist() == [0, 0, 0, 0, 0, 5, 0, 0]


def test_the_count_carries_across_batches_and_series():
    track = ChangeTrack()
    track.align(np.arange(4, dtype=np.int64), {"K": rows(1, 1, 1, 1), "stage": rows(0, 0, 0, 0)})
    later = np.arange(4, 7, dtype=np.int64)
    held = track.align(later, {"K": (later, np.array([1.0, 1.0, 2.0])), "stage": (later, np.array([0.0, 3.0, 3.0]))})
    assert held.tolist() == [0, 5, 6]  # stage held 5 points (0..4), K 6 (0..5)


def test_measurements_with_few_digits_are_no_schedule():
    track = ChangeTrack()
    held = track.align(np.arange(6, dtype=np.int64), {"mfu": rows(0.79, 0.79, 0.79, 0.80, 0.80, 0.79)})
    assert held.tolist() == [0] * 6


def test_a_series_that_ever_shows_a_fraction_is_no_schedule_from_then_on():
    track = ChangeTrack()
    track.align(np.arange(6, dtype=np.int64), {"tokens_k": rows(1, 1, 1, 1, 1, 1.5)})
    later = np.arange(6, 12, dtype=np.int64)
    held = track.align(later, {"tokens_k": (later, np.array([2.0, 2, 2, 2, 2, 3]))})
    assert held.tolist() == [0] * 6
