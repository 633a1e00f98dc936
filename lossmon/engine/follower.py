"""Follow logs while they are written, like ``tail -F``: the one follower that ``lossmon watch`` and
the terminal app both drive. Nothing here imports a UI.

Use::

    follower = Follower(["train.log", "runs/*/metrics.csv"])      # or ["-"] for stdin
    follower.start()                                             # history first, then follow
    while not follower.done:                                     # done: only for inputs that end
        update = follower.get(timeout=0.5)                       # a FollowUpdate, or None
        if update is not None:
            ...
    follower.stop()

or ``Follower(paths, on_update=callback)``, which calls ``callback(update)`` on the follower's
thread instead of queueing (a Textual app passes a function that calls ``app.call_from_thread``).

``Follower(paths, replay_speed=N)`` replays finished logs instead, at N records per second by
its clock, one after the other (lossmon.engine.sources.replay; ``lossmon --replay``): the same
thread, updates and history policy, so a replay reaches a face the way a followed log does;
``paused`` stops the replays' time.

- Each input (a file, each file a glob matches now or later, ``-``, a named pipe or ``<(...)``,
  a .gz/.bz2/.xz finished log)
  gets its own :class:`~lossmon.engine.monitor.Monitor`, made by ``make_monitor(path)``.
- A :class:`FollowUpdate` says what happened to one input, in order: its ``events``
  (:class:`FileEvent`: opened, waiting, truncated, rotated, moved, deleted, recreated, finished,
  error; see :data:`~lossmon.engine.updates.EVENT_KINDS`), then the records they led to
  (``batch``, a :class:`~lossmon.engine.records.RecordBatch`, line numbers counted within the
  current segment of the file) and the detector ``findings`` those records raised. An update
  carries at most one batch; a rotation or truncation between two batches starts a new update.
- Reading and parsing run on one background thread. Updates wait in a bounded queue
  (``max_pending``): when the consumer lags, the thread waits instead of reading on, so memory
  stays bounded and the files simply wait on disk. Bursts are read ``batch_bytes`` at a time,
  one input after the other, so a 1 GB file appearing does not starve the others.
- The history policy (lossmon.engine.history) is ``check``'s: ``batch_bytes`` is by default the
  history block (:data:`~lossmon.engine.sources.BLOCK_BYTES`), so history, and a file that fell
  behind its writer, are read in big blocks (small appends come as they are); a big history, or
  a file ``BEHIND_BYTES`` behind, gets scan workers when cores are idle.
- A followed file's unterminated last line waits for its newline, however long the writer pauses;
  it is committed once the file is known to be finished (see lossmon.engine.followed).
- Monitors are changed on the follower's thread while it holds ``follower.lock``; read their
  series (charts, status) while holding it too. ``follower.monitors`` is a snapshot of the dict.
- Changes are heard through :class:`~lossmon.engine.sources.watchers.Watcher` (inotify, or polling where
  inotify does not work, or everywhere with ``poll_interval``). Every ``RESYNC_SECONDS`` each
  input is also checked directly, in case a change went unheard (a deleted file still written,
  a glob matching in a directory not yet watched; ``resync()`` checks them now). Idle, the thread
  sleeps until then.
- ``stop()`` ends the thread (within one batch) and closes the files; it is safe to call twice.
- Each live input's Monitor judges when its log stops growing (the ``stalled`` detector): the
  follower asks it after every round and at least every ``RESYNC_SECONDS``; ``tick()`` asks now.
  Its findings come as updates without records.
- One injected ``clock`` (seconds; time.monotonic by default) times everything the follower does:
  the resync, the look for scan workers, the pace, how long its thread sleeps, and the stalled
  detector's silence. A test gives a ManualClock and moves it: while it stands still, no timer
  runs out (a file read up to its end waits for its pace: give ``pace=0`` to read it at once).
  Only ``get(timeout)`` waits in real seconds: it is the caller's wait, not the follower's time.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO

from lossmon.engine.errors import LossmonError
from lossmon.engine.history import BEHIND_BYTES, file_size, scan_ahead
from lossmon.engine.monitor import Monitor
from lossmon.engine.followed import FollowedInput
from lossmon.engine.sources.compressed import FinishedFile
from lossmon.engine.sources.files import BLOCK_BYTES
from lossmon.engine.sources.pipe import PipeStream
from lossmon.engine.sources.protocols import Source
from lossmon.engine.sources.replay import ReplaySource
from lossmon.engine.sources.tail import FileTail
from lossmon.engine.sources.trackers import RunTail, run_tail
from lossmon.engine.sources.targets import (
    STDIN,
    check_spec,
    existing_ancestor,
    file_dirs,
    is_compressed,
    is_pattern,
    is_pipe,
    matches,
    pattern_dirs,
)
from lossmon.engine.sources.watchers import Watcher
from lossmon.engine.updates import EVENT_KINDS, FileEvent, FollowUpdate

__all__ = ["Follower", "FollowUpdate", "FileEvent", "EVENT_KINDS"]

RESYNC_SECONDS = 5.0
BATCH_BYTES = BLOCK_BYTES  # per input per round: one history block, then the next input's turn
MAX_PENDING = 64
# A file read up to its end is read again at most this often: a writer appending every few
# milliseconds is then read in blocks of a tenth of a second, not one small update per append.
# Each update costs the parser, the detectors, the queue and the consumer a fixed overhead (a
# detector pass over 1.5k records costs ~1.6x its share of one over 15k): at 150k lines/s, small
# updates took 1.5x the CPU per record (benchmarks.watch_throughput). A writer's first append
# after a pause is read at once.
PACE_SECONDS = 0.1
# A replay is polled this often (seconds by the clock), paused or not: it hands over the records
# due by then, so a frame of the app sees a few records more at a time, not one at a time.
REPLAY_TICK = 0.05


class Follower:
    def __init__(
        self,
        paths: Sequence[str],
        *,
        make_monitor: Callable[[str], Monitor] = Monitor,
        on_update: Callable[[FollowUpdate], None] | None = None,
        max_pending: int = MAX_PENDING,
        poll_interval: float | None = None,
        batch_bytes: int = BATCH_BYTES,
        stdin: BinaryIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        stall_after: float | None = None,
        pace: float = PACE_SECONDS,
        replay_speed: float | None = None,
    ) -> None:
        """``clock``: the follower's one clock (see above); ``stall_after``: for the stalled
        detector (Monitor.follow_stalls); ``pace``: how often at most an input read up to its end
        is read again (seconds); ``replay_speed``: replay the paths (finished files, each read as
        it is named) at this many records per second instead of following them."""
        if not paths:
            raise LossmonError("nothing to follow: give a log file, a glob or '-'")
        if poll_interval is not None and not poll_interval > 0:
            raise LossmonError(f"--poll must be a positive number of seconds, not {poll_interval:g}")
        if replay_speed is not None and not replay_speed > 0:
            raise LossmonError(f"--speed must be positive, not {replay_speed:g}")
        for spec in paths:
            check_spec(spec)
        self.lock = threading.RLock()
        self._specs = list(dict.fromkeys(paths))
        self._replay_speed = replay_speed
        self._patterns = [spec for spec in self._specs if is_pattern(spec)] if replay_speed is None else []
        self._last_replay: ReplaySource | None = None  # the one the next replay waits for
        self._paused = False
        self._make_monitor = make_monitor
        self._on_update = on_update
        self._batch_bytes = batch_bytes
        self._stdin = stdin
        self._clock = clock
        self._stall_after = stall_after
        self._resync = max(RESYNC_SECONDS, poll_interval or 0)
        self._inputs: dict[str, FollowedInput] = {}
        self._followed_paths: set[str] = set()  # absolute paths: one monitor per file however spelled
        self._by_event_path: dict[str, FollowedInput] = {}
        self._dirty: dict[str, FollowedInput] = {}
        self._dirty_lock = threading.Lock()
        self._pace = pace
        self._paced: dict[str, FollowedInput] = {}  # marked, read again at pumped_at + pace
        self._rescan = False
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._finished = threading.Event()
        self._queue: queue.Queue[FollowUpdate] = queue.Queue(max_pending)
        self.watcher = Watcher(self._on_fs_event, poll_interval)
        self.error: BaseException | None = None  # set if the follower itself failed
        self._thread = threading.Thread(target=self._run, name="lossmon-follow", daemon=True)

    # Public ---------------------------------------------------------------------------------

    def start(self) -> Follower:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0, wait: bool = True) -> None:
        """End the thread (within its batch) and close the inputs; ``wait=False`` only asks, so
        the thread winds down (its scan workers too) while the caller does something else."""
        self._stopping.set()
        self._wake.set()
        if wait and self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def get(self, timeout: float | None = None) -> FollowUpdate | None:
        """The next update; None after ``timeout`` seconds, or once the follower is done."""
        # Waited in pieces of at most half a second, to see the follower end meanwhile; each
        # piece the queue waits for whole is counted off the timeout (no clock is read).
        left = timeout
        while True:
            wait = 0.5 if left is None else min(0.5, max(0.0, left))
            try:
                return self._queue.get(timeout=wait)
            except queue.Empty:
                if left is not None:
                    left -= wait
                if self.done or (left is not None and left <= 0):
                    return None

    def tick(self) -> None:
        """Judge the silence of every log now (the follower does it every few seconds anyway)."""
        self._wake.set()

    def resync(self) -> None:
        """Look at every input again now (its size, rotation, truncation), as the follower does
        by itself every ``RESYNC_SECONDS``: a change that went unheard is read at once."""
        with self.lock:
            inputs = list(self._inputs.values())
        for followed in inputs:
            self._mark(followed)

    def __iter__(self) -> Iterator[FollowUpdate]:
        while not self.done:
            update = self.get()
            if update is not None:
                yield update

    def __enter__(self) -> Follower:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    @property
    def done(self) -> bool:
        """The thread ended (every input finished, stop(), or a failure) and all was taken."""
        return self._finished.is_set() and self._queue.empty()

    @property
    def paused(self) -> bool:
        """The replays' time stands still (followed inputs are read on regardless)."""
        return self._paused

    @paused.setter
    def paused(self, value: bool) -> None:
        with self.lock:  # (a replay reads its clock under it, on the follower's thread)
            self._paused = value
            for followed in self._inputs.values():
                if isinstance(followed.source, ReplaySource):
                    followed.source.paused = value

    @property
    def monitors(self) -> dict[str, Monitor]:
        with self.lock:
            return {path: followed.monitor for path, followed in self._inputs.items()}

    def describe_watching(self) -> str:
        return self.watcher.describe()

    # The follower's thread ----------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._refresh()
            next_resync = self._clock() + self._resync
            while not self._stopping.is_set():
                if self._clock() >= next_resync:
                    self._refresh()
                    for followed in list(self._inputs.values()):
                        self._mark(followed)
                    next_resync = self._clock() + self._resync
                elif self._rescan:
                    self._rescan = False
                    self._refresh()
                self._release_paced()  # also while other inputs keep the thread busy
                pumped = False
                for followed in self._take_dirty():
                    if self._stopping.is_set():
                        break
                    if self._wait_for_pace(followed):
                        continue
                    self._pump(followed)
                    pumped = True
                if self._all_finished():
                    break
                self._judge_stalls()
                if not pumped:
                    self._sleep_until(next_resync, self._release_paced())
        except BaseException as error:  # reported to the consumer through .error and .done
            self.error = error
        finally:
            self.watcher.stop()
            with self.lock:
                for followed in self._inputs.values():
                    followed.close()
            self._finished.set()

    def _judge_stalls(self) -> None:
        """Logs read up to their end: has each been silent too long? (Monitor.tick)"""
        for followed in list(self._inputs.values()):
            if followed.caught_up and not followed.done:
                with self.lock:
                    findings = followed.monitor.tick()
                    active = followed.monitor.status() if findings else {}
                if findings:
                    update = FollowUpdate(followed.path, followed.monitor, findings=findings, active=active)
                    update.position = followed.source.position
                    self._deliver([update])

    def _wait_for_pace(self, followed: FollowedInput) -> bool:
        """Was the input read up to its end less than ``pace`` ago? Then it waits for the rest of
        that time (what its writer appends meanwhile is read with it)."""
        if followed.caught_up and self._clock() < self._due(followed):
            self._paced[followed.path] = followed
            return True
        self._paced.pop(followed.path, None)
        return False

    def _release_paced(self) -> float:
        """Mark the paced inputs whose time has come; how long until the next one's comes."""
        now, soonest = self._clock(), float("inf")
        for path, followed in list(self._paced.items()):
            due = self._due(followed)
            if due <= now:
                del self._paced[path]
                self._mark(followed)
            else:
                soonest = min(soonest, due)
        return soonest - now

    def _due(self, followed: FollowedInput) -> float:
        """When the input, read up to its end (or up to what is due, a replay), is read again."""
        return followed.pumped_at + (REPLAY_TICK if isinstance(followed.source, ReplaySource) else self._pace)

    def _pump(self, followed: FollowedInput) -> None:
        followed.pumped_at = self._clock()
        self._work(followed, lambda: followed.pump(self._batch_bytes))
        if not followed.caught_up and isinstance(followed.source, FileTail):
            self._catch_up(followed, followed.source)
        if isinstance(followed.source, ReplaySource) and not followed.done:
            self._paced[followed.path] = followed  # polled again a tick later: what is due by then

    def _catch_up(self, followed: FollowedInput, tail: FileTail) -> None:
        """A file far behind its writer (the history policy): scan workers read ahead of it, from
        the line it is read up to, as the file grows. Looked at once per resync at most."""
        now = self._clock()
        if now < followed.next_catch_up or followed.monitor.scanning_ahead:
            return
        followed.next_catch_up = now + self._resync
        splitter = followed.monitor.splitter
        behind = tail.size - tail.offset
        if behind < BEHIND_BYTES or splitter.overflowing or followed.committed_early:
            return
        scan_ahead(  # set on this thread, between two pumps: no reader of the monitor minds
            followed.monitor, tail.path, tail.size,
            start=tail.offset - splitter.pending_bytes, first_line=splitter.lines_done + 1, grows=True,
        )

    def _work(self, followed: FollowedInput, step: Callable[[], bool]) -> None:
        """Run one step of an input under the lock, then hand its updates over outside it."""
        with self.lock:
            try:
                more = step()
            except Exception as error:  # one unreadable input or bad chunk must not stop the rest
                followed.report_error(f"{followed.path}: {type(error).__name__}: {error}")
                more = False
            updates = followed.take_updates()
        if more:
            self._mark(followed)
        if any(event.kind in ("deleted", "moved") for update in updates for event in update.events):
            self._rescan = True  # watch from further up (see _refresh)
        self._deliver(updates)

    def _sleep_until(self, next_resync: float, at_most: float = float("inf")) -> None:
        """Until the resync (or ``at_most`` seconds), by the clock, or until woken: what is left
        on the clock is waited in real seconds, and looked at again after."""
        self._wake.wait(max(0.0, min(next_resync - self._clock(), at_most)))
        self._wake.clear()

    def _deliver(self, updates: list[FollowUpdate]) -> None:
        for update in updates:
            if self._on_update is not None:
                self._on_update(update)
                continue
            while not self._stopping.is_set():
                try:
                    self._queue.put(update, timeout=0.25)  # full: the consumer lags; wait for it
                    break
                except queue.Full:
                    continue

    def _all_finished(self) -> bool:
        """Only inputs that end (stdin, compressed logs), and all of them read to their end."""
        if self._patterns or not self._inputs:
            return False
        return all(followed.done for followed in self._inputs.values())

    def _refresh(self) -> None:
        """Add inputs newly matched, and watch the directories that all inputs need."""
        with self.lock:
            for spec in self._specs:
                for path in matches(spec) if spec in self._patterns else [spec]:
                    if path not in self._inputs and os.path.abspath(path) not in self._followed_paths:
                        self._add(path)
            dirs: set[str] = set()
            by_event_path: dict[str, FollowedInput] = {}
            for pattern in self._patterns:
                dirs |= pattern_dirs(pattern)
            absent = []
            for path, followed in self._inputs.items():
                if isinstance(followed.source, RunTail):
                    for directory in followed.source.directories():  # a new point or file of the run
                        dirs.add(directory)
                        by_event_path[os.path.abspath(directory)] = followed
                    for run_file in followed.source.reader.files():
                        by_event_path[os.path.abspath(run_file)] = followed
                if isinstance(followed.source, FileTail):
                    dirs |= file_dirs(path)
                    by_event_path[os.path.abspath(path)] = followed
                    by_event_path[os.path.realpath(path)] = followed
                    if not followed.source.at_path:
                        # Its directory may go or come too, and while the deleted file is still
                        # open the kernel reports no deletion of that directory: watch its parent.
                        dirs.add(existing_ancestor(os.path.dirname(os.path.dirname(os.path.abspath(path)))))
                        absent.append(followed)
            self._by_event_path = by_event_path
        self.watcher.watch(dirs)
        for followed in absent:  # it may have appeared before its directory was watched
            self._mark(followed)

    def _add(self, path: str) -> None:
        source: Source
        if self._replay_speed is not None:  # a finished log played back, after the one before it
            source = self._last_replay = ReplaySource(
                path, self._replay_speed, lambda: followed.monitor.records, self._clock, after=self._last_replay
            )
            source.paused = self._paused
        elif path == STDIN:
            source = PipeStream(STDIN, self._stdin or sys.stdin.buffer, lambda: self._mark(followed))
        elif (run := run_tail(path)) is not None:  # a run kept in several files (a directory)
            source = run
        elif is_pipe(path):
            source = PipeStream(path, lambda: open(path, "rb", buffering=0), lambda: self._mark(followed))
        elif is_compressed(path):
            source = FinishedFile(path)
        else:
            source = FileTail(path)
        followed = FollowedInput(self._make_monitor(path), source)
        if isinstance(source, FileTail):  # its history: scanned ahead by workers if worth it
            scan_ahead(followed.monitor, path, file_size(path))
        if not isinstance(source, (FinishedFile, ReplaySource)):  # a live input: it may stall
            followed.monitor.follow_stalls(self._clock, self._stall_after)
        self._inputs[path] = followed
        self._followed_paths.add(os.path.abspath(path))
        self._mark(followed)

    # Any thread -------------------------------------------------------------------------------

    def _mark(self, followed: FollowedInput) -> None:
        with self._dirty_lock:
            self._dirty[followed.path] = followed
        self._wake.set()

    def _take_dirty(self) -> list[FollowedInput]:
        with self._dirty_lock:
            due, self._dirty = list(self._dirty.values()), {}
        return due

    def _on_fs_event(self, paths: tuple[str, ...], is_directory: bool, kind: str) -> None:
        """On a watchdog thread: only mark what to look at, and wake the follower."""
        hit = False
        for path in paths:
            followed = self._by_event_path.get(path)
            if followed is None:  # a new file in a run's directory (a metric, an event file)
                followed = self._by_event_path.get(os.path.dirname(path))
                followed = followed if followed is not None and isinstance(followed.source, RunTail) else None
            if followed is not None:
                self._mark(followed)
                hit = True
        if is_directory and kind in ("deleted", "moved"):  # its files' own events may go with its watch
            inside = paths[0] + os.sep
            for path, followed in list(self._by_event_path.items()):
                if path.startswith(inside):
                    self._mark(followed)
        if is_directory or (not hit and kind != "modified" and self._patterns):
            self._rescan = True
            self._wake.set()
