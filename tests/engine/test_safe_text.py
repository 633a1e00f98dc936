"""The one sanitizer (lossmon.engine.safe_text): generated hostile text in, inert text out.
Every output that uses it is tested in tests/commands/test_hostile_text.py."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from lossmon.engine.safe_text import csv_text, markdown_code, markdown_text, printable

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
PIECES = [
    "\x1b]0;pwned\x07", "\x1b[2J", "\x1b]52;c;cHduZWQ=\x07", "\x9b31m", "\x9d0;x\x9c", "\r", "\n", "\t", "\x00",
    "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\u00ad", "\U000e0041", "\udcff",
    *BIDI, "[bold red]x[/]", "[link=http://evil]y[/link]", "`", "*", "_", "<b>", "=cmd|' /C calc'!A0", "@SUM(1)",
    "+1", "-2", "\\", '"',
]
hostile = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), min_size=1, max_size=6).map("".join)


def hidden(text: str) -> list[str]:
    """Characters a terminal would obey or hide (a newline between lines is fine)."""
    return [c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs")]


# --- the sanitizer ------------------------------------------------------------------------------

@given(hostile)
def test_printable_escapes_every_hidden_character_and_keeps_the_rest(text):
    shown = printable(text)
    assert hidden(shown) == [] and "\n" not in shown
    visible = [c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp", "Cs")]
    assert all(c in shown for c in visible)


def test_printable_examples():
    assert printable("r\x1b]0;pwned\x07\x1b[2J/train.log") == "r\\x1b]0;pwned\\x07\\x1b[2J/train.log"
    assert printable("loss\u202eevil\u2066") == "loss\\u202eevil\\u2066"
    assert printable("a\tb\nc\r") == "a\\tb\\nc\\r"
    assert printable("caf\udcc3\udca9") == "caf\\xc3\\xa9"  # undecodable bytes of a file name
    assert printable("\U000e0041") == "\\U000e0041"
    assert printable("plain name/с юникодом ✓") == "plain name/с юникодом ✓"
    assert printable("x" * 50, limit=10) == "x" * 9 + "…"


@given(hostile)
def test_markdown_text_and_code_are_printable_and_inert(text):
    for shown in (markdown_text(text), markdown_code(text)):
        assert hidden(shown) == []
    assert markdown_code(text).count("`") == 2
    escaped = markdown_text(text).replace("\\\\", "")
    assert not any(escaped[i] in "`*_[]<>|#~!" and (i == 0 or escaped[i - 1] != "\\") for i in range(len(escaped)))


@given(hostile)
def test_csv_text_never_starts_a_formula(text):
    cell = csv_text(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"))
    assert hidden(cell) == []
