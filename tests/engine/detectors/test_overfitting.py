import numpy as np

from lossmon.engine.detectors.overfitting import Overfitting
from tests.engine.detectors.series import alarms, feed, summary

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
    # Without the lr the same numbers look like a val loss that rose from its first eval.
    assert alarms(feed(Overfitting("val/box_loss"), val, steps=steps, train_loss=train))
