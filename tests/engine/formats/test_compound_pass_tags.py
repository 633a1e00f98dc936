"""A held-out pass whose tag joins two split words (issue 12): a copy of PyTorch's ImageNet example
prints its validation batches as ``Test-VAL: [10/27]\\tTime ...\\tLoss 0.4926 (0.4800)`` instead
of ``Test: [10/27]`` (tests/corpus/gru-image-sequence-result-log-prec1). Like ``Test:``, the tag
and its count name the pass the values belong to; read as a metric "Test-VAL" of value 10, they
were not, and the batches of the held-out pass went into the training ``Loss``."""

from parse_helpers import read

# (real lines of that log: the end of an epoch, its validation pass, the next epoch's first batches)
GRU = """Epoch: [7][100/114]\tTime 0.013 (0.015)\tData 0.000 (0.000)\tLoss 0.3401 (0.5571)\tPrec@1 100.000 (71.000)\t
Epoch: [7][110/114]\tTime 0.013 (0.015)\tData 0.000 (0.000)\tLoss 0.3398 (0.5589)\tPrec@1 100.000 (70.455)\t
 * train Prec@1 70.175 
 * train Loss 0.5567 
Test-VAL: [10/27]\tTime 0.001 (0.001)\tLoss 0.5274 (0.4482)\tPrec@1 100.000 (80.000)\t
Test-VAL: [20/27]\tTime 0.001 (0.001)\tLoss 0.4222 (0.4834)\tPrec@1 100.000 (80.000)\t
 * VAL Prec@1 62.963 
 * VAL Loss 0.7327 
0.001
Epoch: [8][10/114]\tTime 0.013 (0.013)\tData 0.000 (0.000)\tLoss 0.2040 (0.3207)\tPrec@1 100.000 (100.000)\t
Epoch: [8][20/114]\tTime 0.018 (0.015)\tData 0.000 (0.000)\tLoss 0.3653 (0.3407)\tPrec@1 100.000 (97.500)\t
"""


def test_the_batches_of_a_test_val_pass_are_not_training_records():
    store = read(GRU).store
    assert store["Loss"].values.tolist() == [0.3401, 0.3398, 0.204, 0.3653]
    assert store["Loss"].steps.tolist() == [7 * 114 + 100, 7 * 114 + 110, 8 * 114 + 10, 8 * 114 + 20]
    assert store["Test/Loss"].split == "test"
    assert store["Test/Loss"].values.tolist() == [0.5274, 0.4222]
    assert "Test-VAL" not in store
    assert (store.primary_train, store.primary_val) == ("Loss", "VAL Loss")


def test_the_same_pass_under_other_joined_split_words():
    for tag in ("Val-Test", "eval_test", "TEST-VAL"):
        store = read(GRU.replace("Test-VAL", tag)).store
        assert store["Loss"].values.tolist() == [0.3401, 0.3398, 0.204, 0.3653], tag
        assert tag not in store


def test_a_joined_name_with_another_word_is_no_pass_tag():
    # "Test-acc: [10]" is a metric like any other: one of its words is no split word
    store = read(GRU.replace("Test-VAL", "Test-acc")).store
    assert store["Test-acc"].values.tolist() == [10, 20]
    assert "Test/Loss" not in store
