"""A file of keyed lists named by its metric (issue 12, holdout8a): each line is the literal that
keys a run (a grid search's config) then that run's values, ``[64, 16, [64, 64], ..., 0.01, 1]:
13.32, 7.51, ...``; every value of every line is a point of the series the file's name names, in
order. Lines: tests/corpus/m4r-train-loss-txt-grid-configs/train_loss.txt (BoyangGu1/M4R, 20
per-epoch losses per config)."""

import pytest
from parse_helpers import CORPUS, steps
from test_column import read_as

M4R = CORPUS / "m4r-train-loss-txt-grid-configs" / "train_loss.txt"
FIRST_LINES = b"".join(M4R.read_bytes().splitlines(keepends=True)[:3])


@pytest.mark.parametrize("chunk", [1 << 20, 211])
def test_every_value_of_every_keyed_list_in_order(chunk):
    monitor = read_as("train_loss.txt", FIRST_LINES, chunk)
    series = monitor.store["train_loss"]
    assert monitor.store.primary_train == "train_loss"
    assert len(series) == 60
    assert series.values.tolist()[:2] == [13.324831261765212, 7.512584461830556]
    assert series.values.tolist()[20] == 17.898493953049183  # the second config's first epoch
    assert steps(monitor, "train_loss")[:3] == [1, 2, 3]


def test_the_whole_dump():
    monitor = read_as("train_loss.txt", M4R.read_bytes())
    assert len(monitor.store["train_loss"]) == 87 * 20
    assert {series.name for series in monitor.store} == {"train_loss"}


def test_keyed_lists_in_a_file_named_otherwise_are_not_read_as_one():
    monitor = read_as("results.txt", FIRST_LINES)
    assert "results" not in monitor.store and len(monitor.store) == 0


@pytest.mark.parametrize("rows", ["1,0.52\n2,0.48\n3,0.45\n", "0.52, 0.61, 0.9\n0.48, 0.60, 0.91\n"])
def test_a_bare_row_of_numbers_is_no_list(rows):
    # (an index and a value, a headerless table: nothing keys them as a list of one metric)
    monitor = read_as("loss.csv", rows)
    assert monitor.format_id != "column"
