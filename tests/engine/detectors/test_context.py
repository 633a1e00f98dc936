"""Context alignment of a role played by several series: where a schedule variable changes."""

import numpy as np

from lossmon.engine.detectors.context import ChangeTrack


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
