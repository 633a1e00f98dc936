"""Feeds drive the Monitors in a background thread and tell the app when something changed.

The app only needs ``start()``, ``stop()`` and ``paused``; a feed calls ``notify(log)`` (at most
every ``NOTIFY_INTERVAL`` seconds per log, and once at the end) and the app redraws on its own
throttle. ``HistoryFeed`` reads logs to their end at full speed in batches; ``ReplayFeed``
animates a finished log at N records per second.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

import numpy as np

from lossmon.app.live_log import LiveLog
from lossmon.engine.errors import LossmonError
from lossmon.engine.sources import read_chunks

BATCH_BYTES = 256 * 1024  # one batch under the lock: a few ms of parsing, so keys stay responsive
NOTIFY_INTERVAL = 0.05
_TICK = 0.05

Notify = Callable[[LiveLog], None]


class Feed:
    def __init__(self, logs: list[LiveLog], notify: Notify) -> None:
        self.logs = logs
        self._notify = notify
        self._stop = threading.Event()
        self._resume = threading.Event()
        self._resume.set()
        self._last_notify: dict[int, float] = {}
        self._thread = threading.Thread(target=self._run, name=type(self).__name__, daemon=True)

    def start(self) -> None:
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

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def notify(self, log: LiveLog, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last_notify.get(id(log), 0.0) >= NOTIFY_INTERVAL:
            self._last_notify[id(log)] = now
            self._notify(log)

    def _run(self) -> None:
        for log in self.logs:
            if self.stopped:
                return
            try:
                self.read(log)
            except LossmonError as error:
                log.error = str(error)
            except Exception as error:  # never let one bad file kill the app
                log.error = f"{log.path}: {type(error).__name__}: {error}"
            log.loading = False
            self.notify(log, force=True)

    def read(self, log: LiveLog) -> None:
        raise NotImplementedError


class HistoryFeed(Feed):
    """Read each log to its end as fast as it parses."""

    def read(self, log: LiveLog) -> None:
        for chunk in read_chunks(log.path, BATCH_BYTES):
            self._resume.wait()
            if self.stopped:
                return
            with log.lock:
                log.took(log.monitor.feed(chunk), len(chunk))
            self.notify(log)
        with log.lock:
            log.took(log.monitor.finish())


class ReplayFeed(Feed):
    """Feed a finished log at ``speed`` records per second, so the detectors fire as it goes."""

    def __init__(self, logs: list[LiveLog], notify: Notify, speed: float) -> None:
        super().__init__(logs, notify)
        if speed <= 0:
            raise LossmonError(f"--speed must be positive, not {speed:g}")
        self.speed = speed

    def read(self, log: LiveLog) -> None:
        data = b"".join(read_chunks(log.path))
        log.total_bytes = len(data)
        ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10) + 1
        ends = np.append(ends, len(data)) if not len(ends) or ends[-1] != len(data) else ends
        monitor = log.monitor
        position = 0  # bytes fed
        line = 0  # lines fed
        lines_per_record = 1.0
        played = 0.0  # seconds of replay time (paused time does not count)
        last = time.monotonic()
        while line < len(ends) and not self.stopped:
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
                    log.took(monitor.feed(data[position:end]), end - position)
                position = end
                line += take
                if monitor.records:
                    lines_per_record = max(1.0, line / monitor.records)
                self.notify(log)
            time.sleep(_TICK)
        if not self.stopped:
            with log.lock:
                log.took(monitor.finish())


def open_logs(paths: Iterable[str], monitor_factory) -> list[LiveLog]:
    return [LiveLog(path, monitor_factory(path)) for path in paths]


class WriterFeed(Feed):
    """A training run that writes its log while the app watches (``lossmon demo``).

    The run's printed text goes to the log file, chunk by chunk, paced in training steps; the
    same bytes go to the monitor as they are written. ``chunks`` yields (step, text, rewrite);
    ``rewrite`` means the text replaces the whole file (a CSV logger rewriting its header),
    which the monitor sees as a restart, as it would when following the file.
    """

    def __init__(
        self,
        logs: list[LiveLog],
        notify: Notify,
        chunks: Iterable[tuple[float, str, bool]],
        steps_per_second: float,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(logs, notify)
        self.chunks = chunks
        self.steps_per_second = steps_per_second
        self._sleep = sleep

    def read(self, log: LiveLog) -> None:
        monitor = log.monitor
        last_step = None
        with open(log.path, "wb") as out:
            for step, text, rewrite in self.chunks:
                self._resume.wait()
                if self.stopped:
                    return
                if last_step is not None and step > last_step:
                    self._sleep((step - last_step) / self.steps_per_second)
                last_step = step
                data = text.encode("utf-8")
                if rewrite:
                    out.seek(0)
                    out.truncate()
                    with log.lock:
                        monitor.restart()
                if data:
                    out.write(data)
                    out.flush()
                    with log.lock:
                        log.took(monitor.feed(data), len(data))
                    self.notify(log)
        with log.lock:
            log.took(monitor.finish())
