"""watch --jsonl writes its records column by column: byte for byte what json.dumps of each
record writes (the format users parse), for dense and sparse batches, odd steps and values."""

import json
import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from lossmon.commands.watch import jsonl_records
from lossmon.engine.findings import step_for_json
from lossmon.engine.records import Column, RecordBatch


def reference(path: str, batch: RecordBatch) -> list[str]:
    """The record as a dict through json.dumps, as watch wrote it before."""
    out = []
    for line, step, metrics in batch.records():
        record = {
            "path": path,
            "line": line,
            "step": step_for_json(step),
            "metrics": {name: (v if math.isfinite(v) else None) for name, v in metrics.items()},
        }
        out.append(json.dumps(record, allow_nan=False))
    return out


ODD_VALUES = [0.0, -0.0, 1e-320, 1e308, -2.5e-7, 0.1 + 0.2, math.nan, math.inf, -math.inf, 12345678901234567.0]
ODD_STEPS = [0.0, 1.0, 2.5, 1e20, 2.0**60, math.nan, math.inf, -3.0, 0.1]


def test_a_dense_batch_is_written_as_json_dumps_writes_it():
    lines = np.array([3, 4, 9, 10, 11, 12, 13, 14, 15], np.int64)
    steps = np.array(ODD_STEPS)
    values = np.array(ODD_VALUES[: len(steps)])
    batch = RecordBatch(lines, steps, {"loss": Column(np.arange(len(lines)), values),
                                       'gr"ad\\norm\u202e é': Column(np.arange(len(lines)), values[::-1].copy())})
    assert jsonl_records("runs/ü/\x1b]0;x\x07train.log", batch) == reference("runs/ü/\x1b]0;x\x07train.log", batch)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(ODD_STEPS + [7.0, 8.0]),
                       st.dictionaries(st.sampled_from(["loss", "val_loss", "lr", "ключ"]),
                                       st.sampled_from(ODD_VALUES) | st.floats(), max_size=4)),
             min_size=1, max_size=30)
)
def test_any_sparse_batch_is_written_as_json_dumps_writes_it(records):
    names = sorted({name for _, metrics in records for name in metrics}, key=lambda n: (n != "loss", n))
    columns = {}
    for name in names:
        rows = [row for row, (_, metrics) in enumerate(records) if name in metrics]
        columns[name] = Column(np.array(rows, np.int64), np.array([records[r][1][name] for r in rows], float))
    batch = RecordBatch(np.arange(1, len(records) + 1), np.array([step for step, _ in records]), columns)
    assert jsonl_records("train.log", batch) == reference("train.log", batch)


def test_percent_signs_in_paths_and_names_are_written_as_they_are():
    """The dense path formats records through a %-template: a ``%`` in the path or a metric
    name is text, never a conversion."""
    lines = np.array([1, 2], np.int64)
    batch = RecordBatch(lines, np.array([1.0, 2.0]), {"acc%": Column(np.arange(2), np.array([0.5, math.nan])),
                                                       "%s%d%%": Column(np.arange(2), np.array([1.0, 2.0]))})
    path = "runs/100%/%(x)s/train.log"
    assert jsonl_records(path, batch) == reference(path, batch)
