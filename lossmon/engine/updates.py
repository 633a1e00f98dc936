"""What the follower hands to every face (``watch``, the app, tests): one :class:`FollowUpdate`
per change of one input, with the file events, the records and the findings they led to. Faces
consume these and nothing else: a finding is news exactly once, in the update that carries it."""

from __future__ import annotations

from dataclasses import dataclass, field

from lossmon.engine.findings import Finding
from lossmon.engine.monitor import Monitor
from lossmon.engine.records import RecordBatch

EVENT_KINDS = (
    "opened",  # following the file (from its start), or it appeared after waiting
    "waiting",  # the path does not exist yet
    "truncated",  # truncated or rewritten in place: read again from the start as a new segment
    "rotated",  # a new file at the path: the previous one was read to its end
    "moved",  # the file was renamed away: its data stay, waiting for a new file at the path
    "deleted",  # the file was deleted: its data stay, waiting for it to come back
    "recreated",  # the path came back after a deletion: following the new file
    "finished",  # an input that ends (stdin, a compressed log) was read to its end
    "error",  # cannot open or read it (retried for files), or a line could not be processed
    "cut",  # a line over the line limit (lines.MAX_LINE_BYTES) was cut: what followed the cut is lost
)


@dataclass(slots=True, frozen=True)
class FileEvent:
    path: str
    kind: str  # one of EVENT_KINDS
    message: str  # one readable line, starting with the path


@dataclass(slots=True)
class FollowUpdate:
    """What happened to one input, in order: ``events`` first, then the records they led to."""

    path: str
    monitor: Monitor
    events: list[FileEvent] = field(default_factory=list)
    batch: RecordBatch | None = None  # new records, line numbers within the current segment
    findings: list[Finding] = field(default_factory=list)
    # The badges lit once this update was made (pathology → active finding, Monitor.status()):
    # what the alert policy needs to know which badges cleared, read on the follower's thread.
    active: dict[str, Finding] = field(default_factory=dict)
    position: int = 0  # bytes of the current file (or stream) read when the update was handed over

    @property
    def records(self) -> int:
        return len(self.batch) if self.batch is not None else 0
