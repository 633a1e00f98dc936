"""Each run's own x axis in the overlay: the engine's map between its steps and x
(:func:`lossmon.engine.alignment.axis_map`: step, epoch, time since its first record, tokens).

Runs are aligned by mapping every run's steps to a shared quantity; the map is per run (one run
logs 3.2 epochs at step 1,000, another 1.6). Building a map reads the run's series (O(points)),
so a map is kept and built again only when the axis changes, when the run's history has just
finished loading, or when the run has news and ``REFRESH`` seconds have passed. In between, a
map places new steps by its end slope (maps are extended past their last anchor).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from lossmon.engine.alignment import AxisMap, axis_map

OVERLAY_AXES = ("step", "epoch", "time", "tokens")  # x cycles through these in the overlay
REFRESH = 5.0  # seconds between two builds of a run's map while it has news


@dataclass(slots=True)
class _Kept:
    axis: str
    version: int
    loading: bool
    built: float
    amap: AxisMap | None


class RunAxes:
    def __init__(self, clock: Callable[[], float] = time.monotonic, refresh: float = REFRESH) -> None:
        self.clock = clock
        self.refresh = refresh
        self.built = 0  # maps built (tests read it)
        self._kept: dict[int, _Kept] = {}

    def get(self, index: int, log, axis: str) -> AxisMap | None:
        """Run ``index``'s map for ``axis`` (None: the run lacks it). Call with ``log.lock`` held."""
        kept = self._kept.get(index)
        now = self.clock()
        if kept is not None and kept.axis == axis and (
            kept.version == log.version
            or (now - kept.built < self.refresh and not (kept.loading and not log.loading))
        ):
            return kept.amap
        amap = axis_map(log.monitor, axis)
        self.built += 1
        self._kept[index] = _Kept(axis, log.version, log.loading, now, amap)
        return amap
