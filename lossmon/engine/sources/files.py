"""Where log bytes come from: files read to their end (plain or compressed) and stdin."""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from lossmon.engine.errors import LossmonError
from lossmon.engine.trackers import run_reader

# How much of a log's history is read and parsed at a time: by `check`, and by the follower while a
# file is behind (watch, the app). One constant: every face reads history the same way. Bigger
# blocks pay each per-block cost (a lock round, the detectors' per-call work) less often.
BLOCK_BYTES = 1 << 20
_OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
COMPRESSED_SUFFIXES = frozenset(_OPENERS)


def open_log(path: str) -> BinaryIO:
    """Open a log for binary reading; ``-`` is stdin. Raises LossmonError with a clear message."""
    if path == "-":
        if sys.stdin is None:
            raise LossmonError("-: standard input is closed")
        check_readable_kind("-", os.fstat(sys.stdin.fileno()))
        return sys.stdin.buffer
    try:
        check_readable_kind(path, os.stat(path))
    except FileNotFoundError:
        raise LossmonError(f"{path}: no such file") from None
    except OSError:
        pass  # open() below says what is wrong
    opener = _OPENERS.get(os.path.splitext(path)[1].lower(), open)
    try:
        return opener(path, "rb")
    except FileNotFoundError:
        raise LossmonError(f"{path}: no such file") from None
    except PermissionError:
        raise LossmonError(f"{path}: permission denied") from None
    except OSError as error:
        raise LossmonError(f"{path}: cannot open ({error.strerror or error})") from None


def check_readable_kind(path: str, info: os.stat_result) -> None:
    """A log read to its end is a file or a pipe (``<(ssh gpu1 cat train.log)``, a FIFO). A
    directory is not a log, and a device never ends (/dev/zero) or waits for typing (a terminal)."""
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise LossmonError(f"{path}: is a directory, not a log file")
    if path == "-" and stat.S_ISCHR(mode) and os.isatty(sys.stdin.fileno()):
        raise LossmonError("-: standard input is a terminal: pipe a log into it (e.g. cat train.log | lossmon check -)")
    if (stat.S_ISCHR(mode) and not _is_devnull(info)) or stat.S_ISBLK(mode):
        raise LossmonError(f"{path}: is a device, not a log file")


def _is_devnull(info: os.stat_result) -> bool:
    """/dev/null is empty input (``lossmon check - < /dev/null`` in a cron job), not a device to refuse."""
    try:
        null = os.stat(os.devnull)
    except OSError:
        return False
    return stat.S_ISCHR(null.st_mode) and info.st_rdev == null.st_rdev


def read_chunks(path: str, chunk_bytes: int = BLOCK_BYTES) -> Iterator[bytes]:
    """The bytes of a log, in chunks, to its end (of a run kept in several files: its points).
    NULs before its first other byte are skipped, as the follower skips them
    (lossmon.engine.sources.tail): they are the hole a copytruncate leaves before a writer's next line,
    or a sparse file, not a line (over 1 MiB, that "line" would be cut together with the real
    first line, and check and the follower would disagree)."""
    reader = run_reader(path)
    if reader is not None:
        while True:
            chunk = reader.read(chunk_bytes)
            if chunk:
                yield chunk
            elif not reader.more:
                return
        return
    stream = open_log(path)
    in_hole = True
    try:
        while True:
            try:
                chunk = stream.read(chunk_bytes)
            except (OSError, EOFError, lzma.LZMAError, zlib.error) as error:
                # A corrupt archive: zlib.error from gzip, OSError from bz2, LZMAError from xz.
                raise LossmonError(f"{path}: read failed ({error})") from None
            if not chunk:
                return
            if in_hole:
                chunk = chunk.lstrip(b"\0")
                if not chunk:
                    continue
                in_hole = False
            yield chunk
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
