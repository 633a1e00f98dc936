"""A notebook's HTML progress table saved as text, one cell per line (issue 12, class 4): the
header's names from ``Step`` (or ``Epoch``) on, then each row's values in the same order. Before,
the lines held no pair and the log read nothing (only the numbers of a later rich table).

Real lines: tests/corpus/materialforge-unsloth-grpo-html-table-text (an Unsloth/TRL GRPO run in
Colab: 16 columns, 25 steps, blank lines between the rows).
"""

import pytest
from parse_helpers import CORPUS, read, steps

GRPO = (
    "      [25/25 49:38, Epoch 1/1]\n\n\n\n\n"
    "      Step\n      Training Loss\n      reward\n      reward_std\n      kl\n"
    "\n\n\n\n"
    "      1\n      0.000000\n      0.628294\n      0.116752\n      0.000000\n\n\n"
    "      2\n      -0.000000\n      0.590831\n      0.069843\n      0.000000\n\n\n"
    "      3\n      -0.000000\n      0.600394\n      0.185748\n      0.000022\n\n\n"
    "      4\n      -0.000001\n      0.651900\n      0.081437\n      0.000023\n\n\n"
)

# The Trainer's table when it evaluates every epoch: "No log" until the first training loss
EPOCHS = (
    "Epoch\nTraining Loss\nValidation Loss\nAccuracy\n"
    "1\nNo log\n0.412300\n0.812000\n"
    "2\n0.398100\n0.351200\n0.846000\n"
    "3\n0.281900\n0.342100\n0.851000\n"
    "Saving model checkpoint to ./results\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 23))
def test_each_row_is_a_record_at_its_step(chunk):
    monitor = read(GRPO, chunk=chunk)
    assert steps(monitor, "Training Loss") == [1, 2, 3, 4]
    assert monitor.store["reward"].values.tolist() == [0.628294, 0.590831, 0.600394, 0.6519]
    assert monitor.store["kl"].values.tolist() == [0.0, 0.0, 0.000022, 0.000023]
    assert monitor.store.primary_train == "Training Loss"


def test_a_cell_with_no_log_has_no_value_and_the_table_ends_at_a_line_of_words():
    monitor = read(EPOCHS)
    assert steps(monitor, "Training Loss") == [2, 3]
    assert steps(monitor, "Validation Loss") == [1, 2, 3]
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("Training Loss", "Validation Loss")


def test_a_step_over_names_that_hold_no_loss_is_no_table():
    text = "Step\nName\nPath\n1\n2\n3\n4\n5\n6\n"
    assert len(read(text).store) == 0


def test_the_whole_materialforge_log_is_read():
    monitor = read((CORPUS / "materialforge-unsloth-grpo-html-table-text" / "log.txt").read_bytes())
    assert len(monitor.store["Training Loss"]) == 25
    assert monitor.store.primary_train == "Training Loss"
