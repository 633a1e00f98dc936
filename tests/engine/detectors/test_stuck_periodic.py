import re

import numpy as np

from lossmon.engine.detectors.stuck_periodic import StuckPeriodic
from tests.engine.detectors.series import alarms, decaying, feed, summary

EPOCH = 300


def with_pattern(n: int, pattern: np.ndarray, noise: float = 0.03, seed: int = 0) -> np.ndarray:
    loss = decaying(n, noise=noise, seed=seed)
    position = np.arange(n) % EPOCH
    return loss * np.exp(pattern[position * len(pattern) // EPOCH])


def test_class_sorted_data_repeats_a_pattern_every_epoch():
    blocks = np.array([0.08, -0.05, 0.02, -0.06, 0.01])  # one level per class block
    n = 10 * EPOCH
    findings = feed(StuckPeriodic("loss"), with_pattern(n, blocks), epoch=np.arange(n) / EPOCH)
    assert [s for _, s, _ in summary(findings)] == ["warn"]
    assert findings[0].step <= 5 * EPOCH + 1
    assert "same pattern within every epoch period" in findings[0].message


def test_the_multi_epoch_staircase_is_information_only():
    n = 10 * EPOCH
    epoch = np.arange(n) // EPOCH
    rng = np.random.default_rng(1)
    loss = 2.0 * np.exp(-0.15 * epoch + 0.02 * rng.standard_normal(n))  # flat, then a drop each epoch
    findings = feed(StuckPeriodic("loss"), loss, epoch=np.arange(n) / EPOCH)
    assert alarms(findings) == [] and [f.severity for f in findings] == ["info"]
    assert "staircase" in findings[0].message


def test_a_healthy_loss_with_epochs_has_no_pattern():
    n = 12 * EPOCH
    assert feed(StuckPeriodic("loss"), decaying(n, noise=0.05), epoch=np.arange(n) / EPOCH) == []


def test_without_epochs_the_period_is_found_by_autocorrelation():
    rng = np.random.default_rng(2)
    n, period = 3000, 75
    loss = decaying(n, noise=0.03) * np.exp(0.06 * np.sin(2 * np.pi * np.arange(n) / period + rng.uniform(0, 6)))
    findings = feed(StuckPeriodic("loss"), loss)
    assert [s for _, s, _ in summary(findings)][:1] == ["warn"]
    assert "75-point" in findings[0].message


def test_keras_running_averages_are_sawtooths_by_construction():
    n = 10 * EPOCH
    loss = decaying(n, noise=0.05)
    running = np.concatenate([np.cumsum(c) / np.arange(1, len(c) + 1) for c in np.split(loss, n // EPOCH)])
    detector = StuckPeriodic("loss", {"epoch_running_average": True})
    assert feed(detector, running) == []


def test_without_epochs_a_long_period_is_found_once_enough_points_are_seen():
    blocks = np.array([0.08, -0.05, 0.02, -0.06, 0.01])
    n = 16 * EPOCH  # a 300-point period: beyond the first 1024-point scans (periods up to 190)
    findings = feed(StuckPeriodic("loss"), with_pattern(n, blocks))
    assert [s for _, s, _ in summary(findings)][:1] == ["warn"]
    assert re.search(r"every (29\d|30\d)-point period", findings[0].message)


def test_per_batch_losses_on_lines_flagged_as_running_means_are_judged():
    # A log that writes each batch's own loss on Keras progress lines: the parser flags the
    # series as running means, but the values do not behave as such.
    blocks = np.array([0.08, -0.05, 0.02, -0.06, 0.01])
    n, period = 3000, 100
    loss = decaying(n, noise=0.03) * np.exp(blocks[(np.arange(n) % period) * len(blocks) // period])
    raw = StuckPeriodic("loss", {"epoch_running_average": True})
    assert [s for _, s, _ in summary(feed(raw, loss))][:1] == ["warn"]
    # True running means of the epoch (what Keras prints) stay skipped, pattern or not.
    epochs = np.arange(n) // period
    running = np.concatenate([np.cumsum(loss[epochs == e]) / np.arange(1, period + 1) for e in range(n // period)])
    assert feed(StuckPeriodic("loss", {"epoch_running_average": True}), np.round(running, 4)) == []


def bending(n: int, seed: int = 0) -> np.ndarray:
    """A loss that falls fast inside its first epochs (time constant 1.2 epochs) to a floor."""
    t = np.arange(n) / EPOCH
    return (0.3 + 2.0 * np.exp(-t / 1.2)) * np.exp(0.03 * np.random.default_rng(seed).standard_normal(n))


def test_the_bend_of_a_fast_falling_loss_is_not_a_pattern():
    # Against a straight trend, the same bend left in every early epoch's residual agreed with itself.
    n = 12 * EPOCH
    for seed in range(3):
        assert feed(StuckPeriodic("loss"), bending(n, seed), epoch=np.arange(n) / EPOCH) == []


def test_a_weak_pattern_on_a_fast_falling_loss_is_found_within_six_epochs():
    n = 6 * EPOCH + 1
    pattern = np.exp(0.02 * np.sqrt(2) * np.sin(2 * np.pi * np.arange(n) / EPOCH + 1.0))  # 2/3 of the noise
    for seed in range(3):
        findings = feed(StuckPeriodic("loss"), bending(n, seed) * pattern, epoch=np.arange(n) / EPOCH)
        assert [f.severity for f in findings][:1] == ["warn"]
        assert "same pattern within every epoch period" in findings[0].message


def test_a_loss_that_falls_within_every_epoch_is_a_pattern_not_a_staircase():
    # High on the first classes of sorted data, falling through the epoch, back up at its start:
    # a straight line fits its profile as well as the staircase's, but the staircase's rises.
    n = 10 * EPOCH
    falling = -0.08 * np.linspace(-0.5, 0.5, 10)
    findings = feed(StuckPeriodic("loss"), with_pattern(n, falling), epoch=np.arange(n) / EPOCH)
    assert [s for _, s, _ in summary(findings)] == ["warn"]
    assert "same pattern within every epoch period" in findings[0].message


def test_without_epochs_a_fast_early_drop_does_not_hide_a_weak_pattern():
    # The loss falls 10x in its first 150 points: the moving average lags far behind, and that
    # swing (lag-1 autocorrelation near 1) swamped a pattern twice the point noise in every scan.
    rng = np.random.default_rng(3)
    n, period = 2400, 71
    t = np.arange(n)
    trend = 0.6 * (1 + 9 * np.exp(-t / 40.0))
    pattern = 0.02 * np.sqrt(2) * np.sin(2 * np.pi * t / period + 1.0)
    loss = trend * np.exp(pattern + 0.01 * rng.standard_normal(n))
    findings = feed(StuckPeriodic("loss"), loss)
    assert [s for _, s, _ in summary(findings)][:1] == ["warn"]
    assert findings[0].step <= 2000 and re.search(r"every (70|71|72)-point period", findings[0].message)


def test_without_epochs_a_transient_that_fills_the_ring_says_nothing_yet():
    # Flat for 700 points, then a 200x fall: with a 513-point detrending span, nothing of the
    # first scan's residual is left once the transient is dropped; the scan has no period (it
    # must not fold an empty stub).
    t = np.arange(1100)
    loss = (0.1 + 20 * np.exp(-np.maximum(t - 700, 0) / 40.0)) * np.exp(0.01 * np.random.default_rng(4).standard_normal(1100))
    assert feed(StuckPeriodic("loss", detrend_points=513), loss) == []


def test_a_straight_finely_printed_loss_is_neither_periodic_nor_a_crash():
    """`step {s} loss {2 - s/1e7:.7f}` for 250k steps (found by parse15's audit: a traceback from
    the period scan): detrended, the loss is float noise of 1e-12, whose autocorrelation peak could
    sit at its window's edge and give a negative period; and a pattern that small is never data
    order."""
    values = np.round(2 - np.arange(250_000) / 1e7, 7)
    assert StuckPeriodic().update_values(values) == []
