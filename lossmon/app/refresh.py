"""When the app redraws: at most four frames a second while data stream in, one a second while a
log's history loads (the reading shares the interpreter with drawing), the charts every three
seconds then and the checklist and findings lists every five (seconds of the wall clock and of the
process's own CPU time: on a busy machine, drawing stays the same share of the load).
``RefreshThrottle`` is pure bookkeeping on injected clocks; ``PlannedRefresh`` holds the one redraw
planned, on a timer the app gives it."""

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
    """``clock``: wall seconds. ``work``: the seconds of CPU this process has used (time.process_time
    in the app), or None. With it, the charts and the lists wait while loading for that interval
    of the process's own work too, not only of the wall clock: on a busy machine the load takes
    longer on the wall clock for the same work, and charts drawn by the wall clock alone would be
    a larger share of it. Idle, the load keeps a core busy and the wall clock decides, as without it."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, work: Callable[[], float] | None = None) -> None:
        self.clock = clock
        self.work = work
        self.last_frame = -float("inf")
        self.last_panes = self.last_panes_work = -float("inf")
        self.last_charts = self.last_charts_work = -float("inf")

    def delay(self, loading: bool) -> float:
        """Seconds until the next frame may be drawn."""
        interval = LOADING_REFRESH_INTERVAL if loading else REFRESH_INTERVAL
        return max(MIN_DELAY, self.last_frame + interval - self.clock())

    def frame_drawn(self) -> None:
        self.last_frame = self.clock()

    def panes_due(self, loading: bool) -> bool:
        """Whether this frame also redraws the checklist and findings lists (and, if so, notes
        it): always once loaded; while loading, every ``LOADING_PANES_INTERVAL`` seconds (of
        the wall clock and of the process's work)."""
        due, self.last_panes, self.last_panes_work = self._due(loading, self.last_panes, self.last_panes_work, LOADING_PANES_INTERVAL)
        return due

    def charts_due(self, loading: bool) -> bool:
        """Whether this frame also redraws the charts (and, if so, notes it): always once
        loaded; while loading, every ``LOADING_CHARTS_INTERVAL`` seconds (of the wall clock and
        of the process's work)."""
        due, self.last_charts, self.last_charts_work = self._due(loading, self.last_charts, self.last_charts_work, LOADING_CHARTS_INTERVAL)
        return due

    def _due(self, loading: bool, last: float, last_work: float, interval: float) -> tuple[bool, float, float]:
        """(due, the times to keep): due once loaded, or when ``interval`` has passed on the wall
        clock and (with a work clock) of the process's work since the last time."""
        now = self.clock()
        work = self.work() if self.work is not None else None
        if loading and (now - last < interval or (work is not None and work - last_work < interval)):
            return False, last, last_work
        return True, now, (work if work is not None else last_work)


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
