"""Text from a log or a file name, made safe for wherever lossmon writes it.

Series names, finding messages and paths are data. A directory named ``r\\e]0;pwned\\a\\e[2J``
must not set the terminal's title or clear its screen, a U+202E in a name must not reverse the
text after it, and a cell ``=HYPERLINK(...)`` must not run in a spreadsheet. Every output goes
through one of these functions:

- :func:`printable`: terminals (check's reports, watch's lines and stderr, the app, hook
  environment, desktop notifications). Control characters, bidi controls and other invisible
  format characters are shown escaped (``\\x1b``, ``\\u202e``), never interpreted, never dropped
  silently (the user can still tell which file is meant).
- :func:`markdown_text` and :func:`markdown_code`: ``check --markdown``.
- :func:`csv_text`: ``export --csv`` (OWASP's CSV-injection rule; numbers stay numbers).
- :func:`chat_text`: ``--webhook`` (Slack, Mattermost and Discord markup: no mentions, no links).

JSON needs none of them: ``json.dumps`` (``ensure_ascii``, the default) escapes every control and
non-ASCII character itself.
"""

from __future__ import annotations

import unicodedata

# Unicode categories never shown raw: controls (C0, DEL, C1), format characters (bidi
# embeddings, overrides and isolates, U+200E/F, U+061C, zero-width spaces and joiners, BOM,
# tags), line and paragraph separators, and lone surrogates (undecodable bytes of a file name).
_HIDDEN = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs"))
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(char: str) -> str:
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogateescape: the byte it stands for
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: object, limit: int | None = None) -> str:
    """``text`` with every control, bidi or other invisible format character escaped, on one
    line, cut to ``limit`` characters (with an ellipsis) when given."""
    text = str(text)
    if not text.isprintable():  # the fast path: almost every name and path is
        category = unicodedata.category
        text = "".join(_escape(char) if category(char) in _HIDDEN else char for char in text)
    if limit is not None and len(text) > limit:
        text = text[: max(0, limit - 1)] + "…"
    return text


# --- markdown --------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = frozenset("\\`*_[]<>|#~!")


def markdown_text(text: object) -> str:
    """Printable text that stays text in markdown and HTML (no emphasis, link, tag or table)."""
    return "".join("\\" + char if char in _MARKDOWN_SPECIAL else char for char in printable(text))


def markdown_code(text: object) -> str:
    """Printable text as an inline code span (a backtick inside would end it: shown as ')."""
    return "`" + printable(text).replace("`", "'") + "`"


# --- CSV ---------------------------------------------------------------------------------------

# OWASP CSV injection: a cell starting with one of these is a formula (or becomes one) in Excel,
# LibreOffice or Google Sheets; the full-width forms count in some locales.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def csv_text(text: object) -> str:
    """A text cell that a spreadsheet shows as text: printable, and prefixed with ``'`` when it
    would start a formula. Only text cells go through this: numbers are written as numbers."""
    text = printable(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


# --- chat ------------------------------------------------------------------------------------

ZERO_WIDTH_SPACE = "\u200b"


def chat_text(text: object, limit: int | None = 1000) -> str:
    """Printable text that Slack, Mattermost and Discord show as plain text: no mention
    (``@here``, ``@channel``, ``<!channel>``, ``<@U1>``), no link (``<url|x>``, ``[x](url)``,
    a bare ``https://``). A zero-width space breaks each such construct where it would start;
    ``&``, ``<`` and ``>`` are left to :func:`slack_escape`, since only Slack decodes entities."""
    text = printable(text, limit)
    for construct in ("@", "<!", "://", "](", "www."):
        text = text.replace(construct, construct[0] + ZERO_WIDTH_SPACE + construct[1:])
    return text


def slack_escape(text: str) -> str:
    """Slack's (and Mattermost's) required escaping: ``<`` and ``>`` would start a control
    sequence (``<!channel>``, ``<http://x|y>``), ``&`` an entity."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
