"""`lossmon watch --jsonl`'s record lines, a batch at a time.

Each record is one line, ``{"path", "line", "step", "metrics": {name: value}}``, byte for byte what
``json.dumps`` writes for it (the format users parse; non-finite numbers as ``null``). A writer
appending 50 MB/s must not wait for a json.dumps per record, nor for a format call per record:
a batch's output is one list of pieces (the fixed text between fields, and each field's text),
filled column by column and joined once. A value's text is ``float.__repr__`` (json's), made once
per distinct value of a column when values repeat (a constant learning rate, a loss printed with
four decimals), once per record otherwise.
"""

from __future__ import annotations

import json

import numpy as np

from lossmon.engine.records import RecordBatch

_REPEATS = 0.7  # above this share of distinct values, a column's texts are made one by one


def jsonl_text(path: str, batch: RecordBatch) -> str:
    """The batch's records as JSON lines, each ending in a newline ("" for an empty batch)."""
    count = len(batch)
    if not count:
        return ""
    head = '{"path": ' + json.dumps(path) + ', "line": '
    keys = [json.dumps(name) + ": " for name in batch.columns]
    columns = list(batch.columns.values())
    lines = list(map(str, batch.lines.tolist()))
    steps = list(map(str, step_texts(batch.steps)))
    if columns and all(len(column.rows) == count for column in columns):  # every record has every metric
        pieces = _dense(count, head, keys, lines, steps, [value_texts(column.values) for column in columns])
    else:
        pieces = _sparse(count, head, keys, lines, steps, columns)
    return "".join(pieces)


def _dense(count: int, head: str, keys: list[str], lines: list, steps: list, values: list[list]) -> list:
    """A record's pieces: its head (after the previous record's end), line, ', "step": ', step,
    then per metric its key (after ', "metrics": {' or ', ') and its value; a list filled a
    column at a time."""
    width = 4 + 2 * len(keys)
    pieces: list = [None] * (width * count)
    pieces[0::width] = ["}}\n" + head] * count
    pieces[0] = head
    pieces[1::width] = lines
    pieces[2::width] = [', "step": '] * count
    pieces[3::width] = steps
    for index, (key, texts) in enumerate(zip(keys, values)):
        pieces[4 + 2 * index :: width] = [(', "metrics": {' if index == 0 else ", ") + key] * count
        pieces[5 + 2 * index :: width] = texts
    pieces.append("}}\n")
    return pieces


def _sparse(count: int, head: str, keys: list[str], lines: list, steps: list, columns: list) -> list:
    """The same pieces where records carry different metrics: each column's keys and values are
    put at their records' places, computed from how many metrics each record has before."""
    present = np.zeros(count, np.int64)  # metrics of each record so far, then in all
    ranks = []  # each column's place among its records' metrics
    for column in columns:
        ranks.append(present[column.rows])
        present[column.rows] += 1
    sizes = 5 + 2 * present
    starts = np.zeros(count, np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    pieces = np.empty(int(starts[-1] + sizes[-1]) + 1, dtype=object)
    pieces[starts] = "}}\n" + head
    pieces[0] = head
    pieces[-1] = "}}\n"
    pieces[starts + 1] = lines
    pieces[starts + 2] = ', "step": '
    pieces[starts + 3] = steps
    pieces[starts + 4] = ', "metrics": {'
    for key, column, rank in zip(keys, columns, ranks):
        at = starts[column.rows] + 5 + 2 * rank
        pieces[at] = np.where(rank == 0, key, ", " + key)
        pieces[at + 1] = value_texts(column.values)
    return pieces.tolist()


def jsonl_records(path: str, batch: RecordBatch) -> list[str]:
    """The same lines, one string each, without their newlines. (The text holds no other
    newline: json.dumps escapes those of paths and names.)"""
    return jsonl_text(path, batch).split("\n")[:-1]


def value_texts(values: np.ndarray) -> list[str]:
    """json.dumps of each value (float.__repr__), ``null`` for what is not finite."""
    distinct, inverse = np.unique(values.view(np.int64), return_inverse=True)  # by bits: -0.0 is not 0.0
    if len(distinct) > _REPEATS * len(values):  # mostly distinct: each its own text
        return _texts(values)
    texts = np.array(_texts(distinct.view(np.float64)), dtype=object)
    return texts[inverse].tolist()


def _texts(values: np.ndarray) -> list[str]:
    texts = list(map(repr, values.tolist()))
    for index in np.flatnonzero(~np.isfinite(values)).tolist():
        texts[index] = "null"
    return texts


def step_texts(steps: np.ndarray) -> list:
    """What json.dumps writes for step_for_json(step), for each step: whole numbers as Python
    ints (formatted as they are written), the others as text."""
    with np.errstate(invalid="ignore"):
        whole = np.isfinite(steps) & (steps == np.floor(steps))
    if whole.all() and (np.abs(steps) < 2.0**53).all():  # the usual case: counters
        return steps.astype(np.int64).tolist()
    texts = _texts(steps)
    for index in np.flatnonzero(whole).tolist():
        texts[index] = str(int(steps[index]))
    return texts
