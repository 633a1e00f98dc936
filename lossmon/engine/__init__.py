"""The lossmon engine: source → lines → parser → series store → detectors → findings.

Nothing in this package imports the terminal UI. See docs/architecture.md.
"""

from lossmon.engine.history import read_to_end
from lossmon.engine.monitor import Monitor, Update
from lossmon.engine.sources import read_chunks

__all__ = ["Monitor", "Update", "read_chunks", "check_file"]


def check_file(path: str, **options) -> Monitor:
    """Read a log to its end through a Monitor and return it, by the history policy
    (lossmon.engine.history): big blocks, and scan workers for a big file when cores are idle."""
    return read_to_end(Monitor(path, **options), path)
