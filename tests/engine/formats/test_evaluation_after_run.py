"""A held-out loss printed alone after a run, under an "Evaluating ..." heading, is the trained
model's evaluation, not a new point of the run's curve. DL-F-Mini-Project's training_output.txt
(tests/corpus/ik-robot-utf16-training-output-five-runs) prints "Test Loss" on every 20th epoch
line and again alone after four of its five runs: read as records at the run's last epoch, the
series had 27 points for 23 epoch lines. Such a line names only held-out losses the run's stepped
lines print, and prints no step: at the step the run ended on it adds no point."""

from parse_helpers import CORPUS, read

# (real lines of that log, decoded from its UTF-16LE)
LINES = (
    "4. Training DeepFC3DOF for DLS-level accuracy (1e-6 rad precision)\n"
    "  Epoch  20 | Train Loss: 0.040548 | Test Loss: 0.015986 | Test Acc: 0.00%\n"
    "  Epoch  40 | Train Loss: 0.034372 | Test Loss: 0.012766 | Test Acc: 0.00%\n"
    "  Epoch  60 | Train Loss: 0.033192 | Test Loss: 0.017945 | Test Acc: 0.00%\n"
    "  Early stopping at epoch 60\n"
    "  Training statistics saved to logs/rrr_deep.csv\n"
    "Model saved: models/rrr_deep.pth\n"
    "\n"
    "4b. Evaluating DeepFC3DOF at 1e-6 rad precision\n"
    "  Test Loss: 0.017945\n"
    "  Accuracy (1.00e-06 rad): 0.00%\n"
    "\n"
    "1. Training Simple4Layer6DOF on CONSISTENT dataset (0.5 rad precision)\n"
    "  Epoch  20 | Train Loss: 0.179645 | Test Loss: 0.182417 | Test Acc: 43.72%\n"
    "  Epoch  40 | Train Loss: 0.160640 | Test Loss: 0.171702 | Test Acc: 45.40%\n"
)


def test_the_evaluation_after_a_run_adds_no_point():
    monitor = read(LINES)
    assert monitor.store["Test Loss"].values.tolist() == [0.015986, 0.012766, 0.017945, 0.182417, 0.171702]
    assert monitor.store["Test Loss"].steps.tolist() == [20, 40, 60, 20, 40]
    assert len(monitor.store["Train Loss"]) == 5


def test_the_whole_log_reads_the_epoch_lines_only():
    monitor = read((CORPUS / "ik-robot-utf16-training-output-five-runs" / "training_output.txt").read_bytes())
    assert len(monitor.store["Test Loss"]) == len(monitor.store["Train Loss"]) == 23


# Real lines: tests/corpus/water-python-pso-bp-train-test-mse-log (1807676448/Water_Python
# outputs/training_log.txt), the last epoch lines and the evaluation tables after the run.
_WATER_END = """\
Epoch 0950/10000, Train MSE: 0.03388793, Test MSE: 0.02410925, LR: 2.50e-03
Epoch 1000/10000, Train MSE: 0.03388998, Test MSE: 0.02411447, LR: 2.50e-03
Epoch 1050/10000, Train MSE: 0.03389198, Test MSE: 0.02411965, LR: 2.50e-03
验证损失不再下降，提前停止。epoch=1078, best_test_mse=0.02362380
已恢复最佳验证损失模型 (Test MSE=0.02362380)

========== 模型总体评估 ==========
Train -> R2: 0.913778, RMSE: 0.718347, MAPE: 9.7337%, MSE: 0.51602280
Test  -> R2: 0.900624, RMSE: 0.606241, MAPE: 8.0192%, MSE: 0.36752760
[OK] Train/Test R² 差距合理 (0.013)，泛化能力良好。

========== 分输出评估(Test) ==========
COD_lab -> R2: 0.900163, RMSE: 0.857055, MAPE: 8.0945%, MSE: 0.73454332
UV254_lab -> R2: 0.901086, RMSE: 0.022625, MAPE: 7.9439%, MSE: 0.00051191
"""


def test_a_table_of_evaluations_after_the_run_gives_no_series():
    """Rows of one table, each another item's values ("Train -> R2: ...", "COD_lab -> R2: ..."),
    at the step the run ended on: no points of a curve (they made 3-point series R2, RMSE, MAPE
    and MSE)."""
    store = read(_WATER_END).store
    names = {series.name for series in store}
    assert names.isdisjoint({"R2", "RMSE", "MAPE", "MSE", "Test/R2", "Test/RMSE", "Test/MAPE", "Test/MSE"})
    assert len(store["Train MSE"]) == 3 and len(store["Test MSE"]) == 3


# Real lines: tests/corpus/harmful-meme-losses-txt-epoch-loss-and-validation (AdvaitaMallik/
# Harmful-meme-detection losses.txt), the last two epochs and the two evaluations after the run,
# each with its sklearn classification report (shortened to its first rows here).
_MEME_END = """\
Epoch 19/20, Loss: 1.2428
Validation Loss: 1.2852
              precision    recall  f1-score   support

        NoAg       0.63      0.54      0.58       181
         GAg       0.58      0.69      0.63       144

Epoch 20/20, Loss: 1.2409
Validation Loss: 1.2900
              precision    recall  f1-score   support

        NoAg       0.68      0.44      0.53       181
         GAg       0.52      0.72      0.61       144

Loss: 1.2825
              precision    recall  f1-score   support

        NoAg       0.59      0.64      0.61       181
         GAg       0.62      0.62      0.62       144

Evaluating on test data...
Loss: 1.2867
              precision    recall  f1-score   support

        NoAg       0.56      0.60      0.58       182
         GAg       0.66      0.62      0.64       144
"""


def test_evaluations_after_the_last_epoch_under_the_training_name_add_no_point():
    """After "Epoch 20/20" (the count reached the total it runs to) the trained model is
    evaluated twice under the training loss's bare name, "Loss: 1.2825" and "Loss: 1.2867",
    with no step of their own: they were read as two more training points at epoch 20."""
    store = read(_MEME_END).store
    assert store["Loss"].values.tolist() == [1.2428, 1.2409]
    assert store["Loss"].steps.tolist() == [19, 20]
    assert store["Validation Loss"].values.tolist() == [1.2852, 1.29]


def test_the_whole_meme_log_reads_one_training_point_per_epoch():
    monitor = read((CORPUS / "harmful-meme-losses-txt-epoch-loss-and-validation" / "losses.txt").read_bytes())
    assert len(monitor.store["Loss"]) == len(monitor.store["Validation Loss"]) == 20


# Real lines: tests/corpus/cs231n-two-layer-net-octave-trace (tpucci/apprentissage-automatique),
# a sweep of runs that each end on "iteration 1000 / 1000" and then print their own evaluation.
_SWEEP = """\
iteration 900 / 1000: loss 1.994047
iteration 1000 / 1000: loss 1.859101
Validation accuracy: 0.290000
iteration 100 / 1000: loss 1.903683
iteration 900 / 1000: loss 1.393585
iteration 1000 / 1000: loss 1.322047
Validation accuracy: 0.490000
Training  accuracy: 0.518347
"""


def test_a_run_s_own_evaluation_after_its_last_step_stays_a_point():
    """Names the last stepped line did not print are the run's evaluation, not a re-evaluation
    under the training name: each run's "Validation accuracy" stays."""
    store = read(_SWEEP).store
    assert store["Validation accuracy"].values.tolist() == [0.29, 0.49]
    assert len(store["loss"]) == 5
