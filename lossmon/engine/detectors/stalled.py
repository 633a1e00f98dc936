"""stalled: a followed log that stops growing (a hung job: NCCL deadlock, dead data loader,
full disk, killed process, preempted node). Not a curve detector: it reads wall time.

It knows only when records arrive (the follower's read time; a log's own timestamps are not
needed) and what time it is now, both from an injected clock. The run's usual interval is the
median of the last ``WINDOW`` intervals between reads that brought records while following (the
history read at start-up is a burst, not the run's pace, so it does not count; neither does the
first live read, whose interval began when lossmon opened the file, not when the run wrote).

* warn: no record for ``max(FLOOR, WARN_INTERVALS x usual)`` seconds (``--stall-after`` gives
  that time instead); until ``MIN_INTERVALS`` intervals are known, ``WARN_INTERVALS x FLOOR``
  (a run that logs every few minutes must not look hung the first minute it is watched);
* alert: ``ALERT_FACTOR`` times as long;
* the badge clears when a record arrives. A run that comes back from a silence long enough to
  be flagged pauses that way (a long evaluation, a checkpoint to slow storage): the next
  silences are judged against ``PAUSE_MARGIN`` x the longest of its last ``PAUSES`` such pauses
  too, so each evaluation does not raise the badge again (and ``--exit-on alert`` does not stop
  a healthy job in its third evaluation). ``--stall-after`` is taken as given.

It is judged only while following (``lossmon watch`` and the app), never on a finished log read
with ``lossmon check``.
"""

from __future__ import annotations

from collections import deque
from statistics import median

from lossmon.engine.findings import Finding, format_step

PATHOLOGY = "stalled"
SERIES = "log"  # a stall is the log's, not one series'
FLOOR = 60.0  # seconds: never a stall before a minute without a record
WARN_INTERVALS = 5.0
ALERT_FACTOR = 3.0
MIN_INTERVALS = 3
WINDOW = 16
PAUSES, PAUSE_MARGIN = 8, 1.5


class StallWatch:
    pathology = PATHOLOGY
    active_series = SERIES

    def __init__(self, after: float | None = None) -> None:
        """``after``: warn after this many seconds without a record (alert after 3x), instead of
        the run's own pace."""
        self.after = after
        self.active: Finding | None = None
        self.last_arrival: float | None = None
        self._intervals: deque[float] = deque(maxlen=WINDOW)
        self._pauses: deque[float] = deque(maxlen=PAUSES)  # flagged silences the run came back from
        self._live = False  # following: past the history read at start-up
        self._last_live = False  # the last arrival was while following

    def arrived(self, now: float) -> bool:
        """Records arrived at ``now``; True when that ends a stall (the badge goes dark)."""
        if self._live and self._last_live and self.last_arrival is not None:
            interval = max(0.0, now - self.last_arrival)
            self._intervals.append(interval)
            if self.active is not None:
                self._pauses.append(interval)
        self.last_arrival, self._last_live = now, self._live
        ended, self.active = self.active is not None, None
        return ended

    @property
    def usual(self) -> float | None:
        """The run's usual interval between records, once enough are known."""
        return median(self._intervals) if len(self._intervals) >= MIN_INTERVALS else None

    def limits(self) -> tuple[float, float]:
        """Seconds without a record before a warning and an alert."""
        if self.after is not None:
            warn = self.after
        else:
            usual = self.usual
            warn = WARN_INTERVALS * FLOOR if usual is None else max(FLOOR, WARN_INTERVALS * usual)
            if self._pauses:
                warn = max(warn, PAUSE_MARGIN * max(self._pauses))
        return warn, ALERT_FACTOR * warn

    def silence(self, now: float) -> float | None:
        """Seconds since the last record arrived (None before the first)."""
        return None if self.last_arrival is None else max(0.0, now - self.last_arrival)

    def check(self, now: float, step: float, line: int) -> Finding | None:
        """Judge the silence at ``now`` (call while following, when the reader has caught up);
        ``step`` and ``line``: the last record's. Returns a new or escalated finding."""
        self._live = True
        silent = self.silence(now)
        if silent is None:
            return None
        warn, alert = self.limits()
        severity = "alert" if silent >= alert else "warn" if silent >= warn else None
        if severity is None or (self.active is not None and self.active.severity == severity):
            return None
        usual = self.usual
        pace = (
            f"--stall-after {format_duration(self.after)}" if self.after is not None
            else f"usually one every {format_duration(usual)}" if usual is not None
            else "its pace is not known yet"
        )
        if self._pauses and self.after is None:
            pace += f", back after pauses up to {format_duration(max(self._pauses))} before"
        message = (
            f"no new record for {format_duration(silent)} ({pace}; {severity} after "
            f"{format_duration(warn if severity == 'warn' else alert)}): the run may be hung "
            f"(last record at step {format_step(step)})"
        )
        finding = Finding(PATHOLOGY, severity, SERIES, step, line, message, while_lit=self.active is not None)
        self.active = finding
        return finding


def format_duration(seconds: float) -> str:
    """45 s, 14 min, 2 h 5 min."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min" if minutes % 60 else f"{minutes // 60} h"
