import numpy as np

from lossmon.engine.arrays import GrowableArray
from lossmon.engine.store import Series, SeriesStore


def test_growable_array_keeps_every_value_across_growth():
    array = GrowableArray(np.float64, capacity=2)
    chunks = [np.arange(start, start + size, dtype=np.float64) for start, size in ((0, 1), (1, 5), (6, 300))]
    for chunk in chunks:
        array.extend(chunk)
    assert len(array) == 306
    np.testing.assert_array_equal(array.view, np.arange(306, dtype=np.float64))


def test_append_is_amortized_constant():
    """Capacity doubles: 100k single appends cause only ~log2(100k) reallocations."""
    array = GrowableArray(np.float64, capacity=1)
    reallocations = 0
    for value in range(100_000):
        before = array._data
        array.extend(np.array([value], dtype=np.float64))
        reallocations += array._data is not before
    assert reallocations <= 18


def test_series_keeps_steps_values_and_source_lines():
    series = Series("val_loss")
    series.extend(np.array([10.0, 20.0]), np.array([2.0, 1.5]), np.array([3, 7]))
    series.extend(np.array([30.0]), np.array([np.nan]), np.array([9]))
    assert (series.split, series.kind) == ("val", "loss")
    np.testing.assert_array_equal(series.steps, [10, 20, 30])
    np.testing.assert_array_equal(series.lines, [3, 7, 9])
    assert series.nonfinite == 1 and series.first_nonfinite == 2
    assert series.min == 1.5 and np.isnan(series.last)


def test_step_going_back_starts_a_new_segment():
    series = Series("loss")
    assert series.extend(np.array([1.0, 2.0, 3.0]), np.ones(3), np.arange(3)) == []
    # A resumed run: the step restarts at 2, within a batch and across batches.
    assert series.extend(np.array([2.0, 3.0, 1.0]), np.ones(3), np.arange(3)) == [3, 5]
    assert series.segment_starts == [0, 3, 5]
    assert series.segment_bounds() == (5, 6)
    assert series.segment_bounds(1) == (3, 5)


def test_only_a_step_below_the_one_before_starts_a_segment_whatever_the_float():
    """A NaN step (none printed) is below nothing and nothing is below it; inf and -inf compare
    as numbers (2.0 after inf goes back). Within a batch and from one batch to the next."""
    series = Series("loss")
    steps = np.array([1.0, np.nan, 0.5, np.inf, np.inf, 2.0, -np.inf, -np.inf, 3.0, 1e308, -1e308])
    assert series.extend(steps, np.ones(len(steps)), np.arange(len(steps))) == [5, 6, 10]
    assert series.extend(np.array([-np.inf, 5.0]), np.ones(2), np.arange(2)) == [11]
    assert series.extend(np.array([np.nan]), np.ones(1), np.arange(1)) == []
    assert series.extend(np.array([4.0]), np.ones(1), np.arange(1)) == []  # after a NaN step
    assert series.extend(np.array([3.0]), np.ones(1), np.arange(1)) == [15]
    assert series.segment_starts == [0, 5, 6, 10, 11, 15]


def test_a_series_joins_a_timeline_whose_steps_are_nan_where_its_are():
    first, second = Series("loss"), Series("grad_norm")
    steps, lines = np.array([np.nan, 1.0, np.nan]), np.array([4, 5, 6])
    first.extend(steps, np.ones(3), lines)
    second.extend(steps.copy(), np.ones(3), lines.copy(), first.timeline)
    assert second.timeline is first.timeline
    third = Series("lr")
    third.extend(np.array([np.nan, 2.0, np.nan]), np.ones(3), lines, first.timeline)  # another step: its own
    assert third.timeline is not first.timeline
    np.testing.assert_array_equal(third.steps, [np.nan, 2.0, np.nan])


def test_store_picks_primary_losses():
    store = SeriesStore()
    for name in ("learning_rate", "loss", "eval_loss", "eval_accuracy"):
        store.get_or_create(name)
    store.update_primary()
    assert (store.primary_train, store.primary_val) == ("loss", "eval_loss")


def test_forced_primary_metric_wins():
    store = SeriesStore(primary_train="loss_cls")
    for name in ("loss", "loss_cls"):
        store.get_or_create(name)
    store.update_primary()
    assert store.primary_train == "loss_cls"


# Shared timelines (issue 18): a record's step and line are kept once for the series it carries.


def _feed(monitor, first_line: int, count: int, eval_every: int = 0) -> None:
    """A Trainer-like batch: loss, grad_norm, learning_rate and epoch on each record; an eval
    record (eval_loss and epoch) after every ``eval_every`` lines."""
    from lossmon.engine.records import RecordBuilder

    builder = RecordBuilder()
    for line in range(first_line, first_line + count):
        if eval_every and line % eval_every == 0:
            builder.add(line, float(line), {"eval_loss": 1.0, "epoch": line / 100}, "hf")
        else:
            builder.add(line, float(line), {"loss": 2.0 - line / 1e6, "grad_norm": 1.0, "learning_rate": 1e-4,
                                            "epoch": line / 100}, "hf")
    monitor.feed_records(builder.build())


def _points(series: Series) -> list[tuple[float, int]]:
    return list(zip(series.steps.tolist(), series.lines.tolist()))


def test_series_fed_by_the_same_records_share_one_timeline():
    from lossmon.engine.monitor import Monitor

    monitor = Monitor("train.log")
    for first in range(1, 20_000, 4_000):
        _feed(monitor, first, 4_000)
    store = monitor.store
    assert len(store.timelines()) == 1
    assert _points(store["loss"]) == [(float(line), line) for line in range(1, 20_001)]
    assert store.used_bytes / 20_000 == 4 * 8 + 8 + 4  # four values, then one step and one line


def test_a_series_that_leaves_a_shared_timeline_keeps_its_own_points():
    from lossmon.engine.monitor import Monitor

    monitor = Monitor("train.log")
    _feed(monitor, 1, 500)
    _feed(monitor, 501, 500, eval_every=100)  # epoch is now on records the losses are not on
    _feed(monitor, 1001, 500)
    store = monitor.store
    losses = [line for line in range(1, 1501) if not (501 <= line <= 1000 and line % 100 == 0)]
    evals = [line for line in range(501, 1001) if line % 100 == 0]
    assert _points(store["loss"]) == _points(store["grad_norm"]) == [(float(line), line) for line in losses]
    assert _points(store["epoch"]) == [(float(line), line) for line in range(1, 1501)]
    assert _points(store["eval_loss"]) == [(float(line), line) for line in evals]
    assert store["epoch"].timeline is not store["loss"].timeline
    assert store["grad_norm"].timeline is store["loss"].timeline is store["learning_rate"].timeline


def test_a_timeline_widens_its_lines_past_two_billion():
    series = Series("loss")
    series.extend(np.array([1.0]), np.array([0.5]), np.array([7]))
    series.extend(np.array([2.0, 3.0]), np.array([0.4, 0.3]), np.array([2**31 + 5, 2**40]))
    assert series.lines.tolist() == [7, 2**31 + 5, 2**40]


def test_a_big_growable_array_comes_from_the_kernel_and_keeps_its_values():
    """Past MAPPED_BYTES the capacity is an anonymous mapping (pages cost memory once written,
    and a replaced array is returned at once), with the same values and a writable view."""
    import mmap

    from lossmon.engine.arrays import MAPPED_BYTES

    array = GrowableArray(np.float64, capacity=4)
    total = 0
    while array._data.nbytes < 2 * MAPPED_BYTES:
        array.extend(np.arange(total, total + 70_001, dtype=np.float64))
        total += 70_001
    np.testing.assert_array_equal(array.view, np.arange(total, dtype=np.float64))
    assert isinstance(array._data.base, memoryview) and isinstance(array._data.base.obj, mmap.mmap)
    array.view[0] = -1.0
    assert array.view[0] == -1.0
