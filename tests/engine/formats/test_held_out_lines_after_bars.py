"""A held-out pass's line after a training bar (issue 12): the MNIST course notebooks draw each
epoch's training as a tqdm description, ``Loss=0.0556 Batch_id=468 Accuracy=90.76: 100%|...|
469/469``, then print ``Test set: Average loss: 0.0779, Accuracy: 9759/10000 (97.59%)``
(tests/corpus/eva4-assignment6-readme-l1-l2-logs, session66-mnist-readme-test-logs). The test
line's "Accuracy" is the test pass's, not the bar's running training accuracy: it does not make the
bar a running figure of its own lines, and the training Loss of the bars is read."""

from parse_helpers import read

# (real lines of eva4-assignment6's Readme.md: the first epochs of its first run)
EVA4 = """### Without L1 & L2
  0%|          | 0/469 [00:00<?, ?it/s]EPOCH: 0
Loss=0.05557243153452873 Batch_id=468 Accuracy=90.76: 100%|██████████| 469/469 [00:14<00:00, 32.05it/s]
  0%|          | 0/469 [00:00<?, ?it/s]
Test set: Average loss: 0.0779, Accuracy: 9759/10000 (97.59%)

EPOCH: 1
Loss=0.024269217625260353 Batch_id=468 Accuracy=97.63: 100%|██████████| 469/469 [00:14<00:00, 32.20it/s]
  0%|          | 0/469 [00:00<?, ?it/s]
Test set: Average loss: 0.0361, Accuracy: 9884/10000 (98.84%)

EPOCH: 2
Loss=0.17050786316394806 Batch_id=468 Accuracy=98.11: 100%|██████████| 469/469 [00:14<00:00, 32.27it/s]
  0%|          | 0/469 [00:00<?, ?it/s]
Test set: Average loss: 0.0350, Accuracy: 9886/10000 (98.86%)

EPOCH: 3
Loss=0.05387045815587044 Batch_id=468 Accuracy=98.34: 100%|██████████| 469/469 [00:14<00:00, 31.86it/s]
  0%|          | 0/469 [00:00<?, ?it/s]
Test set: Average loss: 0.0393, Accuracy: 9873/10000 (98.73%)
"""


def test_the_bars_training_loss_is_read_beside_the_test_pass():
    store = read(EVA4).store
    assert (store.primary_train, store.primary_val) == ("Loss", "Test set/Average loss")
    assert store["Loss"].values.tolist() == [0.05557243153452873, 0.024269217625260353, 0.17050786316394806, 0.05387045815587044]
    assert store["Loss"].steps.tolist() == [0, 1, 2, 3]
    assert store["Accuracy"].values.tolist() == [90.76, 97.63, 98.11, 98.34]
    assert store["Test set/Accuracy"].values.tolist() == [9759, 9884, 9886, 9873]


def test_a_training_line_with_the_bars_names_still_makes_them_running_figures():
    # the epoch's own training line logs the bar's names: the bars were its running figures
    store = read(EVA4.replace("Test set: Average loss", "Train set: Loss")).store
    assert [series.name for series in store] == ["Loss", "Accuracy"]
    assert store["Loss"].values.tolist() == [0.0779, 0.0361, 0.035, 0.0393]
