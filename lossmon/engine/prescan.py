"""The templates' scans of a big log run ahead in a second process while this one parses.

Reading a big log is mostly the templates' scans (a regex over each block of lines, then float()
of every token: see formats/template.py), and a scan depends on nothing but the template and the
bytes. So a worker process reads the same file, splits it into the same numbered lines, and scans
each block with the templates this process has learned so far. This process takes the worker's
hits for the lines of its own block instead of scanning them, and commits them itself, in order,
so that step counters and every other parser state move exactly as in a single pass. A line reads
the same whatever block holds it, so the worker's blocks need not be this process's.

Whatever the worker has not got to (a template learned since, a block it has not started, a block
a template declines whole), this process scans itself, and tells the worker to skip past it: the
records are the same either way, only the time changes. If the worker fails or stalls, this
process simply scans everything.

Messages (pickled, over two pipes), to the worker: ``("templates", {key: Matcher})``,
``("skip", last_line)``, ``("skip next",)`` (this process had to wait: it takes the next block),
``("stop",)``; from it: ``("start", first_line, count)`` before it scans a
block, ``("block", first_line, count, {key: Hits | None | DECLINED})``, ``("end",)``.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque

import numpy as np

from lossmon.engine.formats.template import DECLINED, Hits, Template
from lossmon.engine.lines import LineSplitter
from lossmon.engine.sources import CHUNK_BYTES, read_chunks

MIN_BYTES = 16 << 20  # a smaller log is read before a worker would be ready to help
MAX_AHEAD = 64  # worker blocks held here at most; beyond, the worker waits (the pipe fills)
STALL_SECONDS = 10.0  # a worker silent this long while this process waits for it is given up


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def worth_prescanning(path: str, size: int | None) -> bool:
    """A plain file big enough, on a machine with a core to spare: at least two cores, and a load
    average that leaves one of them idle (on a busy machine the worker would only take turns with
    this process, and cost more than it saves). ``LOSSMON_PRESCAN=0`` never uses a worker,
    ``LOSSMON_PRESCAN=1`` always does (for big enough files)."""
    if size is None or size < MIN_BYTES or path == "-" or os.path.splitext(path)[1].lower() in (".gz", ".bz2", ".xz"):
        return False
    wanted = os.environ.get("LOSSMON_PRESCAN", "")
    if wanted in ("0", "1"):
        return wanted == "1"
    cores = usable_cores()
    return cores >= 2 and os.getloadavg()[0] <= cores - 1.5


class Prescan:
    """A worker scanning ``path`` (its first ``limit`` bytes, or all of it) ahead of this process,
    which reads the same bytes in ``chunk_bytes`` chunks from line 1."""

    def __init__(self, path: str, limit: int | None = None, chunk_bytes: int = CHUNK_BYTES) -> None:
        import subprocess  # here: `lossmon check` of a small log never needs it
        from multiprocessing.connection import Connection

        worker_reads, main_writes = os.pipe()
        main_reads, worker_writes = os.pipe()
        # The worker imports this very lossmon, wherever it was imported from here.
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        command = f"import sys; sys.path.insert(0, {root!r}); from lossmon.engine.prescan import main; main(sys.argv[1:])"
        self._process = subprocess.Popen(
            [sys.executable, "-c", command, str(worker_reads), str(worker_writes), path, str(limit or 0), str(chunk_bytes)],
            pass_fds=(worker_reads, worker_writes),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(worker_reads)
        os.close(worker_writes)
        self._to = Connection(main_writes, readable=False)
        self._from = Connection(main_reads, writable=False)
        self._blocks: deque[tuple[int, int, dict]] = deque()  # (first line, count, found), in order
        self._scanning: tuple[int, int] | None = None  # the block the worker said it started
        self._keys: tuple = ()
        self.ended = False  # the worker has finished, failed or been stopped
        self.taken = 0  # blocks served from the worker's scans (tests and benchmarks read it)

    # This process's side ---------------------------------------------------------------------

    def take(self, first: int, count: int, templates: list[Template]) -> dict | None:
        """The worker's hits for lines ``[first, first + count)``, by template key, for the
        templates it scanned them with (rows relative to ``first``); None: scan them here."""
        if self.ended and not self._blocks:
            self.close()  # the worker is done: reap it
            return None
        self._publish(templates)
        last = first + count - 1
        waited = False
        while True:
            self._drain(wait=False)
            while self._blocks and self._blocks[0][0] + self._blocks[0][1] <= first:
                self._blocks.popleft()  # lines already parsed
            found = self._cover(first, last)
            if found is not None:
                self.taken += 1
                return found
            scanning = self._scanning
            if not self.ended and scanning is not None and scanning[0] <= first < scanning[0] + scanning[1]:
                # It is on these lines: waiting costs less than scanning them again here. But this
                # process has time to spare, so it will scan the block after them itself.
                if not waited:
                    self._send(("skip next",))
                    waited = True
                self._drain(wait=True)
                continue
            self._send(("skip", last))  # it is behind: scan here, and let it move on
            return None

    def wait_ahead(self, timeout: float) -> bool:
        """Wait until the worker has scanned a block this process has not parsed yet (tests use
        it to know the worker's hits will be taken); False if it does not within ``timeout``."""
        deadline = time.monotonic() + timeout
        while not self._blocks and not self.ended and time.monotonic() < deadline:
            self._drain(wait=False)
            time.sleep(0.01)
        return bool(self._blocks)

    def close(self) -> None:
        import subprocess

        if self._process is None:
            return
        self._send(("stop",))
        for connection in (self._to, self._from):
            connection.close()
        try:
            self._process.wait(timeout=2)
        except subprocess.TimeoutExpired:  # it does not listen: end it
            self._process.kill()
            self._process.wait()
        self._process = None
        self.ended = True
        self._blocks.clear()

    def __enter__(self) -> Prescan:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _publish(self, templates: list[Template]) -> None:
        keys = tuple(template.key for template in templates)
        if keys != self._keys and templates:
            self._keys = keys
            self._send(("templates", {template.key: template.matcher for template in templates}))

    def _send(self, message: tuple) -> None:
        if self.ended:
            return
        try:
            self._to.send(message)
        except OSError:
            self.ended = True

    def _drain(self, wait: bool) -> None:
        """Take the worker's messages: those waiting (at most MAX_AHEAD blocks held), or, with
        ``wait``, at least one."""
        try:
            while not self.ended and (wait or len(self._blocks) < MAX_AHEAD):
                if not self._from.poll(STALL_SECONDS if wait else 0):
                    if wait:
                        self.close()  # stalled: scan everything here
                    return
                wait = False
                message = self._from.recv()
                if message[0] == "start":
                    self._scanning = (message[1], message[2])
                elif message[0] == "block":
                    self._blocks.append((message[1], message[2], message[3]))
                    self._scanning = None
                else:  # "end"
                    self.ended = True
        except (EOFError, OSError):
            self.ended = True

    def _cover(self, first: int, last: int) -> dict | None:
        """Hits for lines first..last from the worker's blocks, if they cover those lines."""
        pieces = []
        line = first
        for start, count, found in self._blocks:
            if start > line:
                return None  # a gap: lines the worker skipped
            pieces.append((start, found))
            line = start + count
            if line > last:
                break
        else:
            return None
        keys = set(pieces[0][1])
        for _, found in pieces[1:]:
            keys &= set(found)
        result = {}
        for key in keys:
            parts = [(start, found[key]) for start, found in pieces]
            if any(hits is DECLINED for _, hits in parts):
                continue  # the block is this process's to judge
            result[key] = _lines(parts, first, last)
        return result


def _lines(parts: list[tuple[int, Hits | None]], first: int, last: int) -> Hits | None:
    """The hits for lines first..last out of consecutive blocks' hits, rows relative to ``first``."""
    rows, values, steps = [], [], []
    for start, hits in parts:
        if hits is None:
            continue
        absolute = hits.rows + start
        keep = (absolute >= first) & (absolute <= last)
        if keep.all():
            rows.append(absolute - first)
            values.append(hits.values)
            steps.append(hits.steps)
        elif keep.any():
            rows.append(absolute[keep] - first)
            values.append(hits.values[keep])
            steps.append(None if hits.steps is None else hits.steps[keep])
    if not rows:
        return None
    if len(rows) == 1:
        return Hits(rows[0], values[0], steps[0])
    return Hits(np.concatenate(rows), np.concatenate(values), None if steps[0] is None else np.concatenate(steps))


# The worker ---------------------------------------------------------------------------------


def serve(receive, send, path: str, limit: int, chunk_bytes: int) -> None:
    """Read ``path`` (its first ``limit`` bytes, or all of it when 0), split it into lines as the
    parsing process does, and scan each block with the latest templates received."""
    splitter = LineSplitter()
    matchers: dict = {}
    skip_to = 0  # lines up to here were parsed without us
    skip_next = False  # the parsing process scans the next block itself
    read = 0
    for chunk in read_chunks(path, chunk_bytes):
        if limit:
            chunk = chunk[: limit - read]
            read += len(chunk)
        block = splitter.feed(chunk)
        while receive.poll() or not matchers:  # before the first templates: wait for them
            message = receive.recv()
            if message[0] == "stop":
                return
            if message[0] == "templates":
                matchers = message[1]
            elif message[0] == "skip":
                skip_to = max(skip_to, message[1])
            elif message[0] == "skip next":
                skip_next = True
        if block is not None and skip_next:
            skip_next = False
        elif block is not None and block.first + len(block) - 1 > skip_to:
            send.send(("start", block.first, len(block)))
            shared: dict = {}
            found = {key: matcher.find(block.data, block.newlines, shared) for key, matcher in matchers.items()}
            send.send(("block", block.first, len(block), found))
        if limit and read >= limit:
            break
    send.send(("end",))


def main(argv: list[str]) -> None:
    """The worker process: ``RECEIVE_FD SEND_FD PATH LIMIT CHUNK_BYTES``."""
    from multiprocessing.connection import Connection

    receive_fd, send_fd, path, limit, chunk_bytes = argv
    receive = Connection(int(receive_fd), writable=False)
    send = Connection(int(send_fd), readable=False)
    try:
        serve(receive, send, path, int(limit), int(chunk_bytes))
    except (EOFError, OSError):
        pass  # the parsing process went away or stopped listening

