"""A metric's name alone on its line, then its run's values as one list on the next (issue 12, holdout16e).

A script that keeps a list per metric often prints the lists at the end of the run, each under its
name (``print("Training loss"); print(train_losses)``, ``print("Validation Loss");
print(history.history['val_loss'])``), sometimes with a rule between them:

    Training loss
    [0.689244130771318, 0.686096156071759, 0.683946813651902, ...]

The list is Python's repr (values between commas), numpy's (between blanks, wrapped over several
lines, the last one closing the bracket) or numpy 2's list of scalars (``[np.float64(0.69), ...]``).
The name line is read as a name only when it is short, of a few words, and names a loss, a metric
or a learning rate (a list of predictions or of times under its title is no series); the list only
on the very next line (rules aside), every item a number, two or more of them. Each value is a
point of its own, stepped by its number in the list, as the other printed lists are
(:mod:`~lossmon.engine.formats.value_lists`).
"""

from __future__ import annotations

import ast
import math
import re

from lossmon.engine.naming import is_metric_name, kind_of
from lossmon.engine.numbers import to_float

MAX_NAME_LENGTH = 60
MIN_LIST_VALUES = 2  # one value is a summary, not a run
# A few words, the first from a letter. No colon after them: "LOSS:" alone is a section of a dumped
# configuration (yacs, YAML), and the line under it a setting ("  BALANCE_WEIGHTS: [0.4, 1.0]",
# whose key may be cut off with the logging prefixes before the line gets here).
_NAME = re.compile(r"[ \t]*+([A-Za-z][\w./-]*+(?:[ \t]++[A-Za-z(][\w./()-]*+){0,2}+)[ \t]*+")
_RULE = re.compile(r"[ \t]*+[-=*#~_]{3,}+[ \t]*+")
_NUMBER = re.compile(r"[-+]?+(?:\d++(?:\.\d*+)?+|\.\d++)(?:[eE][-+]?+\d++)?+|[-+]?+(?i:nan|inf)")
_SCALAR = re.compile(r"(?:np|numpy)\.float(?:16|32|64)\(([^()]{1,40}+)\)")
_SEPARATORS = re.compile(r"[,\s]++")
_NAMED_KINDS = frozenset(("loss", "metric", "lr"))


def list_name(text: str) -> str | None:
    """The metric a line names when it is nothing but the name, else None."""
    if len(text) > MAX_NAME_LENGTH:
        return None
    match = _NAME.fullmatch(text)
    if match is None:
        return None
    name = match.group(1)
    return name if is_metric_name(name) and kind_of(name) in _NAMED_KINDS else None


def list_values(body: str) -> list[float] | None:
    """The numbers of a piece of a list (the text between its brackets, or a wrapped line of it),
    or None when an item is no number."""
    values = []
    for item in _SEPARATORS.split(body.strip(" \t,")):
        if not item:
            continue
        scalar = _SCALAR.fullmatch(item)
        if scalar is not None:
            item = scalar.group(1)
        if _NUMBER.fullmatch(item) is None:
            return None
        value = to_float(item)
        if value is None:
            return None
        values.append(value)
    return values


# The same on one line, the name then a colon ("loss_log: [tensor(2.4031, grad_fn=<AddBackward0>),
# tensor(1.7779, ...), ...]", a script printing each of its per-step lists as f"{name}: {values}"):
# every item a number or a scalar's repr (torch's tensor with its grad_fn, numpy's float), at least
# MIN_SAME_LINE_VALUES of them (two or three numbers in brackets are as often one vector).
MIN_SAME_LINE_VALUES = 4
_SAME_LINE = re.compile(r"[ \t]*+([A-Za-z][\w./-]{0,60}+(?:[ \t][A-Za-z(][\w./()-]{0,30}+){0,2}+)[ \t]*+:[ \t]*+\[(.*)\][ \t]*+")
_ITEM = re.compile(
    rf"[ \t]*+(?:(?:tensor|(?:np|numpy)\.float(?:16|32|64))\([ \t]*+({_NUMBER.pattern})(?:,[ \t]*+[\w.=<>'\":]++)*+[ \t]*+\)|({_NUMBER.pattern}))[ \t]*+(?:,|\Z)"
)


def same_line_list(text: str, read: dict[str, tuple[int, float]]) -> tuple[str, list[float], int] | None:
    """(name, the values not read yet, how many were) of ``name: [v1, v2, ...]`` on one line (see
    _SAME_LINE), else None. ``read`` (the caller's state: name -> values read, first value) tells a
    list printed again as the history so far (its first value the same, longer): only its new values
    are new points (a notebook printing "Validation loss:  [0.0757, 0.0454, ...]" every epoch)."""
    match = _SAME_LINE.fullmatch(text)
    if match is None:
        return None
    name, body = match.group(1), match.group(2)
    if not (is_metric_name(name) and kind_of(name) in _NAMED_KINDS):
        return None
    values, at = [], 0
    while at < len(body):
        item = _ITEM.match(body, at)
        if item is None or item.end() == at:
            return None
        value = to_float(item.group(1) or item.group(2))
        if value is None:
            return None
        values.append(value)
        at = item.end()
    if not values:
        return None
    count, first = read.get(name, (0, math.nan))
    if count and values[0] == first and len(values) > count:
        read[name] = (len(values), first)
        return name, values[count:], count  # the history again, one epoch longer
    if len(values) < MIN_SAME_LINE_VALUES:
        return None
    read[name] = (len(values), values[0])
    return name, values, 0


class NamedLists:
    """The state of one log's reader: the name waiting for its list, and the list being read."""

    def __init__(self) -> None:
        self._name: str | None = None  # the name of the last name line, or of the open list
        self._line = 0  # the line it was seen at (or the list's last line)
        self._open = False  # a wrapped list is being read: its name's values continue
        self._count = 0  # values of the open list so far

    def read(self, parser, text: str, line: int, out) -> bool:
        """Read a line no pair was found in: True when it was (part of) a named list, whose values
        ``parser`` adds to ``out``; a name line is remembered (it stays the parser's to read)."""
        name, after = self._name, line == self._line + 1
        self._name = None
        if name is not None and after:
            stripped = text.strip()
            if self._open:
                closed = stripped.endswith("]")
                values = list_values(stripped[:-1] if closed else stripped)
                if values is not None and (values or closed):
                    self._count = parser.emit_numbered(out, line, name, values, self._count)
                    if not closed:
                        self._name, self._line = name, line
                    self._open = not closed
                    return True
            elif stripped.startswith("["):
                closed = stripped.endswith("]")
                values = list_values(stripped[1:-1] if closed else stripped[1:])
                if values is not None and len(values) >= MIN_LIST_VALUES:
                    self._count = parser.emit_numbered(out, line, name, values)
                    self._open = not closed
                    if not closed:
                        self._name, self._line = name, line
                    return True
            elif _RULE.fullmatch(text) is not None:  # ("Loss", "=" * 70, then the list)
                self._name, self._line = name, line
                return False
        self._open = False
        found = list_name(text)
        if found is not None:
            self._name, self._line = found, line
        return False


# A dict of lists printed as Python writes it ("print(history.history)"): single quotes, maybe numpy
# 2's scalars. Longer texts are no printed history (and literal_eval's cost grows with them).
MAX_PRINTED_DICT = 1 << 20
_PRINTED_DICT = re.compile(r"[ \t]*+\{'[^']{1,60}+':[ \t]*+\[")


def printed_dict(text: str) -> dict | None:
    """The dict of ``{'loss': [0.69, 0.52, ...], 'val_loss': [...]}`` on one line (Python's repr of
    a Keras ``history.history`` or a script's dict of lists), else None. Read with
    ``ast.literal_eval``: literals only, never code."""
    if len(text) > MAX_PRINTED_DICT or _PRINTED_DICT.match(text) is None:
        return None
    if "np." in text or "numpy." in text:
        text = _SCALAR.sub(r"\1", text)
    try:
        value = ast.literal_eval(text.strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return value if isinstance(value, dict) else None

