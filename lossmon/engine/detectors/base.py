"""The one small protocol every detector follows.

A detector watches one series (its *driver*) and may read the latest values of other series at
each of its points (its *context*, e.g. the learning rate). It is fed runs of points, never the
whole history again: ``update(points)`` returns the findings those points raise, ``reset()``
forgets the past when the series starts a new segment (a resumed or concatenated run).
``active`` holds the finding that currently lights the badge, or None once it has cleared.

Several detectors often watch the same series and need the same derived data (log values, block
statistics, where the lr rises). A *feature* computes such data once per run of points:
``self.feature(points, key, factory)`` returns the feature's result for these points, computing
it only for the first detector that asks. Its state lives in ``points.shared`` (one dict per
series and segment, kept by the monitor) or, for a detector used on its own, in the detector.

A detector may have several rules (e.g. spikes and slow divergence for exploding_loss); each rule
is a *family* with its own active finding, so one rule's finding neither silences nor clears
another's, and ``active`` is the most severe of them.
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
# For a role played by several series (the schedule variables): at each driver point, for how
# many driver points the series that changed there had held its previous value (0: none changed).
HELD_BEFORE_CHANGE = "held"


_NO_INDICES = np.empty(0, np.intp)  # read-only, shared: entries() with no entry
_NO_INDICES.flags.writeable = False


@dataclass(slots=True)
class Points:
    """Consecutive points of one series, all in one segment."""

    series: str
    steps: np.ndarray
    values: np.ndarray
    lines: np.ndarray
    context: dict[str, np.ndarray] = field(default_factory=dict)
    shared: dict | None = None  # per series and segment: feature state shared by its detectors
    cache: dict = field(default_factory=dict)  # per run of points: feature results
    context_names: dict[str, str] = field(default_factory=dict)  # role -> the series playing it

    def __len__(self) -> int:
        return len(self.values)

    def ctx_name(self, role: str, default: str) -> str:
        """The name of the series that plays a context role (for messages), or ``default``."""
        return self.context_names.get(role) or default

    def ctx(self, role: str) -> np.ndarray:
        """Context values aligned with the points (NaN where the role has no value yet)."""
        found = self.context.get(role)
        return found if found is not None else np.full(len(self.values), np.nan)


class Feature:
    """Derived data of a series, computed incrementally once per run of points."""

    def process(self, points: Points):
        raise NotImplementedError


class Detector:
    pathology: ClassVar[str]
    driver: ClassVar[str]  # the role whose points drive the detector (see roles.py)
    context: ClassVar[dict[str, str]] = {}  # role → LAST or MEAN_SINCE_PREVIOUS

    def __init__(self, series: str = "loss", attrs: dict | None = None) -> None:
        self.series = series
        # What the parser knows of the series (RecordBuilder.set_attrs): the store's own dict, so
        # attributes a parser sets later are seen too.
        self.attrs = attrs if attrs is not None else {}
        self._actives: dict[str, Finding] = {}  # family → its active finding
        self.darkened: list[int] = []  # lines where the badge went dark (the monitor drains it)
        self._features: dict[str, Feature] = {}
        self._fed = 0  # points fed through update_values (their line numbers)
        self.reset()

    @property
    def active(self) -> Finding | None:
        """The finding that lights the badge: the most severe active one."""
        return max(self._actives.values(), key=lambda f: severity_rank(f.severity), default=None)

    def reset(self) -> None:
        """Forget everything learned from past points (subclasses call super().reset())."""
        self._features = {}
        self._flags: dict[str, bool] = {}

    def update(self, points: Points) -> list[Finding]:
        raise NotImplementedError

    def update_values(self, values, steps=None, context_names: dict | None = None, **context) -> list[Finding]:
        """Feed plain values: the findings they raise. ``steps`` default to 1, 2, 3, ...
        continuing over calls; ``context`` gives each context role's values aligned with them
        (e.g. ``lr=[...]``, ``epoch=[...]``; roles the detector does not read are ignored), and
        ``context_names`` the names of the series playing them (``{"task_score": "val_acc"}``).
        Line numbers count the values fed so far. For tests, benchmarks and use on its own: the
        monitor builds its Points itself."""
        values = np.atleast_1d(np.asarray(values, dtype=np.float64))
        lines = np.arange(self._fed + 1, self._fed + len(values) + 1)
        steps = lines.astype(np.float64) if steps is None else np.atleast_1d(np.asarray(steps, dtype=np.float64))
        aligned = {role: np.atleast_1d(np.asarray(given, dtype=np.float64)) for role, given in context.items()}
        for name, array in (("steps", steps), *aligned.items()):
            if len(array) != len(values):
                raise ValueError(f"{name} has {len(array)} values for {len(values)} points")
        self._fed += len(values)
        return self.update(Points(self.series, steps, values, lines, aligned, context_names=context_names or {}))

    # Helpers for subclasses -------------------------------------------------------------

    def feature(self, points: Points, key: str, factory):
        """The result of feature ``key`` (made by ``factory()`` when new) for these points."""
        result = points.cache.get(key)
        if result is not None:
            return result
        store = points.shared if points.shared is not None else self._features
        feature = store.get(key)
        if feature is None:
            feature = self._features.get(key) or factory()
            store[key] = feature
        self._features[key] = feature
        result = points.cache[key] = feature.process(points)
        return result

    def raise_finding(
        self, severity: str, points: Points, index: int, message: str, family: str = ""
    ) -> Finding | None:
        """Report a finding at point ``index`` unless one as severe is already active in its family."""
        held = self._actives.get(family)
        if held is not None and severity_rank(held.severity) >= severity_rank(severity):
            return None
        finding = Finding(
            self.pathology,
            severity,
            points.series,
            float(points.steps[index]),
            int(points.lines[index]),
            message,
            while_lit=self.active is not None,
        )
        self._actives[family] = finding
        return finding

    def clear(self, family: str | None = None) -> None:
        """The condition is over (for one family, or all): the badge may go back to green, and a
        new finding may fire."""
        if family is None:
            self._actives.clear()
        else:
            self._actives.pop(family, None)

    def clear_at(self, points: Points, index: int, family: str | None = None) -> None:
        """:meth:`clear` at point ``index``: where the badge goes dark, an episode may end
        (episodes.py), so the line is noted."""
        lit = self.active is not None
        self.clear(family)
        if lit and self.active is None:
            self.darkened.append(int(points.lines[index]))

    def entries(self, name: str, flags: np.ndarray) -> np.ndarray:
        """Indices where the condition ``flags`` turns True, continuing from the previous call."""
        if not flags.any():  # the common case: nothing turns True (no pass over the flags)
            if len(flags):
                self._flags[name] = False
            return _NO_INDICES
        was = self._flags.get(name, False)
        if len(flags):
            self._flags[name] = bool(flags[-1])
        before = np.empty_like(flags)
        if len(flags):
            before[0] = was
            before[1:] = flags[:-1]
        return np.flatnonzero(flags & ~before)

    def apply(self, points: Points, events: list[Event]) -> list[Finding]:
        """Play events found by vectorized passes in point order: raise findings, clear badges."""
        findings = []
        for event in sorted(events, key=lambda e: (e.index, e.severity is not None)):
            if event.severity is None:
                self.clear_at(points, event.index, event.family)
                continue
            finding = self.raise_finding(event.severity, points, event.index, event.message, event.family)
            if finding is not None:
                findings.append(finding)
        return findings


@dataclass(slots=True)
class Event:
    """A finding to raise (severity set) or a badge to clear (severity None) at point ``index``."""

    index: int
    severity: str | None
    message: str = ""
    family: str = ""
