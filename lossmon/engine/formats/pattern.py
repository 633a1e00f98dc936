"""``--pattern REGEX``: the user's own regex instead of detection. The named group ``step`` is the
step; every other named group is a metric."""

from __future__ import annotations

import re

from lossmon.engine.errors import LossmonError
from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.numbers import parse_number
from lossmon.engine.records import RecordBuilder


class PatternParser(LineParser):
    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        match = self.format.regex.search(text)
        if match is None:
            return False
        metrics = {}
        for name, token in match.groupdict().items():
            value = parse_number(token) if token is not None else None
            if value is not None:
                metrics[name] = value
        step = metrics.pop("step", None)
        return self.emit(out, line, step, metrics)


class PatternFormat(Format):
    id = "pattern"
    title = "--pattern REGEX (named group step; every other named group is a metric)"
    example = r"--pattern 'it (?P<step>\d+) loss (?P<loss>\S+)'"
    anchor = r"(?!)"
    parser = PatternParser

    def __init__(self, source: str) -> None:
        try:
            self.regex = re.compile(source)
        except re.error as error:
            raise LossmonError(f"--pattern: not a valid regular expression ({error})") from None
        metrics = [name for name in self.regex.groupindex if name != "step"]
        if not metrics:
            raise LossmonError("--pattern: name at least one metric group, e.g. (?P<loss>\\S+)")
        self.source = source

    def recognises(self, text: str) -> bool:
        return self.regex.search(text) is not None


def compile_pattern(source: str) -> PatternFormat:
    """The format for a user regex; raises LossmonError with a one-line reason when it is bad."""
    return PatternFormat(source)
