"""Repetitive, step-like loss tied to the epoch (unshuffled or class-sorted data).

Epoch folding: each finished epoch's log-loss, minus a continuous trend (a piecewise-linear line
through the means of the epochs before, at and after it), is binned by position in the epoch.
When consecutive epochs show the same profile, far above the point-to-point noise, the loss
repeats a pattern every epoch. A profile that is a plain ramp (flat within the epoch, a drop at
each boundary) is the normal multi-epoch staircase of memorisation: information only.
Series that Keras logs as running means of the epoch are sawtooths by construction: skipped.
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np

from lossmon.engine.detectors.base import LAST, Detector, Points
from lossmon.engine.findings import Finding, format_step

BINS = 10
MIN_POINTS_PER_EPOCH = 2 * BINS
CONSISTENT_EPOCHS = 3  # profile pairs that must agree
MIN_CORRELATION = 0.7
MIN_AMPLITUDE = 2.0  # profile spread over the noise of a bin mean
RAMP_R2 = 0.8  # a profile this well fitted by a straight line is a staircase


class StuckPeriodic(Detector):
    pathology = "stuck_periodic"
    driver = "train_loss"
    context = {"epoch": LAST}

    def reset(self) -> None:
        self._epoch_id: float = math.nan
        self._current: list[float] = []
        self._epochs: deque[np.ndarray] = deque(maxlen=3)  # finished epochs, log-loss
        self._profiles: deque[np.ndarray] = deque(maxlen=CONSISTENT_EPOCHS + 1)
        self._agreeing = 0

    def update(self, points: Points) -> list[Finding]:
        if self.attrs.get("epoch_running_average"):
            return []
        epochs = np.floor(points.ctx("epoch"))
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log(points.values)
        previous = np.concatenate(([self._epoch_id], epochs[:-1]))
        changes = np.flatnonzero((epochs != previous) & ~np.isnan(epochs))
        findings = []
        start = 0
        for i in changes.tolist():
            self._extend(logs[start:i])
            start = i
            if not math.isnan(self._epoch_id):
                finding = self._finish_epoch(points, max(i - 1, 0))
                if finding is not None:
                    findings.append(finding)
            self._epoch_id = float(epochs[i])
        self._extend(logs[start:])
        return findings

    def _extend(self, part: np.ndarray) -> None:
        self._current.extend(part[np.isfinite(part)].tolist())

    def _finish_epoch(self, points: Points, i: int) -> Finding | None:
        epoch, self._current = np.asarray(self._current), []
        if len(epoch) < MIN_POINTS_PER_EPOCH:
            return None
        self._epochs.append(epoch)
        if len(self._epochs) < 3:
            return None
        profile, noise = _profile(*self._epochs)
        self._profiles.append(profile)
        if len(self._profiles) < 2:
            return None
        correlation = float(np.corrcoef(self._profiles[-2], profile)[0, 1])
        amplitude = float(profile.std() / noise) if noise > 0 else 0.0
        if correlation > MIN_CORRELATION and amplitude > MIN_AMPLITUDE:
            self._agreeing += 1
        else:
            self._agreeing = 0
            if self.active is not None:
                self.clear()
        if self._agreeing < CONSISTENT_EPOCHS:
            return None
        position = np.arange(BINS)
        ramp_r2 = float(np.corrcoef(position, profile)[0, 1] ** 2)
        if ramp_r2 >= RAMP_R2:
            return self.raise_finding(
                "info", points, i,
                f"a drop at every epoch boundary (multi-epoch staircase), {self._agreeing} epochs "
                f"in a row up to step {format_step(points.steps[i])}: normal when the data is seen again",
            )
        return self.raise_finding(
            "warn", points, i,
            f"the loss repeats the same within-epoch pattern ({amplitude:.0f}x the noise, r={correlation:.2f}) "
            f"for {self._agreeing + 1} epochs up to step {format_step(points.steps[i])}",
        )


def _profile(before: np.ndarray, middle: np.ndarray, after: np.ndarray) -> tuple[np.ndarray, float]:
    """Binned residual of the middle epoch against a continuous trend; and a bin mean's noise."""
    means = [before.mean(), middle.mean(), after.mean()]
    n = len(middle)
    position = (np.arange(n) + 0.5) / n  # 0..1 across the middle epoch
    # The trend joins the epoch means at epoch centres: before at -0.5, middle at 0.5, after at 1.5.
    trend = np.where(
        position < 0.5,
        means[1] + (means[1] - means[0]) * (position - 0.5),
        means[1] + (means[2] - means[1]) * (position - 0.5),
    )
    residual = middle - trend
    bins = np.array_split(residual, BINS)
    profile = np.array([b.mean() for b in bins])
    jitter = np.diff(middle)
    point_noise = float(np.median(np.abs(jitter - np.median(jitter)))) * 1.4826 / math.sqrt(2)
    return profile, point_noise / math.sqrt(max(n / BINS, 1))
