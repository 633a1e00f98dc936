"""A loss named "total" alone (issue 12, holdout6). "total" usually counts or times something
("Total: 2000", "total: 207ms"); with a fraction and no unit, beside a step or a loss, it is the
loss the run optimises."""

from parse_helpers import read, series

# tests/corpus/fer-ssl-train-out-epoch-iter-total (train.out, lines 76-83 and 103-112): a
# pytorch-CycleGAN-and-pix2pix-style visualizer printing the model's loss_names, here one: "total".
FER = """\
[-1, -1, -1, -1, -1, -1, -1]
[-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0]
[epoch: 1/200, iter: 0/489] total: 1.640443 
[epoch: 1/200, iter: 25/489] total: 1.712007 
[epoch: 1/200, iter: 50/489] total: 1.713735 
[epoch: 1/200, iter: 75/489] total: 1.629313 
[epoch: 1/200, iter: 100/489] total: 1.683583 
[epoch: 1/200, iter: 125/489] total: 1.598625 
Validation accuracy: 0.440
Saving model at the end of epoch 1
End of epoch 1 / 200 \t Time Taken: 359.43022775650024 sec
learning rate = 0.0001000
[-1, -1, -1, -1, -1, -1, -1]
[-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0]
[epoch: 2/200, iter: 0/489] total: 1.512632 
[epoch: 2/200, iter: 25/489] total: 1.619099 
[epoch: 2/200, iter: 50/489] total: 1.576161 
[epoch: 2/200, iter: 75/489] total: 1.552652 
"""

# CatBoost's per-iteration line: its "total" is the time so far (tests/corpus/catboost-wandb-output-log-learn-test)
CATBOOST = """\
0:\tlearn: 2.4204049\ttest: 2.4029899\tbest: 2.4029899 (0)\ttotal: 207ms\tremaining: 3m 26s
100:\tlearn: 2.2076417\ttest: 2.1508823\tbest: 2.1508823 (100)\ttotal: 15.2s\tremaining: 2m 14s
200:\tlearn: 2.2001177\ttest: 2.1449871\tbest: 2.1449871 (200)\ttotal: 40.8s\tremaining: 2m 42s
300:\tlearn: 2.1949411\ttest: 2.1414563\tbest: 2.1414563 (300)\ttotal: 1m 3s\tremaining: 2m 28s
"""


def test_a_total_with_a_fraction_beside_the_step_is_the_loss():
    monitor = read(FER)
    assert monitor.store.primary_train == "total"
    assert series(monitor)["total"] == ("train", "loss", 10, 1.552652)


def test_a_total_that_counts_or_times_is_no_series():
    got = series(read(CATBOOST))
    assert "total" not in got and set(got) >= {"learn", "test"}
    counts = "".join(f"step {s} | loss {2 - s / 100:.3f} | Total: {s * 64}\n" for s in range(1, 6))
    assert "Total" not in series(read(counts))
    timed = "".join(f"iter {s}, loss: {2 - s / 100:.3f}, Total: 0.05{s} s/iter\n" for s in range(1, 6))
    assert "Total" not in series(read(timed))
