"""Gradient explosion: the grad norm jumps far above its running level.

The grad norm is the leading indicator of a loss spike (BLOOM-176B: the norm went 0.24 -> 960 in
five steps while the loss only doubled; Takase et al., "Spike No More"), so it gets the same
spike rule as the loss (stats/spikes.py: EWMA z-score on log grad norm, warn at once, alert when it
stays up), with a higher bar: grad norms are jumpier than losses (single-step 3-8x norm spikes
are routine in healthy LLM runs, e.g. llm.c), so a spike is 10x the level (the ratio of OLMo and
Megatron) and z > 6, and early in a run, when norms often rise as the lr warms up, 10x the median
of the last values; the level keeps learning from points up to 4 sigma or 2x (a wobbling norm is normal).
A grad norm is one batch's: an early jump (before there is a noise scale) that is straight back
down at the next point is info, one that stays up warns (a HF run logging every 500 steps: 0.085,
0.050, 0.859, 0.017, 0.020 while the loss falls 0.37 -> 0.01).
A grad norm that stays up alerts only once the train loss shows it too (stats/spikes.py, the
follower): the norm leads a loss spike, and the checklist's act-now items (clip, lower the lr)
are for a run whose loss follows. A Hugging Face Trainer logs the norm before clipping (at 1.0
by default), so a norm 25x up for a few logged points while the loss keeps falling is a run that
clipping carried through: a warning, not an alert.
"""

from __future__ import annotations

import numpy as np

from lossmon.engine.detectors.base import LAST, Detector, Event, Points
from lossmon.engine.detectors.stats.features import finite_logs
from lossmon.engine.detectors.stats.spikes import SpikeRules, SpikeWatch
from lossmon.engine.findings import Finding


class GradExplosion(Detector):
    """The grad norm jumps far above its running level (the module docstring has the rule).

    Parameters:
        rules: the spike rule (stats/spikes.py); by default a spike is 10x the level and z > 6.

    A 50x jump of a steady grad norm warns at once; it came back down, so no alert:

    >>> detector = GradExplosion()
    >>> [(f.severity, f.step) for f in detector.update_values([1.0] * 30 + [50.0] + [1.0] * 3)]
    [('warn', 31.0)]
    """

    pathology = "grad_explosion"
    driver = "grad_norm"
    context = {"train_loss": LAST}

    def __init__(
        self, series: str = "grad_norm", attrs: dict | None = None, *,
        rules: SpikeRules = SpikeRules(noun="grad norm", spike_ratio=10.0, early_ratio=10.0, outlier_z=4.0, outlier_ratio=2.0),
    ) -> None:
        self.rules = rules
        super().__init__(series, attrs)

    def reset(self) -> None:
        super().reset()
        self._spikes = SpikeWatch(self.rules)

    def update(self, points: Points) -> list[Finding]:
        logs, where = finite_logs(points)
        if not len(where):
            return []
        events: list[Event] = []
        # A grad norm is always one batch's (never an epoch mean, even when logged once an epoch):
        # an early jump, before the series has a noise scale, waits one point for its verdict.
        self._spikes.scan(
            logs, points.steps, points.values, where, events, np.ones(len(logs), dtype=bool),
            follower=points.ctx("train_loss")[where],
        )
        return self.apply(points, events)
