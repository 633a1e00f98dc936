"""One log file followed by name, the way ``tail -F`` does it.

A :class:`FileTail` keeps an open descriptor and the offset read so far, and reports what it finds
to a *sink* (the follower's FollowedInput for the path) through four calls:

- ``data(bytes)``: new bytes, in file order;
- ``end()``: the file being read is complete (it was replaced at its path and read to its end);
- ``restart()``: what follows is a new segment, from the first byte of a file;
- ``event(kind, message)``: ``opened``, ``waiting``, ``truncated``, ``rotated``, ``moved``,
  ``deleted``, ``recreated``, ``error``.

Reads use ``pread`` at the kept offset (no mmap: a file truncated under a mapping kills the reader
with SIGBUS). Truncation in place is seen when the size drops below the offset, or when the first
bytes or the bytes just before the offset are no longer the ones read (a file rewritten whole,
e.g. ``trainer_state.json``, may already be longer than before when it is looked at). That check
runs after each read too, so bytes read while a rewrite was under way are thrown away, not fed.
A path that names another file than the one open (rename + create, or an atomic replace) is a
rotation: the open file is read to its end first, then the new one from its start. A deleted or
moved-away file stays open: its data stay, and a writer still holding it may keep appending.
"""

from __future__ import annotations

import os
import stat

from lossmon.engine.sources.protocols import Sink

FINGERPRINT_BYTES = 256


class FileTail:
    done = False  # a followed file never ends: it may always grow or come back

    def __init__(self, path: str) -> None:
        self.path = path
        self.offset = 0  # bytes of the current file read so far
        self._fd: int | None = None
        self._identity: tuple[int, int] | None = None
        self._head = b""  # the file's first bytes, as read
        self._tail = b""  # the bytes just before the offset, as read
        self._skip_nul = True  # a new segment may start with a hole of NULs (copytruncate)
        self._state = "new"  # new | waiting | open | moved | deleted
        self._error: str | None = None

    @property
    def position(self) -> int:
        return self.offset

    @property
    def size(self) -> int:
        """The size of the file open now (0 while there is none)."""
        return os.fstat(self._fd).st_size if self._fd is not None else 0

    @property
    def at_path(self) -> bool:
        """Is the file read the one the path names (not waiting, deleted or moved away)?"""
        return self._state == "open"

    def poll(self, sink: Sink, budget: int) -> bool:
        """Report what changed, reading at most ``budget`` bytes; True when more is ready now."""
        if self._fd is None:
            opened = self._open_file(sink)
            if opened is None:
                return False
            self._adopt(*opened)
            sink.event("opened", f"{self.path}: following" if self._state == "new" else f"{self.path}: appeared; following it")
            self._state = "open"
        size = os.fstat(self._fd).st_size
        if size < self.offset:
            return self._truncated(sink)
        if size > self.offset:
            data = os.pread(self._fd, min(budget, size - self.offset), self.offset)
            if not data:  # the size said otherwise (a network file system's stale size): later
                return False
            if not self._unchanged():
                return self._truncated(sink)
            self._advance(sink, data)
            if self.offset < size:
                return True
        elif not self._unchanged():
            return self._truncated(sink)
        return self._check_name(sink)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    # -------------------------------------------------------------------------------------

    def _open_file(self, sink: Sink) -> tuple[int, os.stat_result] | None:
        try:
            # O_NONBLOCK: opening a FIFO must not wait for a writer (a FIFO is refused below).
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            if self._state == "new":
                self._state = "waiting"
                sink.event("waiting", f"{self.path}: does not exist yet; waiting for it")
            return None
        except OSError as error:
            self._report_error(sink, f"{self.path}: cannot open ({error.strerror or error})")
            return None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            what = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file (pipe it to 'lossmon -')"
            self._report_error(sink, f"{self.path}: is {what}")
            return None
        self._error = None
        return fd, info

    def _adopt(self, fd: int, info: os.stat_result) -> None:
        self._fd, self._identity = fd, (info.st_dev, info.st_ino)
        self.offset, self._head, self._tail, self._skip_nul = 0, b"", b"", True

    def _report_error(self, sink: Sink, message: str) -> None:
        if message != self._error:  # once per distinct problem; it is retried quietly
            self._error = message
            sink.event("error", message)
        if self._state == "new":
            self._state = "waiting"

    def _unchanged(self) -> bool:
        """Are the bytes already read still there (no truncate-and-rewrite since)?"""
        head, tail = self._head, self._tail
        if head and os.pread(self._fd, len(head), 0) != head:
            return False
        if tail and self.offset > len(head) and os.pread(self._fd, len(tail), self.offset - len(tail)) != tail:
            return False
        return True

    def _truncated(self, sink: Sink) -> bool:
        sink.event("truncated", f"{self.path}: truncated or rewritten; reading it again from the start")
        sink.restart()
        self.offset, self._head, self._tail, self._skip_nul = 0, b"", b"", True
        return True

    def _advance(self, sink: Sink, data: bytes) -> None:
        if len(self._head) < FINGERPRINT_BYTES:
            self._head += data[: FINGERPRINT_BYTES - len(self._head)]
        self._tail = (self._tail + data[-FINGERPRINT_BYTES:])[-FINGERPRINT_BYTES:]
        self.offset += len(data)
        if self._skip_nul:
            # A writer without O_APPEND keeps its offset after a copytruncate, leaving a hole of
            # NULs before its next line: skipped, so that the line is not cut as an overlong one.
            data = data.lstrip(b"\0")
            if not data:
                return
            self._skip_nul = False
        sink.data(data)

    def _check_name(self, sink: Sink) -> bool:
        """At the end of the open file: does the path still name it?"""
        try:
            info = os.stat(self.path)
        except OSError:
            info = None
        if info is not None and (info.st_dev, info.st_ino) == self._identity:
            if self._state != "open":
                self._state = "open"
                sink.event("opened", f"{self.path}: is back; following it")
            return False
        if info is None:
            if self._state == "open":
                self._state = "deleted" if os.fstat(self._fd).st_nlink == 0 else "moved"
                sink.event(self._state, f"{self.path}: {_GONE[self._state]}")
            return False
        if os.fstat(self._fd).st_size > self.offset:
            return True  # bytes written before the switch: read them first
        opened = self._open_file(sink)
        if opened is None:
            return False  # gone again already: the open file stays, and the next change retries
        replacing = "recreated" if self._state == "deleted" else "rotated"
        sink.end()
        self.close()
        self._adopt(*opened)
        self._state = "open"
        sink.event(replacing, f"{self.path}: {_REPLACED[replacing]}")
        sink.restart()
        return True


_GONE = {
    "deleted": "deleted; its data stay; waiting for it to come back",
    "moved": "moved away (rotation?); waiting for a new file at this path",
}
_REPLACED = {
    "rotated": "a new file at this path; the previous one was read to its end",
    "recreated": "created again; following the new file",
}
