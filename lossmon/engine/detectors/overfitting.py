"""Overfitting: validation loss rising while training loss keeps falling.

Runs on the sparse eval stream; patience is counted in evaluations (as Lightning does), never in
steps. Prechelt's generalization loss GL = 100 (E_va / E_opt - 1) measures how far the latest
validation loss sits above its best; his UP criterion (consecutive rises) guards against one
noisy eval. Evals are noisy, and the raw best is the luckiest draw of that noise, so GL is taken
on the val loss smoothed over evals (an EWMA of log val loss, weight 0.5: it lags a steady rise by
about one eval) and must clear 3 times (4 for an alert) the eval-to-eval jitter, estimated
robustly from second differences of log val loss (a steady rise does not count as jitter).
And the train loss (its mean between evals) must keep falling *while* val rises: a train loss
that rises with val is not overfitting, and the first interval's mean (which still holds the
start of training) is never the reference.

warn: 2 rises in a row, GL > max(3%, 3 jitter). alert: 3 rises in a row, GL > max(10%, 4 jitter).
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np

from lossmon.engine.detectors.base import MEAN_SINCE_PREVIOUS, Detector, Points
from lossmon.engine.detectors.blocks import MAD_TO_SIGMA
from lossmon.engine.findings import Finding, format_step

MIN_EVALS = 3
WARN_RISES, WARN_GL, WARN_JITTERS = 2, 3.0, 3.0
ALERT_RISES, ALERT_GL, ALERT_JITTERS = 3, 10.0, 4.0
SMOOTHING = 0.5  # EWMA weight of the newest eval
TRAIN_FALL = 0.01  # the train loss fell at least 1% since the first rise
JITTER_HISTORY = 32
_MAX_EXPONENT = 700.0  # below log(float max) = 709.78


class Overfitting(Detector):
    pathology = "overfitting"
    driver = "val_loss"
    context = {"train_loss": MEAN_SINCE_PREVIOUS}

    def reset(self) -> None:
        super().reset()
        self._evals = 0
        self._best = math.inf  # raw best val loss, for messages
        self._best_step = math.nan
        self._smoothed = math.nan  # EWMA of log val loss
        self._best_smoothed = math.inf
        self._previous = math.nan
        self._rises = 0
        self._train_at_first_rise = math.nan
        self._logs: deque[float] = deque(maxlen=3)
        self._second_differences: deque[float] = deque(maxlen=JITTER_HISTORY)

    def update(self, points: Points) -> list[Finding]:
        # Evals are sparse (one per hundreds of train points): a loop over them costs nothing.
        findings = []
        train = points.ctx("train_loss").tolist()
        for i, value in enumerate(points.values.tolist()):
            if not (math.isfinite(value) and value > 0):
                continue
            finding = self._eval(value, train[i], points, i)
            if finding is not None:
                findings.append(finding)
        return findings

    def _jitter(self, value: float) -> float:
        """Robust eval-to-eval noise of log val loss (0 until there is enough history)."""
        self._logs.append(math.log(value))
        if len(self._logs) == 3:
            a, b, c = self._logs
            self._second_differences.append(abs(a - 2 * b + c))
        if len(self._second_differences) < 2:
            return 0.0
        return float(np.median(self._second_differences)) * MAD_TO_SIGMA / math.sqrt(6.0)

    def _eval(self, value: float, train: float, points: Points, i: int) -> Finding | None:
        self._evals += 1
        jitter = self._jitter(value)
        rising = value > self._previous
        self._rises = self._rises + 1 if rising else 0
        self._previous = value
        if self._rises == 1:
            self._train_at_first_rise = train
        log_value = math.log(value)
        smoothed = log_value if math.isnan(self._smoothed) else self._smoothed + SMOOTHING * (log_value - self._smoothed)
        self._smoothed = smoothed
        if value < self._best:
            self._best, self._best_step = value, points.steps[i]
        if smoothed < self._best_smoothed:
            self._best_smoothed = smoothed
            self.clear()
            return None
        if self._evals < MIN_EVALS or self._rises < WARN_RISES:
            return None
        reference = self._train_at_first_rise
        # reference > 0: a train loss that reads 0 (or underflows to it) has no fall to measure.
        if not (math.isfinite(train) and math.isfinite(reference) and reference > 0 and train < reference * (1.0 - TRAIN_FALL)):
            return None
        # Capped exponents: a subnormal best (log 1e-320 = -737) would overflow expm1.
        gl = 100.0 * math.expm1(min(smoothed - self._best_smoothed, _MAX_EXPONENT))
        jitter_pct = 100.0 * math.expm1(min(jitter, _MAX_EXPONENT))
        if self._rises >= ALERT_RISES and gl > max(ALERT_GL, ALERT_JITTERS * jitter_pct):
            severity = "alert"
        elif gl > max(WARN_GL, WARN_JITTERS * jitter_pct):
            severity = "warn"
        else:
            return None
        drop = 1.0 - train / reference
        return self.raise_finding(
            severity, points, i,
            f"{points.series} {value:.4g} rose {self._rises} evals in a row, {gl:.0f}% above its best "
            f"smoothed level (best eval {self._best:.4g} at step {format_step(self._best_step)}), while the train "
            f"loss fell {drop:.0%} meanwhile (step {format_step(points.steps[i])})",
        )
