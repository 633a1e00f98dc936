"""A series on a shared timeline's records plus a few of its own keeps an overlay, not a copy (issue 18)."""

import numpy as np

from lossmon.engine.store import Series


def _points(series: Series) -> list[tuple[float, int]]:
    return list(zip(series.steps.tolist(), series.lines.tolist()))


def _batch(lines) -> tuple[np.ndarray, np.ndarray]:
    lines = np.asarray(lines, np.int64)
    return lines.astype(np.float64), lines


def _feed(loss: Series, epoch: Series, first: int, count: int, eval_every: int, epoch_first: bool = False) -> None:
    """Records ``first`` .. ``first + count - 1``: every one has an epoch, the loss is on those
    that are not evaluations (every ``eval_every``-th line)."""
    every = np.arange(first, first + count)
    train = every[every % eval_every != 0]
    order = [(epoch, every), (loss, train)]
    for series, lines in reversed(order) if not epoch_first else order:
        steps, lines = _batch(lines)
        series.extend(steps, np.ones(len(lines)), lines, loss.timeline)


def _check(epoch: Series, last: int) -> None:
    expected = [(float(line), line) for line in range(1, last + 1)]
    assert [float(epoch.step_at(i)) for i in range(len(epoch))] == [step for step, _ in expected]
    assert float(epoch.step_at(-1)) == float(last)
    assert _points(epoch) == expected


def test_an_epoch_on_the_losses_records_and_the_evaluations_keeps_only_the_evaluations():
    loss, epoch = Series("loss"), Series("epoch")
    for first in range(1, 10_001, 1_000):
        _feed(loss, epoch, first, 1_000, eval_every=500)
    assert epoch.timeline is loss.timeline
    assert epoch.used_bytes == 10_000 * 8 + 20 * (8 + 8 + 8)  # its values, then index, step and line of 20 evaluations
    assert loss.used_bytes == 10_000 * 8 - 20 * 8
    _check(epoch, 10_000)
    assert epoch.timeline is not loss.timeline  # its whole steps were read: a copy of its own from then on
    _feed(loss, epoch, 10_001, 1_000, eval_every=500)
    _check(epoch, 11_000)


def test_a_series_given_its_points_before_the_timeline_it_overlays_matches_them_at_the_next_batch():
    loss, epoch = Series("loss"), Series("epoch")
    _feed(loss, epoch, 1, 1_000, eval_every=300)  # the loss is given its points first: an overlay
    assert epoch.timeline is loss.timeline
    for first in range(1_001, 5_001, 1_000):
        _feed(loss, epoch, first, 1_000, eval_every=300, epoch_first=True)
    assert epoch.timeline is loss.timeline
    assert epoch.step_at(3_000) == 3_001.0 and epoch.step_at(2_999) == 3_000.0  # 3000: an evaluation
    assert [float(epoch.step_at(i)) for i in range(len(epoch))] == [float(line) for line in range(1, 5_001)]
    _check(epoch, 5_000)


def test_a_series_without_a_record_of_the_timeline_takes_a_copy_with_its_points():
    loss, epoch = Series("loss"), Series("epoch")
    _feed(loss, epoch, 1, 1_000, eval_every=100)
    assert epoch.timeline is loss.timeline  # an overlay
    steps, lines = _batch(range(1_001, 2_001))
    loss.extend(steps, np.ones(1_000), lines)
    steps, lines = _batch([line for line in range(1_001, 2_001) if line != 1_500])  # not on line 1500
    epoch.extend(steps, np.ones(999), lines)
    assert epoch.timeline is not loss.timeline
    assert _points(epoch) == [(float(line), line) for line in range(1, 2_001) if line != 1_500]


def test_a_series_with_many_points_of_its_own_takes_a_copy():
    loss, epoch = Series("loss"), Series("epoch")
    _feed(loss, epoch, 1, 2_000, eval_every=5)  # one point in five of its own: from the start
    assert epoch.timeline is not loss.timeline
    loss, epoch = Series("loss"), Series("epoch")
    _feed(loss, epoch, 1, 2_000, eval_every=100)
    assert epoch.timeline is loss.timeline  # 20 of 2,000 points of its own: an overlay
    _feed(loss, epoch, 2_001, 2_000, eval_every=3)  # 687 of 4,000 now: more than MIN_FEW and one in eight
    assert epoch.timeline is not loss.timeline
    _check(epoch, 4_000)


def test_a_step_on_the_same_line_unlike_the_timelines_takes_a_copy():
    loss, epoch = Series("loss"), Series("epoch")
    _feed(loss, epoch, 1, 1_000, eval_every=100)
    steps, lines = _batch(range(1_001, 1_101))
    loss.extend(steps, np.ones(100), lines)
    steps[50] = np.nan
    epoch.extend(steps, np.ones(100), lines)
    assert epoch.timeline is not loss.timeline
    assert np.isnan(epoch.steps[1_050]) and epoch.steps[1_049] == 1_050.0 and len(epoch.steps) == 1_100
