"""watch --jsonl writes its records column by column: byte for byte what json.dumps of each
record writes (the format users parse), for dense and sparse batches, odd steps and values, and
for every batch the parser makes of the real-log corpus."""

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossmon.commands.watch import jsonl_records, jsonl_text
from lossmon.commands.watch_jsonl import jsonl_text as records_text, value_texts
from lossmon.engine.findings import step_for_json
from lossmon.engine.formats import AutoParser
from lossmon.engine.lines import LineSplitter
from lossmon.engine.records import Column, RecordBatch, RecordBuilder
from lossmon.engine.updates import FollowUpdate

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


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


def test_repeated_values_are_written_as_each_is_written():
    """A column whose values repeat gets each distinct value's text once: -0.0 stays -0.0 beside
    0.0, NaNs with other bits and infinities stay null, nothing is mixed up by the sharing."""
    other_nan = np.array([0x7FF8000000000001], np.int64).view(np.float64)[0]
    pool = np.array([0.0, -0.0, 0.1, 1e-320, math.nan, other_nan, math.inf, -math.inf, 2.5e-7, 1e16])
    values = pool[np.random.default_rng(7).integers(0, len(pool), 500)]
    expected = [json.dumps(v if math.isfinite(v) else None) for v in values.tolist()]
    assert value_texts(values) == expected
    assert value_texts(np.arange(200) / 7.0) == [json.dumps(v) for v in (np.arange(200) / 7.0).tolist()]  # all distinct


def test_a_batch_without_metrics_and_an_empty_batch():
    batch = RecordBatch(np.array([4, 5]), np.array([1.0, 2.0]), {})
    assert jsonl_records("t.log", batch) == reference("t.log", batch)
    assert records_text("t.log", RecordBatch(np.empty(0, np.int64), np.empty(0), {})) == ""


def test_an_update_is_its_records_then_its_findings_each_on_its_own_line():
    lines = np.arange(1, 4)
    batch = RecordBatch(lines, lines.astype(float), {"loss": Column(np.arange(3), np.array([1.0, math.nan, 2.0]))})
    text = jsonl_text(FollowUpdate("t.log", None, batch=batch))
    assert text.endswith("\n") and text.split("\n")[:-1] == reference("t.log", batch)


def _corpus_logs():
    return sorted(path for path in CORPUS.glob("*/*") if path.name != "label.json" and path.is_file())


def _batches(data: bytes, sizes: list[int]):
    """The record batches the parser makes of ``data`` fed in blocks of ``sizes`` (cycled), as the
    follower feeds a growing file: small and big batches, dense and sparse."""
    splitter, parser, out = LineSplitter(), AutoParser(), RecordBuilder()
    position, turn = 0, 0
    while position < len(data):
        size = sizes[turn % len(sizes)]
        block = splitter.feed(data[position : position + size])
        position, turn = position + size, turn + 1
        if block is not None:
            parser.parse_block(block, out)
            yield out.build()
    block = splitter.flush()
    if block is not None:
        parser.parse_block(block, out)
    parser.finish(out)
    yield out.build()


@pytest.mark.skipif(not (CORPUS.is_dir() and _corpus_logs()), reason="no tests/corpus")
def test_every_corpus_batch_is_written_as_json_dumps_writes_it():
    """Today's format (json.dumps of each record) on the real logs: every one of the corpus's logs,
    its batches as big blocks and as small appends make them."""
    checked = 0
    for path in _corpus_logs():
        data = path.read_bytes()
        for batch in _batches(data, [1 << 20] if len(data) > 200_000 else [4096, 65536]):
            name = f"runs/{path.parent.name}/{path.name}"
            assert jsonl_records(name, batch) == reference(name, batch), path
            checked += len(batch)
    assert checked > 20_000  # the corpus held 26,758 records read this way (2026-12-06)
