"""MLflow file stores: a run directory (``mlruns/<experiment>/<run>/``) read as one run.

MLflow's file store keeps one text file per metric, ``<run>/metrics/<key>`` (a key with ``/``
nests directories), appended as the run goes, one ``timestamp value step`` line per point
(timestamps in milliseconds; stores written by MLflow 0.x have no step). A run is the set of
those files, so its points are read from every file and framed into one stream, a line per
point, ``key<TAB>timestamp value step``: the follower and ``check`` read that stream like the
bytes of any file, and the decoder below turns it into records. The points of one read are put in
step order across files, so that a val loss and the train loss of the same step arrive together.

A metric file's last line without its newline waits for it (the writer is mid-line).
"""

from __future__ import annotations

import os

from lossmon.engine.records import RecordBuilder

FORMAT_ID = "mlflow"
READ_BYTES = 1 << 20


def is_mlflow_run(path: str) -> bool:
    return os.path.isfile(os.path.join(path, "meta.yaml")) and os.path.isdir(os.path.join(path, "metrics"))


def run_name(path: str) -> str | None:
    """The run's name as MLflow shows it (its runName tag, or meta.yaml's run_name)."""
    try:
        with open(os.path.join(path, "tags", "mlflow.runName"), encoding="utf-8", errors="replace") as f:
            return f.read().strip() or None
    except OSError:
        pass
    try:
        with open(os.path.join(path, "meta.yaml"), encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("run_name:"):
                    return line.split(":", 1)[1].strip().strip("'\"") or None
    except OSError:
        pass
    return None


class MlflowRunReader:
    """Reads the new points of a run's metric files, framed as one stream in step order.

    History is merged across files: each read takes a share of the budget from every file, and
    a point is handed over only once every file that still has unread bytes has been read past
    its step (the rest waits for the next read), so the val loss of step 1,000 is not read after
    the train loss of step 50,000."""

    def __init__(self, run_dir: str) -> None:
        self.run_dir = run_dir
        self.metrics_dir = os.path.join(run_dir, "metrics")
        self._offsets: dict[str, int] = {}  # metric file → bytes read (complete lines only)
        self._pending: dict[str, list[tuple[float, float, bytes]]] = {}  # read, not handed over
        self.position = 0  # bytes of metric files read so far
        self.more = False  # the last read left bytes unread: read again now

    def metric_files(self) -> list[tuple[str, str]]:
        """(key, path) of every metric file now, in key order."""
        found = []
        for dirpath, dirnames, filenames in os.walk(self.metrics_dir):
            dirnames.sort()
            for name in filenames:
                path = os.path.join(dirpath, name)
                found.append((os.path.relpath(path, self.metrics_dir).replace(os.sep, "/"), path))
        return sorted(found)

    def directories(self) -> set[str]:
        """Where a new metric file or a new point shows up (to watch)."""
        return {dirpath for dirpath, _, _ in os.walk(self.metrics_dir)} | {self.run_dir}

    def read(self, budget: int = READ_BYTES) -> bytes:
        """New complete points (about ``budget`` bytes of metric files at most), framed; b""
        when there is nothing to hand over yet."""
        files = self.metric_files()
        share = max(4096, budget // max(1, len(files)))
        horizon = float("inf")  # the highest step every file with more to read has reached
        self.more = False
        for key, path in files:
            more = self._read_file(key, path, share)
            self.more |= more
            if more:
                pending = self._pending.get(path)
                horizon = min(horizon, pending[-1][0] if pending else float("-inf"))
        ready: list[tuple[float, float, bytes]] = []
        for path, pending in self._pending.items():
            cut = len(pending) if horizon == float("inf") else _count_at_or_below(pending, horizon)
            ready.extend(pending[:cut])
            del pending[:cut]
        ready.sort(key=lambda point: (point[0], point[1]))
        return b"".join(point[2] for point in ready)

    def _read_file(self, key: str, path: str, budget: int) -> bool:
        """Read up to ``budget`` bytes of complete lines into pending; True when more is left."""
        offset = self._offsets.get(path, 0)
        try:
            with open(path, "rb") as f:
                f.seek(offset)
                data = f.read(budget)
                size = os.fstat(f.fileno()).st_size
        except OSError:
            return False  # gone or unreadable now: tried again at the next read
        end = data.rfind(b"\n") + 1
        if end:
            self._offsets[path] = offset + end
            self.position += end
            framed_key = key.encode("utf-8", "replace").replace(b"\t", b" ")
            pending = self._pending.setdefault(path, [])
            for line in data[:end].splitlines():
                fields = line.split()
                step = _number(fields[2]) if len(fields) >= 3 else None
                stamp = _number(fields[0]) if fields else None
                pending.append(
                    (step if step is not None else float("inf"), stamp or 0.0, framed_key + b"\t" + line.strip() + b"\n")
                )
            pending.sort(key=lambda point: (point[0], point[1]))
        return offset + end < size and end > 0


def _count_at_or_below(points: list[tuple[float, float, bytes]], step: float) -> int:
    count = 0
    for point in points:
        if point[0] > step:
            break
        count += 1
    return count


def _number(token: bytes) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None


class MlflowDecoder:
    """The framed points of a run in, records out: one record per point, its "line" the point's
    position in the stream. A malformed point is counted in ``problems`` once, then skipped."""

    format_id = FORMAT_ID

    def __init__(self, path: str) -> None:
        self.path = path
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
            self.events += 1
            key, _, point = line.partition(b"\t")
            fields = point.split()
            value = _number(fields[1]) if len(fields) >= 2 else None
            step = _number(fields[2]) if len(fields) >= 3 else float(self.events)
            if value is None or step is None or not key:
                self._malformed += 1
                if self._malformed == 1:
                    self.problems.append(f"{self.path}: a metric line is not 'timestamp value step': skipped")
                continue
            out.add(self.events, step, {key.decode("utf-8", "replace"): value}, FORMAT_ID)

    def finish(self) -> None:
        self._partial = b""


class MlflowRunTail:
    """The follower's source for a run directory: polls its metric files (new ones included)."""

    done = False

    def __init__(self, path: str) -> None:
        self.path = path
        self.reader = MlflowRunReader(path)
        self._opened = False

    @property
    def position(self) -> int:
        return self.reader.position

    def directories(self) -> set[str]:
        return self.reader.directories()

    def poll(self, sink, budget: int) -> bool:
        if not self._opened:
            self._opened = True
            name = run_name(self.path)
            sink.event("opened", f"{self.path}: following the MLflow run" + (f" '{name}'" if name else ""))
        data = self.reader.read(budget)
        if data:
            sink.data(data)
        return self.reader.more

    def close(self) -> None:
        pass
