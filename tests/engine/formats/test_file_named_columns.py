"""A table's one column of values called "value", named by the file (holdout15e miss 1): an export
of one metric per file, ``step,value`` (tests/corpus/adaptive-simpo-lora-train-loss-csv-step-value:
MABELGAO/Adaptive-SimPO-with-Low-Rank-Adaptation results/train_loss.csv) or TensorBoard's CSV
download ``Wall time,Step,Value`` (nathanmargaglio/CSE676-SD19-Classification @5d89ffc
results/val_loss.csv, its first rows), kept under the metric's name or TensorBoard's own
``run-<run>-tag-<tag>.csv``."""

import pytest
from parse_helpers import CORPUS, steps
from test_column import read_as

from lossmon.engine.formats.file_named_columns import value_column_name

SIMPO = CORPUS / "adaptive-simpo-lora-train-loss-csv-step-value" / "train_loss.csv"
TENSORBOARD = (
    "Wall time,Step,Value\n"
    "1536585336.79717,0,3.5062050819396973\n"
    "1536585368.2700787,1,3.388458728790283\n"
    "1536585399.5842133,2,3.2069969177246094\n"
    "1536585431.066315,3,3.209531307220459\n"
)


def test_step_value_export_is_the_metric_its_file_names():
    monitor = read_as("results/train_loss.csv", SIMPO.read_bytes())
    assert monitor.store.primary_train == "train_loss"
    assert "value" not in monitor.store
    series = monitor.store["train_loss"]
    assert len(series) == 76 and series.kind == "loss"
    assert series.values.tolist()[:2] == [1.4943832397460937, 1.4983975410461425]
    assert steps(monitor, "train_loss")[:3] == [5, 10, 15]


@pytest.mark.parametrize("path", ["results/val_loss.csv", "run-.-tag-val_loss.csv", "run-version_29-tag-val_loss.csv"])
def test_tensorboard_download_is_its_tag(path):
    monitor = read_as(path, TENSORBOARD)
    assert monitor.store.primary_val == "val_loss"
    assert {series.name for series in monitor.store} == {"val_loss"}
    assert steps(monitor, "val_loss") == [0, 1, 2, 3]


@pytest.mark.parametrize(
    "columns, path",
    [
        (["step", "value"], "results.csv"),  # a file named otherwise names nothing
        (["step", "value", "loss"], "train_loss.csv"),  # not the only metric column
        (["step", "name", "value"], "metrics.csv"),  # a table in long form names its rows itself
    ],
)
def test_value_named_otherwise(columns, path):
    assert value_column_name(columns, path, (0,)) is None


def test_value_named_by_file():
    assert value_column_name(["Wall time", "Step", "Value"], "logs/train_loss.csv", (1,)) == "train_loss"
    assert value_column_name(["step", "value"], "run-exp1-tag-epoch.csv", (0,)) is None  # the tag names no metric
