"""Records a log printed twice: one value, two statements.

Scripts often log the same record twice: a ``logging`` handler and a ``rich`` console echo, a
duplicated handler, a plain and a prefixed statement, a custom print next to the trainer's own
dict (rounded: ``loss=2.601831`` then ``{'loss': '2.602'}``), or a per-batch ``Loss: 3.2513399``
next to an AverageMeter line (``Loss 3.2513 (2.5342)``). Counted twice, such a series has twice
its points and a step axis that jumps back and forth.

A value is an echo of the series' previous value when it stands at most ``ECHO_LINES`` lines
below it on a line of another shape (the two texts differ beyond their numbers) and

- it is the same number printed to another precision (the coarser print has at least
  ``MIN_DIGITS`` significant digits, and the finer rounds to it), or
- its whole record repeats: every value of the line is its series' previous value, and one of
  them has ``MIN_DIGITS`` significant digits (the step may differ: a log that prints none gets
  a counted one, and the echo would be counted too).

The same statement printed twice is not taken for an echo (two ranks appending it to one file
are two records: their values may differ in the last digit, or not at all, and their texts in a
time), unless the line repeats byte for byte, printing the same step: then it is one record written
once per rank (``{"step": 10, "train/loss": 0.2569881081581116, ...}`` four times, identical), and
a copy adds no information but a second point at the step. So is a line that repeats the one
right before it byte for byte and prints where the run stands, its epoch (an HF log dict a script
prints beside the trainer's own print: ``{'loss': 6.8605, ..., 'epoch': 0.01}`` twice; its step is
counted, so it differs). A repeat at another step (a counted one, an epoch of a stuck run) is a
record, as is a line that differs in any byte.

Two series that merely share a name (a train and an eval ``loss``) differ in value, so they are
never merged; a constant value on successive records (a fixed learning rate) keeps its points,
since the rest of its record changes or its step moves. Each value is compared with the previous
one of its series only: O(1) per value, with a numpy screen so that most batches cost a few
array operations.
"""

from __future__ import annotations

import re

import numpy as np

from lossmon.engine.digests import blake2b
from lossmon.engine.formats.auto import strip_bar_frames
from lossmon.engine.lines import LineBlock
from lossmon.engine.naming import is_step_word, kind_of
from lossmon.engine.records import Column, RecordBatch

ECHO_LINES = 3
MIN_DIGITS = 3
TAIL_LINES = 64  # texts of the latest lines kept across blocks
# Rounded copies are looked for among measured values only: a counter or a schedule printed by
# two statements (an epoch of 1.5 in an eval dict, 1.51 in the next train dict) only looks like one.
_MEASURED = ("loss", "metric", "grad_norm")
_DIGITS = re.compile(r"[\d.eE+-]+")
_BLANKS = re.compile(r"[ \t]++")


def _echo_shape(text: str) -> str:
    """A line's text beyond its numbers, without the progress-bar frames a capture glued to it
    (their bar glyphs and rate units change from one frame to the next: two lines of one
    statement must not differ in shape by the frame that happened to stand before them), and
    with each run of blanks as one: a table pads its right-aligned numbers, so row 10 has a
    blank fewer before it than row 9 and is the same statement."""
    if "%|" in text:
        text = strip_bar_frames(text)
    return _BLANKS.sub(" ", _DIGITS.sub("", text))


class EchoFilter:
    """Drops echoed values from record batches, in log order (state carries across batches)."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[int, float, float, int]] = {}  # series → (line, step, value, names)
        self._ids: dict[str, int] = {}  # series → a 64-bit id; a record's names sum to its signature
        self.dropped = 0
        self._tail: dict[int, str] = {}  # the last lines of the previous block: line → text
        self._block: LineBlock | None = None

    def _text(self, line: int) -> str | None:
        block = self._block
        if block is not None and block.first <= line < block.first + len(block):
            return block.line(line - block.first)
        return self._tail.get(line)

    def _same_text(self, line: int, previous_line: int, names, step: float) -> bool:
        """True when the two lines are known and identical, name every series of the record (the
        line is the whole record, not one line of a record that spans several) and print its step
        (a step the line does not print may be inferred alike for two records: a counter that
        restarts every epoch, lines under one header)."""
        text = self._text(line)
        if text is None or text != self._text(previous_line) or not step.is_integer():
            return False
        return all(name in text for name in names) and re.search(rf"(?<![\d.]){int(step)}(?![\d.])", text) is not None

    def _same_progress(self, line: int, previous_line: int, names) -> bool:
        """True when the line repeats the one right before it byte for byte, and the record prints
        where the run stands (an HF dict's ``'epoch': 0.01``; its step is counted, so it differs):
        a record printed twice by two statements in a row, as a script that prints the trainer's
        log dict beside the trainer's own print does (``{'loss': 6.8605, ..., 'epoch': 0.01}``
        twice). Two records of a run that moved on print another epoch."""
        text = self._text(line)
        return text is not None and text == self._text(previous_line) and any(is_step_word(name) for name in names)

    def _other_shape(self, line: int, previous_line: int) -> bool:
        """True when the two lines are known and differ beyond their numbers."""
        text, previous = self._text(line), self._text(previous_line)
        return text is not None and previous is not None and _echo_shape(text) != _echo_shape(previous)

    def filter(self, batch: RecordBatch, block: LineBlock | None = None) -> RecordBatch:
        """``batch`` without its echoes; ``block``, the lines just read, tells line shapes apart."""
        self._block = block
        try:
            return self._filter(batch)
        finally:
            self._block = None
            self.remember(block)

    def remember(self, block: LineBlock | None) -> None:
        """Keep the texts of the last lines read (call it for every block, with records or not):
        an echo may be released with a later block (a shape held until it repeats), and what is
        dropped must not depend on how the input was cut."""
        if block is None or not len(block):
            return
        last = block.first + len(block) - 1
        first = max(block.first, last - TAIL_LINES + 1)
        tail = {line: text for line, text in self._tail.items() if line > last - TAIL_LINES}
        tail.update((line, block.line(line - block.first)) for line in range(first, last + 1))
        self._tail = tail

    def _filter(self, batch: RecordBatch) -> RecordBatch:
        # A numpy screen finds the values that may be echoes by the numbers alone; only those
        # (rare) have their lines' texts compared, in Python.
        count = len(batch.lines)
        per_row = np.zeros(count, np.int64)  # values each record holds
        names = np.zeros(count, np.uint64)  # which: the sum of their series' ids (equal sets, equal sums)
        for name, column in batch.columns.items():
            if len(column.rows) == count:  # in every record (rows are increasing: all of them)
                names += np.uint64(self._id(name))
            else:
                names[column.rows] += np.uint64(self._id(name))
        repeats = np.zeros(count, np.int64)  # ... equal to their series' previous
        strong_values: list[tuple[np.ndarray, np.ndarray]] = []  # (rows, values) of the repeats
        rounded: list[tuple[str, np.ndarray]] = []  # (series, its indices) rounded copies of the previous
        previous_of: dict[str, np.ndarray] = {}  # series → the lines of each value's previous
        previous_steps_of: dict[str, np.ndarray] = {}  # ... and their steps
        # A column in every record stands as far from its previous value as the records from
        # each other, but for its first: those distances' tests, once per batch, not per column.
        gaps = np.diff(batch.lines)
        near_lines = np.empty(count, bool)
        near_lines[1:] = (gaps != 0) & (gaps <= ECHO_LINES)
        far_lines = np.empty(count, bool)
        far_lines[1:] = (gaps > ECHO_LINES) & (gaps < TAIL_LINES)
        for name, column in batch.columns.items():
            rows = column.rows
            if not len(rows):
                continue
            every = len(rows) == count  # the column is in every record: slices, not gathers
            if every:
                per_row += 1
            else:
                per_row[rows] += 1
            lines, values = (batch.lines if every else batch.lines[rows]), column.values
            last = self._last.get(name)
            first_previous = last[0] if last else -(TAIL_LINES + 1)
            previous_values = np.concatenate(([last[2] if last else np.nan], values[:-1]))
            with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
                if every:
                    apart = int(lines[0]) - first_previous
                    near_lines[0] = apart != 0 and apart <= ECHO_LINES
                    far_lines[0] = ECHO_LINES < apart < TAIL_LINES
                    nearby, further = near_lines, far_lines
                else:
                    previous_lines = np.concatenate(([first_previous], lines[:-1]))
                    apart = lines - previous_lines
                    nearby = (lines != previous_lines) & (apart <= ECHO_LINES)
                    further = (apart > ECHO_LINES) & (apart < TAIL_LINES)
                # np.isclose(values, previous_values, rtol=1e-3, atol=0.0), its operations without
                # its argument checks (a third of this filter's time)
                close = (np.abs(values - previous_values) <= 1e-3 * np.abs(previous_values)) & np.isfinite(previous_values)
                equal = values == previous_values
                # near, or a repeat further up, within the lines whose texts are kept (a copy of its line?)
                near = (nearby & (close | equal)) | (equal & further)
                near &= values != 0
                if not near.any():
                    continue
                previous_lines = np.concatenate(([first_previous], lines[:-1]))
                apart = lines - previous_lines
                # (on the whole column: most of its values are near their previous when any is,
                # a learning rate or an epoch that moves a little per record)
                same = near & equal
                if same.any():
                    at = np.flatnonzero(same)
                    repeated = rows[at]
                    repeats[repeated] += 1  # (rows are distinct: no index twice)
                    strong_values.append((repeated, values[at]))
                # a rounded copy: another statement (other names: a custom line and the trainer's
                # dict) printed the same number to other places
                changed = near & ~equal & (apart <= ECHO_LINES)
                if changed.any():
                    # the names of each value's record and of its previous's (uint64 throughout:
                    # a float would round them)
                    record_names = names[rows]
                    previous_names = np.concatenate(([np.uint64(last[3] if last else 0)], record_names[:-1]))
                    changed &= record_names != previous_names
                index = np.flatnonzero(changed)
                copies = index[:0]
                if len(index) and kind_of(name) in _MEASURED:
                    value, previous = values[index], previous_values[index]
                    decimals, previous_decimals = _decimals(value), _decimals(previous)
                    places = np.minimum(decimals, previous_decimals)
                    coarse = np.where(decimals <= previous_decimals, value, previous)
                    close = np.abs(value - previous) <= 0.5 * 10.0 ** -places.astype(float) * (1 + 1e-9) + 1e-15 * np.abs(coarse)
                    copies = index[(decimals != previous_decimals) & close & (_digits(coarse, places) >= MIN_DIGITS)]
            if len(copies):
                rounded.append((name, copies))
            previous_of[name] = previous_lines
            previous_steps_of[name] = np.concatenate(([last[1] if last else np.nan], batch.steps[rows[:-1]]))
        drop: dict[str, list[int]] = {}
        whole = (repeats == per_row) & (per_row > 0)
        strong = np.zeros(count, bool)  # a repeated record with one value of MIN_DIGITS digits
        for rows, value in strong_values:
            pick = whole[rows]
            if pick.any():
                value = value[pick]
                strong[rows[pick][_digits(value, _decimals(value)) >= MIN_DIGITS]] = True
        whole = np.flatnonzero(whole & strong)
        if len(whole):
            for row in whole.tolist():
                self._drop_whole_record(batch, row, previous_of, previous_steps_of, drop)
        for name, copies in rounded:
            rows = batch.columns[name].rows
            previous_lines = previous_of[name]
            for index in copies.tolist():
                row = int(rows[index])
                if row not in drop.get(name, ()) and self._other_shape(int(batch.lines[row]), int(previous_lines[index])):
                    drop.setdefault(name, []).append(row)
        if drop:
            batch = self._without(batch, drop)
        for name, column in batch.columns.items():
            if len(column.rows):
                row = int(column.rows[-1])
                self._last[name] = (int(batch.lines[row]), float(batch.steps[row]), float(column.values[-1]), int(names[row]))
        return batch

    def _id(self, name: str) -> int:
        found = self._ids.get(name)
        if found is None:
            found = self._ids[name] = int.from_bytes(blake2b(name.encode("utf-8", "replace"), digest_size=8).digest(), "little")
        return found

    def _drop_whole_record(self, batch: RecordBatch, row: int, previous_of, previous_steps_of, drop: dict[str, list[int]]) -> None:
        """A record all of whose values repeat their series' previous ones: an echo when the line
        before has another shape (the same statement printed twice is kept: two ranks), or when
        it is that line again, byte for byte, at the same step (one record written per rank)."""
        line, step = int(batch.lines[row]), float(batch.steps[row])
        record = {}  # series → the index of this row's value in its column
        for name, column in batch.columns.items():
            index = int(np.searchsorted(column.rows, row))
            if index < len(column.rows) and int(column.rows[index]) == row:
                record[name] = index
        for name, index in record.items():
            previous = int(previous_of[name][index])
            if line - previous <= ECHO_LINES and self._other_shape(line, previous):
                continue
            if previous_steps_of[name][index] == step and self._same_text(line, previous, record, step):
                continue
            if line - previous == 1 and self._same_progress(line, previous, record):
                continue
            return
        for name in record:
            drop.setdefault(name, []).append(row)

    def _without(self, batch: RecordBatch, drop: dict[str, list[int]]) -> RecordBatch:
        columns = dict(batch.columns)
        for name, rows in drop.items():
            column = columns[name]
            keep = ~np.isin(column.rows, np.asarray(rows, np.int64))
            self.dropped += int((~keep).sum())
            if keep.any():
                columns[name] = Column(column.rows[keep], column.values[keep])
            else:
                del columns[name]
        return RecordBatch(batch.lines, batch.steps, columns, batch.formats, batch.attrs)


def _decimals(values: np.ndarray) -> np.ndarray:
    """Decimal places of each value's shortest text (what it was printed with, when rounded):
    the fewest places that give the value back."""
    found = np.full(len(values), 17, np.int64)
    scale = np.maximum(np.abs(values), 1e-300)
    for places in range(16, -9, -1):
        with np.errstate(invalid="ignore", over="ignore"):
            exact = np.abs(np.round(values, places) - values) <= 1e-12 * scale
        found[exact] = places
    return found


def _digits(values: np.ndarray, decimals: np.ndarray) -> np.ndarray:
    """Significant digits of values printed with ``decimals`` places."""
    with np.errstate(divide="ignore", invalid="ignore"):
        magnitude = np.floor(np.log10(np.abs(values)))
    magnitude = np.where(np.isfinite(magnitude), magnitude, 0).astype(np.int64)
    return decimals + magnitude + 1
