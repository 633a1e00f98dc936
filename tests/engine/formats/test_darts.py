"""DARTS-style logs: a pass, its batch number, running loss and top-1/top-5, no names (formats/darts.py)."""

from parse_helpers import read, steps

# AI-Tech-Research-Lab/AsquaredM @7adccf8 wandb/latest-run/files/output.log: the start of epoch 0,
# its training reports every 50 batches, its validation pass, and the start of epoch 1.
ASQUAREDM = """\
05/31 03:17:16 PM epoch 0 lr 2.498816e-02
05/31 03:17:16 PM epoch 0 epsilon_alpha 3.000000e-02
05/31 03:17:16 PM genotype = [('avg_pool_3x3', 0), ('nor_conv_3x3', 0), ('none', 1), ('avg_pool_3x3', 0), ('nor_conv_1x1', 1), ('none', 2)]
05/31 03:17:18 PM train 000 2.345711e+00 6.250000 54.687500
05/31 03:17:37 PM train 050 2.092995e+00 21.292892 73.621323
05/31 03:17:57 PM train 100 2.002135e+00 24.118193 78.326111
05/31 03:18:17 PM train 150 1.954976e+00 25.651903 80.329056
05/31 03:18:42 PM train 200 1.916757e+00 27.215485 81.724190
05/31 03:19:07 PM train 250 1.885646e+00 28.280628 82.800049
05/31 03:19:31 PM train 300 1.858767e+00 29.396801 83.528862
05/31 03:19:56 PM train 350 1.837533e+00 30.172720 84.058937
05/31 03:20:16 PM train_acc 30.920000
05/31 03:20:16 PM valid 000 1.599697e+00 43.750000 84.375000
05/31 03:20:20 PM valid 050 1.724914e+00 35.232845 88.204659
05/31 03:20:22 PM valid 100 1.717462e+00 35.937500 88.768562
05/31 03:20:24 PM valid 150 1.719508e+00 35.854717 88.451988
05/31 03:20:26 PM valid 200 1.708984e+00 36.466106 88.502800
05/31 03:20:29 PM valid 250 1.713571e+00 36.379482 88.427544
05/31 03:20:31 PM valid 300 1.717246e+00 36.290489 88.424004
05/31 03:20:33 PM valid 350 1.715475e+00 36.449429 88.452637
05/31 03:20:35 PM valid_acc 36.343998
05/31 03:20:36 PM Best model found at epoch 0
/home/gambella/env/lib/python3.11/site-packages/torch/optim/lr_scheduler.py:854: UserWarning: To get the last learning rate computed by the scheduler, please use `get_last_lr()`.
  warnings.warn("To get the last learning rate computed by the scheduler, "
05/31 03:20:36 PM epoch 1 lr 2.495858e-02
"""


def test_the_training_reports_and_the_validation_pass_last_report():
    monitor = read(ASQUAREDM)
    assert monitor.format_id == "darts"
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train_loss", "valid_loss")
    assert list(monitor.store["train_loss"].values)[:2] == [2.345711, 2.092995]
    assert steps(monitor, "train_loss") == [0, 50, 100, 150, 200, 250, 300, 350]
    # the pass's running means: its last report is the pass's loss, at the step training reached
    assert list(monitor.store["valid_loss"].values) == [1.715475] and steps(monitor, "valid_loss") == [350]
    assert list(monitor.store["valid_top1"].values) == [36.449429]


def test_an_epoch_whose_counter_starts_over_goes_on_from_the_last():
    # (the format's lines; these numbers are the test's own)
    lines = "".join(f"01/02 10:00:{k:02d} AM train {b:03d} {2.0 - k / 10:e} 10.0 50.0\n" for k, b in enumerate([0, 50, 100, 0, 50]))
    assert steps(read(lines), "train_loss") == [0, 50, 100, 150, 200]
