"""A log written in UTF-16 (Windows PowerShell's ``python train.py > out.txt`` writes UTF-16LE with
a byte-order mark) read as the UTF-8 every other part of the engine reads. Without it each ASCII
character came with a NUL, escape sequences lost their ESC, and every non-ASCII glyph was noise:
no line of a whole run was understood.

The byte-order mark at the start of the stream decides, once; the rest is decoded incrementally,
so a character or a line cut between two reads is whole when its bytes arrive.

PowerShell read the script's UTF-8 output through the console's OEM code page before writing it
as UTF-16, so a progress bar's glyphs arrive as mojibake: Ultralytics' "━━━━" as "ÔöüÔöüÔöüÔöü"
(cp850) or "ΓöüΓöüΓöü" (cp437), tqdm's "███" as "ÔûêÔûêÔûê". Runs of non-ASCII characters that are
exactly such a misreading (encoded back, they are valid UTF-8) are mended: read as words, the
letters of "Ôöü" made the bar a metric name."""

from __future__ import annotations

import codecs
import os
import re

_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# UTF-8's byte-order mark (Notepad, pandas' encoding="utf-8-sig", PowerShell 7's utf8BOM) is no
# text: before a CSV header it made the first column "\ufeffepoch" and no header at all
_UTF8_BOM = codecs.BOM_UTF8
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]++")
_OEM_CODE_PAGES = ("cp850", "cp437")
MAX_HELD_CHARS = 4096  # a run of non-ASCII text held back at a read's end, to be mended whole


def _mended(run: str) -> str:
    """``run`` as the script wrote it, when it is UTF-8 misread through an OEM code page."""
    for code_page in _OEM_CODE_PAGES:
        try:
            return run.encode(code_page).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return run


def mend_mojibake(text: str) -> str:
    """``text`` with every run of non-ASCII characters that is misread UTF-8 mended."""
    return _NON_ASCII_RUN.sub(lambda match: _mended(match.group()), text) if not text.isascii() else text


def starts_utf16(prefix: bytes) -> bool:
    """True when bytes start with a UTF-16 byte-order mark (and are no UTF-32 one, which starts alike)."""
    return prefix[:2] in _BOMS and prefix[:4] != codecs.BOM_UTF32_LE


class Utf16Transcoder:
    """Bytes of a stream → the same text as UTF-8 when the stream starts with a UTF-16 byte-order
    mark; without UTF-8's byte-order mark when it starts with that; unchanged otherwise."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """A new stream (a truncated or replaced file): its first bytes decide again."""
        self._head = b""  # the first bytes, until there are enough to decide
        self._decoder = None
        self._held = ""  # decoded text after the last ASCII character, waiting for the rest of its run
        self.decided = False
        self.active = False  # the stream is UTF-16

    def feed(self, data: bytes) -> bytes:
        if self.active:
            text = self._held + self._decoder.decode(data)
            cut = len(text)
            while cut and not text[cut - 1].isascii() and len(text) - cut < MAX_HELD_CHARS:
                cut -= 1
            self._held = text[cut:]
            return mend_mojibake(text[:cut]).encode("utf-8", "surrogatepass")
        if self.decided:
            return data
        head = self._head + data
        if len(head) < 4 and (head[:2] in _BOMS or any(bom.startswith(head) for bom in (*_BOMS, _UTF8_BOM))):
            self._head = head  # too short to tell (a follower may see the first bytes one by one)
            return b""
        self._head, self.decided = b"", True
        if head.startswith(_UTF8_BOM):
            return head[len(_UTF8_BOM) :]
        if starts_utf16(head):
            self.active = True
            self._decoder = codecs.getincrementaldecoder("utf-16")(errors="replace")
            return self.feed(head)
        return head

    def flush(self) -> bytes:
        """What waits at the end of the input: a short stream's first bytes, a cut character."""
        if self.active:
            text, self._held = self._held + self._decoder.decode(b"", final=True), ""
            return mend_mojibake(text).encode("utf-8", "surrogatepass")
        head, self._head = self._head, b""
        self.decided = True
        return head[len(_UTF8_BOM) :] if head.startswith(_UTF8_BOM) else head


def file_starts_utf16(path: str) -> bool:
    """Does the file at ``path`` start with a UTF-16 byte-order mark? (Scan workers read a file's
    bytes at their own offsets, as UTF-8 lines: such a file is read by the monitor alone.)"""
    try:
        if not os.path.isfile(path):
            return False  # (a pipe's first bytes are the reader's: never taken here)
        with open(path, "rb") as file:
            return starts_utf16(file.read(4))
    except OSError:
        return False
