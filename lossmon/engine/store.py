"""Series storage: numpy arrays that grow by doubling, so an append is O(1) amortized."""

from __future__ import annotations

import numpy as np

from lossmon.engine.arrays import GrowableArray
from lossmon.engine.downsample import Buckets
from lossmon.engine.naming import choose_primary, kind_of, split_of
from lossmon.engine.pyramid import Pyramid
from lossmon.engine.smoothing import Smoother


class SmoothedValues:
    """A series' debiased EMA (TensorBoard's smoothing), computed on raw points, with its own
    pyramid for charts. It starts again at each segment (a resumed run's steps go back): the new
    run's values must not be averaged with the old's. It is brought up to date with the series
    when it is read, so a log that nobody charts pays nothing for it."""

    def __init__(self, series: "Series", weight: float) -> None:
        self.weight = weight
        self._series = series
        self._smoother = Smoother(weight)
        self._values = GrowableArray(np.float64)
        self._pyramid = Pyramid()

    @property
    def values(self) -> np.ndarray:
        self._catch_up()
        return self._values.view

    def _catch_up(self) -> None:
        done, values = len(self._values), self._series.values
        if done == len(values):
            return
        restarts = [start for start in self._series.segment_starts if start >= done]
        for a, z in zip([done, *restarts], [*restarts, len(values)]):
            if a in restarts:
                self._smoother = Smoother(self.weight)
            if z > a:
                self._values.extend(self._smoother.update(values[a:z]))

    def buckets(self, steps: np.ndarray, start: int, end: int, count: int) -> Buckets:
        """As Series.buckets, over the smoothed values (the same buckets for the same window):
        a bucket's mean is what a line through every smoothed point averages to there."""
        return self._pyramid.buckets(steps, self.values, start, end, count)


class Series:
    """One metric: steps, values and source lines, split into segments where the step goes back."""

    def __init__(self, name: str, split: str | None = None, kind: str | None = None) -> None:
        self.name = name
        self.split = split or split_of(name)
        self.kind = kind or kind_of(name)
        self.attrs: dict = {}
        self._steps = GrowableArray(np.float64)
        self._values = GrowableArray(np.float64)
        self._lines = GrowableArray(np.int64)
        self.segment_starts: list[int] = [0]  # index of the first point of each segment
        self.nonfinite = 0
        self.min = np.inf  # over finite values
        self.first_nonfinite: int | None = None  # index of the first NaN/inf point
        self._pyramid = Pyramid()
        self._smoothed: dict[float, SmoothedValues] = {}

    def __len__(self) -> int:
        return len(self._values)

    @property
    def steps(self) -> np.ndarray:
        return self._steps.view

    @property
    def values(self) -> np.ndarray:
        return self._values.view

    @property
    def lines(self) -> np.ndarray:
        return self._lines.view

    @property
    def last(self) -> float:
        return float(self._values.view[-1]) if len(self) else np.nan

    @property
    def segment(self) -> int:
        """Index of the current (last) segment."""
        return len(self.segment_starts) - 1

    def extend(self, steps: np.ndarray, values: np.ndarray, lines: np.ndarray) -> list[int]:
        """Append points; returns the indices (into the whole series) where new segments start."""
        if not len(values):
            return []
        start = len(self)
        previous = self._steps.view[-1] if start else steps[0]
        back = np.flatnonzero(np.diff(steps, prepend=previous) < 0)
        new_segments = (back + start).tolist()
        self.segment_starts.extend(new_segments)
        self._steps.extend(steps)
        self._values.extend(values)
        self._lines.extend(lines)
        finite = np.isfinite(values)
        if finite.all():
            self.min = min(self.min, float(values.min()))
        else:
            if self.first_nonfinite is None:
                self.first_nonfinite = start + int(np.argmin(finite))
            self.nonfinite += int(len(values) - finite.sum())
            if finite.any():
                self.min = min(self.min, float(values[finite].min()))
        return new_segments

    def buckets(self, start: int, end: int, count: int) -> Buckets:
        """Chart data for points [start, end): at most ``count`` min/max/last buckets, at a cost
        that depends on ``count``, not on how many points the window holds. The pyramid behind
        them summarises the points added since it was last read first (O(1) per point, paid by
        whoever charts the series, not by ``lossmon check``)."""
        return self._pyramid.buckets(self.steps, self.values, start, end, count)

    def smoothed(self, weight: float) -> SmoothedValues:
        """The smoothed values for a weight, segment by segment: computed over the history on
        first use, then brought up to date with the points added since whenever they are read."""
        found = self._smoothed.get(weight)
        if found is None:
            found = self._smoothed[weight] = SmoothedValues(self, weight)
        return found

    def segment_bounds(self, segment: int | None = None) -> tuple[int, int]:
        """(start, end) indices of a segment, the last one by default."""
        segment = self.segment if segment is None else segment
        start = self.segment_starts[segment]
        end = self.segment_starts[segment + 1] if segment + 1 < len(self.segment_starts) else len(self)
        return start, end

    def index_at_step(self, step: float) -> int:
        """Number of points of the current segment with a step ≤ ``step``, plus its start."""
        start, end = self.segment_bounds()
        return start + int(np.searchsorted(self.steps[start:end], step, side="right"))

    @property
    def nbytes(self) -> int:
        return self._steps.nbytes + self._values.nbytes + self._lines.nbytes + self._pyramid.nbytes


class SeriesStore:
    """All series of one log, in order of first appearance."""

    def __init__(self, primary_train: str | None = None) -> None:
        self.series: dict[str, Series] = {}
        self._forced_train = primary_train
        self.primary_train: str | None = None
        self.primary_val: str | None = None

    def __getitem__(self, name: str) -> Series:
        return self.series[name]

    def __contains__(self, name: str) -> bool:
        return name in self.series

    def __iter__(self):
        return iter(self.series.values())

    def __len__(self) -> int:
        return len(self.series)

    def get_or_create(self, name: str) -> tuple[Series, bool]:
        series = self.series.get(name)
        if series is not None:
            return series, False
        series = self.series[name] = Series(name)
        return series, True

    def update_primary(self) -> bool:
        """Re-pick the primary losses (after new series appear); True when they changed."""
        rows = [(s.name, s.split, s.kind, len(s)) for s in self.series.values()]
        train, val = choose_primary(rows)
        if self._forced_train and self._forced_train in self.series:
            train = self._forced_train
        changed = (train, val) != (self.primary_train, self.primary_val)
        self.primary_train, self.primary_val = train, val
        return changed

    @property
    def nbytes(self) -> int:
        return sum(s.nbytes for s in self.series.values())
