"""Event-window scoring (river ``drift.evaluate`` / TCPDBench style, never point-adjusted F1).

An event has a detection window ``[lo, hi]`` (the field guide's per-pathology margins) and lasts
until ``last`` (a lasting pathology, e.g. a plateau, goes on to the end of the run). Per
pathology and detector:
* recall: events with at least one alarm in their window (episode recall);
* precision: alarms while an event of their pathology lasts / all alarms of that pathology
  (alarms during another pathology count against precision, as wrong-type alarms);
* delay: first alarm in the window minus the event's start, in steps (median and p90);
* false alarms per 10,000 healthy points: alarms outside every event, of any pathology, per
  logged train point outside every event (stricter than per step when a log skips steps).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

ALARM_SEVERITIES = ("warn", "alert")


@dataclass
class Score:
    events: int = 0
    detected: int = 0
    alarms: int = 0
    true_alarms: int = 0
    false_alarms: int = 0  # outside every window
    false_alerts: int = 0  # ... at alert level
    delays: list[float] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.detected / self.events if self.events else math.nan

    @property
    def precision(self) -> float:
        return self.true_alarms / self.alarms if self.alarms else math.nan

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if math.isnan(p) or math.isnan(r) or p + r == 0:
            return 0.0
        return 2 * p * r / (p + r)

    def delay(self, q: float) -> float:
        return float(np.percentile(self.delays, q)) if self.delays else math.nan


def score_run(score: Score, pathology: str, labels, alarms: list[tuple[float, str]]) -> None:
    """Add one run: its labels (all pathologies) and the (step, severity) alarms of ``pathology``."""
    own = [label for label in labels if label.pathology == pathology]
    score.events += len(own)
    for label in own:
        inside = [step for step, _ in alarms if label.lo <= step <= label.hi]
        if inside:
            score.detected += 1
            score.delays.append(min(inside) - label.start)
    for step, severity in alarms:
        score.alarms += 1
        if any(label.lo <= step <= label.last for label in own):
            score.true_alarms += 1
        elif not any(label.lo <= step <= label.last for label in labels):
            score.false_alarms += 1
            score.false_alerts += severity == "alert"


def healthy_points(steps: np.ndarray, labels) -> int:
    """Logged points outside every event window."""
    inside = np.zeros(len(steps), dtype=bool)
    for label in labels:
        inside |= (steps >= label.lo) & (steps <= label.last)
    return int((~inside).sum())
