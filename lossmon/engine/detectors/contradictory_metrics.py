"""Contradictory metrics: the loss improves while recall/precision/F1 stays at 0 or frozen.

Typical of heavy class imbalance: the model learns the majority class and its predictions never
cross the 0.5 threshold, so the loss falls while recall reads exactly 0.
"""

from __future__ import annotations

import math
import re

from lossmon.engine.detectors.base import MEAN_SINCE_PREVIOUS, Detector, Points
from lossmon.engine.findings import Finding, format_step

WARN_EVALS, ALERT_EVALS = 3, 5  # evaluations with the metric stuck
LOSS_FALL = 0.10  # while the train loss fell at least 10%
_ZERO_MEANS_BROKEN = re.compile(r"recall|precision|f1", re.I)


class ContradictoryMetrics(Detector):
    pathology = "contradictory_metrics"
    driver = "classification_metric"
    context = {"train_loss": MEAN_SINCE_PREVIOUS}

    def reset(self) -> None:
        self._previous = math.nan
        self._stuck = 0
        self._loss_when_stuck = math.nan

    def update(self, points: Points) -> list[Finding]:
        findings = []
        loss = points.ctx("train_loss").tolist()
        for i, value in enumerate(points.values.tolist()):
            if not math.isfinite(value):
                continue
            finding = self._observe(value, loss[i], points, i)
            if finding is not None:
                findings.append(finding)
        return findings

    def _observe(self, value: float, loss: float, points: Points, i: int) -> Finding | None:
        stuck = value == self._previous or (value == 0.0 and _ZERO_MEANS_BROKEN.search(points.series))
        self._previous = value
        if not stuck:
            self._stuck = 0
            self._loss_when_stuck = loss
            if self.active is not None:
                self.clear()
            return None
        if self._stuck == 0 and not math.isfinite(self._loss_when_stuck):
            self._loss_when_stuck = loss
        self._stuck += 1
        if self._stuck < WARN_EVALS or not (math.isfinite(loss) and self._loss_when_stuck > 0):
            return None
        fall = 1.0 - loss / self._loss_when_stuck
        if fall < LOSS_FALL:
            return None
        severity = "alert" if self._stuck >= ALERT_EVALS and value == 0.0 else "warn"
        return self.raise_finding(
            severity, points, i,
            f"{points.series} stuck at {value:g} for {self._stuck} evaluations while the loss fell "
            f"{fall:.0%} (step {format_step(points.steps[i])})",
        )
