"""Files that experiment trackers write, read as records instead of lines.

A text log goes through the line splitter and the parsers; a tracker's own files are decoded
straight into records, by a *decoder* the Monitor picks by the path: a TensorBoard event file
given as a path is decoded as it is; a run kept in several files (a directory of event files, an
MLflow run directory) is read by a :class:`~lossmon.engine.trackers.points.MergedReader` into
one stream of points, which :class:`~lossmon.engine.trackers.points.PointsDecoder` decodes. All
feed the same Monitor, so ``check``, ``watch`` and the app read them alike.
"""

from __future__ import annotations

import os

from lossmon.engine.errors import LossmonError
from lossmon.engine.records import RecordBuilder
from lossmon.engine.trackers.mlflow import MlflowRunReader, is_mlflow_run, run_name
from lossmon.engine.trackers.points import MergedReader, PointsDecoder, RunTail
from lossmon.engine.trackers.tensorboard import EventFileDecoder, TensorBoardRunReader, is_event_file, is_tensorboard_run


class RefusedDecoder:
    """A file that cannot be read here (its extra is missing): nothing comes out of it, and the
    reason is its one problem."""

    format_id = None
    events = 0
    pending_bytes = 0

    def __init__(self, problem: str) -> None:
        self.problems = [problem]

    def feed(self, data: bytes, out: RecordBuilder) -> None:
        pass

    def finish(self) -> None:
        pass


def run_reader(path: str) -> MergedReader | None:
    """The reader of a run kept in several files (a directory), or None."""
    if path == "-" or not os.path.isdir(path):
        return None
    if is_mlflow_run(path):
        return MlflowRunReader(path)
    if is_tensorboard_run(path):
        return TensorBoardRunReader(path)
    return None


def run_tail(path: str) -> RunTail | None:
    """The follower's source for a run kept in several files, or None."""
    reader = run_reader(path)
    if reader is None:
        return None
    name = run_name(path) if isinstance(reader, MlflowRunReader) else None
    return RunTail(path, reader, name)


def record_decoder(path: str):
    """The decoder for a tracker's files, or None for a text log."""
    if path == "-":
        return None
    if os.path.isdir(path):
        if is_mlflow_run(path):
            return PointsDecoder(path, "mlflow")
        if is_tensorboard_run(path):
            return PointsDecoder(path, "tensorboard")
        return None
    if not is_event_file(path):
        return None
    try:
        return EventFileDecoder(path)
    except LossmonError as error:
        return RefusedDecoder(f"{path}: {error}")
