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
    # and the loss of the group is the held-out pass's, under the opener's split
    assert store["loss"].values.tolist() == [2.50, 2.40, 2.30]
    assert store.primary_val == "val/loss" and store["val/loss"].values.tolist() == [2.60, 2.55, 2.50]


def test_one_loss_name_after_a_training_and_a_validation_metric_is_two_series():
    # holdout27a's pinjui FDRL exp_1.log: the passes told apart by the metric that opens the line
    text = "".join(
        f"2022-04-13 16:04 INFO [Epoch {e}] Training accuracy: 0.{50 + e}84. Loss: {2.5 - e / 10:.3f}. LR 0.001000\n"
        f"2022-04-13 16:04 INFO [Epoch {e}] Validation accuracy:0.{60 + e}13. Loss:{1.5 - e / 20:.3f}\n"
        f"2022-04-13 16:04 INFO Best_acc:0.{60 + e}13\n"
        for e in range(1, 5)
    )
    store = read(text).store
    assert (store.primary_train, store.primary_val) == ("Loss", "Validation/Loss")
    assert store["Loss"].values.tolist() == [2.4, 2.3, 2.2, 2.1]
    assert store["Validation/Loss"].values.tolist() == [1.45, 1.4, 1.35, 1.3]


def test_every_held_out_word_opens_a_group():
    # The same lines with the split spelled as other scripts spell it ("dev" is NLP's usual name).
    for word, split in (("test", "test"), ("dev", "val"), ("eval", "val")):
        store = read(CNN_GRAPH.replace("validation accuracy", f"{word} accuracy")).store
        assert store["loss"].split == split, word
        assert store.primary_val == "loss", word
