"""The history policy: how the part of a log already written is read, the same way by ``check``,
``watch`` and the app.

- It is read in blocks of :data:`~lossmon.engine.sources.BLOCK_BYTES` (``check`` by
  :func:`read_to_end`; the follower polls its inputs with that budget, so a followed file that is
  behind its writer is read in blocks that big too, and small appends as they come).
- When the history is big and cores are idle, :class:`~lossmon.engine.scan_workers.ScanWorkers`
  scan it ahead (:func:`scan_ahead`); a followed file that falls :data:`BEHIND_BYTES` behind
  gets them too, from where it is read up to.
"""

from __future__ import annotations

import os

import numpy as np

from lossmon.engine.monitor import Monitor
from lossmon.engine.scan_workers import IDLE_WINDOW_SECONDS, MAX_WORKERS, MIN_BYTES, IdleWindow, ScanWorkers, workers_wanted
from lossmon.engine.sources.files import BLOCK_BYTES, read_chunks
from lossmon.engine.notebooks import file_is_notebook
from lossmon.engine.transcoding import file_starts_utf16

BEHIND_BYTES = MIN_BYTES  # a followed file this far behind its writer is read with scan workers


def scan_ahead(monitor: Monitor, path: str, history_bytes: int | None, idle=None, **where) -> ScanWorkers | None:
    """Start scan workers over ``path``'s first ``history_bytes`` (or, with ``start``,
    ``first_line`` and ``grows``, from where the monitor is), if it is worth it now (``idle``:
    how idle cores are measured, by default over a short wait)."""
    if monitor.decoder is not None or monitor.scanning_ahead:
        return None  # a tracker's file is not lines; workers already scanning
    count = workers_wanted(
        path, history_bytes - where.get("start", 0) if history_bytes is not None else None,
        **({"idle": idle} if idle is not None else {}),
    )
    if not count:
        return None
    if monitor.transcoder.active or file_starts_utf16(path):
        return None  # UTF-16: the workers' byte offsets would cut its characters
    if monitor.notebook.active or file_is_notebook(path):
        return None  # a notebook's lines are its outputs' text, not its bytes
    try:
        workers = ScanWorkers(path, history_bytes, count, **where)
    except Exception:  # noqa: BLE001 - whatever stops them, the log is read alone, with the same records
        # Cannot start processes, or the file went; or (ValueError) multiprocessing cannot pass
        # on a standard stream that is not a file any more (a TUI that captured it; see
        # scan_workers.prepare): the follower's thread must never die of it.
        return None
    monitor.use_scan_workers(workers)
    return workers


def file_size(path: str) -> int | None:
    try:
        return os.path.getsize(path) if path != "-" and os.path.isfile(path) else None
    except OSError:
        return None


def read_to_end(monitor: Monitor, path: str) -> Monitor:
    """Read a log from its first byte to its end through ``monitor`` (``check``). Whether cores
    are idle for scan workers is measured while the first blocks are read (they are this
    process's to read anyway: the templates are learned there), not by waiting before them."""
    size = file_size(path)
    raise_malloc_threshold()
    window = None
    if workers_wanted(path, size, idle=lambda: 2.0 * MAX_WORKERS) and not os.environ.get("LOSSMON_SCAN_WORKERS"):
        window = IdleWindow()  # a big plain file: decide after a window's worth of reading
    else:
        scan_ahead(monitor, path, size)  # forced (or none wanted): now
    done = 0  # bytes read
    try:
        for chunk in read_chunks(path, BLOCK_BYTES):
            monitor.feed(chunk)
            done += len(chunk)
            if window is not None and window.elapsed() >= IDLE_WINDOW_SECONDS:
                _scan_rest(monitor, path, size, done, window)
                window = None
    except BaseException:
        monitor.drop_scan_workers()
        raise
    monitor.finish()
    return monitor


def raise_malloc_threshold() -> None:
    """glibc's malloc maps a big allocation from the kernel, and once such a one is freed it
    serves allocations up to that size from its heap (its threshold adapts). The series' arrays
    are mapped directly (engine/arrays.py) and never raise it: a block's 1-2 MB temporaries (the
    chunk read, its lines joined, masks) were then mapped and unmapped every block, their pages
    faulted in each time (100k faults, 0.15 s of system time on the 1M-line HF log). An untouched
    2 MB array, freed, raises it once; elsewhere this is an allocation and nothing more."""
    np.empty(2 << 20, np.uint8)


def _scan_rest(monitor: Monitor, path: str, size: int, done: int, window: IdleWindow) -> None:
    """Scan workers from the line after the last one read (``done`` bytes into the file)."""
    start = done - monitor.splitter.pending_bytes
    if monitor.splitter.overflowing or not 0 < start < size or not _after_newline(path, start):
        return  # a cut line, or bytes that are not the file's own (NULs skipped): read it alone
    scan_ahead(monitor, path, size, idle=window.idle_cores, start=start, first_line=monitor.splitter.lines_done + 1)


def _after_newline(path: str, offset: int) -> bool:
    """Is byte ``offset`` of the file the start of a line, counted as read_chunks counts (it
    skips NULs at the file's start: then offsets are not the file's, and workers are not used)?"""
    try:
        with open(path, "rb") as file:
            return os.pread(file.fileno(), 1, 0) != b"\0" and os.pread(file.fileno(), 1, offset - 1) == b"\n"
    except OSError:
        return False
