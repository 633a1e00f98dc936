import numpy as np

from lossmon.engine.detectors.overfitting import Overfitting
from tests.engine.detectors.series import alarms, corpus_rows, feed, summary

EVERY = 1000.0


def evals(val, train):
    steps = EVERY * np.arange(1, len(val) + 1)
    return feed(Overfitting("val_loss"), val, steps=steps, train_loss=train)


def test_val_loss_rising_while_train_loss_falls_warns_then_alerts():
    # whisper's trainer_state.json: eval_loss 0.321 -> 0.420 while the train loss falls to 1e-4
    val = [0.321, 0.358, 0.394, 0.412, 0.420]
    train = [0.30, 0.05, 0.01, 0.002, 0.0005]
    findings = evals(val, train)
    assert summary(findings) == [("overfitting", "warn", 3000.0), ("overfitting", "alert", 4000.0)]
    assert "rose 3 evals in a row" in findings[1].message and "train loss fell" in findings[1].message


def test_noisy_flat_val_loss_is_not_overfitting():
    rng = np.random.default_rng(0)
    val = 1.7 * np.exp(0.02 * rng.standard_normal(40))
    train = np.linspace(1.5, 1.3, 40)
    assert alarms(evals(val, train)) == []


def test_val_rising_with_the_train_loss_is_not_overfitting():
    val = [1.0, 0.9, 0.95, 1.0, 1.1, 1.2]
    train = [1.0, 0.8, 0.85, 0.9, 1.0, 1.1]
    assert evals(val, train) == []


def test_a_new_best_clears_the_finding():
    d = Overfitting("val_loss")
    steps = EVERY * np.arange(1, 6)
    feed(d, [0.5, 0.55, 0.62, 0.7, 0.8], steps=steps, train_loss=[1, 0.8, 0.6, 0.4, 0.2])
    assert d.active is not None
    feed(d, [0.3], steps=[6000.0], train_loss=[0.1])
    assert d.active is None


def test_a_val_loss_that_jumps_and_stays_up_while_train_collapses_is_overfitting():
    # A short, noisy Keras run: best 0.0718 at epoch 8, a jump to 0.1239, then about 0.09 (not a
    # rise every epoch) while the train loss goes to 4e-05. The jump and the bouncing after it
    # must not set the noise the bar is scaled to.
    val = [0.35, 0.22, 0.16, 0.125, 0.098, 0.092, 0.081, 0.0718, 0.1239, 0.085, 0.094, 0.089, 0.097, 0.088, 0.092]
    train = [0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 5e-4, 3e-4, 2e-4, 1e-4, 6e-5, 4e-5]
    findings = evals(val, train)
    assert [f.severity for f in findings][:1] == ["warn"] and findings[0].step <= 12 * EVERY
    assert "stayed up for" in findings[0].message or "rose" in findings[0].message


def test_a_val_loss_that_levels_off_with_noise_is_not_overfitting():
    rng = np.random.default_rng(4)
    val = np.concatenate((np.linspace(1.0, 0.5, 8), 0.5 * np.exp(0.03 * rng.standard_normal(30))))
    train = np.geomspace(1.2, 0.2, len(val))
    assert alarms(evals(val, train)) == []


def test_a_val_bump_while_the_lr_warms_up_is_the_schedule():
    # YOLO: val box loss 0.72 at epoch 1, 1.06 at epoch 3 while the lr warms up (epochs 1-4), then
    # it falls while the train loss creeps down.
    val = [0.718, 0.754, 1.058, 1.007, 1.006, 1.025, 0.915, 1.001, 0.907, 0.869, 0.890, 0.939, 0.867]
    train = [1.011, 0.903, 0.958, 1.042, 1.024, 1.015, 1.040, 1.063, 0.999, 1.044, 1.076, 1.022, 0.959]
    lr = [0.00043, 0.00087, 0.00128, 0.00157, 0.00153, 0.00150, 0.00147, 0.00144, 0.00140, 0.00137, 0.00134,
          0.00130, 0.00127]
    steps = np.arange(1.0, 14.0)
    assert alarms(feed(Overfitting("val/box_loss"), val, steps=steps, train_loss=train, lr=lr)) == []
    # Without the lr, a val loss that rose from its first eval while the train loss flat-lines is
    # still no overfitting (the train loss has not kept falling since the best eval)...
    assert alarms(feed(Overfitting("val/box_loss"), val, steps=steps, train_loss=train)) == []
    # ...but with a train loss that falls steadily, only the lr warm-up tells it from overfitting.
    falling = np.geomspace(1.0, 0.5, len(val))
    assert alarms(feed(Overfitting("val/box_loss"), val, steps=steps, train_loss=falling, lr=lr)) == []
    assert alarms(feed(Overfitting("val/box_loss"), val, steps=steps, train_loss=falling))


def test_a_val_bump_while_the_train_loss_only_bounces_is_not_overfitting():
    # crocodile-resnet18 (run 1, epochs 12-36): the train loss bounces 0.031-0.050 about a flat
    # level; the val loss, best 0.0474 at epoch 22, bumps 0.0510 -> 0.0593 -> 0.0604 (3 rises in a
    # row, 19% above its best smoothed level) and falls straight back to 0.0513. The train loss
    # fell 13% since the first rise only because epoch 33's was a noisy high.
    val = [0.0526, 0.0551, 0.0540, 0.0541, 0.0541, 0.0506, 0.0503, 0.0522, 0.0508, 0.0476, 0.0474, 0.0512,
           0.0521, 0.0504, 0.0515, 0.0503, 0.0490, 0.0521, 0.0502, 0.0521, 0.0492, 0.0510, 0.0593, 0.0604, 0.0513]
    train = [0.0340, 0.0492, 0.0491, 0.0494, 0.0408, 0.0428, 0.0402, 0.0347, 0.0383, 0.0425, 0.0343, 0.0376,
             0.0378, 0.0503, 0.0468, 0.0324, 0.0390, 0.0334, 0.0373, 0.0407, 0.0384, 0.0414, 0.0380, 0.0359, 0.0356]
    early_val = [0.0870, 0.0768, 0.0611, 0.0663, 0.0731, 0.0570, 0.0507, 0.0689, 0.0618, 0.0556, 0.0527]
    early_train = [0.2143, 0.0909, 0.0833, 0.0750, 0.0635, 0.0691, 0.0565, 0.0498, 0.0456, 0.0618, 0.0437]
    steps = np.arange(1.0, 37.0)
    assert alarms(feed(Overfitting("Val Loss"), early_val + val, steps=steps, train_loss=early_train + train)) == []
    # The same val bump while the train loss keeps falling is a warning sign.
    falling = list(np.geomspace(0.2143, 0.01, 36))
    assert alarms(feed(Overfitting("Val Loss"), early_val + val, steps=steps, train_loss=falling))


def _tiny_data_set_run(seed, rise):
    """A model memorising a tiny data set: the train loss collapses 60x; the val loss (noise 6%,
    one outlier eval at 1.8 times its level just after its best) is best early, holds its level,
    then climbs by ``rise`` over the last 3 evals."""
    rng = np.random.default_rng(seed)
    n = 12
    level = np.concatenate((np.linspace(0.8, 0.7, 3), np.full(n - 6, 0.72), 0.72 * (1 + rise * np.linspace(1 / 3, 1, 3))))
    val = level * np.exp(0.06 * rng.standard_normal(n))
    val[4] = 1.8 * level[4]
    return val, np.geomspace(1.9, 0.03, n)


def _runs_warned(rise, **params):
    warned = memorising = 0
    for seed in range(40):
        val, train = _tiny_data_set_run(seed, rise)
        findings = feed(Overfitting("val_loss", **params), val, steps=EVERY * np.arange(1, len(val) + 1), train_loss=train)
        warned += any(f.severity in ("warn", "alert") for f in findings)
        memorising += any("memorising" in f.message for f in findings)
    return warned, memorising


def test_a_memorising_run_is_overfitting_whatever_its_val_noise():
    # keras-glove (200 samples): val best 0.692 at epoch 3, an outlier 1.256, then 0.739, 0.869,
    # 0.932 while the train loss goes 1.91 -> 0.028; the noise sets a bar no such rise can clear.
    val = [0.7027, 0.8200, 0.6917, 0.7005, 1.2560, 0.7294, 0.7187, 0.7393, 0.8691, 0.9322]
    train = [1.9075, 0.7329, 0.4876, 0.3640, 0.2673, 0.1936, 0.2455, 0.0591, 0.0399, 0.0283]
    findings = evals(val, train)
    assert summary(findings)[:1] == [("overfitting", "warn", 9 * EVERY)]
    assert "memorising" in findings[0].message
    # Generated runs of that kind: the jitter bar alone sees 23 of 40, with the rule 32 (the short
    # run's climb, off here, would see some of them too).
    warned, memorising = _runs_warned(rise=0.4, short_evals=0)
    without_rule, _ = _runs_warned(rise=0.4, collapse=float("inf"), short_evals=0)
    assert warned >= 30 and without_rule <= 25 and memorising >= 10


def test_a_val_loss_that_holds_its_level_while_the_train_loss_collapses_is_not_memorising():
    # The same runs whose val loss never climbs to a new high. (The outlier eval may draw the rise
    # rules when evals rose into it: their business, and the same with or without this rule.)
    warned, memorising = _runs_warned(rise=0.0)
    without_rule, _ = _runs_warned(rise=0.0, collapse=float("inf"))
    assert memorising == 0 and warned == without_rule


def test_memorising_needs_a_train_loss_that_collapsed():
    # The same val climb while the train loss only falls 3x: the jitter bar alone judges it.
    val = [0.7027, 0.8200, 0.6917, 0.7005, 1.2560, 0.7294, 0.7187, 0.7393, 0.8691, 0.9322]
    train = np.geomspace(1.0, 0.33, len(val))
    assert not any("memorising" in f.message for f in evals(val, train))


def _quickdraw_iterations():
    """resnet34-quickdraw-blog-post-output (healthy): '    Iter [380/11250] | Train Loss 2.0808 |
    ... | Valid Loss 1.0004 | ...' every 20 iterations of epoch 1: a validation next to each
    printed batch (of 4 samples) of train loss."""
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "corpus" / "resnet34-quickdraw-blog-post-output" / "2022-03-11-Resnet34_model.md").read_text()
    rows = re.findall(r"^    Iter \[ *(\d+)/11250\] \| Train Loss ([0-9.]+) \| .*\| Valid Loss ([0-9.]+) \|", text, re.M)
    steps, train, val = (np.array(column, dtype=np.float64) for column in zip(*rows))
    return steps, train, val


def test_one_lucky_batch_of_train_loss_is_no_collapse():
    # At iteration 2160 the Valid Loss has risen 3 evals to 0.5574, 14% above its best (0.4901 at
    # 2100), and the batch printed with it reads 0.0468, 23x below the batch printed at the best;
    # but the batches around it scatter 0.03-3.5 and their level has not collapsed: no memorising.
    steps, train, val = _quickdraw_iterations()
    assert alarms(feed(Overfitting("Valid Loss"), val, steps=steps, train_loss=train)) == []
    # The same val losses next to train batches that all collapse after the best eval memorise.
    collapsed = np.where(steps > 2100, 0.005, train)
    found = feed(Overfitting("Valid Loss"), val, steps=steps, train_loss=collapsed)
    assert any("memorising" in f.message for f in found)


def test_a_train_loss_that_falls_within_its_own_noise_has_not_kept_falling():
    # painn-workingsetup-6-md (healthy): per epoch 'Train Loss' and 'Validation Loss'. At epochs
    # 96-100 the val loss rises 0.0251 -> 0.0280 four evals in a row and comes back (0.0251 at 102,
    # best 0.0229 at 140) while the train loss drifts 0.0225 -> 0.0213 within its +-3%: no alert.
    train = [t for (t,) in corpus_rows("painn-workingsetup-6-md", "WorkingSetup_6.md", r"^Epoch \[\d+/650\], Train Loss: ([0-9.]+),")]
    val = [v for (v,) in corpus_rows("painn-workingsetup-6-md", "WorkingSetup_6.md", r"^Epoch \[\d+/650\], Validation Loss: ([0-9.]+),")]
    found = feed(Overfitting("Validation Loss"), val, steps=np.arange(1, len(val) + 1), train_loss=train[: len(val)])
    assert [f.severity for f in found if f.severity == "alert"] == []
    # The same val losses beside a train loss that keeps falling 3% an epoch alert.
    falling = 0.06 * np.exp(-0.03 * np.arange(len(val)))
    found = feed(Overfitting("Validation Loss"), val, steps=np.arange(1, len(val) + 1), train_loss=falling)
    assert "alert" in [f.severity for f in found]


def test_a_noisy_small_data_set_train_loss_is_no_fall():
    # mouse-keyboard-yolov8-results-100ep (healthy): val/box_loss 0.497 -> 0.612 over epochs 49-62
    # (evaluated every few epochs, the row in between repeats it), after an lr that rose until
    # epoch 52, while train/box_loss scatters 0.58-0.94 from epoch to epoch with no trend; then the
    # val loss falls to 0.351 at epoch 100.
    rows = corpus_rows("mouse-keyboard-yolov8-results-100ep", "results.csv",
                        r"^\s*(\d+),\s*[0-9.]+,\s*([0-9.]+),(?:[^,]*,){6}\s*([0-9.]+),[^,]*,[^,]*,\s*([0-9.e-]+),")
    epochs, train, val, lr = (np.array(column) for column in zip(*rows))
    assert len(epochs) == 100 and val[61] == 0.61242 and lr[51] == 0.000420919
    # Read once per eval (the repeated rows are copies, see the next test), the val loss rises twice
    # in a row to 12% above its best of epoch 51, whose row's train loss is the scatter's top (0.94):
    # a warning at most, no alert.
    found = alarms(feed(Overfitting("val/box_loss"), val, steps=epochs, train_loss=train, lr=lr))
    assert [(f.severity, f.step) for f in found] == [("warn", 57.0)]
    # The same val losses beside a train loss that keeps falling 2% an epoch warn.
    falling = 1.4 * np.exp(-0.02 * epochs)
    assert alarms(feed(Overfitting("val/box_loss"), val, steps=epochs, train_loss=falling, lr=lr))


def test_the_jitter_bar_is_taken_before_the_rise_wobbles():
    # bennix-chainer-cifar-tutorial11 (overfitting): Chainer PrintReport, one row per epoch.
    # validation/main/loss is best at epoch 7 (0.9227), wobbles (0.9572, 0.9378, 0.9379) and
    # climbs (0.9945, 1.0033) while main/loss keeps falling 0.763 -> 0.501. The smoothed best comes
    # 3 evals after the raw one; the wobble between them is the rise's first step, not eval noise.
    val = [1.3712, 1.1974, 1.0935, 1.0149, 0.9817, 0.9622, 0.9227, 0.9572, 0.9378, 0.9379, 0.9945, 1.0033]
    train = [1.6397, 1.2785, 1.1109, 0.9931, 0.9061, 0.829, 0.7628, 0.6983, 0.6512, 0.6017, 0.5443, 0.5015]
    found = evals(val, train)
    assert summary(found) == [("overfitting", "warn", 12 * EVERY)]
    assert "rose 3 evals in a row" in found[0].message


# painn-workingsetup-12-md (healthy): epochs 1-80 of WorkingSetup_12.md, Validation Loss and Train
# Loss printed with 4 decimals. The val loss wanders 0.0074 -> 0.0078 and back (epochs 37-44),
# then 0.0074 -> 0.0079 (epochs 67-73) as the lr steps down and the train loss falls 0.0065 -> 0.0057.
PAINN_VAL = [0.0104, 0.0101, 0.0095, 0.0091, 0.009, 0.0089, 0.0089, 0.0088, 0.0088, 0.0086, 0.0084, 0.0083, 0.0083,
             0.0082, 0.008, 0.008, 0.008, 0.008, 0.0078, 0.0079, 0.0078, 0.0079, 0.0077, 0.0077, 0.0077, 0.0076,
             0.0076, 0.0076, 0.0077, 0.0077, 0.0076, 0.0077, 0.0075, 0.0077, 0.0075, 0.0076, 0.0074, 0.0077, 0.0076,
             0.0076, 0.0078, 0.0075, 0.0075, 0.0074, 0.0074, 0.0074, 0.0075, 0.0074, 0.0074, 0.0074, 0.0076, 0.0075,
             0.0074, 0.0074, 0.0074, 0.0075, 0.0075, 0.0075, 0.0075, 0.0074, 0.0076, 0.0076, 0.0075, 0.0074, 0.0075,
             0.0075, 0.0074, 0.0074, 0.0075, 0.0076, 0.0077, 0.0078, 0.0079, 0.0078, 0.0077, 0.0076, 0.0076, 0.0077,
             0.0077, 0.0078]
PAINN_TRAIN = [0.0286, 0.0105, 0.0101, 0.0095, 0.0092, 0.009, 0.0089, 0.0087, 0.0086, 0.0084, 0.0082, 0.0081, 0.008,
               0.0079, 0.0078, 0.0077, 0.0077, 0.0076, 0.0075, 0.0075, 0.0074, 0.0074, 0.0073, 0.0073, 0.0072, 0.0072,
               0.0072, 0.0072, 0.0071, 0.0071, 0.0071, 0.007, 0.007, 0.0071, 0.007, 0.0069, 0.0069, 0.0069, 0.0069,
               0.0069, 0.0068, 0.0068, 0.0068, 0.0068, 0.0067, 0.0067, 0.0067, 0.0067, 0.0067, 0.0067, 0.0066, 0.0066,
               0.0066, 0.0066, 0.0066, 0.0066, 0.0065, 0.0065, 0.0066, 0.0065, 0.0065, 0.0065, 0.0065, 0.0064, 0.0064,
               0.0065, 0.0061, 0.0059, 0.0059, 0.0058, 0.0057, 0.0057, 0.0057, 0.0057, 0.0056, 0.0056, 0.0055, 0.0054,
               0.0053, 0.0053]


def test_a_rise_no_higher_than_the_val_loss_wandered_and_came_back_from_is_not_overfitting():
    assert feed(Overfitting("Validation Loss"), PAINN_VAL, train_loss=PAINN_TRAIN) == []
    # Without that memory the second bump (5% above the best, 5 rises in a row) warns.
    found = feed(Overfitting("Validation Loss", recovered_factor=0.0), PAINN_VAL, train_loss=PAINN_TRAIN)
    assert [(f.severity, f.step) for f in found] == [("warn", 73.0)]
    # A rise that keeps going past twice the earlier excursion is overfitting again.
    climbing = PAINN_VAL[:73] + [0.0079 * 1.04**k for k in range(1, 8)]
    assert [f.severity for f in alarms(feed(Overfitting("Validation Loss"), climbing, train_loss=PAINN_TRAIN[:80]))][:1] == ["warn"]


def test_five_rises_in_a_row_warn_whatever_the_jitter_of_a_short_run():
    # bachelor-thesis-log-history-json (holdout8a, overfitting): a HF log_history with an eval at
    # step 0 and one train record and eval per epoch. The fall's curvature and the turn itself put
    # the jitter bar at 27%; the eval loss rises 5 evals in a row, 44% above its best.
    val = [5.78125, 3.734375, 3.4375, 3.578125, 4.25, 4.375, 4.5625, 4.9375]
    train = [np.nan, 6.0, 3.6406, 2.3281, 1.9453, 1.5625, 1.1328, 0.6953]
    found = feed(Overfitting("eval_loss", short_evals=0), val, steps=np.arange(8.0), train_loss=train)
    assert summary(found) == [("overfitting", "warn", 7.0)]
    assert "rose 5 evals in a row" in found[0].message
    # Four rises are not enough without clearing the jitter bar, nor five while the train loss is flat.
    assert feed(Overfitting("eval_loss", short_evals=0), val[:-1], steps=np.arange(7.0), train_loss=train[:-1]) == []
    assert feed(Overfitting("eval_loss"), val, steps=np.arange(8.0), train_loss=[np.nan] + [2.0] * 7) == []
    # (The short run's climb sees it an eval earlier: 4 evals since the best, their median 21% up.)
    early = feed(Overfitting("eval_loss"), val, steps=np.arange(8.0), train_loss=train)
    assert summary(early) == [("overfitting", "warn", 6.0)] and "has not improved for 4 evals" in early[0].message


def test_a_climb_of_a_four_epoch_run_warns_although_its_few_differences_are_the_turn():
    # tsai-end3-bert-finetune-readme-log (holdout9s, overfitting): McCormick's BERT fine-tuning,
    # 4 epochs. The only 2 second differences are the turn's: a jitter bar of 37% that the rise
    # of 46% above the best (24% smoothed) does not clear.
    val = [0.42, 0.39, 0.49, 0.57]
    train = [0.50, 0.31, 0.19, 0.13]
    found = feed(Overfitting("Validation Loss"), val, steps=[1.0, 2.0, 3.0, 4.0], train_loss=train)
    assert summary(found) == [("overfitting", "warn", 4.0)]
    assert "rose 2 evals in a row" in found[0].message
    # Not when the train loss stalls meanwhile, nor when the eval before the latest was not yet
    # clearly above the best (one outlier after a flat eval: 0.40 then 0.57), nor on a single
    # jump far larger than the climb before it.
    assert feed(Overfitting("Validation Loss"), val, train_loss=[0.50, 0.31, 0.19, 0.18]) == []
    assert feed(Overfitting("Validation Loss"), [0.42, 0.39, 0.40, 0.57], train_loss=train) == []
    assert feed(Overfitting("Validation Loss"), [0.42, 0.39, 0.44, 0.80], train_loss=train) == []


# painn-fixworkingsetup-11-md (healthy), epochs 41-100: after each cut of the lr (not logged) the
# val loss drops to a new level, then creeps up one printed digit an epoch (0.0209 -> 0.0224)
# until the next cut brings it back down near its best: a sawtooth, no trend.
PAINN11_VAL = [
    0.0218, 0.0219, 0.0218, 0.0217, 0.0221, 0.0216, 0.022, 0.0216, 0.022, 0.0223, 0.0228, 0.0222, 0.022, 0.0226,
    0.0226, 0.0207, 0.021, 0.021, 0.0214, 0.0214, 0.0216, 0.0217, 0.0216, 0.0216, 0.0216, 0.0212, 0.0212, 0.0215,
    0.0218, 0.0221, 0.0224, 0.0219, 0.0219, 0.0218, 0.0209, 0.0211, 0.0213, 0.0214, 0.0217, 0.0218, 0.022, 0.0221,
    0.0223, 0.0224, 0.0211, 0.0211, 0.0212, 0.0213, 0.0214, 0.0215, 0.0216, 0.0217, 0.0218, 0.022, 0.0221, 0.0222,
    0.0215, 0.0214, 0.0214, 0.0214,
]
PAINN11_TRAIN = [
    0.0192, 0.0192, 0.0192, 0.0193, 0.0189, 0.0189, 0.0188, 0.0188, 0.0187, 0.0186, 0.0187, 0.0187, 0.0185, 0.0185,
    0.0184, 0.0172, 0.0168, 0.0166, 0.0164, 0.0164, 0.0162, 0.016, 0.016, 0.016, 0.0159, 0.016, 0.0159, 0.0158,
    0.0158, 0.0157, 0.0157, 0.0156, 0.0156, 0.0156, 0.0155, 0.015, 0.0148, 0.0146, 0.0145, 0.0144, 0.0142, 0.0141,
    0.014, 0.0139, 0.0142, 0.014, 0.0138, 0.0137, 0.0136, 0.0135, 0.0134, 0.0134, 0.0133, 0.0132, 0.0132, 0.0131,
    0.0134, 0.0133, 0.0132, 0.0131,
]


def test_a_sawtooth_that_keeps_coming_back_near_its_best_is_not_overfitting():
    steps = np.arange(41.0, 101.0)
    assert feed(Overfitting("Validation Loss"), PAINN11_VAL, steps=steps, train_loss=PAINN11_TRAIN) == []
    # Counting only a return below the best as a recovery, the third tooth (8 rises in a row) warns.
    found = feed(Overfitting("Validation Loss", recovered_share=0.0), PAINN11_VAL, steps=steps, train_loss=PAINN11_TRAIN)
    assert summary(found) == [("overfitting", "warn", 94.0)]
    # A tooth that keeps climbing past twice the last one is a rise again.
    climbing = PAINN11_VAL[:45] + [0.0211 * 1.03**k for k in range(1, 11)]
    assert alarms(feed(Overfitting("Validation Loss"), climbing, steps=steps[:55], train_loss=PAINN11_TRAIN[:55]))


def test_a_swing_of_the_first_evals_does_not_excuse_a_val_loss_that_stays_up_later():
    # cs6994-lightning-v4-metrics-csv (holdout10a, overfitting): a Lightning CSVLogger writes the
    # val row of an epoch before its train row. The val loss swings 0.405 -> 0.789 -> 0.471 in
    # epochs 0-2, is best at 0.314 in epoch 8, then sits at 0.50-0.70 for 7 epochs while the
    # train loss keeps falling 0.264 -> 0.160.
    steps = 227.0 + 227.9 * np.arange(16)
    val = [0.405134, 0.789162, 0.470841, 0.451993, 0.379427, 0.334998, 0.417918, 0.414428, 0.314046, 0.582197,
           0.591206, 0.496497, 0.698029, 0.546045, 0.60656, 0.564329]
    train = [np.nan, 0.605971, 0.475224, 0.41066, 0.378032, 0.33656, 0.295537, 0.278538, 0.258538, 0.263686,
             0.244208, 0.233887, 0.213197, 0.195847, 0.176911, 0.158476]  # the epoch before each val row
    found = feed(Overfitting("val_loss"), val, steps=steps, train_loss=train)
    assert [f.severity for f in found] == ["warn"] and "stayed up for 3 evals" in found[0].message
    # Remembered, the opening swing (smoothed, 39% above the first eval) sets a bar no later level clears.
    assert feed(Overfitting("val_loss", opening_evals=0), val, steps=steps, train_loss=train) == []


def _dial_gauge_columns():
    # dial-gauge-yolov8-results-csv-padded-prefix (healthy): Ultralytics results.csv with padded
    # columns, e.g. the row of epoch 93:
    #   93, 0.86638, 0.48602, 0.92934, 0.95404, 0.94444, 0.93308, 0.60675, 1.0204, 0.46754, 0.90362, 0.00090785, ...
    # epoch, train/box_loss, train/cls_loss, train/dfl_loss, precision, recall, mAP50, mAP50-95,
    # val/box_loss, val/cls_loss, val/dfl_loss, lr/pg0, lr/pg1, lr/pg2.
    rows = corpus_rows("dial-gauge-yolov8-results-csv-padded-prefix", "results.csv",
                        r"^\s*(\d+),\s*([0-9.]+),(?:[^,]*,){5}\s*([0-9.]+),\s*([0-9.]+),(?:[^,]*,){2}\s*([0-9.e-]+),")
    return (np.array(column) for column in zip(*rows))


def test_a_val_loss_that_wanders_up_while_the_task_score_holds_does_not_alert():
    # val/box_loss is best at epoch 77 (0.8903), sits at 0.98-1.09 around epoch 90 and is back to
    # 0.949 at 117 while train/box_loss falls 0.94 -> 0.82; mAP50-95 (best 0.679 at epoch 82) dips
    # to 0.607 at epoch 93 within its own eval-to-eval noise and is 0.657 at 117. The smoothed val
    # loss holds 10% above its best for 7 evals: alone, that is the alert bar; with the task score
    # holding, no alert.
    epochs, train, score, val, lr = _dial_gauge_columns()
    assert len(epochs) == 118 and val[77] == 0.8903 and score[93] == 0.60675 and val[93] == 1.0204
    found = feed(Overfitting("val/box_loss"), val, steps=epochs, train_loss=train, lr=lr, task_score=score)
    assert [f for f in found if f.severity == "alert"] == []
    # Without the score (a log that does not carry one), the same losses clear the alert bar, and
    # their rise is no higher than an excursion the val loss came back from before: a warning ...
    found = feed(Overfitting("val/box_loss"), val, steps=epochs, train_loss=train, lr=lr)
    assert {f.severity for f in found} == {"warn"}
    # ... which, with no memory of excursions, is an alert
    found = feed(Overfitting("val/box_loss", recovered_evals=0), val, steps=epochs, train_loss=train, lr=lr)
    assert "alert" in [f.severity for f in found]


def test_a_task_score_that_worsens_with_the_val_loss_keeps_the_alert():
    # The same val and train losses beside a mAP50-95 that falls steadily from epoch 78 (3% an
    # epoch, far beyond its noise) alert: the score the run is for worsens too.
    epochs, train, score, val, lr = _dial_gauge_columns()
    falling = np.where(epochs > 77, score[77] * np.exp(-0.03 * (epochs - 77)), score)
    found = feed(Overfitting("val/box_loss"), val, steps=epochs, train_loss=train, lr=lr, task_score=falling)
    assert "alert" in [f.severity for f in found]


def test_a_noise_free_val_loss_that_rises_at_every_eval_after_its_best_warns_below_any_floor():
    # xgboost-rmd-readme-knitr-train-test-rmse (overfitting): knitr output of xgb.train, e.g.
    #   ## [23]	train-rmse:4.918876	test-rmse:5.968706
    #   ## [75]	train-rmse:4.801750	test-rmse:6.013767
    # test-rmse is best at round 23, then rises at every one of the 52 rounds after it (0.75% in
    # all) while train-rmse keeps falling: worse at every eval since its best, with no noise.
    rows = corpus_rows("xgboost-rmd-readme-knitr-train-test-rmse", "readme.md",
                        r"^## \[(\d+)\]\ttrain-rmse:([0-9.]+)\ttest-rmse:([0-9.]+)")
    rounds, train, test = (np.array(column) for column in zip(*rows))
    assert len(rounds) == 75 and test.argmin() == 22 and (np.diff(test[22:]) > 0).all()
    found = alarms(feed(Overfitting("test-rmse"), test, steps=rounds, train_loss=train))
    assert found and found[0].severity == "warn" and found[0].step < 40
    # Rises of the same size that do not come at every eval are no steady turn.
    wobbly = test.copy()
    wobbly[23::3] = test[22]
    assert alarms(feed(Overfitting("test-rmse"), wobbly, steps=rounds, train_loss=train)) == []


def test_a_jitter_from_the_opening_evals_alone_does_not_hide_a_climb_after_an_early_best():
    # crack-detection-keras-verbose2-early-stop (overfitting): Keras 3 verbose=2, e.g.
    #   188/188 - 0s - 1ms/step - accuracy: 0.9991 - loss: 0.0037 - val_accuracy: 0.9994 - val_loss: 0.0041 - learning_rate: 0.0010
    # val_loss is best at epoch 4 (0.0041), then 0.0043, 0.0055, 0.0048, 0.0069, 0.0074, 0.0062
    # while the loss falls 0.0037 -> 9.0090e-04; early stopping ends it at epoch 10. The only
    # second differences before the best are the opening fall's and the best's own bounce.
    rows = corpus_rows("crack-detection-keras-verbose2-early-stop", "train.log",
                        r" - loss: ([0-9.e-]+) - val_accuracy: [0-9.]+ - val_loss: ([0-9.e-]+) - learning_rate: ([0-9.e-]+)$")
    train, val, lr = (np.array(column) for column in zip(*rows))
    assert len(val) == 10 and val.argmin() == 3 and val[8] == 0.0074
    found = alarms(feed(Overfitting("val_loss", short_evals=0), val, steps=np.arange(1, 11), train_loss=train, lr=lr))
    assert [(f.severity, f.step) for f in found] == [("warn", 9.0)]
    # (the short run's climb warns an epoch earlier: 4 evals since the best, their median 20% above the level at the best)
    found = alarms(feed(Overfitting("val_loss"), val, steps=np.arange(1, 11), train_loss=train, lr=lr))
    assert [(f.severity, f.step) for f in found] == [("warn", 8.0)]
    # The same val losses beside a train loss that only bounces: not overfitting.
    flat = 0.0019 * (1.0 + 0.05 * (-1.0) ** np.arange(10))
    assert alarms(feed(Overfitting("val_loss"), val, steps=np.arange(1, 11), train_loss=flat, lr=lr)) == []


# holdout12a's ariadne history.csv (a small image classifier, 20 epochs): the train loss is fitted
# by epoch 11 (0.006, 15x below the val loss's best 0.0892) and then only bounces, while the val
# loss climbs to 0.129.
_FITTED_VAL = [0.15498, 0.11446, 0.09219, 0.08950, 0.10099, 0.09709, 0.09300, 0.09126, 0.10505, 0.09086,
               0.08923, 0.10188, 0.10642, 0.10521, 0.11289, 0.11069, 0.09647, 0.10704, 0.12606, 0.12914]
_FITTED_TRAIN = [0.12961, 0.07520, 0.04937, 0.03295, 0.03943, 0.02198, 0.02108, 0.01516, 0.01879, 0.00821,
                 0.00596, 0.00761, 0.00519, 0.00542, 0.00615, 0.00675, 0.00535, 0.00308, 0.01146, 0.00988]


def test_a_val_loss_that_climbs_over_a_fitted_train_loss_warns():
    findings = evals(_FITTED_VAL, _FITTED_TRAIN)
    assert summary(findings) == [("overfitting", "warn", 20 * EVERY)]
    assert "train loss stays fitted" in findings[0].message


def test_a_fitted_train_loss_with_a_val_loss_that_only_wobbles_is_not_overfitting():
    val = _FITTED_VAL[:11] + [0.0931, 0.0902, 0.0947, 0.0915, 0.0938, 0.0909, 0.0942, 0.0920, 0.0951]
    assert alarms(evals(val, _FITTED_TRAIN)) == []


def test_a_train_loss_that_is_not_far_below_the_val_loss_is_not_fitted():
    # the same climb over a train loss only twice below the val loss: the rules that need its fall decide
    train = [2 * 0.0892 * (t / 0.00596) ** 0.05 for t in _FITTED_TRAIN]
    assert evals(_FITTED_VAL, train) == []


def test_a_train_loss_rising_with_the_val_loss_is_not_fitted():
    train = _FITTED_TRAIN[:11] + [0.006 * 1.6 ** k for k in range(1, 10)]
    assert evals(_FITTED_VAL, train) == []


# holdout13b's deployforce YOLOv8-seg results.csv: at epoch 1 the model finds nothing (mAP50-95 0)
# and its val box loss is 0.00169; once it finds objects the box loss is 0.0238 and falls to 0.013
# while mAP50-95 climbs to 0.59. The untrained eval is no best to rise from.
_UNTRAINED_VAL = [0.00169, 0.02382, 0.01897, 0.01923, 0.01694, 0.01615, 0.01584, 0.0153, 0.01442, 0.0133,
                  0.01319, 0.01272, 0.01162, 0.01063, 0.0112, 0.01314, 0.01172, 0.00974, 0.01148, 0.01297]
_UNTRAINED_TRAIN = [0.02883, 0.02429, 0.02224, 0.02097, 0.01998, 0.0189, 0.01841, 0.01732, 0.01711, 0.01663,
                    0.01418, 0.01434, 0.0141, 0.01378, 0.01308, 0.01316, 0.01278, 0.01257, 0.01223, 0.01212]
_UNTRAINED_MAP = [0.0, 0.0429, 0.13283, 0.08609, 0.17864, 0.19541, 0.24248, 0.3355, 0.31782, 0.38091,
                  0.3621, 0.41836, 0.47891, 0.52647, 0.52119, 0.46699, 0.4698, 0.59229, 0.52017, 0.44869]


def _with_score(val, train, score):
    steps = EVERY * np.arange(1, len(val) + 1)
    return feed(Overfitting("val/box_loss"), val, steps=steps, train_loss=train, task_score=score)


def test_an_eval_before_the_task_score_leaves_zero_is_no_reference():
    assert alarms(_with_score(_UNTRAINED_VAL, _UNTRAINED_TRAIN, _UNTRAINED_MAP)) == []
    # the same losses without the score: the untrained eval is the best, 8x below the rest
    assert alarms(evals(_UNTRAINED_VAL, _UNTRAINED_TRAIN)) != []


def test_a_task_score_that_stays_zero_keeps_the_history():
    # an HF run (tests/corpus/bachelor-thesis-log-history-json): eval_match_accuracy 0 at every eval
    val = [5.78, 3.73, 3.44, 3.58, 4.25, 4.38, 4.56, 4.94]
    train = [6.0, 3.1, 2.2, 1.6, 1.2, 0.95, 0.8, 0.70]
    findings = _with_score(val, train, [0.0] * len(val))
    assert [f.pathology for f in alarms(findings)][:1] == ["overfitting"]


def _exp45_columns():
    # holdout19a's YOLOv5 results.csv of a single-class run (yolov5-node-exp45-prefix-single-class):
    # epochs 0-34 of train/box_loss, mAP_0.5:0.95, val/box_loss and the weights' lr (x/lr1, warmed
    # up until epoch 10)
    rows = corpus_rows(
        "yolov5-node-exp45-prefix-single-class", "results.csv",
        r"^ +(\d+), +([\d.e-]+),(?: +[\d.e-]+,){5} +([\d.e-]+), +([\d.e-]+),(?: +[\d.e-]+,){3} +([\d.e-]+),",
    )
    return (list(column) for column in zip(*rows[:35]))


def test_a_val_loss_that_jumps_and_stays_up_before_the_score_leaves_zero_only_warns():
    # val/box_loss 0.102 -> 0.134 in epochs 8-17 and held there while mAP_0.5:0.95 reads 0.0001-0.004
    # and the train box loss falls 0.100 -> 0.082; it falls to 0.073 by epoch 30 once mAP rises
    epochs, train, score, val, lr = _exp45_columns()
    assert epochs[:3] == [0, 1, 2] and max(score[:25]) < 0.01 and score[25] > 0.02
    steps = EVERY * np.arange(1, len(val) + 1)

    def judged(scores):
        return alarms(feed(Overfitting("val/box_loss"), val, steps=steps, train_loss=train, task_score=scores, lr=lr))

    assert [(f.pathology, f.severity) for f in judged(score)] == [("overfitting", "warn")]
    # the same rise scored by a model that had learned something alerts
    assert "alert" in [f.severity for f in judged([0.3] * len(val))]
    # and a val loss that rises eval after eval alerts at a score of 0 all the same (AllenNLP names:
    # rising every epoch from its best at the first, val accuracy 0-0.06)
    val_rising = [2.958, 3.05, 3.154, 3.4, 3.698, 3.9, 4.1]
    train_falling = [2.876, 2.7, 2.6, 2.5, 2.4, 2.3, 2.2]
    rising = _with_score(val_rising, train_falling, [0.0] * len(val_rising))
    assert "alert" in [f.severity for f in alarms(rising)]


def test_a_copy_of_the_last_eval_in_a_row_where_none_ran_is_no_eval():
    # holdout19j's Ultralytics segment results.csv (orchard-take-home-yolo-segment-train26-prefix,
    # healthy): validated every 2nd epoch, the row between repeats val/box_loss to its last digit;
    # 1.44 at epochs 78-81, then 1.63, 1.79, 1.63, 1.70 over 4 evals (8 rows) and down to 1.37 by
    # epoch 96: counted twice, 4 evals read as "stayed up for 6 evals", an alert
    from lossmon.engine import check_file

    monitor = check_file("tests/corpus/orchard-take-home-yolo-segment-train26-prefix/results.csv")
    val = monitor.store["val/box_loss"].values.tolist()
    assert val[77] == val[78] == 1.44357 and val[81] == val[82] == 1.62649
    assert [f for f in monitor.findings if f.pathology == "overfitting"] == []


def test_a_short_run_whose_val_loss_settles_above_its_best_warns():
    # holdout19d's ATIK2110018 cat_vs_dog.ipynb (Keras 3, 10 epochs, overfitting): val_loss best at
    # epoch 5 (0.4785), then 0.5306, 0.7800, 0.5735, 0.5733 while the loss falls 0.39 -> 0.094
    from lossmon.engine import check_file

    monitor = check_file("tests/corpus/atik2110018-cat-dog-ipynb-keras3-val-rises/cat_vs_dog.ipynb")
    found = [f for f in monitor.findings if f.pathology == "overfitting"]
    assert [(f.severity, f.step) for f in found] == [("warn", 5625.0)]
    assert "has not improved for 4 evals since its best (0.4785" in found[0].message
    # the same climb from a best at the first eval is a barely trained model's draw (cn-project's
    # history.json, healthy), and a val loss that strayed as high before wanders (sop-kubernetes's
    # training_history.json, healthy)
    for healthy in ("cn-project-history-json-nested-train-val/history.json",
                    "sop-kubernetes-training-history-json-noisy-val/training_history.json"):
        assert [f for f in check_file(f"tests/corpus/{healthy}").findings if f.pathology == "overfitting"] == []


def test_a_new_fold_is_judged_against_its_own_best_not_the_fold_before():
    # k-fold runs logged one after the other, the fold in a logged schedule variable
    # (tests/corpus/clutchshot-our-kfold-history-dict-lines-prefix, its folds 2 and 3 of the second
    # round, rounded): fold 3's val loss falls from 0.233 to 0.124 but never reaches fold 2's best 0.1026.
    fold2_val = [0.2504, 0.1698, 0.1376, 0.117, 0.1089, 0.1119, 0.11, 0.1026, 0.1087, 0.1096, 0.1113, 0.1142, 0.1154]
    fold3_val = [0.2329, 0.1671, 0.1458, 0.1273, 0.1265, 0.1277, 0.1252, 0.1236, 0.1281, 0.1281, 0.1233, 0.1296,
                 0.1314, 0.1309, 0.1312, 0.1352]
    fold2_train = [0.4375, 0.1955, 0.1319, 0.0997, 0.0793, 0.0659, 0.0565, 0.0508, 0.0439, 0.0396, 0.0355, 0.0334, 0.0306]
    fold3_train = [0.4362, 0.1866, 0.1297, 0.1023, 0.0843, 0.068, 0.0601, 0.0527, 0.0472, 0.0426, 0.0376, 0.036,
                   0.034, 0.0316, 0.0301, 0.0283]
    # the monitor's HELD_BEFORE_CHANGE context: the fold (kfold 2 -> 3) changed at fold 3's first eval
    # after holding its value for fold 2's 13 evals
    held = [0.0] * len(fold2_val) + [float(len(fold2_val))] + [0.0] * (len(fold3_val) - 1)
    findings = feed(
        Overfitting("val_loss"), fold2_val + fold3_val, train_loss=fold2_train + fold3_train, schedule=held
    )
    in_fold3 = [f for f in findings if f.step > len(fold2_val) and f.severity in ("warn", "alert")]
    assert not any("best eval 0.1026" in f.message for f in in_fold3)
    assert not any(f.severity == "alert" for f in in_fold3)


def test_a_climb_from_the_first_eval_with_no_noise_scale_warns_but_does_not_alert():
    # Akrambelyamani/R-D_project- (an EfficientNet fine-tune in a notebook): its val loss is best
    # at the first epoch, climbs 49% over the next three while the train loss falls 4.6x, then
    # falls to 0.0084 by epoch 17 (val accuracy 98.6-99.9% throughout): no jitter is known at a
    # best of the first eval, so the climb is a warning, not an alert.
    val = [0.0184, 0.0192, 0.0235, 0.0358, 0.0249, 0.0458, 0.0176, 0.0274, 0.0107, 0.016,
           0.0148, 0.016, 0.0277, 0.0172, 0.0217, 0.0097, 0.0084, 0.0088, 0.0208, 0.0131]
    train = [0.1159, 0.0417, 0.0309, 0.0252, 0.03, 0.0169, 0.0195, 0.018, 0.0139, 0.0089,
             0.0125, 0.0172, 0.0143, 0.0106, 0.0059, 0.013, 0.0114, 0.0028, 0.0134, 0.0074]
    severities = [finding.severity for finding in evals(val, train)]
    assert "alert" not in severities and "warn" in severities


def _kanji_history():
    # kanji-handwritten-metrics-history-json (overfitting): a dict of lists over 15 epochs. val_loss
    # falls 0.474 -> 0.0671 (epoch 12) with a jitter of 10-15% (0.118 -> 0.141 -> 0.114), then climbs
    # 0.0863, 0.1001, 0.1076 while val_acc falls 0.9832 -> 0.9792, 0.9763, 0.9741 and the train loss
    # keeps falling 0.0794 -> 0.0656.
    import json
    from pathlib import Path

    path = Path(__file__).parents[2] / "corpus" / "kanji-handwritten-metrics-history-json" / "metrics_history.json"
    history = json.loads(path.read_text())
    return (np.array(history[key]) for key in ("train_loss", "val_loss", "val_acc"))


def test_a_climb_that_the_task_score_follows_down_warns_below_the_jitter_bar():
    train, val, acc = _kanji_history()
    found = feed(Overfitting(), val, steps=range(1, 16), names={"task_score": "val_acc"}, train_loss=train, task_score=acc)
    assert [(f.severity, f.step) for f in found] == [("warn", 15)]
    assert "val_acc fell 3 evals in a row" in found[0].message


def test_the_same_climb_with_a_task_score_that_holds_or_without_one_is_within_the_noise():
    train, val, acc = _kanji_history()
    assert feed(Overfitting(), val, steps=range(1, 16), train_loss=train) == []
    holding = acc.copy()
    holding[12:] = [0.9841, 0.9790, 0.9812]  # one fall, not one at each rise
    assert feed(Overfitting(), val, steps=range(1, 16), train_loss=train, task_score=holding) == []


def test_a_smooth_val_loss_that_turns_up_at_the_end_while_the_score_falls_warns_on_its_raw_rise():
    # ai-portfolio-imdb-sentiment-ipynb-keras-overfit (overfitting): Keras fit of 10 epochs. The val
    # loss falls smoothly to 0.3127 (epoch 7), then 0.3222, 0.3371, 0.3530 while val_accuracy falls
    # 0.8699 -> 0.8654 and the loss 0.1195 -> 0.0394. The smoothed level, an eval behind, is 5%
    # above its best at the end (the bar 7%); the raw climb is 13%.
    val = [0.611, 0.5087, 0.4176, 0.3572, 0.3255, 0.3138, 0.3127, 0.3222, 0.3371, 0.353]
    train = [0.6646, 0.5478, 0.4237, 0.3141, 0.2292, 0.166, 0.1195, 0.085, 0.0585, 0.0394]
    accuracy = [0.6086, 0.7334, 0.7959, 0.8399, 0.8541, 0.8644, 0.8699, 0.8695, 0.8687, 0.8654]
    found = feed(Overfitting(), val, train_loss=train, task_score=accuracy)
    assert [(f.severity, f.step) for f in found] == [("warn", 10)]
    assert "13% above its best (best eval 0.3127" in found[0].message
    assert feed(Overfitting(), val, train_loss=train) == []  # the val loss alone: within the bar


def _resnet34_columns():
    # anastasiia-cnn-resnet34-notebook-custom-print (overfitting): a notebook's loop printing
    # 'CrossEntropyLoss train x', 'CrossEntropyLoss validation y', 'Validation accuracy: z' for 35
    # epochs (read here with a regex, independently of lossmon).
    import json
    import re
    from pathlib import Path

    path = Path(__file__).parents[2] / "corpus" / "anastasiia-cnn-resnet34-notebook-custom-print" / "resnet34.ipynb"
    notebook = json.loads(path.read_text())
    text = "".join(
        "".join(output.get("text", "")) for cell in notebook["cells"] if cell["cell_type"] == "code"
        for output in cell.get("outputs", ())
    )
    columns = [[float(v) for v in re.findall(pattern, text)] for pattern in (
        r"CrossEntropyLoss train ([0-9.]+)", r"CrossEntropyLoss validation ([0-9.]+)", r"Validation accuracy: ([0-9.]+)",
    )]
    return (np.array(column) for column in columns)


def test_a_val_loss_that_settles_above_its_best_while_the_score_slips_warns_after_the_patience():
    train, val, accuracy = _resnet34_columns()
    assert len(train) == len(val) == len(accuracy) == 35 and val[16] == min(val)
    found = feed(Overfitting(), val, train_loss=train, task_score=accuracy, names={"task_score": "val_acc"})
    assert [(f.severity, f.step) for f in found][:1] == [("warn", 27.0)]
    assert "has not improved for 10 evals since its best (0.6893 at step 17)" in found[0].message
    # without the score, or with one that keeps rising, the same losses are a wander: nothing
    assert feed(Overfitting(), val, train_loss=train) == []
    rising = np.linspace(10.0, 80.0, len(val))
    assert feed(Overfitting(), val, train_loss=train, task_score=rising) == []


def test_a_val_loss_coming_back_down_is_no_longer_held_up():
    # holdout20b's protein-phylo VAE (Lightning metrics.csv, validation_loss per epoch): the KL term
    # dominates the start, the val loss climbs 20.1 -> 33.3 and comes back down, a new best at the
    # 7th eval and 0.25 by the 200th. Its smoothed level lags the fall: it is still 27% above its
    # best when the raw eval (22.9) is 14% above it and falling. A warning when it rose; no alert.
    val = [20.1, 23.7, 30.0, 33.3, 27.9, 22.85, 18.2, 14.6, 12.4, 10.7, 9.68, 8.38, 7.45, 6.73]
    train = [580.0, 239.0, 155.0, 78.5, 42.7, 29.8, 19.4, 16.6, 15.7, 13.6, 15.3, 7.79, 7.84, 6.11]
    findings = evals(val, train)
    assert [f.severity for f in findings] == ["warn"]
    # a val loss that stays up instead (no fall back) still alerts once held up 5 evals
    held = [20.1, 23.7, 30.0, 33.3, 31.0, 32.0, 31.5, 32.5, 31.8]
    assert "alert" in [f.severity for f in evals(held, train[: len(held)])]


def test_a_val_loss_rising_below_its_train_loss_warns_but_does_not_alert():
    # holdout20t's GRU forecaster (Keras 3, 300 epochs, labelled healthy): val_loss best 0.0160 at
    # epoch 10, then 5 rises to 0.0239 under a train loss that dropout keeps higher (0.043 -> 0.028),
    # then back to 0.0146 by epoch 25 and on down to 0.0075: no generalization gap opened
    val = [0.2745, 0.2091, 0.1555, 0.1092, 0.0719, 0.0452, 0.0278, 0.0201, 0.0170, 0.0160, 0.0164, 0.0185, 0.0212,
           0.0229, 0.0239, 0.0237, 0.0232, 0.0223, 0.0213, 0.0205, 0.0190, 0.0172, 0.0159, 0.0151, 0.0146]
    train = [0.2140, 0.1768, 0.1308, 0.0923, 0.0798, 0.0616, 0.0517, 0.0424, 0.0484, 0.0427, 0.0364, 0.0368, 0.0341,
             0.0348, 0.0281, 0.0228, 0.0333, 0.0303, 0.0260, 0.0227, 0.0214, 0.0266, 0.0230, 0.0265, 0.0242]
    found = evals(val, train)
    assert [f.severity for f in found] == ["warn"]
    # the same climb above the train loss alerts
    above = evals(val, [x / 4 for x in train])
    assert "alert" in [f.severity for f in above]


def test_a_rise_no_higher_than_one_it_came_back_from_is_a_warning():
    """amarbhade's LSTM stock forecaster (Untitled69.ipynb, holdout21d; healthy): val_loss printed
    to 2 significant digits, 0.0013 -> 0.0027 over epochs 75-78 and back to a new best (0.0012), then
    0.0014 -> 0.0022 over epochs 86-91 and back while the loss falls 2.1e-4 -> 1.2e-4. The second
    climb clears the alert bar but is no higher than the first: a warning."""
    rows = corpus_rows("amarbhade-deep-learning-untitled69-ipynb-keras-lstm-stock-fit", "Untitled69.ipynb",
                       r"loss: ([0-9.e-]+) - accuracy: [0-9.]+ - val_loss: ([0-9.e-]+)")
    train, val = (np.array(column) for column in zip(*rows))
    assert len(val) == 100 and val[77] == 0.0027 and val[90] == 0.0022
    found = feed(Overfitting("val_loss"), val, train_loss=train)
    assert [f.severity for f in found] == ["warn"]
    # with no memory of the first climb, the second alerts
    assert "alert" in [f.severity for f in feed(Overfitting("val_loss", recovered_evals=0), val, train_loss=train)]


def test_a_short_run_whose_val_loss_trends_up_from_its_best_while_the_train_loss_falls_warns():
    # darshanbhabad/NN-Design Untitled97.ipynb (keras 3 fit, 10 epochs): val_loss best 0.0822 at
    # epoch 6, then 0.0877, 0.0896, 0.0919, 0.0965 while loss falls 0.0285 -> 0.0136-0.0156. Too
    # mild for the level rules (their median 3.5% above the level at the best), but every eval since
    # the best lies on a line rising 9%, the latest 17% above the best.
    val = [0.157, 0.107, 0.1088, 0.0991, 0.0886, 0.0822, 0.0877, 0.0896, 0.0919, 0.0965]
    train = [0.5763, 0.1294, 0.0766, 0.0569, 0.0392, 0.0285, 0.0232, 0.0165, 0.0136, 0.0156]
    findings = evals(val, train)
    assert summary(findings) == [("overfitting", "warn", 10 * EVERY)]
    assert "has risen over the 4 evals since its best" in findings[0].message


def test_a_val_trend_up_while_the_train_loss_rises_along_is_not_overfitting():
    # krupakothadia05's artist MLP (keras fit, labelled healthy): val_loss 0.9303 at epoch 4, then
    # 1.0396, 1.0099, 1.1196, 1.1315 (a line rising 10%) while the train loss, collapsed since the
    # best, climbs back 0.024 -> 0.108 along; the val loss then falls to 0.66 and stays there.
    val = [1.7066, 0.97, 1.1759, 0.9303, 1.0396, 1.0099, 1.1196, 1.1315, 0.9551, 0.7633, 0.8648, 0.7468]
    train = [11.6403, 0.8629, 0.3318, 0.1444, 0.0558, 0.024, 0.0356, 0.0596, 0.108, 0.0316, 0.0123, 0.0317]
    assert alarms(evals(val, train)) == []


def test_a_val_loss_that_scatters_after_its_best_has_no_trend():
    # the same rise at the end, but the evals since the best scatter about a flat line (their
    # scatter, not a slope): no trend to speak of
    val = [0.157, 0.107, 0.1088, 0.0991, 0.0886, 0.0822, 0.0965, 0.0850, 0.0990, 0.0860, 0.0975]
    train = [0.5763, 0.1294, 0.0766, 0.0569, 0.0392, 0.0285, 0.0232, 0.0165, 0.0136, 0.0120, 0.0110]
    assert [f for f in alarms(evals(val, train)) if "trend" in f.message] == []
