"""The lossmon engine: source → lines → parser → series store → detectors → findings.

Nothing in this package imports the terminal UI.
"""

import os

from lossmon.engine.monitor import Monitor, Update
from lossmon.engine.prescan import Prescan, worth_prescanning
from lossmon.engine.sources import read_chunks

__all__ = ["Monitor", "Update", "read_chunks", "check_file"]


def check_file(path: str, **options) -> Monitor:
    """Read a log to its end through a Monitor and return it. A big file is scanned ahead by a
    second process (lossmon.engine.prescan): the same records, in less time."""
    monitor = Monitor(path, **options)
    try:
        size = os.path.getsize(path) if path != "-" and os.path.isfile(path) else None
    except OSError:
        size = None
    if monitor.decoder is None and worth_prescanning(path, size):
        monitor.use_prescan(Prescan(path))
    try:
        for chunk in read_chunks(path):
            monitor.feed(chunk)
    except BaseException:
        monitor.drop_prescan()
        raise
    monitor.finish()
    return monitor
