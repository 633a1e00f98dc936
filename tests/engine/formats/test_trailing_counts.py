"""A count out of its total after a line's one value (issue 12): the PyTorch quickstart tutorial's
train loop prints ``print(f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")``, one line per 100
batches, under ``Epoch 1`` and a rule. The bracket says how far the pass has come; the line is a
record, not "one number in a sentence" (every such line was dropped, and the test pass's
``Avg loss`` became the training loss). The test pass's title, ``Test Error: `` alone on its line,
gives its pass to the values on the next line."""

import pytest
from parse_helpers import read

_QUICKSTART = (
    "Epoch 1\n-------------------------------\n"
    "loss: 2.303592  [   64/60000]\n"
    "loss: 2.291730  [ 6464/60000]\n"
    "loss: 2.272951  [12864/60000]\n"
    "Test Error: \n Accuracy: 45.2%, Avg loss: 2.150231 \n\n"
    "Epoch 2\n-------------------------------\n"
    "loss: 2.158204  [   64/60000]\n"
    "loss: 2.151392  [ 6464/60000]\n"
    "loss: 2.101730  [12864/60000]\n"
    "Test Error: \n Accuracy: 55.9%, Avg loss: 1.953022 \n\n"
)


def test_the_quickstart_loop_reads_every_batch_loss_as_the_training_loss():
    store = read(_QUICKSTART).store
    assert store.primary_train == "loss"
    assert store["loss"].values.tolist() == [2.303592, 2.29173, 2.272951, 2.158204, 2.151392, 2.10173]
    # "Test Error: " alone on its line titles the values on the next one: the test pass's
    assert store.primary_val == "Test/Avg loss"
    assert store["Test/Avg loss"].values.tolist() == [2.150231, 1.953022]
    assert store["Test/Accuracy"].split == "test"


def test_a_title_gives_its_pass_to_the_next_line_only():
    # tf.estimator-style "Validation measures:" blocks (tests/corpus/hypernym-tf-estimator-...):
    # the line under the title is the held-out pass's; a train line two lines later is not.
    text = "".join(
        f"step {n}: loss = 0.{9 - n}\n  Validation measures:\n    accuracy = 0.7{n}, AUC = 0.6{n}\n"
        f"\n    accuracy = 0.8{n}, AUC = 0.5{n}\n"
        for n in range(1, 5)
    )
    store = read(text).store
    assert store["Validation/accuracy"].values.tolist() == [0.71, 0.72, 0.73, 0.74]
    assert store["accuracy"].values.tolist() == [0.81, 0.82, 0.83, 0.84]


@pytest.mark.parametrize("count", ["[   64/60000]", "[64/60000 (0%)]", "(640/60000)", "[ 64 / 60000 ]"])
def test_a_bracketed_count_after_the_value_is_how_far_the_pass_has_come(count):
    text = "".join(f"loss: 0.{9 - n}1  {count}\n" for n in range(1, 6))
    assert read(text).store["loss"].values.tolist() == [0.81, 0.71, 0.61, 0.51, 0.41]


def test_a_sentence_with_one_number_still_is_no_record():
    text = "".join(f"Checkpoint saved (loss {n}.5) [{n}/5]\n" for n in range(1, 5))
    assert "loss" not in read(text).store
