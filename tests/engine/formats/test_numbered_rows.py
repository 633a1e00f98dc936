"""Headerless rows of an epoch's number and its value, split by a delimiter, in a file named by its
metric (issue 12, holdout15a): a CSV written by hand, ``f.write(f"{epoch},{loss}\\n")``, or with a
separator of the script's own, after the time the script's logger put first. Real lines:

- tests/corpus/tiny-domain-llm-train-loss-txt-epoch-comma-loss (ArunMunagala7/tiny-domain-llm
  logs/train_loss.txt): ``1,0.2103``, 10 epochs.
- tests/corpus/ocr-model-training-emoji-separated-epoch-loss (A-Team-Name/ocr-model-training
  logs/train_loss.txt): ``2024-11-29 18:15:04.852164🫤0🫤4.485516087485233``, the script's
  CSV_SEPERATOR (U+1FAE4) between the time, the epoch and the loss; 14 epochs.
- HAOzj/GEC train_loss.txt (c524acc): ``1_1.8458632230758667``, an underscore between them.
- slobodaPolina/primat-project train_loss.txt (371c398): ``22,502287584414645``, one value with a
  decimal comma: no row of two numbers, and not read as one.

Before, none of these read anything: only a dash, a colon or blanks split an epoch from its value
(tests/engine/formats/test_numbered_values.py)."""

import pytest
from parse_helpers import CORPUS, records, steps
from test_column import read_as

COMMA = (CORPUS / "tiny-domain-llm-train-loss-txt-epoch-comma-loss" / "train_loss.txt").read_bytes()
EMOJI = (CORPUS / "ocr-model-training-emoji-separated-epoch-loss" / "train_loss.txt").read_bytes()
UNDERSCORE = b"1_1.8458632230758667\n2_1.2643297910690308\n3_1.0257697105407715\n4_0.8748103976249695\n"
DECIMAL_COMMA = b"22,502287584414645\n21,50076574847976\n21,42703084406979\n21,389114525127447\n"
CHUNKS = (1 << 20, 7)


@pytest.mark.parametrize("chunk", CHUNKS)
def test_epoch_comma_value_rows_are_the_series_the_file_names(chunk):
    monitor = read_as("logs/train_loss.txt", COMMA, chunk)
    assert monitor.format_id == "numbered_rows"
    assert monitor.store.primary_train == "train_loss"
    assert monitor.store["train_loss"].values.tolist()[:3] == [0.2103, 0.0416, 0.0374]
    assert len(monitor.store["train_loss"]) == 10
    assert steps(monitor, "train_loss") == list(range(1, 11))
    assert records(COMMA, fast=True) == records(COMMA, fast=False)


@pytest.mark.parametrize("chunk", CHUNKS)
def test_a_separator_of_the_scripts_own_after_the_time_of_the_line(chunk):
    monitor = read_as("logs/train_loss.txt", EMOJI, chunk)
    assert monitor.store.primary_train == "train_loss"
    loss = monitor.store["train_loss"]
    assert len(loss) == 14
    assert loss.values.tolist()[:2] == [4.485516087485233, 3.6917775850951147]
    assert steps(monitor, "train_loss") == list(range(14))  # (the epochs, from 0)
    assert {series.name for series in monitor.store} == {"train_loss"}  # the time is no metric


def test_an_underscore_separates_too():
    monitor = read_as("train_loss.txt", UNDERSCORE)
    assert monitor.store["train_loss"].values.tolist() == [1.8458632230758667, 1.2643297910690308, 1.0257697105407715, 0.8748103976249695]
    assert steps(monitor, "train_loss") == [1, 2, 3, 4]


def test_a_value_with_a_decimal_comma_is_no_row():
    monitor = read_as("train_loss.txt", DECIMAL_COMMA)
    assert monitor.format_id != "numbered_rows"
    assert all(value < 100 for series in monitor.store for value in series.values.tolist())


def test_a_value_grouped_in_thousands_stays_one_value():
    monitor = read_as("loss.csv", "1,234.5\n1,198.25\n1,150.75\n")
    assert monitor.format_id != "numbered_rows"
    assert monitor.store["loss"].values.tolist() == [1234.5, 1198.25, 1150.75]


@pytest.mark.parametrize(
    "text",
    [
        "5,0.52\n6,0.48\n7,0.45\n",  # a run that starts at neither 0 nor 1: what counts from 5?
        "1,0.52\n1,0.48\n1,0.45\n",  # the first number does not count
        "1,0.52\n2;0.48\n3;0.45\n",  # the delimiter changed
    ],
)
def test_rows_whose_first_number_does_not_count_the_epochs_are_not_read(text):
    monitor = read_as("loss.csv", text)
    assert "loss" not in monitor.store or len(monitor.store["loss"]) < 3


def test_in_a_file_named_otherwise_such_rows_are_no_series():
    assert len(read_as("data/ids.txt", COMMA).store) == 0
    assert len(read_as("logs/predictions.txt", EMOJI).store) == 0
