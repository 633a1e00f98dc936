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
