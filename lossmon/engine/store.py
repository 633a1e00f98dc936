"""Series storage: numpy arrays that grow by doubling, so an append is O(1) amortized."""

from __future__ import annotations

import numpy as np

from lossmon.engine.arrays import GrowableArray
from lossmon.engine.downsample import Buckets
from lossmon.engine.naming import choose_primary, kind_of, names_the_overall_loss, split_of
from lossmon.engine.overlay import FEW_SHARE, Overlay
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


_INT32_MAX = np.iinfo(np.int32).max


class Timeline:
    """The steps and source lines of a run of records, kept once for all the series that carry a
    value in each of them (a Trainer dict's loss, grad_norm and learning_rate): a series holds its
    values and points into a timeline, instead of a copy of its steps and lines. Append-only, so a
    series' view of its first n entries never changes under it."""

    __slots__ = ("steps", "lines")

    def __init__(self) -> None:
        self.steps = GrowableArray(np.float64)
        self.lines = GrowableArray(np.int32)  # widened to int64 past 2**31 lines

    def __len__(self) -> int:
        return len(self.steps)

    def extend(self, steps: np.ndarray, lines: np.ndarray) -> None:
        if len(lines) and self.lines.view.dtype == np.int32 and int(lines.max()) > _INT32_MAX:
            wide = GrowableArray(np.int64, max(256, len(self.lines)))
            wide.extend(self.lines.view)
            self.lines = wide
        self.steps.extend(steps)
        self.lines.extend(lines)

    def holds(self, start: int, steps: np.ndarray, lines: np.ndarray) -> bool:
        """Are entries ``start:start + len(steps)`` these steps and lines (the same records)?"""
        end = start + len(steps)
        if end > len(self) or len(lines) != len(steps):
            return False
        if not (self.lines.view[start:end] == lines).all():
            return False
        held = self.steps.view[start:end]
        # Equal as numbers, or NaN where the other is NaN (np.array_equal(equal_nan=True), whose
        # checks cost more than the comparison on a batch of steps; most steps are not NaN).
        return bool((held == steps).all()) or np.array_equal(held, steps, equal_nan=True)

    @property
    def nbytes(self) -> int:
        return self.steps.nbytes + self.lines.nbytes

    @property
    def used_bytes(self) -> int:
        return self.steps.view.nbytes + self.lines.view.nbytes


class Series:
    """One metric: steps, values and source lines, split into segments where the step goes back.
    Its steps and lines live in a :class:`Timeline` it may share with other series, or in an
    :class:`~lossmon.engine.overlay.Overlay` of one when it holds that timeline's records and a
    few more (a Trainer's epoch, on the evaluation records too), until its whole steps or lines
    are read."""

    def __init__(self, name: str, split: str | None = None, kind: str | None = None) -> None:
        self.name = name
        self.split = split or split_of(name)
        self.kind = kind or kind_of(name)
        self.attrs: dict = {}
        self.timeline = Timeline()
        self._overlay: Overlay | None = None  # when set, its steps and lines (timeline: its base)
        self._values = GrowableArray(np.float64)
        self.segment_starts: list[int] = [0]  # index of the first point of each segment
        self.nonfinite = 0
        self.min = np.inf  # over finite values
        self.first_nonfinite: int | None = None  # index of the first NaN/inf point
        # Index of the first finite value unlike the first one; None while every finite value so
        # far is the first (a KL term held at 0.0 or at its free-bits floor: SeriesStore.review_primary)
        self.varied_at: int | None = None
        self._first_value: float | None = None
        self._pyramid = Pyramid()
        self._smoothed: dict[float, SmoothedValues] = {}

    def __len__(self) -> int:
        return len(self._values)

    @property
    def steps(self) -> np.ndarray:
        if self._overlay is not None:
            self._own_timeline()
        return self.timeline.steps.view[: len(self._values)]

    @property
    def values(self) -> np.ndarray:
        return self._values.view

    @property
    def lines(self) -> np.ndarray:
        if self._overlay is not None:
            self._own_timeline()
        return self.timeline.lines.view[: len(self._values)]

    def step_at(self, index: int):
        """The step of one point (``index`` < 0 counts from the end), without ``steps``' copy of
        an overlay's."""
        if index < 0:
            index += len(self)
        if self._overlay is not None:
            return self._overlay.step_at(index)
        return self.timeline.steps.view[index]

    @property
    def last(self) -> float:
        return float(self._values.view[-1]) if len(self) else np.nan

    @property
    def segment(self) -> int:
        """Index of the current (last) segment."""
        return len(self.segment_starts) - 1

    def extend(
        self, steps: np.ndarray, values: np.ndarray, lines: np.ndarray, shared: Timeline | None = None
    ) -> list[int]:
        """Append points; returns the indices (into the whole series) where new segments start.

        ``shared``: the timeline of another series just given points, which this one joins when
        its new steps and lines are that timeline's next entries (the same records)."""
        if not len(values):
            return []
        start = len(self)
        # A step below the one before starts a segment (a < b, as a - b < 0: the same for every
        # float, inf and NaN included; without np.diff's copy of the steps).
        back = np.flatnonzero(steps[1:] < steps[:-1]) + 1
        if start and steps[0] < self.step_at(start - 1):
            back = np.concatenate(([0], back))
        new_segments = (back + start).tolist()
        if new_segments:
            self.segment_starts.extend(new_segments)
        self._place(steps, lines, shared)
        self._values.extend(values)
        finite = np.isfinite(values)
        if finite.all():
            self.min = min(self.min, float(values.min()))
        else:
            if self.first_nonfinite is None:
                self.first_nonfinite = start + int(np.argmin(finite))
            self.nonfinite += int(len(values) - finite.sum())
            if finite.any():
                self.min = min(self.min, float(values[finite].min()))
        if self.varied_at is None:
            self._note_variation(start, values, finite)
        return new_segments

    @property
    def varied(self) -> bool:
        return self.varied_at is not None

    @property
    def zero_throughout(self) -> bool:
        """True while every point so far is 0.0 (none NaN): a column written before its value
        was ever measured (YOLO's results.csv keeps val/box_loss at 0 when validation never ran)."""
        return len(self) > 0 and self.varied_at is None and self._first_value == 0.0 and self.first_nonfinite is None

    def held_first(self, count: int) -> bool:
        """True when the series' first ``count`` points are one finite value (a NaN among them is
        a finding to show, not a value held)."""
        return (
            len(self) >= count
            and (self.varied_at is None or self.varied_at >= count)
            and (self.first_nonfinite is None or self.first_nonfinite >= count)
        )

    def _note_variation(self, start: int, values: np.ndarray, finite: np.ndarray) -> None:
        at = np.flatnonzero(finite)
        if not len(at):
            return
        if self._first_value is None:
            self._first_value = float(values[at[0]])
        unlike = np.flatnonzero(values[at] != self._first_value)
        if len(unlike):
            self.varied_at = start + int(at[unlike[0]])

    def _place(self, steps: np.ndarray, lines: np.ndarray, shared: Timeline | None) -> None:
        """Put the new points' steps and lines in a timeline: the next entries of the one this
        series is in when they are already there (another series wrote them), else appended to it
        when this series is at its end. A series that leaves a shared timeline takes a copy of its
        part once, and is alone in it from then on: at most one copy per series. A series whose
        points are those of a timeline plus a few more keeps an overlay of it instead of a copy."""
        start, timeline = len(self), self.timeline
        if self._overlay is not None:
            if not self._overlay.add(steps, lines) or not self._overlay.few:
                self._own_timeline()
        elif not start and shared is not None and shared is not timeline and shared.holds(0, steps, lines):
            self.timeline = shared  # a new series carried by the same records as another new one
        elif not start and shared is not None and shared is not timeline and self._overlaid(shared, steps, lines):
            return  # ... or by those records and a few more
        elif len(timeline) == start:
            timeline.extend(steps, lines)
        elif not timeline.holds(start, steps, lines):
            self._overlay = Overlay(timeline, start)
            self._place(steps, lines, None)

    def _overlaid(self, shared: Timeline, steps: np.ndarray, lines: np.ndarray) -> bool:
        """A new series on the records of ``shared`` and a few more: an overlay of it (True), if
        some of its points are there and at most one in FEW_SHARE is not. (Not up to MIN_FEW of
        its own, as later: an evaluation's first loss after the epoch would keep its few points as
        an overlay of the training records' timeline, and the evaluation's next series, joining
        the timeline of the one before, would share nothing with it.)"""
        overlay = Overlay(shared, 0)
        if not overlay.add(steps, lines) or len(overlay) != overlay.taken + len(overlay.at) or not overlay.taken:
            return False
        if len(overlay.at) > len(overlay) // FEW_SHARE:
            return False
        self.timeline, self._overlay = shared, overlay
        return True

    def _own_timeline(self) -> None:
        """Leave the overlay for a timeline of its own, once: when its points are no longer a
        shared timeline's plus a few, or when its whole steps or lines are read."""
        steps, lines = self._overlay.arrays()
        self._overlay = None
        self.timeline = Timeline()
        self.timeline.extend(steps, lines)

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
        """Its own arrays, without the timeline (maybe shared: SeriesStore.nbytes counts it once)."""
        own = self._overlay.nbytes if self._overlay is not None else 0
        return self._values.nbytes + self._pyramid.nbytes + own

    @property
    def used_bytes(self) -> int:
        """Bytes of its values and of its overlay's own points, if any (without its timeline)."""
        own = self._overlay.used_bytes if self._overlay is not None else 0
        return self._values.view.nbytes + own


# How many records a primary training loss may hold one value before a loss of the same split
# that moves takes its place (see SeriesStore.review_primary).
CONSTANT_RECORDS = 5


def _unmeasured(series: Series) -> bool:
    """A held-out loss column of a table that is 0 in every row from the first: a table writes
    every column in every row, and one no evaluation ever filled holds its fill value ("not
    measured", not a loss). A real loss may reach 0 late in a run, not from its first evaluation
    on; and a printed "Val Loss: 0.0000" is a value the script measured, so only table columns."""
    return (
        series.split in ("val", "test") and series.kind == "loss"
        and series.attrs.get("table_column", False) and series.zero_throughout
    )


class SeriesStore:
    """All series of one log, in order of first appearance."""

    def __init__(self, primary_train: str | None = None) -> None:
        self.series: dict[str, Series] = {}
        self._forced_train = primary_train
        self.primary_train: str | None = None
        self.primary_val: str | None = None
        # Losses set aside as primaries for holding one value (review_primary): never again primary,
        # so the choice never flips back to them
        self._held_constant: set[str] = set()
        # Held-out losses left out of the last choice for being 0 in every row so far
        # (_unmeasured): the choice is made again once one of them moves
        self._zero_held_out: set[str] = set()

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
        self._zero_held_out = {s.name for s in self.series.values() if _unmeasured(s)}
        rows = [
            (s.name, s.split, s.kind, len(s)) for s in self.series.values()
            if s.name not in self._held_constant and s.name not in self._zero_held_out
            and not s.attrs.get("final_evaluation", False)
        ]
        train, val = choose_primary(rows, self._epochs_if_batched)
        if self._forced_train and self._forced_train in self.series:
            train = self._forced_train
        changed = (train, val) != (self.primary_train, self.primary_val)
        self.primary_train, self.primary_val = train, val
        return changed

    def zero_held_out_moved(self) -> bool:
        """True when a held-out loss left out for being all zeros has a value other than 0 now."""
        return any(self.series[name].varied or not self.series[name].zero_throughout for name in self._zero_held_out)

    def _epochs_if_batched(self, name: str) -> int | None:
        """Distinct steps of a series whose records share them (most steps hold several records:
        batch lines under their epoch's step), else None. Steps of a segment never go back, so
        counting the step changes is enough. Batch lines of a single epoch are None: a one-epoch
        run has no epoch curve, its batch lines are the curve (denoiser's two 'Train | Epoch 1 |
        i/2 | Loss' lines beside the one 'Train Loss' of its summary)."""
        steps = self.series[name].steps
        if len(steps) < 2:
            return None
        distinct = int(np.count_nonzero(np.diff(steps))) + 1
        return distinct if distinct >= 2 and len(steps) >= 2 * distinct else None

    def review_primary(self, varied_news: bool, fresh: dict[str, tuple[int, list]]) -> bool:
        """Set aside a primary training loss whose first CONSTANT_RECORDS values are one when a
        loss of its split moves: DreamerV2's kl_loss, clamped at its free-bits floor, chosen as the
        shortest name when the series appeared, beside the world model's and the actor's losses.
        (Its first values, not all so far: the same choice whether a log is read whole or line by
        line.) Only a component: a name that says it is the run's loss ("loss", "total_loss",
        "model_loss") stays, whatever it does (a constant total is a finding, not a wrong choice).
        True when the primaries changed. Cheap unless something changed: called per batch with
        ``varied_news`` (a series moved for the first time in it) and ``fresh`` (name -> index of
        the batch's first point), so the scan of the series runs when the held primary first
        reaches the count or a series first moves, a few times per log."""
        changed = False
        while True:
            train = self.primary_train
            if train is None or self._forced_train or train not in self.series:
                return changed
            held = self.series[train]
            if not held.held_first(CONSTANT_RECORDS):
                return changed
            reached = train in fresh and fresh[train][0] < CONSTANT_RECORDS
            if not (varied_news or reached or changed) or names_the_overall_loss(train):
                return changed
            # ... a loss that moved from its start: where every loss held its first records (an RL
            # agent's LossQ1, LossPi and LossAlpha all 0.0 until its updates start, REDQ's
            # progress.txt), none is a clamped term beside the others
            if not any(
                s.varied and s.kind == "loss" and s.split == held.split and not s.held_first(CONSTANT_RECORDS)
                for s in self.series.values()
            ):
                return changed
            self._held_constant.add(train)
            changed |= self.update_primary()

    def timelines(self) -> list[Timeline]:
        return list({id(s.timeline): s.timeline for s in self.series.values()}.values())

    @property
    def nbytes(self) -> int:
        """Bytes allocated for all series (each timeline once)."""
        return sum(s.nbytes for s in self.series.values()) + sum(t.nbytes for t in self.timelines())

    @property
    def used_bytes(self) -> int:
        """Bytes of the points held (values, steps and lines; without growth room and pyramids)."""
        return sum(s.used_bytes for s in self.series.values()) + sum(t.used_bytes for t in self.timelines())
