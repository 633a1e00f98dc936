"""Any other ``name=value`` / ``name: value`` / ``name:value`` log, behind a logging prefix.

Config dumps, argument tables and echoed source code also hold ``name = number`` text, so a line
shape (its tuple of names) only counts as metrics once it repeats: the first occurrences are
held back and released together when the shape is seen for the third time. A shape that shares
a name with an accepted shape is accepted at once.
"""

from __future__ import annotations

import re

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.pairs import pairs
from lossmon.engine.naming import is_metric_name
from lossmon.engine.records import RecordBuilder

# Timestamps, log levels and logger names that precede the message in common Python logging
# formats (see the field guide): removed so that dates and times never become metrics.
_PREFIXES = re.compile(
    r"^(?:"
    r"\[?\d{2,4}[-/]\d{2}[-/]\d{2,4}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]?:?"
    r"|\[?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\]?"
    r"|[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+ +\d+ [^\]]*\]"  # glog
    r"|\[?(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\]?:?"
    r"|\[(?:rank|default|Rank )\d+\]:?"
    r"|[\w.]+:\d+\]"
    r"|[-|]"
    r"|\s+"
    r")+"
)
_LOGGER_NAME = re.compile(r"^(?:[\w.<>]+ - |[\w.<>]+:(?=\w))")
STEP_NAMES = ("step", "global_step", "iteration", "iter", "it", "steps", "update", "num_updates")
REPEATS_TO_ACCEPT = 3


def strip_prefix(text: str) -> str:
    """The message of a log line, without its timestamp, level and logger name."""
    match = _PREFIXES.match(text)
    if match:
        text = text[match.end() :]
        text = _LOGGER_NAME.sub("", text, count=1)
        match = _PREFIXES.match(text)
        if match:
            text = text[match.end() :]
    return text


class KeyValueParser(LineParser):
    def __init__(self, fmt: Format) -> None:
        super().__init__(fmt)
        self._accepted: set[tuple[str, ...]] = set()
        self._accepted_names: set[str] = set()
        self._held: dict[tuple[str, ...], list[tuple[int, float | None, dict[str, float]]]] = {}

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        metrics = pairs(strip_prefix(text))
        step = next((metrics.pop(name) for name in STEP_NAMES if name in metrics), None)
        names = tuple(name for name in metrics if is_metric_name(name))
        if not names or (len(names) < 2 and step is None):
            return False
        if names in self._accepted or self._accepted_names.intersection(names):
            self._accept(names)
            return self.emit(out, line, step, metrics)
        held = self._held.setdefault(names, [])
        held.append((line, step, metrics))
        if len(held) >= REPEATS_TO_ACCEPT:
            self._accept(names)
            for held_line, held_step, held_metrics in self._held.pop(names):
                self.emit(out, held_line, held_step, held_metrics)
        return True

    def _accept(self, names: tuple[str, ...]) -> None:
        if names not in self._accepted:
            self._accepted.add(names)
            self._accepted_names.update(names)


class KeyValue(Format):
    id = "key_value"
    title = "Generic name=value / name: value lines"
    example = "2024-01-01 12:00:00,123 - __main__ - INFO - step=10 loss=0.5123 lr=0.0003"
    anchor = r"(?!)"  # never detected by anchor: it is the fallback for unrecognised lines
    parser = KeyValueParser
