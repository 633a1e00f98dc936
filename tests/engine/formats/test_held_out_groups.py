"""A held-out pass's values printed after a pair that names the split: cnn_graph's
"  validation accuracy: 0.4439 (272744 / 614400), iou (weighted): 0.1135, loss: 1.83e+00"
(holdout5a chebnet-no-newlines-step-loss-average-glued, lines as the script prints them)."""

from parse_helpers import read

CNN_GRAPH = """\
step 15 / 4000 (epoch 0.07 / 20):
  learning_rate = 1.00e-03, loss_average = 1.49e-01
  validation accuracy: 0.4439 (272744 / 614400), iou (weighted): 0.1135, loss: 1.83e+00
  time: 3456s (wall 310s)
step 30 / 4000 (epoch 0.15 / 20):
  learning_rate = 1.00e-03, loss_average = 7.27e-02
  validation accuracy: 0.4471 (274694 / 614400), iou (weighted): 0.1160, loss: 1.66e+00
  time: 6982s (wall 619s)
step 45 / 4000 (epoch 0.23 / 20):
  learning_rate = 1.00e-03, loss_average = 6.95e-02
  validation accuracy: 0.4502 (276623 / 614400), iou (weighted): 0.1187, loss: 1.58e+00
  time: 10532s (wall 929s)
"""


def test_the_loss_after_a_validation_metric_is_the_validation_loss():
    monitor = read(CNN_GRAPH)
    store = monitor.store
    assert (store.primary_train, store.primary_val) == ("loss_average", "loss")
    assert store["loss"].split == "val"
    assert store["loss"].values.tolist() == [1.83, 1.66, 1.58]
    assert store["loss"].steps.tolist() == [15.0, 30.0, 45.0]
    assert store["learning_rate"].split == "train"


def test_a_name_also_printed_outside_a_group_keeps_its_own_split():
    text = (
        "step 1: loss 2.50\nstep 1: val acc 0.40, loss 2.60\n"
        "step 2: loss 2.40\nstep 2: val acc 0.45, loss 2.55\n"
        "step 3: loss 2.30\nstep 3: val acc 0.47, loss 2.50\n"
    )
    store = read(text).store
    assert store["loss"].split == "train" and store.primary_train == "loss"


def test_every_held_out_word_opens_a_group():
    # The same lines with the split spelled as other scripts spell it ("dev" is NLP's usual name).
    for word, split in (("test", "test"), ("dev", "val"), ("eval", "val")):
        store = read(CNN_GRAPH.replace("validation accuracy", f"{word} accuracy")).store
        assert store["loss"].split == split, word
        assert store.primary_val == "loss", word
