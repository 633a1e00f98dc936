"""Feeds: adapters from the engine's updates to the app. The engine drives the Monitors on a
background thread; a feed turns each :class:`~lossmon.engine.updates.FollowUpdate` into what the
app keeps (a :class:`LiveLog` per input) and two calls, made on that thread: ``notify(log)``
after each change (the app coalesces them into one message and redraws on its own throttle),
and ``findings(log, findings, active)`` for an update that carried findings (each finding once,
as the update carried it: the app hands them to the alert policy, as ``watch`` does).

``FollowFeed`` is the one path for live logs (files, globs, ``-`` for stdin, the demo's run): the
engine's follower (:class:`lossmon.engine.follower.Follower`) reads the history, then follows the
files through rotation, truncation, deletion and late appearance. ``ReplayFeed`` animates finished
logs at N records per second (:class:`lossmon.engine.sources.replay.ReplaySource`).
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
from lossmon.engine.followed import FollowedInput
from lossmon.engine.history import raise_malloc_threshold
from lossmon.engine.follower import Follower
from lossmon.engine.sources import BLOCK_BYTES
from lossmon.engine.sources.replay import ReplaySource
from lossmon.engine.updates import FollowUpdate

Notify = Callable[[LiveLog], None]
Findings = Callable[[LiveLog, list[Finding], dict[str, Finding]], None]
MakeMonitor = Callable[[str], Monitor]
_TICK = 0.05


class _Adapter:
    """What both feeds do with an update: the log's state, then the app's two calls."""

    _notify: Notify = staticmethod(lambda log: None)
    _findings: Findings | None = None

    def _deliver(self, log: LiveLog, update: FollowUpdate) -> None:
        with log.lock:
            for event in update.events:
                log.event(event.kind, event.message)
            log.took(update.records, update.position)
        if update.findings:
            self._deliver_findings(log, update.findings, update.active)
        self._notify(log)

    def _deliver_findings(self, log: LiveLog, findings: list[Finding], active: dict[str, Finding]) -> None:
        if self._findings is not None:
            self._findings(log, findings, active)


class FollowFeed(_Adapter):
    """Live logs through the follower: history first, then every new line.

    ``start_early()`` starts reading before the app is there to hear of it: a big history is
    read while the app imports its toolkit and lays out its first screen (most of a second), and
    its scan workers start then too. The findings read meanwhile wait, in order, for ``start``."""

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
        self._hooks = threading.Lock()  # the app's callbacks against the follower's thread
        self._early: list[tuple[LiveLog, list[Finding], dict[str, Finding]]] | None = None
        if any(_big_file(path) for path in self.paths):
            scan_workers.prepare()  # before the app captures stderr (scan workers for its history)
            raise_malloc_threshold()  # as check does: its blocks' temporaries stay on the heap
        self.follower = Follower(
            self.paths,
            make_monitor=self._monitor_for,
            on_update=self._on_update,
            poll_interval=poll_interval,
            stdin=stdin,
            clock=clock,  # the stalled detector's, and the header's "last record ... ago"
            stall_after=stall_after,
        )

    def start_early(self) -> None:
        """Read from now on; the app's callbacks come with ``start``."""
        with self._hooks:
            self._early = []
        self.follower.start()

    def start(self, notify: Notify, findings: Findings | None = None) -> None:
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

    def stop(self) -> None:
        self.follower.stop()

    def _deliver_findings(self, log: LiveLog, findings: list[Finding], active: dict[str, Finding]) -> None:
        with self._hooks:
            if self._early is not None:
                self._early.append((log, findings, active))
            elif self._findings is not None:
                self._findings(log, findings, active)

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
        self._deliver(self._by_path[update.path], update)


class ReplayFeed(_Adapter):
    """Feed finished logs at ``speed`` records per second, so the detectors fire as it goes: one
    after the other, each a :class:`ReplaySource` paced by ``clock``."""

    replay = True

    def __init__(
        self, paths: Sequence[str], make_monitor: MakeMonitor, speed: float, clock=time.monotonic, *, pace=time.monotonic
    ) -> None:
        """``clock``: the logs' (the header's times); ``pace``: the replay's own, which moves it on."""
        self.speed = speed
        self.logs = [LiveLog(path, make_monitor(path), clock=clock, reads_to_end=True) for path in paths]
        self._inputs = [
            FollowedInput(log.monitor, ReplaySource(log.path, speed, _counter(log.monitor), pace)) for log in self.logs
        ]
        self.error: str | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lossmon-replay", daemon=True)

    def start(self, notify: Notify, findings: Findings | None = None) -> None:
        self._notify, self._findings = notify, findings
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)

    @property
    def paused(self) -> bool:
        return self._inputs[0].source.paused if self._inputs else False

    @paused.setter
    def paused(self, value: bool) -> None:
        for replayed in self._inputs:
            replayed.source.paused = value

    def _run(self) -> None:
        for log, replayed in zip(self.logs, self._inputs):
            while not replayed.done and not self._stop.is_set():
                with log.lock:
                    try:
                        replayed.pump(BLOCK_BYTES)
                    except Exception as error:  # never let one bad file kill the app
                        replayed.report_error(f"{log.path}: {type(error).__name__}: {error}")
                        replayed.source.done = True
                    updates = replayed.take_updates()
                for update in updates:
                    self._deliver(log, update)
                self._stop.wait(_TICK)
            replayed.close()
            if self._stop.is_set():
                return
            if not log.finished:  # it failed: it is over all the same
                with log.lock:
                    log.event("finished", f"{log.path}: replayed")
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


def _counter(monitor: Monitor) -> Callable[[], int]:
    return lambda: monitor.records
