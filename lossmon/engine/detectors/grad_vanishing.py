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



class GradVanishing(Detector):
    """The grad norm collapses far below its highest level, or sits at a tiny value (the module
    docstring has the rules). Ratios are plain factors (100.0: 100x), not logs.

    Parameters:
        alpha: EWMA weight of the smoothed log grad norm.
        warm_points: the highest level counts from this many points on.
        collapse, collapse_points: the smoothed norm this factor below its highest for this many
            points warns.
        tiny, tiny_points: the norm at or below ``tiny`` for this many points warns.

    A grad norm that drops below 1e-7 warns after 5 points there:

    >>> detector = GradVanishing()
    >>> [(f.severity, f.step) for f in detector.update_values([1.0] * 10 + [1e-9] * 6)]
    [('warn', 15.0)]
    """

    pathology = "grad_vanishing"
    driver = "grad_norm"

    def __init__(
        self, series: str = "grad_norm", attrs: dict | None = None, *, alpha: float = 0.01,
        warm_points: int = 300, collapse: float = 100.0, collapse_points: int = 50,
        tiny: float = 1e-7, tiny_points: int = 5,
    ) -> None:
        self.alpha, self.warm_points, self.collapse, self.collapse_points = alpha, warm_points, collapse, collapse_points
        self.tiny, self.tiny_points = tiny, tiny_points
        super().__init__(series, attrs)

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
        y = np.maximum(logs[where], math.log(self.tiny) - 10.0)  # keep the EWMA finite on zeros
        start = float(y[0]) if math.isnan(self._level) else self._level
        level, self._level = ewm(y, 1.0 - self.alpha, start)
        index = self._points + np.arange(len(y))
        self._points += len(y)
        warm = index >= self.warm_points
        # Running max after warm-up = -(running min of -level), restarted never.
        highest = -segmented_running_min(np.where(warm, -level, math.inf), np.zeros(len(y), bool), -self._highest)
        self._highest = float(highest[-1])
        collapsed = warm & (level < highest - math.log(self.collapse))
        collapsed_run = run_lengths(collapsed, self._collapsed)
        tiny_run = run_lengths(y <= math.log(self.tiny), self._tiny)
        self._collapsed, self._tiny = int(collapsed_run[-1]), int(tiny_run[-1])
        events = []
        for i in self.entries("collapsed", collapsed_run >= self.collapse_points).tolist():
            events.append(Event(int(where[i]), "warn", (
                f"grad norm {math.exp(level[i]):.3g} (smoothed) is {math.exp(min(highest[i] - level[i], 700.0)):.0f}x below "
                f"its highest {math.exp(highest[i]):.3g} for {self.collapse_points} points "
                f"(step {format_step(points.steps[where[i]])})"
            ), "collapse"))
        for i in self.entries("recovered", ~collapsed).tolist():
            events.append(Event(int(where[i]), None, family="collapse"))
        for i in self.entries("tiny", tiny_run >= self.tiny_points).tolist():
            events.append(Event(int(where[i]), "warn", (
                f"grad norm {points.values[where[i]]:.3g} below {self.tiny:g} for {self.tiny_points} points "
                f"(step {format_step(points.steps[where[i]])})"
            ), "tiny"))
        for i in self.entries("normal", y > math.log(self.tiny)).tolist():
            events.append(Event(int(where[i]), None, family="tiny"))
        return self.apply(points, events)
