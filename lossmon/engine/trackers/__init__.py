"""Files that experiment trackers write, read as records instead of lines.

A text log goes through the line splitter and the parsers; a tracker's own file format (a
TensorBoard event file) is decoded straight into records by a *decoder* chosen by the file's
name; an MLflow run directory's metric files are framed into one stream (trackers.mlflow) and
decoded likewise. Both feed the same Monitor, so ``check``, ``watch`` and the app read them alike.
"""

from __future__ import annotations

from lossmon.engine.errors import LossmonError
from lossmon.engine.records import RecordBuilder
from lossmon.engine.trackers.mlflow import MlflowDecoder, is_mlflow_run
from lossmon.engine.trackers.tensorboard import EventFileDecoder, is_event_file


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


def record_decoder(path: str):
    """The decoder for a tracker's file, or None for a text log."""
    if path != "-" and is_mlflow_run(path):
        return MlflowDecoder(path)
    if not is_event_file(path):
        return None
    try:
        return EventFileDecoder(path)
    except LossmonError as error:
        return RefusedDecoder(f"{path}: {error}")
