"""One module per command; each returns the process exit code."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from collections.abc import Iterator

from lossmon.engine.errors import LossmonError

EXIT_OK, EXIT_ALERT, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl+C (SIGINT) before the command finished, as a shell reports a process it ended


class OutputError(LossmonError):
    """Our own output could not be written (a full disk, a closed or broken stdout)."""


@contextmanager
def writing(stream, name: str = "standard output") -> Iterator[None]:
    """Write to ``stream`` inside this block, flushed at its end: a failure to write is one
    OutputError line (exit 2), never a traceback, and never mistaken for an alert (exit 1). A
    reader that went away (``| head``) is left to the caller: that is not a failure."""
    try:
        yield
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:  # ValueError: the stream was closed under us
        raise OutputError(f"cannot write {name} ({getattr(error, 'strerror', None) or error})") from None


def output_stream():
    """sys.stdout, or an OutputError when descriptor 1 was closed (``lossmon check x >&-``)."""
    if sys.stdout is None:
        raise OutputError("standard output is closed (redirect it, e.g. > report.txt)")
    return sys.stdout
