"""A pinned baseline while following: is the run being written better than the baseline run?

Each followed run gets a :class:`BaselineTracker` (``Monitor.compare_with``). It re-runs the
comparison of :mod:`~lossmon.engine.compare` (the same figures ``check --compare`` prints) only
when enough new data came: a new held-out point, or the training loss grown by
``max(EVERY_POINTS, GROWTH × its length)`` points. So its cost per line is O(1) amortized, never
a pass over the history per line.

It speaks, as ``info`` findings of the ``baseline`` pathology, once per change of state:

* the run is behind or ahead of the baseline beyond both runs' noise (the band of ``check
  --compare``), or back within it; once behind or ahead, a run stays so until its gap falls below
  ``HYSTERESIS`` of the band, so a loss that wobbles at the edge of the band does not flap;
* the run reached the baseline's final loss: at which step, and the speedup.

These findings belong to no episode (each is news by itself) and change no verdict beyond info.
"""

from __future__ import annotations

import os

import numpy as np

from lossmon.engine.compare import compare
from lossmon.engine.findings import Finding

EVERY_POINTS = 64
GROWTH = 0.05
HYSTERESIS = 0.5
PATHOLOGY = "baseline"


class Baseline:
    """The run others are compared with (a finished log read once, or a run being followed)."""

    def __init__(self, monitor) -> None:
        self.monitor = monitor

    @classmethod
    def read(cls, path: str, **options) -> Baseline:
        """Read a finished log to its end (LossmonError when it cannot be read)."""
        from lossmon.engine import check_file

        return cls(check_file(path, **options))

    @property
    def path(self) -> str:
        return self.monitor.path

    def is_run(self, monitor) -> bool:
        """Is ``monitor`` the baseline itself (the same object, or the same file)?"""
        if monitor is self.monitor:
            return True
        try:
            return os.path.samefile(monitor.path, self.monitor.path)
        except (OSError, ValueError):
            return os.path.abspath(monitor.path) == os.path.abspath(self.monitor.path)


def _lengths(monitor) -> tuple[int, int]:
    store = monitor.store
    train = len(store[store.primary_train]) if store.primary_train else 0
    val = len(store[store.primary_val]) if store.primary_val else 0
    return train, val


class BaselineTracker:
    """One followed run against the baseline: evaluates when due, says what changed."""

    def __init__(self, baseline: Baseline) -> None:
        self.baseline = baseline
        self.state: str | None = None  # "behind", "ahead" or "level", once confirmed
        self.reached = False
        self.evaluations = 0
        self._seen = (0, 0)  # (train, val) points at the last evaluation

    def due(self, monitor) -> bool:
        train, val = _lengths(monitor)
        seen_train, seen_val = self._seen
        return val > seen_val or train - seen_train >= max(EVERY_POINTS, GROWTH * seen_train)

    def observe(self, monitor) -> list[Finding]:
        """The findings of one evaluation, if one is due (called after each batch of records)."""
        if not self.due(monitor) or self.baseline.is_run(monitor):
            return []
        self._seen = _lengths(monitor)
        base = self.baseline.monitor
        if not (base.store.primary_train or base.store.primary_val):
            return []
        self.evaluations += 1
        comparison = compare([base, monitor], ["", ""], baseline=0)
        if comparison.target is None or len(comparison.runs) < 2:
            return []
        row = comparison.runs[1]
        name = monitor.store.primary_val if comparison.split == "val" else monitor.store.primary_train
        if not name:
            return []
        loss = f"{'val' if comparison.split == 'val' else 'train'} loss {name}"
        findings = []
        gap = self._gap_news(row, loss)
        if gap is not None:
            findings.append(self._finding(monitor, name, row.gap_step, gap, "last"))
        if not self.reached and row.reaches_step is not None and row.speedup is not None and comparison.target_step:
            self.reached = True
            factor = row.speedup if row.speedup >= 1 else 1 / row.speedup
            word = "fewer" if row.speedup >= 1 else "more"
            message = (
                f"reaches the baseline's final {loss} {comparison.target:.4g} at step {row.reaches_step:,.0f} "
                f"vs {comparison.target_step:,.0f}: {factor:.2f}x {word} steps"
            )
            findings.append(self._finding(monitor, name, row.reaches_step, message, "first"))
        return findings

    def _gap_news(self, row, loss: str) -> str | None:
        if row.gap_diff is None or row.noise_band is None:
            return None  # a run's noise is not known yet
        diff, band = row.gap_diff, row.noise_band
        state = "behind" if diff > band else "ahead" if diff < -band else "level"
        held = {"behind": 1.0, "ahead": -1.0}.get(self.state)
        if state == "level" and held is not None and diff * held > HYSTERESIS * band:
            state = self.state  # still clearly on its side: no flapping at the band's edge
        if state == self.state:
            return None
        previous, self.state = self.state, state
        if state == "level":
            if previous is None:
                return None  # level from the start: nothing to tell
            return f"{loss} back within both runs' noise of the baseline at step {row.gap_step:,.0f}"
        side = "above" if state == "behind" else "below"
        return f"{loss} {abs(row.gap_ratio):.1%} {side} baseline at step {row.gap_step:,.0f} (beyond both runs' noise)"

    def _finding(self, monitor, name: str, step: float | None, message: str, which: str) -> Finding:
        """At the series' point of that step (the first at or after it for "first", the last at or
        before it for "last"), else its latest point."""
        series = monitor.store[name]
        index = len(series) - 1
        if step is not None:
            at = np.flatnonzero(series.steps >= step) if which == "first" else np.flatnonzero(series.steps <= step)
            if len(at):
                index = int(at[0] if which == "first" else at[-1])
        return Finding(
            PATHOLOGY, "info", name, float(step) if step is not None else float(series.steps[index]),
            int(series.lines[index]), message, path=monitor.path,
        )


def with_baseline(make_monitor, baseline: Baseline | None):
    """A monitor factory whose monitors are compared with ``baseline`` (None: unchanged)."""
    if baseline is None:
        return make_monitor

    def make(path: str):
        monitor = make_monitor(path)
        monitor.compare_with(baseline)
        return monitor

    return make
