"""Context alignment: a context series' value at each driver point, the same however it is found."""

import numpy as np
import pytest

from lossmon.engine.detectors.base import LAST, MEAN_SINCE_PREVIOUS
from lossmon.engine.detectors import context
from lossmon.engine.detectors.context import ContextTrack


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
