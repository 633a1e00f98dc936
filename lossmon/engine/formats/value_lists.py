"""A list of a run's values printed by a script, in a file named by the metric it holds.

A bare list: the values of a run joined by commas on one line, without the brackets a list's repr
has (``f.write(", ".join(map(str, losses)))``, ``str(losses)[1:-1]``): "1.0987823, 1.0984418,
1.0986153, ..." in train_loss.txt. A headerless table's row looks the same, a few values of as
many columns ("0.52, 0.61, 0.9" per epoch): a list is read only where line 1 holds more values
than a table of one metric's file has columns (MIN_BARE_VALUES), every one written as a float
(a point or an exponent: no counter or index among them). Each line of the kind goes on with the
series; its step is the value's count.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.column import name_from_path
from lossmon.engine.numbers import NONFINITE, to_float
from lossmon.engine.records import RecordBuilder

# A value written as a float: a point or an exponent (str() of a Python or numpy float).
_FLOAT = rf"(?:[-+]?+(?:\d++\.\d*+|\.\d++)(?:[eE][-+]?+\d++)?+|[-+]?+\d++[eE][-+]?+\d++|(?i:{NONFINITE}))"
_VALUE = re.compile(_FLOAT)
# A table of one metric's file (per-class or per-term losses of an epoch) has a few columns; a run's
# printed list has a value per epoch or step.
MIN_BARE_VALUES = 8
_BARE_LIST = re.compile(
    rf"[ \t]*+{_FLOAT}(?:[ \t]*+,[ \t]*+{_FLOAT}){{{MIN_BARE_VALUES - 1},}}+[ \t]*+,?+[ \t]*+\Z"
)
# Further lines of a bare list: any number of values (a last, shorter line of a wrapped list).
_MORE_VALUES = re.compile(rf"[ \t]*+{_FLOAT}(?:[ \t]*+,[ \t]*+{_FLOAT})*+[ \t]*+,?+[ \t]*+\Z")


def _values(text: str, start: int = 0, end: int | None = None) -> list[float]:
    return [to_float(match.group()) for match in _VALUE.finditer(text, start, len(text) if end is None else end)]


class BareValueListParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.name: str | None = None  # the metric the file's name names, once line 1 was read
        self.over = False  # line 1 was no list of this format
        self._x = 0  # values read so far

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if self.over or (self.name is None and line != 1):
            return False
        if self.name is None:
            self.name = name_from_path(self.source) if _BARE_LIST.match(text) is not None else None
            if self.name is None:
                self.over = True
                return False
        elif _MORE_VALUES.match(text) is None:
            return False
        for value in _values(text):
            self._x += 1
            if value is not None:
                self.emit(out, line, float(self._x), {self.name: value})
        return True

    def rewind(self) -> None:
        self.name, self.over, self._x = None, False, 0


class BareValueList(Format):
    id = "bare_value_list"
    title = "A run's values joined by commas, no brackets, in a file named by the metric (1.0987, 1.0984, ...)"
    example = "1.0987823, 1.0984418, 1.0986153, 1.0986036, 1.1045043, 1.0983193, 1.0986173, 1.09862"
    anchor = rf"^{_BARE_LIST.pattern.removesuffix(chr(92) + 'Z')}$"
    parser = BareValueListParser
    first_line_only = True

