"""The app's reader: the engine's one :class:`~lossmon.engine.follower.Follower`, driven the same
way for live logs and for a replay, and an adapter from its updates to the app.

The follower reads on its own thread: history first, then the files as they grow (through
rotation, truncation, deletion and late appearance), or, with ``replay_speed``, finished logs
played back at N records per second by its clock (lossmon.engine.sources.replay). Each
:class:`~lossmon.engine.updates.FollowUpdate` becomes what the app keeps (a :class:`LiveLog` per
input) and two calls, made on that thread: ``notify(log)`` after each change (the app posts a
LogsChanged message, coalesced, and redraws on its own throttle) and ``findings(log, findings,
active)`` for an update that carried findings (each finding once, as the update carried it: the
app hands them to the alert policy, as ``watch`` does).
"""

from __future__ import annotations

import glob
import os
import threading
import time
from collections.abc import Callable, Sequence
from typing import BinaryIO

from lossmon.app.live_log import LiveLog
from lossmon.engine import Monitor, scan_workers
from lossmon.engine.findings import Finding
from lossmon.engine.follower import PACE_SECONDS, Follower
from lossmon.engine.history import raise_malloc_threshold
from lossmon.engine.updates import FollowUpdate

Notify = Callable[[LiveLog], None]
Findings = Callable[[LiveLog, list[Finding], dict[str, Finding]], None]
MakeMonitor = Callable[[str], Monitor]


class LogReader:
    """The logs the app shows, read by the follower (``logs`` grows as inputs appear: a glob
    matches a new file).

    ``replay``: the logs are finished files played back; setting ``paused`` stops the replay's
    time (a followed log is read on while the view is paused). ``clock``: the follower's, which
    paces a replay, and the logs' (the header's times).

    ``start_early()`` starts reading before the app is there to hear of it: a big history is
    read while the app imports its toolkit and lays out its first screen (most of a second), and
    its scan workers start then too. The findings read meanwhile wait, in order, for ``start``."""

    def __init__(
        self,
        paths: Sequence[str],
        make_monitor: MakeMonitor = Monitor,
        *,
        replay_speed: float | None = None,
        poll_interval: float | None = None,
        stdin: BinaryIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        stall_after: float | None = None,
        pace: float = PACE_SECONDS,
    ) -> None:
        self.paths = list(paths)
        self.replay = replay_speed is not None
        self.logs: list[LiveLog] = []
        self._by_path: dict[str, LiveLog] = {}
        self._make_monitor = make_monitor
        self._clock = clock
        self._notify: Notify = lambda log: None
        self._findings: Findings | None = None
        self._hooks = threading.Lock()  # the app's callbacks against the follower's thread
        self._early: list[tuple[LiveLog, list[Finding], dict[str, Finding]]] | None = None
        if not self.replay and any(_big_file(path) for path in self.paths):
            scan_workers.prepare()  # before the app captures stderr (scan workers for its history)
            raise_malloc_threshold()  # as check does: its blocks' temporaries stay on the heap
        self.follower = Follower(
            self.paths,
            make_monitor=self._monitor_for,
            on_update=self._on_update,
            poll_interval=poll_interval,
            stdin=stdin,
            clock=clock,  # the follower's one clock; the header's too ("last record ... ago")
            stall_after=stall_after,
            pace=pace,
            replay_speed=replay_speed,
        )

    def start_early(self) -> None:
        """Read from now on; the app's callbacks come with ``start``."""
        with self._hooks:
            self._early = []
        self.follower.start()

    def start(self, notify: Notify, findings: Findings | None = None) -> None:
        """``findings``, when given, receives each update's findings and the badges lit after
        it, once, on the follower's thread (the alert policy's input)."""
        with self._hooks:
            self._notify, self._findings = notify, findings
            early, self._early = self._early, None
            if early is None:
                self.follower.start()
                return
            for log, found, active in early if findings is not None else []:
                findings(log, found, active)  # under the lock: before any later update's
        for log in list(self.logs):
            notify(log)  # what was read before

    def stop(self, wait: bool = True) -> None:
        self.follower.stop(wait=wait)

    @property
    def paused(self) -> bool:
        return self.follower.paused

    @paused.setter
    def paused(self, value: bool) -> None:
        self.follower.paused = value

    @property
    def error(self) -> str | None:
        """Set if the follower itself failed (a single input's failure is on its log)."""
        error = self.follower.error
        return f"the follower stopped: {type(error).__name__}: {error}" if error is not None else None

    # The follower's thread -----------------------------------------------------------------

    def _monitor_for(self, path: str) -> Monitor:
        """Called by the follower, under its lock, for each input it starts reading."""
        monitor = self._make_monitor(path)
        log = LiveLog(path, monitor, self.follower.lock, self._clock, reads_to_end=self.replay)
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
        if update.findings:
            with self._hooks:
                if self._early is not None:
                    self._early.append((log, update.findings, update.active))
                elif self._findings is not None:
                    self._findings(log, update.findings, update.active)
        self._notify(log)


def _big_file(path: str) -> bool:
    """A file (or a file a glob matches now) with history enough for scan workers."""
    for match in glob.glob(path) if glob.has_magic(path) else [path]:
        try:
            if os.path.isfile(match) and os.path.getsize(match) >= scan_workers.MIN_BYTES:
                return True
        except OSError:
            continue
    return False
