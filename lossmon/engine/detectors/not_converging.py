"""Not converging: the loss bounces around and makes no lasting progress.

Points are grouped in blocks; each block gives the mean and spread of log-loss. The run is not
converging when the recent blocks are no lower than the ones before them (by more than the
noise allows) while the loss swings widely within blocks. A flat, quiet loss is a plateau instead.
"""

from __future__ import annotations

import math
from collections import deque

import numpy as np

from lossmon.engine.detectors.base import Detector, Points
from lossmon.engine.findings import Finding, format_step

BLOCK_POINTS = 25
HISTORY_BLOCKS = 8  # progress compares the last half of these with the first half
WIDE_SWING = 0.3  # within-block std of log-loss: the loss swings by about ±35%
ALERT_AFTER_BLOCKS = 24  # still no progress after this many blocks: alert
CONVERGED_DROP = math.log(2.0)  # a loss that already halved from its start has made progress


class NotConverging(Detector):
    pathology = "not_converging"
    driver = "train_loss"

    def reset(self) -> None:
        self._block: list[float] = []
        self._means: deque[float] = deque(maxlen=HISTORY_BLOCKS)
        self._spreads: deque[float] = deque(maxlen=HISTORY_BLOCKS)
        self._stuck_blocks = 0
        self._first_mean = math.nan

    def update(self, points: Points) -> list[Finding]:
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log(points.values)
        finite = np.isfinite(logs)
        findings = []
        index = np.flatnonzero(finite)
        values = logs[finite].tolist()
        for position, y in zip(index.tolist(), values):
            self._block.append(y)
            if len(self._block) == BLOCK_POINTS:
                finding = self._close_block(points, position)
                if finding is not None:
                    findings.append(finding)
        return findings

    def _close_block(self, points: Points, i: int) -> Finding | None:
        block = np.asarray(self._block)
        self._block = []
        self._means.append(float(block.mean()))
        if math.isnan(self._first_mean):
            self._first_mean = self._means[0]
        self._spreads.append(float(block.std()))
        if len(self._means) < HISTORY_BLOCKS:
            return None
        half = HISTORY_BLOCKS // 2
        means = list(self._means)
        earlier, later = np.mean(means[:half]), np.mean(means[half:])
        spread = float(np.median(self._spreads))
        progress = earlier - later  # positive when the loss fell
        noise = spread / math.sqrt(half * BLOCK_POINTS)
        overall = self._first_mean - later
        if spread >= WIDE_SWING and progress < 3.0 * noise and overall < CONVERGED_DROP:
            self._stuck_blocks += 1
            severity = "alert" if self._stuck_blocks >= ALERT_AFTER_BLOCKS else "warn"
            return self.raise_finding(
                severity, points, i,
                f"loss swings by ±{math.expm1(spread):.0%} with no progress over the last "
                f"{HISTORY_BLOCKS * BLOCK_POINTS} points (step {format_step(points.steps[i])})",
            )
        self._stuck_blocks = 0
        if self.active is not None:
            self.clear()
        return None
