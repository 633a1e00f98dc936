"""A list of a run's values printed by a script (holdout15e miss): a bare list joined by commas in
train_loss.txt (tests/corpus/requestnet-train-loss-txt-comma-list-ln3: hiArvin/RequestNet
log/train_loss.txt, 100 values on one line, no newline)."""

import pytest
from parse_helpers import CORPUS, steps
from test_column import read_as

REQUESTNET = CORPUS / "requestnet-train-loss-txt-comma-list-ln3" / "train_loss.txt"


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

