"""A table's one column of values called "value", named by the file (holdout15e miss 1): an export
of one metric per file, ``step,value`` (tests/corpus/adaptive-simpo-lora-train-loss-csv-step-value:
MABELGAO/Adaptive-SimPO-with-Low-Rank-Adaptation results/train_loss.csv) or TensorBoard's CSV
download ``Wall time,Step,Value`` (nathanmargaglio/CSE676-SD19-Classification @5d89ffc
results/val_loss.csv, its first rows), kept under the metric's name or TensorBoard's own
``run-<run>-tag-<tag>.csv``."""

import pytest
from parse_helpers import CORPUS, steps
from test_column import read_as

from lossmon.engine.formats.file_named_columns import loss_columns_named_by_file, value_column_name
from lossmon.engine.formats.table import total_beside_losses

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


# Columns with no metric noun in a file named by a loss (fix-16r, issue 12): the loss's parts.
# tests/corpus/phimesasi-wandb-export-base-mesa-loss-prefix (HireTheHero/PhiMesaSI @1c4cad1
# output/loss.csv, a W&B-style export with a UTF-8 BOM), its first rows:
PHIMESASI = CORPUS / "phimesasi-wandb-export-base-mesa-loss-prefix" / "loss.csv"
W_AND_B_ROWS = (
    "\ufeffrun_id,epoch,mesa,run_name,step,base\r\n"
    "xotfsc10,0,12.497458457946777,train-model,0,10.910636901855469\r\n"
    "xotfsc10,0,8.819034576416016,train-model,1,7.821728706359863\r\n"
    "xotfsc10,0,10.557374954223633,train-model,2,7.866490840911865\r\n"
)


@pytest.mark.parametrize("chunk", [1 << 20, 7])
def test_columns_of_a_loss_file_that_name_no_metric_are_its_losses(chunk):
    monitor = read_as("output/loss.csv", W_AND_B_ROWS, chunk)
    assert monitor.store["mesa"].kind == "loss" and monitor.store["base"].kind == "loss"
    assert monitor.store.primary_train in ("mesa", "base") and monitor.store.primary_val is None
    assert monitor.store["base"].values.tolist() == [10.910636901855469, 7.821728706359863, 7.866490840911865]
    assert steps(monitor, "base") == [0, 1, 2]
    assert "run_id" not in monitor.store and "run_name" not in monitor.store


def test_the_whole_export_is_read_as_its_losses():
    monitor = read_as("output/loss.csv", PHIMESASI.read_bytes())
    assert monitor.store.primary_train in ("mesa", "base")
    assert len(monitor.store["base"]) == 617 and monitor.store["epoch"].kind == "other"


def test_the_same_columns_in_a_file_named_otherwise_stay_unknown():
    monitor = read_as("output/runs.csv", W_AND_B_ROWS)
    assert monitor.store["base"].kind == "other" and monitor.store.primary_train is None


@pytest.mark.parametrize(
    "columns, path, found",
    [
        (["run_id", "epoch", "mesa", "run_name", "step", "base"], "output/loss.csv", (("mesa", "base"), "train")),
        # sgtsnepi's loss.csv ("iter,error"): the embedding's error is its loss
        (["iter", "error"], "run/loss.csv", (("error",), "train")),
        (["epoch", "bc", "pde"], "out/val_losses.csv", (("bc", "pde"), "val")),
        # a PINN's residuals beside their total (the total: test_a_total_beside_the_parts_is_the_loss)
        (["iteration", "total", "bc", "pde", "supervised"], "out/loss.csv", (("bc", "pde", "supervised"), "train")),
        # a Julia KAN trainer's loss.csv names its losses; its "Grid Updated" flag is none
        (["Time (s)", "Epoch", "Train MLE Loss", "Test MSE Loss", "Grid Updated"], "loss.csv", ((), "train")),
        (["epoch", "mesa", "base"], "output/metrics.csv", ((), "train")),  # the file names no loss
        (["epoch", "mesa", "acc"], "output/loss.csv", ((), "train")),  # a metric of its own
    ],
)
def test_loss_columns_named_by_file(columns, path, found):
    steps_at = tuple(i for i, c in enumerate(columns) if c.lower() in ("step", "iter", "iteration", "epoch"))
    assert loss_columns_named_by_file(columns, path, steps_at) == found



def test_a_total_beside_the_parts_is_the_loss():
    # The loss.csv a PINN trainer documents (its docs' "Output CSV Format": "iteration,total,bc,pde,
    # supervised", total the weighted sum of the rest): the parts are the file's losses, the
    # total their sum (table.total_beside_losses), the loss the run optimises.
    columns = ["iteration", "total", "bc", "pde", "supervised"]
    assert total_beside_losses(columns) is None  # nothing names the parts losses
    assert total_beside_losses(columns, parts_are_losses=True) == "total"
