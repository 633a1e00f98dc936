import numpy as np

from lossmon.engine.detectors.not_converging import NotConverging
from tests.engine.detectors.series import alarms, decaying, feed, summary


def bouncing(n: int, swing: float, seed: int = 0, level: float = 2.3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    zigzag = np.where(np.arange(n) % 2, 1.0, -1.0) * np.abs(rng.normal(0, swing, n))
    return level * np.exp(zigzag)


def test_a_loss_bouncing_widely_without_progress_is_flagged_then_alerted():
    findings = feed(NotConverging("loss"), bouncing(2000, 0.5))
    assert [s for _, s, _ in summary(findings)] == ["warn", "alert"]
    assert findings[0].step == 340.0  # two full windows of 16 blocks of 20 points
    assert "no progress" in findings[0].message


def test_a_noisy_loss_that_still_falls_is_progressing():
    assert alarms(feed(NotConverging("loss"), decaying(3000, noise=0.2))) == []


def test_a_converged_loss_that_is_noisy_by_nature_is_not_bouncing():
    # Per-batch losses of some models (diffusion, RL) swing +-40% once converged: the run halved
    # its loss and swings as much as it always did.
    rng = np.random.default_rng(2)
    level = 0.03 + 10 * np.exp(-np.arange(4000) / 30)
    loss = level * np.exp(0.4 * rng.standard_normal(4000))
    assert alarms(feed(NotConverging("loss"), loss)) == []


def test_a_run_that_starts_bouncing_mid_way_is_flagged():
    loss = decaying(3000, noise=0.03)
    loss[1500:] = loss[1499] * np.exp(np.where(np.arange(1500) % 2, 0.5, -0.5))
    found = summary(feed(NotConverging("loss"), loss))
    assert found and 1500 < found[0][2] < 2200


def test_a_flat_quiet_loss_is_a_plateau_not_this():
    rng = np.random.default_rng(0)
    assert feed(NotConverging("loss"), 2.3 * np.exp(0.01 * rng.standard_normal(3000))) == []


def test_reset_starts_over():
    d = NotConverging("loss")
    feed(d, bouncing(300, 0.5))
    d.reset()
    assert feed(d, bouncing(300, 0.5, seed=1)) == []  # not yet two windows since the reset
