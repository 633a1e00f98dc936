from pathlib import Path

import numpy as np

from lossmon.engine import check_file
from lossmon.engine.detectors.contradictory_metrics import ContradictoryMetrics
from tests.engine.detectors.series import feed, summary

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_recall_stuck_at_zero_while_the_loss_falls_warns_then_alerts():
    loss = np.linspace(0.7, 0.1, 8)
    findings = feed(ContradictoryMetrics("val_recall"), np.zeros(8), train_loss=loss)
    assert summary(findings) == [
        ("contradictory_metrics", "warn", 3.0),
        ("contradictory_metrics", "alert", 5.0),
    ]
    assert findings[0].message.startswith("val_recall stuck at 0 for 3 evaluations while the loss fell")


def test_a_frozen_accuracy_is_a_warning_and_a_moving_one_nothing():
    loss = np.linspace(0.7, 0.1, 8)
    assert [s for _, s, _ in summary(feed(ContradictoryMetrics("acc"), np.full(8, 0.9), train_loss=loss))] == ["warn"]
    assert feed(ContradictoryMetrics("acc"), np.linspace(0.5, 0.9, 8), train_loss=loss) == []


def test_a_stuck_metric_next_to_a_flat_loss_contradicts_nothing():
    assert feed(ContradictoryMetrics("recall"), np.zeros(8), train_loss=np.full(8, 0.7)) == []


def test_a_perfect_metric_is_not_stuck():
    assert feed(ContradictoryMetrics("recall"), np.ones(8), train_loss=np.linspace(0.7, 0.1, 8)) == []


def test_findings_are_the_same_in_any_batches():
    loss = np.linspace(0.7, 0.1, 12)
    recall = np.array([0.2, 0.3, 0, 0, 0, 0, 0, 0, 0.4, 0.4, 0.4, 0.4])
    whole = summary(feed(ContradictoryMetrics("recall"), recall, train_loss=loss))
    assert whole and summary(feed(ContradictoryMetrics("recall"), recall, [1, 4, 5, 9], train_loss=loss)) == whole


def test_a_saturated_metric_is_convergence_not_contradiction():
    loss = np.linspace(0.7, 0.6, 10)  # still creeping down, 14% in all
    accuracy = np.array([0.5, 0.7, 0.85, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9])
    assert feed(ContradictoryMetrics("val_accuracy"), accuracy, train_loss=loss) == []
    top1 = np.array([60.0, 80.0, 87.5, 87.5, 87.5, 87.5])
    assert feed(ContradictoryMetrics("eval_top1"), top1, train_loss=np.linspace(2.0, 1.2, 6)) == []


def test_an_auc_at_one_half_is_degenerate_and_a_recall_that_drops_to_zero_too():
    loss = np.linspace(0.7, 0.1, 8)
    auc = np.array([0.62, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5])
    assert [s for _, s, _ in summary(feed(ContradictoryMetrics("val_auc"), auc, train_loss=loss))] == ["warn", "alert"]
    recall = np.array([0.3, 0.4, 0, 0, 0, 0, 0, 0])
    found = feed(ContradictoryMetrics("recall"), recall, train_loss=loss)
    assert [f.severity for f in found] == ["warn", "alert"] and "stuck at 0 " in found[0].message


def test_a_metric_that_never_moved_says_so():
    found = feed(ContradictoryMetrics("acc"), np.full(8, 0.9), train_loss=np.linspace(0.7, 0.1, 8))
    assert "has not moved from 0.9 since its first evaluation" in found[0].message


# E2DTC (tests/corpus/e2dtc-trajectory-clustering-negative-loss-acc-falls): the clustering
# accuracy per epoch, and the total loss (its mean since the previous evaluation), which falls
# through zero; the first evaluation comes before any iteration.
E2DTC_ACC = [0.9127, 0.8973, 0.9046, 0.9034, 0.8974, 0.8942, 0.8913, 0.8891, 0.8847, 0.8815, 0.8833, 0.8786]
E2DTC_LOSS = [np.nan, 19.597, 0.9207, -0.5718, -1.0827, -0.9767, -1.2455, -1.3393, -1.3103, -1.4285, -1.4123,
              -1.4195]


def test_a_metric_that_steadily_worsens_while_the_loss_improves_warns():
    findings = feed(ContradictoryMetrics("Acc"), E2DTC_ACC, steps=100.0 * np.arange(12), train_loss=E2DTC_LOSS)
    assert [(f.severity, f.step) for f in findings] == [("warn", 800.0)]  # epoch 8, as in the log
    assert findings[0].message.startswith("Acc got worse over 8 evaluations (0.9034 -> 0.8891")
    assert summary(feed(ContradictoryMetrics("Acc"), E2DTC_ACC, [3, 7, 8], train_loss=E2DTC_LOSS)) == summary(
        feed(ContradictoryMetrics("Acc"), E2DTC_ACC, train_loss=E2DTC_LOSS)
    )


def test_a_worsening_metric_needs_an_improving_loss_and_a_fall_beyond_its_noise():
    flat = [-1.3, -1.25, -1.32, -1.28, -1.3, -1.27, -1.31, -1.29, -1.3, -1.26, -1.31, -1.28]
    assert feed(ContradictoryMetrics("Acc"), E2DTC_ACC, train_loss=flat) == []
    rng = np.random.default_rng(0)
    for _ in range(50):  # a saturated accuracy that jitters at 0.9 while the loss creeps down
        jitter = list(0.9 + 0.004 * rng.standard_normal(12))
        assert feed(ContradictoryMetrics("val_accuracy"), jitter, train_loss=np.linspace(0.7, 0.6, 12)) == []
        assert feed(ContradictoryMetrics("accuracy"), jitter, train_loss=np.linspace(0.7, 0.6, 12)) == []


def test_a_held_out_metric_that_worsens_is_overfitting_not_a_contradiction():
    assert feed(ContradictoryMetrics("val_acc"), E2DTC_ACC, train_loss=E2DTC_LOSS) == []


def test_an_error_rate_worsens_when_it_rises():
    error = [1.0 - a for a in E2DTC_ACC]
    assert [f.severity for f in feed(ContradictoryMetrics("top1_err"), error, train_loss=E2DTC_LOSS)] == ["warn"]
    falling = list(np.linspace(0.4, 0.1, 12))  # an error rate that falls with the loss: healthy
    assert feed(ContradictoryMetrics("top1_err"), falling, train_loss=E2DTC_LOSS) == []


def test_running_averages_settling_at_the_start_of_an_epoch_are_no_contradiction():
    # pidnet-cityscapes (epoch 352 of 520): "Loss: 1.594388, Acc:0.645758" every 10 iterations,
    # running averages of the epoch: both settle, the accuracy 0.776 -> 0.757, the loss 1.545 -> 1.426.
    acc = [0.645758, 0.775942, 0.769305, 0.764979, 0.756935, 0.759210, 0.762162, 0.759000, 0.756621, 0.757697,
           0.757998, 0.757999]
    loss = [1.594388, 1.544767, 1.463020, 1.450954, 1.477648, 1.453897, 1.446631, 1.449541, 1.436982, 1.428705,
            1.425696, 1.415952]
    assert feed(ContradictoryMetrics("Acc"), acc, train_loss=loss) == []


def test_a_metric_that_has_not_moved_yet_in_the_opening_plunge_is_not_stuck():
    # keras-csvlogger-voice-id-crlf-long-floats (healthy): val_acc on 13 samples sits at 11/13 for
    # epochs 0-2 while the train loss plunges 0.768 -> 0.197 -> 0.0893, then moves (and ends at 1.0).
    val_acc = [0.8461538553237915, 0.8461538553237915, 0.8461538553237915, 0.7692307829856873, 0.9230769276618958]
    loss = [0.7680303866213018, 0.19749623455784537, 0.089322113652120935, 0.043776161731644107, 0.022596736167642205]
    assert feed(ContradictoryMetrics("val_acc"), val_acc, train_loss=loss) == []
    # Frozen past the plunge, while the loss still falls 10% an epoch: a contradiction.
    frozen = feed(ContradictoryMetrics("val_acc"), [0.846] * 6, train_loss=[0.77, 0.2, 0.18, 0.16, 0.144, 0.13])
    assert summary(frozen) == [("contradictory_metrics", "warn", 5.0)]
    # A degenerate value is judged from the first evaluation, plunge or not.
    assert summary(feed(ContradictoryMetrics("recall"), [0.0] * 3, train_loss=[0.77, 0.2, 0.09]))[0][1] == "warn"


def test_a_metric_that_has_not_moved_during_lr_warm_up_is_not_stuck():
    # detectron2-date-fig-hazelnut-metrics-json (healthy): fast_rcnn/fg_cls_accuracy over one
    # foreground box reads 0 for iterations 19-159 while the lr warms up linearly and total_loss
    # falls 2.63 -> 1.30, then 1.0 from iteration 179.
    fg = [0.0] * 8 + [1.0] * 3
    loss = [2.632, 2.091, 1.764, 1.615, 1.596, 1.358, 1.243, 1.299, 1.242, 0.971, 0.792]
    lr = [1.60675e-05 * (k + 1) for k in range(11)]
    iterations = [19.0 + 20 * k for k in range(11)]
    assert feed(ContradictoryMetrics("fast_rcnn/fg_cls_accuracy"), fg, steps=iterations, train_loss=loss, lr=lr) == []
    # Without the lr (or once it stops rising), 3 evaluations at 0 while the loss fell 33% warn.
    found = feed(ContradictoryMetrics("fast_rcnn/fg_cls_accuracy"), fg, steps=iterations, train_loss=loss)
    assert summary(found)[0] == ("contradictory_metrics", "warn", 59.0)


# jsonl-string-valued-loss-smoothed-tilde (healthy), records 61-80 of log.json: "acc~" is a
# smoothed accuracy that lags the raw "acc" and drifts toward it while the loss falls slowly.
TILDE_ACC_SMOOTHED = [4.87, 4.87, 4.86, 4.87, 4.86, 4.87, 4.85, 4.83, 4.83, 4.82, 4.81, 4.78, 4.77, 4.75, 4.75,
                      4.74, 4.74, 4.74, 4.73, 4.72]
TILDE_ACC = [6.52, 4.60, 4.37, 5.69, 4.01, 5.41, 3.82, 3.48, 4.76, 4.20, 3.91, 2.84, 3.86, 3.62, 4.23, 4.11, 4.88,
             4.86, 3.72, 4.01]
TILDE_LOSS = [6.9727, 7.1501, 7.0486, 7.0959, 7.0147, 7.1191, 7.1001, 7.0520, 6.8980, 6.9969, 7.1634, 7.1910,
              7.0137, 6.9490, 6.8944, 6.9644, 6.8633, 7.0296, 6.9299, 7.1073]


def test_a_smoothed_metric_drifting_toward_its_raw_values_is_not_worsening():
    assert feed(ContradictoryMetrics("acc~"), TILDE_ACC_SMOOTHED, train_loss=TILDE_LOSS) == []
    assert feed(ContradictoryMetrics("acc"), TILDE_ACC, train_loss=TILDE_LOSS) == []
    # the same drift under a plain name is judged: the rule itself still sees it
    assert [f.severity for f in feed(ContradictoryMetrics("acc"), TILDE_ACC_SMOOTHED, train_loss=TILDE_LOSS)] == ["warn"]
    # a smoothed metric stuck at a degenerate value is still stuck
    stuck = feed(ContradictoryMetrics("recall~"), np.zeros(8), train_loss=np.linspace(0.7, 0.1, 8))
    assert [f.severity for f in stuck] == ["warn", "alert"]


# tamslate (tests/corpus/tamslate-eval-step-train-val-bleu, its first 8 evaluations): a translation
# model's BLEU (spelled 'BLUE' in the log) reads 0 at every one of its 81 evaluations while the
# train loss falls 5.64 -> 1.03. The overlap scores of generated text are judged like accuracy.
TAMSLATE = "".join(
    f"Eval step {step:4d} | train loss {train:.4f} | val loss {val:.4f} | BLUE: 0.0000\n"
    for step, train, val in zip(
        range(0, 8000, 1000),
        (5.6413, 2.2095, 1.9796, 1.7871, 1.6414, 1.5483, 1.4694, 1.4168),
        (5.6406, 2.2210, 1.9872, 1.7998, 1.6507, 1.5576, 1.4702, 1.4279),
    )
)


def test_a_bleu_at_zero_at_every_evaluation_while_the_loss_falls_is_a_contradiction(tmp_path):
    log = tmp_path / "loss_log.txt"
    log.write_text(TAMSLATE)
    found = [f for f in check_file(str(log)).findings if f.pathology == "contradictory_metrics"]
    assert [(f.severity, f.step) for f in found] == [("warn", 4000.0)]
    assert "BLUE has not moved from 0 since its first evaluation" in found[0].message
    # The same numbers under the usual spellings are judged the same way.
    for name in ("BLEU", "sacrebleu", "rougeL"):
        log.write_text(TAMSLATE.replace("BLUE", name))
        assert [f.step for f in check_file(str(log)).findings if f.pathology == "contradictory_metrics"] == [4000.0]


# holdout11a's TrinhThaiSonDHQT/Fetal-Head-Segmentation U-Net (standard_u-net_results.tsx, 0bb457ea):
# the epoch's Train Loss and Val Dice, 15 epochs. Dice moves once (0.0007 at epoch 3), so it is no
# "never moved" metric: only a Dice at 0 being degenerate, as an F1 at 0 is, finds the background-only mask.
FETAL_TRAIN_LOSS = np.array([
    0.4920, 0.3629, 0.3273, 0.3038, 0.2813, 0.2520, 0.2473, 0.2185,
    0.2047, 0.1890, 0.1773, 0.1676, 0.1573, 0.1470, 0.1405,
])
FETAL_VAL_DICE = np.array([0.0, 0.0, 0.0007] + [0.0] * 12)


def test_a_dice_or_iou_at_zero_while_the_loss_falls_is_a_contradiction():
    for name in ("Val/Dice", "val_dice", "Val/IoU", "valid_iou", "val/mIoU", "jaccard"):
        found = feed(ContradictoryMetrics(name), FETAL_VAL_DICE, train_loss=FETAL_TRAIN_LOSS)
        assert summary(found) == [
            ("contradictory_metrics", "warn", 6.0),
            ("contradictory_metrics", "alert", 8.0),
        ], name
        assert f"{name} stuck at 0 for 3 evaluations" in found[0].message
    # a Dice that leaves 0 and climbs is learning
    climbing = np.array([0.0, 0.0, 0.0007, 0.05, 0.2, 0.4, 0.55, 0.6, 0.7, 0.72, 0.75, 0.77, 0.8, 0.81, 0.82])
    assert feed(ContradictoryMetrics("Val/Dice"), climbing, train_loss=FETAL_TRAIN_LOSS) == []


def test_the_fetal_head_log_alerts_on_its_dice():
    from tests.engine.formats.parse_helpers import CORPUS

    monitor = check_file(str(CORPUS / "fetal-head-unet-results-tsx-dice-zero" / "standard_u-net_results.tsx"))
    found = {(f.series, f.severity) for f in monitor.findings if f.pathology == "contradictory_metrics"}
    assert ("Val Dice", "alert") in found


# grasping-train-metrics-csv-train-valid-loss (contradictory_metrics): valid_iou reads 0.0 at every
# epoch while train_loss falls 0.314 -> 0.066 (epochs 1-8 here; the model predicts only background).
GRASPING_TRAIN_LOSS = [0.31449825, 0.14166373, 0.11006124, 0.09701716, 0.089843735, 0.08527636, 0.08209371, 0.079716705]


def test_an_overlap_score_at_zero_is_degenerate_like_a_recall():
    # Dice, IoU, mIoU, Jaccard at 0: no predicted pixel overlaps the target, from the first evaluation
    # (the opening plunge 0.314 -> 0.142 excuses a metric that has not moved yet, not one at 0).
    for name in ("valid_iou", "Dice", "val_dice_coef", "mIoU", "jaccard_index"):
        found = feed(ContradictoryMetrics(name), [0.0] * 8, train_loss=GRASPING_TRAIN_LOSS)
        assert summary(found) == [("contradictory_metrics", "warn", 3.0), ("contradictory_metrics", "alert", 5.0)], name
        assert f"{name} stuck at 0 for 3 evaluations" in found[0].message
    # A Dice that read something at its first evaluation and then 0 is stuck at 0 as well.
    found = feed(ContradictoryMetrics("Dice"), [0.0123] + [0.0] * 7, train_loss=GRASPING_TRAIN_LOSS)
    assert summary(found) == [("contradictory_metrics", "warn", 3.0), ("contradictory_metrics", "alert", 5.0)]
    assert "Dice stuck at 0 for 3 evaluations" in found[0].message
    # YOLOv3's "val GIoU" is a box loss, 0 when validation is off: not an overlap score at 0.
    assert [f.severity for f in feed(ContradictoryMetrics("val GIoU"), [0.0] * 8, train_loss=GRASPING_TRAIN_LOSS)] == ["warn"]
    # A Dice that moves off 0 is learning: nothing.
    rising = [0.0, 0.0, 0.05, 0.21, 0.38, 0.52, 0.61, 0.66]
    assert feed(ContradictoryMetrics("Dice"), rising, train_loss=GRASPING_TRAIN_LOSS) == []


# whisper-th-hf-trainer-state-300-wer-99 (holdout11u): a Whisper LoRA fine-tune's trainer_state.json,
# "eval_wer": 98.87904538058217 at step 100, 99.557 at 200, 99.675 at 300, while the loss (mean
# of the 4 logged since the previous eval) falls 0.295 -> 0.026 -> 0.010 and eval_loss 0.0054 -> 0.0006.
WHISPER_WER = [98.87904538058217, 99.55704212619779, 99.6745615621045]
WHISPER_LOSS = [(0.7171 + 0.3085 + 0.0833 + 0.0715) / 4, (0.0364 + 0.0338 + 0.0226 + 0.0142) / 4,
                (0.0147 + 0.0103 + 0.0098 + 0.006) / 4]


def test_a_word_error_rate_at_its_worst_while_the_loss_falls_is_degenerate():
    found = feed(ContradictoryMetrics("eval_wer"), WHISPER_WER, steps=[100, 200, 300], train_loss=WHISPER_LOSS)
    assert [(f.severity, f.step) for f in found] == [("warn", 300.0)]
    assert "stuck at 99.67" in found[0].message
    # a WER that falls as the model learns is fine, and 0% is perfect, never stuck
    assert feed(ContradictoryMetrics("eval_wer"), [60.0, 41.0, 33.0], train_loss=WHISPER_LOSS) == []
    assert feed(ContradictoryMetrics("cer"), [0.0] * 6, train_loss=np.linspace(1.0, 0.5, 6)) == []
    # a WER of 0.99 read as a fraction could be a WER of 1% in percent: not degenerate by value
    assert feed(ContradictoryMetrics("eval_wer"), [0.988, 0.995, 0.991], train_loss=WHISPER_LOSS) == []


def test_word_and_character_error_rates_are_metrics_to_watch():
    monitor = check_file("tests/corpus/whisper-th-hf-trainer-state-300-wer-99/trainer_state.json")
    assert monitor.roles["classification_metric"] == ["eval_wer"]
    assert [(f.pathology, f.severity) for f in monitor.findings] == [("contradictory_metrics", "warn")]


def test_error_rate_names_are_whole_words():
    from lossmon.engine.detectors.roles import _CLASSIFICATION_METRIC

    assert all(_CLASSIFICATION_METRIC.search(n) for n in ("eval_wer", "WER", "val/cer", "test_cer"))
    assert not any(_CLASSIFICATION_METRIC.search(n) for n in ("power", "lower_bound", "tower_loss", "cerebro"))


def test_one_low_epoch_of_a_bouncing_loss_is_no_fall_to_alert_on():
    # intro2cv-yolov5-exp23-slow-start (healthy): a one-class YOLOv5 run whose precision reads 0
    # in most of its first epochs while train/box_loss bounces 0.118-0.124 with single low epochs
    # (0.1042 at epoch 13, 0.1199 at 14). Against 0.12013 at epoch 5 (the metric's last move), epoch
    # 13 alone reads a 13% fall; the loss's level (median of its last 3 epochs) fell 0.3%.
    precision = [0, 0, 0, 0, 3.7879e-05, 3.7879e-05, 0, 0, 0, 0, 0, 0, 0, 0, 3.7879e-05, 3.7879e-05, 3.7879e-05]
    box_loss = [0.1335, 0.12982, 0.097869, 0.096515, 0.12287, 0.12013, 0.12376, 0.12155, 0.12305, 0.12104,
                0.11845, 0.11968, 0.12055, 0.1042, 0.1199, 0.11856, 0.12191]
    found = feed(ContradictoryMetrics("metrics/precision"), precision, steps=range(17), train_loss=box_loss)
    assert not [f for f in found if f.severity == "alert"]
    # A fall the level holds too (the loss settles 10% lower) still alerts after 5 evaluations at 0.
    settled = box_loss[:11] + [0.105, 0.104, 0.1042, 0.105, 0.104, 0.103]
    held = [0, 0, 0, 0, 3.7879e-05, 3.7879e-05] + [0] * 11
    assert ("contradictory_metrics", "alert", 12.0) in summary(
        feed(ContradictoryMetrics("metrics/precision"), held, steps=range(17), train_loss=settled))
    # The whole corpus log: no alert.
    log = CORPUS / "intro2cv-yolov5-exp23-slow-start" / "results.csv"
    assert not [f for f in check_file(str(log)).findings if f.severity == "alert"]


def test_a_degenerate_value_under_a_rising_lr_warns_but_does_not_alert():
    # yolov8-keys-lite-train32-50-epochs (healthy): a YOLOv8 detector trained from scratch finds no
    # box above its confidence threshold for 18 epochs, all under an lr warming up until epoch 20,
    # while train/box_loss falls 56%; precision moves at epoch 19.
    precision = [0.0] * 18 + [0.00212, 0.00178, 0.00273, 0.00417, 0.00893]
    box_loss = [2.9282, 2.9962, 2.861, 2.5575, 2.405, 2.177, 2.0649, 1.7985, 1.6718, 1.5546, 1.5132, 1.526,
                1.3829, 1.4382, 1.3891, 1.3151, 1.396, 1.2757, 1.2755, 1.2943, 1.2099, 1.2683, 1.2815]
    lr = [3.28e-06, 7.2339e-06, 1.1025e-05, 1.4655e-05, 1.8121e-05, 2.1426e-05, 2.4568e-05, 2.7548e-05,
          3.0365e-05, 3.302e-05, 3.5513e-05, 3.7843e-05, 4.0011e-05, 4.2016e-05, 4.386e-05, 4.554e-05,
          4.7059e-05, 4.8415e-05, 4.9609e-05, 5.064e-05, 4.9528e-05, 4.7904e-05, 4.6281e-05]
    epochs = range(1, 24)
    found = feed(ContradictoryMetrics("metrics/precision(B)"), precision, steps=epochs, train_loss=box_loss, lr=lr)
    assert summary(found) == [("contradictory_metrics", "warn", 4.0)]
    # The same values once the lr has stopped rising: 5 evaluations at 0 while the loss level fell alert.
    flat_lr = [5e-05] * 23
    found = feed(ContradictoryMetrics("metrics/precision(B)"), precision, steps=epochs, train_loss=box_loss, lr=flat_lr)
    assert ("contradictory_metrics", "alert", 5.0) in summary(found)
    log = CORPUS / "yolov8-keys-lite-train32-50-epochs" / "results.csv"
    assert not [f for f in check_file(str(log)).findings if f.severity == "alert"]


def test_a_zero_score_beside_a_sibling_that_learned_warns_but_does_not_alert():
    # buted/SSJDN seed42.log (labelled healthy): "training ae f1: 0" at every epoch, a score of a
    # task the event-detection model does not do, while "training ed f1" rises 0.003 -> 0.97
    from tests.engine.formats.parse_helpers import CORPUS

    monitor = check_file(str(CORPUS / "buted-ssjdn-seed42-log-event-detection-prefix" / "seed42.log"))
    found = {(f.series, f.severity) for f in monitor.findings if f.pathology == "contradictory_metrics"}
    assert ("training ae f1", "warn") in found and ("dev ae f1", "warn") in found
    assert not [f for f in monitor.findings if f.severity == "alert"]


def test_the_same_zero_score_alone_alerts():
    detector = ContradictoryMetrics("training ae f1")
    loss = [3.76, 3.20, 2.72, 2.30, 1.95, 1.70, 1.50]
    assert ("contradictory_metrics", "alert", 5.0) in summary(feed(detector, [0.0] * 7, train_loss=loss))
    detector = ContradictoryMetrics("training ae f1")
    sibling = [0.003, 0.16, 0.40, 0.52, 0.61, 0.70, 0.75]
    found = summary(feed(detector, [0.0] * 7, train_loss=loss, sibling_score=sibling))
    assert [severity for _, severity, _ in found] == ["warn"]
