"""The parser that reads any log with no configuration.

Per block of lines: the templates learned so far read the lines they match in one pass each
(see :mod:`~lossmon.engine.formats.template`); every other line takes the slow path. There, the
launcher's rank prefix is split off the line, the line is cut into its ``\\r`` frames, and each
frame loses its logging prefix and goes to the current format's parser. A message that parser
does not take is matched against every format's anchor (one combined regex), so a format that
changes part-way (concatenated runs, a job resumed with another trainer) is followed; what no
format takes goes to the generic ``name=value`` parser.
"""

from __future__ import annotations

import re
from collections import OrderedDict

import numpy as np

from lossmon.engine.formats.base import Format, LineParser
from lossmon.engine.formats.glued_records import MIN_LENGTH as GLUED_MIN_LENGTH
from lossmon.engine.formats.glued_records import glued_restart, split_glued
from lossmon.engine.formats.nothing_found import NothingFound
from lossmon.engine.formats.prefixes import (
    COMMENT_MARK, COMMENTED_STEP_HEADER, SRUN_RANK, knitr_output_length, prefix_length, split_rank,
)
from lossmon.engine.formats.registry import FALLBACK, FORMATS, FORMATS_BY_ID
from lossmon.engine.formats.template import Hits, Template
from lossmon.engine.lines import LineBlock, frames
from lossmon.engine.record_heads import HEAD as RECORD_HEAD
from lossmon.engine.records import RecordBuilder

# Anchors that start at the beginning of a message are tried there only (one match); the few that
# can sit anywhere in it are searched. A combined search of every anchor would retry all of them at
# each offset of every line no format takes.
_AT_START = re.compile("|".join(f"(?P<f{i}>{fmt.anchor})" for i, fmt in enumerate(FORMATS) if fmt.anchored))
_ANYWHERE = re.compile("|".join(f"(?P<f{i}>{fmt.anchor})" for i, fmt in enumerate(FORMATS) if not fmt.anchored))
# "  33%|███▎      | 10/30 [00:00<00:00, 98.10it/s]", maybe after a plain description
# ("Validation DataLoader 0: "), with no "name=value" postfix: nothing to read, and there are many.
_BARE_PROGRESS_BAR = re.compile(
    r"(?:[^|=:\d][^|=:]*+:)?\s*+\d++%\|[^|]*+\|\s*+[\d.]++[kMG]?/[\d.?]++[kMG]?\s*+\[[^\]=]*+\]\s*+$"
)
# A bar frame with no metrics in it, wherever it stands, and the blank frames tqdm clears a bar
# with. With ``python train.py > log 2>&1`` stdout is block-buffered and tqdm's stderr is not, so a
# record lands glued after a frame (``...8.09it/s]{'loss': 3.7, ...}``) or is cut in two by one
# where a flush ended mid-line (``{'loss': 3.7, 'grad_n\r  5%|▌ | 31/600 [...]orm': 1.1}``).
# Removing them joins what stood around them: the record, whole.
_BAR_METER = (
    r"[ \t]*+\d{1,3}%\|[^|\r\n]*+\|[ \t]*+[\d.]++[kMG]?+/[\d.?]++[kMG]?+[ \t]*+\[[^\]=\r\n]*+\]"
)
_BAR_BODY = rf"(?:[^\r|=:\d][^\r|=:]{{0,80}}+:)?+{_BAR_METER}"
# A terminal copy (the screen's text, with no \r) of a bar whose frame came out wider than the
# window: the frame wrapped, the next one was drawn over the wrapped part, and what is left of the
# first is a remnant cut anywhere after its "NN%|" (" 21/430 [05:58<1:54:0  5%|▎ | 22/430 [...]"),
# right before the frame that overwrote it. Its pieces stop where a frame starts, never take a
# "]" (a frame that closed is whole), "=" (a postfix's metrics stay where they were read) nor a
# brace or a quote (a record glued there is no part of a bar).
_FRAME_START = r"\d{1,3}+%\|"
_REMNANT = (
    rf"[ \t]*+{_FRAME_START}(?:[^\]\r\n\d \t%={{}}'\"]++|\d++(?!%)|[ \t]++(?!{_FRAME_START})){{0,64}}+"
    rf"(?=[ \t]*+{_FRAME_START})"
)
_BAR = rf"(?:\r|^|(?<=\]))(?:{_REMNANT})*+{_BAR_BODY}"
_CLEAR = r"\r[ \t]*+(?=\r)"
_BAR_FRAME = re.compile(rf"(?:{_CLEAR})*+{_BAR}(?:{_BAR}|{_CLEAR})*+\r?")
# In a line that has its \r, every frame starts with one (tqdm writes "\r" + frame): a frame right
# after a "]" is a capture that lost its \r (read above), never there. What follows a frame
# there is the text it cut, ".630421:  41%|..." of "Loss=3\r  6%|▌ | 6/100 [...].630421:  41%|...",
# to be joined again, not a frame's description to drop with it.
_CR_BAR = rf"(?:\r|^){_BAR_BODY}"
_BAR_FRAME_CR = re.compile(rf"(?:{_CLEAR})*+{_CR_BAR}(?:{_CR_BAR}|{_CLEAR})*+\r?")


# A bar frame with metrics in its postfix and a record glued right after its "]", in a capture that
# lost the line end between them: "Epoch 5/200: 100%|██| 62/62 [03:27<00:00,  3.34s/it,
# loss=0.076, avg_loss=0.075]Epoch 5 - Train Loss: 0.075 - Time: 207.2s". The record starts at a
# record head (step word and number); the bar and the record are read apart.
_POSTFIX_BAR_THEN_HEAD = re.compile(
    r"\d{1,3}%\|[^|\r\n]*+\|[ \t]*+[\d.]++[kMG]?+/[\d.?]++[kMG]?+[ \t]*+\[[^\]=\r\n]*+=[^\]\r\n]*+\]"
    rf"(?={RECORD_HEAD.pattern})"
)


# Under a console table's header its rows are frames whose bar ends the row ("  1/100  2.61G
# 1.234 ... 640: 100%|██| 8/8 [...]"): there only frames that are nothing but a meter go.
_METER_FRAME = re.compile(rf"(?:{_CLEAR})*+(?:\r|^){_BAR_METER}(?:\r{_BAR_METER}|{_CLEAR})*+\r?")


def strip_bar_frames(text: str, described: bool = True) -> str:
    """``text`` without the bare progress-bar frames in it, wherever they stand (see _BAR);
    ``described=False``: only those with no description (a table's rows keep their bars)."""
    if not described:
        return _METER_FRAME.sub("", text)
    if "\r" in text:
        text = _BAR_FRAME_CR.sub("", text)
        if "\r" in text or "%|" not in text:
            return text
    # (a line whose \r all went with its frames may still hold frames that lost theirs)
    return _BAR_FRAME.sub("", text)


SHAPE_REPEATS = 4  # lines of one shape before it is compiled into a template
MAX_TEMPLATES = 4
MAX_COMPILES_PER_SHAPE = 3
# Line shapes counted towards a template, the least recently seen forgotten past this many: a log
# whose lines keep taking new shapes (a step in a metric's name) must not grow the count without
# end. A shape is learned once SHAPE_REPEATS of its lines come within this many other shapes.
# The same bound holds the count of templates compiled per shape (a shape that fails to compile is
# marked there too): a shape forgotten from it may be compiled again, a bounded cost.
MAX_SHAPES_COUNTED = 1024
# A template that read none of this many lines in a row is dropped (it costs a scan per block).
# Counted in lines, not blocks, and applied at the exact line: which lines a template reads must
# never depend on how the input was cut into blocks (issue 19: records differed by chunking).
IDLE_LINES_BEFORE_DROP = 20_000


# Messages no format recognises whatever their line (a warning the log repeats): searched once.
_UNDETECTED = NothingFound()


def detect(text: str, line: int = 0) -> Format | None:
    """The format whose anchor finds this message, if any (the first in registry order)."""
    if text in _UNDETECTED:
        return None
    found = [match for match in (_AT_START.match(text), _ANYWHERE.search(text)) if match is not None]
    if not found:
        _UNDETECTED.add(text)
        return None
    fmt = FORMATS[min((match.start(), int(match.lastgroup[1:])) for match in found)[1]]  # leftmost first
    if fmt.first_line_only and line != 1:
        return None  # (not remembered: on line 1 the answer may differ)
    if fmt.recognises(text):
        return fmt
    _UNDETECTED.add(text)
    return None


class AutoParser:
    """Parses a log whatever its format. ``format_id`` forces one format (no detection);
    ``pattern`` (a :class:`~lossmon.engine.formats.pattern.PatternFormat`) forces a user regex."""

    def __init__(
        self, format_id: str | None = None, pattern: Format | None = None, fast: bool = True, source: str | None = None
    ) -> None:
        self.source = source  # the log's path, when it has one (given to each format's parser)
        self._parsers: dict[str, LineParser] = {}
        self.forced: Format | None = pattern or (FORMATS_BY_ID[format_id] if format_id else None)
        self.raw = pattern is not None  # a user pattern sees the whole frame, prefixes included
        self.current: LineParser | None = self._parser(self.forced) if self.forced else None
        self.record_counts: dict[str, int] = {}
        self.fast = fast
        self.templates: list[Template] = []
        self._shape_counts: OrderedDict[tuple, int] = OrderedDict()  # the most recently seen last
        self._compiles: OrderedDict[tuple, int] = OrderedDict()  # shape → templates compiled (LRU, bounded)
        self._fresh_template = False
        self.ranks: dict[str, str] = {}  # format id → the rank whose lines it reads
        self.root = self  # where templates live; a rank's own parser points to the log's
        self._rank_parsers: dict[str, AutoParser] = {}
        self.prescan = None  # scan workers reading ahead (lossmon.engine.scan_workers.ScanWorkers), if any
        self.line_errors = 0  # lines a parser raised on: counted and skipped, never fatal
        self._glued_line = 0  # the last line cut into glued records (lines.py may hand it on in pieces)
        self._previous_line = 0  # the last line read without \r frames
        self._commented_output = -1  # the last line of a commented-out capture read (see COMMENTED_STEP_HEADER)

    @property
    def format_id(self) -> str | None:
        """The format that produced the most records so far."""
        if not self.record_counts:
            return self.forced.id if self.forced else None
        return max(self.record_counts, key=self.record_counts.__getitem__)

    @property
    def whole_file(self) -> bool:
        return self.current is not None and self.current.format.whole_file

    def _parser(self, fmt: Format) -> LineParser:
        parser = self._parsers.get(fmt.id)
        if parser is None:
            parser = self._parsers[fmt.id] = fmt.new_parser()
            parser.source = self.source
        return parser

    # Blocks ----------------------------------------------------------------------------------

    def parse_block(self, block: LineBlock, out: RecordBuilder) -> None:
        if self.templates:
            self._parse_fast(block, out)
            return
        count = len(block)
        for index in range(count):
            self._parse_isolated(block.line(index), block.first + index, out)
            if self._fresh_template and index + 1 < count:
                self._fresh_template = False
                rest = block.newlines[index] + 1
                self._parse_fast(LineBlock(block.first + index + 1, block.data[rest:]), out)
                return

    def _parse_fast(self, block: LineBlock, out: RecordBuilder) -> None:
        newlines = block.newlines
        scanned: list[tuple[Template, Hits]] = []
        taken = np.zeros(len(newlines) + 1, bool)
        shared: dict = {}  # what the templates all need from this block, found once
        ahead = self.prescan.take(block.first, len(taken), self.templates) if self.prescan is not None else None
        for template in self.templates:
            if ahead is not None and template.key in ahead:
                hits = ahead[template.key]  # scanned by the worker: the same hits
                template.count(hits)
            else:
                try:
                    hits = template.scan(block.data, newlines, shared)
                except Exception:  # noqa: BLE001 - its lines go to the slow path, one by one
                    self.root.line_errors += 1
                    continue
            hits = self._until_idle(template, hits, block.first, len(taken))
            if hits is None:
                continue
            clash = taken[hits.rows]
            if clash.any():  # a line two templates read: keep the first reading only
                keep = ~clash
                hits = Hits(hits.rows[keep], hits.values[keep], None if hits.steps is None else hits.steps[keep])
            taken[hits.rows] = True
            scanned.append((template, hits))
        self._drop_idle_templates()
        # Lines are read in order: each run of lines one template read is committed before the
        # line after it, so parser state (step counters, the last step) is what the slow path
        # would have seen. Runs are found with numpy: one entry per run, not per line.
        source = np.full(len(taken), -1, np.int64)  # line → template index, -1 for the slow path
        hit_index = np.zeros(len(taken), np.int64)  # line → its index among that template's hits
        for k, (_, hits) in enumerate(scanned):
            source[hits.rows] = k
            hit_index[hits.rows] = np.arange(len(hits.rows))
        blank = np.zeros(len(taken), bool)  # empty lines need no visit
        blank[np.flatnonzero(np.diff(np.concatenate(([-1], block.newlines, [len(block.data)]))) == 1)] = True
        starts = np.flatnonzero(np.diff(source, prepend=-2) != 0)
        ends = np.append(starts[1:], len(source))
        for start, end in zip(starts.tolist(), ends.tolist()):
            k = int(source[start])
            if k >= 0:
                template, hits = scanned[k]
                first = int(hit_index[start])
                try:
                    template.commit(hits, first, first + end - start, block.first, out)
                    continue
                except Exception:  # noqa: BLE001 - read these lines the slow way instead
                    self.root.line_errors += 1
            for index in (np.flatnonzero(~blank[start:end]) + start).tolist():
                self._parse_isolated(block.line(index), block.first + index, out)
                if self._fresh_template and index + 1 < len(taken):
                    # A template was just learned: the rest of the block is scanned again with
                    # it, as the next block would be, so the line where reading starts is the
                    # same however the input was cut.
                    self._fresh_template = False
                    rest = block.newlines[index] + 1
                    self._parse_fast(LineBlock(block.first + index + 1, block.data[rest:]), out)
                    return
        self._fresh_template = False

    @staticmethod
    def _until_idle(template: Template, hits: Hits | None, first: int, count: int) -> Hits | None:
        """The hits of a template up to the line where it has been idle too long (it is dropped
        there), by line numbers alone."""
        if template.dropped:
            return None
        limit = IDLE_LINES_BEFORE_DROP
        if hits is None:
            if first + count - 1 - template.last_line > limit:
                template.dropped = True
            return None
        lines = hits.rows + first
        gaps = np.diff(lines, prepend=template.last_line)
        idle = np.flatnonzero(gaps > limit)
        if not len(idle):
            return hits
        template.dropped = True
        cut = int(idle[0])
        if cut == 0:
            return None
        return Hits(hits.rows[:cut], hits.values[:cut], None if hits.steps is None else hits.steps[:cut])

    def _parse_isolated(self, text: str, line: int, out: RecordBuilder) -> None:
        """The slow path for one line, which never costs another line its record: a parser
        that raises on it is counted, and the line is skipped."""
        try:
            self.parse_line(text, line, out)
        except Exception:  # noqa: BLE001 - a weird line must never stop the log
            self.root.line_errors += 1

    # Lines -----------------------------------------------------------------------------------

    def parse_line(self, text: str, line: int, out: RecordBuilder) -> None:
        """The slow path for one line."""
        if not text or text.isspace():
            return
        if self.raw:
            for frame in text.split("\r") if "\r" in text else (text,):
                if frame:
                    self.current.parse(frame, line, out)
            return
        rank, cut = split_rank(text)
        if "%|" in text:
            # after the launcher's label ("[rank0]:" would pass for a bar's description)
            reader = self if rank is None else self._rank_parser(rank)  # whose table is in force
            body = strip_bar_frames(text[cut:], described=not reader._table_rows())
            if not body or body.isspace():
                return
            text = text[:cut] + body
        if rank is None and text[:1] in "# ":
            mark, output = knitr_output_length(text)
            # a bare "## " before a line of few numbers is knitr's when a console table's header
            # follows it (gbm's "## Iter   TrainDeviance   ValidDeviance ..."), else a comment
            if mark and (output or FORMATS_BY_ID["console_table"].recognises(text[mark:])):
                # the mark is kept as a rank's label is, so that the line's template spells it
                self._parse_frames(text[mark:], line, out, text[:mark], None)
                return
            if text.startswith(COMMENT_MARK) and (
                line == self._commented_output + 1 or COMMENTED_STEP_HEADER.match(text) is not None
            ):
                self._commented_output = line
                self._parse_frames(text[len(COMMENT_MARK) :], line, out, COMMENT_MARK, None)
                return
        if rank is None and (text[:1].isdigit() or text[:1] == " "):
            rank, cut = self._srun_rank(text)
        body = text[cut:] if cut else text
        if rank is not None:
            scratch = RecordBuilder()
            self._rank_parser(rank)._parse_frames(body, line, scratch, text[:cut], rank)
            self._keep_rank(rank, scratch, out)
            return
        self._parse_frames(body, line, out, "", None)

    def _rank_parser(self, rank: str) -> "AutoParser":
        """Each rank's lines are read by parsers of their own, so that state (held shapes, step
        counters) never mixes ranks."""
        child = self._rank_parsers.get(rank)
        if child is None:
            child = self._rank_parsers[rank] = AutoParser(fast=self.fast, source=self.source)
            child.root = self
        return child

    def _srun_rank(self, text: str) -> tuple[str | None, int]:
        """SLURM ``srun -l`` labels ("1: ..."), taken only when a known format follows."""
        match = SRUN_RANK.match(text)
        if match is None:
            return None, 0
        rest = text[match.end() :]
        rest = rest[prefix_length(rest) :]
        if "%|" in rest:
            rest = strip_bar_frames(rest).lstrip()  # a record glued after a bar (see _parse_frame)
        return (match.group(1), match.end()) if detect(rest) else (None, 0)

    def _keep_rank(self, rank: str, scratch: RecordBuilder, out: RecordBuilder) -> None:
        """Records of a rank-prefixed line count for the first rank that gave each format
        records; the same lines printed by other ranks are duplicates."""
        if not len(scratch):
            return
        owner = next(iter(scratch.formats))
        if self.ranks.setdefault(owner, rank) != rank:
            return  # another rank's copy: not worth building
        attrs = scratch.attrs
        batch = scratch.build()
        for line, step, metrics in batch.records():
            out.add(line, step, metrics, owner)
        for name, values in attrs.items():
            out.set_attrs(name, **values)

    def _parse_frames(self, body: str, line: int, out: RecordBuilder, rank_prefix: str, rank: str | None) -> None:
        if "\r" not in body:
            # A line seen again that starts at a record head is a later piece of a glued line:
            # lines.py hands its records on before its line end (before the limit, too).
            continued = line == self._glued_line or (line == self._previous_line and RECORD_HEAD.match(body) is not None)
            self._previous_line = line
            if "%|" in body and not self._table_rows() and (bar := _POSTFIX_BAR_THEN_HEAD.search(body)) is not None:
                self._parse_frame(body[: bar.end()], line, out, rank_prefix, rank)
                self._parse_frame(body[bar.end() :], line, out, rank_prefix, rank)
                return
            if (continued or len(body) >= GLUED_MIN_LENGTH) and (glued := split_glued(body, continued)) is not None:
                self._glued_line = line
                for record in glued:  # a line holding many records: its line ends were lost
                    self._parse_frame(record, line, out, rank_prefix, rank)
                return
            self._parse_frame(body, line, out, rank_prefix, rank)
            return
        for frame in frames(body):
            self._parse_frame(frame, line, out, rank_prefix, rank)

    def _parse_frame(self, frame: str, line: int, out: RecordBuilder, rank_prefix: str, rank: str | None) -> None:
        # (A console table's row ends in its bar: "1/100  11.2G  1.503 ...  1280: 100%|██| 8/8 [...]".)
        if "%|" in frame and _BARE_PROGRESS_BAR.match(frame) and not self._table_rows():
            return
        cut = prefix_length(frame)
        message = frame[cut:] if cut else frame
        unframed = False
        if cut and "%|" in message and not self._table_rows():
            # A bar a record was glued to, behind a launcher's label or a logger's stamp (srun -l
            # labels the bar's line too): the frames at the message's start go as they do at a
            # line's. The line is not the message's shape then: no template is learned from it.
            unframed = message != (message := strip_bar_frames(message).lstrip())
        if not message or message.isspace():
            return
        if (restart := glued_restart(message)) is not None:
            # two records whose line end was lost between them: each is read as its line would be
            self._parse_frame(frame[: len(frame) - len(message) + restart], line, out, rank_prefix, rank)
            self._parse_frame(message[restart:], line, out, rank_prefix, rank)
            return
        parser = self._read(message, frame, line, out)
        if parser is not None and parser.templates_stale:
            self._drop_templates_of(parser)
        if parser is not None and parser.shape is not None and self.fast and not unframed:
            if rank is None or self.root.ranks.get(parser.format.id, rank) == rank:
                if parser.format.strip_prefix:
                    self._learn(parser, message, rank_prefix, frame[:cut], line)
                else:
                    self._learn(parser, frame, rank_prefix, "", line)

    def _table_rows(self) -> bool:
        """True while a console table's header is in force: its rows may end in a progress bar."""
        current = self.current
        return current is not None and current.format.id == "console_table" and current.columns is not None

    def _read(self, message: str, frame: str, line: int, out: RecordBuilder) -> LineParser | None:
        """The parser that took the message, if one did."""
        current = self.current
        if current is not None and current.parse(message if current.format.strip_prefix else frame, line, out):
            self._share_header(current, message, line, out)
            return current
        if self.forced is not None:
            return None
        fmt = detect(message, line)
        if fmt is not None and (current is None or fmt is not current.format):
            parser = self._parser(fmt)
            if parser.parse(message if fmt.strip_prefix else frame, line, out):
                self.current = parser
                self._share_header(parser, message, line, out)
                return parser
        if current is None or current.format.id != FALLBACK:
            fallback = self._parser(FORMATS_BY_ID[FALLBACK])
            if fallback.parse(message, line, out):
                return fallback
        return None

    def _share_header(self, parser: LineParser, message: str, line: int, out: RecordBuilder) -> None:
        """A header a format took that may stand over lines no format takes ("Epoch 1/100", then a
        custom loop's "  Train Loss: 0.4920"): the generic reader, which reads those lines, sees it
        too, so they are at its step rather than counted one by one."""
        if parser.format.id != FALLBACK and parser.heads_any_lines(message):
            self._parser(FORMATS_BY_ID[FALLBACK]).parse(message, line, out)

    # Templates -------------------------------------------------------------------------------

    def _drop_templates_of(self, parser: LineParser) -> None:
        """Drop the templates learned from ``parser``'s lines; the rest of the block is scanned
        again without them, so the lines after this one are read the slow way."""
        parser.templates_stale = False
        for template in self.root.templates:
            if template.parser is parser:
                template.dropped = True
                self.root._fresh_template = True

    def _drop_idle_templates(self) -> None:
        """A template that found nothing for a few blocks costs a scan per block: drop it. One that
        read many lines may be learned again when its lines come back."""
        kept = []
        for template in self.templates:
            if not template.dropped:
                kept.append(template)
            elif template.hits >= 100:
                template.learner._compiles.pop(template.learn_key, None)
        self.templates = kept

    def _learn(self, parser: LineParser, message: str, rank_prefix: str, log_prefix: str, line: int) -> None:
        shape = parser.shape
        key = (id(parser), tuple(name for name, _, _ in shape.fields), shape.step is None, rank_prefix)
        counts = self._shape_counts
        seen = counts.pop(key, 0) + 1
        counts[key] = seen
        if len(counts) > MAX_SHAPES_COUNTED:
            counts.popitem(last=False)
        root = self.root
        if seen < SHAPE_REPEATS or len(root.templates) >= MAX_TEMPLATES:
            return
        compiles = self._compiles
        compiled = compiles.get(key, 0)
        if compiled:
            compiles.move_to_end(key)  # (the most recently seen last, as in the shape counts)
        if compiled >= MAX_COMPILES_PER_SHAPE:
            return
        try:
            template = Template(parser, shape, message, rank_prefix, log_prefix)
        except (ValueError, re.error):
            self._count_compile(key, MAX_COMPILES_PER_SHAPE)
            return
        if any(existing.key == template.key for existing in root.templates):
            return  # the same template exists: this line missed it for another reason (frames)
        self._count_compile(key, compiled + 1)
        self._shape_counts[key] = 0
        template.learner, template.learn_key = self, key
        template.last_line = line
        root.templates.append(template)
        root._fresh_template = True

    def _count_compile(self, key: tuple, times: int) -> None:
        compiles = self._compiles
        compiles[key] = times
        compiles.move_to_end(key)
        if len(compiles) > MAX_SHAPES_COUNTED:
            compiles.popitem(last=False)

    # End and restart ---------------------------------------------------------------------------

    def finish(self, out: RecordBuilder) -> None:
        for parser in self._parsers.values():
            try:
                parser.finish(out)
            except Exception:  # noqa: BLE001 - what it held back is lost, nothing else
                self.root.line_errors += 1
        for rank, child in self._rank_parsers.items():
            scratch = RecordBuilder()
            child.finish(scratch)
            self._keep_rank(rank, scratch, out)

    def rewind(self) -> None:
        for parser in [*self._parsers.values(), *self._rank_parsers.values()]:
            parser.rewind()

    def count(self, formats: dict[str, int]) -> None:
        for format_id, n in formats.items():
            self.record_counts[format_id] = self.record_counts.get(format_id, 0) + n
