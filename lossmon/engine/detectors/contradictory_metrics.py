"""Contradictory metrics: the loss improves while recall/precision/F1 stays at 0 or frozen.

Typical of heavy class imbalance: the model learns the majority class and its predictions never
cross the 0.5 threshold, so the loss falls while recall reads exactly 0. A metric is *stuck* at
an evaluation when it repeats its previous value exactly (values are compared as logged), or
when a recall/precision/F1 reads 0. A metric at its perfect value (1, or 100%) is not stuck.

warn: stuck for 3 evaluations while the train loss (its mean since the previous evaluation)
fell at least 10% since the metric took that value. alert: 5 evaluations, at 0.
"""

from __future__ import annotations

import math
import re

import numpy as np

from lossmon.engine.detectors.base import MEAN_SINCE_PREVIOUS, Detector, Event, Points
from lossmon.engine.detectors.vector import previous, run_lengths
from lossmon.engine.findings import Finding, format_step

WARN_EVALS, ALERT_EVALS = 3, 5  # evaluations with the metric stuck
LOSS_FALL = 0.10  # while the train loss fell at least 10%
_ZERO_MEANS_BROKEN = re.compile(r"recall|precision|f1", re.I)


class ContradictoryMetrics(Detector):
    pathology = "contradictory_metrics"
    driver = "classification_metric"
    context = {"train_loss": MEAN_SINCE_PREVIOUS}

    def reset(self) -> None:
        super().reset()
        self._previous = math.nan
        self._run = 0
        self._reference = math.nan  # train loss when the metric took its current value

    def update(self, points: Points) -> list[Finding]:
        where = np.flatnonzero(np.isfinite(points.values))
        if not len(where):
            return []
        values = points.values[where]
        loss = points.ctx("train_loss")[where]
        zero_is_stuck = bool(_ZERO_MEANS_BROKEN.search(points.series))
        perfect = (values == 1.0) | (values == 100.0)
        stuck = ((values == previous(values, self._previous)) | (zero_is_stuck & (values == 0.0))) & ~perfect
        run = run_lengths(stuck, self._run)
        # The reference loss: at the last point where the metric moved (or the first point seen).
        fresh = ~stuck
        if math.isnan(self._reference) and not fresh[0]:
            fresh = fresh.copy()
            fresh[0] = True
        source = np.maximum.accumulate(np.where(fresh, np.arange(len(values)), -1))
        reference = np.where(source >= 0, loss[np.maximum(source, 0)], self._reference)
        self._previous, self._run = float(values[-1]), int(run[-1])
        self._reference = float(reference[-1])
        with np.errstate(divide="ignore", invalid="ignore"):
            fall = 1.0 - loss / reference
        falling = np.isfinite(fall) & (fall >= LOSS_FALL) & (reference > 0)
        events = []
        rules = (("warn", falling & (run >= WARN_EVALS)), ("alert", falling & (run >= ALERT_EVALS) & (values == 0.0)))
        for severity, flags in rules:
            for i in self.entries(severity, flags).tolist():
                events.append(Event(int(where[i]), severity, self._message(values[i], run[i], fall[i], points, where[i])))
        for i in self.entries("moved", ~stuck).tolist():
            events.append(Event(int(where[i]), None))
        return self.apply(points, events)

    def _message(self, value, run, fall, points: Points, i) -> str:
        return (
            f"{points.series} stuck at {value:g} for {run} evaluations while the loss fell "
            f"{fall:.0%} (step {format_step(points.steps[i])})"
        )
