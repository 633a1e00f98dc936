"""What the parser read of a log and what it skipped: the answer to "why is my log not read?".

Each block of lines is compared with the records parsed from it. A line that gave no record is
put in one class: blank, text (no digit: prose, banners), a step marker (its only numbers count
steps or epochs: ``Epoch 3/30``), a progress bar, a traceback or a warning, or *not understood* (it has numbers, and no format took them). Not-understood lines are
grouped by shape (numbers become ``#``), keeping a count and a few examples per shape, so a
recurring shape can be shown once, with a ``--pattern`` that reads it.

A parser may hold a record back and emit it with a later block (a step header and the metric
lines under it): such a line is counted as not understood until its record arrives, then moved
to the records. Memory is bounded by the shapes kept; the per-line cost is one regex on the
lines without records only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from lossmon.engine.arrays import GrowableArray
from lossmon.engine.formats.prefixes import strip_prefix
from lossmon.engine.lines import LineBlock, display_text
from lossmon.engine.naming import STEP_WORDS

MAX_SHAPES = 64  # shapes beyond this are counted under one "other shapes" entry
MAX_PENDING = 1 << 18  # not-understood lines a late record can still take back (the newest)
EXAMPLES_PER_SHAPE = 3
MAX_EXAMPLE_CHARS = 200
OTHER_SHAPE = "(other shapes)"

# A number standing on its own: not the digits of a word (mAP50, pg0, W0530).
_STANDALONE_NUMBER = re.compile(r"(?<![\w.])[-+]?\.?\d")
# A run of digits or word characters is entered at its start only ((?<!\d), (?<!\w)): the same
# lines match, and a long run (a 1 MB line of digits) costs one pass, not one per offset in it.
_PROGRESS = re.compile(r"(?<!\d)\d+%\||\|\s*\d+/\d+\s*\[|(?<!\d)\d+/\d+\s*\[[=>.\-]*\]|\[\s*[\d:]+\s*<\s*[\d:?]+")
_TRACEBACK = re.compile(r'^\s*(?:File "[^"]*", line \d+|Traceback \(most recent call last\)|[\^~]+\s*$)')
_WARNING = re.compile(r"(?i)\bwarn(?:ing)?s?\b|(?<!\w)\w+Warning\b|\bdeprecat|^W\d{4} \d")  # W0530 ...: glog's level
_NUMBER = re.compile(r"[-+]?(?:\d+(?:[.,:]\d+)*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_HEX = re.compile(r"\b[0-9a-fA-F]{8,}\b")
# A word that names how well a model does, followed closely by a number, in a line's shape:
# "test accuracy: #%", "| loss | # |", "Loss #", "CrossEntropyLoss=#" (a capital inside a word
# starts one; "gloss" does not). Not-understood lines of such shapes are worth telling the user
# about; a tensor dump, a model summary or "Validation consumes # second" are not. (No lr, norm or
# grad: they fill config dumps and model summaries.)
_METRIC_VALUE = re.compile(
    r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))"
    r"(?i:loss|acc|err|ppl|perplex|bleu|rouge|f1|map|auc|wer|cer|top#|score|reward|prec|recall|iou|dice|psnr|ssim|mse|mae|rmse)"
    r"[\w@/.()-]{0,40}+[^\w#]{0,4}+#"
)
# A step, epoch or fold counter: "Epoch 3/30", "epoch: 5", "[step=1/2500,epoch=0]", "fold 2 of 5",
# "Iteration [100/5000]". A line whose only numbers are such counters is a header that sets the
# context of the records under it ("step_marker"), not data that went unread.
# The counter words are naming's step words (any language) and "fold", longest first.
_COUNTER_WORDS = "|".join(sorted((*STEP_WORDS, "fold", "folds"), key=lambda word: (-len(word), word)))
_COUNTER = re.compile(
    rf"(?i)(?<![\w-])(?:{_COUNTER_WORDS})"
    r"[ \t]*+[:=#]?+[ \t]*+\[?+[ \t]*+\d++(?:[ \t]*+(?:/|of)[ \t]*+\d++)?+[ \t]*+\]?+"
)
_BLANKS = re.compile(r"\s+")

CLASSES = (
    "records", "document", "blank", "text", "step_marker", "progress", "traceback", "warning", "not_understood"
)


def shape_of(text: str) -> str:
    """A line's shape: numbers and long hex ids as ``#``, runs of blanks as one space."""
    shape = _NUMBER.sub("#", _HEX.sub("#", text))
    return _BLANKS.sub(" ", shape).strip()[:120]


def classify(text: str) -> str:
    """The class of a line that gave no record (judged after its logging prefix, which holds
    numbers on almost every line)."""
    shown = display_text(text)
    if not shown.strip():
        return "blank"
    message = strip_prefix(shown)
    if _TRACEBACK.search(message):
        return "traceback"
    if not _STANDALONE_NUMBER.search(message):
        return "text"
    if ("[" in message or "%|" in message) and _PROGRESS.search(message):  # (its every branch holds one)
        return "progress"
    if _WARNING.search(shown):  # the level may sit in the prefix
        return "warning"
    if not _STANDALONE_NUMBER.search(_COUNTER.sub(" ", message)):
        return "step_marker"
    return "not_understood"


@dataclass(slots=True)
class Shape:
    """Not-understood lines of one shape: how many, and the first few (line number, text)."""

    shape: str
    count: int = 0
    examples: list[tuple[int, str]] = field(default_factory=list)
    metric_like: int = 0  # of them, lines whose shape names a metric next to a number


@dataclass(slots=True)
class FormatSpan:
    """Where a format's records were found: first and last line, and how many."""

    first_line: int
    last_line: int
    records: int


class Coverage:
    """Counts, per class, the lines of one segment of a log, as blocks are parsed."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys(CLASSES, 0)
        self.shapes: dict[str, Shape] = {}
        self.formats: dict[str, FormatSpan] = {}
        self.first_text: dict[str, tuple[int, str]] = {}  # series → (line, text) of its first record
        # Not-understood lines (in line order) and the shape each went to: a record that arrives
        # for one of them later takes it back out.
        self._pending_lines = GrowableArray(np.int64)
        self._pending_shapes: list[tuple[str, bool] | None] = []  # (shape, metric-like)
        self._last_line = 0  # the last line counted

    @property
    def lines(self) -> int:
        return sum(self.counts.values())

    @property
    def not_understood_share(self) -> float:
        """Not-understood lines as a share of the non-blank lines (0 when there are none)."""
        non_blank = self.lines - self.counts["blank"]
        return self.counts["not_understood"] / non_blank if non_blank else 0.0

    def observe(
        self, block: LineBlock | None, record_lines: np.ndarray, formats: dict[str, int], columns, document: bool = False
    ) -> None:
        """One parse step: ``block`` (the lines just read, or None) and the records it produced
        (``record_lines``, 1-based, in order; some may belong to earlier blocks). ``document``:
        the block is part of a whole-file format (a JSON document), read as a whole."""
        if len(record_lines) and block is not None and not document:  # a document's lines say little
            self._note_first_texts(block, record_lines, columns)
        if document and block is not None:
            self.counts["document"] += len(block)
            block = None
        if len(record_lines):
            self._note_formats(record_lines, formats)
            if block is None or record_lines[0] < block.first:
                self._take_back(record_lines if block is None else record_lines[record_lines < block.first])
        if block is not None:
            self._count_block(block, record_lines)

    def _count_block(self, block: LineBlock, record_lines: np.ndarray) -> None:
        count = len(block)
        mine = record_lines[(record_lines >= block.first) & (record_lines < block.first + count)] - block.first
        recorded = np.zeros(count, bool)
        recorded[mine] = True
        skip = 0
        if block.first == self._last_line:
            # a later piece of the line counted last (lines.py hands a long line on in pieces): the
            # line counts once; a record from this piece takes it back if it was not understood
            skip = 1
            if recorded[0]:
                self._take_back(np.array([block.first], np.int64))
        self._last_line = block.first + count - 1
        self.counts["records"] += int(recorded[skip:].sum())
        pending: list[int] = []
        for index in np.flatnonzero(~recorded[skip:]).tolist():
            index += skip
            text = block.line(index)
            kind = classify(text)
            self.counts[kind] += 1
            if kind == "not_understood":
                pending.append(block.first + index)
                self._add_shape(block.first + index, display_text(text))
        if pending:
            self._pending_lines.extend(np.asarray(pending, np.int64))
            if len(self._pending_lines) > MAX_PENDING:  # the oldest can no longer be taken back
                keep = self._pending_lines.view[-(MAX_PENDING // 2) :].copy()
                del self._pending_shapes[: len(self._pending_lines) - len(keep)]
                self._pending_lines = GrowableArray(np.int64)
                self._pending_lines.extend(keep)

    def _add_shape(self, line: int, text: str) -> None:
        key = shape_of(text)
        metric_like = _METRIC_VALUE.search(key) is not None
        shape = self.shapes.get(key)
        if shape is None:
            if len(self.shapes) >= MAX_SHAPES:
                key = OTHER_SHAPE
                shape = self.shapes.get(key)
            if shape is None:
                shape = self.shapes[key] = Shape(key)
        shape.count += 1
        shape.metric_like += metric_like
        if len(shape.examples) < EXAMPLES_PER_SHAPE:
            shape.examples.append((line, text[:MAX_EXAMPLE_CHARS]))
        self._pending_shapes.append((key, metric_like))

    def _take_back(self, lines: np.ndarray) -> None:
        """Records for lines of earlier blocks: those lines were understood after all."""
        pending = self._pending_lines.view
        at = np.searchsorted(pending, lines)
        hit = at < len(pending)
        at = at[hit]
        at = at[pending[at] == lines[hit]]
        for index in sorted(set(at.tolist())):  # (np.unique imports numpy.ma: 20-40 ms of a check)
            pending_shape = self._pending_shapes[index]
            if pending_shape is None:
                continue
            key, metric_like = pending_shape
            self._pending_shapes[index] = None
            shape = self.shapes[key]
            shape.count -= 1
            shape.metric_like -= metric_like
            line = int(pending[index])
            shape.examples = [example for example in shape.examples if example[0] != line]
            if not shape.count:
                del self.shapes[key]
            self.counts["not_understood"] -= 1
            self.counts["records"] += 1

    def _note_formats(self, record_lines: np.ndarray, formats: dict[str, int]) -> None:
        first, last = int(record_lines[0]), int(record_lines[-1])
        for fmt, records in formats.items():
            span = self.formats.get(fmt)
            if span is None:
                self.formats[fmt] = FormatSpan(first, last, records)
            else:
                span.first_line = min(span.first_line, first)
                span.last_line = max(span.last_line, last)
                span.records += records

    def _note_first_texts(self, block: LineBlock, record_lines: np.ndarray, columns) -> None:
        for name, column in columns.items():
            if name in self.first_text or not len(column.rows):
                continue
            line = int(record_lines[column.rows[0]])
            index = line - block.first
            text = display_text(block.line(index)) if 0 <= index < len(block) else ""
            self.first_text[name] = (line, text[:MAX_EXAMPLE_CHARS])

    def recurring_metric_lines(self, minimum: int = 2) -> int:
        """Not-understood lines that name a metric next to a number, in shapes seen at least
        ``minimum`` times: records that went unread repeat their shape; a config dump does not."""
        return sum(s.metric_like for s in self.shapes.values() if s.count >= minimum and s.shape != OTHER_SHAPE)

    def recurring(self, minimum: int = 3) -> list[Shape]:
        """Not-understood shapes seen at least ``minimum`` times, most frequent first."""
        return sorted((s for s in self.shapes.values() if s.count >= minimum and s.shape != OTHER_SHAPE),
                      key=lambda s: -s.count)
