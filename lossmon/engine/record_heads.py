"""Where records start in a line that lost its line ends.

A log written without line ends (``print(..., end="")``, a capture that kept no separators)
holds all its records in one line, each starting with the same step word followed by its number:
``...0.14911957step 15 / 4000 (epoch 0.07 / 20):  learning_rate = ...step 30 / 4000 (...``.
The word the line's first head uses is its record head; other step words (``epoch`` inside a
``step`` record) are data. A line is taken for such a run when it is long (MIN_LENGTH) and its
word heads at least MIN_HEADS records; a line of normal length, and a JSON document, never are.
formats/glued_records.py cuts such a line into its records. The line splitter (lines.py) hands
the whole records of one on while its line end has not come (the log may never write one), cut
before the last head, instead of holding them, or cutting them at the line limit.
"""

from __future__ import annotations

import re

_PATTERN = (
    r"(?<![A-Za-z_])(step|iter|iteration|epoch|Step|Iter|Iteration|Epoch|STEP|ITER|EPOCH)"
    r"(?=[ \t]{0,4}[:=#]?[ \t]{0,4}\d)"
)
MIN_LENGTH = 2048  # shorter lines are lines: one record each
MIN_HEADS = 3  # a step word seen fewer times heads no run of records
HEAD = re.compile(_PATTERN)  # decoded text
HEAD_BYTES = re.compile(_PATTERN.encode())  # raw bytes (the heads are ASCII: a cut never splits a character)


def last_record_start(data: bytes, not_before: int) -> int:
    """The offset of the last record head in ``data`` (of the word its first head uses) at or after
    ``not_before``; 0 when there is none there, or no head at all. ``rfind`` walks back from the
    end, so the cost is that of the bytes after the head found, not of the whole line."""
    first = HEAD_BYTES.search(data)
    if first is None:
        return 0
    word = first.group(1)
    end = len(data)
    while True:
        at = data.rfind(word, max(not_before, 1), end)
        if at < 0:
            return 0
        match = HEAD_BYTES.match(data, at)
        if match is not None and match.group(1) == word:
            return at
        end = at + len(word) - 1  # "iteration" holds "iter": look before this one's start


def records_fit(line: bytes, limit: int) -> bool:
    """Is a long line a run of records glued together, each within ``limit`` bytes? Then it is
    read whole (it is in memory already), and cut into its records by the parser. One pass."""
    first = HEAD_BYTES.search(line)
    if first is None or first.start() > limit:
        return False
    word = first.group(1)
    start = first.start()
    for match in HEAD_BYTES.finditer(line, first.end()):
        if match.group(1) == word:
            if match.start() - start > limit:
                return False
            start = match.start()
    return len(line) - start <= limit


def glued_heads(text: str, continued: bool = False) -> list[int] | None:
    """Where the records of a line that glues several start (the first, at its first head, may
    follow other text); None for a line to read whole. ``continued``: the text is a later piece
    of a line already taken for one, cut whatever its length. One regex pass."""
    if not continued and (len(text) < MIN_LENGTH or text.lstrip()[:1] in ("{", "[")):
        return None
    first = HEAD.search(text)
    if first is None:
        return None
    word = first.group(1)
    starts = [match.start() for match in HEAD.finditer(text, first.start()) if match.group(1) == word]
    return starts if continued or len(starts) >= MIN_HEADS else None
