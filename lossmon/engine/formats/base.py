"""The two small classes every log format implements."""

from __future__ import annotations

import re
from typing import ClassVar

from lossmon.engine.naming import is_metric_name
from lossmon.engine.records import RecordBuilder


class LineParser:
    """Reads the lines of one format. One instance per log, so it may keep state (a CSV header,
    the current Keras epoch, a step counter for formats that print no step)."""

    def __init__(self, fmt: "Format") -> None:
        self.format = fmt
        self.records = 0  # records added so far: the step of formats that print none

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        """Add the records this line carries to ``out``; False when the line is not of this format.

        ``text`` is one cleaned frame of a line (no ANSI, no ``\\r``); ``line`` its 1-based number.
        """
        raise NotImplementedError

    def finish(self, out: RecordBuilder) -> None:
        """End of input: add anything still held back."""

    def rewind(self) -> None:
        """The file is being read again from its start (a whole-file format was rewritten)."""

    def emit(self, out: RecordBuilder, line: int, step: float | None, metrics: dict[str, float]) -> bool:
        """Add one record, dropping names that are not metrics; the step defaults to a counter."""
        kept = {name: value for name, value in metrics.items() if is_metric_name(name)}
        if not kept:
            return False
        self.records += 1
        out.add(line, float(self.records if step is None else step), kept, self.format.id)
        return True


class Format:
    """A log format: how to recognise one of its lines, and a parser for a whole log."""

    id: ClassVar[str]
    title: ClassVar[str]
    example: ClassVar[str]
    anchor: ClassVar[str]  # regex source that finds a line of this format (re.search)
    parser: ClassVar[type[LineParser]]
    whole_file: ClassVar[bool] = False  # rewritten as a whole rather than appended to

    def new_parser(self) -> LineParser:
        return self.parser(self)

    def recognises(self, text: str) -> bool:
        return re.search(self.anchor, text) is not None
