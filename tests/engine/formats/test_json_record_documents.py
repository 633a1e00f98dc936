"""JSON documents of records other than trainer_state.json (issue 12, holdout6): a dict of columns
(Keras ``history.history`` dumped with json, pretty or on one line; pandas ``to_json()``) and a
top-level list of records (Chainer's LogReport ``log``, also saved after ``l = ``, and cut short).
Lines from tests/corpus: fake-news-keras-history-json-loss-only, music-genre-keras-history-json-one-line,
chainer-sndcgan-celeba-log-py."""

import json

import pytest
from parse_helpers import CORPUS, read, steps

from lossmon.engine import Monitor, check_file

PRETTY_HISTORY = (
    "{\n"
    '    "loss":[\n'
    "        0.5688330373167991,\n"
    "        0.3184561047703028,\n"
    "        0.2540877451002598\n"
    "    ],\n"
    '    "val_loss":[\n'
    "        0.61,\n"
    "        0.52,\n"
    "        0.55\n"
    "    ]\n"
    "}"
)
ONE_LINE_HISTORY = (
    '{"accuracy": [0.2702838182449341, 0.5028380751609802, 0.6122704744338989], '
    '"loss": [2.04, 1.43, 1.12], "val_accuracy": [0.41, 0.52, 0.55], "val_loss": [1.71, 1.33, 1.21]}'
)
CHAINER = (
    "l = [\n"
    "    {\n"
    '        "epoch": 0,\n'
    '        "elapsed_time": 17.375588382001297,\n'
    '        "loss_gen": 1.4890296459197998,\n'
    '        "iteration": 100,\n'
    '        "loss_dis": 0.8867555856704712\n'
    "    },\n"
    "    {\n"
    '        "epoch": 0,\n'
    '        "elapsed_time": 32.6378371360006,\n'
    '        "loss_gen": 1.5662171840667725,\n'
    '        "iteration": 200,\n'
    '        "loss_dis": 0.9549879431724548\n'
    "    },\n"
    "    {\n"
    '        "epoch": 0,\n'
    '        "elapsed_time": 48.004973752002115,\n'
)


@pytest.mark.parametrize("chunk", [1 << 20, 11])
def test_a_pretty_keras_history_gives_one_record_per_epoch(chunk):
    monitor = read(PRETTY_HISTORY, chunk=chunk)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss", "val_loss")
    assert monitor.store["loss"].values.tolist() == [0.5688330373167991, 0.3184561047703028, 0.2540877451002598]
    assert monitor.store["val_loss"].values.tolist() == [0.61, 0.52, 0.55]
    assert steps(monitor, "loss") == steps(monitor, "val_loss") == [0, 1, 2]  # as CSVLogger's epoch


def test_a_one_line_keras_history_without_a_line_end():
    monitor = read(ONE_LINE_HISTORY)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss", "val_loss")
    assert [s.name for s in monitor.store] == ["accuracy", "loss", "val_accuracy", "val_loss"]
    assert monitor.store["val_loss"].values.tolist() == [1.71, 1.33, 1.21]
    assert steps(monitor, "accuracy") == [0, 1, 2]


def test_pandas_to_json_columns_keyed_by_row():
    text = '{"loss":{"0":0.9,"1":0.7,"2":0.6},"val_loss":{"0":1.0,"1":0.8,"2":0.75}}'
    monitor = read(text)
    assert monitor.store["val_loss"].values.tolist() == [1.0, 0.8, 0.75]
    pretty = json.dumps(json.loads(text), indent=4)
    assert read(pretty).store["loss"].values.tolist() == [0.9, 0.7, 0.6]


def test_a_history_with_a_missing_value_and_a_short_column():
    monitor = read('{\n  "loss": [0.9, 0.8, 0.7],\n  "val_loss": [1.0, null]\n}\n')
    assert monitor.store["loss"].values.tolist() == [0.9, 0.8, 0.7]
    assert steps(monitor, "val_loss") == [0]


@pytest.mark.parametrize(
    "text",
    [
        '{"loss": [0.5, 0.4], "name": "run-1"}',  # a text member: no dict of columns
        '{"loss": [0.5]}',  # one value is a summary
        '{"layers": [[1, 2], [3, 4]], "loss": [0.5, 0.4]}',
    ],
)
def test_objects_that_are_no_dict_of_columns_give_no_rows(text):
    assert "loss" not in read(text).store or len(read(text).store["loss"]) < 2


def test_a_rewritten_history_adds_only_its_new_rows():
    monitor = Monitor("history.json")
    monitor.feed(PRETTY_HISTORY.encode())
    monitor.restart()
    longer = PRETTY_HISTORY.replace("0.2540877451002598\n", "0.2540877451002598,\n        0.2\n").replace(
        "0.55\n", "0.55,\n        0.5\n"
    )
    monitor.feed(longer.encode())
    monitor.finish()
    assert steps(monitor, "loss") == [0, 1, 2, 3]
    assert monitor.store["val_loss"].values.tolist() == [0.61, 0.52, 0.55, 0.5]


@pytest.mark.parametrize("chunk", [1 << 20, 13])
def test_a_chainer_log_after_an_assignment_cut_inside_an_entry(chunk):
    monitor = read(CHAINER, chunk=chunk)
    assert monitor.store.primary_train == "loss_gen"
    assert steps(monitor, "loss_gen") == [100, 200]  # the iteration: the third entry never closed
    assert monitor.store["loss_dis"].values.tolist() == [0.8867555856704712, 0.9549879431724548]
    assert "iteration" not in monitor.store and "elapsed_time" not in monitor.store


def test_a_chainer_log_as_it_writes_it_and_on_one_line():
    entries = [
        {"main/loss": 1.64, "validation/main/loss": 1.37, "epoch": 1, "iteration": 391, "elapsed_time": 20.1},
        {"main/loss": 1.21, "validation/main/loss": 1.20, "epoch": 2, "iteration": 782, "elapsed_time": 40.3},
    ]
    for text in (json.dumps(entries, indent=4), json.dumps(entries)):
        monitor = read(text)
        assert (monitor.store.primary_train, monitor.store.primary_val) == ("main/loss", "validation/main/loss")
        assert steps(monitor, "validation/main/loss") == [391, 782]


def test_a_line_opening_a_bracket_later_in_a_log_is_no_document():
    monitor = read("step 1 loss=0.5\n[\n  1, 2\n]\nstep 2 loss=0.4\n")
    assert steps(monitor, "loss") == [1, 2]


def test_the_corpus_documents():
    for slug, name, train, val, count in [
        ("fake-news-keras-history-json-loss-only", "history.json", "loss", None, 30),
        ("music-genre-keras-history-json-one-line", "history.json", "loss", "val_loss", 30),
        ("chainer-sndcgan-celeba-log-py", "log.py", "loss_gen", None, 218),
    ]:
        monitor = check_file(str(CORPUS / slug / name))
        assert (monitor.store.primary_train, monitor.store.primary_val) == (train, val), slug
        assert len(monitor.store[train]) == count, slug
        assert monitor.format_id == ("jsonl" if "one-line" in slug else "json_document"), slug


def test_a_history_whose_numbers_were_made_strings():
    """numpy floats are no JSON: scripts dump {k: [str(v) ...]} instead."""
    monitor = read('{"loss": ["0.5688", "0.3184", "0.2540"], "val_loss": ["0.61", "0.52", "nan"]}')
    assert monitor.store["loss"].values.tolist() == [0.5688, 0.3184, 0.254]
    assert len(monitor.store["val_loss"]) == 3


def test_a_saved_log_history_list():
    """json.dump(trainer.state.log_history, f, indent=2): predict entries without a step take the
    last step, and the end-of-training summary is no point of the curve."""
    entries = [
        {"epoch": 0.5, "loss": 1.14, "learning_rate": 1.8e-05, "step": 500},
        {"epoch": 1.0, "eval_loss": 0.66, "step": 549},
        {"epoch": 1.0, "predict_loss": 0.65},
        {"epoch": 1.0, "loss": 0.9, "step": 1000},
        {"epoch": 1.0, "step": 1000, "train_loss": 0.95, "train_runtime": 643.1},
    ]
    monitor = read(json.dumps(entries, indent=2))
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss", "eval_loss")
    assert steps(monitor, "loss") == [500, 1000]
    assert steps(monitor, "predict_loss") == [549]
    assert "train_loss" not in monitor.store


@pytest.mark.parametrize(
    "path, text",
    [
        ("loss.json", "[0.5, 0.4, 0.3, 0.25]"),  # json.dump(losses, f)
        ("runs/loss.json", "[\n    0.5,\n    0.4,\n    0.3,\n    0.25\n]\n"),  # indent=4
        ("loss.txt", "[0.5, 0.4, 0.3, 0.25]\n"),  # f.write(str(losses))
    ],
)
def test_a_list_of_values_is_named_by_the_file(path, text):
    monitor = Monitor(path)
    monitor.feed(text.encode())
    monitor.finish()
    assert monitor.store.primary_train == "loss"
    assert monitor.store["loss"].values.tolist() == [0.5, 0.4, 0.3, 0.25]
    assert steps(monitor, "loss") == [1, 2, 3, 4]


def test_a_list_of_values_in_a_file_named_otherwise_and_a_logged_pair_are_no_series():
    assert len(read("[0.5, 0.4, 0.3, 0.25]\n").store) == 0  # test.log names nothing
    monitor = read("[1,    20] loss: 2.298619\n[1,    40] loss: 2.237873\n")
    assert "1" not in monitor.store and "20" not in monitor.store


def test_a_log_that_opens_with_a_bracket_is_read_as_usual():
    """Line 1 "[" and then no JSON: the lines go to the other formats, not into a document."""
    monitor = read("[\nstep 1 loss=0.52\nstep 2 loss=0.47\n")
    assert steps(monitor, "loss") == [1, 2]
    assert monitor.format_id != "json_document"


# gerald-cakoni/neural-network-project @7683893 results/loss.json (whole): records keyed by their epoch
EPOCH_TO_DATA = '{\n   "epoch_to_data": {\n      "0": {\n         "epoch": 0,\n         "train_loss": 0.3212766704942893,\n         "val_loss": 0.3301324091023869,\n         "duration_seconds": 70.93359088897705\n      },\n      "1": {\n         "epoch": 1,\n         "train_loss": 0.2594649072529541,\n         "val_loss": 0.31593542615020714,\n         "duration_seconds": 69.16209769248962\n      },\n      "2": {\n         "epoch": 2,\n         "train_loss": 0.24451035585392406,\n         "val_loss": 0.3115634527747278,\n         "duration_seconds": 70.01094675064087\n      },\n      "3": {\n         "epoch": 3,\n         "train_loss": 0.2347079422497363,\n         "val_loss": 0.3100883419177047,\n         "duration_seconds": 68.36549925804138\n      }\n   }\n}'


def test_records_keyed_by_their_number_are_read_in_that_order():
    monitor = read(EPOCH_TO_DATA, path="loss.json")
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train_loss", "val_loss")
    assert list(monitor.store["train_loss"].values)[:2] == [0.3212766704942893, 0.2594649072529541]
    assert len(monitor.store["val_loss"]) == 4
