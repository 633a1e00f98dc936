"""MLflow file stores: a run directory (``mlruns/<experiment>/<run>/``) read as one run.

MLflow's file store keeps one text file per metric, ``<run>/metrics/<key>`` (a key with ``/``
nests directories), appended as the run goes, one ``timestamp value step`` line per point
(timestamps in milliseconds; stores written by MLflow 0.x have no step). A run is the set of
those files, merged into one stream of points (:mod:`~lossmon.engine.trackers.points`). A metric
file's last line without its newline waits for it (the writer is mid-line).
"""

from __future__ import annotations

import os

from lossmon.engine.trackers.points import MergedReader, Point, number, read_from

FORMAT_ID = "mlflow"


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


class MlflowRunReader(MergedReader):
    def __init__(self, run_dir: str) -> None:
        super().__init__()
        self.run_dir = run_dir
        self.metrics_dir = os.path.join(run_dir, "metrics")
        self._offsets: dict[str, int] = {}  # metric file → bytes read (complete lines only)

    def files(self) -> list[str]:
        found = []
        for dirpath, dirnames, filenames in os.walk(self.metrics_dir):
            dirnames.sort()
            found.extend(os.path.join(dirpath, name) for name in filenames)
        return sorted(found)

    def directories(self) -> set[str]:
        return {dirpath for dirpath, _, _ in os.walk(self.metrics_dir)} | {self.run_dir}

    def read_file(self, path: str, budget: int) -> tuple[list[Point], bool]:
        offset = self._offsets.get(path, 0)
        read = read_from(path, offset, budget)
        if read is None:
            return [], False
        data, size = read
        end = data.rfind(b"\n") + 1
        if not end:
            return [], False
        self._offsets[path] = offset + end
        self.position += end
        key = os.path.relpath(path, self.metrics_dir).replace(os.sep, "/").encode("utf-8", "replace")
        key = key.replace(b"\t", b" ")
        points = []
        for line in data[:end].splitlines():
            fields = line.split()
            step = number(fields[2]) if len(fields) >= 3 else None
            stamp = number(fields[0]) if fields else None
            points.append((step if step is not None else float("inf"), stamp or 0.0, key + b"\t" + line.strip() + b"\n"))
        return points, offset + end < size
