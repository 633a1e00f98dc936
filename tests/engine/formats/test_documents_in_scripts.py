"""Documents of records and values written in a script's syntax, and CSV headers whose names end
in a unit (issue 12, holdout8b's document misses), from the real files:

- tests/corpus/bail-prediction-hf-log-history-js (ashuwin-p/BAIL-PREDICTION model_train.js): a HF
  Trainer log_history dumped as ``const model_train = [`` then one object per entry, every value a
  quoted string ("3.62E-06"), ``];``.
- tests/corpus/information-bottleneck-loss-history-arrays (loss_history.txt): several runs' losses
  as arrays, ``no_decay = [2.02e+00, ...``, ``decay_point9 = [`` over lines, ``# [`` ... ``# ]``.
- tests/corpus/campus-safety-yolo-epoch-log-zero-losses (epoch_log.csv, CRLF): a header with
  ``gpu_util_%``, loss columns that are 0.0 on every row.
"""

import pytest
from parse_helpers import CORPUS, records, steps
from test_column import read_as

from lossmon.engine.formats.column import name_from_path

_JS = (CORPUS / "bail-prediction-hf-log-history-js" / "model_train.js").read_bytes()
_ARRAYS = (CORPUS / "information-bottleneck-loss-history-arrays" / "loss_history.txt").read_bytes()
_CSV = (CORPUS / "campus-safety-yolo-epoch-log-zero-losses" / "epoch_log.csv").read_bytes()
CHUNKS = (1 << 20, 37)


@pytest.mark.parametrize("chunk", CHUNKS)
def test_a_log_history_declared_in_javascript_is_a_list_of_records(chunk):
    monitor = read_as("templates/Dashboard/model_train.js", _JS, chunk)
    assert monitor.format_id == "json_document"
    loss = monitor.store["loss"]
    assert len(loss) == 49
    assert loss.values.tolist()[:2] == [0.6874, 0.6681]  # ("0.6874": a quoted string)
    assert monitor.store["learning_rate"].values.tolist()[0] == 3.62e-06  # ("3.62E-06")


@pytest.mark.parametrize(
    "opening", ["const model_train = [", "export const history = [", "let log = [", "var h = [", "module.exports = ["]
)
def test_a_declared_list_opens_a_document(opening):
    log = opening + "\n" + ",\n".join(f'  {{"loss": {3 - k / 10}, "step": {k}}}' for k in range(4)) + "\n];\n"
    monitor = read_as("history.js", log)
    assert monitor.store["loss"].values.tolist() == [3.0, 2.9, 2.8, 2.7]


def test_a_sentence_with_a_declaration_word_is_no_document():
    log = "variance = [0.1 is the spread]\nstep 1 loss 0.5\nstep 2 loss 0.4\nstep 3 loss 0.3\n"
    assert read_as("train.log", log).format_id != "json_document"


@pytest.mark.parametrize("chunk", CHUNKS)
def test_arrays_of_values_are_runs_of_the_metric_the_file_holds(chunk):
    monitor = read_as("loss_history.txt", _ARRAYS, chunk)
    assert monitor.format_id == "value_arrays"
    assert [series.name for series in monitor.store] == ["loss"]
    loss = monitor.store["loss"]
    assert len(loss) == _ARRAYS.count(b"e+") + _ARRAYS.count(b"e-")  # every value, each once
    assert loss.values.tolist()[:2] == [2.024658908843994354, 1.699943664073944039]
    assert steps(monitor, "loss")[:3] == [1, 2, 3]
    # each array is a run: the steps start again at 1 ("decay_point9 = [" on line 3); the kept
    # prefix ends on an array's opening, with no value yet
    assert _ARRAYS.endswith(b"# [\n")
    assert steps(monitor, "loss").count(1) == _ARRAYS.count(b"[") - 1
    assert records(_ARRAYS, fast=True) == records(_ARRAYS, fast=False)


def test_arrays_named_by_their_first_name_when_the_file_names_nothing():
    log = "no_decay = [2.0e+00, 1.5e+00,\n1.2e+00]\n# [\n2.1e+00, 1.6e+00\n# ]\n"
    monitor = read_as("results.txt", log)
    assert [series.name for series in monitor.store] == ["no_decay"]
    assert monitor.store["no_decay"].values.tolist() == [2.0, 1.5, 1.2, 2.1, 1.6]
    assert steps(monitor, "no_decay") == [1, 2, 3, 1, 2]


@pytest.mark.parametrize(
    "text",
    [
        "[1,  2000] loss: 2.187\n[1,  4000] loss: 1.853\n[1,  6000] loss: 1.671\n",  # the CIFAR-10 tutorial's lines
        "x = [1, 2, 3] # a tensor's shape\nstep 1 loss 0.5\n",
    ],
)
def test_a_line_that_is_not_an_array_of_values_is_left_to_the_other_formats(text):
    assert read_as("loss_history.txt", text).format_id != "value_arrays"


@pytest.mark.parametrize(
    ("path", "name"),
    [("loss_history.txt", "loss"), ("val_loss_log.csv", "val_loss"), ("reward_curve.txt", "reward"),
     ("loss.txt", "loss"), ("history.txt", None), ("train_log.txt", None)],
)
def test_a_file_that_holds_a_metric_is_named_by_the_metric(path, name):
    assert name_from_path(path) == name


@pytest.mark.parametrize("chunk", CHUNKS)
def test_a_csv_header_may_name_a_column_with_a_unit(chunk):
    monitor = read_as("epoch_log.csv", _CSV, chunk)
    assert monitor.format_id == "csv"
    assert monitor.store.primary_train == "box_loss"
    assert len(monitor.store["box_loss"]) == 50
    assert set(monitor.store["box_loss"].values.tolist()) == {0.0}  # a logging fault, logged as such
    assert monitor.store["gpu_util_%"].values.tolist()[0] == 11.0


# Values written back to back (tests/corpus/modularity-train-losses-no-separator, 7vik/modularity
# train_losses.txt: 1000 float reprs of float32 losses, f.write(str(loss)) with no newline) ------

_RUN_ON = (CORPUS / "modularity-train-losses-no-separator" / "train_losses.txt").read_bytes()


@pytest.mark.parametrize("chunk", CHUNKS)
def test_values_written_back_to_back_are_split_where_only_one_split_holds(chunk):
    monitor = read_as("train_losses.txt", _RUN_ON, chunk)
    assert monitor.format_id == "glued_values"
    losses = monitor.store["train_losses"]
    assert len(losses) == _RUN_ON.count(b".") == 1000
    # "14.23366069793701213.96943664550781213.59664249420166...": 14.233660697937012, not
    # 14.23366069793701 then 213.96...: each piece is the repr of a float32's value
    assert losses.values.tolist()[:4] == [14.233660697937012, 13.969436645507812, 13.59664249420166, 12.682472229003906]
    assert steps(monitor, "train_losses")[:3] == [1, 2, 3]
    assert losses.values.tolist()[-1] == 0.013095707632601261


def test_only_a_split_into_float32_reprs_is_read():
    from lossmon.engine.formats.column import split_run_on_values

    assert split_run_on_values("0.50.25") == [0.5, 0.25]
    assert split_run_on_values("0.2512.5") == [0.25, 12.5]  # not 0.251|2.5 nor 0.2|512.5: no float32's repr
    # float64 values (no float32 among the pieces): no split is sure
    assert split_run_on_values("0.10.2") is None
    assert read_as("train_losses.txt", "0.10.20.3").format_id != "glued_values"


def test_run_on_values_in_a_file_named_otherwise_are_not_read():
    assert len(read_as("notes.txt", _RUN_ON).store) == 0
