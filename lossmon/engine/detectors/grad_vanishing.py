"""Vanishing gradients: the grad norm collapses toward zero and stays there.

On log grad norm: a slow EWMA (memory ~100 points) falls more than 100x below the highest it has
been since its warm-up (the first 300 points, where norms swing widely as training starts and
the EWMA still remembers them), for 50 points in a row; or the norm itself reads below 1e-7
(SageMaker Debugger's VanishingGradient threshold) for 5 points in a row. Either is a warning: training may have
stalled. It clears when the norm comes back above those bounds.
"""

from __future__ import annotations

import math

import numpy as np

from lossmon.engine.detectors.base import Detector, Event, Points
from lossmon.engine.detectors.stats.vector import ewm, log_values, run_lengths, segmented_running_min
from lossmon.engine.findings import Finding, format_step

ALPHA = 0.01
WARM_POINTS = 300
COLLAPSE = math.log(100.0)
COLLAPSE_POINTS = 50
TINY, TINY_POINTS = math.log(1e-7), 5


class GradVanishing(Detector):
    pathology = "grad_vanishing"
    driver = "grad_norm"

    def reset(self) -> None:
        super().reset()
        self._level = math.nan
        self._highest = -math.inf
        self._points = 0
        self._collapsed = 0
        self._tiny = 0

    def update(self, points: Points) -> list[Finding]:
        with np.errstate(invalid="ignore"):
            zero = points.values == 0.0  # a norm of exactly 0 is as vanished as it gets
        logs = log_values(points.values)
        logs[zero] = -math.inf
        where = np.flatnonzero(~np.isnan(logs))
        if not len(where):
            return []
        y = np.maximum(logs[where], TINY - 10.0)  # keep the EWMA finite on zeros
        start = float(y[0]) if math.isnan(self._level) else self._level
        level, self._level = ewm(y, 1.0 - ALPHA, start)
        index = self._points + np.arange(len(y))
        self._points += len(y)
        warm = index >= WARM_POINTS
        # Running max after warm-up = -(running min of -level), restarted never.
        highest = -segmented_running_min(np.where(warm, -level, math.inf), np.zeros(len(y), bool), -self._highest)
        self._highest = float(highest[-1])
        collapsed = warm & (level < highest - COLLAPSE)
        collapsed_run = run_lengths(collapsed, self._collapsed)
        tiny_run = run_lengths(y <= TINY, self._tiny)
        self._collapsed, self._tiny = int(collapsed_run[-1]), int(tiny_run[-1])
        events = []
        for i in self.entries("collapsed", collapsed_run >= COLLAPSE_POINTS).tolist():
            events.append(Event(int(where[i]), "warn", (
                f"grad norm {math.exp(level[i]):.3g} (smoothed) is {math.exp(min(highest[i] - level[i], 700.0)):.0f}x below "
                f"its highest {math.exp(highest[i]):.3g} for {COLLAPSE_POINTS} points "
                f"(step {format_step(points.steps[where[i]])})"
            ), "collapse"))
        for i in self.entries("recovered", ~collapsed).tolist():
            events.append(Event(int(where[i]), None, family="collapse"))
        for i in self.entries("tiny", tiny_run >= TINY_POINTS).tolist():
            events.append(Event(int(where[i]), "warn", (
                f"grad norm {points.values[where[i]]:.3g} below 1e-7 for {TINY_POINTS} points "
                f"(step {format_step(points.steps[where[i]])})"
            ), "tiny"))
        for i in self.entries("normal", y > TINY).tolist():
            events.append(Event(int(where[i]), None, family="tiny"))
        return self.apply(points, events)
