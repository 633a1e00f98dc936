"""pytorch-cifar's progress_bar (kuangliu/pytorch-cifar utils.py, copied into many repositories)
prints the training loop and the test loop alike, 'Loss: %.3f | Acc: %.3f%% (%d/%d)' after the
bar: only the bar's batch count tells the passes apart (391 batches of CIFAR-10's training set,
100 of its test set). The first count is the training loop's; the other is the held-out pass.

Real lines: tests/corpus/streethagore-pytorch-cifar-resnet50-log-progress-bar-train-test
(resnet50.log, a terminal's copy: each bar's last frame, its count written over the bar's middle).
"""

from parse_helpers import CORPUS, read, steps

LOG = CORPUS / "streethagore-pytorch-cifar-resnet50-log-progress-bar-train-test" / "resnet50.log"

# resnet50.log lines 12-22
TWO_EPOCHS = """\
Epoch: 0
 [============================ 391/391 ===========================>]  Step: 1s194ms | Tot: 45s885ms | Loss: 2.703 | Acc: 15.342% (7671/50000)
 [============================ 100/100 ===========================>]  Step: 34ms | Tot: 3s829ms | Loss: 1.979 | Acc: 26.170% (2617/10000)
Saving..

Epoch: 1
 [============================ 391/391 ===========================>]  Step: 75ms | Tot: 43s169ms | Loss: 1.806 | Acc: 32.240% (16120/50000)
 [============================ 100/100 ===========================>]  Step: 36ms | Tot: 3s647ms | Loss: 1.669 | Acc: 39.530% (3953/10000)
Saving..
"""


def test_the_test_loops_bar_is_the_held_out_pass():
    store = read(TWO_EPOCHS).store
    assert (store.primary_train, store.primary_val) == ("Loss", "Test/Loss")
    assert store["Loss"].values.tolist() == [2.703, 1.806]
    assert store["Test/Loss"].values.tolist() == [1.979, 1.669]
    assert store["Test/Acc"].values.tolist() == [26.17, 39.53]


def test_the_whole_log():
    monitor = read(LOG.read_bytes())
    store = monitor.store
    assert (len(store["Loss"]), len(store["Test/Loss"])) == (100, 100)
    assert steps(monitor, "Test/Loss")[:3] == [0, 1, 2]
