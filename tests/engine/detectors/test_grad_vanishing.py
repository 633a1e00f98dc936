import numpy as np

from lossmon.engine.detectors.grad_vanishing import GradVanishing
from tests.engine.detectors.series import feed, summary


def norms(n: int, seed: int = 0) -> np.ndarray:
    return 0.5 * np.exp(0.1 * np.random.default_rng(seed).standard_normal(n))


def test_a_norm_collapsing_a_thousandfold_and_staying_there_warns():
    g = norms(2000)
    g[800:] *= 1e-3
    found = summary(feed(GradVanishing("grad_norm"), g))
    assert [s for _, s, _ in found] == ["warn"] and 800 < found[0][2] < 1300


def test_a_norm_that_is_zero_warns_and_recovering_clears_it():
    d = GradVanishing("grad_norm")
    g = norms(300)
    g[200:] = 0.0
    assert [s for _, s, _ in summary(feed(d, g))][:1] == ["warn"]
    feed(d, norms(300))
    assert d.active is None


def test_a_high_start_that_settles_is_normal():
    g = norms(3000)
    g[:100] *= np.linspace(300, 1, 100)  # norms at initialisation are often huge
    assert feed(GradVanishing("grad_norm"), g) == []
