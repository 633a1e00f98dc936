"""The input layer: where log bytes come from, and which inputs a path names.

- :mod:`~lossmon.engine.sources.protocols`: the ``Source`` and ``Sink`` protocols every input
  follows (the follower polls a source, the source reports to a sink);
- :mod:`~lossmon.engine.sources.files`: a log read once to its end (plain, compressed, stdin, a
  tracker's run), and :data:`BLOCK_BYTES`, the one history block size;
- :mod:`~lossmon.engine.sources.tail`: a file followed by name, like ``tail -F``;
- :mod:`~lossmon.engine.sources.pipe`: stdin, a named pipe or ``<(...)``, read to its end;
- :mod:`~lossmon.engine.sources.compressed`: a .gz/.bz2/.xz log, a finished file;
- :mod:`~lossmon.engine.sources.replay`: finished logs played back at N records per second, paced
  by an injected clock;
- :mod:`~lossmon.engine.sources.trackers`: runs kept in several files (TensorBoard, MLflow),
  read from ``lossmon.engine.trackers``;
- :mod:`~lossmon.engine.sources.targets` and :mod:`~lossmon.engine.sources.discover`: what a
  path, a glob or a directory stands for;
- :mod:`~lossmon.engine.sources.watchers`: hearing of changes (inotify, or polling).

A new kind of input is a class here with ``path``, ``done``, ``position``, ``poll(sink, budget)``
and ``close()``, chosen in ``Follower._add`` (lossmon.engine.follower).
"""

from lossmon.engine.sources.files import (
    BLOCK_BYTES,
    COMPRESSED_SUFFIXES,
    check_readable_kind,
    open_log,
    read_chunks,
)
from lossmon.engine.sources.protocols import Sink, Source

__all__ = [
    "BLOCK_BYTES",
    "COMPRESSED_SUFFIXES",
    "Sink",
    "Source",
    "check_readable_kind",
    "open_log",
    "read_chunks",
]
