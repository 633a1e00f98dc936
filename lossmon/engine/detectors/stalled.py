"""stalled: a followed log that stops growing (a hung job: NCCL deadlock, dead data loader,
full disk, killed process, preempted node). Not a curve detector: it reads wall time.

It knows only when records arrive (the follower's read time; a log's own timestamps are not
needed) and what time it is now, both from an injected clock. The run's usual interval is the
median of the last ``window`` intervals between reads that brought records while following (the
history read at start-up is a burst, not the run's pace, so it does not count; neither does the
first live read, whose interval began when lossmon opened the file, not when the run wrote).

* warn: no record for ``max(floor, warn_intervals x usual)`` seconds (``--stall-after`` gives
  that time instead); until ``min_intervals`` intervals are known, ``warn_intervals x floor``
  (a run that logs every few minutes must not look hung the first minute it is watched);
* alert: ``alert_factor`` times as long;
* the badge clears when a record arrives. A run that comes back from a silence long enough to
  be flagged pauses that way (a long evaluation, a checkpoint to slow storage): the next
  silences are judged against ``pause_margin`` x the longest of its last ``pauses`` such pauses
  too, so each evaluation does not raise the badge again (and ``--exit-on alert`` does not stop
  a healthy job in its third evaluation). ``--stall-after`` is taken as given.

It is judged only while following (``lossmon watch`` and the app), never on a finished log read
with ``lossmon check``.
"""

from __future__ import annotations

from collections import deque

from lossmon.engine.findings import Finding, format_step
from lossmon.engine.detectors.stats.few import median

PATHOLOGY = "stalled"
SERIES = "log"  # a stall is the log's, not one series'
FLOOR = 60.0  # seconds: never a stall before a minute without a record (the default floor)


class StallWatch:
    pathology = PATHOLOGY
    active_series = SERIES

    def __init__(
        self, after: float | None = None, *, floor: float = FLOOR, warn_intervals: float = 5.0,
        alert_factor: float = 3.0, min_intervals: int = 3, window: int = 16, pauses: int = 8,
        pause_margin: float = 1.5,
    ) -> None:
        """``after``: warn after this many seconds without a record (alert after ``alert_factor``
        times that), instead of the run's own pace: ``warn_intervals`` times the median of the
        last ``window`` intervals between records (known once there are ``min_intervals``), never
        below ``floor`` seconds, and ``pause_margin`` times the longest of the last ``pauses``
        flagged silences the run came back from.

        >>> watch = StallWatch()
        >>> for now in (0.0, 10.0, 20.0, 30.0, 40.0):  # following: a record every 10 s
        ...     _ = watch.check(now, step=now, line=int(now)); _ = watch.arrived(now)
        >>> watch.check(80.0, step=40.0, line=40) is None  # 40 s of silence: under the 60 s floor
        True
        >>> watch.check(101.0, step=40.0, line=40).severity
        'warn'
        >>> watch.check(221.0, step=40.0, line=40).severity
        'alert'
        >>> watch.arrived(230.0)  # a record: the stall ends
        True
        """
        self.after = after
        self.floor, self.warn_intervals, self.alert_factor = floor, warn_intervals, alert_factor
        self.min_intervals, self.pause_margin = min_intervals, pause_margin
        self.active: Finding | None = None
        self.last_arrival: float | None = None
        self._intervals: deque[float] = deque(maxlen=window)
        self._pauses: deque[float] = deque(maxlen=pauses)  # flagged silences the run came back from
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
        return median(self._intervals) if len(self._intervals) >= self.min_intervals else None

    def limits(self) -> tuple[float, float]:
        """Seconds without a record before a warning and an alert."""
        if self.after is not None:
            warn = self.after
        else:
            usual = self.usual
            warn = self.warn_intervals * self.floor if usual is None else max(self.floor, self.warn_intervals * usual)
            if self._pauses:
                warn = max(warn, self.pause_margin * max(self._pauses))
        return warn, self.alert_factor * warn

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
