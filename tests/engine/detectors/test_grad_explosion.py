import numpy as np

from lossmon.engine.detectors.grad_explosion import GradExplosion
from tests.engine.detectors.series import alarms, feed, summary


def norms(n: int = 2000, seed: int = 0) -> np.ndarray:
    return 0.3 * np.exp(0.2 * np.random.default_rng(seed).standard_normal(n))


def test_routine_grad_norm_spikes_of_a_few_x_are_not_explosions():
    g = norms()
    g[[500, 900, 1300]] *= [3.0, 5.0, 7.5]  # as in a healthy llm.c run
    assert alarms(feed(GradExplosion("grad_norm"), g)) == []


def test_a_norm_ramping_up_by_orders_of_magnitude_warns_then_alerts():
    # BLOOM-176B: 0.24 -> 0.95 -> 2.4 -> 16 -> 145 -> 960
    g = norms()
    g[1500:] *= np.minimum(4000.0, 4.0 ** np.arange(1, 501))
    findings = feed(GradExplosion("grad_norm"), g)
    assert [s for _, s, _ in summary(findings)] == ["warn", "alert"]
    assert 1501 <= findings[0].step <= 1504


def test_reset_forgets_the_level():
    d = GradExplosion("grad_norm")
    feed(d, norms() * 100)
    d.reset()
    assert alarms(feed(d, norms(seed=1))) == []


def test_an_early_one_batch_jump_of_the_grad_norm_waits_for_its_verdict():
    # bert-multiclass-log-history-json (holdout8a, healthy): HF log_history, grad_norm every 500
    # steps while the loss falls 0.374 -> 0.014: one 13x reading, straight back down.
    grad = [0.08542, 0.05014, 0.8586, 0.01691, 0.02011, 0.00939, 0.008276]
    steps = 500.0 * np.arange(1, 8)
    found = feed(GradExplosion(), grad, steps=steps)
    assert [(f.severity, f.step) for f in found] == [("info", 2000.0)]
    assert "straight back down" in found[0].message
    # A jump that stays up warns, one point later.
    stays = grad[:3] + [0.9, 0.85, 0.8, 0.9]
    assert [(f.severity, f.step) for f in feed(GradExplosion(), stays, steps=steps)][:1] == [("warn", 2000.0)]
