"""One column of numbers: a file that holds a single metric, one value per line.

Scripts save a loss curve as ``np.savetxt("loss.txt", losses)``, ``f.write(f"{loss}\\n")`` or a
one-column ``DataFrame.to_csv(index=False)``. The name is the header when the file has one
(``loss`` over the values), else the file's own name when it names a metric (``loss.txt``,
``train_loss.csv``, ``val_acc.log``): a bare column in a file named otherwise (``train.txt`` of
sample ids) says nothing about what it counts, and is not read. Found on line 1 only; a line
that is not a bare number goes on to the other formats (a second header where runs were appended,
a note). The step is the value's count (1, 2, ...). A list saved through pandas
(``pd.DataFrame(losses).to_csv("loss.csv")``) names its one column ``0``: that header names
nothing, so the file's name does, and the index pandas wrote before each value is its step.

A file of such lists, one per line, each after the literal that keys it (a grid search's dump:
``[64, 16, [64, 64], 0.01, 1]: 13.32, 7.51, 7.51, ...``, the run's config then its per-epoch
losses), is read the same way: every value of every line, in order, named by the file. The key
must be a bracketed literal, so that a bare row of numbers (an index and a value, a headerless
table) is never taken for a list.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.naming import is_metric_name
from lossmon.engine.numbers import NUMBER, NONFINITE, to_float
from lossmon.engine.records import RecordBuilder

_VALUE_LINE = re.compile(rf"[ \t]*+(?P<num>{NUMBER}|(?i:{NONFINITE}))[ \t]*+\Z")
# One token: "Loss curve" on line 1 of a log is a title, not the name of the values under it.
_NAME_LINE = re.compile(r"[ \t]*+(?P<name>[A-Za-z_][\w/.()-]{0,60}+)[ \t]*+\Z")
# What names a metric, in a header or a file name ("losses.txt", "Train_loss.csv", "val_acc.log").
_METRIC_WORD = re.compile(
    r"loss|acc|error|perplexity|ppl|reward|mse|mae|rmse|bleu|rouge|f1|auc|iou|dice|score|grad_norm|^lr$"
    r"|learning_rate|metric|nll|elbo",
    re.I,
)
_COMPRESSED = (".gz", ".bz2", ".xz", ".zst")
# pandas' header of an unnamed column: alone (index=False), and after the index's empty name.
_UNNAMED_HEADERS = ("0", ",0")
_PLAIN = rf"(?:[-+]?+(?:\d++(?:\.\d*+)?+|\.\d++)(?:[eE][-+]?+\d++)?+|(?i:{NONFINITE}))"
# The values of a keyed list: two or more numbers separated by commas, to the end of the line.
_LIST_VALUES = re.compile(rf"[ \t]*+{_PLAIN}(?:[ \t]*+,[ \t]*+{_PLAIN})++[ \t]*+,?+[ \t]*+\Z")
_LIST_VALUE = re.compile(_PLAIN)
_INDEXED_VALUE_LINE = re.compile(rf"[ \t]*+(?P<index>\d++),(?P<num>{NUMBER}|(?i:{NONFINITE}))[ \t]*+\Z")


def name_from_path(path: str | None) -> str | None:
    """The metric a file's name names (``runs/loss.txt`` → ``loss``), if it names one."""
    if not path or path == "-":
        return None
    name = PurePath(path).name
    for suffix in _COMPRESSED:
        name = name.removesuffix(suffix)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return stem if stem and _METRIC_WORD.search(stem) and is_metric_name(stem) else None


def header_name(text: str) -> str | None:
    """The metric a one-cell header line names, if it names one."""
    match = _NAME_LINE.match(text)
    if match is None:
        return None
    name = match.group("name")
    if not _METRIC_WORD.search(name) or not is_metric_name(name):
        return None
    return name


class ColumnParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.name: str | None = None  # the column's name, once line 1 gave it
        self.over = False  # line 1 named no column: nothing to read
        self.indexed = False  # each value after its row's index (pandas' to_csv)
        self.lists = False  # each line a keyed list of values

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if self.over:
            return False
        if self.name is None:
            if line != 1:
                return False
            self.name = header_name(text)
            if self.name is not None:
                return True
            self.name = name_from_path(self.source)
            if self.name is None:
                self.over = True
                return False
            unnamed = text.strip()
            if unnamed in _UNNAMED_HEADERS:
                self.indexed = unnamed == ",0"
                return True
            self.lists = _keyed_list(text) is not None
            if _VALUE_LINE.match(text) is None and not self.lists:  # a one-word title: no column after all
                self.name, self.over = None, True
                return False
        if self.lists:
            values = _keyed_list(text)
            if values is None:
                return False
            for value in values:
                self.emit(out, line, None, {self.name: value})
            return True
        match = (_INDEXED_VALUE_LINE if self.indexed else _VALUE_LINE).match(text)
        if match is None:
            return False
        value = to_float(match.group("num"))
        if value is None:
            return False
        step, step_span = (float(match.group("index")), match.span("index")) if self.indexed else (None, None)
        self.emit(out, line, step, {self.name: value}, {self.name: match.span("num")}, step_span)
        return True

    def rewind(self) -> None:
        self.name, self.over, self.indexed, self.lists = None, False, False, False


def _keyed_list(text: str) -> list[float] | None:
    """The values of ``[key literal]: v1, v2, ...`` (see the module's docstring), or None."""
    start = len(text) - len(text.lstrip(" \t"))
    if text[start : start + 1] not in ("[", "("):
        return None
    cut = max(text.rfind("]:"), text.rfind("):"))
    if cut < start or _LIST_VALUES.match(text, cut + 2) is None:
        return None
    values = [to_float(match.group()) for match in _LIST_VALUE.finditer(text, cut + 2)]
    return None if any(value is None for value in values) else values


class Column(Format):
    id = "column"
    title = "One column of numbers (a header names it, or the file: loss.txt)"
    example = "loss\\n0.35797476798407574\\n0.3108355691836759"
    anchor = rf"^[ \t]*+(?:{NUMBER}|[A-Za-z_][\w/.()-]{{0,60}}+|,0)[ \t]*+$|^[ \t]*+[\[(](?=.*[\])]:[ \t]*+[-+.\d])"
    parser = ColumnParser
    first_line_only = True
