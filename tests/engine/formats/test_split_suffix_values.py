"""A split's word in brackets right after the value says which pass it is of (issue 12): the
PyTorch torchtext tutorial's "Loss: 0.0261(train)  |  Acc: 84.7%(train)" then
"Loss: 0.0001(valid)  |  Acc: 89.3%(valid)" (tests/corpus/py2cs-torchtext-readme-loss-paren-train-valid).
Read as one name, the train, valid and test values were one series."""

from lossmon.engine.formats.pairs import message_pairs
from parse_helpers import CORPUS, read

# The real lines (cccbook/py2cs README.md, a captured run of the tutorial)
EPOCHS = (
    "Epoch: 1  | time in 0 minutes, 27 seconds\n"
    "        Loss: 0.0261(train)     |       Acc: 84.7%(train)\n"
    "        Loss: 0.0001(valid)     |       Acc: 89.3%(valid)\n"
    "Checking the results of test dataset...\n"
    "Epoch: 2  | time in 0 minutes, 28 seconds\n"
    "        Loss: 0.0119(train)     |       Acc: 93.7%(train)\n"
    "        Loss: 0.0001(valid)     |       Acc: 89.8%(valid)\n"
    "Checking the results of test dataset...\n"
)


def test_the_bracketed_split_joins_the_name():
    found = [(pair.name, pair.value) for pair in message_pairs("        Loss: 0.0001(valid)     |       Acc: 89.3%(valid)")]
    assert found == [("Loss(valid)", 0.0001), ("Acc(valid)", 89.3)]


def test_train_valid_and_test_values_are_three_series():
    store = read((CORPUS / "py2cs-torchtext-readme-loss-paren-train-valid" / "README.md").read_bytes()).store
    assert (store.primary_train, store.primary_val) == ("Loss(train)", "Loss(valid)")
    assert store["Loss(train)"].values.tolist() == [0.0261, 0.0119, 0.0068, 0.0039, 0.0023]
    assert len(store["Loss(valid)"]) == 5


def test_two_epochs_of_the_tutorial():
    store = read(EPOCHS).store
    assert store["Loss(train)"].values.tolist() == [0.0261, 0.0119]
    assert store["Loss(train)"].split == "train" and store["Loss(valid)"].split == "val"
    assert store["Acc(valid)"].values.tolist() == [89.3, 89.8]


def test_a_bracket_that_names_no_split_is_left_alone():
    found = [(pair.name, pair.value) for pair in message_pairs("Loss: 0.52(avg) | Acc: 84.7%(top1)")]
    assert found == [("Loss", 0.52), ("Acc", 84.7)]
