"""An epoch header that also names its batch out of the epoch's batches ("Epoch 000 | batch
0010/9565 (  0.1%) | 0.539s/batch") steps the records under it by that batch, counting on across
epochs (epoch * batches + batch). Read only as the epoch, every record under it shared step 0, and
after the first three the lines of one step were taken as one record: 3 of 337 points."""

from parse_helpers import read, steps

# RandLA-Net's training log (logs/log_train.txt of a RandLA-Net-Pytorch run): the batch line, then
# the running means of the epoch so far, one per line, with the pass's tag.
RANDLA = """\
**** EPOCH 000 / 149 ****
[TRAIN] Epoch 000 started | lr=0.00950000
[TRAIN] Epoch 000 | batch 0010/9565 (  0.1%) | 0.539s/batch
[TRAIN] mean acc: 0.089449
[TRAIN] mean loss: 25.243282
[TRAIN] Epoch 000 | batch 0020/9565 (  0.2%) | 0.195s/batch
[TRAIN] mean acc: 0.200200
[TRAIN] mean loss: 22.038450
[TRAIN] Epoch 000 | batch 0030/9565 (  0.3%) | 0.195s/batch
[TRAIN] mean acc: 0.219019
[TRAIN] mean loss: 15.039025
[TRAIN] Epoch 000 | batch 0040/9565 (  0.4%) | 0.196s/batch
[TRAIN] mean acc: 0.269422
[TRAIN] mean loss: 16.916006
[TRAIN] Epoch 000 | batch 0050/9565 (  0.5%) | 0.197s/batch
[TRAIN] mean acc: 0.234142
[TRAIN] mean loss: 17.630770
[TRAIN] Epoch 001 | batch 0010/9565 (  0.1%) | 0.195s/batch
[TRAIN] mean acc: 0.293880
[TRAIN] mean loss: 13.213502
"""


def test_each_record_under_an_epoch_and_batch_header_is_its_own_point():
    monitor = read(RANDLA)
    assert monitor.store["mean loss"].values.tolist() == [25.243282, 22.038450, 15.039025, 16.916006, 17.630770, 13.213502]
    assert steps(monitor, "mean loss") == [10, 20, 30, 40, 50, 9575]
    assert steps(monitor, "mean acc") == [10, 20, 30, 40, 50, 9575]


def test_the_named_batch_may_follow_a_comma_or_a_blank():
    for header in ("Epoch 000 | batch {b}/500", "epoch 0, iter {b}/500", "Epoch 0 step {b}/500"):
        text = "".join(f"{header.format(b=b)}\nloss: {1 / b:.4f}\n" for b in (100, 200, 300))
        assert steps(read(text), "loss") == [100, 200, 300], header


def test_the_batch_in_parentheses_after_the_epoch_steps_the_record():
    # qianyuwang/project-monet @8ef823b train_loss_log.txt (pix2pix-pytorch's print): the batch out
    # of the epoch's 200, in parentheses after the epoch; a run started again begins at 10/200
    text = (
        "===> Epoch[1](10/200): Loss: 0.0000000000\n===> Epoch[1](20/200): Loss: 0.0000000000\n"
        "===> Epoch[1](30/200): Loss: 0.0000000000\n===> Epoch[1](10/200): Loss: 0.0000000000\n"
    )
    monitor = read(text)
    assert steps(monitor, "Loss") == [210, 220, 230, 210]
    assert list(monitor.store["Loss"].values) == [0.0, 0.0, 0.0, 0.0]


def test_a_bare_batch_fraction_between_commas_steps_the_record():
    # mnist-moments' train_log.txt (corpus): runs that print "acc: 18.7500 | loss: 2.3017" per batch,
    # then runs that print the epoch and the batch out of 1875, unnamed, before the same names.
    # Read as lines stepped by the epoch alone, the later ones were its means ("epoch/loss"), and
    # "loss" kept only the first 94 of its 559 points.
    first = "".join(f"2024-02-23 22:25:02 | - acc: 18.7500 | loss: {2.3 - b / 1000:.4f}\n" for b in range(3))
    later = "".join(
        f"2024-02-23 22:30:42 | - epoch: {e}, {b}/1875, acc: 6.2500, loss: {2.2 - b / 1e4:.4f}\n"
        for e in (0, 1) for b in (0, 100, 200)
    )
    monitor = read(first + later)
    assert "epoch/loss" not in monitor.store and len(monitor.store["loss"]) == 9
    assert steps(monitor, "loss")[3:] == [0, 100, 200, 1875, 1975, 2075]
    # between pipes the fraction is a pass's progress under the epoch's step (formats.pass_rows)
    text = "".join(f"- Train | Epoch 1 | {b}/573 | 1.45 it/sec | Loss 0.2{b}\n" for b in (143, 286, 429))
    assert steps(read(text), "Loss") == [1, 1, 1]


# dimas263/NER-BERT bert.log (holdout23a): a BERT NER recipe's logging, the batch out of the
# run's batches bare after the epoch, and an eval line every 100 batches (its loss nan, as the
# train loss went nan from batch 96).
NER = """\
2022-06-26 03:34:10,659 - INFO - main.py - train - 99 - 【train】 epoch:0 96/1965 loss:nan
2022-06-26 03:34:10,877 - INFO - main.py - train - 99 - 【train】 epoch:0 99/1965 loss:nan
2022-06-26 03:34:15,554 - INFO - main.py - train - 105 - [eval] loss:nan precision=0.0000 recall=0.0000 f1_score=0.0000
2022-06-26 03:34:15,628 - INFO - main.py - train - 99 - 【train】 epoch:0 100/1965 loss:nan
2022-06-26 03:34:22,699 - INFO - main.py - train - 99 - 【train】 epoch:0 195/1965 loss:1.9205
2022-06-26 03:34:23,023 - INFO - main.py - train - 99 - 【train】 epoch:0 199/1965 loss:0.7769
2022-06-26 03:34:28,002 - INFO - main.py - train - 105 - [eval] loss:nan precision=0.5443 recall=0.0244 f1_score=0.0466
2022-06-26 03:34:28,100 - INFO - main.py - train - 99 - 【train】 epoch:0 200/1965 loss:0.9012
"""


def test_a_bare_batch_counter_after_the_epoch_is_the_step():
    store = read(NER).store
    assert store["loss"].steps.tolist() == [96.0, 99.0, 100.0, 195.0, 199.0, 200.0]
    assert store["eval/precision"].values.tolist() == [0.0, 0.5443]  # two evals, at two steps
    assert store["eval/precision"].steps.tolist() == [99.0, 199.0]
