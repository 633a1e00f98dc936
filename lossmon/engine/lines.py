"""Bytes → numbered, cleaned lines.

A line is counted at each ``\\n`` (``\\r`` does not start a line), so line numbers match what
``wc -l``, an editor and ``grep -n`` say. Cleaning drops what a terminal would have consumed
(ANSI escape sequences, backspaces, other control characters) and turns ``\\r\\n`` into ``\\n``,
but keeps a lone ``\\r``: progress-bar frames separated by ``\\r`` can carry metrics, and
:func:`frames` splits them.

A block stays bytes until something asks for its text: the fast format templates scan the bytes
of a whole block at once, and only the lines they do not take are decoded one by one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from lossmon.engine.record_heads import MIN_LENGTH, glued_heads, last_record_start, records_fit

MAX_LINE_BYTES = 1 << 20  # longer lines are cut, never buffered without bound
_PREFIX_ROOM = 256  # a logging or rank prefix the parser strips before it judges a line

# CSI (colours, cursor moves), OSC (titles, hyperlinks; ended by BEL or ST), and 2-byte escapes.
_ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?")
_ANSI_TEXT = re.compile(_ANSI.pattern.decode("latin-1"))
# C0 controls and DEL, except tab, newline and carriage return (ESC goes with its sequence first).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_CONTROL_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A run of backspaces followed by more text moves the cursor back to draw over what was written,
# as a \r does: a custom progress bar prints "| train" + 60 backspaces + " 2/133" to put its
# counter in the middle of the bar. The run is a frame boundary, so that the bar's label and its
# counter are never read as one "train 2" pair. (Runs before \r or \n, Keras's, just go.) The
# lookbehind anchors the match at a run's start: each backspace is looked at once.
_BACKSPACE_RUN = re.compile(rb"(?<!\x08)\x08+(?=[^\x08\r\n])")
_BACKSPACE_RUN_TEXT = re.compile(_BACKSPACE_RUN.pattern.decode("latin-1"))


def clean_bytes(data: bytes) -> bytes:
    """Remove escape sequences and control characters (but not \\t, \\n, \\r); \\r\\n → \\n."""
    if b"\x1b" in data:
        data = _ANSI.sub(b"", data)
    if b"\x08" in data:
        data = _BACKSPACE_RUN.sub(b"\r", data)
    data = data.translate(None, _CONTROL_BYTES)  # C speed; a no-op copy on clean text
    if b"\r\n" in data:
        data = data.replace(b"\r\n", b"\n")
    return data


def clean_lines(data: bytes) -> tuple[bytes, np.ndarray]:
    """:func:`clean_bytes` of a block of lines, and the offsets of its newlines. Most blocks
    hold no control character but tab, newline and carriage return, and no ``\\r\\n``: one pass
    over the bytes below 32 says so, and finds the newlines, without copying the block."""
    if b"\x1b" in data:
        data = _ANSI.sub(b"", data)
    array = np.frombuffer(data, np.uint8)
    where = np.flatnonzero(array < 32)
    codes = array[where]
    if (
        ((codes != 9) & (codes != 10) & (codes != 13)).any()
        or ((codes[:-1] == 13) & (codes[1:] == 10) & (np.diff(where) == 1)).any()
        or b"\x7f" in data
    ):
        data = clean_bytes(data)
        return data, newline_offsets(data)
    return data, where[codes == 10]


def clean_text(text: str) -> str:
    """:func:`clean_bytes` for text already decoded."""
    if "\x1b" in text:
        text = _ANSI_TEXT.sub("", text)
    if "\x08" in text:
        text = _BACKSPACE_RUN_TEXT.sub("\r", text)
    if _CONTROL_TEXT.search(text):
        text = _CONTROL_TEXT.sub("", text)
    return text.replace("\r\n", "\n") if "\r\n" in text else text


def frames(line: str) -> list[str]:
    """The non-blank ``\\r``-separated frames of a line, oldest first."""
    return [f for f in line.split("\r") if f.strip()]


def display_text(line: str) -> str:
    """What a terminal shows for the line: its last non-blank frame."""
    if "\r" not in line:
        return line
    shown = frames(line)
    return shown[-1] if shown else ""


def newline_offsets(data: bytes) -> np.ndarray:
    return np.flatnonzero(np.frombuffer(data, np.uint8) == 10)


def decode(data: bytes) -> str:
    return data.decode("utf-8", "replace")


class LineBlock:
    """Consecutive complete lines, held as cleaned bytes joined by ``\\n`` (no final newline).

    ``first`` is the 1-based number of the first line. ``lines`` (all lines as text) and
    ``newlines`` (byte offsets of the separators) are computed on first use.
    """

    __slots__ = ("first", "data", "_lines", "_newlines")

    def __init__(self, first: int, data: bytes, newlines: np.ndarray | None = None) -> None:
        self.first = first
        self.data = data
        self._lines: list[str] | None = None
        self._newlines = newlines

    @classmethod
    def from_lines(cls, first: int, lines: list[str]) -> "LineBlock":
        return cls(first, clean_bytes("\n".join(lines).encode("utf-8", "replace")))

    def __len__(self) -> int:
        return (self.data.count(b"\n") if self._newlines is None else len(self._newlines)) + 1

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = decode(self.data).split("\n")
        return self._lines

    @property
    def newlines(self) -> np.ndarray:
        """Byte offsets of the ``\\n`` separators (one fewer than there are lines)."""
        if self._newlines is None:
            self._newlines = newline_offsets(self.data)
        return self._newlines

    def line(self, index: int) -> str:
        """The text of line ``index`` (0-based within the block)."""
        if self._lines is not None:
            return self._lines[index]
        newlines = self.newlines
        start = newlines[index - 1] + 1 if index else 0
        end = newlines[index] if index < len(newlines) else len(self.data)
        return decode(self.data[start:end])


_CLOSER_BYTES = b" \t}])"
_MAX_CLOSER = 16
MAX_PENDING_DOCUMENT = 16 << 20  # a pending line longer than this is not parsed to see if it is whole


class LineSplitter:
    """Splits a byte stream into complete, cleaned lines.

    ``feed`` returns only complete lines; the bytes after the last newline wait for more data.
    ``flush`` returns that final unterminated line (a file known to be finished), once: it is
    then gone from the buffer, so it is never parsed twice. A line over ``max_line_bytes`` is cut
    (counted in ``cut_lines``), unless it is made of ``\\r`` progress-bar frames or of records
    glued without line ends: those are handed on as they complete (see ``_keep_partial``).
    """

    def __init__(self, max_line_bytes: int = MAX_LINE_BYTES) -> None:
        self.max_line_bytes = max_line_bytes
        # (first line, bytes) -> the newline offsets of a block whose bytes need no cleaning, when
        # another reader of the same file found them (scan workers), else None: found here
        self.known_newlines: Callable[[int, int], np.ndarray | None] | None = None
        self.reset()

    def reset(self) -> None:
        """Start over at line 1 (a truncated or replaced file)."""
        self._partial = b""
        self._overflow = False  # the pending line hit the limit: drop bytes until its next \r or \n
        self._line_ended()
        self.lines_done = 0
        self.cut_lines = 0

    @property
    def pending_bytes(self) -> int:
        return len(self._partial)

    @property
    def pending_closer(self) -> bool:
        """The pending line is nothing but a document's closing brackets ("}", "  ]"): the end of a
        JSON file written without a final newline (json.dump writes none). No value can be cut in
        it, so it may be read before its line ends."""
        return 0 < len(self._partial) <= _MAX_CLOSER and not self._partial.strip(_CLOSER_BYTES) and (
            b"}" in self._partial or b"]" in self._partial
        )

    @property
    def pending_document(self) -> bool:
        """The pending line is a whole JSON object or list of its own (a run's history or results
        written by json.dump on one line, no newline after it): no prefix of one parses, so it is
        whole, and may be read before its line ends. Parsed once per length it reaches (a line
        that is no document is not parsed again until it grows)."""
        partial = self._partial
        if len(partial) == self._document_checked or not 2 <= len(partial) <= MAX_PENDING_DOCUMENT:
            return False
        self._document_checked = len(partial)
        body = partial.strip()
        if body[:1] not in (b"{", b"[") or body[-1:] not in (b"}", b"]") or b"\r" in body:
            return False
        from lossmon.engine.formats.jsonl import load_json  # (the formats are above the lines)

        return isinstance(load_json(body.decode("utf-8", "replace")), (dict, list))

    @property
    def overflowing(self) -> bool:
        """The pending line was cut: its bytes are being dropped up to its end."""
        return self._overflow

    def feed(self, data: bytes) -> LineBlock | None:
        start = 0
        if self._overflow:
            # The cut line's bytes are dropped up to its newline, or up to its next \r: a new
            # progress-bar frame, read as more of the same line.
            end = _LINE_OR_FRAME_END.search(data)
            if end is None:
                return None
            start = end.start()  # a newline here ends the cut line kept in _partial
            self._overflow = False
        last_newline = data.rfind(b"\n", start)
        if last_newline < 0:
            frames = self._keep_partial(data[start:] if start else data)
            return self._frames_block(b"", frames) if frames is not None else None
        if self._partial or start:
            block = b"".join((self._partial, memoryview(data)[start:last_newline]))  # one copy
        else:
            block = data[:last_newline]
        if block.endswith(b"\r"):
            # The \r of the last line's \r\n: the \n is the block's end, so cleaning would not see
            # the pair, and a CRLF log's last line of each block would read as \r frames.
            block = block[:-1]
        self._partial = b""
        self._line_ended()
        frames = self._keep_partial(data[last_newline + 1 :])
        if frames is not None:
            return self._frames_block(block + b"\n", frames)
        return self._block(block)

    def flush(self) -> LineBlock | None:
        """The final line without a newline, if any."""
        if not self._partial and not self._overflow:
            return None
        block, self._partial, self._overflow = self._partial, b"", False
        self._line_ended()
        return self._block(block)

    def _keep_partial(self, rest: bytes) -> bytes | None:
        """Keep the start of the next line. A line that outgrows the limit is cut, but when it is
        made of \\r-separated progress-bar frames (a Lightning epoch: 20k frames, 2 MB), its
        complete frames are returned instead, to be read now as that line, and only the frame
        still being written waits: no frame is lost to the limit, and the buffer stays bounded.
        The same holds for records glued in a line without line ends (see record_heads.py)."""
        if not rest:
            return None
        room = self.max_line_bytes - len(self._partial)
        if len(rest) <= room:
            self._partial += rest
            return self._glued_records() if len(self._partial) >= self._look_at else None
        frames = None
        pending = self._partial + rest  # over the limit: a copy at most once per limit's worth
        last_frame = pending.rfind(b"\r")
        if last_frame > 0:
            frames, pending = pending[:last_frame], pending[last_frame:]
        else:
            # Records glued in a line that lost its line ends: the whole records go on now, and
            # the one being written waits. At most half the limit waits, so the next search is
            # a half limit's worth of bytes away: O(1) per byte.
            last_record = last_record_start(pending, len(pending) - self.max_line_bytes // 2)
            if last_record > 0:
                frames, pending = pending[:last_record], pending[last_record:]
        if len(pending) > self.max_line_bytes:
            pending = pending[: self.max_line_bytes]
            self._overflow = True
            self.cut_lines += 1
        self._partial = pending
        return frames

    def _line_ended(self) -> None:
        self._glued = False  # the pending line has been handed on in records (record_heads.py)
        self._look_at = MIN_LENGTH  # its length at which to look for glued records next
        self._document_checked = 0  # the pending line's length when last asked whether it is a document

    def _glued_records(self) -> bytes | None:
        """The whole records of a pending line that glues records without line ends (a log that
        never writes one would otherwise show nothing until it is finished), cut before the last
        record head: the record still being written waits. The bytes before a head were written
        before it, so no value is read from a partial line. The first piece must be what the
        parser takes for a run of records. Looked at each time the pending line doubles, or grows
        by MIN_LENGTH past what was handed on: O(1) per byte."""
        pending = self._partial
        cut = 0 if b"\r" in pending else last_record_start(pending, 1)
        if cut and not self._glued:
            text = decode(clean_bytes(pending[:cut]))
            if len(text) < MIN_LENGTH + _PREFIX_ROOM or glued_heads(text) is None:
                cut = 0
        if not cut:
            self._look_at = 2 * len(pending)
            return None
        self._partial = pending[cut:]
        self._glued = True
        self._look_at = len(self._partial) + max(len(self._partial), MIN_LENGTH)
        return pending[:cut]

    def _frames_block(self, complete: bytes, frames: bytes) -> LineBlock:
        """``complete`` lines (each ended by its newline), then the complete frames of the line
        still pending: that line's later frames keep its number."""
        block = self._block(complete + frames)
        self.lines_done -= 1
        return block

    def _has_long_line(self, block: bytes) -> bool:
        # A line over the limit holds a whole aligned window of half the limit: when every such
        # window has a newline (a find each, at C speed), no line is too long.
        half = max(1, self.max_line_bytes // 2)
        if all(block.find(b"\n", k, k + half) >= 0 for k in range(0, len(block) - half + 1, half)):
            return False
        ends = newline_offsets(block)
        gaps = np.diff(np.concatenate(([-1], ends, [len(block)])))
        return int(gaps.max()) - 1 > self.max_line_bytes

    def _block(self, block: bytes) -> LineBlock:
        trimmed = False  # lines over the limit were looked at: the block's bytes may have changed
        if len(block) > self.max_line_bytes and self._has_long_line(block):
            trimmed = True
            raw = block.split(b"\n")
            cut = [
                len(line) > self.max_line_bytes
                and not _frames_fit(line, self.max_line_bytes)
                and not records_fit(line, self.max_line_bytes)
                for line in raw
            ]
            self.cut_lines += sum(cut)
            block = b"\n".join(line[: self.max_line_bytes] if too_long else line for line, too_long in zip(raw, cut))
        first = self.lines_done + 1
        known = self.known_newlines(first, len(block)) if self.known_newlines is not None and not trimmed else None
        if known is not None:
            data, newlines = block, known
        else:
            data, newlines = clean_lines(block)  # cleaning keeps every \n: the offsets count the lines
        self.lines_done += len(newlines) + 1
        return LineBlock(first, data, newlines)


_LINE_OR_FRAME_END = re.compile(rb"[\r\n]")


def _frames_fit(line: bytes, limit: int) -> bool:
    """Is a long line only progress-bar frames, each within the limit? Then it is read whole."""
    return b"\r" in line and max(map(len, line.split(b"\r"))) <= limit
