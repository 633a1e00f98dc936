"""A run's results dumped on one line (``json.dump(results, f)``, no indent): its curves are the list
members that name a loss or a metric, the scalars beside them its settings (formats.jsonl
dump_records). Lines: holdout27's seqMS logs (dongulee/seqMS logs/5.log, 7.log, 8.log), the run's
id and its results joined by a comma; a pretty-printed dump of the same shape was read already.
"""

import json

import pytest
from parse_helpers import read, steps

SEQMS_5 = (
    '{"exp_id": 6},{"architecture": "fcnn1", "timestep": 0, "pre_train_size": 1000, "mnist_test": true, '
    '"split_ratio": 0.0, "model_arch": "fcnn1", "epochs": 200, "train_losses": [[1, 0.5869030356407166], '
    '[2, 0.3244486153125763], [3, 0.26249960064888], [4, 0.13915278017520905], [5, 0.17787213623523712]], '
    '"test_loss/acc": [[0.3628288055419922, 88.59], [0.36282882385253906, 88.59], [0.3628288299560547, 88.59]], '
    '"out_model": "./models/_fcnn1_6_0.pt", "training_time": 42.59876012802124}'
)
# 7.log: the evaluations at their epochs, [epoch, [loss, accuracy]]
SEQMS_7_TEST = '"test_loss/acc": [[5, [0.37562250366210936, 88.46]], [10, [0.36347501831054685, 88.59]], [15, [0.3628, 88.58]]]'


@pytest.mark.parametrize("newline", ["", "\n"])
def test_a_results_dump_on_one_line_gives_its_curves(newline):
    monitor = read(SEQMS_5 + newline)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train_losses", "test_loss")
    assert steps(monitor, "train_losses") == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert monitor.store["train_losses"].values.tolist()[:2] == [0.5869030356407166, 0.3244486153125763]
    assert monitor.store["test_acc"].values.tolist() == [88.59] * 3
    assert "epochs" not in monitor.store and "training_time" not in monitor.store  # settings


def test_evaluations_at_their_epochs_and_runs_one_after_another():
    dump = SEQMS_5.replace(SEQMS_5[SEQMS_5.index('"test_loss/acc"') : SEQMS_5.index(', "out_model"')], SEQMS_7_TEST)
    monitor = read(dump)
    assert steps(monitor, "test_loss") == [5.0, 10.0, 15.0]
    assert monitor.store["test_acc"].values.tolist() == [88.46, 88.59, 88.58]
    # 8.log: three architectures' results after one another, each from epoch 1
    runs = ",".join(SEQMS_5.split("},", 1)[1:] * 3)
    assert len(read(runs).store["train_losses"]) == 15


def test_the_same_dump_without_lists_or_a_record_with_a_step_is_no_dump():
    settings = {"architecture": "fcnn1", "epochs": 200, "lr": 0.001}
    assert "lr" in read(json.dumps(settings) + "\n").store  # (a record of its numbers, as before)
    record = '{"epoch": 1, "loss": 0.52, "class_acc": [0.9, 0.8, 0.7]}\n{"epoch": 2, "loss": 0.41, "class_acc": [0.9, 0.85, 0.8]}\n'
    monitor = read(record)
    assert monitor.store["loss"].values.tolist() == [0.52, 0.41] and "class_acc" not in monitor.store


def test_a_step_that_is_no_whole_number_makes_no_stepped_list_and_no_failed_line():
    # 1e400 reads as inf: no step (a failed line before, int(inf) raising)
    monitor = read('{"train_loss": [[1e400, 0.5], [2, 0.4], [3, 0.3]], "epochs": 3}\n{"step": 1, "loss": 0.2}\n')
    assert monitor.parser.line_errors == 0 and monitor.store["loss"].values.tolist() == [0.2]
