"""What the charts keep per series between frames: min/max overviews and smoothed values.

Both are extended with the new points only (O(1) amortized per point); a change of smoothing
weight recomputes the smoothed values once, on that key press, never per frame.
"""

from __future__ import annotations

import numpy as np

from lossmon.app.charting.overview import Overview
from lossmon.engine.smoothing import Smoother
from lossmon.engine.store import GrowableArray


class SmoothedValues:
    """The debiased EMA of a series' current segment, kept as long as the series."""

    def __init__(self, weight: float, segment_start: int) -> None:
        self.weight = weight
        self.segment_start = segment_start
        self._smoother = Smoother(weight)
        self._values = GrowableArray(np.float64)

    def update(self, values: np.ndarray) -> np.ndarray:
        """Smoothed ``values[segment_start:]``."""
        done = self.segment_start + len(self._values)
        if len(values) > done:
            self._values.extend(self._smoother.update(values[done:]))
        return self._values.view


class SeriesCache:
    def __init__(self) -> None:
        self.overview = Overview()
        self._smoothed: dict[float, SmoothedValues] = {}

    def smoothed(self, values: np.ndarray, weight: float, segment_start: int) -> np.ndarray:
        """Smoothed values of the segment starting at ``segment_start`` (raw when weight is 0)."""
        if weight <= 0:
            return values[segment_start:]
        cached = self._smoothed.get(weight)
        if cached is None or cached.segment_start != segment_start:
            cached = self._smoothed[weight] = SmoothedValues(weight, segment_start)
        return cached.update(values)


class ChartCache:
    """Series caches by name; one per log."""

    def __init__(self) -> None:
        self._series: dict[str, SeriesCache] = {}

    def __getitem__(self, name: str) -> SeriesCache:
        cache = self._series.get(name)
        if cache is None:
            cache = self._series[name] = SeriesCache()
        return cache
