"""TensorBoard event files (``events.out.tfevents.*``) read as records, incrementally.

An event file is a sequence of length-framed records, each ``uint64 length``, ``uint32`` masked
CRC-32C of the length, ``length`` bytes of a serialized ``Event`` protocol buffer, ``uint32``
masked CRC-32C of the data (TFRecord framing). The framing is read here; the protocol buffer is
decoded by the ``Event`` class that tensorboardX ships (the optional extra
``lossmon[tensorboard]``, imported only when an event file is read). A record cut by the end of
the bytes so far waits for the rest, so a file the writer is still appending to is never misread.

Scalars come in two encodings: the old ``simple_value`` (tensorboardX, PyTorch's SummaryWriter,
TF1) and the new tensor-based one (TF2's ``tf.summary.scalar``, Keras' TensorBoard callback): a
0-d tensor under the ``scalars`` plugin. Each event with scalars becomes one record: its step and
one value per tag; the record's "line" is the event's 1-based position in the file.

A directory of event files is one run, TensorBoard's convention: its files (a writer restarted
makes another) and those of its split subfolders (Keras writes ``train/`` and ``validation/``)
are merged into one stream of points (:mod:`~lossmon.engine.trackers.points`), the tags of a
subfolder's files prefixed with its name, so that ``validation/epoch_loss`` is the val loss of
the same run.
"""

from __future__ import annotations

import os
import struct

import numpy as np

from lossmon.engine.errors import LossmonError
from lossmon.engine.records import RecordBuilder
from lossmon.engine.trackers.points import STAMP_EVERY, MergedReader, Point, frame, read_from

FORMAT_ID = "tensorboard"
NAME_MARK = "tfevents"
_HEADER = struct.Struct("<QI")
_FOOTER = struct.Struct("<I")
_MASK_DELTA = 0xA282EAD8
MAX_RECORD_BYTES = 64 << 20  # a longer length is a corrupt header, not a record to wait for
# TensorProto dtypes of a scalar: DT_FLOAT, DT_DOUBLE, DT_INT32, DT_INT64, DT_HALF, DT_BFLOAT16
_NUMPY_DTYPES = {1: "<f4", 2: "<f8", 3: "<i4", 9: "<i8", 19: "<f2"}
# Subfolders that hold one split of a run each (Keras' TensorBoard callback, HF's eval writer).
SPLIT_FOLDERS = ("train", "training", "validation", "valid", "val", "eval", "test")


def is_event_file(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name.startswith("events.out.tfevents.") or ".tfevents." in name


def _protos():
    try:
        from tensorboardX.proto import event_pb2
    except ImportError:
        raise LossmonError(
            "reading TensorBoard event files needs the tensorboard extra: pip install 'lossmon[tensorboard]'"
        ) from None
    return event_pb2


def _crc32c():
    try:
        from crc32c import crc32c
    except ImportError:  # tensorboardX's own (pure Python, slower) implementation
        from tensorboardX.crc32c import crc32c
    return crc32c


def masked_crc(data: bytes, crc32c) -> int:
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + _MASK_DELTA) & 0xFFFFFFFF


class EventFramer:
    """Bytes of one event file in, scalar events out: ``(step, wall_time, {tag: value})``.
    ``problems`` collects one line per damage found (a record whose checksum fails is skipped; a
    broken length ends the reading of the file)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._event = _protos().Event
        self._crc = _crc32c()
        self._buffer = bytearray()
        self._offset = 0  # file offset of the buffer's first byte
        self.events = 0
        self.problems: list[str] = []
        self._stopped = False

    @property
    def pending_bytes(self) -> int:
        return len(self._buffer)

    def feed(self, data: bytes) -> list[tuple[float, float, dict[str, float]]]:
        if self._stopped:
            return []
        self._buffer += data
        buffer, position, out = self._buffer, 0, []
        while len(buffer) - position >= _HEADER.size:
            length, length_crc = _HEADER.unpack_from(buffer, position)
            if masked_crc(bytes(buffer[position : position + 8]), self._crc) != length_crc or length > MAX_RECORD_BYTES:
                what = "not a TensorBoard event file" if self._offset + position == 0 else "corrupt record header"
                self._stop(f"{self.path}: {what} (at byte {self._offset + position:,}); the rest is skipped")
                return out
            end = position + _HEADER.size + length + _FOOTER.size
            if end > len(buffer):
                break  # the writer has not finished this record yet
            data_start = position + _HEADER.size
            payload = bytes(buffer[data_start : data_start + length])
            (data_crc,) = _FOOTER.unpack_from(buffer, data_start + length)
            self.events += 1
            if masked_crc(payload, self._crc) != data_crc:
                self.problems.append(
                    f"{self.path}: event {self.events:,} (at byte {self._offset + position:,}) fails its checksum: skipped"
                )
            else:
                event = self._read_event(payload)
                if event is not None:
                    out.append(event)
            position = end
        del self._buffer[:position]
        self._offset += position
        return out

    def finish(self) -> None:
        """The file is complete: bytes left over are a record cut short."""
        if self._buffer and not self._stopped:
            self.problems.append(
                f"{self.path}: ends in the middle of a record ({len(self._buffer):,} bytes at byte {self._offset:,}): "
                "truncated"
            )
        self._buffer.clear()

    def _stop(self, problem: str) -> None:
        self.problems.append(problem)
        self._stopped = True
        self._buffer.clear()

    def _read_event(self, payload: bytes) -> tuple[float, float, dict[str, float]] | None:
        event = self._event()
        try:
            event.ParseFromString(payload)
        except Exception:  # protobuf's DecodeError: a damaged event with a valid checksum
            self.problems.append(f"{self.path}: event {self.events:,} cannot be decoded: skipped")
            return None
        if not event.HasField("summary"):
            return None
        metrics: dict[str, float] = {}
        for value in event.summary.value:
            scalar = _scalar(value)
            if scalar is not None and value.tag:
                metrics[value.tag] = scalar
        return (float(event.step), float(event.wall_time), metrics) if metrics else None


class EventFileDecoder:
    """One event file given as a path: its bytes in, records out (a record per event with
    scalars, its "line" the event's position in the file)."""

    format_id = FORMAT_ID

    def __init__(self, path: str) -> None:
        self.framer = EventFramer(path)

    @property
    def events(self) -> int:
        return self.framer.events

    @property
    def problems(self) -> list[str]:
        return self.framer.problems

    @property
    def pending_bytes(self) -> int:
        return self.framer.pending_bytes

    time_anchors = None  # the Monitor's Timeline.stamps: every STAMP_EVERY-th event's wall time
    _scalar_events = 0

    def feed(self, data: bytes, out: RecordBuilder) -> None:
        for step, wall, metrics in self.framer.feed(data):
            out.add(self.framer.events, step, metrics, FORMAT_ID)
            self._scalar_events += 1
            if self.time_anchors is not None and self._scalar_events % STAMP_EVERY == 1:
                self.time_anchors.add(step, wall)

    def finish(self) -> None:
        self.framer.finish()


def run_files(directory: str) -> list[str]:
    """The event files of the run in ``directory``: its own, and those of its split subfolders
    (Keras' ``train/`` and ``validation/``)."""
    found = []
    for folder in ("", *SPLIT_FOLDERS):
        where = os.path.join(directory, folder) if folder else directory
        try:
            names = os.listdir(where)
        except OSError:
            continue
        found.extend(os.path.join(where, name) for name in names if is_event_file(name))
    return sorted(found)


def is_tensorboard_run(directory: str) -> bool:
    return os.path.isdir(directory) and bool(run_files(directory))


class TensorBoardRunReader(MergedReader):
    """A directory of event files read as one run (TensorBoard's convention: a run is a
    directory). Tags of a split subfolder's files get its name: Keras' ``validation/epoch_loss``."""

    def __init__(self, directory: str) -> None:
        super().__init__()
        self.directory = directory
        self._framers: dict[str, EventFramer] = {}
        self._offsets: dict[str, int] = {}
        self._refused = False

    def files(self) -> list[str]:
        return [] if self._refused else run_files(self.directory)

    def directories(self) -> set[str]:
        dirs = {self.directory}
        dirs.update(os.path.join(self.directory, f) for f in SPLIT_FOLDERS if os.path.isdir(os.path.join(self.directory, f)))
        return dirs

    def read_file(self, path: str, budget: int) -> tuple[list[Point], bool]:
        framer = self._framers.get(path)
        if self._refused:
            return [], False
        if framer is None:
            try:
                framer = self._framers[path] = EventFramer(path)
            except LossmonError as error:
                self._refused = True
                self.problem(f"{self.directory}: {error}")
                return [], False
        offset = self._offsets.get(path, 0)
        read = read_from(path, offset, budget)
        if read is None:
            return [], False
        data, size = read
        self._offsets[path] = offset + len(data)
        self.position += len(data)
        known = len(framer.problems)
        events = framer.feed(data)
        for problem in framer.problems[known:]:
            self.problem(problem)
        folder = os.path.basename(os.path.dirname(path))
        prefix = f"{folder}/" if os.path.dirname(path) != self.directory.rstrip(os.sep) and folder in SPLIT_FOLDERS else ""
        points = []
        for step, wall, metrics in events:
            for tag, value in metrics.items():
                key = tag if not prefix or tag.startswith(prefix) else prefix + tag
                points.append((step, wall, frame(key, wall, value, step)))
        return points, offset + len(data) < size


def _scalar(value) -> float | None:
    kind = value.WhichOneof("value")
    if kind == "simple_value":
        return float(value.simple_value)
    if kind != "tensor":
        return None
    plugin = value.metadata.plugin_data.plugin_name
    tensor = value.tensor
    if plugin and plugin != "scalars":
        return None  # histograms, images, text: not a curve
    if len(tensor.tensor_shape.dim):
        return None
    if tensor.tensor_content:
        dtype = _NUMPY_DTYPES.get(tensor.dtype)
        if dtype is None:
            return None
        content = np.frombuffer(tensor.tensor_content, dtype=dtype)
        return float(content[0]) if len(content) == 1 else None
    for field in ("float_val", "double_val", "int_val", "int64_val", "half_val"):
        values = getattr(tensor, field)
        if len(values) == 1:
            if field == "half_val":  # float16 bits stored in an int
                return float(np.array([values[0]], np.uint16).view(np.float16)[0])
            return float(values[0])
    return None
