"""One followed input: its source (a file tail, a pipe, a compressed file, a run), its Monitor,
and the updates they make. Runs on the follower's thread only.

Partial lines. While following, only complete lines are parsed: the bytes after the last newline
wait in the Monitor's line splitter, however long the writer pauses (a value cut mid-number,
``5.423475`` … ``e-02``, must never become a record, and a block-buffered writer cuts its output
anywhere). That final line is committed only when the file is known to be finished: the input
ends (stdin closed, a compressed log read), the file is replaced at its path (rotation,
recreation), or it is deleted; or when, read up to the writer, it is nothing but a document's
closing brackets (the "}" a json.dump file ends with, no newline after it: no value can be cut
there), or a whole JSON document of its own (json.dump on one line: no prefix of one parses).
A deleted file stays open, and a writer still holding it may go
on with the same line: the bytes up to the line's next ``\\n`` are then dropped (never parsed
alone, nor with the committed start again), except that from its next ``\\r`` on they are new
progress-bar frames (tqdm, ``tqdm.write`` of a Hugging Face metrics dict), disjoint from the
frames already parsed, and are read as more of the same line.
"""

from __future__ import annotations

import re

from lossmon.engine.monitor import Monitor
from lossmon.engine.monitor import Update as MonitorUpdate
from lossmon.engine.sources.protocols import Sink, Source
from lossmon.engine.updates import FileEvent, FollowUpdate

_LINE_OR_FRAME_END = re.compile(rb"[\r\n]")


class FollowedInput(Sink):
    def __init__(self, monitor: Monitor, source: Source) -> None:
        self.monitor = monitor
        self.source = source
        self.path = source.path
        self.caught_up = False  # the last pump read everything there was
        self._after_commit = False  # the line in the splitter was committed early; its rest is dropped
        self._ready: list[FollowUpdate] = []
        self._current: FollowUpdate | None = None
        self._last_error: str | None = None
        self._problems_reported = 0
        self._reported_position = 0
        self.next_catch_up = 0.0  # when the follower may next look at starting scan workers
        self.pumped_at = float("-inf")  # when the follower last read it (by its clock; for its pace)

    @property
    def done(self) -> bool:
        return self.source.done

    @property
    def committed_early(self) -> bool:
        """The pending line was committed (its file deleted) and the rest of it is dropped."""
        return self._after_commit

    def pump(self, budget: int) -> bool:
        """Read and parse up to ``budget`` new bytes; True when more is ready right now."""
        more = self.source.poll(self, budget)
        self.caught_up = not more
        splitter = self.monitor.splitter
        if not more and not self._after_commit and (splitter.pending_closer or splitter.pending_document):
            # A JSON document that ends without a newline ("}" as json.dump leaves it) is whole:
            # its last line is read now, not when the file ends, which a followed file never does.
            # So is a document on that one line ({"loss": [0.69, ...], "val_loss": [...]}).
            self._commit_partial()
        return more

    def report_error(self, message: str) -> None:
        """A failure while reading or parsing, reported once until a different one happens."""
        if message != self._last_error:
            self._last_error = message
            self.event("error", message)

    def take_updates(self) -> list[FollowUpdate]:
        self._close_current()
        ready, self._ready = self._ready, []
        position = self.source.position
        if not ready and position != self._reported_position:
            # Bytes read that made nothing (NULs, blank or unparsed lines): the consumer still
            # learns how far the input is read, or a loading bar would wait for them forever.
            ready.append(FollowUpdate(self.path, self.monitor))
        self._reported_position = position
        active = self.monitor.status() if ready else {}
        for update in ready:
            update.position = position
            update.active = active
        return ready

    def close(self) -> None:
        self.monitor.drop_scan_workers()
        self.source.close()

    # Sink ----------------------------------------------------------------------------------

    def data(self, chunk: bytes) -> None:
        if self._after_commit:
            chunk = self._skip_committed_rest(chunk)
            if not chunk:
                return
        splitter = self.monitor.splitter
        cut_before, line = splitter.cut_lines, splitter.lines_done + 1
        self._add(self.monitor.feed(chunk))
        if splitter.cut_lines > cut_before:
            count, total = splitter.cut_lines - cut_before, splitter.cut_lines
            self.event("cut", _cut_message(self.path, line, count, total, splitter.max_line_bytes))
        self._report_problems()

    def end(self) -> None:
        self._after_commit = False
        if self.monitor.notebook.active:
            return  # a notebook saved again (replaced): its next version goes on with this one's text
        self._add(self.monitor.finish())
        self._report_problems()

    def _report_problems(self) -> None:
        """Damage the monitor found in the input (a corrupt tracker file): one error event each."""
        problems = self.monitor.problems
        while self._problems_reported < len(problems):
            self.event("error", problems[self._problems_reported])
            self._problems_reported += 1

    def restart(self) -> None:
        self._after_commit = False
        self.monitor.restart()
        self._problems_reported = 0

    def event(self, kind: str, message: str) -> None:
        if self._current is not None and (self._current.batch is not None or self._current.findings):
            self._close_current()
        self._update().events.append(FileEvent(self.path, kind, message))
        if kind == "deleted":
            self._commit_partial()

    # -------------------------------------------------------------------------------------

    def _commit_partial(self) -> None:
        """The file is finished (deleted), or its unterminated last line closes a document: that line
        is a line, parsed once (the rest of it, if the writer goes on, is dropped)."""
        block = self.monitor.splitter.flush()
        if block is not None:
            self._after_commit = True
            self._add(self.monitor.feed_lines(block))

    def _skip_committed_rest(self, chunk: bytes) -> bytes:
        cut = _LINE_OR_FRAME_END.search(chunk)
        if cut is None:
            return b""  # still inside the frame already parsed
        self._after_commit = False
        if chunk[cut.start()] == 0x0A:
            return chunk[cut.end() :]
        # New \r frames of the committed line: the splitter counted that line already, so step its
        # count back for them to carry the same line number.
        self.monitor.splitter.lines_done -= 1
        return chunk[cut.start() :]

    def _add(self, result: MonitorUpdate) -> None:
        if result.batch is None and not result.findings:
            return
        if self._current is not None and self._current.batch is not None:
            self._close_current()
        current = self._update()
        current.batch = result.batch
        current.findings = result.findings

    def _update(self) -> FollowUpdate:
        if self._current is None:
            self._current = FollowUpdate(self.path, self.monitor)
        return self._current

    def _close_current(self) -> None:
        if self._current is not None:
            self._ready.append(self._current)
            self._current = None


def _cut_message(path: str, line: int, count: int, total: int, limit: int) -> str:
    if count == 1:
        what = f"line {line} is over the {limit >> 20} MiB line limit: cut, the rest of it is not read"
    else:
        what = f"{count} lines from line {line} on are over the {limit >> 20} MiB line limit: cut, the rest of each is not read"
    return f"{path}: {what} ({total} cut so far)"
