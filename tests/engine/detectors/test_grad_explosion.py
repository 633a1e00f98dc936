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


# arabic-punct-hf-trainer-dict-prints-training-log (holdout11u, healthy): a HF Trainer fine-tune
# printing "{'loss': 0.2833, 'grad_norm': 5.662769317626953, 'learning_rate': 1.06e-05, 'epoch': 0.52}".
# The norm (logged before clipping at 1.0) goes 0.63 -> 5.7 -> 12.4 -> 16.1 -> 1.3 while the loss
# keeps falling, and the eval F1 rises 0.61 -> 0.75.
ARABIC_GRAD = [
    2.1786, 0.8671, 2.1608, 2.7584, 0.9683, 0.4738, 0.5312, 0.4379, 0.6750, 0.6260, 5.6628,
    12.3572, 16.0772, 1.3345, 1.9442, 0.3822, 0.5091, 2.8373, 0.3835, 0.5615, 1.1245,
]
ARABIC_LOSS = [
    0.7665, 0.3583, 0.3372, 0.3102, 0.3099, 0.3077, 0.2955, 0.293, 0.296, 0.2849, 0.2833,
    0.2869, 0.2793, 0.2823, 0.2779, 0.2811, 0.2738, 0.275, 0.2709, 0.2744, 0.2709,
]


def test_a_norm_that_stays_up_while_the_loss_keeps_falling_warns_but_does_not_alert():
    found = feed(GradExplosion(), ARABIC_GRAD, train_loss=ARABIC_LOSS)
    assert [f.severity for f in alarms(found)] == ["warn"]
    # without the loss to judge by, the same norms alert as before
    assert "alert" in [f.severity for f in feed(GradExplosion(), ARABIC_GRAD)]


def test_a_norm_that_stays_up_alerts_once_the_loss_follows():
    # BLOOM-176B tr11 chronicles: grad norm 0.242 -> 0.947 -> 2.39 -> 15.9 -> 145 -> 960 while the
    # lm loss goes 2.199 -> 2.220 -> 2.595 -> 2.242 -> 2.345 -> 5.098.
    g = norms(40)
    loss = 2.2 * np.exp(0.005 * np.random.default_rng(1).standard_normal(40))
    g = np.concatenate((g, [0.947, 2.39, 15.9, 145.0, 960.0, 900.0]))
    flat = np.concatenate((loss, [2.19, 2.18, 2.19, 2.18, 2.19, 2.18]))
    rising = np.concatenate((loss, [2.220, 2.595, 2.242, 2.345, 5.098, 5.0]))
    assert "alert" not in [f.severity for f in feed(GradExplosion(), g, train_loss=flat)]
    found = feed(GradExplosion(), g, train_loss=rising)
    assert [f.severity for f in alarms(found)] == ["warn", "alert"]
    # the same in any batches
    assert summary(feed(GradExplosion(), g, chunks=[41, 43], train_loss=rising)) == summary(found)
