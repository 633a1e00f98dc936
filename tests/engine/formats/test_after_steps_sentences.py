"""The step a sentence opens with and a metric named by what it was measured on (issue 12,
holdout7): ``After 1001 training step(s), loss on training batch is 0.232921.``, as the TF1
MNIST tutorials print them."""

from parse_helpers import read

from lossmon.engine.formats.pairs import message_pairs

# tests/corpus/ml-dp-tf1-after-n-training-steps-py-capture (test_result.py, lines 17-23 and 53-57):
# a TF1 console capture pasted into a .py file, then a second run's validation lines.
TF1 = """\
Extracting /tmp/data/t10k-labels-idx1-ubyte.gz
After 1 training step(s), loss on training batch is 3.08818.
After 1001 training step(s), loss on training batch is 0.232921.
After 2001 training step(s), loss on training batch is 0.213298.
After 3001 training step(s), loss on training batch is 0.140477.
After 4001 training step(s), loss on training batch is 0.135925.
After 5001 training step(s), loss on training batch is 0.11498.


Extracting /tmp/data/t10k-labels-idx1-ubyte.gz
After 1001 training step(s), validation accuracy = 0.9772
After 2001 training step(s), validation accuracy = 0.982
After 3001 training step(s), validation accuracy = 0.9826
"""


def pairs_of(text: str) -> list[tuple[str, float]]:
    return [(pair.name, pair.value) for pair in message_pairs(text)]


def test_the_sentence_gives_its_step_and_its_loss():
    assert pairs_of("After 1001 training step(s), loss on training batch is 0.232921.") == [
        ("step", 1001), ("loss on training batch", 0.232921)
    ]
    assert pairs_of("After 1001 training step(s), validation accuracy = 0.9772") == [
        ("step", 1001), ("validation accuracy", 0.9772)
    ]


def test_the_same_sentence_in_other_words():
    # the same book's other examples, and the plain "after N steps/epochs" of other tutorials
    assert pairs_of("After 0 training step(s), cross entropy on all data is 0.0674925") == [
        ("step", 0), ("cross entropy on all data", 0.0674925)
    ]
    assert pairs_of("After 5000 training step(s), validation accuracy using average model is 0.9826 ") == [
        ("step", 5000), ("validation accuracy using average model", 0.9826)
    ]
    assert pairs_of("After 1000 steps, loss is 0.5") == [("step", 1000), ("loss", 0.5)]
    assert pairs_of("After 3 epochs: loss = 0.3, acc = 0.9") == [("epoch", 3), ("loss", 0.3), ("acc", 0.9)]
    assert pairs_of("After 100 batches, loss on the validation set is 0.4") == [
        ("step", 100), ("loss on the validation set", 0.4)
    ]


def test_no_step_and_no_pair_in_prose():
    assert pairs_of("After training, loss is 0.3") == [("loss", 0.3)]  # no count: no step
    assert "step" not in dict(pairs_of("After 3 hours, loss is 0.3"))  # a time, no step
    # a preposition before the metric, or a sentence after it, names nothing
    assert pairs_of("the loss of the model is 0.3") == []
    assert pairs_of("step 3: loss on the is 0.2") == [("step", 3)]
    assert pairs_of("step 3: loss of this run and that is 0.2") == [("step", 3)]


def test_the_capture_reads_as_a_stepped_loss_and_its_validation():
    monitor = read(TF1)
    assert monitor.store.primary_train == "loss on training batch"
    loss = monitor.store["loss on training batch"]
    assert loss.steps.tolist() == [1, 1001, 2001, 3001, 4001, 5001]
    assert loss.values.tolist()[:2] == [3.08818, 0.232921]
    assert monitor.store["validation accuracy"].values.tolist() == [0.9772, 0.982, 0.9826]
