"""The two small classes every log format implements."""

from __future__ import annotations

import re
from itertools import islice
from typing import ClassVar, NamedTuple

from lossmon.engine.naming import is_metric_name, keep_value
from lossmon.engine.records import RecordBuilder

Span = tuple[int, int]


def matches_at_least(pattern: re.Pattern[str], text: str, count: int) -> bool:
    """True when ``pattern`` occurs ``count`` times or more in ``text`` (it stops looking there)."""
    return sum(1 for _ in islice(pattern.finditer(text), count)) >= count


class Shape(NamedTuple):
    """How a parser read one line, in a form a template can be compiled from: the span of each
    value in the text, and where the step came from."""

    fields: tuple[tuple[str, int, int], ...]  # (series name, start, end) of each kept value
    # span of the step token, when the line printed its step; or the spans of the epoch, the
    # batch and the batches per epoch, when the step is epoch * batches + batch ("[3][40/500]")
    step: Span | tuple[Span, Span, Span] | None
    counter: tuple[str, bool] | None  # else (parser attribute holding the step, +1 per line?)


class LineParser:
    """Reads the lines of one format. One instance per log, so it may keep state (a CSV header,
    the current Keras epoch, a step counter for formats that print no step)."""

    source: str | None = None  # the path of the log, when it has one (a file's name may name its metric)

    def __init__(self, fmt: "Format") -> None:
        self.format = fmt
        self.records = 0  # records added so far: the step of formats that print none
        self.last_step: float | None = None
        self.shape: Shape | None = None  # how the last line was read, when a template can repeat it
        # Names naming.is_metric_name turns down that this parser found to be metrics by their
        # values (generic: a "total" with a fraction and no unit is a loss, not a count)
        self.vouched: set[str] = set()
        # The templates learned from this parser's lines may now read lines otherwise than it would
        # (a phase banner made identical lines mean two things): AutoParser drops them
        self.templates_stale = False

    def parse(self, text: str, line: int, out: RecordBuilder) -> bool:
        """Add the records this line carries to ``out``; False when the line is not of this format.

        ``text`` is one cleaned frame of a line (no ANSI, no ``\\r``), without its rank and logging
        prefixes; ``line`` its 1-based number.
        """
        raise NotImplementedError

    def finish(self, out: RecordBuilder) -> None:
        """End of input: add anything still held back."""

    def rewind(self) -> None:
        """The file is being read again from its start (a whole-file format was rewritten)."""

    def heads_any_lines(self, text: str) -> bool:
        """True when ``text``, taken by this parser, is a header that may stand over lines of no
        format as well as over this format's own (the generic reader then gets it too, for their
        step)."""
        return False

    def emit(
        self,
        out: RecordBuilder,
        line: int,
        step: float | None,
        metrics: dict[str, float],
        spans: dict[str, Span] | None = None,
        step_span: Span | tuple[Span, Span, Span] | None = None,
        counter: tuple[str, bool] | None = None,
    ) -> bool:
        """Add one record, dropping names that are not metrics and placeholder values; the step
        defaults to a count of records.

        ``spans`` (where each value sits in the text) and ``step_span`` or ``counter`` (where the
        step comes from) let the line's shape become a template for the lines like it.
        """
        vouched = self.vouched
        kept = {
            name: value for name, value in metrics.items()
            if (is_metric_name(name) or name in vouched) and keep_value(name, value)
        }
        self.shape = None
        if not kept:
            return False
        self.records += 1
        if step is None:
            step = self.records
            if counter is None and step_span is None:
                counter = ("records", True)
        self.last_step = float(step)
        out.add(line, float(step), kept, self.format.id)
        if spans is not None and (step_span is not None or counter is not None):
            names = [name for name in metrics if is_metric_name(name) or name in vouched]
            if all(name in spans for name in names):
                self.shape = Shape(tuple((name, *spans[name]) for name in names), step_span, counter)
        return True


    def emit_numbered(self, out: RecordBuilder, line: int, name: str, values, before: int = 0) -> int:
        """Each value of a list printed on one line (a run's losses), a record of its own stepped by
        its number, counted on from ``before`` (a value that did not convert keeps its number);
        returns the last number."""
        for value in values:
            before += 1
            if value is not None:
                self.emit(out, line, float(before), {name: value})
        return before

    def emit_pairs(
        self, out: RecordBuilder, line: int, step: float | None, found, step_span: Span | None = None, prefix: str = ""
    ) -> bool:
        """:meth:`emit` for pairs found in the text (formats.pairs.Pair), with their spans."""
        return self.emit(
            out, line, step,
            {prefix + pair.name: pair.value for pair in found},
            {prefix + pair.name: (pair.start, pair.end) for pair in found},
            step_span=step_span,
        )

    def global_steps(self, steps, epochs=None):
        """The steps a template read from its lines, as this parser counts them (the printed
        ones by default; a parser may carry an epoch's step counter across epochs)."""
        return steps

    def advance(self, steps, counter: tuple[str, bool] | None) -> None:
        """Records were added for this parser by a template: move its state past them."""
        count = len(steps)
        self.records += count
        if counter is not None and counter[1] and counter[0] != "records":
            setattr(self, counter[0], getattr(self, counter[0]) + count)
        if count:
            self.last_step = float(steps[-1])


class Format:
    """A log format: how to recognise one of its lines, and a parser for a whole log."""

    id: ClassVar[str]
    title: ClassVar[str]
    example: ClassVar[str]
    anchor: ClassVar[str]  # regex source that finds a message of this format (re.search)
    anchored: ClassVar[bool] = True  # every alternative of the anchor starts with ^ (tried at 0 only)
    parser: ClassVar[type[LineParser]]
    whole_file: ClassVar[bool] = False  # rewritten as a whole rather than appended to
    first_line_only: ClassVar[bool] = False  # only detected on line 1 of a file
    strip_prefix: ClassVar[bool] = True  # False: the parser sees whole frames (JSON documents, tables)

    def new_parser(self) -> LineParser:
        return self.parser(self)

    def recognises(self, text: str) -> bool:
        return re.search(self.anchor, text) is not None
