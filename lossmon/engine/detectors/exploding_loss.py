"""Exploding loss: a spike far above the loss's running level, or a sustained climb above its best.

Works on y = log(loss), where spikes are multiplicative and noise is roughly proportional to the
level. The baseline is an EWMA of y with an EW mean absolute deviation as a robust scale, not
updated while the point is an outlier (so an excursion is not absorbed). Early in a run, before
there is a baseline, a jump of 3x above the lowest loss so far is already explosive.
"""

from __future__ import annotations

import math

import numpy as np

from lossmon.engine.detectors.base import Detector, Points
from lossmon.engine.findings import Finding, format_step

ALPHA = 0.05  # baseline EWMA weight (memory of ~20 points)
WARM_POINTS = 20  # points before the z-score rule applies
EARLY_RATIO = 3.0  # before that, a jump of 3x above the lowest loss so far
SPIKE_Z, SPIKE_RATIO = 8.0, 1.5  # alert: far outside the noise and at least 1.5x the level
WARN_Z, WARN_RATIO = 5.0, 1.3
SLOW_ALPHA = 0.01  # a slow EWMA (memory of ~100 points) for sustained climbs
CLIMB_RATIO = 3.0  # alert: the slow EWMA sits 3x above its best
CALM_POINTS = 20  # points back inside the noise before a finding clears


class ExplodingLoss(Detector):
    pathology = "exploding_loss"
    driver = "train_loss"

    def reset(self) -> None:
        self._n = 0
        self._level = 0.0  # EWMA of log-loss
        self._scale = 0.0  # EW mean |residual|
        self._lowest = math.inf  # lowest log-loss so far
        self._slow = 0.0  # slow EWMA of log-loss
        self._best_slow = math.inf  # its lowest value so far
        self._calm = 0

    def update(self, points: Points) -> list[Finding]:
        findings = []
        steps, lines = points.steps, points.lines
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log(points.values)
        for i, y in enumerate(logs.tolist()):
            if not math.isfinite(y):
                continue  # NaN/inf and non-positive losses belong to other detectors
            finding = self._step(y, points, i)
            if finding is not None:
                findings.append(finding)
        return findings

    def _step(self, y: float, points: Points, i: int) -> Finding | None:
        self._n += 1
        if self._n == 1:
            self._level = self._lowest = y
            return None
        residual = y - self._level
        ratio = math.exp(min(residual, 700.0))
        finding = None
        if self._n <= WARM_POINTS:
            jump = math.exp(min(y - self._lowest, 700.0))
            if jump >= EARLY_RATIO:
                finding = self.raise_finding(
                    "alert", points, i,
                    f"loss {jump:.1f}x above its lowest value so far at step {format_step(points.steps[i])}",
                )
        else:
            z = residual / (1.25 * self._scale + 1e-12)
            if z > SPIKE_Z and ratio >= SPIKE_RATIO:
                finding = self.raise_finding("alert", points, i, self._spike_message(ratio, points, i))
            elif z > WARN_Z and ratio >= WARN_RATIO:
                finding = self.raise_finding("warn", points, i, self._spike_message(ratio, points, i))
            if z > 3.0:
                self._calm = 0
                self._lowest = min(self._lowest, y)
                return finding  # an outlier does not move the baseline
        self._lowest = min(self._lowest, y)
        self._level += ALPHA * residual
        self._scale += ALPHA * (abs(residual) - self._scale)
        self._slow = y if self._n == 2 else self._slow + SLOW_ALPHA * (y - self._slow)
        if self._n > WARM_POINTS:
            self._best_slow = min(self._best_slow, self._slow)
            climb = math.exp(min(self._slow - self._best_slow, 700.0))
            if climb >= CLIMB_RATIO:
                finding = finding or self.raise_finding(
                    "alert", points, i,
                    f"smoothed loss {climb:.1f}x above its best and climbing at step {format_step(points.steps[i])}",
                )
                self._calm = 0
            else:
                self._calm += 1
        if self.active is not None and self._calm >= CALM_POINTS:
            self.clear()
        return finding

    def _spike_message(self, ratio: float, points: Points, i: int) -> str:
        return (
            f"loss {points.values[i]:.4g} is {ratio:.0f}x above its running level "
            f"at step {format_step(points.steps[i])}"
            if ratio >= 10
            else f"loss {points.values[i]:.4g} is {ratio:.1f}x above its running level "
            f"at step {format_step(points.steps[i])}"
        )
