"""Where log bytes come from: files read to their end (plain or compressed) and stdin."""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import sys
from collections.abc import Iterator
from typing import BinaryIO

from lossmon.engine.errors import LossmonError
from lossmon.engine.trackers import run_reader

CHUNK_BYTES = 1 << 20
_OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
COMPRESSED_SUFFIXES = frozenset(_OPENERS)


def open_log(path: str) -> BinaryIO:
    """Open a log for binary reading; ``-`` is stdin. Raises LossmonError with a clear message."""
    if path == "-":
        return sys.stdin.buffer
    if os.path.isdir(path):
        raise LossmonError(f"{path}: is a directory, not a log file")
    opener = _OPENERS.get(os.path.splitext(path)[1].lower(), open)
    try:
        return opener(path, "rb")
    except FileNotFoundError:
        raise LossmonError(f"{path}: no such file") from None
    except PermissionError:
        raise LossmonError(f"{path}: permission denied") from None
    except OSError as error:
        raise LossmonError(f"{path}: cannot open ({error.strerror or error})") from None


def read_chunks(path: str, chunk_bytes: int = CHUNK_BYTES) -> Iterator[bytes]:
    """The bytes of a log, in chunks, to its end (of a run kept in several files: its points)."""
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
    try:
        while True:
            try:
                chunk = stream.read(chunk_bytes)
            except (OSError, EOFError, lzma.LZMAError) as error:
                raise LossmonError(f"{path}: read failed ({error})") from None
            if not chunk:
                return
            yield chunk
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
