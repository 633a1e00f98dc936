"""Overfitting: validation loss rising while training loss keeps falling.

Runs on the sparse eval stream. Prechelt's generalization loss GL = 100 (E_va / E_opt - 1)
measures how far the latest validation loss sits above its best; consecutive rises (his UP
criterion) guard against a single noisy eval; the train loss (its mean since the previous eval)
must still be falling, or the model is not fitting the training set better either.
"""

from __future__ import annotations

import math

from lossmon.engine.detectors.base import MEAN_SINCE_PREVIOUS, Detector, Points
from lossmon.engine.findings import Finding, format_step

MIN_EVALS = 3
WARN_GL, WARN_RISES = 3.0, 2  # val 3% above its best after two rises in a row
ALERT_GL, ALERT_RISES = 10.0, 3
TRAIN_FALL = 0.02  # train loss at least 2% below where it was at the best eval


class Overfitting(Detector):
    pathology = "overfitting"
    driver = "val_loss"
    context = {"train_loss": MEAN_SINCE_PREVIOUS}

    def reset(self) -> None:
        self._evals = 0
        self._best = math.inf
        self._best_step = math.nan
        self._train_at_best = math.nan
        self._previous = math.nan
        self._rises = 0

    def update(self, points: Points) -> list[Finding]:
        findings = []
        train = points.ctx("train_loss").tolist()
        for i, value in enumerate(points.values.tolist()):
            if not math.isfinite(value):
                continue
            finding = self._eval(value, train[i], points, i)
            if finding is not None:
                findings.append(finding)
        return findings

    def _eval(self, value: float, train: float, points: Points, i: int) -> Finding | None:
        self._evals += 1
        self._rises = self._rises + 1 if value > self._previous else 0
        self._previous = value
        if value < self._best:
            self._best, self._best_step, self._train_at_best = value, points.steps[i], train
            if self.active is not None:
                self.clear()
            return None
        if self._evals < MIN_EVALS or self._best <= 0:
            return None
        gl = 100.0 * (value / self._best - 1.0)
        train_falling = math.isfinite(train) and train < self._train_at_best * (1.0 - TRAIN_FALL)
        if not train_falling:
            return None
        severity = None
        if gl > ALERT_GL and self._rises >= ALERT_RISES:
            severity = "alert"
        elif gl > WARN_GL and self._rises >= WARN_RISES:
            severity = "warn"
        if severity is None:
            return None
        drop = 1.0 - train / self._train_at_best
        return self.raise_finding(
            severity, points, i,
            f"{points.series} {value:.4g} is {gl:.0f}% above its best ({self._best:.4g} at step "
            f"{format_step(self._best_step)}) after {self._rises} rises in a row, while the train "
            f"loss fell {drop:.0%} (step {format_step(points.steps[i])})",
        )
