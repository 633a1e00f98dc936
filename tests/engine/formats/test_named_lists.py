"""A metric's name alone on its line, then its run's values as one list on the next (issue 12,
holdout16e): a PyTorch loop that ends with ``print("Training loss"); print(train_losses)``. Before,
neither line was understood: the name holds no value, the list no name.

Real lines: tests/corpus/data7901-loss-log-batch-loss-avg-loss-lists-near-ln2 (the run's batch lines,
then its 10 epoch means under "Training loss" and "Validation loss").
"""

import pytest
from parse_helpers import CORPUS, read, steps

from lossmon.engine.formats.named_lists import list_name, list_values

DATA7901 = CORPUS / "data7901-loss-log-batch-loss-avg-loss-lists-near-ln2" / "loss_log.txt"

TAIL = (
    "--------- Epoch #9 ---------\n"
    "loss: 0.6710636019706726 [0/5334]\n"
    "loss: 0.6931604146957397 [1143000/5334]\n"
    "Acc:0.601050, Avg Loss: 0.021007\n"
    "\n"
    "Training loss\n"
    "[0.689244130771318, 0.686096156071759, 0.683946813651902, 0.680722353701107, 0.677518871016131]\n"
    "\n"
    "Validation loss\n"
    "[0.6890274497369925, 0.6870205700397491, 0.684794889142116, 0.6812480191389719, 0.6788530188302199]"
)


def test_each_list_is_the_series_its_name_line_names():
    monitor = read(TAIL)
    store = monitor.store
    assert store["Training loss"].values.tolist() == [
        0.689244130771318, 0.686096156071759, 0.683946813651902, 0.680722353701107, 0.677518871016131
    ]
    assert steps(monitor, "Validation loss") == [1, 2, 3, 4, 5]
    assert (store["Training loss"].split, store["Validation loss"].split) == ("train", "val")


def test_the_whole_log_gets_its_held_out_loss():
    store = read(DATA7901.read_bytes()).store
    assert (store.primary_train, store.primary_val) == ("loss", "Validation loss")
    assert (len(store["loss"]), len(store["Training loss"]), len(store["Validation loss"])) == (60, 10, 10)
    assert store["Validation loss"].values[-1] == 0.6669773037234942


def test_a_numpy_array_wrapped_over_lines_and_a_rule_under_the_name():
    # numpy wraps an array's str at 75 columns; print("=" * 70) may stand between the name and it
    text = (
        "Acc:0.601050, Avg Loss: 0.021007\n"
        "Validation Loss\n" + "=" * 70 + "\n"
        "[0.68902745 0.68702057 0.68479489 0.68124802 0.67885302 0.67749096\n"
        " 0.67565199 0.67261263 0.66824651 0.6669773 ]\n"
    )
    monitor = read(text)
    assert len(monitor.store["Validation Loss"]) == 10
    assert steps(monitor, "Validation Loss")[-1] == 10
    assert read("Done\nModel Loss\n[np.float64(0.69), np.float64(0.68), np.float64(0.66)]\n").store["Model Loss"].values.tolist() == [0.69, 0.68, 0.66]


@pytest.mark.parametrize(
    "text",
    [
        # a dumped configuration: "LOSS:" is a section, the line under it a setting whose key the
        # logging prefixes cut off (tests/corpus/pidnet-cityscapes-resumed-iter-lines-val-same-key)
        "LOSS:\n  BALANCE_WEIGHTS: [0.4, 1.0]\n  CLASS_BALANCE: False\n",
        # a list of anything but numbers under a name: ("training time", then the times)
        "training loss time\n['0:00:45', '0:00:44', '0:00:45']\n",
        # a name that is no loss, metric or learning rate: predictions, indices
        "Predictions\n[0.12, 0.87, 0.45, 0.91]\n",
        # one value is a summary, not a run
        "Validation loss\n[0.6669773037234942]\n",
        # the list not on the very next line
        "Training loss\nEpoch 10 done\n[0.68, 0.67, 0.66]\n",
        # a sentence is no name
        "The training loss went down steadily over the epochs\n[0.68, 0.67, 0.66]\n",
    ],
)
def test_what_is_no_named_list_gives_no_series(text):
    assert len(read("Done training\n" + text).store) == 0


def test_a_name_line_and_a_list_body():
    assert list_name("Training loss") == "Training loss"
    assert list_name("  val_losses  ") == "val_losses"
    assert list_name("LOSS:") is None
    assert list_name("Epochs") is None
    values = list_values("0.5, 1e-3,  nan")
    assert values[:2] == [0.5, 0.001] and values[2] != values[2]
    assert list_values("0.5, 'a'") is None


# holdout19i's andrew04201122/LearnModify log/train_log_1.txt (corpus learnmodify-train-log-1-python-
# lists-of-tensors), its loss line cut to 5 of its 100 items: each per-step list printed whole after
# its name, the items torch scalars with their grad_fn
TENSOR_LIST = (
    "MVC_diff_log: [0.46, 0.38, 0.54, 0.6, 0.5]\n"
    "loss_log: [tensor(2.4031, grad_fn=<AddBackward0>), tensor(1.7779, grad_fn=<AddBackward0>), "
    "tensor(2.2428, grad_fn=<AddBackward0>), tensor(2.3321, grad_fn=<AddBackward0>), tensor(1.9616, grad_fn=<AddBackward0>)]\n"
)


def test_a_name_and_its_list_on_one_line():
    monitor = read(TENSOR_LIST)
    assert monitor.store["loss_log"].values.tolist() == [2.4031, 1.7779, 2.2428, 2.3321, 1.9616]
    assert steps(monitor, "loss_log") == [1, 2, 3, 4, 5]
    assert monitor.store.primary_train == "loss_log"
    # a tensor on a device is a scalar's repr too
    on_gpu = read("loss: [tensor(0.52, device='cuda:0'), tensor(0.48, device='cuda:0'), tensor(0.45, device='cuda:0'), "
                  "tensor(0.41, device='cuda:0')]\n")
    assert on_gpu.store["loss"].values.tolist() == [0.52, 0.48, 0.45, 0.41]
    # printed again as the history so far, one value longer: only the new value is a new point
    again = read("val_loss: [0.9, 0.8, 0.7, 0.65]\nval_loss: [0.9, 0.8, 0.7, 0.65, 0.6]\n")
    assert again.store["val_loss"].values.tolist() == [0.9, 0.8, 0.7, 0.65, 0.6]
    # two or three numbers in brackets are as often one vector: not a run
    vector = read("loss_weights: [0.5, 0.3, 0.2]\n").store
    assert "loss_weights" not in {s.name for s in vector} or len(vector["loss_weights"]) <= 1


# print(history.history), or a script's dict of lists printed whole: Python's repr on one line
HISTORY = (
    "{'loss': [0.6892, 0.5301, 0.4417, 0.3988], 'accuracy': [0.55, 0.71, 0.78, 0.81], "
    "'val_loss': [0.6120, 0.5012, 0.4790, 0.4825], 'val_accuracy': [0.66, 0.75, 0.77, 0.77]}\n"
)


def test_a_printed_dict_of_lists_is_the_runs_history():
    monitor = read("Training finished\n" + HISTORY)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss", "val_loss")
    assert monitor.store["val_loss"].values.tolist() == [0.6120, 0.5012, 0.4790, 0.4825]
    # numpy 2 prints its scalars by name
    numpy2 = HISTORY.replace("0.6892", "np.float64(0.6892)").replace("0.5301", "np.float64(0.5301)")
    assert read(numpy2).store["loss"].values.tolist() == [0.6892, 0.5301, 0.4417, 0.3988]


def test_a_printed_history_after_the_fit_adds_no_points_and_data_is_no_history():
    fit = "".join(
        f"Epoch {e}/4\n32/32 [==============================] - 1s 3ms/step - loss: {loss} - val_loss: {val}\n"
        for e, loss, val in ((1, 0.6892, 0.6120), (2, 0.5301, 0.5012), (3, 0.4417, 0.4790), (4, 0.3988, 0.4825))
    )
    monitor = read(fit + HISTORY)
    assert len(monitor.store["loss"]) == 4 and len(monitor.store["val_loss"]) == 4
    # a dataset's example holds lists too, and no loss
    example = "{'answer_start': [515, 600, 702], 'text': ['a', 'b', 'c']}\n" * 3
    assert "answer_start" not in read(example).store
    # code, not a literal, is never run
    assert read("{'loss': [__import__('os').getpid(), 1, 2]}\n").store.primary_train is None
