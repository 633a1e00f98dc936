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
- its whole record repeats: every value of the line is its series' previous value, at the same
  step and precision, and one of them has ``MIN_DIGITS`` significant digits.

The same statement printed twice is not taken for an echo: two ranks appending it to one file
are two records (their values may differ in the last digit, or not at all).

Two series that merely share a name (a train and an eval ``loss``) differ in value, so they are
never merged; a constant value on successive records (a fixed learning rate) keeps its points,
since the rest of its record changes or its step moves. Each value is compared with the previous
one of its series only: O(1) per value, with a numpy screen so that most batches cost a few
array operations.
"""

from __future__ import annotations

import math
import re

import numpy as np

from lossmon.engine.lines import LineBlock
from lossmon.engine.records import Column, RecordBatch

ECHO_LINES = 3
MIN_DIGITS = 3
TAIL_LINES = 64  # texts of the latest lines kept across blocks
_DIGITS = re.compile(r"[\d.eE+-]+")


def _precision(value: float) -> tuple[int, int]:
    """(decimals, significant digits) of the shortest text of ``value``: what it was printed with
    when the log printed it rounded (``2.602`` → (3, 4), ``9.474e-06`` → (9, 4))."""
    text = repr(float(value)).lstrip("-")
    exponent = 0
    if "e" in text:
        text, _, power = text.partition("e")
        exponent = int(power)
    whole, _, fraction = text.partition(".")
    if fraction == "0":
        fraction = ""
    digits = (whole + fraction).lstrip("0")
    return len(fraction) - exponent, len(digits)


def _rounds_to(fine: float, coarse: float, decimals: int) -> bool:
    """True when ``fine`` printed to ``decimals`` places reads ``coarse``."""
    return abs(fine - coarse) <= 0.5 * 10.0 ** -decimals * (1 + 1e-9) + 1e-15 * abs(coarse)


class EchoFilter:
    """Drops echoed values from record batches, in log order (state carries across batches)."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[int, float, float]] = {}  # series → (line, step, value)
        self.dropped = 0
        self._tail: dict[int, str] = {}  # the last lines of the previous block: line → text
        self._block: LineBlock | None = None

    def _text(self, line: int) -> str | None:
        block = self._block
        if block is not None and block.first <= line < block.first + len(block):
            return block.line(line - block.first)
        return self._tail.get(line)

    def _other_shape(self, line: int, previous_line: int) -> bool:
        """True when the two lines are known and differ beyond their numbers."""
        text, previous = self._text(line), self._text(previous_line)
        return text is not None and previous is not None and _DIGITS.sub("", text) != _DIGITS.sub("", previous)

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
        candidates: dict[int, list[str]] = {}  # row → names whose value may echo the previous
        for name, column in batch.columns.items():
            if not len(column.rows):
                continue
            lines = batch.lines[column.rows]
            values = column.values
            last = self._last.get(name)
            previous_lines = np.empty(len(lines), np.int64)
            previous_values = np.empty(len(values))
            previous_lines[1:], previous_values[1:] = lines[:-1], values[:-1]
            previous_lines[0], previous_values[0] = (last[0], last[2]) if last else (-(ECHO_LINES + 1), np.nan)
            with np.errstate(invalid="ignore"):
                near = (lines != previous_lines) & (lines - previous_lines <= ECHO_LINES)
                near &= np.isclose(values, previous_values, rtol=1e-3, atol=0.0) & (values != 0)
            for index in np.flatnonzero(near).tolist():
                candidates.setdefault(int(column.rows[index]), []).append(name)
        if candidates:
            batch = self._drop(batch, candidates)
        for name, column in batch.columns.items():
            if len(column.rows):
                row = int(column.rows[-1])
                self._last[name] = (int(batch.lines[row]), float(batch.steps[row]), float(column.values[-1]))
        return batch

    def _drop(self, batch: RecordBatch, candidates: dict[int, list[str]]) -> RecordBatch:
        """Decide row by row (in order, each against the value before it) and remove the echoes."""
        position = {name: column for name, column in batch.columns.items()}
        drop: dict[str, list[int]] = {}
        for row in sorted(candidates):
            line, step = int(batch.lines[row]), float(batch.steps[row])
            names = candidates[row]
            row_names = [name for name, column in position.items() if _holds(column.rows, row)]
            echoed, repeats, strong, shapes = [], 0, False, set()
            for name in names:
                column = position[name]
                index = int(np.searchsorted(column.rows, row))
                value = float(column.values[index])
                if index > 0:
                    previous_row = int(column.rows[index - 1])
                    previous = (int(batch.lines[previous_row]), float(batch.steps[previous_row]), float(column.values[index - 1]))
                else:
                    previous = self._last.get(name)
                if previous is None or previous[0] == line or line - previous[0] > ECHO_LINES:
                    continue
                (decimals, digits), (previous_decimals, previous_digits) = _precision(value), _precision(previous[2])
                if decimals != previous_decimals:
                    coarse_digits, fine, coarse, places = (
                        (digits, previous[2], value, decimals) if decimals < previous_decimals
                        else (previous_digits, value, previous[2], previous_decimals)
                    )
                    if coarse_digits >= MIN_DIGITS and _rounds_to(fine, coarse, places) and self._other_shape(line, previous[0]):
                        echoed.append(name)
                elif value == previous[2] and (step == previous[1] or math.isnan(step) and math.isnan(previous[1])):
                    repeats += 1
                    strong |= digits >= MIN_DIGITS
                    shapes.add(previous[0])
            if strong and repeats == len(row_names) and all(self._other_shape(line, at) for at in shapes):
                echoed = row_names  # the whole record again
            for name in echoed:
                drop.setdefault(name, []).append(row)
        if not drop:
            return batch
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


def _holds(rows: np.ndarray, row: int) -> bool:
    index = int(np.searchsorted(rows, row))
    return index < len(rows) and int(rows[index]) == row
