"""Bytes → numbered, cleaned text lines.

A line is counted at each ``\\n`` (``\\r`` does not start a line), so line numbers match what
``wc -l``, an editor and ``grep -n`` say. Cleaning drops what a terminal would have consumed
(ANSI escape sequences, backspaces, other control characters) but keeps ``\\r``, because
progress-bar frames separated by ``\\r`` can carry metrics; :func:`frames` splits them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LINE_BYTES = 1 << 20  # longer lines are cut, never buffered without bound

# CSI (colours, cursor moves), OSC (titles, hyperlinks; ended by BEL or ST), and 2-byte escapes.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?")
# C0 controls and DEL, except tab, newline and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(slots=True)
class LineBlock:
    """Consecutive complete lines; ``first`` is the 1-based number of ``lines[0]``."""

    first: int
    lines: list[str]
    has_cr: bool  # some line holds a \r: split it with frames() before parsing


def clean_text(text: str) -> str:
    """Remove escape sequences and control characters (but not \\t, \\n, \\r)."""
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text


def frames(line: str) -> list[str]:
    """The non-blank ``\\r``-separated frames of a line, oldest first."""
    return [f for f in line.split("\r") if f.strip()]


def display_text(line: str) -> str:
    """What a terminal shows for the line: its last non-blank frame."""
    if "\r" not in line:
        return line
    shown = frames(line)
    return shown[-1] if shown else ""


class LineSplitter:
    """Splits a byte stream into complete, decoded, cleaned lines.

    ``feed`` returns only complete lines; the bytes after the last newline wait for more data.
    ``flush`` returns that final unterminated line (a file read to its end, an idle writer),
    once: it is then gone from the buffer, so it is never parsed twice.
    """

    def __init__(self, max_line_bytes: int = MAX_LINE_BYTES) -> None:
        self.max_line_bytes = max_line_bytes
        self.reset()

    def reset(self) -> None:
        """Start over at line 1 (a truncated or replaced file)."""
        self._partial = b""
        self._overflow = False  # the pending line hit the limit: drop bytes until its newline
        self.lines_done = 0
        self.cut_lines = 0

    @property
    def pending_bytes(self) -> int:
        return len(self._partial)

    def feed(self, data: bytes) -> LineBlock | None:
        start = 0
        if self._overflow:
            newline = data.find(b"\n")
            if newline < 0:
                return None
            start = newline  # this newline ends the cut line kept in _partial
            self._overflow = False
        last_newline = data.rfind(b"\n", start)
        if last_newline < 0:
            self._keep_partial(data[start:] if start else data)
            return None
        block = self._partial + data[start:last_newline]
        self._partial = b""
        self._keep_partial(data[last_newline + 1 :])
        return self._decode(block)

    def flush(self) -> LineBlock | None:
        """The final line without a newline, if any."""
        if not self._partial and not self._overflow:
            return None
        block, self._partial, self._overflow = self._partial, b"", False
        return self._decode(block)

    def _keep_partial(self, rest: bytes) -> None:
        if not rest:
            return
        room = self.max_line_bytes - len(self._partial)
        if len(rest) > room:
            rest = rest[: max(room, 0)]
            self._overflow = True
            self.cut_lines += 1
        self._partial += rest

    def _decode(self, block: bytes) -> LineBlock:
        raw = block.split(b"\n")
        if len(block) > self.max_line_bytes and max(map(len, raw)) > self.max_line_bytes:
            self.cut_lines += sum(len(line) > self.max_line_bytes for line in raw)
            block = b"\n".join(line[: self.max_line_bytes] for line in raw)
        text = clean_text(block.decode("utf-8", "replace"))
        first = self.lines_done + 1
        lines = text.split("\n")
        self.lines_done += len(lines)
        return LineBlock(first, lines, "\r" in text)
