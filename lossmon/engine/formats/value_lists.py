"""Lists of a run's values printed by a script, in a file named by the metric they hold.

A bare list: the values of a run joined by commas on one line, without the brackets a list's repr
has (``f.write(", ".join(map(str, losses)))``, ``str(losses)[1:-1]``): "1.0987823, 1.0984418,
1.0986153, ..." in train_loss.txt. A headerless table's row looks the same, a few values of as
many columns ("0.52, 0.61, 0.9" per epoch): a list is read only where line 1 holds more values
than a table of one metric's file has columns (MIN_BARE_VALUES), every one written as a float
(a point or an exponent: no counter or index among them). Each line of the kind goes on with the
series; its step is the value's count.

Split lists: a line per run and split, a few fields that key it then the split's per-epoch list
(``f.write(f"{dataset}, {seed}, {split}, {losses}\\n")``: "IMDB-MULTI, 1314, train, [10.33, 1.56,
...]"), exactly one field a split's word. In a file named by a loss (losses.txt) the word alone
names that split's loss, as "train 3.45 val 3.43" does; in one named by another metric it
qualifies it (``train_acc``). Each list is a run of its own: its steps start again at 1.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.column import name_from_path
from lossmon.engine.naming import kind_of, split_of
from lossmon.engine.numbers import FLOAT_WRITTEN, written_floats
from lossmon.engine.records import RecordBuilder

# A table of one metric's file (per-class or per-term losses of an epoch) has a few columns; a run's
# printed list has a value per epoch or step.
MIN_BARE_VALUES = 8
_BARE_LIST = re.compile(
    rf"[ \t]*+{FLOAT_WRITTEN}(?:[ \t]*+,[ \t]*+{FLOAT_WRITTEN}){{{MIN_BARE_VALUES - 1},}}+[ \t]*+,?+[ \t]*+\Z"
)
# Further lines of a bare list: any number of values (a last, shorter line of a wrapped list).
_MORE_VALUES = re.compile(rf"[ \t]*+{FLOAT_WRITTEN}(?:[ \t]*+,[ \t]*+{FLOAT_WRITTEN})*+[ \t]*+,?+[ \t]*+\Z")


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
        self._x = self.emit_numbered(out, line, self.name, written_floats(text), self._x)
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


_SPLIT_WORDS = frozenset("train training val valid validation eval dev test".split())
# A few fields, none a list, each up to a comma, the first from a word's character (a comment or a
# logger's mark before it is no key); then the list, to the end of the line.
_KEYS = r"\w[^,\[\]\n]{0,59}+,[ \t]*+(?:[^,\[\]\n]{1,60}+,[ \t]*+){0,7}+"
_KEYED = re.compile(rf"[ \t]*+(?P<keys>{_KEYS})\[(?P<body>[^\]]*+)\][ \t]*+\Z")
_LIST_BODY = re.compile(rf"[ \t]*+{FLOAT_WRITTEN}(?:[ \t]*+,[ \t]*+{FLOAT_WRITTEN})*+[ \t]*+\Z")


def split_list(text: str) -> tuple[str, list[float]] | None:
    """(the split's word, the list's values) of a split list's line, or None."""
    match = _KEYED.match(text)
    if match is None or _LIST_BODY.match(text, match.start("body"), match.end("body")) is None:
        return None
    words = [key.strip() for key in match.group("keys").split(",") if key.strip().lower() in _SPLIT_WORDS]
    if len(words) != 1:
        return None
    return words[0], written_floats(text, match.start("body"), match.end("body"))


class SplitListsParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.metric: str | None = None  # what the file's name names, once line 1 was read
        self.over = False

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if self.over or (self.metric is None and line != 1):
            return False
        found = split_list(text)
        if self.metric is None:
            self.metric = name_from_path(self.source) if found is not None else None
            if self.metric is None:
                self.over = True
                return False
        if found is None:
            return False
        word, values = found
        loss = kind_of(self.metric) == "loss"
        name = word if loss else f"{word}_{self.metric}"
        out.set_attrs(name, split=split_of(word), **({"kind": "loss"} if loss else {}))
        self.emit_numbered(out, line, name, values)
        return True

    def rewind(self) -> None:
        self.metric, self.over = None, False


class SplitLists(Format):
    id = "split_lists"
    title = "A split's list of values after the fields that key its run (IMDB-MULTI, 1314, train, [10.33, ...])"
    example = "IMDB-MULTI, 1314, train, [10.33317124427311, 1.5669874198853024, 1.2004867190406436]"
    anchor = rf"^[ \t]*+{_KEYS}\[[ \t]*+[-+]?+(?:\d|\.\d)"
    parser = SplitListsParser
    first_line_only = True
