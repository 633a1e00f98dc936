"""The block-level fast path: a line's shape compiled into one regex that reads every line like
it in a whole block with a single ``findall``, values converted by numpy.

A parser reads a line the slow way and reports its :class:`~lossmon.engine.formats.base.Shape`:
where each value and the step sit in the text. The text between them (the glue) is kept
literally, except that numbers become a number wildcard and runs of blanks may change width, so
``2024-01-01 12:00:00,123 - INFO - step=10 loss=0.5`` becomes
``\\d…-\\d…-\\d… \\d…:\\d… - INFO - step=(NUM) loss=(VALUE)``. Lines the template does not match
exactly go back to the slow path, so a template never reads a line differently from its parser.

Progress-bar frames before the matched text are skipped only when they carry no ``=`` and no
``:`` before a non-digit, i.e. when the slow path would find no pairs in them either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain, compress
from operator import itemgetter

import numpy as np

from lossmon.engine.formats.base import LineParser, Shape
from lossmon.engine.naming import placeholder_of
from lossmon.engine.numbers import checked_floats
from lossmon.engine.records import Column, RecordBuilder

# Linear time by construction: every atom of a template is possessive (it never gives back what
# it took), so a match attempt is one forward pass over its line, whatever the line holds. A
# template built by greedy tokenizing (below) accepts the same lines possessively, because each
# glue atom is followed by text it cannot take (a number is followed by a non-number character,
# a run of blanks by a non-blank). Without this, a number wildcard beside an optional blank beside
# another could split a run of digits in exponentially many ways (issue 19: 30 digits took 16 s).
_NUM_GLUE = r"[-+]?\d[\d.,:]*(?:[eE][-+]?\d+)?"
_NUM = r"[-+]?+\d[\d.,:]*+(?:[eE][-+]?+\d++)?+"
_BLANK = r"[ \t]*+"
# A value is captured as a plain token (a charset loop is far cheaper than VALUE's alternation)
# and checked when converted: a token float() and to_float() both refuse sends its line to the
# slow path. Tokens never hold "," or "_", so 12,346 and 1_000 always take the slow path too.
_TOKEN = r"([-+.0-9A-Za-z]++)"
_TOKEN_CHARS = set("+-.0123456789" + "abcdefghijklmnopqrstuvwxyz" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# A value followed by text a plain token could take (``12.34ms``, ``nanms``) is captured as a
# number, possessively: it stops where the number ends instead of backtracking into the token.
_NUMBER_TOKEN = (
    r"((?>[-+]?+(?:(?:\d++\.?+\d*+|\.\d++)(?:[eE][-+]?+\d++)?+|(?i:nan|inf(?:inity)?+)(?:\.0)?+)))"
)
_GLUE_TOKEN = re.compile(rf"(?P<num>{_NUM_GLUE})|(?P<blank>[ \t]+)")
_SKIP_FRAMES = rb"(?:(?:[^\r\n=:]++|:(?=\d))*+\r)*+"
_END = rb"[ \t\r]*+(?=\n|\Z)"
MAX_FIELDS = 200
# A literal found once per this many bytes of a block or less is matched where it was found (a
# match each) rather than by a findall over the whole block (about 2 ns a byte).
_BYTES_PER_RARE_MATCH = 2000
_MASK_SLICE = 1 << 18  # bytes of a block looked at a time where a mask of them is made
# False: every block is scanned the reference way (a findall over the whole block, the frame-skipping
# prefix on every line), the way the fast scans are tested against (tests/commands/test_check_identity.py).
FAST_SCANS = True
# Bytes a wildcard or value can hold: a literal start holding none of them finds each line once.
_WILDCARD_CHARS = set(b"0123456789.,:+-eE \t\rnaiftyNAIFTY")


def _glue(text: str) -> list[tuple[str, str]]:
    """Glue text as parts: ("lit", text), ("num", ""), ("blank", "")."""
    parts: list[tuple[str, str]] = []
    position = 0
    for match in _GLUE_TOKEN.finditer(text):
        if match.start() > position:
            parts.append(("lit", text[position : match.start()]))
        parts.append(("num", "") if match.group("num") else ("blank", ""))
        position = match.end()
    if position < len(text):
        parts.append(("lit", text[position:]))
    return parts


def _source(parts: list[tuple[str, str]]) -> str:
    out = []
    for index, (kind, text) in enumerate(parts):
        if kind == "lit":
            out.append(re.escape(text))
        elif kind == "num":
            out.append(_NUM)
        elif kind == "blank":
            out.append(_BLANK)
        else:  # a value or the step
            out.append(_NUMBER_TOKEN if _token_could_take(parts[index + 1 :]) else _TOKEN)
    return "".join(out)


def _token_could_take(rest: list[tuple[str, str]]) -> bool:
    """Could a plain token run into the part after it (so that it would have to give back)?"""
    if not rest:
        return False
    kind, text = rest[0]
    if kind == "blank":
        return False
    return kind != "lit" or text[:1] in _TOKEN_CHARS


@dataclass(slots=True)
class Hits:
    """Lines of a block a template read: 0-based line indices, values (n × names), steps."""

    rows: np.ndarray
    values: np.ndarray
    steps: np.ndarray | None


DECLINED = "declined"  # a scan's answer: this block goes to the slow path whole


class Matcher:
    """What a template needs to read a block: its compiled regex and how its tokens map to values.
    No parser state: a worker process can scan blocks with it (it pickles)."""

    __slots__ = ("regex", "literal", "width", "step_column", "step_is_value", "unframed", "batch_step")

    def __init__(
        self, regex: re.Pattern, literal: bytes | None, width: int, step_column: int | None, step_is_value: bool,
        unframed: re.Pattern | None = None, batch_step: tuple[int, int, int, tuple[int, ...]] | None = None,
    ) -> None:
        self.regex = regex
        self.literal = literal  # the line's literal start, searched for directly (or None)
        self.width = width  # tokens per line
        self.step_column = step_column
        self.step_is_value = step_is_value
        # The regex without the frame-skipping prefix, for blocks holding no \r: that prefix reads
        # every line to its end looking for a frame (a third of a Megatron line's matching time).
        self.unframed = unframed
        # The step as epoch * batches + batch ("Epoch: [3][40/500]"): the columns of the three,
        # and those of them that are no value
        self.batch_step = batch_step

    def __getstate__(self):
        return (self.regex, self.literal, self.width, self.step_column, self.step_is_value, self.unframed, self.batch_step)

    def __setstate__(self, state) -> None:
        self.regex, self.literal, self.width, self.step_column, self.step_is_value, self.unframed, self.batch_step = state

    def find(self, data: bytes, newlines: np.ndarray, shared: dict) -> Hits | None:
        """The lines of ``data`` (a block's bytes) the template reads; None when it reads none,
        DECLINED when the block must go to the slow path whole. A line is read the same way
        whatever block holds it, except for DECLINED."""
        if self.literal is not None:
            found = self._scan_literal(data, newlines, shared)
        else:
            found = self._scan_lines(data, newlines)
        if found is None or found is DECLINED:
            return found
        rows, tokens = found
        values, bad = checked_floats(tokens, len(rows) * self.width)
        values = values.reshape(len(rows), self.width)
        if bad is not None:
            good = ~bad.reshape(len(rows), self.width).any(axis=1)
            rows, values = rows[good], values[good]
            if not len(rows):
                return None
        steps = None
        if self.step_column is not None:
            steps = values[:, self.step_column].copy()
            if not self.step_is_value:
                values = np.delete(values, self.step_column, axis=1)
        elif self.batch_step is not None:
            epoch, batch, batches, not_values = self.batch_step
            steps = values[:, epoch] * values[:, batches] + values[:, batch]
            values = np.delete(values, not_values, axis=1)
        return Hits(rows, values, steps)

    def _scan_lines(self, data: bytes, newlines: np.ndarray):
        regex = self.regex if self.unframed is None or b"\r" in data or not FAST_SCANS else self.unframed
        results = regex.findall(b"\n" + data)
        if len(results) != len(newlines) + 1:
            return DECLINED  # cannot happen with a newline-anchored pattern; be safe anyway
        first = results if self.width == 1 else map(itemgetter(0), results)
        matched = np.fromiter(map(len, first), np.int64, count=len(results)) > 0
        rows = np.flatnonzero(matched)
        if not len(rows):
            return None
        return rows, _tokens(results, matched, self.width)

    def _scan_literal(self, data: bytes, newlines: np.ndarray, shared: dict):
        literal = self.literal
        if literal not in data:
            return None
        array = np.frombuffer(data, np.uint8)
        positions = _occurrences(array, literal, shared)
        before = np.where(positions > 0, array[np.maximum(positions - 1, 0)], 10)
        at_start = (before == 10) | (before == 13)
        positions, before = positions[at_start], before[at_start]
        if FAST_SCANS and len(positions) * _BYTES_PER_RARE_MATCH < len(data):
            results = self._match_at(data, positions)
        else:
            results = self.regex.findall(data)
        if results is None or len(results) != len(positions):
            return DECLINED  # a value held the literal: leave the block to the slow path
        first = results if self.width == 1 else map(itemgetter(0), results)
        matched = np.fromiter(map(len, first), np.int64, count=len(results)) > 0
        rows = np.searchsorted(newlines, positions)  # newlines before the match: its line index
        framed = np.flatnonzero(matched & (before == 13))
        if len(framed):
            matched[framed[~_frames_clean(array, newlines, rows[framed], positions[framed], shared)]] = False
        if not matched.any():
            return None
        return rows[matched], _tokens(results, matched, self.width)

    def _match_at(self, data: bytes, positions: np.ndarray) -> list | None:
        """What findall would return, for a literal found at few places: matched there only, so
        the bytes between are not searched again. None where a match spans the next place."""
        match, width, results, end = self.regex.match, self.width, [], 0
        for position in positions.tolist():
            if position < end:
                return None
            found = match(data, position)
            if found is None:
                return None
            end = found.end()
            results.append(found.groups(b"") if width > 1 else (found.group(1) or b""))
        return results


class Template:
    """One compiled line shape of one parser."""

    def __init__(self, parser: LineParser, shape: Shape, text: str, rank: str, prefix: str) -> None:
        self.parser = parser
        self.counter = shape.counter
        if len(shape.fields) > MAX_FIELDS:
            raise ValueError("too many fields for a template")
        marks = [(start, end, name) for name, start, end in shape.fields]
        batch_step = shape.step if shape.step is not None and isinstance(shape.step[0], tuple) else None
        single = None if batch_step is not None else shape.step
        # The step may be one of the values (a generic line stepped by its epoch).
        step_field = next((name for name, start, end in shape.fields if (start, end) == single), None)
        if single is not None and step_field is None:
            marks.append((*single, None))
        fields_at = {(start, end): name for name, start, end in shape.fields}
        for index, span in enumerate(batch_step or ()):
            if span not in fields_at:
                marks.append((*span, index))  # a number of the step that is no value
        marks.sort()
        parts: list[tuple[str, str]] = _glue(prefix)
        position = 0
        for start, end, name in marks:
            if start < position:
                raise ValueError("overlapping fields")
            parts.extend(_glue(text[position:start]))
            parts.append(("step", "") if name is None else ("step", str(name)) if isinstance(name, int) else ("value", name))
            position = end
        parts.extend(_glue(text[position:].rstrip(" \t")))
        columns = [name for kind, name in parts if kind in ("value", "step")]
        self.names = [name for kind, name in parts if kind == "value"]
        self.key = (id(parser), tuple(parts))
        self.placeholders = {name: placeholder_of(name) for name in self.names}
        # the epoch each line prints beside its step, for a parser whose step may count per epoch
        self.epoch_column = parser.epoch_column(self.names) if hasattr(parser, "epoch_column") else None
        body = _source(parts).encode("utf-8") + _END
        rank_source = re.escape(rank).encode("utf-8")
        first_kind, first_text = parts[0] if parts else ("", "")
        literal = first_text.encode("utf-8")
        if (
            not rank
            and first_kind == "lit"
            and len(literal) >= 2
            and any(byte not in _WILDCARD_CHARS for byte in literal)
            and not _overlaps_itself(literal)
            and all(literal not in text.encode("utf-8") for kind, text in parts[1:] if kind == "lit")
        ):
            rest = _source(parts[1:]).encode("utf-8") + _END
            # Tried only where a line or a frame starts: an attempt then never runs past the end of
            # its frame, so a line holding the literal many times costs one pass, not one per copy.
            escaped = re.escape(literal)  # (the check after the literal keeps re's fast literal search)
            regex = re.compile(escaped + b"(?<![^\\n\\r]" + escaped + b")(?:" + rest + b"|)")
            unframed = None
        else:
            literal = None
            regex = re.compile(b"\n(?:" + rank_source + _SKIP_FRAMES + body + b"|)")
            unframed = re.compile(b"\n(?:" + rank_source + body + b"|)")
        step_column = columns.index(step_field or "") if single is not None else None
        batch_columns = None
        if batch_step is not None:
            kinds = [(kind, name) for kind, name in parts if kind in ("value", "step")]
            found = [
                kinds.index(("value", fields_at[span]) if span in fields_at else ("step", str(index)))
                for index, span in enumerate(batch_step)
            ]
            batch_columns = (*found, tuple(i for i, (kind, _) in enumerate(kinds) if kind == "step"))
        self.matcher = Matcher(regex, literal, len(columns), step_column, step_field is not None, unframed, batch_columns)
        self.hits = 0
        self.last_line = 0  # the last line it read (or where it was learned)
        self.dropped = False  # idle for too long: it reads nothing more
        self.learner = None  # the AutoParser that compiled it, and under which key
        self.learn_key: tuple = ()

    def scan(self, data: bytes, newlines: np.ndarray, shared: dict | None = None) -> Hits | None:
        """The lines of ``data`` (a block's bytes) this template reads, or None. ``shared``: a dict
        for one block, in which the templates scanning it keep what they all need."""
        hits = self.matcher.find(data, newlines, {} if shared is None else shared)
        hits = None if hits is DECLINED else hits
        self.count(hits)
        return hits

    def count(self, hits: Hits | None) -> None:
        """Note what a scan of one block found."""
        if hits is not None:
            self.hits += len(hits.rows)

    def commit(self, hits: Hits, lo: int, hi: int, first_line: int, out: RecordBuilder) -> None:
        """Add hits ``lo:hi`` as records, moving the parser's state past them."""
        if hi <= lo:
            return
        parser = self.parser
        rows = hits.rows[lo:hi]
        count = hi - lo
        if hits.steps is not None:
            epochs = hits.values[lo:hi, self.epoch_column] if self.epoch_column is not None else None
            steps = parser.global_steps(hits.steps[lo:hi], epochs)
        else:
            attribute, increments = self.counter
            base = float(getattr(parser, attribute))
            steps = base + np.arange(1, count + 1, dtype=np.float64) if increments else np.full(count, base)
        columns = {}
        values = hits.values[lo:hi]
        index = np.arange(count)
        for column, name in enumerate(self.names):
            column_values = values[:, column]
            placeholder = self.placeholders[name]
            if placeholder is not None:
                keep = column_values != placeholder if placeholder == placeholder else ~np.isnan(column_values)
                if not keep.all():
                    columns[name] = Column(index[keep], column_values[keep])
                    continue
            columns[name] = Column(index, column_values)
        out.add_columns(rows + first_line, steps, columns, parser.format.id)
        self.last_line = int(rows[-1]) + first_line
        parser.advance(steps, self.counter)


def _tokens(results: list, matched: np.ndarray, width: int) -> Callable[[], Iterable]:
    """A function that iterates over the tokens of the matched results, flat (no list is made)."""
    every = bool(matched.all())

    def tokens() -> Iterable:
        rows = results if every else compress(results, matched)
        return rows if width == 1 else chain.from_iterable(rows)

    return tokens


def _occurrences(array: np.ndarray, literal: bytes, shared: dict) -> np.ndarray:
    """Start offsets of ``literal`` in ``array`` (it does not overlap itself). Where the first
    byte sits is kept in ``shared``: the templates of one parser often start alike."""
    limit = len(array) - len(literal) + 1
    if limit <= 0:
        return np.empty(0, np.int64)
    key = ("byte", literal[0])
    candidates = shared.get(key)
    if candidates is None:
        candidates = shared[key] = np.flatnonzero(array == literal[0])
    candidates = candidates[candidates < limit]
    for offset, byte in enumerate(literal[1:], 1):
        candidates = candidates[array[candidates + offset] == byte]
    return candidates


def _offsets_of(array: np.ndarray, *values: int) -> np.ndarray:
    """Offsets of the bytes equal to any of ``values``, found a slice at a time: masks the size of
    the block were the top of a check's memory (issue 18), and a slice's are small."""
    found = []
    for start in range(0, len(array), _MASK_SLICE):
        part = array[start : start + _MASK_SLICE]
        mask = part == values[0]
        for value in values[1:]:
            mask |= part == value
        offsets = np.flatnonzero(mask)
        offsets += start
        found.append(offsets)
    return np.concatenate(found) if len(found) > 1 else found[0] if found else np.empty(0, np.int64)


def _overlaps_itself(literal: bytes) -> bool:
    return any(literal[:size] == literal[-size:] for size in range(1, len(literal)))


def _frames_clean(
    array: np.ndarray, newlines: np.ndarray, rows: np.ndarray, positions: np.ndarray, shared: dict
) -> np.ndarray:
    """For each match after ``\\r``: do the frames before it on its line hold no pairs (no ``=``,
    no ``:`` before a non-digit)?"""
    starts = np.concatenate(([0], newlines + 1))[rows]
    bad = shared.get("pair marks")
    if bad is None:
        marks = _offsets_of(array, 61, 58)  # "=" or ":"
        after = array[np.minimum(marks + 1, len(array) - 1)]
        digit_after = (after >= 48) & (after <= 57) & (marks + 1 < len(array))
        bad = shared["pair marks"] = marks[~((array[marks] == 58) & digit_after)]
    return np.searchsorted(bad, positions) == np.searchsorted(bad, starts)
