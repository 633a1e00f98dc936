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


# tests/corpus/dahcl-train-metrics-csv-total-column-prefix (JYREN-Source/DAHCL logs/train_metrics.csv,
# header and first 3 rows): a CSV of one epoch per row whose loss terms (ce, domain, phcl, pl,
# proxy_reg) stand beside their weighted sum, named "total" alone.
DAHCL = """\
epoch,lr,lambda_mid,ce,domain,phcl,pl,proxy_reg,total,dpas_cos,gamma_diff,logits_diff
1,5.9999999999999995e-05,1.0,2.573435566212871,1.0985116521910865,0.08860286073943618,0.0,0.00028683606588217147,2.727588398621814,0.9967318997524752,0.0,0.05863303005105198
2,0.00011999999999999999,1.0,2.518354812470993,1.0800940896024798,0.013778185388903217,0.0,0.0002979534268402264,2.633253569650178,0.9887598623143564,0.0,0.11696964679378094
3,0.00017999999999999998,1.0,2.263659184521968,1.0761653072763198,0.04413651768579194,0.0,0.00032630613065638236,2.393344257137563,0.9463422416460396,0.0,0.35505419438428215
"""


def test_a_total_column_beside_loss_columns_is_the_loss():
    monitor = read(DAHCL)
    assert monitor.store.primary_train == "total"
    assert series(monitor)["total"] == ("train", "loss", 3, 2.393344257137563)


def test_a_total_column_of_counts_is_no_series():
    # The same table with a count in "total" (whole numbers): a count, not a sum of the losses.
    counts = DAHCL.replace(",2.727588398621814,", ",2048,").replace(",2.633253569650178,", ",4096,")
    counts = counts.replace(",2.393344257137563,", ",6144,")
    got = series(read(counts))
    assert "total" not in got and got["ce"][:2] == ("train", "loss")
