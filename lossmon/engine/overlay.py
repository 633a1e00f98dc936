"""A series' steps and lines kept as another series' timeline plus the few points of its own.

A Trainer's ``epoch`` is on every training record and on every evaluation record too: its points
are the losses' timeline with an evaluation every thousand steps in between. A full copy of that
timeline costs 12 bytes per record (12 MB at 1M records); this keeps the first ``taken`` entries
of the shared timeline and, for the points that are not in it, their index, step and line
(issue 18)."""

from __future__ import annotations

import numpy as np

from lossmon.engine.arrays import GrowableArray

# Points of its own an overlay may keep before its series is better off with a copy of its own:
# at most one in FEW_SHARE of its points (each costs 24 bytes, a point of a copy 12), or MIN_FEW.
FEW_SHARE = 8
MIN_FEW = 64

_NONE = np.empty(0)


class Overlay:
    """The steps and lines of a series: ``base`` entries ``[0, taken)``, in order, with the
    series' own points (``at``: their indices in the series) in between, then the points of its
    last batch (pending: read before the series of the same records have given theirs to
    ``base``, so matched against it at the next batch). Read-only towards ``base``."""

    __slots__ = ("base", "taken", "at", "steps", "lines", "_pending_steps", "_pending_lines")

    def __init__(self, base, taken: int) -> None:
        self.base = base  # a Timeline (engine/store.py)
        self.taken = taken
        self.at = GrowableArray(np.int64, 16)
        self.steps = GrowableArray(np.float64, 16)
        self.lines = GrowableArray(np.int64, 16)
        self._pending_steps = self._pending_lines = _NONE

    def __len__(self) -> int:
        return self.taken + len(self.at) + len(self._pending_steps)

    @property
    def few(self) -> bool:
        """Are its own points few enough to keep it (see FEW_SHARE)?"""
        own = len(self.at)
        return own <= MIN_FEW or own <= len(self) // FEW_SHARE

    def add(self, steps: np.ndarray, lines: np.ndarray) -> bool:
        """The series' next points. False when its points so far are not the base's next entries
        plus points of its own (a record of the base it does not hold, another step on a line):
        the series then takes a copy (``arrays``, these points included), and this overlay is done."""
        if not self._settle():
            self._pending_steps = np.concatenate((self._pending_steps, steps))
            self._pending_lines = np.concatenate((self._pending_lines, lines))
            return False
        self._pending_steps, self._pending_lines = steps, lines
        base_lines = self.base.lines.view
        if len(base_lines) > self.taken and base_lines[-1] >= lines[0]:
            return self._settle()  # the base has this batch's records already (batches come in line order)
        self._pending_steps, self._pending_lines = steps.copy(), lines.copy()
        return True

    def _settle(self) -> bool:
        """Match the pending points against the base's next entries; those not there are the
        series' own. The base's records are in line order: a binary search finds each line."""
        steps, lines = self._pending_steps, self._pending_lines
        if not len(steps):
            return True
        start = self.taken + len(self.at)
        held = self.base.lines.view[self.taken :]
        where = np.searchsorted(held, lines)
        found = where < len(held)
        found[found] = held[where[found]] == lines[found]
        count = int(np.count_nonzero(found))
        if count and not self.base.holds(self.taken, steps[found], lines[found]):
            return False
        own = np.flatnonzero(~found)
        if len(own):
            self.at.extend(own + start)
            self.steps.extend(steps[own])
            self.lines.extend(lines[own])
        self.taken += count
        self._pending_steps = self._pending_lines = _NONE
        return True

    def step_at(self, index: int):
        """The step of point ``index`` (>= 0), without building the whole array."""
        settled = self.taken + len(self.at)
        if index >= settled:
            return self._pending_steps[index - settled]
        at = self.at.view
        before = int(np.searchsorted(at, index))  # own points before it
        if before < len(at) and at[before] == index:
            return self.steps.view[before]
        return self.base.steps.view[index - before]

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """All its steps and lines, as new arrays."""
        count, at = len(self), self.at.view
        settled = self.taken + len(at)
        steps = np.empty(count, np.float64)
        lines = np.empty(count, np.int64)
        mine = np.zeros(settled, bool)
        mine[at] = True
        steps[:settled][mine], lines[:settled][mine] = self.steps.view, self.lines.view
        steps[:settled][~mine] = self.base.steps.view[: self.taken]
        lines[:settled][~mine] = self.base.lines.view[: self.taken]
        steps[settled:], lines[settled:] = self._pending_steps, self._pending_lines
        return steps, lines

    @property
    def nbytes(self) -> int:
        pending = self._pending_steps.nbytes + self._pending_lines.nbytes
        return self.at.nbytes + self.steps.nbytes + self.lines.nbytes + pending

    @property
    def used_bytes(self) -> int:
        pending = self._pending_steps.nbytes + self._pending_lines.nbytes
        return self.at.view.nbytes + self.steps.view.nbytes + self.lines.view.nbytes + pending
