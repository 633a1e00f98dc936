"""The one small protocol every detector follows.

A detector watches one series (its *driver*) and may read the latest values of other series at
each of its points (its *context*, e.g. the learning rate). It is fed runs of points, never the
whole history again: ``update(points)`` returns the findings those points raise, ``reset()``
forgets the past when the series starts a new segment (a resumed or concatenated run).
``active`` holds the finding that currently lights the badge, or None once it has cleared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from lossmon.engine.findings import Finding, severity_rank

# Context modes: the latest value of the context series at each driver point, or the mean of its
# finite values since the previous driver point (e.g. the train loss between two evals).
LAST = "last"
MEAN_SINCE_PREVIOUS = "mean"


@dataclass(slots=True)
class Points:
    """Consecutive points of one series, all in one segment."""

    series: str
    steps: np.ndarray
    values: np.ndarray
    lines: np.ndarray
    context: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.values)

    def ctx(self, role: str) -> np.ndarray:
        """Context values aligned with the points (NaN where the role has no value yet)."""
        found = self.context.get(role)
        return found if found is not None else np.full(len(self.values), np.nan)


class Detector:
    pathology: ClassVar[str]
    driver: ClassVar[str]  # the role whose points drive the detector (see roles.py)
    context: ClassVar[dict[str, str]] = {}  # role → LAST or MEAN_SINCE_PREVIOUS

    def __init__(self, series: str, attrs: dict | None = None) -> None:
        self.series = series
        self.attrs = attrs or {}  # what the parser knows of the series (see RecordBuilder.set_attrs)
        self.active: Finding | None = None
        self.reset()

    def reset(self) -> None:
        """Forget everything learned from past points."""

    def update(self, points: Points) -> list[Finding]:
        raise NotImplementedError

    # Helpers for subclasses -------------------------------------------------------------

    def raise_finding(self, severity: str, points: Points, index: int, message: str) -> Finding | None:
        """Report a finding at point ``index`` unless one as severe is already active."""
        if self.active is not None and severity_rank(self.active.severity) >= severity_rank(severity):
            return None
        finding = Finding(
            self.pathology,
            severity,
            points.series,
            float(points.steps[index]),
            int(points.lines[index]),
            message,
        )
        self.active = finding
        return finding

    def clear(self) -> None:
        """The condition is over: the badge may go back to green, and a new finding may fire."""
        self.active = None
