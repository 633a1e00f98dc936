"""Feeds drive the Monitors on a background thread and tell the app when something changed.

``FollowFeed`` is the one path for live logs (files, globs, ``-`` for stdin, the demo's run): the
engine's follower (:class:`lossmon.engine.follower.Follower`) reads the history, then follows the
files through rotation, truncation, deletion and late appearance. ``ReplayFeed`` animates finished
logs at N records per second. Both keep ``logs`` (a :class:`LiveLog` per input, in the order they
appear; a glob may add some later) and call ``notify(log)`` on their thread after each change:
the app coalesces those calls and redraws on its own throttle.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import BinaryIO

import numpy as np

from lossmon.app.live_log import LiveLog
from lossmon.engine import Monitor
from lossmon.engine.errors import LossmonError
from lossmon.engine.follower import Follower
from lossmon.engine.updates import FollowUpdate
from lossmon.engine.sources import read_chunks

Notify = Callable[[LiveLog], None]
MakeMonitor = Callable[[str], Monitor]
_TICK = 0.05


class FollowFeed:
    """Live logs through the follower: history first, then every new line."""

    replay = False

    def __init__(
        self,
        paths: Sequence[str],
        make_monitor: MakeMonitor = Monitor,
        *,
        poll_interval: float | None = None,
        stdin: BinaryIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        stall_after: float | None = None,
    ) -> None:
        self.paths = list(paths)
        self.logs: list[LiveLog] = []
        self._by_path: dict[str, LiveLog] = {}
        self._make_monitor = make_monitor
        self._clock = clock
        self._notify: Notify = lambda log: None
        self.follower = Follower(
            self.paths,
            make_monitor=self._monitor_for,
            on_update=self._on_update,
            poll_interval=poll_interval,
            stdin=stdin,
            clock=clock,  # the stalled detector's, and the header's "last record ... ago"
            stall_after=stall_after,
        )

    def start(self, notify: Notify) -> None:
        self._notify = notify
        self.follower.start()

    def stop(self) -> None:
        self.follower.stop()

    @property
    def error(self) -> str | None:
        """Set if the follower itself failed (a single input's failure is on its log)."""
        error = self.follower.error
        return f"the follower stopped: {type(error).__name__}: {error}" if error is not None else None

    # The follower's thread -----------------------------------------------------------------

    def _monitor_for(self, path: str) -> Monitor:
        """Called by the follower, under its lock, for each input it starts following."""
        monitor = self._make_monitor(path)
        log = LiveLog(path, monitor, self.follower.lock, self._clock)
        self._by_path[path] = log
        self.logs.append(log)
        self._notify(log)
        return monitor

    def _on_update(self, update: FollowUpdate) -> None:
        log = self._by_path[update.path]
        with log.lock:
            for event in update.events:
                log.event(event.kind, event.message)
            log.took(update.records, update.position)
        self._notify(log)


class ReplayFeed:
    """Feed finished logs at ``speed`` records per second, so the detectors fire as it goes."""

    replay = True

    def __init__(self, paths: Sequence[str], make_monitor: MakeMonitor, speed: float, clock=time.monotonic) -> None:
        if speed <= 0:
            raise LossmonError(f"--speed must be positive, not {speed:g}")
        self.speed = speed
        self.logs = [LiveLog(path, make_monitor(path), clock=clock, reads_to_end=True) for path in paths]
        self.error: str | None = None
        self._notify: Notify = lambda log: None
        self._stop = threading.Event()
        self._resume = threading.Event()
        self._resume.set()
        self._thread = threading.Thread(target=self._run, name="lossmon-replay", daemon=True)

    def start(self, notify: Notify) -> None:
        self._notify = notify
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._resume.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)

    @property
    def paused(self) -> bool:
        return not self._resume.is_set()

    @paused.setter
    def paused(self, value: bool) -> None:
        (self._resume.clear if value else self._resume.set)()

    def _run(self) -> None:
        for log in self.logs:
            if self._stop.is_set():
                return
            try:
                self._replay(log)
            except LossmonError as error:
                log.error = str(error)
            except Exception as error:  # never let one bad file kill the app
                log.error = f"{log.path}: {type(error).__name__}: {error}"
            with log.lock:
                log.event("finished", f"{log.path}: replayed")
            self._notify(log)

    def _replay(self, log: LiveLog) -> None:
        data = b"".join(read_chunks(log.path))
        ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10) + 1
        ends = np.append(ends, len(data)) if not len(ends) or ends[-1] != len(data) else ends
        monitor = log.monitor
        position = 0  # bytes fed
        line = 0  # lines fed
        lines_per_record = 1.0
        played = 0.0  # seconds of replay time (paused time does not count)
        last = time.monotonic()
        last_notify = 0.0
        while line < len(ends) and not self._stop.is_set():
            if not self._resume.is_set():
                self._resume.wait()
                last = time.monotonic()
                continue
            now = time.monotonic()
            played += now - last
            last = now
            wanted = int(played * self.speed) - monitor.records
            if wanted > 0:
                # Lines per record varies (headers, warnings): estimate it from what was fed.
                take = max(1, min(int(wanted * lines_per_record), len(ends) - line))
                end = int(ends[line + take - 1])
                with log.lock:
                    log.took(monitor.feed(data[position:end]).records, end)
                position = end
                line += take
                if monitor.records:
                    lines_per_record = max(1.0, line / monitor.records)
                if now - last_notify >= _TICK:
                    last_notify = now
                    self._notify(log)
            time.sleep(_TICK)
        if not self._stop.is_set():
            with log.lock:
                log.took(monitor.finish().records)
