"""Scan workers: the templates' scans of a big history run in worker processes, over byte ranges.

Reading a big log is mostly the templates' scans (a regex over each block of lines, then the
conversion of every token: see formats/template.py), and a scan depends on nothing but the
template and the bytes. So the history is cut into ranges of about :data:`BLOCK_BYTES`, each
ending just after a newline; a worker reads one range from the file, splits it into lines as this
process does, and scans it with the templates this process had learned when the range was handed
out. A range cut at a newline holds a whole number of lines (its count of ``\\n``), so this
process knows which lines each range holds, whatever its own blocks are, and takes the workers'
hits for them instead of scanning. It commits every record itself, in line order, so step
counters, records and detectors move exactly as in a single pass: the output is identical with
and without workers.

What a worker did not scan (a template learned since, a range declined, a range not handed out
yet) this process scans itself. If a worker dies, every range it was given is read here instead
(its lines counted, no hits) and no more ranges are handed out: the records are the same, only
the time changes.

Workers start only when there are idle cores, measured over a short window (/proc/stat), not
from the load average alone: on a busy machine a worker only takes turns with this process and
costs more than it saves. They are forked when this process has one thread (``lossmon check``),
and come from a fork server where threads exist (the follower in ``watch`` and the app), since
forking a threaded process can copy a lock held by another thread.
``LOSSMON_SCAN_WORKERS=N`` forces N workers (0: none), for tests and benchmarks.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from contextlib import contextmanager

import numpy as np

from lossmon.engine.formats.template import DECLINED, Hits, Template
from lossmon.engine.lines import MAX_LINE_BYTES, LineSplitter
from lossmon.engine.sources.files import BLOCK_BYTES

MIN_BYTES = 16 << 20  # a smaller history is read before workers would be ready to help
MAX_WORKERS = 4
IDLE_WINDOW_SECONDS = 0.1  # how long idle time is measured before deciding
GROUP_RANGES = 4  # ranges handed to a worker in one call (one message each way, not one per range)
AHEAD_PER_WORKER = 2  # groups handed out and not yet taken, per worker: bounded memory
STALL_SECONDS = 30.0  # a range a worker has not scanned in this long is read here instead
_NEWLINE_SEARCH = 64 * 1024  # bytes read at a time to find where a range ends


# Deciding ----------------------------------------------------------------------------------------


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def cpu_times(read: Callable[[], str] | None = None) -> tuple[int, int] | None:
    """(idle, total) jiffies of all CPUs, from /proc/stat's ``cpu`` line; None where there is none."""
    try:
        text = read() if read is not None else _read_proc_stat()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("cpu "):
            fields = [int(x) for x in line.split()[1:]]
            idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
            return idle, sum(fields[:8])  # guest time is already counted in user
    return None


def _read_proc_stat() -> str:
    with open("/proc/stat") as f:
        return f.read()


def idle_cores(
    window: float = IDLE_WINDOW_SECONDS,
    read: Callable[[], str] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    cores: int | None = None,
    own: Callable[[], float] | None = None,
) -> float:
    """Cores left idle over the last ``window`` seconds (0.0 where it cannot be measured),
    counting as idle what this process itself used, up to one core: its threads share one
    interpreter, so the core it keeps busy (the app drawing, watch printing) is the one
    workers_wanted leaves to it anyway, not one a worker would take from someone else.
    ``own``: this process's CPU seconds so far (with the real /proc/stat, os.times)."""
    if own is None and read is None:
        own = _own_cpu_seconds
    before, own_before = cpu_times(read), own() if own is not None else 0.0
    sleep(window)
    after, own_after = cpu_times(read), own() if own is not None else 0.0
    if before is None or after is None or after[1] <= before[1]:
        return 0.0
    count = cores if cores is not None else os.cpu_count() or 1
    total = after[1] - before[1]
    idle_share = (after[0] - before[0]) / total
    own_share = (own_after - own_before) * _TICKS_PER_SECOND / total
    return max(0.0, idle_share) * count + min(1.0, max(0.0, own_share * count))


def _own_cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100  # /proc/stat's unit


class IdleWindow:
    """Idle cores measured while this process works (``check`` reads the first blocks meanwhile,
    instead of sleeping through the window): what /proc/stat says was idle, plus the share of a
    core this process used, is what was idle before it started."""

    def __init__(self, read: Callable[[], str] | None = None, clock: Callable[[], float] = time.monotonic,
                 cpu: Callable[[], float] = time.process_time, cores: int | None = None) -> None:
        self._read, self._clock, self._cpu, self._cores = read, clock, cpu, cores
        self._times, self._wall, self._used = cpu_times(read), clock(), cpu()

    def elapsed(self) -> float:
        return self._clock() - self._wall

    def idle_cores(self) -> float:
        after = cpu_times(self._read)
        wall = self.elapsed()
        if self._times is None or after is None or after[1] <= self._times[1] or wall <= 0:
            return 0.0
        idle_share = (after[0] - self._times[0]) / (after[1] - self._times[1])
        cores = self._cores if self._cores is not None else os.cpu_count() or 1
        return max(0.0, idle_share) * cores + min(1.0, (self._cpu() - self._used) / wall)


def workers_wanted(path: str, history_bytes: int | None, idle: Callable[[], float] = idle_cores) -> int:
    """How many scan workers to start for ``history_bytes`` of a plain file: one per idle core
    beyond the one this process is about to use, within the cores this process may run on."""
    if history_bytes is None or history_bytes <= 0 or history_bytes < MIN_BYTES or path == "-":
        return 0
    if os.path.splitext(path)[1].lower() in (".gz", ".bz2", ".xz"):
        return 0
    forced = os.environ.get("LOSSMON_SCAN_WORKERS", "")
    if forced.isdigit():
        return min(int(forced), MAX_WORKERS)
    cores = usable_cores()
    if cores < 2:
        return 0
    spare = int(idle() - 1 + 0.25)  # 1.8 idle cores: this process takes one, a worker the other
    return max(0, min(spare, cores - 1, MAX_WORKERS))


def prepare() -> None:
    """Start multiprocessing's resource tracker now, while the standard streams are still the
    process's own. A terminal UI captures ``sys.stderr`` (its ``fileno()`` is no longer a
    descriptor), and the tracker, started with the first workers, is handed that descriptor:
    ``ValueError: bad value(s) in fds_to_keep``. The app calls this before it starts, when a log
    it opens is big enough for workers."""
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except Exception:  # noqa: BLE001 - then workers fail to start later, and the log is read alone
        pass


# The worker's side -------------------------------------------------------------------------------


def scan_ranges(path: str, ranges: list[tuple[int, int]], matchers: dict) -> list[tuple[int, dict, tuple | None]]:
    """In a worker: :func:`scan_range` of each range, in order. A call per group of ranges: each
    call wakes this process's executor threads, which then take turns with its main thread (a few
    milliseconds each on a busy pair of cores), so they are handed out a group at a time."""
    return [scan_range(path, start, end, matchers) for start, end in ranges]


def scan_range(path: str, start: int, end: int, matchers: dict) -> tuple[int, dict, tuple | None]:
    """In a worker: the lines of ``path``'s bytes ``[start, end)`` (a range ending at a newline)
    scanned with ``matchers`` (template key → Matcher): (how many lines, {key: hits}, newlines),
    rows relative to the range's first line. ``{}`` for a range whose lines the scans may read
    differently from this process (a line over the line limit). ``newlines``: (the bytes of its
    lines, the offsets of the newlines between them) when those bytes need no cleaning (this
    process, reading the same bytes as one block, takes the offsets instead of finding them
    again), else None."""
    with open(path, "rb") as file:
        data = os.pread(file.fileno(), end - start, start)
    if start == 0:
        data = data.lstrip(b"\0")  # as read_chunks does: a copytruncate's hole is not a line
    count = data.count(b"\n")
    if not matchers or not count:
        return count, {}, None
    block = LineSplitter().feed(data)
    if block is None or len(block) != count or _has_overlong_line(block.newlines, len(block.data)):
        return count, {}, None
    shared: dict = {}
    found = {key: matcher.find(block.data, block.newlines, shared) for key, matcher in matchers.items()}
    plain = len(block.data) == len(data) - 1 and block.data == data[:-1]  # nothing cleaned
    return count, found, ((len(block.data), block.newlines) if plain else None)


def _has_overlong_line(newlines: np.ndarray, size: int) -> bool:
    if size <= MAX_LINE_BYTES:
        return False
    gaps = np.diff(np.concatenate(([-1], newlines, [size])))
    return int(gaps.max()) - 1 > MAX_LINE_BYTES


def worker_started() -> None:
    """In a worker, first: it lives only as long as the process that owns it.

    A worker waits for ranges on a pipe whose write end it holds itself (both ends of the
    executor's queues are handed to every worker), so it never sees the owner go: an owner killed
    (SIGKILL, SIGTERM's default, a pytest worker ending with ``os._exit``) left it waiting
    forever, and with it the fork server, which every worker keeps alive through its inherited
    ``alive`` descriptor. multiprocessing gives each child a sentinel of its parent process (the
    owner, for a forked worker and for one from the fork server alike), readable once the owner
    is gone: a thread waits on it and ends the worker at once. Ctrl+C reaches the whole process
    group; the owner decides what it ends (it closes its workers), so a worker ignores it instead
    of printing a KeyboardInterrupt traceback."""
    import multiprocessing

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    sentinel = getattr(parent, "sentinel", None)
    if sentinel is not None:
        threading.Thread(target=_end_with_owner, args=(sentinel,), name="lossmon-owner-watch", daemon=True).start()


@contextmanager
def _interrupts_held():
    """Ctrl+C held back on this thread while ``submit`` may fork workers (with ``fork``, it forks
    them): a worker forked meanwhile starts with it blocked, until worker_started ignores it, and
    this process gets it as soon as submit returns, not halfway through starting the pool."""
    try:
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    except (AttributeError, ValueError, OSError):  # no signal masks here
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _end_with_owner(sentinel: int) -> None:
    from multiprocessing.connection import wait

    wait([sentinel])  # readable (EOF) only once the owner's end of the pipe is closed: it is gone
    os._exit(0)


# This process's side -----------------------------------------------------------------------------


class ScanWorkers:
    """``workers`` processes scanning ``path``'s first ``limit`` bytes in ranges of about
    ``range_bytes``; this process reads the same file from its first byte, in any blocks, and
    asks :meth:`take` for each block's hits (AutoParser does, through ``parser.prescan``)."""

    def __init__(
        self,
        path: str,
        limit: int,
        workers: int,
        *,
        start: int = 0,
        first_line: int = 1,
        grows: bool = False,
        range_bytes: int = BLOCK_BYTES,
    ) -> None:
        """Ranges from byte ``start`` (the start of line ``first_line``) up to ``limit``; with
        ``grows`` (a followed file that is behind its writer), up to the file's last complete
        line as it grows."""
        from concurrent.futures import ProcessPoolExecutor
        import multiprocessing

        self.path = path
        self.limit = limit
        self.grows = grows
        self.range_bytes = range_bytes
        self.workers = workers
        method = "fork" if threading.active_count() == 1 else "forkserver"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(["lossmon.engine.scan_worker_server"])
        self.start_method = method
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker_started)
        self._file = open(path, "rb")
        self._next_start = start  # the next range to hand out starts here
        # (start, end, future, index of the range in its group's call), in order
        self._in_flight: deque[tuple[int, int, object, int]] = deque()
        self._blocks: deque[tuple[int, int, dict, tuple | None]] = deque()  # (first line, count, found, newlines), in order
        self._next_line = first_line  # the first line of the next range taken in
        self._matchers: dict = {}
        self._group = 1  # ranges in the next call: 1, 2, then GROUP_RANGES (the first answer comes soon)
        self.broken = False  # a worker died: no more ranges are handed out
        self.fallback_ranges = 0  # ranges a worker did not scan, read here instead
        self.taken = 0  # blocks served from the workers' scans (tests and benchmarks read it)
        self.whole = 0  # ... of which exactly one range each (no hits cut and joined)
        self.ended = False

    # Called by the parser -------------------------------------------------------------------

    def take(self, first: int, count: int, templates: list[Template]) -> dict | None:
        """The workers' hits for lines ``[first, first + count)``, by template key, for the
        templates they scanned them with (rows relative to ``first``); None: scan them here."""
        if self.ended:
            return None
        if templates:
            self._matchers = {template.key: template.matcher for template in templates}
        last = first + count - 1
        while self._blocks and self._blocks[0][0] + self._blocks[0][1] <= first:
            self._blocks.popleft()  # lines already parsed
        self._hand_out()
        # Take ranges in, in order, until they cover these lines: wait for a range a worker is
        # scanning, but read one no worker has started here (a busy machine: do not wait).
        while self._in_flight and (not self._blocks or self._blocks[-1][0] + self._blocks[-1][1] <= last):
            future = self._in_flight[0][2]
            if future is not None and not future.running() and not future.done():
                future.cancel()  # no worker started it: read here (started meanwhile: waited for)
            self._take_in()
            while self._blocks and self._blocks[0][0] + self._blocks[0][1] <= first:
                self._blocks.popleft()
            self._hand_out()
        if not self._in_flight and self._next_start >= self.limit and not self._blocks and not self.grows:
            self.close()
            return None
        found = self._cover(first, last)
        if found:
            self.taken += 1
        return found

    def newlines(self, first: int, size: int) -> np.ndarray | None:
        """The offsets of the newlines of this process's block of ``size`` bytes from line
        ``first``, when a worker has read that block as one range (the same first line and
        bytes) and found nothing to clean in it; None (find them) otherwise. A range a worker is
        scanning is waited for, as take() waits for it next; one no worker has started is not."""
        if self.ended:
            return None
        while self._blocks and self._blocks[0][0] + self._blocks[0][1] <= first:
            self._blocks.popleft()  # lines already parsed
        while self._in_flight and (not self._blocks or self._blocks[-1][0] + self._blocks[-1][1] <= first):
            future = self._in_flight[0][2]
            if future is None or not (future.running() or future.done()):
                return None  # take() reads it here
            self._take_in()
        if self._blocks and self._blocks[0][0] == first and self._blocks[0][3] is not None:
            size_read, offsets = self._blocks[0][3]
            if size_read == size and len(offsets) + 1 == self._blocks[0][1]:
                return offsets
        return None

    def close(self) -> None:
        if self.ended:
            return
        self.ended = True
        for _, _, future, _ in self._in_flight:
            if future is not None:
                future.cancel()
        self._in_flight.clear()
        self._blocks.clear()
        # Waiting is short (a worker finishes the range it is on); a broken pool's workers are gone.
        try:
            self._pool.shutdown(wait=not self.broken, cancel_futures=True)
        except Exception:  # noqa: BLE001 - a pool left half made (Ctrl+C inside submit): end its workers here
            for process in self.processes:
                process.kill()
                process.join()
        self._file.close()

    def __enter__(self) -> ScanWorkers:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def processes(self) -> list:
        """The worker processes (a test kills one)."""
        return list(getattr(self._pool, "_processes", {}).values())

    # -------------------------------------------------------------------------------------------

    def _hand_out(self) -> None:
        """Keep up to AHEAD_PER_WORKER groups of GROUP_RANGES ranges per worker handed out, with
        the latest templates; a group goes out once there is room for all of it. The first groups
        are smaller: this process waits for the first answer, not for the first four ranges."""
        if self.broken or not self._matchers:
            return  # before the first template, a worker would only count lines
        if self.grows and self._next_start >= self.limit:
            self._grow()
        room = self.workers * AHEAD_PER_WORKER * GROUP_RANGES
        while self._next_start < self.limit and len(self._in_flight) + len(self._blocks) + self._group <= room:
            ranges = []
            while len(ranges) < self._group and self._next_start < self.limit:
                end = self._range_end(self._next_start)
                ranges.append((self._next_start, end))
                self._next_start = end
            try:
                with _interrupts_held():
                    future = self._pool.submit(scan_ranges, self.path, ranges, self._matchers)
                self._group = min(2 * self._group, GROUP_RANGES)
            except Exception:  # noqa: BLE001 - a broken pool: the ranges are read here
                self.broken = True
                future = None
            self._in_flight.extend((start, end, future, index) for index, (start, end) in enumerate(ranges))
            if future is None:
                return

    def _range_end(self, start: int) -> int:
        """Just after the last newline before the next multiple of ``range_bytes`` past ``start``
        (or the one after, when a line spans that stretch); at most ``limit``. Cut on that grid,
        the ranges are the blocks this process reads (``read_chunks`` of ``range_bytes`` from the
        first byte, each block ending at its chunk's last newline), so a block takes one range's
        hits whole instead of pieces of two."""
        grid = (start // self.range_bytes + 1) * self.range_bytes
        fd = self._file.fileno()
        while grid < self.limit:
            position, low_end = grid, max(start, grid - self.range_bytes)
            while position > low_end:  # backwards, a window at a time, over this grid stretch only
                low = max(low_end, position - _NEWLINE_SEARCH)
                window = os.pread(fd, position - low, low)
                cut = window.rfind(b"\n")
                if cut >= 0:
                    return low + cut + 1
                position = low
            grid += self.range_bytes  # no newline in this stretch: one line longer than it
        return self.limit

    def _grow(self) -> None:
        """A followed file: hand out up to its last complete line now."""
        size = os.fstat(self._file.fileno()).st_size
        if size < self.limit + self.range_bytes:
            return  # less than a range more: this process reads it as it comes
        window = os.pread(self._file.fileno(), min(_NEWLINE_SEARCH, size - self.limit), size - min(_NEWLINE_SEARCH, size - self.limit))
        cut = window.rfind(b"\n")
        if cut >= 0:
            self.limit = size - len(window) + cut + 1

    def _take_in(self) -> None:
        """Take the oldest range handed out in: the worker's lines and hits; if no worker
        scanned it (cancelled, or the worker failed) its lines are counted here, and scanned
        here as this process reaches them."""
        from concurrent.futures import CancelledError

        start, end, future, index = self._in_flight.popleft()
        try:
            if future is None:
                raise RuntimeError("not handed out")
            count, found, newlines = future.result(timeout=STALL_SECONDS)[index]
        except CancelledError:
            count, found, newlines = self._count_here(start, end), {}, None
        except Exception:  # noqa: BLE001 - a worker died (BrokenProcessPool), failed or stalled
            self.broken = True
            self.fallback_ranges += 1
            count, found, newlines = self._count_here(start, end), {}, None
        self._blocks.append((self._next_line, count, found, newlines))
        self._next_line += count

    def _count_here(self, start: int, end: int) -> int:
        return os.pread(self._file.fileno(), end - start, start).count(b"\n")

    def _cover(self, first: int, last: int) -> dict | None:
        """Hits for lines first..last from the ranges taken in, if they cover those lines."""
        if self._blocks and self._blocks[0][0] == first and self._blocks[0][1] == last - first + 1:
            found = self._blocks[0][2]  # the range is this block (see _range_end): its hits as they are
            self.whole += 1
            return {key: hits for key, hits in found.items() if hits is not DECLINED}
        pieces = []
        line = first
        for start, count, found, _ in self._blocks:
            if start > line:
                return None
            if start + count <= line:
                continue
            pieces.append((start, found))
            line = start + count
            if line > last:
                break
        else:
            return None
        keys = set(pieces[0][1])
        for _, found in pieces[1:]:
            keys &= set(found)
        result = {}
        for key in keys:
            parts = [(start, found[key]) for start, found in pieces]
            if any(hits is DECLINED for _, hits in parts):
                continue  # the block is this process's to judge
            result[key] = _lines(parts, first, last)
        return result


def _lines(parts: list[tuple[int, Hits | None]], first: int, last: int) -> Hits | None:
    """The hits for lines first..last out of consecutive ranges' hits, rows relative to ``first``
    (each range's rows are relative to its own first line)."""
    rows, values, steps = [], [], []
    for start, hits in parts:
        if hits is None:
            continue
        absolute = hits.rows + start
        keep = (absolute >= first) & (absolute <= last)
        if keep.all():
            rows.append(absolute - first)
            values.append(hits.values)
            steps.append(hits.steps)
        elif keep.any():
            rows.append(absolute[keep] - first)
            values.append(hits.values[keep])
            steps.append(None if hits.steps is None else hits.steps[keep])
    if not rows:
        return None
    if len(rows) == 1:
        return Hits(rows[0], values[0], steps[0])
    return Hits(np.concatenate(rows), np.concatenate(values), None if steps[0] is None else np.concatenate(steps))
