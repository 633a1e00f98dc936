"""A Julia DataFrame printed to the console (DataFrames.jl 1.x, drawn by PrettyTables.jl), the run's
history kept as a table (issue 12): a header of names after a row-number column, a row of the
columns' types, a rule, then one numbered row per record::

     Row │ epoch  discriminator_loss  generator_loss  fixed_discriminator_loss
         │ Int64  Float64             Float64         Float64
    ─────┼────────────────────────────────────────────────────────────────────
       1 │     1           0.0281722      -0.0159363                 0.015914

- the names come from the header row, never from the type row; the type row says which columns
  hold numbers (``Int64``, ``Float32``, ``Float64?``): a ``DateTime`` or an ``Array…`` column is
  no metric, even where its text holds digits;
- the row number (left of ``│``) is no metric: it steps the rows when no column is a step;
- rules, the ``⋮`` row that stands for omitted rows and the ``N rows omitted`` line are no records.

A header is read only with a metric word among its names: a DataFrame of data (``Row │ SepalLength
SepalWidth ...``) is no run's history. A cell is a column's text: the row is cut where the header's
names start (names are left-aligned, values never start left of their name), or at blanks when
that gives one cell per column.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.numbers import NONFINITE, NUMBER, to_float
from lossmon.engine.records import RecordBuilder

# "Row │" then the names; a name may hold single blanks (columns stand two or more apart)
_HEADER = r"^[ \t]*+Row[ \t]++│[ \t]++[^│\s][^│]*+$"
_HEADER_RE = re.compile(_HEADER)
_CELL = re.compile(r"[^ \t]++(?: [^ \t]++)*+")
_METRIC_WORD = re.compile(r"loss|acc(?:uracy)?(?![a-z])|error|reward|return|score|perplexity|ppl|\bf1\b|\bmse\b|\bmae\b", re.I)
# A type that holds numbers; "?" marks a column that may hold ``missing`` (DataFrames 1.x), older
# releases spelled it "Union{Missing, Float64}"
_NUMERIC_TYPE = re.compile(r"(?:Float|U?Int)\d{0,3}+\??+|Union\{Missing, ?+(?:Float|U?Int)\d{0,3}+\}")
_RULE = re.compile(r"[ \t─━┼┿╋]++")
# Julia writes a Float32's exponent with an f ("7.95775f-5")
_JULIA_NUMBER = re.compile(rf"(?:{NUMBER}|(?i:{NONFINITE}))|[-+]?+\d++(?:\.\d*+)?+f[-+]?+\d++")
_STEP_COLUMNS = ("epoch", "epochs", "step", "steps", "global_step", "iter", "iteration", "iterations")
_OMITTED = "⋮"  # the row that stands for the rows not printed
_MORE_COLUMNS = "⋯"  # the column that stands for the columns not printed


def _number(cell: str) -> float | None:
    """The value of a numeric cell: a plain number, maybe Julia's Float32 spelling; None for
    ``missing`` or anything else. (A table printed into a quoted CSV cell ends in its quote.)"""
    if cell.endswith('"'):
        cell = cell[:-1]
    if not _JULIA_NUMBER.fullmatch(cell):
        return None
    return to_float(cell.replace("f", "e") if "f" in cell and cell[-1].isdigit() else cell)


class DataFrameTableParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._bar: int | None = None  # where the row-number column ends (its "│"), in every line
        self._names: list[str] = []
        self._starts: list[int] = []  # where each name starts, after the bar
        self._numeric: list[bool] = []
        self._step: int | None = None

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if "│" not in text:
            if self._bar is not None and _RULE.fullmatch(text) is None:
                self._bar = None  # the table ended ("987 rows omitted)")
                return False
            return self._bar is not None
        if _HEADER_RE.match(text) is not None:
            return self._header(text)
        bar = self._bar
        if bar is None or text.find("│") != bar:
            self._bar = None
            return False
        number, rest = text[:bar].strip(), text[bar + 1 :]
        if not number:
            self._types(rest)
            return True
        if number == _OMITTED:
            return True
        if not number.isdigit():
            self._bar = None
            return False
        cells = self._cells(rest)
        step = float(number)
        metrics = {}
        for index, (name, cell) in enumerate(zip(self._names, cells)):
            if not self._numeric[index] or name == _MORE_COLUMNS:
                continue
            value = _number(cell)
            if value is None:
                continue
            if index == self._step:
                step = value
            else:
                metrics[name] = value
        self.emit(out, line, step, metrics)
        return True

    def _header(self, text: str) -> bool:
        bar = text.index("│")
        rest = text[bar + 1 :]
        found = list(_CELL.finditer(rest))
        names = [match.group() for match in found]
        if not _METRIC_WORD.search(rest):
            self._bar = None
            return False
        self._bar = bar
        self._names, self._starts = names, [match.start() for match in found]
        self._numeric = [True] * len(names)  # until the type row says otherwise
        lowered = [name.lower() for name in names]
        self._step = next((lowered.index(name) for name in _STEP_COLUMNS if name in lowered), None)
        return True

    def _types(self, rest: str) -> None:
        types = self._cells(rest)
        if len(types) == len(self._names):
            self._numeric = [_NUMERIC_TYPE.fullmatch(kind) is not None for kind in types]

    def _cells(self, rest: str) -> list[str]:
        """The row's text per column: split at blanks when that gives one cell per column, else
        cut where the header's names start."""
        cells = rest.split()
        if len(cells) == len(self._names):
            return cells
        starts = self._starts
        return [rest[start:end].strip() for start, end in zip(starts, [*starts[1:], None])]

    def rewind(self) -> None:
        self._bar = None


class DataFrameTable(Format):
    id = "dataframe_table"
    title = "Julia DataFrame printed: Row │ names, a row of types, then numbered rows"
    example = " Row │ epoch  discriminator_loss  generator_loss  fixed_discriminator_loss"
    anchor = _HEADER
    parser = DataFrameTableParser
    strip_prefix = False  # the row number left of "│" would be taken for a prefix

    def recognises(self, text: str) -> bool:
        return _HEADER_RE.match(text) is not None and _METRIC_WORD.search(text) is not None
