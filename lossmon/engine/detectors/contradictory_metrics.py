"""Contradictory metrics: the loss improves while a metric sits at a degenerate value.

Typical of heavy class imbalance: the model learns the majority class and its predictions never
cross the 0.5 threshold, so the loss falls while recall reads exactly 0. A metric is *stuck* at
an evaluation when it sits at a degenerate value (a recall/precision/F1 at 0, an AUC at 0.5,
the chance of a coin), or when it has never moved at all since its first evaluation (values
compared as logged: an accuracy frozen at the majority-class rate from the start). A metric that
moved and then stops at a good value has *saturated*: the loss creeping down while accuracy
stays at 0.9 (or top-1 at 87.5) is convergence, not a contradiction. A metric at its perfect
value (1, or 100%) is not stuck.

warn: stuck for 3 evaluations in a row while the train loss (its mean since the previous evaluation)
fell at least 10% since the metric took that value. alert: 5 evaluations at a degenerate value.
"""

from __future__ import annotations

import math
import re

import numpy as np

from lossmon.engine.detectors.base import MEAN_SINCE_PREVIOUS, Detector, Event, Points
from lossmon.engine.detectors.stats.vector import run_lengths
from lossmon.engine.findings import Finding, format_step

_ZERO_MEANS_BROKEN = re.compile(r"recall|precision|f1", re.I)
_HALF_MEANS_BROKEN = re.compile(r"auc", re.I)  # an AUC of 0.5 (or 50%) ranks like a coin


class ContradictoryMetrics(Detector):
    """A classification metric stuck at a degenerate value, or never moved, while the train loss
    falls (the module docstring has the rules). Driven by evals of the metric, with the train loss
    (its mean since the previous eval) as context; the series name says which values are
    degenerate (0 for recall, precision, F1; 0.5 for AUC).

    Parameters:
        warn_evals: evals with the metric stuck to warn ...
        alert_evals: ... and at a degenerate value to alert ...
        loss_fall: ... while the train loss fell by at least this fraction since the metric took
            that value.

    A recall that stays at 0 while the train loss halves:

    >>> detector = ContradictoryMetrics("val_recall")
    >>> [(f.severity, f.step) for f in detector.update_values([0.0] * 6, train_loss=[1.0, 0.9, 0.8, 0.7, 0.6, 0.5])]
    [('warn', 3.0), ('alert', 5.0)]
    """

    pathology = "contradictory_metrics"
    driver = "classification_metric"
    context = {"train_loss": MEAN_SINCE_PREVIOUS}

    def __init__(
        self, series: str = "recall", attrs: dict | None = None, *,
        warn_evals: int = 3, alert_evals: int = 5, loss_fall: float = 0.10,
    ) -> None:
        self.warn_evals, self.alert_evals, self.loss_fall = warn_evals, alert_evals, loss_fall
        super().__init__(series, attrs)

    def reset(self) -> None:
        super().reset()
        self._first = math.nan  # the metric's first value
        self._moved = False  # it has taken another value since
        self._run = 0
        self._reference = math.nan  # train loss when the metric took its current value

    def update(self, points: Points) -> list[Finding]:
        where = np.flatnonzero(np.isfinite(points.values))
        if not len(where):
            return []
        values = points.values[where]
        loss = points.ctx("train_loss")[where]
        zero_is_stuck = bool(_ZERO_MEANS_BROKEN.search(points.series))
        half_is_stuck = bool(_HALF_MEANS_BROKEN.search(points.series))
        perfect = (values == 1.0) | (values == 100.0)
        if math.isnan(self._first):
            self._first = float(values[0])
        moved = np.logical_or.accumulate(values != self._first) | self._moved
        self._moved = bool(moved[-1])
        degenerate = (zero_is_stuck & (values == 0.0)) | (half_is_stuck & ((values == 0.5) | (values == 50.0)))
        stuck = (degenerate | ~moved) & ~perfect
        run = run_lengths(stuck, self._run)
        # The reference loss: at the last point where the metric moved (or the first point seen).
        fresh = ~stuck
        if math.isnan(self._reference) and not fresh[0]:
            fresh = fresh.copy()
            fresh[0] = True
        source = np.maximum.accumulate(np.where(fresh, np.arange(len(values)), -1))
        reference = np.where(source >= 0, loss[np.maximum(source, 0)], self._reference)
        self._run = int(run[-1])
        self._reference = float(reference[-1])
        with np.errstate(divide="ignore", invalid="ignore"):
            fall = 1.0 - loss / reference
        falling = np.isfinite(fall) & (fall >= self.loss_fall) & (reference > 0)
        events = []
        rules = (("warn", falling & (run >= self.warn_evals)), ("alert", falling & (run >= self.alert_evals) & degenerate))
        for severity, flags in rules:
            for i in self.entries(severity, flags).tolist():
                message = self._message(values[i], bool(degenerate[i]), run[i], fall[i], points, where[i])
                events.append(Event(int(where[i]), severity, message))
        for i in self.entries("moved", ~stuck).tolist():
            events.append(Event(int(where[i]), None))
        return self.apply(points, events)

    def _message(self, value, degenerate, run, fall, points: Points, i) -> str:
        state = f"stuck at {value:g}" if degenerate else f"has not moved from {value:g} since its first evaluation,"
        return (
            f"{points.series} {state} for {run} evaluations while the loss fell "
            f"{fall:.0%} (step {format_step(points.steps[i])})"
        )
