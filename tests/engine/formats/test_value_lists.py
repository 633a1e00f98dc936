"""Lists of a run's values printed by a script (holdout15e/15f misses): a bare list joined by
commas in train_loss.txt (tests/corpus/requestnet-train-loss-txt-comma-list-ln3: hiArvin/RequestNet
log/train_loss.txt, 100 values on one line, no newline), and a split's list after the fields that
key its run (tests/corpus/g-mixup-losses-txt-python-lists: eomeragic1/g-mixup-reproducibility
results/losses.txt, ``IMDB-MULTI, 1314, train, [10.33317124427311, ...]``)."""

import pytest
from parse_helpers import CORPUS, steps
from test_column import read_as

from lossmon.engine.formats.value_lists import split_list

REQUESTNET = CORPUS / "requestnet-train-loss-txt-comma-list-ln3" / "train_loss.txt"
GMIXUP = CORPUS / "g-mixup-losses-txt-python-lists" / "losses.txt"


@pytest.mark.parametrize("chunk", [1 << 20, 97])
def test_a_bare_list_is_the_metric_its_file_names(chunk):
    monitor = read_as("log/train_loss.txt", REQUESTNET.read_bytes(), chunk)
    assert monitor.store.primary_train == "train_loss"
    series = monitor.store["train_loss"]
    assert len(series) == 100
    assert series.values.tolist()[:3] == [1.0987823, 1.0984418, 1.0986153]
    assert steps(monitor, "train_loss")[:3] == [1, 2, 3]


def test_lines_of_a_bare_list_go_on():
    first = REQUESTNET.read_text().split(", ")
    text = ", ".join(first[:60]) + ",\n" + ", ".join(first[60:]) + "\n"
    monitor = read_as("train_loss.txt", text)
    assert len(monitor.store["train_loss"]) == 100
    assert steps(monitor, "train_loss")[60] == 61


@pytest.mark.parametrize(
    "path, text",
    [
        ("results.txt", None),  # named otherwise: whose values?
        ("loss.csv", "0.52, 0.61, 0.9\n0.48, 0.60, 0.91\n"),  # a headerless table's rows
        ("loss.txt", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10\n"),  # counts, no float
    ],
)
def test_no_bare_list(path, text):
    monitor = read_as(path, REQUESTNET.read_bytes() if text is None else text)
    assert monitor.format_id != "bare_value_list"
    assert "train_loss" not in monitor.store and "loss" not in monitor.store


def test_split_lists_in_a_file_named_by_a_loss():
    monitor = read_as("results/losses.txt", GMIXUP.read_bytes())
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train", "val")
    for name, split in (("train", "train"), ("val", "val"), ("test", "test")):
        series = monitor.store[name]
        assert (len(series), series.split, series.kind) == (598, split, "loss")
    train = monitor.store["train"]
    assert train.values.tolist()[:2] == [10.33317124427311, 1.5669874198853024]
    assert train.values.tolist()[299] == 25.693422671726772  # the second run's first epoch
    assert steps(monitor, "train")[298:301] == [299, 1, 2]  # each list a run of its own


def test_split_lists_named_by_another_metric():
    monitor = read_as("accuracy.txt", "MUTAG, 0, train, [0.51, 0.62, 0.7]\nMUTAG, 0, val, [0.5, 0.55, 0.6]\n")
    assert {series.name: series.split for series in monitor.store} == {"train_accuracy": "train", "val_accuracy": "val"}


def test_split_lists_only_in_a_file_named_by_a_metric():
    monitor = read_as("results.txt", GMIXUP.read_bytes())
    assert len(monitor.store) == 0


@pytest.mark.parametrize(
    "line",
    [
        "IMDB-MULTI, 1314, [0.5, 0.4]",  # no split
        "train, val, [0.5, 0.4]",  # two
        "IMDB-MULTI, 1314, train, [0.5, 'a']",  # a word in the list
        "IMDB-MULTI, 1314, train, [0.5, 0.4] done",  # text after it
    ],
)
def test_no_split_list(line):
    assert split_list(line) is None


def test_split_list():
    assert split_list("COLLAB, 7, val, [1.5, 2e-3, nan]")[0] == "val"
