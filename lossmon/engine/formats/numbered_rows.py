"""Headerless rows of an epoch's number and its value, split by a delimiter, in a file named by its
metric: ``f.write(f"{epoch},{loss}\\n")`` into train_loss.txt (``1,0.2103``), an underscore
(``1_1.8458632230758667``), a script's own CSV separator after the time its logger writes first
(``2024-11-29 18:15:04.852164🫤0🫤4.485516087485233``: the time is cut as a line's prefix, and the
separator it leaves at the start is the one between the fields).

Column reads the same rows split by a dash, a colon or blanks; a comma there would make a bare row
of a headerless CSV a column (test_column_keyed_lists), so these rows are a format of their own,
and read only where nothing else could be meant:

- the file's name names the metric (:func:`~lossmon.engine.formats.column.name_from_path`);
- exactly two numbers, the first an integer and the second written with a point or an exponent
  (``22,502287584414645`` is one value with a decimal comma, never epoch 22 of value 502...);
- the first numbers count the epochs: 0 or 1 on line 1, then one more on each row, with the
  delimiter of line 1 (a value grouped in thousands, ``1,234.5``, counts nothing: Column reads it
  as the number it is). A row that breaks the count is left to the other formats.

No spans are emitted: a template would read the rows without checking the count.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.column import name_from_path
from lossmon.engine.numbers import FLOAT_WRITTEN, to_float
from lossmon.engine.records import RecordBuilder

# A delimiter: an ASCII one a CSV writer picks, or a run of symbols outside ASCII (an emoji, a
# full-width comma). Never a letter, a digit, a blank, a point or a sign: those are the numbers'.
# (A dash, a colon and blanks are Column's.)
_DELIMITER = r"(?:[,;|_]|[^\x00-\x7f\w\s]{1,4}+)"
_ROW = re.compile(
    rf"[ \t]*+(?P<lead>{_DELIMITER})?+[ \t]*+(?P<index>\d{{1,9}}+)[ \t]*+(?P<delimiter>{_DELIMITER})"
    rf"[ \t]*+(?P<num>{FLOAT_WRITTEN})[ \t]*+\Z"
)


class NumberedRowsParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.name: str | None = None  # the metric the file's name names, once line 1 was read
        self.delimiter: str | None = None  # line 1's
        self.epoch = -1  # the last row's number
        self.over = False  # line 1 was no row of this format

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if self.over or (self.name is None and line != 1):
            return False
        match = _ROW.match(text)
        if match is None:
            if self.name is None:
                self.over = True
            return False
        delimiter, lead, epoch = match.group("delimiter"), match.group("lead"), int(match.group("index"))
        if lead is not None and lead != delimiter:
            return False
        if self.name is None:
            self.name = name_from_path(self.source)
            if self.name is None or epoch > 1:
                self.name, self.over = None, True
                return False
            self.delimiter, self.epoch = delimiter, epoch - 1
        if delimiter != self.delimiter or epoch != self.epoch + 1:
            return False
        value = to_float(match.group("num"))
        if value is None:
            return False
        self.epoch = epoch
        self.emit(out, line, float(epoch), {self.name: value})
        return True

    def rewind(self) -> None:
        self.name, self.delimiter, self.epoch, self.over = None, None, -1, False


class NumberedRows(Format):
    id = "numbered_rows"
    title = "Headerless rows of an epoch's number and its value, split by a delimiter (1,0.2103 in train_loss.txt)"
    example = "1,0.2103\\n2,0.0416\\n3,0.0374"
    anchor = (
        rf"^[ \t]*+{_DELIMITER}?+[ \t]*+\d{{1,9}}+[ \t]*+{_DELIMITER}[ \t]*+{FLOAT_WRITTEN}[ \t]*+$"
    )
    parser = NumberedRowsParser
    first_line_only = True
