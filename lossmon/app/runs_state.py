"""The runs the app has open, as the run list and the overlay see them: which are shown, which is
the baseline, the filter typed after ``/``, and each run's figures (verdict, last and best loss,
step, and its gap and speedup against the baseline).

Per-frame cost stays independent of history: the best loss is kept up to date from the points
added since the last look (O(1) amortized per point), and the comparison with the baseline, which
reads whole histories (``lossmon.engine.compare``), runs only when something changed and at most
once per ``COMPARE_INTERVAL`` seconds, or less often when it is slow (never more than
``COMPARE_SHARE`` of the time).
"""

from __future__ import annotations

import fnmatch
import math
import os
import re
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field

import numpy as np

from lossmon.engine.compare import Comparison, MissingAxis, RunComparison, compare, run_labels
from lossmon.report import verdict

MAX_DRAWN = 10  # runs on the overlay at once: the baseline, then the lowest best losses
COMPARE_INTERVAL = 5.0  # seconds between two comparisons with the baseline, at least
COMPARE_SHARE = 0.05  # and the comparison takes at most this share of the app's time


def same_path(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return False


def run_matcher(pattern: str) -> Callable[[str], bool]:
    """``/`` filters runs by name: a glob when the text has * ? or [, else a regular expression
    searched anywhere (case-insensitive); text that is not a valid regex matches literally."""
    pattern = pattern.strip()
    if not pattern:
        return lambda text: True
    if any(c in pattern for c in "*?["):
        return lambda text: fnmatch.fnmatch(text, pattern) or fnmatch.fnmatch(os.path.basename(text), pattern)
    try:
        regex = re.compile(pattern, re.IGNORECASE)
    except re.error:
        regex = re.compile(re.escape(pattern), re.IGNORECASE)
    return lambda text: regex.search(text) is not None


@dataclass
class RunsState:
    """What the user chose about the runs; runs are named by their path."""

    overlay: bool = False
    baseline: str | None = None
    hidden: set[str] = field(default_factory=set)
    pattern: str = ""

    def is_baseline(self, path: str) -> bool:
        return self.baseline is not None and same_path(path, self.baseline)

    def toggle_hidden(self, path: str) -> None:
        self.hidden.symmetric_difference_update({path})

    def toggle_baseline(self, path: str) -> None:
        self.baseline = None if self.is_baseline(path) else path

    def matches(self, label: str, path: str) -> bool:
        match = run_matcher(self.pattern)
        return match(label) or match(path)


@dataclass(slots=True)
class LossFigures:
    """A run's primary loss so far: last value, best (lowest finite) value, last step. The best
    is kept from the points added since the last update; a new series or segment starts over."""

    name: str | None = None
    segment: int = -1
    seen: int = 0
    best: float | None = None
    last: float | None = None
    step: float | None = None

    def update(self, monitor) -> None:
        store = monitor.store
        name = store.primary_train or store.primary_val
        if not name or name not in store:
            return
        series = store[name]
        n = min(len(series.steps), len(series.values))
        start = series.segment_starts[-1] if series.segment_starts else 0
        if name != self.name or start != self.segment or n < self.seen:
            self.name, self.segment, self.seen, self.best = name, start, start, None
        if n <= self.seen:
            return
        new = series.values[self.seen : n]
        finite = new[np.isfinite(new)]
        if len(finite):
            low = float(finite.min())
            self.best = low if self.best is None else min(self.best, low)
        self.seen = n
        self.last = float(series.values[n - 1])
        self.step = float(series.steps[n - 1])


@dataclass(slots=True)
class RunRow:
    """What the run list shows of one run."""

    index: int  # its place among the open runs: colour and letter
    path: str
    label: str
    severity: str | None  # the worst active badge (None: healthy)
    figures: LossFigures
    visible: bool
    baseline: bool
    current: bool
    gap: RunComparison | None = None
    gap_axis: str = "step"  # the x axis of the comparison with the baseline


class BaselineGaps:
    """The comparison of every run with the pinned baseline, recomputed on new data, not more
    often than every ``interval`` seconds nor for more than ``share`` of the time; at once when
    the baseline or the runs change. Not while histories load (each would be compared at every
    step of the loading): at the end of the loading, which is news."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, interval: float = COMPARE_INTERVAL,
                 share: float = COMPARE_SHARE) -> None:
        self.clock = clock
        self.interval = interval
        self.share = share
        self.result: Comparison | None = None
        self.computed = 0  # comparisons run (tests read it)
        self._key: tuple | None = None
        self._versions: tuple = ()
        self._due = -math.inf

    def update(self, logs: list, baseline: int | None, axis: str = "step") -> Comparison | None:
        """``logs``: the open LiveLogs; ``baseline``: the index of the pinned one (None: none);
        ``axis``: the x axis runs are compared on (the overlay's), step when a run lacks it."""
        if baseline is None or len(logs) < 2:
            self.result, self._key = None, None
            return None
        if any(log.loading for log in logs):
            return self.result  # histories still loading: compared once they are read
        key = (baseline, tuple(log.path for log in logs), axis)
        versions = tuple(log.version for log in logs)
        now = self.clock()
        if key == self._key and (versions == self._versions or now < self._due):
            return self.result
        with ExitStack() as locks:
            for log in logs:
                locks.enter_context(log.lock)
            monitors = [log.monitor for log in logs]
            if len(monitors[baseline].store):
                verdicts = [verdict(m) for m in monitors]
                try:
                    self.result = compare(monitors, verdicts, baseline, axis)
                except MissingAxis:
                    self.result = compare(monitors, verdicts, baseline)
            else:
                self.result = None
        self.computed += 1
        spent = self.clock() - now  # on the same clock: a test's stands still, whatever the machine
        self._key, self._versions = key, versions
        self._due = now + max(self.interval, spent / self.share)
        return self.result


class RunTable:
    """The rows of the run list, kept from refresh to refresh."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.gaps = BaselineGaps(clock)
        self._figures: dict[int, LossFigures] = {}
        self._labels: tuple[tuple[str, ...], list[str]] = ((), [])

    def labels(self, paths: list[str]) -> list[str]:
        """The shortest path part telling each run apart (engine.compare.run_labels), kept until
        the runs change."""
        key = tuple(paths)
        if key != self._labels[0]:
            self._labels = (key, run_labels(list(paths)) if len(paths) > 1 else [os.path.basename(p) or p for p in paths])
        return self._labels[1]

    def rows(self, views: list, current: int, state: RunsState, axis: str = "step") -> list[RunRow]:
        """``views``: the app's LogViews (a LiveLog ``log`` and a BadgeBoard ``board`` each);
        ``axis``: the x axis the baseline comparison is made on."""
        logs = [view.log for view in views]
        labels = self.labels([log.path for log in logs])
        baseline = next((i for i, log in enumerate(logs) if state.is_baseline(log.path)), None)
        comparison = self.gaps.update(logs, baseline, axis)
        rows = []
        for index, (view, label) in enumerate(zip(views, labels)):
            figures = self._figures.setdefault(index, LossFigures())
            with view.log.lock:
                figures.update(view.log.monitor)
            gap = comparison.runs[index] if comparison is not None and index < len(comparison.runs) else None
            rows.append(RunRow(
                index, view.log.path, label, worst_severity(view.board), figures,
                view.log.path not in state.hidden, index == baseline, index == current, gap,
                comparison.axis if comparison is not None else "step",
            ))
        return rows


def worst_severity(board) -> str | None:
    order = {"info": 1, "warn": 2, "alert": 3}
    worst = None
    for badge in board:
        if badge.severity in order and (worst is None or order[badge.severity] > order[worst]):
            worst = badge.severity
    return worst


def listed(rows: list[RunRow], state: RunsState) -> list[RunRow]:
    """The rows the filter lets through (the baseline always: the others are measured by it)."""
    return [row for row in rows if row.baseline or state.matches(row.label, row.path)]


def drawn_runs(rows: list[RunRow], state: RunsState, limit: int = MAX_DRAWN) -> list[RunRow]:
    """The runs the overlay draws: shown and let through by the filter; past ``limit``, the
    baseline and then those with the lowest best loss."""
    shown = [row for row in listed(rows, state) if row.visible]
    if len(shown) <= limit:
        return shown
    ranked = sorted(shown, key=lambda row: (not row.baseline, row.figures.best is None, row.figures.best or 0.0))
    kept = {row.index for row in ranked[:limit]}
    return [row for row in shown if row.index in kept]
