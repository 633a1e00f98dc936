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

import numpy as np

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.naming import is_metric_name
from lossmon.engine.numbers import FLOAT_WRITTEN, NONFINITE, NUMBER, SCALAR_REPR, to_float
from lossmon.engine.records import RecordBuilder

_VALUE_LINE = re.compile(rf"[ \t]*+(?P<num>{NUMBER}|(?i:{NONFINITE}))[ \t]*+\Z")
# A scalar's repr alone on its line, as print(loss) or f.write(str(loss)) writes a framework's scalar:
# "tf.Tensor(0.8734007, shape=(), dtype=float32)", "tensor(0.5210, device='cuda:0')", "np.float64(0.52)".
_SCALAR_LINE = re.compile(
    rf"[ \t]*+{SCALAR_REPR}[ \t]*+(?P<num>{NUMBER}|(?i:{NONFINITE}))[ \t]*+\]?+(?:,[^\r\n]{{0,120}}?)?\)[ \t]*+\Z"
)
# One token, or up to three words of a name that ends in a metric's noun ("Train Loss", "Val
# Accuracy", as a one-column CSV's header): "Loss curve" on line 1 of a log is a title, not the name
# of the values under it.
_NAME_LINE = re.compile(r"[ \t]*+(?P<name>[A-Za-z_][\w/.()-]{0,60}+(?: [A-Za-z_][\w/.()-]{0,30}+){0,2}+)[ \t]*+\Z")
_NAME_NOUN = re.compile(r"(?i:loss|acc|accuracy|error|perplexity|ppl|reward|mse|mae|rmse|score|f1|auc|iou|dice)\Z")
# What names a metric, in a header or a file name ("losses.txt", "Train_loss.csv", "val_acc.log").
_METRIC_WORD = re.compile(
    r"loss|acc|error|perplexity|ppl|reward|mse|mae|rmse|bleu|rouge|f1|auc|iou|dice|score|grad_norm|^lr$"
    r"|learning_rate|metric|nll|elbo",
    re.I,
)
_COMPRESSED = (".gz", ".bz2", ".xz", ".zst")
# pandas' header of an unnamed column: alone (index=False), and after the index's empty name.
_UNNAMED_HEADERS = ("0", ",0", ",0,1")
_PLAIN = rf"(?:[-+]?+(?:\d++(?:\.\d*+)?+|\.\d++)(?:[eE][-+]?+\d++)?+|(?i:{NONFINITE}))"
# The values of a keyed list: two or more numbers separated by commas, to the end of the line.
_LIST_VALUES = re.compile(rf"[ \t]*+{_PLAIN}(?:[ \t]*+,[ \t]*+{_PLAIN})++[ \t]*+,?+[ \t]*+\Z")
_LIST_VALUE = re.compile(_PLAIN)
_INDEXED_VALUE_LINE = re.compile(rf"[ \t]*+(?P<index>\d++),(?P<num>{NUMBER}|(?i:{NONFINITE}))[ \t]*+\Z")
# pandas' to_csv of (step, value) pairs: "0,540,0.1228" under ",0,1", the row's number, then the step
_PAIRED_VALUE_LINE = re.compile(
    rf"[ \t]*+\d++,(?P<index>\d++)(?:\.0++)?+,(?P<num>{NUMBER}|(?i:{NONFINITE}))[ \t]*+\Z"
)
# An epoch's number, then its value, in a file named by its metric: "0001-64.5714" (f.write(f"{epoch:04d}-
# {loss:.4f}")), "3: 0.52", "3 0.52", or after the word that says what it counts ("Epoch 3: 0.52" in
# epoch_losses.txt). A dash glued to the index separates; after a blank it is the value's sign
# ("3 -0.52"). (A comma makes a headerless CSV row, which the tables read or leave.) The epoch may be
# a whole number written as a float, as a Trainer's state keeps it ("1.0: 5.0878").
_COUNTED = r"(?i:epoch|step|iter(?:ation)?+)[ \t]*+"
_INDEX = r"\d++(?:\.0++)?+"
_NUMBERED = (
    rf"[ \t]*+(?:{_COUNTED})?+(?P<index>{_INDEX})(?:-|[ \t]*+:[ \t]*+|[ \t]++)(?P<num>{NUMBER}|(?i:{NONFINITE}))[ \t]*+"
)
_NUMBERED_VALUE_LINE = re.compile(rf"{_NUMBERED}\Z")
# ... or the value first, then its step ("1.0218862 0", "0.5186956 100": a tf.estimator's "loss = ..,
# step = .." lines cut down to their numbers): the value written with a point, the step a count
_STEPPED_VALUE_LINE = re.compile(rf"[ \t]*+(?P<num>{FLOAT_WRITTEN})[ \t]++(?P<index>\d++)[ \t]*+\Z")


def name_from_path(path: str | None) -> str | None:
    """The metric a file's name names (``runs/loss.txt`` → ``loss``), if it names one."""
    if not path or path == "-":
        return None
    name = PurePath(path).name
    for suffix in _COMPRESSED:
        name = name.removesuffix(suffix)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if not (stem and _METRIC_WORD.search(stem) and is_metric_name(stem)):
        return None
    # "loss_history.txt", "val_loss_log.csv", "reward_curve.npy.txt": what the file holds of the metric
    plain = _HOLDER_SUFFIX.sub("", stem)
    return plain if plain != stem and _METRIC_WORD.search(plain) and is_metric_name(plain) else stem


_HOLDER_SUFFIX = re.compile(r"[_.\- ](?i:history|hist|log|logs|curve|curves|values|list|record|records)\Z")


def header_name(text: str) -> str | None:
    """The metric a one-cell header line names, if it names one."""
    match = _NAME_LINE.match(text)
    if match is None:
        return None
    name = match.group("name")
    if not _METRIC_WORD.search(name) or not is_metric_name(name):
        return None
    if " " in name and _NAME_NOUN.search(name) is None:
        return None  # words that do not end in the metric's noun: a title
    return name


class ColumnParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.name: str | None = None  # the column's name, once line 1 gave it
        self.over = False  # line 1 named no column: nothing to read
        self.indexed = False  # each value after its row's index (pandas' to_csv)
        self.paired = False  # each value after its row's index and its step (pandas' to_csv of pairs)
        self.lists = False  # each line a keyed list of values
        self.numbered = False  # each value after its epoch's number ("0001-64.5714")
        self.stepped = False  # each value before its step ("0.5186956 100")
        self.wrapped = False  # each value inside a scalar's repr ("tf.Tensor(0.87, shape=(), ...)")

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
                self.paired = unnamed == ",0,1"
                return True
            self.lists = _keyed_list(text) is not None
            self.numbered = not self.lists and _VALUE_LINE.match(text) is None and _NUMBERED_VALUE_LINE.match(text) is not None
            bare = _VALUE_LINE.match(text) is not None
            self.stepped = not (bare or self.lists or self.numbered) and _STEPPED_VALUE_LINE.match(text) is not None
            self.wrapped = not (bare or self.lists or self.numbered or self.stepped) and _SCALAR_LINE.match(text) is not None
            if not (bare or self.lists or self.numbered or self.stepped or self.wrapped):  # a one-word title: no column after all
                self.name, self.over = None, True
                return False
        if self.lists:
            values = _keyed_list(text)
            if values is None:
                return False
            for value in values:
                self.emit(out, line, None, {self.name: value})
            return True
        pattern = (
            _INDEXED_VALUE_LINE if self.indexed else _PAIRED_VALUE_LINE if self.paired
            else _NUMBERED_VALUE_LINE if self.numbered else _STEPPED_VALUE_LINE if self.stepped
            else _SCALAR_LINE if self.wrapped else _VALUE_LINE
        )
        match = pattern.match(text)
        if match is None:
            return False
        value = to_float(match.group("num"))
        if value is None:
            return False
        numbered = self.indexed or self.paired or self.numbered or self.stepped
        step, step_span = (float(match.group("index")), match.span("index")) if numbered else (None, None)
        self.emit(out, line, step, {self.name: value}, {self.name: match.span("num")}, step_span)
        return True

    def rewind(self) -> None:
        self.name, self.over, self.indexed, self.lists, self.numbered = None, False, False, False, False
        self.wrapped = self.paired = False


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
    anchor = (
        rf"^[ \t]*+(?:{NUMBER}|[A-Za-z_][\w/.()-]{{0,60}}+(?: [A-Za-z_][\w/.()-]{{0,30}}+){{0,2}}+|,0(?:,1)?+)[ \t]*+$"
        rf"|^[ \t]*+[\[(](?=.*[\])]:[ \t]*+[-+.\d])"
        rf"|^[ \t]*+(?:{_COUNTED})?+{_INDEX}(?:-|[ \t]*+:[ \t]*+|[ \t]++)(?:{NUMBER}|(?i:{NONFINITE}))[ \t]*+$"  # (_NUMBERED, unnamed)
        rf"|^[ \t]*+{SCALAR_REPR}[ \t]*+[-+.\d]"  # (_SCALAR_LINE)
        rf"|^[ \t]*+{FLOAT_WRITTEN}[ \t]++\d++[ \t]*+$"  # (_STEPPED_VALUE_LINE)
    )
    parser = ColumnParser
    first_line_only = True


# Arrays of values written as a script's source (a run's losses pasted or printed with numpy's
# repr): "no_decay = [2.024658908843994354e+00, 1.699943664073944039e+00, ...", a value list that
# spans lines, "]" or "# ]" closing it, then more arrays, named ("decay_point9 = [") or not ("# [").
# A value may be quoted, as Python prints a list of strings ("['0.7705', '0.5631', ...").
_ARRAY_OPENING = re.compile(r"[ \t]*+(?:#[ \t]*+)?+(?:(?P<name>[A-Za-z_]\w{0,60}+)[ \t]*+=[ \t]*+)?+\[")
_ARRAY_CLOSING = re.compile(r"\][ \t]*+[,;]?+[ \t]*+\Z")
_ARRAY_VALUE = re.compile(rf"[ \t]*+(?:{NUMBER}|(?i:{NONFINITE}))[ \t]*+\Z")
_COMMENT_MARK = re.compile(r"[ \t]*+#[ \t]*+")


class ValueArraysParser(LineParser):
    """Each value of every array is a point of one series (the arrays are runs of the metric the
    file holds): named by the file (``loss_history.txt`` holds ``loss``), else by the first array's
    name. A new array starts its run again at step 1. A line that is not part of such an array goes
    on to the other formats."""

    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.name: str | None = None
        self.over = False
        self._x = 0  # values of the current array so far

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if self.over or (self.name is None and line != 1):
            return False
        body = text
        opening = _ARRAY_OPENING.match(body)
        if opening is not None:
            if self.name is None:
                self.name = name_from_path(self.source) or opening.group("name")
                if self.name is None or not is_metric_name(self.name):
                    self.name, self.over = None, True
                    return False
            body = body[opening.end() :]
        elif self.name is None:
            self.over = True
            return False
        else:
            comment = _COMMENT_MARK.match(body)
            if comment is not None:
                body = body[comment.end() :]
        closing = _ARRAY_CLOSING.search(body)
        if closing is not None:
            body = body[: closing.start()]
        values = []
        for token in body.split(","):
            if not token or token.isspace():
                continue
            token = _unquoted(token)
            if _ARRAY_VALUE.match(token) is None:
                if line == 1:
                    self.name, self.over = None, True
                return False
            values.append(to_float(token))
        if opening is not None:
            self._x = 0
        self._x = self.emit_numbered(out, line, self.name, values, self._x)
        return True

    def rewind(self) -> None:
        self.name, self.over, self._x = None, False, 0


def _unquoted(token: str) -> str:
    """A value printed as a string in a list of strings (``['0.7705', '0.5631']``: losses kept as
    the text they were read from) is the number inside its pair of quotes."""
    inner = token.strip(" \t")
    if len(inner) > 2 and inner[0] in "'\"" and inner[-1] == inner[0]:
        return inner[1:-1]
    return token


class ValueArrays(Format):
    id = "value_arrays"
    title = "Arrays of values in a script's syntax (name = [v1, v2, ...), one run each"
    example = "no_decay = [2.024658908843994354e+00, 1.699943664073944039e+00,"
    # (possessive: a number's characters, then the comma after it; the parser checks each value)
    anchor = r"^[ \t]*+(?:[A-Za-z_]\w{0,60}+[ \t]*+=[ \t]*+)?+\[[ \t]*+['\"]?+[-+]?+(?:\d|\.\d)[\d.eE+-]*+['\"]?+[ \t]*+,"
    parser = ValueArraysParser
    first_line_only = True


# Values written back to back with no separator: ``f.write(str(loss))`` in a loop that forgot the
# newline, "14.23366069793701213.96943664550781213.59664249420166...". Each value holds one ".", so
# a value ends somewhere in the digits between two dots; the split is read only where exactly one
# holds: every piece is the shortest text of its number, as Python prints a float (repr), and a
# number a float32 tensor holds (loss.item() of a float32 loss), which fixes where each ends.
# (A run of digits between two dots is one value's decimals and the next one's integer part.)
_GLUED_LINE = re.compile(r"[ \t]*+(?P<body>\d++\.\d++(?:\.\d++|[eE][-+]\d++)++)[ \t]*+\Z")
_MAX_INTEGER_DIGITS = 6
_MAX_PIECE_AFTER_DOT = 24  # 17 significant digits and an exponent


def _float32_repr(text: str) -> float | None:
    """The value of ``text`` when it is exactly what Python prints for a float32's value."""
    if len(text) > 1 and text[0] == "0" and text[1] != ".":
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if repr(value) == text and float(np.float32(value)) == value else None


def split_run_on_values(body: str) -> list[float] | None:
    """The values of a run of float reprs written back to back (see _GLUED_LINE), or None when no
    split, or more than one, makes every piece a float32's repr. Linear in the text: a bounded
    number of cuts is tried between two dots."""
    dots = [k for k, char in enumerate(body) if char == "."]
    reach: list[dict[int, tuple[int, float]]] = []  # per value: its end → (its start, its value)
    starts = {0: 1}  # where the value may start → in how many ways
    for k, dot in enumerate(dots):
        last = k + 1 == len(dots)
        if last:
            ends = [len(body)]
        else:
            following = dots[k + 1]
            ends = range(max(dot + 2, following - _MAX_INTEGER_DIGITS), min(following, dot + _MAX_PIECE_AFTER_DOT + 1))
        ways: dict[int, int] = {}
        cuts: dict[int, tuple[int, float]] = {}
        for start, count in starts.items():
            for end in ends:
                if not last and not body[end].isdigit():
                    continue
                value = _float32_repr(body[start:end])
                if value is not None:
                    ways[end] = ways.get(end, 0) + count
                    cuts[end] = (start, value)
        if not ways:
            return None
        reach.append(cuts)
        starts = ways
    if starts.get(len(body)) != 1 or any(count != 1 for count in starts.values()):
        return None
    values = []
    end = len(body)
    for cuts in reversed(reach):
        start, value = cuts[end]
        values.append(value)
        end = start
    values.reverse()
    return values


class GluedValuesParser(LineParser):
    """A file named for a metric whose line is values written back to back: one point each, at
    steps 1, 2, ... Any other line goes on to the other formats."""

    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._x = 0

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        name = name_from_path(self.source)
        match = _GLUED_LINE.match(text) if name is not None else None
        values = split_run_on_values(match.group("body")) if match is not None and match.group("body").count(".") > 1 else None
        if values is None:
            return False
        for value in values:
            self._x += 1
            self.emit(out, line, float(self._x), {name: value})
        return True

    def rewind(self) -> None:
        self._x = 0


class GluedValues(Format):
    id = "glued_values"
    title = "Float values written back to back with no separator (f.write(str(loss)) with no newline)"
    example = "14.23366069793701213.96943664550781213.5966424942016612.682472229003906"
    anchor = r"^[ \t]*+\d++\.\d++(?:[eE][-+]\d++)?+\.\d"
    parser = GluedValuesParser
    first_line_only = True
