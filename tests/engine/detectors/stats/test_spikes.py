"""The spike rule's debiasing share (_filled) is skipped once it is 1.0 exactly: the same bits."""

import numpy as np
import pytest

from lossmon.engine.detectors.stats import spikes
from lossmon.engine.detectors.exploding_loss import ExplodingLoss


@pytest.mark.parametrize("alpha", [0.001, 0.02, 0.05, 0.3, 0.9])
def test_the_share_is_one_exactly_from_full_after_on(alpha):
    full = spikes._full_after(alpha)
    assert (spikes._filled(alpha, np.arange(full, full + 200_000)) == 1.0).all()
    assert spikes._filled(alpha, 0) < 1.0  # and it is not 1.0 from the start


def test_alpha_outside_zero_one_is_always_computed():
    assert spikes._full_after(0.0) > 1 << 60 and spikes._full_after(1.0) > 1 << 60


def _findings(loss: np.ndarray) -> list[tuple]:
    detector = ExplodingLoss()
    found = []
    for start in range(0, len(loss), 4500):  # in blocks, as a log is read
        chunk = loss[start : start + 4500]
        found += [(f.severity, f.step, f.message) for f in detector.update_values(chunk, steps=np.arange(start, start + len(chunk)))]
    return found


def test_findings_are_the_same_as_with_every_share_computed(monkeypatch):
    rng = np.random.default_rng(11)
    n = 60_000
    loss = 2.0 * np.exp(-np.arange(n) / 20_000) * np.exp(0.05 * rng.standard_normal(n))
    loss[[3000, 21_000, 40_000]] *= [8.0, 20.0, 3.0]  # spikes, early and late
    loss[50_000:50_020] *= 15.0  # one that stays up
    fast = _findings(loss)
    monkeypatch.setattr(spikes, "_full_after", lambda alpha: 1 << 62)
    assert _findings(loss) == fast and len(fast) >= 3
