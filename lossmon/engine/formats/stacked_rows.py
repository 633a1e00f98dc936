"""Rows of values, one per series, in a file named by the metric they hold.

``np.savetxt("losses.txt", np.array([losses_train, losses_vali]))`` writes the stacked array a
row per series, its values separated by blanks ("1.652232177734375000e+03 1.745932250976562500e+03
..."), and nothing else: the file's name is the only name. A row holds more values than a table
of one metric's file has columns (MIN_ROW_VALUES), every one written as a float, and every row as
many as the first (the array's rows have one length).

Naming: the first row is the file's metric. Scripts that stack a run's two curves into one array
put the training curve first (np.array([train_losses, val_losses]) throughout public code), so
when the array has exactly two rows and the file's name says no split, the second is that
metric's held-out counterpart (``val_loss`` beside ``losses``). Any other count of rows (seeds,
configurations, a third split) says nothing of what each row is: the rows after the first are
named by their number. The first row is read as it comes (its name is sure: the app shows it while
it follows the file, which never ends); the others are held until the array ends (a line that is no
row of it, or the end of the input), which is what tells two rows from more; the rows after the
first of a table (more than MAX_ROWS rows) are no stacked series, and none of them is read.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.column import name_from_path
from lossmon.engine.formats.value_lists import MIN_BARE_VALUES
from lossmon.engine.numbers import FLOAT_WRITTEN, written_floats
from lossmon.engine.records import RecordBuilder

MIN_ROW_VALUES = MIN_BARE_VALUES
MAX_ROWS = 3  # series stacked into one array (train, val, test); more rows are a table's
_ROW = re.compile(rf"[ \t]*+{FLOAT_WRITTEN}(?:[ \t]++{FLOAT_WRITTEN}){{{MIN_ROW_VALUES - 1},}}+[ \t]*+\Z")
# A split's word in the file's name ("train_losses.txt"): its rows are not train and held-out then.
_SPLIT_WORD = re.compile(r"(?i)(?<![a-z])(?:train(?:ing)?|val(?:id(?:ation)?)?|vali|eval|dev|test)(?![a-z])")
_PLURAL_LOSS = re.compile(r"(?i)(loss)es\Z")  # "losses" holds losses; each row is a loss


class StackedRowsParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.name: str | None = None  # the file's metric, once line 1 was a row
        self.over = False
        self._width = 0  # the values of the first row (every row of the array has as many)
        self._count = 0  # rows of the array so far
        self._rows: list[tuple[int, list[float]]] = []  # (line, values) of the later rows, held until it ends

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if self.over or (self.name is None and line != 1):
            return False
        if _ROW.match(text) is None:
            if self.name is None:
                self.over = True
            else:
                self.finish(out)  # the array ended: its rows are read before what follows
            return False
        values = written_floats(text)
        if self.name is None:
            self.name = name_from_path(self.source)
            if self.name is None:
                self.over = True
                return False
            self._width, self._count = len(values), 1
            self.emit_numbered(out, line, self.name, values)
            return True
        if len(values) != self._width:
            self.finish(out)  # another length: no row of this array
            return False
        self._count += 1
        self._rows.append((line, values))
        if self._count > MAX_ROWS:
            self._rows, self.over = [], True  # a table's rows, not series
        return True

    def finish(self, out: RecordBuilder) -> None:
        rows, self._rows = self._rows, []
        if self.name is None or not self._count:
            return
        self.over = True  # one array per file
        for number, (line, values) in enumerate(rows, 2):
            self.emit_numbered(out, line, self._row_name(number, self._count), values)

    def _row_name(self, number: int, count: int) -> str:
        name = self.name
        if number == 1:
            return name
        if count == 2 and _SPLIT_WORD.search(name) is None:
            return "val_" + _PLURAL_LOSS.sub(r"\1", name)
        return f"{name} row {number}"

    def rewind(self) -> None:
        self.name, self.over, self._rows, self._width, self._count = None, False, [], 0, 0


class StackedRows(Format):
    id = "stacked_rows"
    title = "Rows of values, one per series, in a file named by the metric (np.savetxt of np.array([train, val]))"
    example = " ".join(["1.652232177734375000e+03", "1.745932250976562500e+03", "1.089177124023437500e+03"] * 3)
    anchor = rf"^[ \t]*+{FLOAT_WRITTEN}(?:[ \t]++{FLOAT_WRITTEN}){{{MIN_ROW_VALUES - 1}}}"
    parser = StackedRowsParser
    first_line_only = True
    strip_prefix = False
