"""A run made of several files, read as one stream of points.

A tracker that keeps a run in several files (MLflow: a file per metric; TensorBoard: an event
file per writer, and Keras' ``train/`` and ``validation/`` subfolders) is read by a
:class:`MergedReader`, which frames each point as one line of a stream::

    key<TAB>timestamp value step

and hands them over in step order across the files: each read takes a share of the budget from
every file, and a point is handed over only once every file that still has unread bytes has
been read past its step; the rest waits for the next read. So the val loss of step 1,000 is not
read after the train loss of step 50,000, and a detector that reads the train loss beside the
val loss sees the two of the same step. A problem found in a file (a damaged record) travels in
the same stream as a line with an empty key, ``<TAB>message``, so that whoever reads the stream
(``check``, the follower) hands it to the Monitor with the points.

:class:`PointsDecoder` turns the stream back into records for the Monitor.
"""

from __future__ import annotations

import os

from lossmon.engine.records import RecordBuilder

READ_BYTES = 1 << 20
STAMP_EVERY = 32  # points between the (step, time) anchors of the time axis (engine/timeline.py)
Point = tuple[float, float, bytes]  # (step, timestamp, framed line)


def frame(key: str, stamp: float, value: float, step: float) -> bytes:
    key = key.replace("\t", " ").replace("\n", " ")
    return f"{key}\t{stamp!r} {value!r} {step!r}\n".encode("utf-8", "replace")


def frame_problem(message: str) -> bytes:
    return b"\t" + message.replace("\n", " ").encode("utf-8", "replace") + b"\n"


def number(token: bytes) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None


class MergedReader:
    """Reads the new points of a run's files, framed as one stream in step order. A subclass
    says which files there are (:meth:`files`) and reads one (:meth:`read_file`)."""

    def __init__(self) -> None:
        self._pending: dict[str, list[Point]] = {}  # read, not handed over
        self._problems: list[bytes] = []
        self.position = 0  # bytes of the run's files read so far
        self.more = False  # the last read left bytes unread: read again now

    def files(self) -> list[str]:
        raise NotImplementedError

    def directories(self) -> set[str]:
        raise NotImplementedError

    def read_file(self, path: str, budget: int) -> tuple[list[Point], bool]:
        """New complete points of one file (at most about ``budget`` bytes of it), and whether
        bytes are left to read."""
        raise NotImplementedError

    def problem(self, message: str) -> None:
        self._problems.append(frame_problem(message))

    def read(self, budget: int = READ_BYTES) -> bytes:
        """New points (about ``budget`` bytes of files at most), framed; b"" when there is nothing
        to hand over yet."""
        files = self.files()
        share = max(4096, budget // max(1, len(files)))
        horizon = float("inf")  # the highest step every file with more to read has reached
        self.more = False
        for path in files:
            points, more = self.read_file(path, share)
            pending = self._pending.setdefault(path, [])
            if points:
                pending.extend(points)
                pending.sort(key=lambda point: (point[0], point[1]))
            if more:
                self.more = True
                horizon = min(horizon, pending[-1][0] if pending else float("-inf"))
        ready: list[Point] = []
        for pending in self._pending.values():
            cut = len(pending) if horizon == float("inf") else _count_at_or_below(pending, horizon)
            ready.extend(pending[:cut])
            del pending[:cut]
        ready.sort(key=lambda point: (point[0], point[1]))
        problems, self._problems = self._problems, []
        return b"".join(problems) + b"".join(point[2] for point in ready)


def read_from(path: str, offset: int, budget: int) -> tuple[bytes, int] | None:
    """Up to ``budget`` bytes of ``path`` from ``offset``, and the file's size; None when it is
    gone or unreadable now (tried again at the next read)."""
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            return f.read(budget), os.fstat(f.fileno()).st_size
    except OSError:
        return None


def _count_at_or_below(points: list[Point], step: float) -> int:
    count = 0
    for point in points:
        if point[0] > step:
            break
        count += 1
    return count


class PointsDecoder:
    """The framed points of a run in, records out: one record per point, its "line" the point's
    position in the stream. A malformed point is reported once, then skipped."""

    def __init__(self, path: str, format_id: str) -> None:
        self.path = path
        self.format_id = format_id
        self.time_anchors = None  # the Monitor's Timeline.stamps: every STAMP_EVERY-th point's time
        self._time_scale = 1e-3 if format_id == "mlflow" else 1.0  # MLflow writes milliseconds
        self.events = 0
        self.problems: list[str] = []
        self._partial = b""
        self._malformed = 0

    @property
    def pending_bytes(self) -> int:
        return len(self._partial)

    def feed(self, data: bytes, out: RecordBuilder) -> None:
        data = self._partial + data
        end = data.rfind(b"\n") + 1
        self._partial = data[end:]
        for line in data[:end].splitlines():
            key, _, point = line.partition(b"\t")
            if not key:
                self.problems.append(point.decode("utf-8", "replace"))
                continue
            self.events += 1
            fields = point.split()
            value = number(fields[1]) if len(fields) >= 2 else None
            step = number(fields[2]) if len(fields) >= 3 else float(self.events)
            if value is None or step is None:
                self._malformed += 1
                if self._malformed == 1:
                    self.problems.append(f"{self.path}: a metric line is not 'timestamp value step': skipped")
                continue
            out.add(self.events, step, {key.decode("utf-8", "replace"): value}, self.format_id)
            if self.time_anchors is not None and self.events % STAMP_EVERY == 1:
                stamp = number(fields[0])
                if stamp is not None:
                    self.time_anchors.add(step, stamp * self._time_scale)

    def finish(self) -> None:
        self._partial = b""


class RunTail:
    """The follower's source for a run of several files: polls them all (new ones included)."""

    done = False

    def __init__(self, path: str, reader: MergedReader, name: str | None = None) -> None:
        self.path = path
        self.reader = reader
        self.name = name
        self._opened = False

    @property
    def position(self) -> int:
        return self.reader.position

    def directories(self) -> set[str]:
        return self.reader.directories()

    def poll(self, sink, budget: int) -> bool:
        if not self._opened:
            self._opened = True
            sink.event("opened", f"{self.path}: following the run" + (f" '{self.name}'" if self.name else ""))
        data = self.reader.read(budget)
        if data:
            sink.data(data)
        return self.reader.more

    def close(self) -> None:
        pass
