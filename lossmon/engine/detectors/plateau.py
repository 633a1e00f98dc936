"""Plateau: the loss does not improve for a long stretch while still far from a good value.

A run that never leaves its starting level (a dead start: zero learning rate, frozen weights,
labels the model cannot see) is a warning, then an alert; a run that improved a lot and then
flattened has most likely converged, which is worth knowing but not alarming.
"""

from __future__ import annotations

import math

import numpy as np

from lossmon.engine.detectors.base import LAST, Detector, Points
from lossmon.engine.findings import Finding, format_step
from lossmon.engine.smoothing import Smoother

SMOOTHING = 0.9
START_POINTS = 10  # the starting level: the smoothed loss after this many points
DEAD_START_POINTS = 200  # flat this long from the start: warn
DEAD_START_ALERT_POINTS = 1000  # ... and this long: alert
DEAD_START_IMPROVEMENT = 0.05  # "flat" = less than 5% below the starting level
LATE_IMPROVEMENT = 0.01  # after progress: no new best by 1% ...
LATE_PATIENCE_POINTS = 1000  # ... for this many points (and half the run so far): info


class Plateau(Detector):
    pathology = "plateau"
    driver = "train_loss"
    context = {"lr": LAST}

    def reset(self) -> None:
        self._smoother = Smoother(SMOOTHING)
        self._n = 0
        self._start = math.nan
        self._best = math.inf
        self._best_at = 0

    def update(self, points: Points) -> list[Finding]:
        smoothed = self._smoother.update(points.values)
        findings = []
        for i, level in enumerate(smoothed.tolist()):
            if not math.isfinite(level):
                continue
            self._n += 1
            if self._n == START_POINTS:
                self._start = level
            if level < self._best * (1.0 - LATE_IMPROVEMENT):
                self._best, self._best_at = level, self._n
                if self.active is not None and level < self._start * (1.0 - DEAD_START_IMPROVEMENT):
                    self.clear()
            finding = self._judge(level, points, i)
            if finding is not None:
                findings.append(finding)
        return findings

    def _judge(self, level: float, points: Points, i: int) -> Finding | None:
        if self._n < DEAD_START_POINTS or not math.isfinite(self._start):
            return None
        improvement = 1.0 - self._best / self._start if self._start > 0 else 0.0
        if improvement < DEAD_START_IMPROVEMENT:
            severity = "alert" if self._n >= DEAD_START_ALERT_POINTS else "warn"
            message = (
                f"loss flat at {level:.4g} for {self._n} points (step {format_step(points.steps[i])}): "
                f"{improvement:.1%} below where it started{_chance_hint(level)}"
            )
            lr = points.ctx("lr")[i]
            if lr == 0.0:
                message += "; the learning rate is 0"
            return self.raise_finding(severity, points, i, message)
        stale = self._n - self._best_at
        if stale >= max(LATE_PATIENCE_POINTS, self._n // 2):
            return self.raise_finding(
                "info", points, i,
                f"no new best loss for {stale} points (best {self._best:.4g}) at step "
                f"{format_step(points.steps[i])}: converged, or stuck",
            )
        return None


def _chance_hint(level: float) -> str:
    """Name ln(k) when the loss sits at the cross-entropy of guessing among k classes."""
    if level <= 0:
        return ""
    k = round(math.exp(level))
    if 2 <= k <= 100_000 and abs(level - math.log(k)) <= 0.01 * level:
        return f"; ln({k}) = {math.log(k):.4f}: chance level for {k} classes"
    return ""
