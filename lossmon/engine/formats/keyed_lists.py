"""A dict of per-epoch lists written one key per row: ``pd.Series(history.history).to_csv(path,
header=False)`` or ``csv.writer`` over ``history.items()`` gives ``loss,"[0.449, 0.091, ...]"``, then
``val_loss,"[...]"`` and ``lr,"[...]"``: each row a series named by its key, its values stepped 1, 2, ...
(as the other list formats number them). Read from line 1 only, and only while each row's key names a
loss, a metric or a learning rate and its list holds numbers alone.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.naming import is_metric_name, kind_of
from lossmon.engine.numbers import FLOAT_WRITTEN, written_floats
from lossmon.engine.records import RecordBuilder

# the key, a comma, then the list quoted as one CSV field (its commas are inside the quotes)
_ROW = re.compile(
    rf"[ \t]*+(?P<key>[A-Za-z_][\w./-]{{0,60}}+)[ \t]*+,[ \t]*+\"\[(?P<body>[ \t]*+{FLOAT_WRITTEN}"
    rf"(?:[ \t]*+,[ \t]*+{FLOAT_WRITTEN})*+)[ \t]*+\]\"[ \t]*+\Z"
)
_KINDS = ("loss", "metric", "lr")


def keyed_list(text: str) -> tuple[str, list[float | None]] | None:
    """(key, values) of a row ``key,"[v1, v2, ...]"`` whose key names a loss, metric or lr; else None."""
    match = _ROW.match(text)
    if match is None:
        return None
    key = match.group("key")
    if not is_metric_name(key) or kind_of(key) not in _KINDS:
        return None
    return key, written_floats(text, match.start("body"), match.end("body"))


class KeyedListsParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self.started = False

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        if not self.started and line != 1:
            return False
        found = keyed_list(text)
        if found is None:
            return False
        self.started = True
        self.emit_numbered(out, line, *found)
        return True

    def rewind(self) -> None:
        self.started = False


class KeyedLists(Format):
    id = "keyed_lists"
    title = "A dict of per-epoch lists, one key per row (loss,\"[0.449, 0.091, ...]\")"
    example = 'loss,"[0.4492467674224273, 0.09135947830003241, 0.03718453273177147]"'
    anchor = r'^[ \t]*+[A-Za-z_][\w./-]{0,60}+[ \t]*+,[ \t]*+"\[[ \t]*+[-+]?+(?:\d|\.\d|nan|inf)'
    parser = KeyedListsParser
    first_line_only = True
