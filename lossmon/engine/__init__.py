"""The lossmon engine: source → lines → parser → series store → detectors → findings.

Nothing in this package imports the terminal UI.
"""

from lossmon.engine.monitor import Monitor, Update
from lossmon.engine.sources import read_chunks

__all__ = ["Monitor", "Update", "read_chunks", "check_file"]


def check_file(path: str, **options) -> Monitor:
    """Read a log to its end through a Monitor and return it."""
    monitor = Monitor(path, **options)
    for chunk in read_chunks(path):
        monitor.feed(chunk)
    monitor.finish()
    return monitor
