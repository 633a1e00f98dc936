"""A table whose columns are the passes and whose rows are the metrics: AllenNLP's trainer prints
one per epoch (its ``_metrics_to_console``), after its logging prefix:

                 Training |  Validation
    loss     |     2.876  |     2.958
    accuracy |     0.111  |     0.000
    gpu_0_memory_MB |    10.000  |       N/A

The header names no metric, the rows name no pass: only together do they say that 2.958 is the
validation loss. A table is one record, added when a line that is none of its rows comes (or at
the end), at a step that counts the tables (one per epoch). The training column keeps the row's
name, another pass's column is named by it (``Validation/loss``). ``N/A`` is a pass that did not
compute that metric. Copies of the layout outside AllenNLP are read alike: an empty first cell
between pipes (``|           |  Training |  Validation |``), markdown rows and rules.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.pairs import HELD_OUT_WORDS
from lossmon.engine.formats.tags import renamed, tag_prefix
from lossmon.engine.numbers import parse_number
from lossmon.engine.records import RecordBuilder

# A pass's name: pairs' held-out words, the training pass's, and "vali" (a cut "validation")
_PASS_WORDS = HELD_OUT_WORDS | {"training", "train", "vali"}
_PASS = rf"(?i:{'|'.join(sorted(_PASS_WORDS, key=lambda word: (-len(word), word)))})(?![A-Za-z])"
# Two or more passes between pipes, after an empty corner cell or none; nothing else on the line.
_HEADER = rf"^[ \t]*+(?:\|[ \t]*+){{0,2}}+{_PASS}(?:[ \t]*+\|[ \t]*+{_PASS})++[ \t]*+\|?+[ \t]*+$"
_HEADER_RE = re.compile(_HEADER)
_PASS_RE = re.compile(_PASS)
# A row: a metric's name, then its cells between pipes (a number or "N/A" each).
_ROW = re.compile(r"^[ \t]*+\|?+[ \t]*+(?P<name>[A-Za-z_][\w./()@-]*+)[ \t]*+(?P<cells>(?:\|[ \t]*+[^|\s]++[ \t]*+)++)\|?+[ \t]*+$")
# A markdown rule between the header and the rows ("|-----------|-----------|")
_RULE = re.compile(r"[ \t]*+\|?+(?:[ \t]*+:?+-{3,}+:?+[ \t]*+\|?+)++[ \t]*+")
_MISSING = frozenset(("N/A", "n/a", "NA", "-", "None"))
MAX_PASSES = 8  # columns of a header; more is no table of passes
MAX_METRICS = 4096  # values one table keeps (a bound: a hostile table may never end)


def passes(text: str) -> list[str] | None:
    """The passes a header names, in order, or None when the line is no such header."""
    if _HEADER_RE.match(text) is None:
        return None
    found = [cell.strip() for cell in text.split("|") if cell.strip()]
    if len(found) > MAX_PASSES or not all(_PASS_RE.fullmatch(cell) for cell in found):
        return None
    return found


class PassColumnsParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._prefixes: list[str] | None = None  # per column: "" for training, else "Validation/"
        self._pending: dict[str, float] = {}
        self._first_line = 0
        self._tables = 0

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        found = passes(text) if "|" in text else None
        if found is not None:
            self._flush(out)
            self._prefixes = [tag_prefix(name) or "" for name in found]
            self._tables += 1
            return True
        if self._prefixes is None:
            return False
        row = _ROW.match(text)
        values = self._values(row.group("cells")) if row is not None else None
        if values is None:
            if not self._pending and _RULE.fullmatch(text):
                return True  # a markdown table's rule under its header
            self._flush(out)
            self._prefixes = None  # the table ended: rows of pipes after it are another table's
            return False
        if not self._pending:
            self._first_line = line
        name = row.group("name")
        for prefix, value in zip(self._prefixes, values):
            if value is not None and len(self._pending) < MAX_METRICS:
                self._pending.setdefault(renamed(prefix, name) if prefix else name, value)
        return True

    def _values(self, cells: str) -> list[float | None] | None:
        """A row's values, one per pass (None for "N/A"), or None when the cells are no row of
        this table (another count of cells, a word)."""
        parts = [cell.strip() for cell in cells.split("|")[1:]]
        if len(parts) != len(self._prefixes):
            return None
        values: list[float | None] = []
        for part in parts:
            if part in _MISSING:
                values.append(None)
                continue
            value = parse_number(part)
            if value is None:
                return None
            values.append(value)
        return values

    def _flush(self, out: RecordBuilder) -> None:
        if self._pending:
            metrics, self._pending = self._pending, {}
            self.emit(out, self._first_line, float(self._tables), metrics)

    def finish(self, out: RecordBuilder) -> None:
        self._flush(out)

    def rewind(self) -> None:
        self._prefixes, self._pending, self._tables = None, {}, 0


class PassColumns(Format):
    id = "pass_columns"
    title = "Table with a column per pass and a row per metric (AllenNLP's Training | Validation)"
    example = "             Training |  Validation"
    anchor = _HEADER
    parser = PassColumnsParser

    def recognises(self, text: str) -> bool:
        return passes(text) is not None
