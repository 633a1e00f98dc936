"""When the app redraws: at most four frames a second while data stream in, one a second while a
log's history loads (the reading shares the interpreter with drawing), the charts every three
seconds then and the checklist and findings lists every five. ``RefreshThrottle`` is pure
bookkeeping on an injected clock; ``PlannedRefresh`` holds the one redraw planned, on a timer the
app gives it."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

REFRESH_INTERVAL = 0.25  # at most four frames a second while data streams in
# While a log's history loads, a frame a second: the progress bar and charts still move, and the
# reading (which shares the interpreter with drawing) keeps nearly all of it. Keys redraw at once.
LOADING_REFRESH_INTERVAL = 1.0
LOADING_PANES_INTERVAL = 5.0  # and the checklist and findings list every five seconds
# The charts, every three seconds then: a frame of a 200x50 screen's charts costs ~0.1 s of the
# interpreter (planning, drawing, compositing), a tenth of the load at one a second, ~3% at this
# pace (benchmarks.perf --only big: the final picture against check's time). The header and the
# progress bar, cheap, still move every second; keys and resizes redraw the charts at once.
LOADING_CHARTS_INTERVAL = 3.0
MIN_DELAY = 0.02  # seconds: a refresh "when the throttle allows" never fires in the same tick


class RefreshThrottle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.last_frame = -float("inf")
        self.last_panes = -float("inf")
        self.last_charts = -float("inf")

    def delay(self, loading: bool) -> float:
        """Seconds until the next frame may be drawn."""
        interval = LOADING_REFRESH_INTERVAL if loading else REFRESH_INTERVAL
        return max(MIN_DELAY, self.last_frame + interval - self.clock())

    def frame_drawn(self) -> None:
        self.last_frame = self.clock()

    def panes_due(self, loading: bool) -> bool:
        """Whether this frame also redraws the checklist and findings lists (and, if so, notes
        it): always once loaded; while loading, every ``LOADING_PANES_INTERVAL`` seconds."""
        now = self.clock()
        if loading and now - self.last_panes < LOADING_PANES_INTERVAL:
            return False
        self.last_panes = now
        return True

    def charts_due(self, loading: bool) -> bool:
        """Whether this frame also redraws the charts (and, if so, notes it): always once
        loaded; while loading, every ``LOADING_CHARTS_INTERVAL`` seconds."""
        now = self.clock()
        if loading and now - self.last_charts < LOADING_CHARTS_INTERVAL:
            return False
        self.last_charts = now
        return True


class PlannedRefresh:
    """At most one redraw planned at a time: ``plan`` sets a timer (Textual's ``set_timer``) that
    notes the frame on the throttle and calls ``draw``. Many changes before it fires cost one frame."""

    def __init__(
        self, set_timer: Callable[[float, Callable[[], None]], Any], draw: Callable[[], None], throttle: RefreshThrottle
    ) -> None:
        self.throttle = throttle
        self._set_timer, self._draw = set_timer, draw
        self._timer = None

    @property
    def pending(self) -> bool:
        return self._timer is not None

    def plan(self, delay: float | None, loading: bool, hurry: bool = False) -> None:
        """Redraw after ``delay`` seconds (None: when the throttle allows); ``hurry``: sooner than
        a redraw already planned (else that one stands)."""
        if self._timer is not None:
            if not hurry:
                return
            self._timer.stop()
        delay = self.throttle.delay(loading) if delay is None else delay
        self._timer = self._set_timer(max(delay, 0.01), self._fire)

    def _fire(self) -> None:
        self._timer = None
        self.throttle.frame_drawn()
        self._draw()
