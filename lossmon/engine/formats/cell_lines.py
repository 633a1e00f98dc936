"""A table with one cell per line: a notebook's HTML progress table saved as text (Hugging Face's
``NotebookProgressCallback``, TRL and Unsloth trainers in Colab, the page copied or dumped with
its tags removed). The header cells come first, one name a line, from ``Step`` (or ``Epoch``)
on; then each row's cells, one value a line, as many as there are names:

          Step
          Training Loss
          reward
          ...
          1
          0.000000
          0.628294
          ...

Blank lines between them count for nothing (the slow path never sees them). A row is the step
and the values of the next cells in order; ``No log`` is a cell with no value (a training loss
not logged yet). A line that is neither a name nor a value ends the table; a header must name a
loss among its columns.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.numbers import VALUE, to_float
from lossmon.engine.records import RecordBuilder

_CELL_LINES_ANCHOR = r"^[ \t]*+(?:Step|Epoch)[ \t]*+$"
_CELL_LINES_FIRST = re.compile(_CELL_LINES_ANCHOR)
# A header cell: a name of a few words ("Training Loss", "completions / mean_length"), no number first
_CELL_LINES_NAME = re.compile(r"[ \t]*+([A-Za-z_][\w /().@%-]{0,80}+)[ \t]*+")
_CELL_LINES_VALUE = re.compile(rf"[ \t]*+({VALUE})[ \t]*+")
_CELL_LINES_MISSING = re.compile(r"[ \t]*+(?:No log|nan|None|-)[ \t]*+")
_CELL_LINES_LOSS = re.compile(r"loss", re.I)
MAX_CELL_LINES_COLUMNS = 64


class CellLinesParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._names: list[str] = []  # the header so far, or in force
        self._reading_header = False
        self._row: list[float | None] = []  # the cells of the row being read
        self._row_line = 0

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if _CELL_LINES_FIRST.fullmatch(text) is not None:
            self._names, self._reading_header, self._row = [text.strip()], True, []
            return True
        if self._reading_header:
            name = _CELL_LINES_NAME.fullmatch(text)
            if name is not None and _CELL_LINES_VALUE.fullmatch(text) is None:
                if len(self._names) >= MAX_CELL_LINES_COLUMNS:
                    self._names, self._reading_header = [], False
                    return False
                self._names.append(name.group(1).strip())
                return True
            self._reading_header = False
            if len(self._names) < 2 or not any(_CELL_LINES_LOSS.search(name) for name in self._names):
                self._names = []  # "Step" over no table of losses
                return False
        if not self._names:
            return False
        value = _CELL_LINES_VALUE.fullmatch(text)
        if value is None and _CELL_LINES_MISSING.fullmatch(text) is None:
            self._names, self._row = [], []  # the table ended
            return False
        number = to_float(value.group(1)) if value is not None else None
        if not self._row:
            if number is None or not number.is_integer() or number < 0:
                self._names = []  # a row starts with its step
                return False
            self._row_line = line
        self._row.append(number)
        if len(self._row) == len(self._names):
            row, self._row = self._row, []
            metrics = {name: value for name, value in zip(self._names[1:], row[1:]) if value is not None}
            if metrics:
                self.emit(out, self._row_line, row[0], metrics)
        return True

    def rewind(self) -> None:
        self._names, self._reading_header, self._row = [], False, []


class CellLines(Format):
    id = "cell_lines"
    title = "Table with one cell per line (a notebook's HTML progress table saved as text)"
    example = "      Step"
    anchor = _CELL_LINES_ANCHOR
    parser = CellLinesParser
    strip_prefix = False
