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

from lossmon.engine.monitor import Monitor
from lossmon.engine.scan_workers import MIN_BYTES, ScanWorkers, workers_wanted
from lossmon.engine.sources.files import BLOCK_BYTES, read_chunks

BEHIND_BYTES = MIN_BYTES  # a followed file this far behind its writer is read with scan workers


def scan_ahead(monitor: Monitor, path: str, history_bytes: int | None, **where) -> ScanWorkers | None:
    """Start scan workers over ``path``'s first ``history_bytes`` (or, with ``start``,
    ``first_line`` and ``grows``, from where the monitor is), if it is worth it now."""
    if monitor.decoder is not None or monitor.scanning_ahead:
        return None  # a tracker's file is not lines; workers already scanning
    count = workers_wanted(path, history_bytes - where.get("start", 0) if history_bytes is not None else None)
    if not count:
        return None
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
    """Read a log from its first byte to its end through ``monitor`` (``check``)."""
    scan_ahead(monitor, path, file_size(path))
    try:
        for chunk in read_chunks(path, BLOCK_BYTES):
            monitor.feed(chunk)
    except BaseException:
        monitor.drop_scan_workers()
        raise
    monitor.finish()
    return monitor
